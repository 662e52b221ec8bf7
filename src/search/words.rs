//! Cutting a text into folded words, one way for the index and the query: the words of
//! [`fold`](crate::text::fold)`(text)` split at every char that is not alphanumeric.

use std::ops::Range;

use crate::text::fold_char;

/// The folded words of one text, in one buffer reused from text to text, so that
/// cutting the millions of words of a statewide catalog allocates nothing per word.
#[derive(Default)]
pub(super) struct FoldedWords {
    /// The words, one after another with nothing between them.
    text: String,
    bounds: Vec<Range<usize>>,
}

impl FoldedWords {
    /// Takes the words of `text`, in one pass. A run of ASCII letters and digits is
    /// copied and lowercased at once; any other char is folded on its own. Folding goes
    /// char by char and leaves ASCII spaces and punctuation as they are, so this gives
    /// the words of folding the whole text first and then splitting it.
    pub fn fill(&mut self, text: &str) {
        self.text.clear();
        self.bounds.clear();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let run = bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if run > 0 {
                let start = self.text.len();
                self.text.push_str(&text[i..i + run]);
                self.text[start..].make_ascii_lowercase();
                i += run;
            } else if bytes[i].is_ascii() {
                end_word(&self.text, &mut self.bounds);
                i += 1;
            } else {
                let c = text[i..].chars().next().unwrap_or_default();
                let (out, bounds) = (&mut self.text, &mut self.bounds);
                fold_char(c, |f| {
                    if f.is_alphanumeric() {
                        out.push(f);
                    } else {
                        end_word(out, bounds);
                    }
                });
                i += c.len_utf8();
            }
        }
        end_word(&self.text, &mut self.bounds);
    }

    pub fn len(&self) -> usize {
        self.bounds.len()
    }

    pub fn get(&self, i: usize) -> &str {
        &self.text[self.bounds[i].clone()]
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.bounds.iter().map(|b| &self.text[b.clone()])
    }
}

/// Closes the word being written at the end of `text`, if there is one.
fn end_word(text: &str, bounds: &mut Vec<Range<usize>>) {
    let start = bounds.last().map_or(0, |b| b.end);
    if text.len() > start {
        bounds.push(start..text.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn words(text: &str) -> Vec<String> {
        let mut words = FoldedWords::default();
        words.fill(text);
        words.iter().map(str::to_string).collect()
    }

    /// What the index and the query meant by a text's words before this one pass.
    fn fold_then_split(text: &str) -> Vec<String> {
        fold(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn cuts_folded_words() {
        assert_eq!(words("Enfermería, MECÁNICO!"), ["enfermeria", "mecanico"]);
        assert_eq!(words("  3D-Printing  "), ["3d", "printing"]);
        assert_eq!(words(""), Vec::<String>::new());
        assert_eq!(words("¿Qué?"), ["que"]);
    }

    #[test]
    fn gives_the_words_of_folding_then_splitting() {
        for text in [
            "Tecnologi\u{0301}a Veterinaria",
            "İstanbul 2×4 niño—año «sí» x\u{00A0}y",
            "Ⅻ ½ ß ǅungla co-op ÉCOLE",
            "a\u{0301}\u{0301}b ' \u{0301}start",
            "Certified Nursing Assistant (CNA) / Asistente de enfermería certificado",
        ] {
            assert_eq!(words(text), fold_then_split(text), "{text}");
        }
    }
}
