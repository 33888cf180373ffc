//! Attributions: who a report credits, through whom, for which words.
//!
//! Three shapes, with the cue words from `data/attribution.toml`:
//! - prefix cues: "according to X", "first reported by X", "cited by X", "via X"; a nested
//!   cue after it ("According to X, citing Y, ...") makes Y the source and X the intermediary;
//! - subject + reporting verb: "X said", "..., X added", "a CNN report added", "X told Y
//!   that" (Y, when it is another outlet, is an intermediary), with "Citing Y, X said" making
//!   Y the source reached through X;
//! - quotation continuation: sentences inside a quotation opened by an attributed sentence,
//!   or introduced by one ending in ":" or "as follows", carry its attribution.
//!
//! A source is a named mention (an organisation or person), an institution described by
//! an organisation word ("the regional fire brigade", "police": one specific source), an
//! unnamed description ("activists", "local eyewitnesses": per report, not identifiable),
//! or a pronoun resolved to the last person or unnamed source credited.

use corroborate_knowledge::{org_key, Knowledge};
use corroborate_model::{Attribution, Mention, MentionKind, Sentence, SourceRef, Span};

use crate::tokens::Token;

const PASSIVE: [&str; 7] = ["was", "were", "is", "are", "be", "been", "being"];
const SKIP_BEFORE_VERB: [&str; 11] = [
    "also",
    "then",
    "later",
    "has",
    "have",
    "had",
    "previously",
    "reportedly",
    "further",
    "earlier",
    "once",
];
const OBJECTS: [&str; 8] = ["his", "her", "their", "him", "them", "its", "my", "our"];
const CLAUSE_END: [&str; 8] = [",", ";", ":", "“", "”", "\"", ".", "—"];

/// Context carried from sentence to sentence.
struct State {
    last: Vec<Attribution>,
    last_sentence: Option<usize>,
    introduces_quote: bool,
    quote_open: bool,
}

/// Attributions of one report.
pub fn find(
    text: &str,
    outlet: Option<&str>,
    sentences: &[Sentence],
    tokens: &[Vec<Token>],
    mentions: &[Mention],
    k: &Knowledge,
) -> Vec<Attribution> {
    let mut out = Vec::new();
    let mut st = State {
        last: Vec::new(),
        last_sentence: None,
        introduces_quote: false,
        quote_open: false,
    };
    for (s, toks) in tokens.iter().enumerate() {
        let sent_text = &text[sentences[s].span.start..sentences[s].span.end];
        let starts_in_quote =
            st.quote_open || (st.introduces_quote && sent_text.starts_with(['“', '"']));
        let mut found = in_sentence(s, sentences[s].span, toks, mentions, outlet, &st, k);
        if starts_in_quote && !found.is_empty() {
            // Credits inside a quotation are the quoted source's: nest them under it.
            if let Some(outer) = st.last.last() {
                for a in &mut found {
                    let mut via = outer.via.clone();
                    via.push(outer.source.clone());
                    via.extend(std::mem::take(&mut a.via));
                    a.via = via;
                }
            }
        }
        if found.is_empty() && starts_in_quote && !st.last.is_empty() {
            found = st
                .last
                .iter()
                .map(|a| Attribution {
                    sentence: s,
                    content: sentences[s].span,
                    cue: a.cue,
                    ..a.clone()
                })
                .collect();
        }
        // Quotation state across sentences.
        for c in sent_text.chars() {
            match c {
                '“' => st.quote_open = true,
                '”' => st.quote_open = false,
                '"' => st.quote_open = !st.quote_open,
                _ => {}
            }
        }
        let trimmed = sent_text.trim_end();
        st.introduces_quote =
            trimmed.ends_with(':') || trimmed.to_lowercase().ends_with("as follows.");
        if !found.is_empty() {
            st.last = found.clone();
            st.last_sentence = Some(s);
        } else if !starts_in_quote
            && !st.introduces_quote
            && st.last_sentence.is_some_and(|l| s > l + 2)
        {
            st.last.clear();
        }
        out.extend(found);
    }
    out
}

fn in_sentence(
    s: usize,
    sent: Span,
    toks: &[Token],
    mentions: &[Mention],
    outlet: Option<&str>,
    st: &State,
    k: &Knowledge,
) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::new();
    let ctx = Ctx {
        s,
        toks,
        mentions,
        st,
        k,
    };
    prefix_cues(&ctx, sent, &mut out);
    verbs(&ctx, sent, outlet, &mut out);
    let mut seen = std::collections::HashSet::new();
    out.retain(|a| {
        seen.insert((
            a.source.text.clone(),
            a.via.iter().map(|v| v.text.clone()).collect::<Vec<_>>(),
        ))
    });
    out
}

