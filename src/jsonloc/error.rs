//! One problem in a file a person edits (a catalog file, the config), located as
//! precisely as we can, with what to do about it.

use std::fmt;

use crate::text_rules::escape_for_terminal;

/// `file:line:column: what 'id' field 'f': message — hint`, each part only when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedError {
    /// The file name (or path) as the person gave it.
    pub file: String,
    /// 1-based.
    pub line: Option<usize>,
    /// 1-based, in characters.
    pub column: Option<usize>,
    /// What kind of entry the problem is in ("program", "sector", "campus"…).
    pub what: Option<String>,
    /// The id of that entry, when it has one.
    pub id: Option<String>,
    /// The field, dotted ("riasec.R", "sessions[1]").
    pub field: Option<String>,
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl LocatedError {
    /// A problem with the file as a whole (it cannot be read, it is too big…).
    pub fn whole_file(
        file: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> LocatedError {
        LocatedError {
            file: file.into(),
            line: None,
            column: None,
            what: None,
            id: None,
            field: None,
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// The same problem at a line and column.
    pub fn at(self, (line, column): (usize, usize)) -> LocatedError {
        LocatedError {
            line: Some(line),
            column: Some(column),
            ..self
        }
    }

    /// The same problem in a field.
    pub fn in_field(self, field: impl Into<String>) -> LocatedError {
        LocatedError {
            field: Some(field.into()),
            ..self
        }
    }
}

impl fmt::Display for LocatedError {
    /// Values quoted from a bad file can hold terminal codes: they are shown escaped.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let safe = escape_for_terminal;
        write!(f, "{}", safe(&self.file))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ":")?;
        let mut named = false;
        if let Some(what) = &self.what {
            write!(f, " {}", safe(what))?;
            named = true;
        }
        if let Some(id) = &self.id {
            write!(f, " '{}'", safe(id))?;
            named = true;
        }
        if let Some(field) = &self.field {
            write!(f, " field '{}':", safe(field))?;
        } else if named {
            write!(f, ":")?;
        }
        write!(f, " {}", safe(&self.message))?;
        if !self.hint.is_empty() {
            write!(f, " — {}", safe(&self.hint))?;
        }
        Ok(())
    }
}

impl std::error::Error for LocatedError {}

/// serde_json's message without its " at line L column C" tail: the caller gives its
/// own location (with the column in characters, and the field).
pub fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    if error.line() == 0 {
        return message;
    }
    let tail = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&tail) {
        Some(message) => message.to_string(),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_only_the_parts_it_knows() {
        let e = LocatedError::whole_file("config.json", "the file is empty", "write {}");
        assert_eq!(e.to_string(), "config.json: the file is empty — write {}");
        let e = e.at((3, 24)).in_field("idle_timeout_secs");
        assert_eq!(
            e.to_string(),
            "config.json:3:24: field 'idle_timeout_secs': the file is empty — write {}"
        );
        let e = LocatedError {
            what: Some("program".into()),
            id: Some("vet".into()),
            field: None,
            hint: String::new(),
            ..e
        };
        assert_eq!(
            e.to_string(),
            "config.json:3:24: program 'vet': the file is empty"
        );
    }

    #[test]
    fn terminal_codes_in_quoted_values_are_shown_escaped() {
        let e = LocatedError {
            id: Some("x\u{1b}[2J".into()),
            what: Some("program".into()),
            ..LocatedError::whole_file("p\u{9b}.json", "unknown campus 'a\u{7}'", "")
        };
        assert_eq!(
            e.to_string(),
            "p\\u{9B}.json: program 'x\\u{1B}[2J': unknown campus 'a\\u{7}'"
        );
    }

    #[test]
    fn serde_messages_lose_only_their_position() {
        let error = serde_json::from_str::<u8>("\n 300").unwrap_err();
        assert_eq!(
            without_position(&error),
            "invalid value: integer `300`, expected u8"
        );
        let error = serde_json::from_value::<u8>(serde_json::json!("x")).unwrap_err();
        assert_eq!(without_position(&error), error.to_string());
    }
}
