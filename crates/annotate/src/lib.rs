//! Annotate: finds, in one cleaned report, its sentences, the people, organisations and
//! places it names, the values it states about them (ages, counts, dates, places,
//! weapons, charges) and whom it credits for what.
//!
//! [`annotate`] runs the annotators in order; each is a function of the tokens, the
//! mentions found so far and the knowledge files. Every item carries a span.

pub mod ages;
pub mod attribution;
pub mod counts;
pub mod dates;
pub mod event_facts;
pub mod mentions;
pub mod numbers;
pub mod participants;
pub mod people;
pub mod sentences;
pub mod tokens;

use corroborate_knowledge::Knowledge;
use corroborate_model::{AnnotatedReport, Report};

/// Annotates one report.
pub fn annotate(report: Report, k: &Knowledge) -> AnnotatedReport {
    let text = report.text.as_str();
    let sentences = sentences::split(text, k);
    let tokens: Vec<Vec<tokens::Token>> = sentences
        .iter()
        .map(|s| tokens::tokenize(text, s.span))
        .collect();

    let mut candidates = mentions::find(text, &sentences, &tokens, k);
    people::apply_cues(&mut candidates, &tokens, k);
    let mentions = people::link(candidates, k);

    let on_event = about_main_event(&sentences, &mentions);
    let mut claims = Vec::new();
    for (s, toks) in tokens.iter().enumerate() {
        ages::find(s, toks, &mentions, k, &mut claims);
        if sentences[s].lede {
            let ages: Vec<_> = claims
                .iter()
                .filter(|c| c.sentence == s && c.attribute == "age")
                .map(|c| c.span)
                .collect();
            counts::find(s, toks, &ages, k, &mut claims);
            dates::find(s, text, toks, report.published, k, &mut claims);
            event_facts::places(s, toks, &mentions, k, &mut claims);
            event_facts::types(s, toks, k, &mut claims);
        }
        // A dateline opens one of the first body sentences (after a stray kicker line).
        if (1..=3).contains(&s)
            && !claims
                .iter()
                .any(|c| c.attribute == "place" && c.sentence < s && c.sentence >= 1)
        {
            event_facts::dateline(s, text, toks, k, &mut claims);
        }
        participants::find(s, toks, &mentions, k, &mut claims);
        if on_event[s] {
            event_facts::weapons(s, text, toks, k, &mut claims);
            event_facts::addresses(s, text, toks, k, &mut claims);
            event_facts::charges(s, text, toks, &mut claims);
        }
    }
    let attributions = attribution::find(
        text,
        report.outlet.as_deref(),
        &sentences,
        &tokens,
        &mentions,
        k,
    );
    drop(tokens);
    AnnotatedReport {
        report,
        sentences,
        mentions,
        claims,
        attributions,
    }
}

/// Sentences about the main event: the lede, and any later sentence naming a person the
/// lede names (directly or through a short reference such as a surname).
fn about_main_event(
    sentences: &[corroborate_model::Sentence],
    mentions: &[corroborate_model::Mention],
) -> Vec<bool> {
    let root = |mut i: usize| {
        for _ in 0..16 {
            match mentions[i].refers_to {
                Some(t) => i = t,
                None => break,
            }
        }
        i
    };
    let people: Vec<(usize, usize)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == corroborate_model::MentionKind::Person)
        .map(|(i, m)| (m.sentence, root(i)))
        .collect();
    let lede_people: std::collections::BTreeSet<usize> = people
        .iter()
        .filter(|(s, _)| sentences[*s].lede)
        .map(|&(_, r)| r)
        .collect();
    (0..sentences.len())
        .map(|s| {
            sentences[s].lede
                || people
                    .iter()
                    .any(|&(ps, r)| ps == s && lede_people.contains(&r))
        })
        .collect()
}
