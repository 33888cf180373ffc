//! Finds named people, organisations and places.
//!
//! No statistical NER model ships through a registry this project can use (see
//! `shared/NOTES.md`), so this is a rule-based recogniser over capitalised runs:
//! 1. a run is a sequence of capitalised words, name particles ("al-", "bin") and
//!    initials; runs joined by a linking word ("of", "for", "is") are merged when the
//!    result is a known organisation or contains an organisation word;
//! 2. sentence openers, honorifics (which give a gender) and "X-based" descriptors are
//!    stripped from the front;
//! 3. the run is classified: known organisation (`organisations.toml`), known place
//!    (`places.toml`), organisation by keyword or acronym, person by cue (an honorific,
//!    an age, a kinship word, "named") or by shape (two to five name words);
//! 4. places the gazetteer does not know are recognised by cue: "the town of X",
//!    "X, <known state or country>", and later bare mentions of a place already so named;
//! 5. descriptions that name no one ("the UK-based conflict monitor") resolve to the
//!    known organisation with that base and descriptor, preferring one already named.
//!
//! In a title written in Title Case only names already found in the body, and known
//! organisations and places, are taken.

use corroborate_knowledge::{place_key, Knowledge};
use corroborate_model::{Gender, Mention, MentionKind, Sentence, Span};

use crate::tokens::Token;

/// Words that join two capitalised runs inside one organisation name.
const CONNECTORS: [&str; 9] = ["of", "for", "and", "on", "is", "the", "in", "de", "&"];
/// Words before a name that say a person is being named.
const NAMING_CUES: [&str; 6] = ["named", "called", "identified", "dubbed", "nicknamed", "as"];

/// A single-word run whose status is decided by linking (see `people`).
#[derive(Debug, Clone)]
pub struct Candidate {
    pub mention: Mention,
    /// True when only linking to a fuller name in the same report can make it a person.
    pub provisional: bool,
    /// The name words (honorifics stripped).
    pub words: Vec<String>,
}

/// All mention candidates of a report, in text order.
pub fn find(
    text: &str,
    sentences: &[Sentence],
    tokens: &[Vec<Token>],
    k: &Knowledge,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (s, toks) in tokens.iter().enumerate().skip(1) {
        runs_in_sentence(text, s, toks, k, &mut out);
    }
    if let Some(title_toks) = tokens.first() {
        if is_title_case(title_toks) {
            title_mentions(text, sentences, title_toks, k, &mut out);
        } else {
            runs_in_sentence(text, 0, title_toks, k, &mut out);
        }
    }
    for (s, toks) in tokens.iter().enumerate() {
        described_orgs(text, s, toks, k, &mut out);
    }
    // A name once introduced as a place is a place wherever it stands alone.
    let places: Vec<String> = out
        .iter()
        .filter(|c| c.mention.kind == MentionKind::Place)
        .map(|c| c.mention.text.clone())
        .collect();
    for c in &mut out {
        if c.mention.kind == MentionKind::Person && places.contains(&c.mention.text) {
            c.mention.kind = MentionKind::Place;
            c.mention.canonical = Some(c.mention.text.clone());
            c.mention.gender = None;
            c.provisional = false;
        }
    }
    out.sort_by_key(|c| c.mention.span);
    out.dedup_by_key(|c| c.mention.span);
    out
}

fn is_title_case(toks: &[Token]) -> bool {
    let long: Vec<&Token> = toks
        .iter()
        .filter(|t| t.is_word && t.text.chars().count() >= 4)
        .collect();
    !long.is_empty() && long.iter().filter(|t| t.is_capitalised()).count() * 10 > long.len() * 6
}

fn is_particle_word(t: &Token, k: &Knowledge) -> bool {
    t.is_word && k.names.particles.contains(t.text)
}

/// "al-Qasem": a lower-case particle joined by a hyphen to a capitalised name.
fn is_particle_prefixed(t: &Token, k: &Knowledge) -> bool {
    match t.text.split_once('-') {
        Some((p, rest)) => {
            k.names.particles.contains(&p.to_lowercase())
                && rest.chars().next().is_some_and(char::is_uppercase)
        }
        None => false,
    }
}

fn is_initial(t: &Token) -> bool {
    t.is_word && t.text.chars().count() == 1 && t.is_capitalised()
}

