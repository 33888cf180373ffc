//! Splits a report's text into sentences.
//!
//! Uses Unicode sentence boundaries (`unicode-segmentation`, UAX #29) within each
//! paragraph, then rejoins splits made after abbreviations that do not end a sentence
//! ("Mr.", "U.S.", listed in `data/language.toml`) and after single initials ("L. Q").
//! A sentence never crosses a paragraph break. The title and the first
//! [`LEDE_SENTENCES`] body sentences are marked as the lede.

use corroborate_knowledge::Knowledge;
use corroborate_model::{Sentence, Span};
use unicode_segmentation::UnicodeSegmentation;

/// Body sentences counted as the lede, after the title.
pub const LEDE_SENTENCES: usize = 3;

/// The sentences of `text`, in order.
pub fn split(text: &str, k: &Knowledge) -> Vec<Sentence> {
    let mut spans: Vec<Span> = Vec::new();
    let mut offset = 0;
    for para in text.split('\n') {
        let start = offset;
        offset += para.len() + 1;
        if para.trim().is_empty() {
            continue;
        }
        let mut pieces: Vec<Span> = Vec::new();
        for (i, s) in para.split_sentence_bound_indices() {
            let lead = s.len() - s.trim_start().len();
            let trimmed = s.trim();
            if trimmed.is_empty() {
                continue;
            }
            let span = Span::new(start + i + lead, start + i + lead + trimmed.len());
            match pieces.last_mut() {
                Some(prev) if !ends_sentence(&text[prev.start..prev.end], trimmed, k) => {
                    prev.end = span.end;
                }
                _ => pieces.push(span),
            }
        }
        spans.extend(pieces);
    }
    // The title is the first paragraph: always its own single sentence.
    let mut sentences = Vec::with_capacity(spans.len());
    let title_end = text.find('\n').unwrap_or(text.len());
    let mut body_seen = 0;
    let mut title_done = false;
    for span in spans {
        if span.start < title_end {
            if title_done {
                if let Some(s) = sentences.last_mut() {
                    let s: &mut Sentence = s;
                    s.span.end = span.end;
                }
                continue;
            }
            title_done = true;
            sentences.push(Sentence { span, lede: true });
            continue;
        }
        body_seen += 1;
        sentences.push(Sentence {
            span,
            lede: body_seen <= LEDE_SENTENCES,
        });
    }
    sentences
}

/// Whether the piece `prev` really ends a sentence, given the piece after it.
fn ends_sentence(prev: &str, next: &str, k: &Knowledge) -> bool {
    let last_word = prev.split_whitespace().last().unwrap_or("");
    let last_word = last_word.trim_start_matches(['(', '[', '"', '“']);
    if k.language.abbreviations.contains(last_word) {
        return false;
    }
    // A single capital initial ("L." in "L. Q").
    let letters: Vec<char> = last_word.trim_end_matches('.').chars().collect();
    if last_word.ends_with('.') && letters.len() == 1 && letters[0].is_uppercase() {
        return false;
    }
    // A split before a lower-case word is not a sentence end ("e.g. this").
    !next.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn respects_abbreviations_initials_and_paragraphs() {
        let k = Knowledge::builtin().unwrap();
        let text = "A headline\n\nMr. Smith met Dr. Jones in the U.S. on Monday. They talked.\nA standfirst without a stop\nShe was called (L. Q) by friends.";
        let s = split(text, &k);
        let got: Vec<&str> = s.iter().map(|s| &text[s.span.start..s.span.end]).collect();
        assert_eq!(
            got,
            [
                "A headline",
                "Mr. Smith met Dr. Jones in the U.S. on Monday.",
                "They talked.",
                "A standfirst without a stop",
                "She was called (L. Q) by friends."
            ]
        );
        assert!(s[0].lede && s[3].lede && !s[4].lede);
    }
}
