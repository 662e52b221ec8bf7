//! Turning config text into a checked [`Config`], with every error located.
//!
//! The text is parsed in steps: JSON syntax (serde_json gives line and column), then the
//! settings as typed values (serde's position is mapped back to its setting with the span
//! index, so an unknown, doubled or mistyped setting is named and pointed at), then range
//! checks on the values.

use serde_json::Value;

use super::{
    Config, ConfigError, IDLE_TIMEOUT_RANGE, KNOWN_FIELDS, MAX_LABEL_CHARS, MAX_LAPTOP_ID_CHARS,
    check_label, pin::parse_pin_hash,
};
use crate::jsonloc::{Lines, LocatedError, Seg, SpanIndex, strip_bom, without_position};

pub(super) fn parse_config(file: &str, text: &str) -> Result<Config, ConfigError> {
    // A byte-order mark is not JSON, but some editors write one: accept the file.
    let text = strip_bom(text);
    let lines = Lines::new(text);
    let at = |offset: usize, field: Option<&str>, message: String, hint: &str| {
        let error = LocatedError::whole_file(file, message, hint).at(lines.line_col(text, offset));
        Box::new(match field {
            Some(field) => error.in_field(field),
            None => error,
        })
    };
    if text.trim().is_empty() {
        return Err(at(
            0,
            None,
            "the config file is empty".into(),
            "write {} for all defaults, or delete the file",
        ));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        at(
            lines.offset_of(e.line(), e.column()),
            None,
            without_position(&e),
            "fix the JSON syntax here (a missing comma, quote or brace is the usual cause)",
        )
    })?;
    if !value.is_object() {
        return Err(at(
            text.len() - text.trim_start().len(),
            None,
            "the config must be a JSON object".into(),
            "wrap the settings in { }, e.g. {\"idle_timeout_secs\": 90}",
        ));
    }

    let spans = SpanIndex::build(text);
    let config: Config = serde_json::from_str(text).map_err(|e| {
        // serde stops at the first problem; the span index says which setting it is in.
        let offset = lines.offset_of(e.line(), e.column());
        let setting = match spans.innermost_at(&[], offset).first() {
            Some(Seg::Key(key)) => key.clone(),
            _ => String::new(),
        };
        let span = spans.get(&[Seg::from(setting.as_str())]);
        let key_at = span.map_or(offset, |s| s.anchor());
        let value_at = span.map_or(offset, |s| s.start);
        let field = (!setting.is_empty()).then_some(setting.as_str());
        let message = without_position(&e);
        if message.starts_with("unknown field") {
            at(
                key_at,
                field,
                "unknown setting".into(),
                &unknown_field_hint(&setting),
            )
        } else if message.starts_with("duplicate field") {
            at(
                key_at,
                field,
                "this setting appears twice".into(),
                "keep one of them",
            )
        } else {
            at(value_at, field, message, &field_hint(&setting))
        }
    })?;

    if let Some((field, message)) = check_values(&config) {
        let value_at = spans.get(&[Seg::from(field)]).map_or(0, |s| s.start);
        return Err(at(value_at, Some(field), message, &field_hint(field)));
    }
    Ok(config)
}

/// Range and format checks serde cannot express. Returns the first failing setting.
pub(super) fn check_values(config: &Config) -> Option<(&'static str, String)> {
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
        if let Some(Err(problem)) = label.as_deref().map(check_label) {
            return Some((field, problem));
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

fn field_hint(field: &str) -> String {
    let hint = match field {
        "event_name" | "site" => {
            return format!(
                "use plain text in quotes, up to {MAX_LABEL_CHARS} characters, on one line, or null"
            );
        }
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
    };
    hint.to_string()
}

fn unknown_field_hint(key: &str) -> String {
    let closest = KNOWN_FIELDS
        .iter()
        .map(|known| (strsim::levenshtein(key, known), *known))
        .min();
    let known = KNOWN_FIELDS.join(", ");
    match closest {
        Some((d, known_name)) if d <= 3 || known_name.starts_with(key) => {
            format!("did you mean '{known_name}'? The settings are: {known}")
        }
        _ => format!("remove it; the settings are: {known}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typo_suggestion() {
        assert!(unknown_field_hint("idle_timeout").contains("'idle_timeout_secs'"));
        assert!(unknown_field_hint("langauge").starts_with("remove it"));
    }
}
