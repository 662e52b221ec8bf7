//! A one-line text input: what the student types into search, or the technician into a
//! setting. Pastes are cleaned (no control characters) and capped, so a 10 KB paste or a
//! stray escape sequence cannot stall the kiosk or break the screen.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    max_chars: usize,
}

impl LineInput {
    pub fn new(max_chars: usize) -> Self {
        LineInput {
            text: String::new(),
            max_chars,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Adds what was typed or pasted, dropping control characters and anything past the cap.
    /// Returns true when the text changed.
    pub fn insert(&mut self, s: &str) -> bool {
        let room = self.max_chars.saturating_sub(self.text.chars().count());
        let before = self.text.len();
        let cleaned = s
            .chars()
            .map(|c| {
                if c == '\n' || c == '\t' || c == '\r' {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control())
            .take(room);
        self.text.extend(cleaned);
        self.text.len() != before
    }

    pub fn backspace(&mut self) -> bool {
        self.text.pop().is_some()
    }

    /// Deletes the last word (Ctrl-W), as shells do.
    pub fn delete_word(&mut self) -> bool {
        let trimmed = self.text.trim_end().len();
        let cut = self.text[..trimmed].rfind(' ').map_or(0, |i| i + 1);
        let changed = cut != self.text.len();
        self.text.truncate(cut);
        changed
    }

    pub fn clear(&mut self) -> bool {
        let changed = !self.text.is_empty();
        self.text.clear();
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paste_is_cleaned_and_capped() {
        let mut input = LineInput::new(10);
        input.insert("ab\u{1b}[31mc\nd");
        assert_eq!(input.as_str(), "ab[31mc d");
        input.insert(&"x".repeat(10_000));
        assert_eq!(input.as_str().chars().count(), 10);
    }

    #[test]
    fn backspace_and_word_delete_handle_multibyte() {
        let mut input = LineInput::new(50);
        input.insert("mecánico enfermería");
        input.delete_word();
        assert_eq!(input.as_str(), "mecánico ");
        input.backspace();
        input.backspace();
        assert_eq!(input.as_str(), "mecánic");
        input.clear();
        assert!(!input.backspace());
    }
}
