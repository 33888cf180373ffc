//! Text normalisation shared by every lookup: accent folding and organisation keys.

/// Accents and non-Latin letters transliterated to ASCII (`deunicode`), other text kept.
pub fn fold_accents(s: &str) -> String {
    if s.is_ascii() {
        s.to_string()
    } else {
        deunicode::deunicode(s)
    }
}

/// An organisation name normalised for lookup: lower case, accent-free, punctuation and a
/// leading "the" dropped, and the linking words "of", "for", "and", "the" removed, so that
/// "Syrian Observatory of Human Rights" and "the Syrian Observatory for Human Rights" agree.
pub fn org_key(s: &str) -> String {
    let lowered = fold_accents(s).to_lowercase();
    let cleaned: String = lowered
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '&' {
                c
            } else {
                ' '
            }
        })
        .collect();
    cleaned
        .split_whitespace()
        .filter(|w| !matches!(*w, "the" | "of" | "for" | "and" | "&"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_key_ignores_article_case_and_linking_words() {
        assert_eq!(
            org_key("The Syrian Observatory for Human Rights"),
            "syrian observatory human rights"
        );
        assert_eq!(
            org_key("syrian observatory OF human rights"),
            "syrian observatory human rights"
        );
        assert_eq!(org_key("U.N."), "u n");
    }
}
