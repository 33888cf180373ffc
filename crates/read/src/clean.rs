//! Removes boilerplate lines (newsletter prompts, share text, donation appeals, image
//! credits, repeated captions) and keeps every news sentence.
//!
//! The patterns are data (`data/boilerplate.toml`); the mechanism is line classification:
//! 1. a line matching a pattern class is removed with that class as its reason, unless it is
//!    quoted speech (a quotation with a reporting verb) or too long to be page furniture;
//! 2. cues remove lines without a pattern: a line repeated verbatim (a caption shown twice),
//!    a line that is one phrase written twice (widget text), a caption followed by the same
//!    caption with a credit;
//! 3. weak lines (short fragments without sentence punctuation, calls to action, lines that
//!    address the reader) are removed only when they stand next to a removed line, so a
//!    sign-up box is taken out whole while a lone standfirst is kept.

use std::collections::HashMap;

use corroborate_knowledge::Knowledge;
use corroborate_model::{RawReport, RemovedLine};

/// Copies of a short fragment, scattered over a page, that make it furniture ("Advertisement").
const SCATTERED_REPEATS: usize = 3;

/// Removal reasons that do not spread to weak neighbours: a repeated line says nothing
/// about the lines around it (a sports roster repeats names between real rows).
const NOT_SPREADING: [&str; 4] = ["repeated", "widget", "caption", "repeated-headline"];

/// Lines longer than this many words are article text, whatever they contain.
const MAX_BOILERPLATE_WORDS: usize = 80;

/// The body split into kept paragraphs and removed lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub kept: Vec<String>,
    pub removed: Vec<RemovedLine>,
}

