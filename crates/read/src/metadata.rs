//! Recovers report metadata the input did not state: the outlet, from the URL's domain or
//! from the outlet's own name in its removed self-promotion ("Subscribe to the Courier").

use std::collections::BTreeMap;

use corroborate_knowledge::Knowledge;
use corroborate_model::RemovedLine;

/// Removal reasons whose lines are the outlet speaking about itself.
const SELF_PROMOTION: [&str; 4] = ["newsletter", "donation", "account", "follow"];

/// The outlet's name and where it came from (`metadata`, `url`, `boilerplate`).
pub fn recover_outlet(
    stated: Option<&str>,
    url: Option<&str>,
    removed: &[RemovedLine],
    k: &Knowledge,
) -> Option<(String, &'static str)> {
    if let Some(s) = stated {
        let name = k.orgs.lookup(s, true).map(|i| k.orgs.list[i].name.clone());
        return Some((name.unwrap_or_else(|| s.to_string()), "metadata"));
    }
    if let Some(host) = url.and_then(host_of) {
        if let Some(i) = k.orgs.by_domain(&host) {
            return Some((k.orgs.list[i].name.clone(), "url"));
        }
    }
    let mut votes: BTreeMap<usize, usize> = BTreeMap::new();
    let names = k.orgs.all_names();
    for line in removed {
        let base = line.reason.split(' ').next().unwrap_or("");
        if !SELF_PROMOTION.contains(&base) {
            continue;
        }
        for (name, i) in &names {
            if k.orgs.list[*i].class == "outlet" && contains_name(&line.text, name) {
                *votes.entry(*i).or_default() += 1;
            }
        }
    }
    let best = votes
        .into_iter()
        .max_by_key(|&(i, n)| (n, std::cmp::Reverse(i)))?;
    Some((k.orgs.list[best.0].name.clone(), "boilerplate"))
}

/// The host part of a URL.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next()?.split(':').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// Whether `name` stands in `text` as whole words. Names are matched with their
/// capitalisation; an alias written "the X" matches "the X" in any case.
fn contains_name(text: &str, name: &str) -> bool {
    let (hay, needle) = if name.starts_with("the ") {
        (text.to_lowercase(), name.to_lowercase())
    } else {
        (text.to_string(), name.to_string())
    };
    hay.match_indices(&needle).any(|(i, m)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str, reason: &str) -> RemovedLine {
        RemovedLine {
            text: text.into(),
            reason: reason.into(),
        }
    }

    #[test]
    fn outlet_from_domain_and_from_self_promotion() {
        let k = Knowledge::builtin().unwrap();
        let r = recover_outlet(None, Some("https://www.theguardian.com/world/x"), &[], &k);
        assert_eq!(r, Some(("The Guardian".into(), "url")));
        let lines = [removed(
            "Sign up to the Guardian's morning briefing",
            "newsletter",
        )];
        assert_eq!(
            recover_outlet(None, None, &lines, &k),
            Some(("The Guardian".into(), "boilerplate"))
        );
        // An image credit names someone else's outlet: not evidence of whose page this is.
        let credit = [removed("Image via the Guardian", "image_credit")];
        assert_eq!(recover_outlet(None, None, &credit, &k), None);
    }

    #[test]
    fn stated_outlet_is_normalised_through_aliases() {
        let k = Knowledge::builtin().unwrap();
        let r = recover_outlet(Some("MailOnline"), None, &[], &k);
        assert_eq!(r, Some(("Daily Mail".into(), "metadata")));
        let r = recover_outlet(Some("The Valley Courier"), None, &[], &k);
        assert_eq!(r, Some(("The Valley Courier".into(), "metadata")));
    }
}
