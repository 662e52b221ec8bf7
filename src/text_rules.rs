//! Which characters text may hold on its way to the kiosk's screen or a technician's
//! terminal. One rule serves the catalog (every string, both languages), the config's
//! event name and site, the technician's event-name editor, and the escaping of
//! everything the command line prints.
//!
//! Refused, everywhere:
//! - control characters: C0 (U+0000–U+001F, so ESC, BEL, backspace, tab and line breaks),
//!   DEL, C1 (U+0080–U+009F, so the one-character CSI U+009B), and the line and
//!   paragraph separators U+2028/U+2029. A terminal acts on them (clear the screen, set
//!   the title, write the clipboard) and the kiosk would draw their printable remains.
//! - bidirectional controls: embeddings and overrides (U+202A–U+202E), isolates
//!   (U+2066–U+2069) and the marks U+200E, U+200F and U+061C. They reorder what is shown,
//!   so a name or a URL can read differently from what it is. English and Spanish never
//!   need them.
//! - invisible characters: zero-width space, joiners, word joiner, invisible operators,
//!   U+FEFF inside text, the soft hyphen and U+180E. They are refused rather than quietly
//!   stripped, so the person editing the file sees exactly what will be shown, and no
//!   two ids or words differ by a character nobody can see.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Why a character may not appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsafe {
    Control,
    Bidi,
    Invisible,
}

/// Whether `c` may appear, and if not, why.
pub fn classify(c: char) -> Option<Unsafe> {
    match c {
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' => Some(Unsafe::Control),
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
            Some(Unsafe::Bidi)
        }
        '\u{ad}' | '\u{180e}' | '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}' => {
            Some(Unsafe::Invisible)
        }
        _ => None,
    }
}

/// "U+001B (escape)": the code point and, when it has a well-known name, the name.
pub fn describe(c: char) -> String {
    let name = match c {
        '\u{0}' => "null",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\t' => "tab",
        '\n' => "line feed",
        '\r' => "carriage return",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{85}' => "next line",
        '\u{9b}' => "control sequence introducer",
        '\u{9d}' => "operating system command",
        '\u{2028}' => "line separator",
        '\u{2029}' => "paragraph separator",
        '\u{61c}' => "Arabic letter mark",
        '\u{200e}' => "left-to-right mark",
        '\u{200f}' => "right-to-left mark",
        '\u{202a}' => "left-to-right embedding",
        '\u{202b}' => "right-to-left embedding",
        '\u{202c}' => "pop directional formatting",
        '\u{202d}' => "left-to-right override",
        '\u{202e}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{ad}' => "soft hyphen",
        '\u{180e}' => "Mongolian vowel separator",
        '\u{200b}' => "zero-width space",
        '\u{200c}' => "zero-width non-joiner",
        '\u{200d}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{feff}' => "zero-width no-break space",
        _ => "",
    };
    match name {
        "" => format!("U+{:04X}", u32::from(c)),
        name => format!("U+{:04X} ({name})", u32::from(c)),
    }
}

/// The rule: `Ok`, or the first character `text` may not hold, in words, e.g.
/// "control characters are not allowed: U+001B (escape) at character 1".
pub fn check(text: &str) -> Result<(), String> {
    let Some((position, c, why)) = text
        .chars()
        .enumerate()
        .find_map(|(i, c)| Some((i + 1, c, classify(c)?)))
    else {
        return Ok(());
    };
    let kind = match why {
        Unsafe::Control => "control characters are not allowed",
        Unsafe::Bidi => "control characters are not allowed (a bidirectional control)",
        Unsafe::Invisible => "invisible characters are not allowed",
    };
    Err(format!("{kind}: {} at character {position}", describe(c)))
}

/// `text` with every character [`classify`] refuses, except line feeds, written as
/// `\u{1B}`, so nothing printed can act on the terminal. Text that needs no escaping is
/// returned as is.
pub fn escape_for_terminal(text: &str) -> Cow<'_, str> {
    escape(text, |out, c| {
        let _ = write!(out, "\\u{{{:X}}}", u32::from(c));
    })
}

/// The same for JSON text: `\u001B`, which a JSON reader turns back into the character.
pub fn escape_for_json(text: &str) -> Cow<'_, str> {
    escape(text, |out, c| {
        let mut units = [0u16; 2];
        for unit in c.encode_utf16(&mut units) {
            let _ = write!(out, "\\u{unit:04X}");
        }
    })
}

fn escape(text: &str, write_escaped: impl Fn(&mut String, char)) -> Cow<'_, str> {
    let needs = |c: char| c != '\n' && classify(c).is_some();
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if needs(c) {
            write_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_english_and_spanish_pass() {
        for ok in [
            "Tecnología Veterinaria",
            "Niño, ¿qué tal? ¡Sí!",
            "Auto Tech — 7:30–10:30 · 100%",
            "",
        ] {
            assert_eq!(check(ok), Ok(()), "{ok:?}");
        }
    }

    #[test]
    fn terminal_codes_bidi_and_invisible_characters_are_named() {
        assert_eq!(
            check("Nursing\u{1b}[2J").unwrap_err(),
            "control characters are not allowed: U+001B (escape) at character 8"
        );
        assert_eq!(
            check("a\u{9b}31m").unwrap_err(),
            "control characters are not allowed: U+009B (control sequence introducer) at character 2"
        );
        assert!(check("x\u{85}").unwrap_err().contains("U+0085 (next line)"));
        assert!(check("bell\u{7}").unwrap_err().contains("U+0007 (bell)"));
        assert!(check("tab\there").unwrap_err().contains("U+0009 (tab)"));
        assert_eq!(
            check("abc\u{202e}gpj.exe").unwrap_err(),
            "control characters are not allowed (a bidirectional control): U+202E (right-to-left override) at character 4"
        );
        assert!(check("\u{2067}x\u{2069}").unwrap_err().contains("isolate"));
        assert!(
            check("a\u{200f}")
                .unwrap_err()
                .contains("right-to-left mark")
        );
        assert_eq!(
            check("Wel\u{200b}ding").unwrap_err(),
            "invisible characters are not allowed: U+200B (zero-width space) at character 4"
        );
        assert!(check("x\u{feff}").is_err());
        assert!(check("x\u{ad}").is_err());
    }

    #[test]
    fn escaping_keeps_line_feeds_and_hides_the_rest() {
        assert!(matches!(escape_for_terminal("plain\n"), Cow::Borrowed(_)));
        assert_eq!(
            escape_for_terminal("a\u{1b}]0;PWNED\u{7}\n\u{9b}2J\u{202e}"),
            "a\\u{1B}]0;PWNED\\u{7}\n\\u{9B}2J\\u{202E}"
        );
        let json = escape_for_json("\"a\u{9b}\u{202e}\"");
        assert_eq!(json, "\"a\\u009B\\u202E\"");
        let back: String = serde_json::from_str(&json).unwrap();
        assert_eq!(back, "a\u{9b}\u{202e}");
    }
}
