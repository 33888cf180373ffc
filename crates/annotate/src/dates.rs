//! Dates of the main event, resolved against the publication date: weekdays ("on
//! Wednesday"), "yesterday", "today", "N days ago", day-month dates with or without a year,
//! ISO dates. Read from lede sentences; a date right after a reporting verb ("said on
//! Monday") dates the report, not the event, and is skipped.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use corroborate_knowledge::Knowledge;
use corroborate_model::{Claim, ClaimValue, DateValue, Span, Subject};

use crate::tokens::Token;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month(t: &Token) -> Option<u32> {
    let l = t.lower();
    let l = l.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|m| *m == l || (l.len() >= 3 && m.starts_with(l) && l != "may" && l.len() <= 4))
        .map(|i| i as u32 + 1)
}

fn weekday(t: &Token) -> Option<Weekday> {
    match t.lower().as_str() {
        "monday" => Some(Weekday::Mon),
        "tuesday" => Some(Weekday::Tue),
        "wednesday" => Some(Weekday::Wed),
        "thursday" => Some(Weekday::Thu),
        "friday" => Some(Weekday::Fri),
        "saturday" => Some(Weekday::Sat),
        "sunday" => Some(Weekday::Sun),
        _ => None,
    }
}

fn day_number(t: &Token) -> Option<u32> {
    let l = t.lower();
    let digits = l.trim_end_matches(|c: char| c.is_alphabetic());
    digits
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))
        .filter(|_| digits.len() <= 2)
}

fn year_number(t: &Token) -> Option<i32> {
    (t.text.len() == 4)
        .then(|| t.text.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// The most recent `wd` on or before `published`.
pub fn resolve_weekday(wd: Weekday, published: NaiveDate) -> NaiveDate {
    let back = (published.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
    published - Duration::days(back as i64)
}

/// A day and month without a year: the occurrence nearest before `published` (or within a week after).
fn resolve_day_month(m: u32, d: u32, published: NaiveDate) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(published.year(), m, d)?;
    if this > published + Duration::days(7) {
        NaiveDate::from_ymd_opt(published.year() - 1, m, d)
    } else {
        Some(this)
    }
}

/// A date expression starting at token `i`: its value and the token after it.
fn date_at(
    toks: &[Token],
    i: usize,
    published: Option<NaiveDate>,
) -> Option<(Option<NaiveDate>, usize)> {
    let t = &toks[i];
    // ISO 2016-01-06
    if let Ok(d) = NaiveDate::parse_from_str(t.text, "%Y-%m-%d") {
        return Some((Some(d), i + 1));
    }
    if let Some(wd) = weekday(t) {
        if i > 0 && toks[i - 1].is("next") {
            return None;
        }
        return Some((published.map(|p| resolve_weekday(wd, p)), i + 1));
    }
    match t.lower().as_str() {
        "yesterday" => return Some((published.map(|p| p - Duration::days(1)), i + 1)),
        "today" => return Some((published, i + 1)),
        _ => {}
    }
    // "3 days ago"
    if let (Some(n), Some(unit), Some(ago)) =
        (t.text.parse::<i64>().ok(), toks.get(i + 1), toks.get(i + 2))
    {
        if ago.is("ago") && (unit.is("days") || unit.is("day")) {
            return Some((published.map(|p| p - Duration::days(n)), i + 3));
        }
    }
    // "29 December (2015)" / "December 29(, 2015)"
    let (m, d, mut end) =
        if let (Some(d), Some(m)) = (day_number(t), toks.get(i + 1).and_then(month)) {
            let skip_of = toks.get(i + 1).is_some_and(|x| x.is("of"));
            (m, d, i + 2 + skip_of as usize)
        } else if let (Some(m), Some(d)) = (month(t), toks.get(i + 1).and_then(day_number)) {
            let dot = toks.get(i + 1).is_some_and(|x| x.text == ".");
            (m, d, i + 2 + dot as usize)
        } else {
            return None;
        };
    if toks.get(end).is_some_and(|x| x.text == ",")
        && toks.get(end + 1).and_then(year_number).is_some()
    {
        end += 1;
    }
    let resolved = match toks.get(end).and_then(year_number) {
        Some(y) => {
            end += 1;
            NaiveDate::from_ymd_opt(y, m, d)
        }
        None => published.and_then(|p| resolve_day_month(m, d, p)),
    };
    Some((resolved, end))
}

/// Event-date claims in one lede sentence. When a sentence holds several dates, the one
/// that follows a casualty or arrest word most closely dates the event ("called on Friday
/// for an inquiry into the fire that killed four on Wednesday"); a date before the word
/// counts only when it opens the sentence ("On Wednesday, four were killed").
pub fn find(
    s: usize,
    text: &str,
    toks: &[Token],
    published: Option<NaiveDate>,
    k: &Knowledge,
    out: &mut Vec<Claim>,
) {
    let mut found = Vec::new();
    collect(s, text, toks, published, k, &mut found);
    if found.len() > 1 {
        let cues: Vec<usize> = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                k.events
                    .counts
                    .iter()
                    .any(|(_, words)| words.iter().any(|w| t.is(w)))
            })
            .map(|(i, _)| i)
            .collect();
        if !cues.is_empty() {
            let distance = |c: &Claim| {
                let at = toks
                    .iter()
                    .position(|t| t.span.start == c.span.start)
                    .unwrap_or(0);
                let opens = at <= 2;
                cues.iter()
                    .map(|&q| {
                        if at > q {
                            at - q
                        } else if opens {
                            q - at
                        } else {
                            1000 + q - at
                        }
                    })
                    .min()
                    .unwrap_or(usize::MAX)
            };
            if let Some(best) = found.iter().min_by_key(|c| distance(c)).cloned() {
                found = vec![best];
            }
        }
    }
    out.extend(found);
}

