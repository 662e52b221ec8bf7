//! Turning config text into a checked [`Config`], with every error located.
//!
//! serde alone reports a position for syntax errors but not which setting a type error
//! is in. So the text is parsed in steps: JSON syntax (serde_json gives line and column),
//! then each top-level setting on its own (so a type error names its setting and points
//! at its value), then range checks on the values.

use serde_json::{Map, Value};

use super::{
    Config, ConfigError, IDLE_TIMEOUT_RANGE, KNOWN_FIELDS, MAX_LABEL_CHARS, MAX_LAPTOP_ID_CHARS,
    line_col, pin::parse_pin_hash, to_u32,
};

/// A top-level key and where it and its value start (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
struct KeySpan {
    key: String,
    key_at: usize,
    value_at: usize,
}

pub(super) fn parse_config(file: &str, text: &str) -> Result<Config, ConfigError> {
    let at = |offset: usize, field: Option<&str>, message: String, hint: &str| {
        let (line, column) = line_col(text, offset);
        ConfigError {
            file: file.to_string(),
            line: Some(line),
            column: Some(column),
            field: field.map(str::to_string),
            message,
            hint: hint.to_string(),
        }
    };
    if text.trim().is_empty() {
        return Err(at(
            0,
            None,
            "the config file is empty".into(),
            "write {} for all defaults, or delete the file",
        ));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ConfigError {
        file: file.to_string(),
        line: Some(to_u32(e.line())),
        column: Some(to_u32(e.column())),
        field: None,
        message: strip_position(&e.to_string()),
        hint: "fix the JSON syntax here (a missing comma, quote or brace is the usual cause)"
            .into(),
    })?;
    let Value::Object(map) = value else {
        return Err(at(
            text.len() - text.trim_start().len(),
            None,
            "the config must be a JSON object".into(),
            "wrap the settings in { }, e.g. {\"idle_timeout_secs\": 90}",
        ));
    };

    let spans = top_level_keys(text);
    let mut seen = std::collections::HashSet::new();
    for span in &spans {
        if !seen.insert(span.key.as_str()) {
            return Err(at(
                span.key_at,
                Some(&span.key),
                "this setting appears twice".into(),
                "keep one of them",
            ));
        }
        if !KNOWN_FIELDS.contains(&span.key.as_str()) {
            return Err(at(
                span.key_at,
                Some(&span.key),
                "unknown setting".into(),
                &unknown_field_hint(&span.key),
            ));
        }
        let value = map.get(&span.key).cloned().unwrap_or(Value::Null);
        let mut one = Map::new();
        one.insert(span.key.clone(), value);
        if let Err(e) = serde_json::from_value::<Config>(Value::Object(one)) {
            return Err(at(
                span.value_at,
                Some(&span.key),
                e.to_string(),
                field_hint(&span.key),
            ));
        }
    }

    // Each setting parsed alone, so the whole object parses too; an error here would be
    // a bug in the key scanner, still reported rather than panicking.
    let config: Config = serde_json::from_value(Value::Object(map)).map_err(|e| ConfigError {
        file: file.to_string(),
        line: None,
        column: None,
        field: None,
        message: e.to_string(),
        hint: "check the settings against the README".into(),
    })?;

    let value_at = |key: &str| {
        spans
            .iter()
            .find(|s| s.key == key)
            .map_or(0, |s| s.value_at)
    };
    if let Some((field, message)) = check_values(&config) {
        return Err(at(value_at(field), Some(field), message, field_hint(field)));
    }
    Ok(config)
}