fn starts_name(t: &Token, k: &Knowledge) -> bool {
    t.is_word
        && (t.is_capitalised() || is_particle_prefixed(t, k))
        && !t.text.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Token ranges of capitalised runs.
fn raw_runs(toks: &[Token], k: &Knowledge) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !starts_name(&toks[i], k) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() {
            let t = &toks[j];
            let next_names = toks.get(j + 1).is_some_and(|n| starts_name(n, k));
            // A name word; the dot after an initial ("L. Q"); a particle inside a name.
            let abbreviation = ["St", "Ft", "Mt"].contains(&toks[j - 1].text);
            let continues = starts_name(t, k)
                || (t.text == "." && (is_initial(&toks[j - 1]) || abbreviation) && next_names)
                || (is_particle_word(t, k) && next_names);
            if !continues {
                break;
            }
            j += 1;
        }
        runs.push((i, j));
        i = j;
    }
    runs
}

fn span_text<'a>(text: &'a str, toks: &[Token], a: usize, b: usize) -> &'a str {
    &text[toks[a].span.start..toks[b - 1].span.end]
}

fn has_org_word(toks: &[Token], a: usize, b: usize, k: &Knowledge) -> bool {
    toks[a..b]
        .iter()
        .any(|t| k.language.org_words.contains(t.text))
}

fn with_article(toks: &[Token], a: usize) -> bool {
    a > 0 && toks[a - 1].is("the")
}

/// Merges runs joined by a connector when the whole is an organisation name.
fn merge_runs(
    text: &str,
    toks: &[Token],
    runs: Vec<(usize, usize)>,
    k: &Knowledge,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (a, b) in runs {
        if let Some(last) = out.last_mut() {
            let (la, lb) = *last;
            let joined_by_connector =
                a == lb + 1 && CONNECTORS.contains(&toks[lb].lower().as_str());
            if joined_by_connector {
                let whole = span_text(text, toks, la, b);
                let known = k.orgs.lookup(whole, with_article(toks, la)).is_some();
                if known || has_org_word(toks, la, b, k) {
                    last.1 = b;
                    continue;
                }
            }
        }
        out.push((a, b));
    }
    out
}

/// Strips openers, "X-based" descriptors and honorifics; returns the new start and the
/// gender an honorific states (Some(None) when there was an honorific without gender).
fn strip_front(
    toks: &[Token],
    a: usize,
    b: usize,
    k: &Knowledge,
) -> (usize, Option<Option<Gender>>) {
    let mut start = a;
    let mut honorific = None;
    for p in a..b {
        let one = toks[p].text;
        let two = (p + 1 < b).then(|| format!("{} {}", toks[p].text, toks[p + 1].text));
        let dotted = (p + 1 < b && toks[p + 1].text == ".").then(|| format!("{}.", toks[p].text));
        if let Some(g) = two.as_ref().and_then(|t| k.names.honorifics.get(t)) {
            honorific = Some(*g);
            start = p + 2;
        } else if let Some(g) = k
            .names
            .honorifics
            .get(one)
            .or_else(|| dotted.as_ref().and_then(|d| k.names.honorifics.get(d)))
        {
            if p + 1 < b {
                honorific = Some(*g);
                start = p + 1;
            }
        }
    }
    while start < b {
        let t = &toks[start];
        let lower = t.lower();
        if t.text == "."
            || k.language.not_names.contains(t.text)
            || lower.ends_with("-based")
            || is_particle_word(t, k)
        {
            start += 1;
        } else {
            break;
        }
    }
    (start, honorific)
}

fn is_age_number(t: &Token) -> bool {
    t.text.parse::<u32>().is_ok_and(|n| (1..=120).contains(&n))
}

/// Cues around a run that say it names a person.
fn person_cue(toks: &[Token], a: usize, b: usize, k: &Knowledge) -> bool {
    let before = |n: usize| a.checked_sub(n).map(|i| &toks[i]);
    let after = |n: usize| toks.get(b + n);
    let prev = before(1).filter(|t| t.text != ",").or_else(|| before(2));
    if let Some(p) = prev {
        let l = p.lower();
        if l.ends_with("year-old")
            || l.ends_with("years-old")
            || NAMING_CUES.contains(&l.as_str())
            || k.names.kinship.contains_key(&l)
        {
            return true;
        }
    }
    if before(1).is_some_and(|t| t.text == "(")
        && before(2).is_some_and(|t| NAMING_CUES.contains(&t.lower().as_str()))
    {
        return true;
    }
    let age_after = after(0).is_some_and(|t| t.text == ",")
        && after(1).is_some_and(is_age_number)
        && after(2).is_none_or(|t| [",", ".", ")", "and", "who", "of"].contains(&t.text));
    let paren_age = after(0).is_some_and(|t| t.text == "(")
        && after(1).is_some_and(is_age_number)
        && after(2).is_some_and(|t| t.text == ")");
    age_after || paren_age
}

