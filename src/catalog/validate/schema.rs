//! Schema errors (missing field, unknown field, wrong type) with file, line, column, id
//! and field: each entry is deserialized from its own slice of the text, so one bad
//! program does not hide the next one, and serde's position maps back to a path.

use serde::de::DeserializeOwned;

use super::report::{Entry, Reporter};
use crate::jsonloc::{Lines, Seg, without_position};

/// Deserializes the value at `entry.path` as a `T`, reporting a located error if it
/// does not fit the schema.
pub fn typed<T: DeserializeOwned>(rep: &mut Reporter, entry: &Entry) -> Option<T> {
    let doc = rep.doc;
    typed_in(rep, entry, &doc.text)
}

/// Like [`typed`], reading from `text`: the file's text or a copy of it with the same
/// byte offsets (see `validate::typed_whole`).
pub fn typed_in<T: DeserializeOwned>(rep: &mut Reporter, entry: &Entry, text: &str) -> Option<T> {
    let span = rep.doc.spans.get(&entry.path)?;
    let slice = text.get(span.start..span.end)?;
    let error = match serde_json::from_str::<T>(slice) {
        Ok(value) => return Some(value),
        Err(error) => error,
    };
    let offset = if error.line() == 0 {
        span.start
    } else {
        span.start + Lines::new(slice).offset_of(error.line(), error.column())
    };
    let at = rep.doc.spans.innermost_at(&entry.path, offset);
    let mut field: Vec<Seg> = at.get(entry.path.len()..).unwrap_or_default().to_vec();
    let (message, hint) = explain(&error, &mut field, entry);
    rep.field(entry, &field, message, &hint);
    None
}

/// Words between the first pair of backticks: serde names fields and variants so.
fn quoted(message: &str) -> Option<&str> {
    let rest = &message[message.find('`')? + 1..];
    Some(&rest[..rest.find('`')?])
}

/// serde's type names in words a catalog editor knows.
fn human_type(name: &str) -> String {
    match name {
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" => "a whole number".into(),
        "f32" | "f64" => "a number".into(),
        "a sequence" | "sequence" => "a list [ ... ]".into(),
        "map" => "an object { ... }".into(),
        "struct Text" => "a text object {\"en\": \"...\", \"es\": \"...\"}".into(),
        "null" => "null".into(),
        _ if name.starts_with("struct ") => format!("an object {{ ... }} ({})", &name[7..]),
        _ => name.into(),
    }
}

/// A message and what to do, from serde's error. A missing field is added to `field`
/// (serde reports it at the object that lacks it).
fn explain(error: &serde_json::Error, field: &mut Vec<Seg>, entry: &Entry) -> (String, String) {
    let message = without_position(error);
    if let Some(rest) = message.strip_prefix("missing field ") {
        let name = quoted(rest).unwrap_or(rest).to_string();
        field.push(Seg::Key(name.clone()));
        let whose = entry
            .what
            .as_deref()
            .map_or(String::new(), |what| format!(" to the {what}"));
        return (
            "this required field is missing".into(),
            format!(
                "add \"{name}\"{whose} (use null for an unknown fact where the schema allows \
                 it; see src/catalog/model.rs)"
            ),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let allowed = rest
            .split_once(", expected ")
            .map(|(_, list)| list.trim_start_matches("one of ").replace('`', "\""))
            .unwrap_or_default();
        return (
            "unknown field".into(),
            format!("remove it or fix its spelling; the fields allowed here are {allowed}"),
        );
    }
    if message.starts_with("unknown variant ") {
        return (
            message.clone(),
            "use one of the values listed (letters are case-sensitive)".into(),
        );
    }
    if message.starts_with("duplicate field ") {
        return (
            message.clone(),
            "keep only one of the two; a key may appear once per object".into(),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        return (
            format!("wrong type: found {}", human_type(found)),
            format!("write {} here", human_type(expected)),
        );
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another value"));
        return (
            format!("invalid value: {found}"),
            format!("write {expected} here"),
        );
    }
    (message, "fix the value at this place".into())
}