struct Ctx<'a> {
    s: usize,
    toks: &'a [Token<'a>],
    mentions: &'a [Mention],
    st: &'a State,
    k: &'a Knowledge,
}

fn phrase_at(toks: &[Token], i: usize, phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split(' ').collect();
    i + words.len() <= toks.len() && words.iter().enumerate().all(|(n, w)| toks[i + n].is(w))
}

/// The first cue of `cues` (longest first) that stands at token `i`.
fn cue_at<'c>(cues: &'c [String], toks: &[Token], i: usize) -> Option<&'c String> {
    cues.iter().find(|c| phrase_at(toks, i, c))
}

/// The source named in tokens `[a, b)`.
/// The source named in tokens `[a, b)`, its span widened over a directly preceding article
/// inside the range ("the Observatory", "a source"), as a reader would mark it.
fn source_in(ctx: &Ctx, a: usize, b: usize) -> Option<SourceRef> {
    let mut src = source_in_bare(ctx, a, b)?;
    let toks = ctx.toks;
    if let Some(i) = toks.iter().position(|t| t.span.start == src.span.start) {
        if i > a && i >= 1 && matches!(toks[i - 1].lower().as_str(), "the" | "a" | "an") {
            src.span.start = toks[i - 1].span.start;
        }
    }
    Some(src)
}

fn source_in_bare(ctx: &Ctx, a: usize, b: usize) -> Option<SourceRef> {
    let toks = ctx.toks;
    if a >= b {
        return None;
    }
    let mut a = a;
    // A conjunction opening the clause is not part of the source ("but the brigade said").
    while a < b
        && matches!(
            toks[a].lower().as_str(),
            "but" | "and" | "while" | "as" | "so" | "yet"
        )
    {
        a += 1;
    }
    if a >= b {
        return None;
    }
    // Strip descriptors ("reports from", "the activist group", "a spokesman for").
    loop {
        let d = ctx
            .k
            .attribution
            .source_descriptors
            .iter()
            .find(|d| phrase_at(toks, a, d));
        match d {
            Some(d) if a + d.split(' ').count() < b => a += d.split(' ').count(),
            _ => break,
        }
    }
    let range = Span::new(toks[a].span.start, toks[b - 1].span.end);
    // A named organisation or person inside the range: a person at its end is the head
    // ("union organiser Pieter Valk"), else the first name ("the activist group X (XG)").
    let inside: Vec<(usize, &Mention)> = ctx
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            m.sentence == ctx.s && range.contains(m.span) && m.kind != MentionKind::Place
        })
        .collect();
    let head_person = inside
        .last()
        .filter(|(_, m)| m.kind == MentionKind::Person)
        .copied();
    let named = head_person.or_else(|| inside.first().copied());
    if let Some((mi, m)) = named {
        return Some(SourceRef {
            span: m.span,
            text: m.canonical.clone().unwrap_or_else(|| m.text.clone()),
            mention: Some(mi),
            named: true,
        });
    }
    let words: Vec<&Token> = toks[a..b].iter().filter(|t| t.is_word).collect();
    // "the group": the organisation last named before it.
    let phrase: Vec<String> = words.iter().map(|t| t.lower()).collect();
    if ctx.k.attribution.org_anaphors.contains(&phrase.join(" ")) {
        let (mi, m) = ctx
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.kind == MentionKind::Org && m.span.end <= range.start)
            .max_by_key(|(_, m)| m.span.start)?;
        return Some(SourceRef {
            span: range,
            text: m.canonical.clone().unwrap_or_else(|| m.text.clone()),
            mention: Some(mi),
            named: true,
        });
    }
    // A pronoun.
    if words.len() == 1 && ctx.k.attribution.pronouns.contains(&words[0].lower()) {
        return resolve_pronoun(ctx, words[0]);
    }
    // An institution described, not named ("the regional fire brigade", "police"): one
    // specific source, identified by its description.
    let is_institution = |t: &Token| {
        ctx.k
            .language
            .org_words
            .iter()
            .any(|w| w.eq_ignore_ascii_case(t.text))
    };
    if let Some(head) = words.iter().rposition(|t| is_institution(t)) {
        let first = words
            .iter()
            .position(|t| !matches!(t.lower().as_str(), "the" | "a" | "an"))
            .filter(|&f| f <= head)
            .unwrap_or(head);
        if words[first..=head]
            .iter()
            .all(|t| !t.is_capitalised() || first == 0)
        {
            let span = Span::new(words[first].span.start, words[head].span.end);
            let text: Vec<String> = words[first..=head].iter().map(|t| t.lower()).collect();
            // "the fire service" after "the Marrowick Fire Service": the organisation named before.
            let described = text.join(" ");
            let named = ctx.mentions.iter().enumerate().rev().find(|(_, m)| {
                m.kind == MentionKind::Org
                    && m.span.end <= span.start
                    && m.text.to_lowercase().ends_with(&described)
            });
            if let Some((mi, m)) = named {
                return Some(SourceRef {
                    span,
                    text: m.canonical.clone().unwrap_or_else(|| m.text.clone()),
                    mention: Some(mi),
                    named: true,
                });
            }
            return Some(SourceRef {
                span,
                text: text.join(" "),
                mention: None,
                named: true,
            });
        }
    }
    // A capitalised name the recogniser did not know ("according to The Tide"): named as written.
    let proper: Vec<&Token> = words
        .iter()
        .copied()
        .skip_while(|t| !t.is_capitalised() || ctx.k.language.not_names.contains(t.text))
        .take_while(|t| {
            t.is_capitalised() || matches!(t.lower().as_str(), "of" | "for" | "the" | "and")
        })
        .collect();
    if let Some(last) = proper.iter().rposition(|t| t.is_capitalised()) {
        let name = &proper[..=last];
        let span = Span::new(name[0].span.start, name[last].span.end);
        let text = name.iter().map(|t| t.text).collect::<Vec<_>>().join(" ");
        return Some(SourceRef {
            span,
            text,
            mention: None,
            named: true,
        });
    }
    // An unnamed source: the phrase ending in an unnamed-source noun.
    let head = words
        .iter()
        .rposition(|t| {
            ctx.k.attribution.unnamed_sources.contains(&t.lower())
                || ctx.k.attribution.statement_nouns.contains(&t.lower())
        })
        .or_else(|| common_noun_subject(ctx, &words))?;
    let first = words
        .iter()
        .position(|t| {
            !matches!(
                t.lower().as_str(),
                "the" | "a" | "an" | "some" | "other" | "all" | "many" | "several"
            )
        })
        .filter(|&f| f <= head)
        .unwrap_or(head);
    let span = Span::new(words[first].span.start, words[head].span.end);
    let text: Vec<String> = words[first..=head].iter().map(|t| t.lower()).collect();
    Some(SourceRef {
        span,
        text: text.join(" "),
        mention: None,
        named: false,
    })
}

