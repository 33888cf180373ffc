//! Words and punctuation with their byte offsets: the unit every annotator scans.
//!
//! A word is a run of letters and digits, joined across an inner hyphen or apostrophe
//! ("al-Qasem", "20-year-old", "don't"); a possessive "'s" is split off. Everything else
//! that is not white space is a one-character punctuation token.

use corroborate_model::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub span: Span,
    pub is_word: bool,
}

impl Token<'_> {
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// All letters upper case, at least two of them ("CNN", "RIBSS").
    pub fn is_acronym(&self) -> bool {
        let letters: Vec<char> = self.text.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    }

    pub fn is(&self, s: &str) -> bool {
        self.text.eq_ignore_ascii_case(s)
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '‑')
}

/// Tokens of `text[span]`, offsets relative to the whole `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token<'_>> {
    let s = &text[span.start..span.end];
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let cj = chars[j].1;
                if cj.is_alphanumeric() {
                    j += 1;
                } else if is_joiner(cj) && j + 1 < chars.len() && chars[j + 1].1.is_alphanumeric() {
                    j += 2;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map(|c| c.0).unwrap_or(s.len());
            let word = &s[start..end];
            // Split a possessive 's off the word.
            let cut = ["'s", "’s", "'S"].iter().find_map(|p| {
                word.strip_suffix(p)
                    .filter(|w| w.chars().count() > 1)
                    .map(|w| w.len())
            });
            match cut {
                Some(n) => {
                    out.push(tok(text, span.start + start, span.start + start + n, true));
                    out.push(tok(text, span.start + start + n, span.start + end, false));
                }
                None => out.push(tok(text, span.start + start, span.start + end, true)),
            }
            i = j;
        } else {
            let end = chars.get(i + 1).map(|c| c.0).unwrap_or(s.len());
            out.push(tok(text, span.start + start, span.start + end, false));
            i += 1;
        }
    }
    out
}

fn tok(text: &str, start: usize, end: usize, is_word: bool) -> Token<'_> {
    Token {
        text: &text[start..end],
        span: Span::new(start, end),
        is_word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_hyphens_and_splits_possessives() {
        let text = "Al-Qasem's 20-year-old son, “he said.”";
        let toks = tokenize(text, Span::new(0, text.len()));
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "Al-Qasem",
                "'s",
                "20-year-old",
                "son",
                ",",
                "“",
                "he",
                "said",
                ".",
                "”"
            ]
        );
        assert!(toks[0].is_word && !toks[1].is_word);
        assert_eq!(&text[toks[2].span.start..toks[2].span.end], "20-year-old");
    }
}
