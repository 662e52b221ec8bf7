//! A one-line text input: what the student types into search, or the technician into a
//! PIN or an event name. Every field goes through the same editing, and each kind of
//! field says which characters it takes, so a 10 KB paste or a stray escape sequence
//! cannot stall the kiosk, break the screen or reach a saved setting.

/// Which characters a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Search words: line breaks and tabs become spaces, other control characters go.
    Text,
    /// An event name: what the config accepts in a label ([`crate::text_rules`]).
    Label,
    /// A PIN: ASCII digits only. Its `Debug` never shows them.
    Digits,
}

impl FieldKind {
    /// The character kept for `c`, if any.
    fn keep(self, c: char) -> Option<char> {
        match self {
            FieldKind::Text => {
                let c = if matches!(c, '\n' | '\t' | '\r') {
                    ' '
                } else {
                    c
                };
                (!c.is_control()).then_some(c)
            }
            FieldKind::Label => crate::text_rules::classify(c).is_none().then_some(c),
            FieldKind::Digits => c.is_ascii_digit().then_some(c),
        }
    }
}

#[derive(Clone, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    max_chars: usize,
    kind: FieldKind,
}

impl std::fmt::Debug for LineInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut d = f.debug_struct("LineInput");
        match self.kind {
            // A PIN being typed never reaches a log line or a panic message.
            FieldKind::Digits => d.field("chars", &self.len()),
            _ => d.field("text", &self.text),
        };
        d.field("kind", &self.kind).finish()
    }
}

/// One edit of a field, from a key or a paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Typed or pasted text (the field drops what it does not take).
    Insert(String),
    Backspace,
    /// Ctrl-W: the last word.
    DeleteWord,
    /// Ctrl-U or Delete: everything.
    Clear,
}

impl LineInput {
    /// Search words, at most `max_chars`.
    pub fn new(max_chars: usize) -> Self {
        Self::of_kind(FieldKind::Text, max_chars)
    }

    pub fn of_kind(kind: FieldKind, max_chars: usize) -> Self {
        LineInput {
            text: String::new(),
            max_chars,
            kind,
        }
    }

    /// A field of `kind` holding `text` (cut to what the field takes).
    pub fn with_text(kind: FieldKind, max_chars: usize, text: &str) -> Self {
        let mut input = Self::of_kind(kind, max_chars);
        input.insert(text);
        input
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Characters so far (a PIN's dots).
    pub fn len(&self) -> usize {
        self.text.chars().count()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Takes the text out, leaving the field empty.
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.text)
    }

    /// Carries out one edit. Returns true when the text changed.
    pub fn apply(&mut self, edit: &Edit) -> bool {
        match edit {
            Edit::Insert(text) => self.insert(text),
            Edit::Backspace => self.backspace(),
            Edit::DeleteWord => self.delete_word(),
            Edit::Clear => self.clear(),
        }
    }

    /// Adds what was typed or pasted, dropping what the field does not take and anything
    /// past the cap. Returns true when the text changed.
    pub fn insert(&mut self, s: &str) -> bool {
        let room = self.max_chars.saturating_sub(self.len());
        let before = self.text.len();
        let kind = self.kind;
        self.text
            .extend(s.chars().filter_map(|c| kind.keep(c)).take(room));
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

    #[test]
    fn each_kind_keeps_its_own_characters() {
        let mut pin = LineInput::of_kind(FieldKind::Digits, 8);
        assert!(pin.insert("12a3 4\u{1b}567890"));
        assert_eq!(pin.as_str(), "12345678");
        assert!(!format!("{pin:?}").contains("1234"), "{pin:?}");

        let label = LineInput::with_text(FieldKind::Label, 12, "Fair\u{202e}\tNight\u{200b}!");
        assert_eq!(label.as_str(), "FairNight!");
        let search = LineInput::with_text(FieldKind::Text, 12, "a\tb\u{7}c");
        assert_eq!(search.as_str(), "a bc");
    }
}
