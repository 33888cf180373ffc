//! Number expressions: digits, number words, vague quantities, ranges and modifiers
//! ("at least 6", "more than 20", "dozens", "three to five"), read as [`Quantity`] intervals.

use corroborate_knowledge::Knowledge;
use corroborate_model::Quantity;

use crate::tokens::Token;

/// A number expression found at a token position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberExpr {
    pub quantity: Quantity,
    /// Token range `[start, end)` of the whole expression, modifiers included.
    pub start: usize,
    pub end: usize,
}

/// Units after which a number is not a count of people.
const NOT_PEOPLE: [&str; 22] = [
    "%",
    "percent",
    "per",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "hours",
    "hour",
    "minutes",
    "miles",
    "mile",
    "km",
    "kilometres",
    "kilometers",
    "am",
    "pm",
    "times",
];

/// The value of one number token: digits ("2,000" is split by the tokenizer, so it is
/// joined here by the caller) or a number word ("twenty-one").
pub fn value_of(word: &str, k: &Knowledge) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return Some(n);
    }
    let lower = word.to_lowercase();
    if let Some(&n) = k.events.number_words.get(&lower) {
        return Some(n);
    }
    let (tens, ones) = lower.split_once('-')?;
    Some(k.events.number_words.get(tens)? + k.events.number_words.get(ones).filter(|&&n| n < 10)?)
}

/// A plain number at token `i` (digits with thousands separators joined), and the token after it.
fn plain(toks: &[Token], i: usize, k: &Knowledge) -> Option<(u32, usize)> {
    let t = toks.get(i)?;
    if !t.is_word {
        return None;
    }
    let mut n = value_of(t.text, k)?;
    let mut j = i + 1;
    if t.text.chars().all(|c| c.is_ascii_digit()) {
        while j + 1 < toks.len()
            && toks[j].text == ","
            && toks[j + 1].text.len() == 3
            && toks[j + 1].text.chars().all(|c| c.is_ascii_digit())
            && toks[j].span.end == toks[j + 1].span.start
        {
            n = n
                .checked_mul(1000)?
                .checked_add(toks[j + 1].text.parse::<u32>().ok()?)?;
            j += 2;
        }
    }
    Some((n, j))
}

/// A count expression starting at token `i`, if there is one.
pub fn at(toks: &[Token], i: usize, k: &Knowledge) -> Option<NumberExpr> {
    // Vague quantities ("dozens", "a dozen").
    for (phrase, q) in &k.events.vague_numbers {
        let words: Vec<&str> = phrase.split(' ').collect();
        if i + words.len() <= toks.len() && words.iter().enumerate().all(|(n, w)| toks[i + n].is(w))
        {
            return Some(NumberExpr {
                quantity: *q,
                start: i,
                end: i + words.len(),
            });
        }
    }
    let (lo_mod, at_num) = modifier(toks, i);
    let (n, mut end) = plain(toks, at_num, k)?;
    let tok = &toks[at_num];
    let is_year = tok.text.len() == 4 && (1900..=2100).contains(&n) && end == at_num + 1;
    if is_year || tok.lower().contains("year") {
        return None;
    }
    if toks
        .get(end)
        .is_some_and(|t| NOT_PEOPLE.contains(&t.lower().as_str()))
        || at_num
            .checked_sub(1)
            .is_some_and(|p| ["$", "£", "€", "No", "no"].contains(&toks[p].text))
    {
        return None;
    }
    let mut q = match lo_mod {
        Some("at least") => Quantity::at_least(n),
        Some("more than") | Some("over") => Quantity::at_least(n + 1),
        Some("up to") | Some("nearly") | Some("almost") => {
            Quantity::range(n.saturating_sub(n / 5).max(1), n)
        }
        Some(_) => Quantity::range(n - n / 10, n + n / 10),
        None => Quantity::exact(n),
    };
    // Ranges: "three to five", "3-5".
    if toks
        .get(end)
        .is_some_and(|t| t.is("to") || t.text == "-" || t.is("or"))
    {
        if let Some((hi, e)) = plain(toks, end + 1, k) {
            if hi > n {
                q = Quantity::range(n, hi);
                end = e;
            }
        }
    }
    Some(NumberExpr {
        quantity: q,
        start: i,
        end,
    })
}

/// A modifier before a number: returns it and the token index of the number.
fn modifier<'a>(toks: &[Token], i: usize) -> (Option<&'a str>, usize) {
    let two = |a: &str, b: &str| {
        toks.get(i).is_some_and(|t| t.is(a)) && toks.get(i + 1).is_some_and(|t| t.is(b))
    };
    if two("at", "least") {
        return (Some("at least"), i + 2);
    }
    if two("more", "than") {
        return (Some("more than"), i + 2);
    }
    if two("up", "to") {
        return (Some("up to"), i + 2);
    }
    for m in [
        "over",
        "nearly",
        "almost",
        "about",
        "around",
        "some",
        "roughly",
        "approximately",
    ] {
        if toks.get(i).is_some_and(|t| t.is(m)) && toks.get(i + 1).is_some_and(|t| t.is_word) {
            return (Some(m), i + 1);
        }
    }
    (None, i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;
    use corroborate_model::Span;

    fn q(s: &str) -> Option<String> {
        let k = Knowledge::builtin().unwrap();
        let toks = tokenize(s, Span::new(0, s.len()));
        at(&toks, 0, &k).map(|e| e.quantity.normalised())
    }

    #[test]
    fn reads_counts_as_intervals() {
        assert_eq!(q("7 people").as_deref(), Some("7"));
        assert_eq!(q("at least 6 people").as_deref(), Some(">=6"));
        assert_eq!(q("more than 20 people").as_deref(), Some(">=21"));
        assert_eq!(q("three to five people").as_deref(), Some("3-5"));
        assert_eq!(q("twenty-one people").as_deref(), Some("21"));
        assert_eq!(q("2,000 civilians").as_deref(), Some("2000"));
        assert_eq!(q("dozens of people").as_deref(), Some(">=24"));
        assert_eq!(q("2016 was"), None);
        assert_eq!(q("5 percent"), None);
    }
}
