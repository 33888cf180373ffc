//! What happened to the people of an incident, and who they were in it: status (`killed`,
//! `injured`, `arrested`, `unharmed`) and role (`victim`, `suspect`) claims about named
//! people, from the phrases in `data/events.toml`:
//!
//! - "X was shot and killed", "X, 25, was wounded", "X died": status after the name
//!   (over an age apposition or a short relative clause);
//! - "police arrested X", "... charged X with": arrest verbs before the name;
//! - "the victim, X", "suspect X", "X, the gunman": role nouns beside the name;
//! - a killed or injured person is a victim; an arrested or charged one a suspect.

use corroborate_knowledge::Knowledge;
use corroborate_model::{Claim, ClaimValue, Mention, MentionKind, Span, Subject};

use crate::people::token_at;
use crate::tokens::Token;

const AUXILIARIES: [&str; 9] = [
    "was", "were", "is", "are", "has", "have", "had", "been", "being",
];
const ADVERBS: [&str; 9] = [
    "also",
    "reportedly",
    "allegedly",
    "later",
    "critically",
    "seriously",
    "fatally",
    "then",
    "both",
];
const ACTIVE_ARREST: [&str; 6] = [
    "arrested",
    "charged",
    "detained",
    "booked",
    "apprehended",
    "indicted",
];

fn phrase_at(toks: &[Token], i: usize, phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split(' ').collect();
    i + words.len() <= toks.len() && words.iter().enumerate().all(|(n, w)| toks[i + n].is(w))
}

/// The status phrase at token `i`, if one stands there.
fn status_at<'k>(toks: &[Token], i: usize, k: &'k Knowledge) -> Option<(&'k str, usize)> {
    k.events
        .status_words
        .iter()
        .find(|(_, w)| {
            i + w.len() <= toks.len() && w.iter().enumerate().all(|(n, x)| toks[i + n].is(x))
        })
        .map(|(s, w)| (s.as_str(), w.len()))
}

/// The words of the tokens inside `span`, joined by spaces.
fn text_of(toks: &[Token], span: Span) -> String {
    toks.iter()
        .filter(|t| span.contains(t.span))
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

fn claim(mi: usize, attribute: &str, value: &str, span: Span, s: usize) -> Claim {
    Claim {
        subject: Subject::Mention(mi),
        attribute: attribute.into(),
        value: ClaimValue::Text(value.into()),
        span,
        sentence: s,
    }
}

/// The role a status implies. Being hurt makes a victim; being charged makes a suspect; an
/// arrest or detention alone says nothing (a detained journalist is no suspect).
fn role_of_status(status: &str, phrase: &str) -> Option<&'static str> {
    match status {
        "killed" | "injured" => Some("victim"),
        "arrested" if matches!(phrase, "charged" | "indicted" | "booked") => Some("suspect"),
        _ => None,
    }
}