/// "the town of X", "X, Oregon": cues that an unknown name is a place.
fn place_cue(toks: &[Token], a: usize, b: usize, k: &Knowledge) -> bool {
    let introduced =
        a >= 2 && toks[a - 1].is("of") && k.language.place_nouns.contains(&toks[a - 2].lower());
    let located = toks.get(b).is_some_and(|t| t.text == ",")
        && toks.get(b + 1).is_some_and(|t| {
            k.places
                .lookup(t.text)
                .is_some_and(|p| matches!(k.places.list[p].kind, "state" | "country"))
        });
    let has_org_word = has_org_word(toks, a, b, k);
    !has_org_word && (introduced || located)
}

fn runs_in_sentence(text: &str, s: usize, toks: &[Token], k: &Knowledge, out: &mut Vec<Candidate>) {
    let runs = merge_runs(text, toks, raw_runs(toks, k), k);
    for (a0, b) in runs {
        // A known organisation may begin with an opener ("The Independent"): try the whole run first.
        let whole = span_text(text, toks, a0, b);
        if let Some(i) = k.orgs.lookup(whole, with_article(toks, a0)) {
            out.push(org_candidate(text, s, toks, a0, b, i, k));
            continue;
        }
        let (a, honorific) = strip_front(toks, a0, b, k);
        if a >= b {
            continue;
        }
        let name = span_text(text, toks, a, b);
        let article = with_article(toks, a) || (a > a0 && toks[a0..a].iter().any(|t| t.is("the")));
        if let Some(i) = k.orgs.lookup(name, article) {
            out.push(org_candidate(text, s, toks, a, b, i, k));
            continue;
        }
        if let Some(i) = k.places.lookup(name) {
            out.push(Candidate {
                mention: mention(
                    MentionKind::Place,
                    text,
                    s,
                    toks,
                    a,
                    b,
                    Some(k.places.list[i].name.clone()),
                    None,
                ),
                provisional: false,
                words: words(toks, a, b),
            });
            continue;
        }
        // "in Grandview", "in east Las Vegas", "a Grandview woman": a US place by cue.
        let direction = |i: usize| {
            [
                "east",
                "west",
                "north",
                "south",
                "northeast",
                "northwest",
                "southeast",
                "southwest",
                "downtown",
                "suburban",
                "rural",
            ]
            .contains(&toks[i].lower().as_str())
        };
        let p = if a > 1 && direction(a - 1) { a - 1 } else { a };
        let after_place_word =
            p > 0 && ["in", "near", "outside", "from"].contains(&toks[p - 1].lower().as_str());
        let before_person = toks
            .get(b)
            .is_some_and(|t| k.names.person_nouns.contains_key(&t.lower()));
        let us_place = (after_place_word || before_person)
            && k.us_places.contains(name)
            && honorific.is_none();
        if place_cue(toks, a, b, k) || us_place {
            let mut m = mention(MentionKind::Place, text, s, toks, a, b, None, None);
            m.canonical = Some(
                k.us_places
                    .canonical(&m.text)
                    .map_or_else(|| m.text.clone(), str::to_string),
            );
            out.push(Candidate {
                mention: m,
                provisional: false,
                words: words(toks, a, b),
            });
            continue;
        }
        let ws = words(toks, a, b);
        let initials = toks[a..b].iter().filter(|t| t.is_word).all(is_initial);
        // An organisation word alone ("Union", "Police") is a common noun, not a name.
        let org_named = has_org_word(toks, a, b, k) && ws.len() >= 2;
        if !initials && (org_named || (ws.len() == 1 && toks[a].is_acronym())) {
            out.push(Candidate {
                mention: mention(MentionKind::Org, text, s, toks, a, b, None, None),
                provisional: false,
                words: ws,
            });
            continue;
        }
        let cue = honorific.is_some() || person_cue(toks, a, b, k);
        let shaped = ws.len() >= 2 && ws.len() <= 5 && !initials;
        let mut m = mention(MentionKind::Person, text, s, toks, a, b, None, None);
        m.gender = honorific.flatten();
        out.push(Candidate {
            mention: m,
            provisional: !(cue || shaped),
            words: ws,
        });
    }
}

