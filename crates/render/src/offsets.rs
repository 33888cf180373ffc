//! Byte offsets (used inside the pipeline) to character offsets (used in output, where
//! readers index strings by Unicode scalar values, as Python and most JSON consumers do).

/// Converts byte offsets of one text to character offsets in O(log n) per lookup.
pub struct CharOffsets {
    /// (byte offset of a multi-byte char, extra bytes before and including it)
    wide: Vec<(usize, usize)>,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0;
        for (b, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                wide.push((b, extra));
            }
        }
        CharOffsets { wide }
    }

    /// The character offset of byte offset `b` (which must be a char boundary).
    pub fn char_at(&self, b: usize) -> usize {
        let i = self.wide.partition_point(|&(pos, _)| pos < b);
        let extra = if i == 0 { 0 } else { self.wide[i - 1].1 };
        b - extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        let t = "a“b”c";
        let o = CharOffsets::new(t);
        for (ci, (bi, _)) in t.char_indices().enumerate() {
            assert_eq!(o.char_at(bi), ci);
        }
        assert_eq!(o.char_at(t.len()), t.chars().count());
    }
}