/// Status and role claims in one sentence.
pub fn find(s: usize, toks: &[Token], mentions: &[Mention], k: &Knowledge, out: &mut Vec<Claim>) {
    for (mi, m) in mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.sentence == s && m.kind == MentionKind::Person)
    {
        let Some(a) = token_at(toks, m.span.start) else {
            continue;
        };
        let b = toks
            .iter()
            .position(|t| t.span.start >= m.span.end)
            .unwrap_or(toks.len());
        let mut found: Option<(&str, Span)> = None;
        // After the name: skip ", 25," and short appositions up to the verb group.
        let mut i = b;
        if toks.get(i).is_some_and(|t| t.text == ",") {
            let close = (i + 1..(i + 8).min(toks.len())).find(|&j| toks[j].text == ",");
            i = close.map_or(i + 1, |c| c + 1);
        }
        let mut j = i;
        let mut passive = false;
        while j < toks.len()
            && (AUXILIARIES.contains(&toks[j].lower().as_str())
                || ADVERBS.contains(&toks[j].lower().as_str()))
        {
            passive |= AUXILIARIES.contains(&toks[j].lower().as_str());
            j += 1;
        }
        if let Some((status, n)) = status_at(toks, j, k) {
            // Active "X shot ..." makes X a shooter, not a victim; "X died" is active and a status.
            let active_ok = matches!(status, "killed" | "unharmed") && toks[j].is("died")
                || toks[j].is("unharmed");
            if passive || active_ok {
                found = Some((
                    status,
                    Span::new(toks[j].span.start, toks[j + n - 1].span.end),
                ));
            } else if j == i
                && matches!(
                    toks[j].lower().as_str(),
                    "shot" | "killed" | "stabbed" | "murdered"
                )
            {
                // "X shot Y": X is the one who shot.
                out.push(claim(mi, "role", "suspect", toks[j].span, s));
            }
        }
        // Before the name: "police arrested X", "charged X".
        if found.is_none() && a > 0 && ACTIVE_ARREST.contains(&toks[a - 1].lower().as_str()) {
            found = Some(("arrested", toks[a - 1].span));
        }
        if let Some((status, span)) = found {
            out.push(claim(mi, "status", status, span, s));
            let phrase = text_of(toks, span).to_lowercase();
            if let Some(role) = role_of_status(status, &phrase) {
                out.push(claim(mi, "role", role, span, s));
            }
        }
        // "The victim was identified as X": the role noun earlier in the sentence.
        let identified = a >= 2
            && toks[a - 1].is("as")
            && (toks[a - 2].is("identified") || toks[a - 2].is("named"));
        if identified {
            let noun = k.events.roles.iter().find_map(|(role, nouns)| {
                (0..a - 2)
                    .rev()
                    .find(|&p| nouns.iter().any(|n| phrase_at(toks, p, n)))
                    .map(|p| (role, p))
            });
            if let Some((role, p)) = noun {
                out.push(claim(mi, "role", role, toks[p].span, s));
            }
        }
        // Role nouns beside the name: "suspect X", "the victim, X", "X, the gunman".
        for (role, nouns) in &k.events.roles {
            let before = (1..=3).filter_map(|d| a.checked_sub(d)).find(|&p| {
                nouns.iter().any(|n| phrase_at(toks, p, n))
                    && toks[p..a].iter().all(|t| t.is_word || t.text == ",")
            });
            let after = (b..(b + 4).min(toks.len())).find(|&p| {
                toks[b..p]
                    .iter()
                    .all(|t| t.text == "," || t.is("the") || t.is("a"))
                    && nouns.iter().any(|n| phrase_at(toks, p, n))
            });
            if let Some(p) = before.or(after) {
                out.push(claim(mi, "role", role, toks[p].span, s));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{mentions, people, sentences, tokens};
    use corroborate_model::Sentence;

    fn run(text: &str) -> Vec<(String, String, String)> {
        let k = Knowledge::builtin().unwrap();
        let text = format!("T\n\n{text}");
        let sents: Vec<Sentence> = sentences::split(&text, &k);
        let toks: Vec<Vec<tokens::Token>> = sents
            .iter()
            .map(|s| tokens::tokenize(&text, s.span))
            .collect();
        let mut c = mentions::find(&text, &sents, &toks, &k);
        people::apply_cues(&mut c, &toks, &k);
        let ms = people::link(c, &k);
        let mut out = Vec::new();
        for (s, t) in toks.iter().enumerate() {
            find(s, t, &ms, &k, &mut out);
        }
        out.into_iter()
            .map(|c| {
                let who = match c.subject {
                    Subject::Mention(m) => ms[m].text.clone(),
                    _ => String::new(),
                };
                let v = match c.value {
                    ClaimValue::Text(t) => t,
                    _ => String::new(),
                };
                (who, c.attribute, v)
            })
            .collect()
    }

    fn has(v: &[(String, String, String)], who: &str, attr: &str, val: &str) -> bool {
        v.iter().any(|(w, a, x)| w == who && a == attr && x == val)
    }

    #[test]
    fn statuses_and_roles_from_common_phrasings() {
        let v = run("Darnell Hayes, 24, was shot and killed on Friday. Police arrested Marcus Webb on Saturday. The suspect, Lee Tran, was charged with murder. Ana Silva died at the scene. Omar Diaz shot Peter Kane.");
        assert!(has(&v, "Darnell Hayes", "status", "killed"), "{v:?}");
        assert!(has(&v, "Darnell Hayes", "role", "victim"));
        assert!(has(&v, "Marcus Webb", "status", "arrested"));
        assert!(
            !has(&v, "Marcus Webb", "role", "suspect"),
            "an arrest alone gives no role"
        );
        assert!(has(&v, "Lee Tran", "role", "suspect"));
        assert!(has(&v, "Lee Tran", "status", "arrested"));
        assert!(has(&v, "Ana Silva", "status", "killed"));
        assert!(has(&v, "Omar Diaz", "role", "suspect"));
    }

    #[test]
    fn wounded_is_injured_and_spokespeople_get_nothing() {
        let v = run(
            "Maya Ross was wounded in the leg. Sergeant Tom Bell said the investigation continues.",
        );
        assert!(has(&v, "Maya Ross", "status", "injured"));
        assert!(!v.iter().any(|(w, _, _)| w.contains("Bell")), "{v:?}");
    }
}