/// Range and format checks serde cannot express. Returns the first failing setting.
fn check_values(config: &Config) -> Option<(&'static str, String)> {
    let secs = config.idle_timeout_secs;
    if secs < *IDLE_TIMEOUT_RANGE.start() {
        return Some((
            "idle_timeout_secs",
            format!("{secs} is below {}", IDLE_TIMEOUT_RANGE.start()),
        ));
    }
    if secs > *IDLE_TIMEOUT_RANGE.end() {
        return Some((
            "idle_timeout_secs",
            format!("{secs} is above {}", IDLE_TIMEOUT_RANGE.end()),
        ));
    }
    for (field, label) in [("event_name", &config.event_name), ("site", &config.site)] {
        if let Some(text) = label {
            if text.chars().any(char::is_control) {
                return Some((field, "contains a control character (tab, newline…)".into()));
            }
            let n = text.chars().count();
            if n > MAX_LABEL_CHARS {
                return Some((field, format!("is {n} characters, over {MAX_LABEL_CHARS}")));
            }
        }
    }
    if let Some(hash) = &config.pin_hash
        && let Err(why) = parse_pin_hash(hash)
    {
        return Some(("pin_hash", why));
    }
    if let Some(dir) = &config.data_dir {
        if dir.as_os_str().is_empty() {
            return Some(("data_dir", "is empty".into()));
        }
        if !dir.is_absolute() {
            return Some((
                "data_dir",
                format!("'{}' is not an absolute path", dir.display()),
            ));
        }
    }
    if let Some(id) = &config.laptop_id {
        let ok_chars = id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if id.is_empty() || !ok_chars || id.len() > MAX_LAPTOP_ID_CHARS {
            return Some(("laptop_id", format!("'{id}' cannot be used in a file name")));
        }
    }
    None
}

fn field_hint(field: &str) -> &'static str {
    match field {
        "event_name" | "site" => "use text in quotes, up to 80 characters, on one line, or null",
        "idle_timeout_secs" => "use a whole number of seconds from 15 to 3600, e.g. 90",
        "pin_hash" => "delete this line and run `roc-kiosk set-pin` to set the PIN again",
        "default_lang" => "use \"en\" or \"es\"",
        "qr_style" => "use \"auto\", \"full\" or \"half\"",
        "booth_log" | "log_search_terms" => "use true or false, without quotes",
        "data_dir" => "use an absolute folder path in quotes, or delete the line for the default",
        "laptop_id" => {
            "use 1 to 32 letters, digits, '-' or '_', e.g. \"booth-1\", or delete the line to use the host name"
        }
        _ => "",
    }
}

fn unknown_field_hint(key: &str) -> String {
    let closest = KNOWN_FIELDS
        .iter()
        .map(|known| (edit_distance(key, known), *known))
        .min();
    let known = KNOWN_FIELDS.join(", ");
    match closest {
        Some((d, known_name)) if d <= 3 || known_name.starts_with(key) => {
            format!("did you mean '{known_name}'? The settings are: {known}")
        }
        _ => format!("remove it; the settings are: {known}"),
    }
}

/// Levenshtein distance, for "did you mean" on typos.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// serde_json appends " at line L column C"; the location is reported separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Finds the keys of the top-level object in text already known to be valid JSON.
fn top_level_keys(text: &str) -> Vec<KeySpan> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut depth = 0usize;
    let mut expect_key = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let end = string_end(bytes, i);
                if depth == 1 && expect_key {
                    let key = serde_json::from_str::<String>(&text[i..end]).unwrap_or_default();
                    let mut j = end;
                    while j < bytes.len() && (bytes[j].is_ascii_whitespace() || bytes[j] == b':') {
                        j += 1;
                    }
                    spans.push(KeySpan {
                        key,
                        key_at: i,
                        value_at: j,
                    });
                    expect_key = false;
                    i = j;
                    continue;
                }
                i = end;
                continue;
            }
            b'{' | b'[' => {
                depth += 1;
                expect_key = depth == 1 && bytes[i] == b'{';
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' if depth == 1 => expect_key = true,
            _ => {}
        }
        i += 1;
    }
    spans
}

/// The byte just past the closing quote of the string starting at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_top_level_keys_only() {
        let text = r#"{ "a": {"b": 1, "c": [ "x", {"d": 2} ]}, "e\"q" : "v,}", "f":3 }"#;
        let keys: Vec<_> = top_level_keys(text).into_iter().map(|s| s.key).collect();
        assert_eq!(keys, ["a", "e\"q", "f"]);
    }

    #[test]
    fn value_offsets_point_at_values() {
        let text = "{\n  \"idle_timeout_secs\":   5\n}";
        let span = &top_level_keys(text)[0];
        assert_eq!(&text[span.value_at..span.value_at + 1], "5");
        assert_eq!(&text[span.key_at..span.key_at + 1], "\"");
    }

    #[test]
    fn typo_suggestion() {
        assert!(unknown_field_hint("idle_timeout").contains("'idle_timeout_secs'"));
        assert!(unknown_field_hint("langauge").starts_with("remove it"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
