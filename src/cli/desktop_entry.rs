//! The XDG desktop entry that starts the kiosk through `roc-kiosk launch`. One writer
//! serves both the applications-menu launcher the package installs (`generate-assets`) and
//! the per-user autostart entry (`autostart on`), so the two cannot drift apart.
//!
//! Format: the freedesktop.org Desktop Entry Specification, version 1.4 (the newest that
//! Debian 12's `desktop-file-validate` knows; nothing here needs 1.5). `Exec` arguments are
//! quoted by its rules, then escaped again as a string value.

use std::ffi::OsString;

use crate::i18n::{EN, ES};

/// What the entry is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// `/usr/share/applications/roc-kiosk.desktop`: finds `roc-kiosk` on the PATH.
    Menu,
    /// `$XDG_CONFIG_HOME/autostart/roc-kiosk.desktop`: starts at login.
    Autostart,
}

/// The entry's text. `program` is what `Exec` and `TryExec` run (`roc-kiosk`, or an
/// absolute path); `kiosk_args` are passed on to the kiosk (`launch -- ARGS`). Refuses
/// arguments that are not UTF-8 or hold control characters, which no entry can carry.
pub fn desktop_entry(
    kind: EntryKind,
    program: &OsString,
    kiosk_args: &[OsString],
) -> Result<String, String> {
    let program = utf8(program)?;
    let mut exec = vec![exec_arg(program)?, "launch".to_string()];
    if !kiosk_args.is_empty() {
        exec.push("--".to_string());
        for arg in kiosk_args {
            exec.push(exec_arg(utf8(arg)?)?);
        }
    }
    let mut text = String::from("[Desktop Entry]\nType=Application\nVersion=1.4\n");
    for (key, en, es) in [
        ("Name", EN.launcher_name, ES.launcher_name),
        ("Comment", EN.launcher_comment, ES.launcher_comment),
    ] {
        text.push_str(&format!("{key}={en}\n{key}[es]={es}\n"));
    }
    text.push_str(&format!(
        "TryExec={}\nExec={}\n",
        string_value(program),
        string_value(&exec.join(" "))
    ));
    text.push_str("Icon=utilities-terminal\nTerminal=false\nStartupNotify=false\n");
    match kind {
        EntryKind::Menu => {
            text.push_str("Categories=Education;\nKeywords=kiosk;career;ROC;CTEC;\n")
        }
        EntryKind::Autostart => text.push_str("X-GNOME-Autostart-enabled=true\n"),
    }
    Ok(text)
}

fn utf8(arg: &OsString) -> Result<&str, String> {
    arg.to_str()
        .ok_or_else(|| format!("{arg:?} is not UTF-8; a desktop entry cannot hold it"))
}

/// One `Exec` argument: quoted when it holds a reserved character, with `"`, `` ` ``,
/// `$` and `\` escaped inside the quotes; `%` doubled (it starts a field code).
fn exec_arg(arg: &str) -> Result<String, String> {
    if arg.chars().any(char::is_control) {
        return Err(format!(
            "{arg:?} holds a control character; a desktop entry cannot hold it"
        ));
    }
    const RESERVED: &str = " \t\n\"'\\><~|&;$*?#()`";
    let arg = arg.replace('%', "%%");
    if !arg.is_empty() && !arg.chars().any(|c| RESERVED.contains(c)) {
        return Ok(arg);
    }
    let mut quoted = String::from("\"");
    for c in arg.chars() {
        if matches!(c, '"' | '`' | '$' | '\\') {
            quoted.push('\\');
        }
        quoted.push(c);
    }
    quoted.push('"');
    Ok(quoted)
}

/// A string value: backslashes doubled (control characters were refused earlier).
fn string_value(text: &str) -> String {
    text.replace('\\', "\\\\")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(kind: EntryKind, program: &str, args: &[&str]) -> String {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        desktop_entry(kind, &OsString::from(program), &args).unwrap()
    }

    fn line<'a>(text: &'a str, key: &str) -> Option<&'a str> {
        text.lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
    }

    #[test]
    fn the_menu_entry_runs_launch_from_the_path() {
        let text = entry(EntryKind::Menu, "roc-kiosk", &[]);
        assert!(text.starts_with("[Desktop Entry]\n"));
        assert_eq!(line(&text, "Exec"), Some("roc-kiosk launch"));
        assert_eq!(line(&text, "TryExec"), Some("roc-kiosk"));
        assert_eq!(line(&text, "Terminal"), Some("false"));
        assert_eq!(line(&text, "Name"), Some(EN.launcher_name));
        assert_eq!(line(&text, "Name[es]"), Some(ES.launcher_name));
        assert!(line(&text, "Categories").is_some());
        assert!(line(&text, "X-GNOME-Autostart-enabled").is_none());
    }

    #[test]
    fn autostart_passes_kiosk_arguments_quoted() {
        let text = entry(
            EntryKind::Autostart,
            "/home/booth/My Apps/roc-kiosk",
            &[
                "--config",
                "/home/booth/100% \"fair\"/c$.json",
                "--lang",
                "es",
            ],
        );
        assert_eq!(
            line(&text, "Exec"),
            Some(
                r#""/home/booth/My Apps/roc-kiosk" launch -- --config "/home/booth/100%% \\"fair\\"/c\\$.json" --lang es"#
            )
        );
        assert_eq!(
            line(&text, "TryExec"),
            Some("/home/booth/My Apps/roc-kiosk")
        );
        assert_eq!(line(&text, "X-GNOME-Autostart-enabled"), Some("true"));
        assert!(line(&text, "Categories").is_none());
    }

    #[test]
    fn a_backslash_is_escaped_for_exec_and_again_for_the_string() {
        let text = entry(EntryKind::Autostart, "/opt/a\\b/roc-kiosk", &[]);
        // Exec quoting makes \ into \\, the string value makes each \ into \\.
        assert_eq!(
            line(&text, "Exec"),
            Some(r#""/opt/a\\\\b/roc-kiosk" launch"#)
        );
        assert_eq!(line(&text, "TryExec"), Some(r"/opt/a\\b/roc-kiosk"));
    }

    #[test]
    fn control_characters_are_refused() {
        let args = [OsString::from("--config"), OsString::from("a\nb")];
        let err =
            desktop_entry(EntryKind::Autostart, &OsString::from("roc-kiosk"), &args).unwrap_err();
        assert!(err.contains("control character"), "{err}");
    }
}
