//! What the main event was, where and how: its place (named places after "in", "at",
//! "near", "outside", "of" in lede sentences, the most specific per sentence), the weapon
//! ("with an assault rifle", `events.toml`) and the charge or accusation ("accused of
//! apostasy", "convicted ... of X", "killed for X").

use corroborate_knowledge::Knowledge;
use corroborate_model::{Claim, ClaimValue, Mention, MentionKind, Span, Subject};

use crate::people::token_at;
use crate::tokens::Token;

const PLACE_PREPOSITIONS: [&str; 7] = ["in", "at", "near", "outside", "of", "from", "into"];
const WEAPON_CUES: [&str; 5] = ["with", "using", "used", "wielding", "armed"];
const CHARGE_VERBS: [&str; 8] = [
    "accused",
    "accusing",
    "convicted",
    "charged",
    "guilty",
    "sentenced",
    "killed",
    "executed",
];
const CHARGE_PREPOSITIONS: [&str; 3] = ["of", "with", "for"];
const PHRASE_STOP: [&str; 14] = [
    "and", "or", "after", "before", "by", "in", "on", "at", "with", "while", "when", "to",
    "against", "that",
];

fn claim(attribute: &str, value: String, span: Span, s: usize) -> Claim {
    Claim {
        subject: Subject::Event,
        attribute: attribute.into(),
        value: ClaimValue::Text(value),
        span,
        sentence: s,
    }
}

/// Place claims in one lede sentence.
pub fn places(s: usize, toks: &[Token], mentions: &[Mention], k: &Knowledge, out: &mut Vec<Claim>) {
    let found: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.sentence == s && m.kind == MentionKind::Place && m.canonical.is_some())
        .filter(|m| {
            let Some(a) = token_at(toks, m.span.start) else {
                return false;
            };
            let prev = a.checked_sub(1).map(|p| toks[p].lower());
            let after_place = a >= 2
                && toks[a - 1].text == ","
                && mentions
                    .iter()
                    .any(|o| o.kind == MentionKind::Place && o.span.end == toks[a - 2].span.end);
            let based = toks.get(a).is_some_and(|t| t.lower().ends_with("-based"));
            !based
                && (prev.is_some_and(|p| PLACE_PREPOSITIONS.contains(&p.as_str())) || after_place)
        })
        .collect();
    for m in &found {
        let name = m.canonical.clone().unwrap_or_default();
        // Drop a place when a place inside it is named in the same sentence ("Raqqa, Syria").
        let contains_other = found.iter().any(|o| {
            let oc = o
                .canonical
                .as_deref()
                .and_then(|c| k.places.lookup(c))
                .and_then(|i| k.places.list[i].country.clone());
            oc.as_deref() == Some(name.as_str())
        });
        if !contains_other {
            out.push(claim("place", name, m.span, s));
        }
    }
}

/// Weapon claims in one sentence.
pub fn weapons(s: usize, text: &str, toks: &[Token], k: &Knowledge, out: &mut Vec<Claim>) {
    for (i, t) in toks.iter().enumerate() {
        if !WEAPON_CUES.contains(&t.lower().as_str()) {
            continue;
        }
        let mut j = i + 1;
        while toks.get(j).is_some_and(|x| {
            x.is("a") || x.is("an") || x.is("the") || x.is("with") || x.is("his") || x.is("her")
        }) {
            j += 1;
        }
        for w in &k.events.weapons {
            let n = w.split(' ').count();
            if j + n <= toks.len() {
                let span = Span::new(toks[j].span.start, toks[j + n - 1].span.end);
                if text[span.start..span.end].eq_ignore_ascii_case(w) {
                    out.push(claim("weapon", w.to_lowercase(), span, s));
                    break;
                }
            }
        }
    }
}