/// Classifies every line of the report's body.
pub fn clean(raw: &RawReport, k: &Knowledge) -> Cleaned {
    let lines: Vec<&str> = raw
        .body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut reason: Vec<Option<String>> = lines.iter().map(|l| pattern_class(l, k)).collect();

    // Cue: verbatim repeats. A line shown twice in a row keeps its first copy; elsewhere a
    // short fragment repeated three times or more is furniture ("Advertisement"), while
    // repeated sentences are content (an interview's recurring question, a recipe).
    let normal: Vec<String> = lines.iter().map(|l| normalise(l)).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for n in &normal {
        *counts.entry(n.as_str()).or_default() += 1;
    }
    let title = normalise(&raw.title);
    for (i, l) in lines.iter().enumerate() {
        if reason[i].is_some() {
            continue;
        }
        let n = &normal[i];
        // Shown twice in a row (a caption under a photo and again as its alt text): the
        // first copy stays, the rest go.
        let twice_in_a_row = i > 0 && normal[i - 1] == *n;
        if twice_in_a_row || (counts[n.as_str()] >= SCATTERED_REPEATS && is_fragment(l, k)) {
            reason[i] = Some("repeated".into());
        } else if is_doubled(n) {
            reason[i] = Some("widget".into());
        } else if *n == title && i == 0 {
            reason[i] = Some("repeated-headline".into());
        }
    }
    // Cue: a caption followed by itself with a credit.
    for i in 0..lines.len().saturating_sub(1) {
        if reason[i].is_none()
            && reason[i + 1].is_some()
            && lines[i + 1].len() > lines[i].len()
            && lines[i + 1].starts_with(lines[i])
        {
            reason[i] = Some("caption".into());
            reason[i + 1] = Some("caption".into());
        }
    }
    // Weak lines next to removed ones, to a fixed point.
    let weak: Vec<bool> = lines.iter().map(|l| is_weak(l, k)).collect();
    loop {
        let mut changed = false;
        for i in 0..lines.len() {
            if reason[i].is_some() || !weak[i] {
                continue;
            }
            let spreads = |r: &Option<String>| {
                r.as_ref()
                    .filter(|r| !NOT_SPREADING.contains(&r.as_str()))
                    .cloned()
            };
            let prev = i.checked_sub(1).and_then(|j| spreads(&reason[j]));
            let next = reason.get(i + 1).and_then(spreads);
            if let Some(r) = prev.or(next) {
                let base = r.split(' ').next().unwrap_or(&r).to_string();
                reason[i] = Some(format!("{base} (adjacent)"));
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut kept = Vec::new();
    let mut removed = Vec::new();
    for (l, r) in lines.iter().zip(reason) {
        match r {
            Some(reason) => removed.push(RemovedLine {
                text: l.to_string(),
                reason,
            }),
            None => kept.push(l.to_string()),
        }
    }
    Cleaned { kept, removed }
}

fn normalise(l: &str) -> String {
    l.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// "Send in e-mailSend in e-mail": one phrase written twice.
fn is_doubled(n: &str) -> bool {
    let compact: String = n.chars().filter(|c| !c.is_whitespace()).collect();
    let len = compact.chars().count();
    if len < 6 || !len.is_multiple_of(2) {
        return false;
    }
    let half: String = compact.chars().take(len / 2).collect();
    compact.ends_with(&half) && compact.starts_with(&half)
}

fn words(l: &str) -> Vec<String> {
    l.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

/// Quoted speech: a quotation mark and a reporting verb outside it.
fn is_quoted_speech(l: &str, k: &Knowledge) -> bool {
    let has_quote = l.contains(['“', '”', '"']);
    has_quote
        && words(&outside_quotes(l))
            .iter()
            .any(|w| k.attribution.reporting_verbs.contains(w))
}

/// The text with quoted passages removed.
fn outside_quotes(l: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in l.chars() {
        match c {
            '“' => inside = true,
            '”' => inside = false,
            '"' => inside = !inside,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// The boilerplate class a single line matches, if any (used for headlines too).
pub fn pattern_class(l: &str, k: &Knowledge) -> Option<String> {
    if is_quoted_speech(l, k) {
        return None;
    }
    let long = words(l).len() > MAX_BOILERPLATE_WORDS;
    k.boilerplate
        .classes
        .iter()
        .filter(|(class, _)| !long || k.boilerplate.any_length_classes.contains(class))
        .find(|(_, patterns)| patterns.iter().any(|p| p.is_match(l)))
        .map(|(class, _)| class.clone())
}

/// Longest line that counts as a reader-addressed weak line: longer prose that speaks to
/// the reader is content (blogs and reviews do it), not a sign-up box.
const MAX_WEAK_WORDS: usize = 20;

/// A few words without sentence punctuation ("Daily Digest", "Share").
fn is_fragment(l: &str, k: &Knowledge) -> bool {
    let ends_sentence = l.trim_end().ends_with(['.', '!', '?', '"', '”', ':', ';']);
    words(l).len() <= k.boilerplate.fragment_max_words && !ends_sentence
}

fn is_weak(l: &str, k: &Knowledge) -> bool {
    if is_quoted_speech(l, k) {
        return false;
    }
    let w = words(l);
    if w.len() > MAX_WEAK_WORDS {
        return false;
    }
    let bp = &k.boilerplate;
    let outside = words(&outside_quotes(l));
    let addresses_reader = outside.iter().any(|w| bp.reader_words.contains(w));
    let call_to_action = w.first().is_some_and(|f| bp.imperative_verbs.contains(f));
    is_fragment(l, k) || addresses_reader || call_to_action
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(body: &str) -> RawReport {
        RawReport {
            id: "r".into(),
            path: "r.txt".into(),
            title: "A headline".into(),
            outlet: None,
            published: None,
            url: None,
            body: body.into(),
            meta: Default::default(),
        }
    }

    fn run(body: &str) -> Cleaned {
        clean(&raw(body), &Knowledge::builtin().unwrap())
    }

    #[test]
    fn removes_a_signup_box_whole_and_keeps_the_news() {
        let c = run("The council met on Tuesday.\nNever Miss A Story\nMorning Brief\nThe best of our reporting, every weekday.\nSign up for our newsletter to get it in your inbox.\nThe vote passed by nine to two.");
        assert_eq!(
            c.kept,
            [
                "The council met on Tuesday.",
                "The vote passed by nine to two."
            ]
        );
        assert_eq!(c.removed.len(), 4);
        assert!(c.removed.iter().any(|r| r.reason == "newsletter"));
    }

    #[test]
    fn keeps_a_lone_standfirst_without_punctuation() {
        let c = run("Firefighters pulled two people from the river\nThe rescue took an hour.");
        assert_eq!(c.kept.len(), 2);
    }

    #[test]
    fn removes_repeated_captions_and_doubled_widget_text() {
        let c = run("Print this pagePrint this page\nA crowd outside the court.\nA crowd outside the court. Photo: Staff\nThe trial opened.\nSmoke over the harbour\nSmoke over the harbour");
        assert_eq!(c.kept, ["The trial opened.", "Smoke over the harbour"]);
        let reasons: Vec<&str> = c.removed.iter().map(|r| r.reason.as_str()).collect();
        assert!(reasons.contains(&"caption"), "{reasons:?}");
        assert!(reasons.contains(&"repeated"), "{reasons:?}");
    }

    #[test]
    fn repeated_sentences_far_apart_are_content() {
        let c = run("What drew you to cooking?\nMy grandmother did.\nWhat drew you to cooking?\nA restaurant job.\nAdvertisement\nMore text here.\nAdvertisement");
        assert_eq!(c.kept.len(), 5, "{:?}", c.removed);
        assert!(c.removed.iter().all(|r| r.text == "Advertisement"));
    }

    #[test]
    fn long_reader_addressed_prose_next_to_a_prompt_is_kept() {
        let c = run("Sign up for our newsletter.\nIf you have ever wondered why your houseplants wilt in winter, the answer is usually the dry air from heating, which you can fix with a tray of pebbles and water.");
        assert_eq!(c.kept.len(), 1);
    }

    #[test]
    fn quoted_speech_is_never_boilerplate() {
        let c = run("“Your support means everything to us,” the mayor told volunteers.\nDonate today to keep our journalism free.");
        assert_eq!(
            c.kept,
            ["“Your support means everything to us,” the mayor told volunteers."]
        );
        assert_eq!(c.removed[0].reason, "donation");
    }
}
