//! Casualty and arrest counts of the main event: "at least 6 people were killed",
//! "killing three", "dozens wounded". Read from lede sentences only: news puts its main
//! event first, and later numbers are usually about earlier or related events.

use corroborate_knowledge::Knowledge;
use corroborate_model::{Claim, ClaimValue, Span, Subject};

use crate::numbers;
use crate::tokens::Token;

/// How far after a number a count word may stand ("7 people were shot and killed").
const AFTER: usize = 6;
/// How far before ("killed at least 7").
const BEFORE: usize = 3;

fn count_attribute<'k>(t: &Token, k: &'k Knowledge) -> Option<&'k str> {
    let l = t.lower();
    k.events
        .counts
        .iter()
        .find(|(_, cues)| cues.contains(&l))
        .map(|(a, _)| a.as_str())
}

/// "a man was shot", "a 10-year-old girl was killed": one person, whose status says what
/// the one counts.
fn singular(toks: &[Token], s: usize, k: &Knowledge, out: &mut Vec<Claim>) {
    for i in 0..toks.len() {
        if !(toks[i].is("a") || toks[i].is("an") || toks[i].is("one")) {
            continue;
        }
        // Up to three modifiers, then a person noun.
        let Some(noun) = (i + 1..(i + 5).min(toks.len()))
            .find(|&j| k.names.person_nouns.contains_key(&toks[j].lower()))
        else {
            continue;
        };
        if toks[i + 1..noun].iter().any(|t| !t.is_word) {
            continue;
        }
        let mut j = noun + 1;
        while j < toks.len()
            && matches!(
                toks[j].lower().as_str(),
                "was"
                    | "is"
                    | "has"
                    | "been"
                    | "had"
                    | "also"
                    | "reportedly"
                    | "critically"
                    | "fatally"
            )
        {
            j += 1;
        }
        if j == noun + 1 {
            continue;
        }
        let status = k.events.status_words.iter().find(|(_, w)| {
            j + w.len() <= toks.len() && w.iter().enumerate().all(|(n, x)| toks[j + n].is(x))
        });
        let attribute = match status.map(|(st, _)| st.as_str()) {
            Some("killed") => "killed",
            Some("injured") => "injured",
            _ => continue,
        };
        out.push(Claim {
            subject: Subject::Event,
            attribute: attribute.into(),
            value: ClaimValue::Quantity(corroborate_model::Quantity::exact(1)),
            span: Span::new(toks[i].span.start, toks[noun].span.end),
            sentence: s,
        });
    }
}

/// Count claims in one lede sentence. Numbers inside `taken` (ages already read) are skipped.
pub fn find(s: usize, toks: &[Token], taken: &[Span], k: &Knowledge, out: &mut Vec<Claim>) {
    let before = out.len();
    let mut i = 0;
    while i < toks.len() {
        let Some(expr) = numbers::at(toks, i, k) else {
            i += 1;
            continue;
        };
        if taken.iter().any(|t| t.overlaps(toks[expr.start].span)) {
            i = expr.end;
            continue;
        }
        let stop = |t: &Token| matches!(t.text, "." | ";" | ":" | "(" | ")") || t.is("but");
        let after = toks[expr.end..(expr.end + AFTER).min(toks.len())]
            .iter()
            .take_while(|t| !stop(t))
            .find_map(|t| count_attribute(t, k));
        let before = toks[expr.start.saturating_sub(BEFORE)..expr.start]
            .iter()
            .rev()
            .take_while(|t| !stop(t) && t.text != ",")
            .find_map(|t| count_attribute(t, k));
        if let Some(attr) = after.or(before) {
            out.push(Claim {
                subject: Subject::Event,
                attribute: attr.to_string(),
                value: ClaimValue::Quantity(expr.quantity),
                span: Span::new(toks[expr.start].span.start, toks[expr.end - 1].span.end),
                sentence: s,
            });
        }
        i = expr.end;
    }
    if out.len() == before {
        singular(toks, s, k, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn counts(s: &str) -> Vec<(String, String)> {
        let k = Knowledge::builtin().unwrap();
        let toks = tokenize(s, Span::new(0, s.len()));
        let mut out = Vec::new();
        find(0, &toks, &[], &k, &mut out);
        out.into_iter()
            .map(|c| match c.value {
                ClaimValue::Quantity(q) => (c.attribute, q.normalised()),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn finds_counts_before_and_after_their_words() {
        assert_eq!(
            counts("At least 6 people were killed and 12 injured in 2019."),
            [
                ("killed".to_string(), ">=6".to_string()),
                ("injured".to_string(), "12".to_string())
            ]
        );
        assert_eq!(
            counts("Police arrested three men."),
            [("arrested".to_string(), "3".to_string())]
        );
        assert_eq!(
            counts("The gunman, 25, fled in front of hundreds of onlookers."),
            vec![]
        );
    }
}