fn collect(
    s: usize,
    text: &str,
    toks: &[Token],
    published: Option<NaiveDate>,
    k: &Knowledge,
    out: &mut Vec<Claim>,
) {
    let mut i = 0;
    while i < toks.len() {
        let Some((resolved, end)) = date_at(toks, i, published) else {
            i += 1;
            continue;
        };
        // Skip "reported on Thursday", "said Monday".
        let mut p = i;
        if p > 0 && toks[p - 1].is("on") {
            p -= 1;
        }
        let after_reporting = p > 0 && k.attribution.reporting_verbs.contains(&toks[p - 1].lower());
        if !after_reporting {
            let span = Span::new(toks[i].span.start, toks[end - 1].span.end);
            out.push(Claim {
                subject: Subject::Event,
                attribute: "date".into(),
                value: ClaimValue::Date(DateValue {
                    resolved,
                    written: text[span.start..span.end].to_string(),
                }),
                span,
                sentence: s,
            });
        }
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn dates(s: &str, published: Option<&str>) -> Vec<String> {
        let k = Knowledge::builtin().unwrap();
        let p = published.map(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap());
        let toks = tokenize(s, Span::new(0, s.len()));
        let mut out = Vec::new();
        find(0, s, &toks, p, &k, &mut out);
        out.into_iter()
            .map(|c| match c.value {
                ClaimValue::Date(d) => d
                    .resolved
                    .map(|r| r.to_string())
                    .unwrap_or(format!("?{}", d.written)),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn resolves_relative_and_partial_dates() {
        // 2024-03-07 is a Thursday.
        assert_eq!(
            dates("The fire broke out on Wednesday.", Some("2024-03-07")),
            ["2024-03-06"]
        );
        assert_eq!(
            dates("It happened on Thursday.", Some("2024-03-07")),
            ["2024-03-07"]
        );
        assert_eq!(
            dates("It happened yesterday.", Some("2024-03-07")),
            ["2024-03-06"]
        );
        assert_eq!(
            dates("Talks began on 29 December.", Some("2024-01-05")),
            ["2023-12-29"]
        );
        assert_eq!(
            dates("Talks began on December 29, 2015.", None),
            ["2015-12-29"]
        );
        assert_eq!(
            dates("The fire broke out on Wednesday.", None),
            ["?Wednesday"]
        );
    }

    #[test]
    fn with_two_dates_the_one_near_the_casualties_wins() {
        assert_eq!(
            dates("The union called on Friday for an inquiry into the fire that killed four on Wednesday.", Some("2024-03-09")),
            ["2024-03-06"]
        );
    }

    #[test]
    fn skips_the_date_of_the_report_itself() {
        assert_eq!(
            dates("A man was shot, police said on Friday.", Some("2024-03-09")),
            Vec::<String>::new()
        );
    }
}