/// Charge claims in one sentence.
pub fn charges(s: usize, text: &str, toks: &[Token], out: &mut Vec<Claim>) {
    for (i, t) in toks.iter().enumerate() {
        if !CHARGE_VERBS.contains(&t.lower().as_str()) {
            continue;
        }
        // Up to two words (an object) between the verb and its preposition.
        let Some(p) = (i + 1..(i + 4).min(toks.len()))
            .find(|&p| CHARGE_PREPOSITIONS.contains(&toks[p].lower().as_str()))
        else {
            continue;
        };
        if toks[i + 1..p].iter().any(|x| !x.is_word) {
            continue;
        }
        let killed_like = matches!(t.lower().as_str(), "killed" | "executed");
        if killed_like && !toks[p].is("for")
            || !killed_like && toks[p].is("for") && !t.is("sentenced")
        {
            continue;
        }
        let mut e = p + 1;
        while e < toks.len()
            && e < p + 4
            && toks[e].is_word
            && !PHRASE_STOP.contains(&toks[e].lower().as_str())
            && !toks[e].is_capitalised()
        {
            e += 1;
        }
        let words: Vec<&Token> = toks[p + 1..e]
            .iter()
            .filter(|x| !matches!(x.lower().as_str(), "a" | "an" | "the"))
            .collect();
        // A charge is a noun phrase: skip gerunds ("accused of working") and pronouns.
        let Some(first) = words.first() else { continue };
        let head = first.lower();
        if head.ends_with("ing")
            || matches!(
                head.as_str(),
                "her" | "his" | "their" | "it" | "them" | "him"
            )
        {
            continue;
        }
        let span = Span::new(first.span.start, words.last().unwrap_or(first).span.end);
        out.push(claim(
            "charge",
            text[span.start..span.end].to_lowercase(),
            span,
            s,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    #[test]
    fn weapons_and_charges() {
        let k = Knowledge::builtin().unwrap();
        let s =
            "He shot her with an assault rifle after a court convicted her of treason and fraud.";
        let toks = tokenize(s, Span::new(0, s.len()));
        let mut out = Vec::new();
        weapons(0, s, &toks, &k, &mut out);
        charges(0, s, &toks, &mut out);
        let got: Vec<String> = out
            .iter()
            .map(|c| format!("{}={:?}", c.attribute, c.value))
            .collect();
        assert_eq!(
            got,
            ["weapon=Text(\"assault rifle\")", "charge=Text(\"treason\")"]
        );
        let s2 = "She was accused of working with rebels.";
        let toks2 = tokenize(s2, Span::new(0, s2.len()));
        let mut none = Vec::new();
        charges(0, s2, &toks2, &mut none);
        assert!(none.is_empty());
    }
}

/// Incident-type claims in one lede sentence: every type of `events.toml` with a cue here
/// (the first cue of each type found, cues looked up by their first word).
pub fn types(s: usize, toks: &[Token], k: &Knowledge, out: &mut Vec<Claim>) {
    let mut seen = vec![false; k.events.types.len()];
    for i in 0..toks.len() {
        if !toks[i].is_word {
            continue;
        }
        let Some(cues) = k.events.type_cues.get(&toks[i].lower()) else {
            continue;
        };
        for (t, words) in cues {
            let n = words.len();
            let matches = !seen[*t]
                && i + n <= toks.len()
                && words.iter().enumerate().all(|(j, w)| toks[i + j].is(w));
            let blocked = toks
                .get(i + n)
                .is_some_and(|x| k.events.type_cue_blockers.iter().any(|b| x.is(b)));
            if matches && !blocked {
                seen[*t] = true;
                let span = Span::new(toks[i].span.start, toks[i + n - 1].span.end);
                out.push(claim("type", k.events.types[*t].0.clone(), span, s));
            }
        }
    }
    // Keep the vocabulary's order, as before.
    let start = out.len() - seen.iter().filter(|&&x| x).count();
    out[start..].sort_by_key(|c| match &c.value {
        ClaimValue::Text(t) => k
            .events
            .types
            .iter()
            .position(|(name, _)| name == t)
            .unwrap_or(usize::MAX),
        _ => usize::MAX,
    });
}

/// Street addresses: "15 Letchworth Drive", "the 200 block of Main Street", "Edwards Street".
pub fn addresses(s: usize, text: &str, toks: &[Token], k: &Knowledge, out: &mut Vec<Claim>) {
    for (i, t) in toks.iter().enumerate() {
        let street = k.events.street_types.iter().any(|st| t.text == st.as_str());
        if !street || i == 0 || !toks[i - 1].is_capitalised() {
            continue;
        }
        // Back over up to three capitalised name words, then an optional house number
        // or "the N block of".
        let mut a = i;
        while a > 0
            && i - a < 3
            && toks[a - 1].is_word
            && toks[a - 1].is_capitalised()
            && !k.language.not_names.contains(toks[a - 1].text)
        {
            a -= 1;
        }
        if a == i {
            continue;
        }
        if a > 0 && toks[a - 1].text.chars().all(|c| c.is_ascii_digit()) {
            a -= 1;
        } else if a >= 3
            && toks[a - 1].is("of")
            && toks[a - 2].is("block")
            && toks[a - 3].text.chars().all(|c| c.is_ascii_digit())
        {
            a -= 3;
        }
        let span = Span::new(toks[a].span.start, t.span.end);
        out.push(claim(
            "address",
            text[span.start..span.end].to_string(),
            span,
            s,
        ));
    }
}

/// A dateline opening the body ("ROCKY MOUNT, N.C. —", "CHICAGO (AP) —"): the city, and the
/// state or country after it when the gazetteer knows it.
pub fn dateline(s: usize, text: &str, toks: &[Token], k: &Knowledge, out: &mut Vec<Claim>) {
    let caps = toks
        .iter()
        .take_while(|t| t.is_word && t.is_acronym())
        .count();
    if caps == 0
        || toks
            .get(caps)
            .is_none_or(|t| !matches!(t.text, "," | "(" | "—" | "-" | "–"))
    {
        return;
    }
    let span = Span::new(toks[0].span.start, toks[caps - 1].span.end);
    let city: String = text[span.start..span.end]
        .split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    let city = k
        .places
        .lookup(&city)
        .map_or(city, |p| k.places.list[p].name.clone());
    out.push(claim("place", city, span, s));
    if toks[caps].text == "," {
        // "N.C." is split into N . C . by the tokenizer: take the raw text up to the dash.
        let rest = &text[toks[caps].span.end..];
        let region: String = rest
            .chars()
            .take_while(|c| !matches!(c, '—' | '–' | '(' | '-'))
            .collect();
        let region = region.trim();
        if let Some(p) = k.places.lookup(region) {
            let at = toks[caps].span.end + rest.find(region).unwrap_or(0);
            out.push(claim(
                "place",
                k.places.list[p].name.clone(),
                Span::new(at, at + region.len()),
                s,
            ));
        }
    }
}

#[cfg(test)]
mod incident_tests {
    use super::*;
    use crate::tokens::tokenize;

    fn run(s: &str) -> Vec<String> {
        let k = Knowledge::builtin().unwrap();
        let toks = tokenize(s, Span::new(0, s.len()));
        let mut out = Vec::new();
        types(0, &toks, &k, &mut out);
        addresses(0, s, &toks, &k, &mut out);
        dateline(0, s, &toks, &k, &mut out);
        out.iter()
            .map(|c| format!("{}={:?}", c.attribute, c.value))
            .collect()
    }

    #[test]
    fn datelines_addresses_and_types() {
        let got = run("ROCKY MOUNT, N.C. — Four teens were shot on the court behind the church on Edwards Street, police said.");
        assert!(
            got.contains(&"type=Text(\"shooting\")".to_string()),
            "{got:?}"
        );
        assert!(
            got.contains(&"address=Text(\"Edwards Street\")".to_string()),
            "{got:?}"
        );
        assert!(
            got.contains(&"place=Text(\"Rocky Mount\")".to_string()),
            "{got:?}"
        );
        assert!(
            got.contains(&"place=Text(\"North Carolina\")".to_string()),
            "{got:?}"
        );
        let got = run("A man was found dead in the 200 block of North Main Street on Monday.");
        assert!(
            got.contains(&"address=Text(\"200 block of North Main Street\")".to_string()),
            "{got:?}"
        );
    }
}