/// A short subject ending in a lower-case noun ("the campaign", "critics", "the mayor's
/// aide"): an unnamed source described by that phrase. Function words, numbers and
/// adverbs are not nouns here.
fn common_noun_subject(ctx: &Ctx, words: &[&Token]) -> Option<usize> {
    let last = words.len().checked_sub(1)?;
    let l = words[last].lower();
    let function_word =
        ctx.k.language.stopwords.contains(&l) || l.chars().any(|c| c.is_ascii_digit());
    let lower = words[last]
        .text
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    (words.len() <= 5 && lower && !function_word && l.len() > 2 && !l.ends_with("ly"))
        .then_some(last)
}

/// "he said": the last person or singular unnamed source credited, else the last person named.
fn resolve_pronoun(ctx: &Ctx, t: &Token) -> Option<SourceRef> {
    let recent = ctx.st.last_sentence.is_some_and(|l| ctx.s <= l + 2);
    if recent {
        let person_like = |a: &&Attribution| {
            a.source
                .mention
                .is_some_and(|m| ctx.mentions[m].kind == MentionKind::Person)
                || !a.source.named
        };
        if let Some(a) = ctx.st.last.iter().rev().find(person_like) {
            return Some(SourceRef {
                span: t.span,
                ..a.source.clone()
            });
        }
    }
    let (mi, m) = ctx
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == MentionKind::Person && m.span.end <= t.span.start)
        .max_by_key(|(_, m)| m.span.start)?;
    let root = root_of(ctx.mentions, mi);
    let name = &ctx.mentions[root];
    Some(SourceRef {
        span: t.span,
        text: name.text.clone(),
        mention: Some(mi).filter(|_| m.kind == MentionKind::Person),
        named: true,
    })
}

