//! Accent and case folding for search.
//!
//! Students type without accents ("enfermeria", "mecanico") and in any case, so search
//! compares *folded* text: Unicode canonical decomposition (NFD), combining marks
//! removed, then lowercase. Folding can change the number of chars (a decomposed "e" +
//! U+0301 is two chars that fold to one, "İ" lowercases to two), so [`FoldedText`] keeps
//! an explicit map from every folded char back to the bytes of the original text: the
//! search highlights the original, not the folded copy.

use std::ops::Range;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds `text` for comparison: NFD, combining marks removed, lowercase.
///
/// ```
/// assert_eq!(roc_kiosk::text::fold("Enfermería MECÁNICO"), "enfermeria mecanico");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, |f| out.push(f));
    }
    out
}

/// Calls `emit` with the folded form of one char (zero, one or more chars): what
/// [`fold`] writes for it, for a caller that folds into its own buffer.
pub fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        // The common case, and the hot one while a student types.
        emit(c.to_ascii_lowercase());
        return;
    }
    decompose_canonical(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        for l in d.to_lowercase() {
            if !is_combining_mark(l) {
                emit(l);
            }
        }
    });
}

/// Folded text plus, for every folded char, the byte range of the original text it
/// came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FoldedText {
    /// The folded chars, one per entry of `source`.
    pub chars: Vec<char>,
    /// `source[i]` is the byte range of the original text that produced `chars[i]`.
    /// Combining marks that follow a base letter in the original are included in that
    /// letter's range, so a highlight never splits "e" from its accent.
    pub source: Vec<Range<usize>>,
}

impl FoldedText {
    pub fn new(original: &str) -> Self {
        let mut folded = FoldedText::default();
        folded.set(original);
        folded
    }

    /// Makes this the folded text of `original`, reusing its buffers (for a caller that
    /// folds many texts one after another).
    pub fn set(&mut self, original: &str) {
        let folded = self;
        folded.chars.clear();
        folded.source.clear();
        if original.is_ascii() {
            // The common case: one lowercased char per byte.
            folded.set_ascii_chars(original);
            folded.source.extend((0..original.len()).map(|i| i..i + 1));
            return;
        }
        for (start, c) in original.char_indices() {
            let end = start + c.len_utf8();
            let before = folded.chars.len();
            fold_char(c, |f| {
                folded.chars.push(f);
                folded.source.push(start..end);
            });
            if folded.chars.len() == before {
                // The char folded away (a combining mark of decomposed input): attach it
                // to the letter it decorates, if that letter ends right here.
                if let Some(last) = folded.source.last_mut()
                    && last.end == start
                {
                    last.end = end;
                }
            }
        }
    }

    /// Makes `chars` the folded chars of `ascii`, plain ASCII: one lowercased char per
    /// byte, so char `i` comes from byte `i`. `source` is left as it was, for a caller
    /// that needs no byte ranges.
    pub fn set_ascii_chars(&mut self, ascii: &str) {
        debug_assert!(ascii.is_ascii());
        self.chars.clear();
        let lower = ascii.bytes().map(|b| char::from(b.to_ascii_lowercase()));
        self.chars.extend(lower);
    }

    /// Byte ranges of the original text covering the folded char positions `chars`
    /// (any order, duplicates allowed, out-of-range positions ignored), sorted and
    /// merged. Every range starts and ends on a char boundary of the original.
    pub fn byte_ranges(&self, chars: impl IntoIterator<Item = usize>) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = chars
            .into_iter()
            .filter_map(|i| self.source.get(i).cloned())
            .collect();
        merge_ranges(&mut ranges);
        ranges
    }
}

/// Sorts `ranges` and merges overlapping or touching ones, in place.
pub fn merge_ranges(ranges: &mut Vec<Range<usize>>) {
    ranges.retain(|r| r.start < r.end);
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges.drain(..) {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    *ranges = merged;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("Enfermería"), "enfermeria");
        assert_eq!(fold("MECÁNICO"), "mecanico");
        assert_eq!(fold("Niño Año"), "nino ano");
        assert_eq!(fold("Électricité"), "electricite");
        assert_eq!(fold("plain ascii 123"), "plain ascii 123");
    }

    #[test]
    fn folds_decomposed_input_like_precomposed() {
        let decomposed = "Tecnologi\u{0301}a";
        assert_eq!(fold(decomposed), "tecnologia");
        let f = FoldedText::new(decomposed);
        assert_eq!(f.chars.len(), 10);
        // The "i" carries its combining accent along in its source range.
        assert_eq!(f.source[8], 8..11);
        assert_eq!(f.byte_ranges(0..10), vec![0..decomposed.len()]);
    }

    #[test]
    fn folds_plain_ascii_one_char_per_byte() {
        let f = FoldedText::new("Auto Shop 101!");
        assert_eq!(f.chars.iter().collect::<String>(), "auto shop 101!");
        assert_eq!(f.source, (0..14).map(|i| i..i + 1).collect::<Vec<_>>());
        // Reused for a text that is not plain ASCII, then for one that is.
        let mut reused = FoldedText::new("x");
        reused.set("Año 2");
        assert_eq!(reused, FoldedText::new("Año 2"));
        reused.set("ab");
        assert_eq!(reused.chars, ['a', 'b']);
        assert_eq!(reused.source, [0..1, 1..2]);
    }

    #[test]
    fn maps_folded_chars_to_original_bytes() {
        let name = "Tecnología Veterinaria";
        let f = FoldedText::new(name);
        assert_eq!(f.chars.iter().collect::<String>(), "tecnologia veterinaria");
        assert_eq!(f.chars.len(), f.source.len());
        // "í" is two bytes in the original, one folded char.
        assert_eq!(f.source[8], 8..10);
        let ranges = f.byte_ranges(0..10);
        assert_eq!(ranges, vec![0..11]);
        assert_eq!(&name[ranges[0].clone()], "Tecnología");
    }

    #[test]
    fn expanding_lowercase_keeps_a_mapping_per_char() {
        // U+0130 "İ" lowercases to "i" + U+0307; the mark is dropped, the "i" stays mapped.
        let f = FoldedText::new("İx");
        assert_eq!(f.chars, vec!['i', 'x']);
        assert_eq!(f.source, vec![0..2, 2..3]);
    }

    #[test]
    fn merges_ranges() {
        let mut r = vec![5..7, 0..2, 2..3, 6..9, 12..12];
        merge_ranges(&mut r);
        assert_eq!(r, vec![0..3, 5..9]);
    }
}