fn words(toks: &[Token], a: usize, b: usize) -> Vec<String> {
    toks[a..b]
        .iter()
        .filter(|t| t.is_word)
        .map(|t| t.text.to_string())
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn mention(
    kind: MentionKind,
    text: &str,
    s: usize,
    toks: &[Token],
    a: usize,
    b: usize,
    canonical: Option<String>,
    class: Option<String>,
) -> Mention {
    let span = Span::new(toks[a].span.start, toks[b - 1].span.end);
    Mention {
        kind,
        span,
        sentence: s,
        text: text[span.start..span.end].to_string(),
        gender: None,
        kin: None,
        canonical,
        class,
        refers_to: None,
    }
}

fn org_candidate(
    text: &str,
    s: usize,
    toks: &[Token],
    a: usize,
    b: usize,
    i: usize,
    k: &Knowledge,
) -> Candidate {
    let org = &k.orgs.list[i];
    Candidate {
        mention: mention(
            MentionKind::Org,
            text,
            s,
            toks,
            a,
            b,
            Some(org.name.clone()),
            Some(org.class.clone()),
        ),
        provisional: false,
        words: words(toks, a, b),
    }
}

/// In a Title Case headline: the body's person names and known organisations and places.
fn title_mentions(
    text: &str,
    _sentences: &[Sentence],
    toks: &[Token],
    k: &Knowledge,
    out: &mut Vec<Candidate>,
) {
    let body_people: Vec<Vec<String>> = out
        .iter()
        .filter(|c| c.mention.kind == MentionKind::Person && !c.provisional && c.words.len() >= 2)
        .map(|c| c.words.iter().map(|w| w.to_lowercase()).collect())
        .collect();
    for (a, b) in raw_runs(toks, k) {
        let mut found = false;
        // The longest sub-run that is a body person's name, or a known organisation or place.
        'outer: for len in (1..=(b - a)).rev() {
            for start in a..=(b - len) {
                let end = start + len;
                let ws: Vec<String> = words(toks, start, end)
                    .iter()
                    .map(|w| w.to_lowercase())
                    .collect();
                let name = span_text(text, toks, start, end);
                if ws.len() >= 2 && body_people.contains(&ws) {
                    out.push(Candidate {
                        mention: mention(
                            MentionKind::Person,
                            text,
                            0,
                            toks,
                            start,
                            end,
                            None,
                            None,
                        ),
                        provisional: false,
                        words: words(toks, start, end),
                    });
                    found = true;
                } else if let Some(i) = k.orgs.lookup(name, with_article(toks, start)) {
                    out.push(org_candidate(text, 0, toks, start, end, i, k));
                    found = true;
                } else if let Some(i) = k.places.lookup(name) {
                    out.push(Candidate {
                        mention: mention(
                            MentionKind::Place,
                            text,
                            0,
                            toks,
                            start,
                            end,
                            Some(k.places.list[i].name.clone()),
                            None,
                        ),
                        provisional: false,
                        words: words(toks, start, end),
                    });
                    found = true;
                }
                if found {
                    break 'outer;
                }
            }
        }
    }
}

/// "the UK-based conflict monitor": a known organisation by its base and descriptor.
fn described_orgs(text: &str, s: usize, toks: &[Token], k: &Knowledge, out: &mut Vec<Candidate>) {
    for i in 0..toks.len() {
        if !toks[i].is("the") {
            continue;
        }
        let Some(based) = toks.get(i + 1).and_then(|t| t.text.strip_suffix("-based")) else {
            continue;
        };
        for len in [2usize, 1] {
            let end = i + 2 + len;
            if end > toks.len()
                || toks[i + 2..end]
                    .iter()
                    .any(|t| !t.is_word || t.is_capitalised())
            {
                continue;
            }
            if toks.get(end).is_some_and(|t| starts_name(t, k)) {
                break;
            }
            let desc: Vec<String> = toks[i + 2..end].iter().map(|t| t.lower()).collect();
            let desc = desc.join(" ");
            let base = k
                .places
                .lookup(based)
                .map(|p| k.places.list[p].name.clone());
            let fits = |o: &corroborate_knowledge::Org| {
                o.descriptors.contains(&desc)
                    && o.based.iter().any(|b| {
                        place_key(b) == place_key(based)
                            || k.places.lookup(b).map(|p| &k.places.list[p].name) == base.as_ref()
                    })
            };
            let candidates: Vec<usize> = (0..k.orgs.list.len())
                .filter(|&o| fits(&k.orgs.list[o]))
                .collect();
            let named_before: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&o| {
                    out.iter().any(|c| {
                        c.mention.canonical.as_deref() == Some(k.orgs.list[o].name.as_str())
                    })
                })
                .collect();
            let pick = match (named_before.len(), candidates.len()) {
                (1, _) => Some(named_before[0]),
                (0, 1) => Some(candidates[0]),
                _ => None,
            };
            if let Some(o) = pick {
                let mut c = org_candidate(text, s, toks, i, end, o, k);
                c.words = vec![k.orgs.list[o].name.clone()];
                out.push(c);
                break;
            }
        }
    }
}