fn root_of(mentions: &[Mention], mut i: usize) -> usize {
    let mut guard = 0;
    while let Some(t) = mentions[i].refers_to {
        i = t;
        guard += 1;
        if guard > 16 {
            break;
        }
    }
    i
}

/// The end of a source phrase starting at `a`: the next clause break, "that", or verb.
fn phrase_end(ctx: &Ctx, a: usize) -> usize {
    let toks = ctx.toks;
    (a..toks.len())
        .find(|&i| {
            let l = toks[i].lower();
            (CLAUSE_END.contains(&toks[i].text) && toks[i].text != "—")
                || l == "that"
                || ctx
                    .k
                    .attribution
                    .nested_cues
                    .iter()
                    .any(|c| phrase_at(toks, i, c))
                || (i > a && ctx.k.attribution.reporting_verbs.contains(&l))
        })
        .unwrap_or(toks.len())
}

/// Nested credits after position `i`: ", citing Y", ", quoting Z".
fn nested_after(ctx: &Ctx, mut i: usize) -> (Vec<SourceRef>, usize) {
    let toks = ctx.toks;
    let mut chain = Vec::new();
    loop {
        let at = if toks.get(i).is_some_and(|t| t.text == ",") {
            i + 1
        } else {
            i
        };
        let Some(cue) = cue_at(&ctx.k.attribution.nested_cues, toks, at) else {
            break;
        };
        let start = at + cue.split(' ').count();
        let end = phrase_end(ctx, start);
        match source_in(ctx, start, end) {
            Some(src) => chain.push(src),
            None => break,
        }
        i = end;
    }
    (chain, i)
}

fn make(ctx: &Ctx, cue: Span, mut chain: Vec<SourceRef>, content: Span) -> Option<Attribution> {
    let source = chain.pop()?;
    Some(Attribution {
        cue,
        source,
        via: chain,
        content,
        sentence: ctx.s,
    })
}

fn prefix_cues(ctx: &Ctx, sent: Span, out: &mut Vec<Attribution>) {
    let toks = ctx.toks;
    for i in 0..toks.len() {
        let Some(cue) = cue_at(&ctx.k.attribution.prefix_cues, toks, i) else {
            continue;
        };
        // "first reported by" contains "reported by": take the longest match only once.
        if i > 0
            && ctx
                .k
                .attribution
                .prefix_cues
                .iter()
                .any(|c| c.split(' ').count() > 1 && phrase_at(toks, i - 1, c))
        {
            continue;
        }
        let n = cue.split(' ').count();
        let start = i + n;
        if *cue == "via"
            && !ctx.mentions.iter().any(|m| {
                toks.get(start)
                    .is_some_and(|t| t.span.start == m.span.start)
            })
        {
            continue;
        }
        let end = phrase_end(ctx, start);
        let Some(first) = source_in(ctx, start, end) else {
            continue;
        };
        let (nested, after) = nested_after(ctx, end);
        let mut chain = vec![first];
        chain.extend(nested);
        let cue_span = Span::new(toks[i].span.start, toks[start - 1].span.end);
        let content = if i <= 1 {
            let from = toks
                .get(after + 1)
                .map(|t| t.span.start)
                .unwrap_or(sent.end);
            Span::new(from.min(sent.end), sent.end)
        } else {
            Span::new(sent.start, toks[i].span.start)
        };
        if let Some(a) = make(ctx, cue_span, chain, content) {
            out.push(a);
        }
    }
}

fn verbs(ctx: &Ctx, sent: Span, outlet: Option<&str>, out: &mut Vec<Attribution>) {
    let toks = ctx.toks;
    for i in 0..toks.len() {
        let verb = toks[i].lower();
        if !ctx.k.attribution.reporting_verbs.contains(&verb) || !toks[i].is_word {
            continue;
        }
        // Passives ("was said", "was first reported by") credit no subject.
        let passive = (1..=2).any(|n| i >= n && PASSIVE.contains(&toks[i - n].lower().as_str()));
        if passive || toks.get(i + 1).is_some_and(|t| t.is("by")) {
            continue;
        }
        let next = toks.get(i + 1);
        let object_follows = next.is_some_and(|t| OBJECTS.contains(&t.lower().as_str()))
            || next.is_some_and(|t| {
                ctx.mentions
                    .iter()
                    .any(|m| m.span.start == t.span.start && m.kind == MentionKind::Person)
            });
        // "reported his mother to ...": an act, not a credit. ("said Ali had ..." is a credit.)
        let takes_object = matches!(verb.as_str(), "reported" | "reports" | "quoted" | "cited");
        if object_follows && takes_object {
            continue;
        }
        // The subject: back to the previous clause break, over adverbs and auxiliaries.
        let mut r = i;
        while r > 0 && SKIP_BEFORE_VERB.contains(&toks[r - 1].lower().as_str()) {
            r -= 1;
        }
        let mut l = r;
        while l > 0 && !CLAUSE_END.contains(&toks[l - 1].text) {
            let w = toks[l - 1].lower();
            if w == "that" || w == "who" || w == "which" || w == "when" || w == "after" || w == "if"
            {
                break;
            }
            l -= 1;
        }
        let relative = l > 0 && matches!(toks[l - 1].lower().as_str(), "who" | "which");
        if relative {
            continue;
        }
        // "X, citing Y, said": the subject stands before the parenthetical credit.
        let mut parenthetical: Vec<SourceRef> = Vec::new();
        if l == r && l >= 2 && toks[l - 1].text == "," {
            let comma = l - 1;
            let opener = (0..comma)
                .rev()
                .take_while(|&p| !CLAUSE_END.contains(&toks[p].text) || p + 1 == comma)
                .find(|&p| {
                    p >= 1
                        && toks[p - 1].text == ","
                        && ctx
                            .k
                            .attribution
                            .nested_cues
                            .iter()
                            .any(|c| phrase_at(toks, p, c))
                });
            if let Some(p) = opener {
                let cue_len = cue_at(&ctx.k.attribution.nested_cues, toks, p)
                    .map_or(1, |c| c.split(' ').count());
                if let Some(up) = source_in(ctx, p + cue_len, comma) {
                    parenthetical.push(up);
                }
                r = p - 1;
                l = r;
                while l > 0 && !CLAUSE_END.contains(&toks[l - 1].text) {
                    l -= 1;
                }
            }
        }
        let (src, inverted) = match source_in(ctx, l, r) {
            Some(src) => (Some(src), false),
            // ", said John Smith." after a quotation.
            None if l == r && l > 0 && CLAUSE_END.contains(&toks[l - 1].text) => {
                (source_in(ctx, i + 1, phrase_end(ctx, i + 1)), true)
            }
            None => (None, false),
        };
        let Some(src) = src else { continue };
        let mut chain = Vec::new();
        // "X told Y that ...": Y, when another outlet, passed it on.
        let mut content_from = i + 1;
        if (verb == "told" || verb == "tells") && !inverted {
            // "told her son": speech between the story's people, not a credit.
            if next.is_some_and(|t| {
                matches!(t.lower().as_str(), "his" | "her" | "their" | "him" | "them")
            }) {
                continue;
            }
            let end = phrase_end(ctx, i + 1);
            if let Some(recipient) = source_in(ctx, i + 1, end) {
                // A named organisation other than the report's own outlet passed it on.
                let is_org = recipient
                    .mention
                    .is_some_and(|m| ctx.mentions[m].kind == MentionKind::Org);
                let own = outlet.is_some_and(|o| org_key(o) == org_key(&recipient.text));
                if is_org && !own {
                    chain.push(recipient);
                }
            }
            content_from = end;
        }
        // "Citing Y, X said": X relies on Y.
        let (upstream, _) = if l == 0 || (l >= 1 && toks[l - 1].text == ",") {
            let opener = (0..l).find(|&p| {
                ctx.k
                    .attribution
                    .nested_cues
                    .iter()
                    .any(|c| phrase_at(toks, p, c))
            });
            match opener {
                Some(0) => nested_after(ctx, 0),
                _ => (Vec::new(), 0),
            }
        } else {
            (Vec::new(), 0)
        };
        chain.push(src);
        chain.extend(parenthetical);
        chain.extend(upstream);
        let content = if l > 1
            && toks[..l].iter().any(|t| t.is_word)
            && !inverted
            && content_from >= toks.len().saturating_sub(1)
        {
            Span::new(sent.start, toks[l - 1].span.start)
        } else if l > 1 && r == i && i + 1 >= toks.len().saturating_sub(1) {
            Span::new(sent.start, toks[l].span.start)
        } else {
            let from = toks
                .get(content_from)
                .map(|t| t.span.start)
                .unwrap_or(sent.end);
            Span::new(from, sent.end)
        };
        if let Some(a) = make(ctx, toks[i].span, chain, content) {
            out.push(a);
        }
    }
}
