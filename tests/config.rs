//! The technician's settings file: defaults, located errors, saving, the PIN, set-pin,
//! and the menu's event-name editor, which keeps to the file's own rule.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use roc_kiosk::config::{
    Config, ConfigError, ConfigLocation, KNOWN_FIELDS, PinCheck, PinSource, QrStyleSetting,
    check_pin_format, hash_pin, sanitize_laptop_id,
};
use roc_kiosk::i18n::Lang;

fn parse_err(text: &str) -> ConfigError {
    Config::parse("config.json", text).expect_err(text)
}

#[test]
fn an_empty_object_is_all_defaults() {
    let cfg = Config::parse("config.json", "{}").unwrap();
    assert_eq!(cfg, Config::default());
    assert_eq!(cfg.idle_timeout_secs, 90);
    assert!(cfg.booth_log);
    assert!(!cfg.log_search_terms);
    assert_eq!(cfg.default_lang, Lang::En);
    assert_eq!(cfg.qr_style, QrStyleSetting::Auto);
    assert_eq!(cfg.pin_hash, None);
    assert!(!cfg.laptop_id().is_empty());
    assert!(cfg.data_dir().is_absolute() || cfg.data_dir().ends_with("roc-kiosk-data"));
}

#[test]
fn every_setting_parses() {
    let text = r#"{
        "event_name": "Bakersfield College Career Fair",
        "site": "Foothill High School",
        "idle_timeout_secs": 120,
        "default_lang": "es",
        "qr_style": "half",
        "booth_log": false,
        "log_search_terms": true,
        "data_dir": "/var/lib/roc-kiosk",
        "laptop_id": "booth-2"
    }"#;
    let cfg = Config::parse("config.json", text).unwrap();
    assert_eq!(
        cfg.event_name.as_deref(),
        Some("Bakersfield College Career Fair")
    );
    assert_eq!(cfg.idle_timeout_secs, 120);
    assert_eq!(cfg.default_lang, Lang::Es);
    assert_eq!(cfg.qr_style, QrStyleSetting::Half);
    assert!(!cfg.booth_log && cfg.log_search_terms);
    assert_eq!(cfg.data_dir(), Path::new("/var/lib/roc-kiosk"));
    assert_eq!(cfg.laptop_id(), "booth-2");
}

#[test]
fn known_fields_list_matches_the_struct() {
    let full = Config {
        event_name: Some("e".into()),
        site: Some("s".into()),
        pin_hash: Some(hash_pin("1357", b"salt-salt-salt!!")),
        data_dir: Some("/tmp".into()),
        laptop_id: Some("x".into()),
        ..Config::default()
    };
    let value = serde_json::to_value(&full).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut known = KNOWN_FIELDS.to_vec();
    known.sort();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort();
    assert_eq!(keys_sorted, known);
}

/// (config text, line, column, field, words in the message, words in the hint)
type BrokenCase = (
    &'static str,
    usize,
    usize,
    Option<&'static str>,
    &'static str,
    &'static str,
);

const BROKEN: &[BrokenCase] = &[
    (
        "{\n  \"site\": \"x\"\n  \"booth_log\": true\n}",
        3,
        3,
        None,
        "expected `,`",
        "comma",
    ),
    (
        "{\"booth_log\": true,}",
        1,
        20,
        None,
        "trailing comma",
        "syntax",
    ),
    (
        "{\n  \"idle_timeout\": 90\n}",
        2,
        3,
        Some("idle_timeout"),
        "unknown setting",
        "did you mean 'idle_timeout_secs'",
    ),
    (
        "{\"colour\": \"red\"}",
        1,
        2,
        Some("colour"),
        "unknown setting",
        "the settings are",
    ),
    (
        "{\"idle_timeout_secs\": \"ninety\"}",
        1,
        23,
        Some("idle_timeout_secs"),
        "invalid type: string",
        "15 to 3600",
    ),
    (
        "{\n  \"site\": \"x\",\n  \"idle_timeout_secs\": 5\n}",
        3,
        24,
        Some("idle_timeout_secs"),
        "5 is below 15",
        "15 to 3600",
    ),
    (
        "{\"idle_timeout_secs\": 99999}",
        1,
        23,
        Some("idle_timeout_secs"),
        "99999 is above 3600",
        "15 to 3600",
    ),
    (
        "{\"idle_timeout_secs\": -5}",
        1,
        23,
        Some("idle_timeout_secs"),
        "-5",
        "15 to 3600",
    ),
    (
        "{\"default_lang\": \"fr\"}",
        1,
        18,
        Some("default_lang"),
        "unknown variant `fr`",
        "\"en\" or \"es\"",
    ),
    (
        "{\"qr_style\": \"big\"}",
        1,
        14,
        Some("qr_style"),
        "unknown variant `big`",
        "\"auto\", \"full\" or \"half\"",
    ),
    (
        "{\"booth_log\": \"yes\"}",
        1,
        15,
        Some("booth_log"),
        "expected a boolean",
        "true or false",
    ),
    (
        "{\"site\": \"a\", \"site\": \"b\"}",
        1,
        15,
        Some("site"),
        "appears twice",
        "keep one",
    ),
    (
        "{\"event_name\": \"Fair\\nDay\"}",
        1,
        16,
        Some("event_name"),
        "control character",
        "one line",
    ),
    (
        "{\"laptop_id\": \"my laptop\"}",
        1,
        15,
        Some("laptop_id"),
        "file name",
        "booth-1",
    ),
    (
        "{\"data_dir\": \"logs\"}",
        1,
        14,
        Some("data_dir"),
        "not an absolute path",
        "absolute",
    ),
    (
        "{\"pin_hash\": \"9753\"}",
        1,
        14,
        Some("pin_hash"),
        "not a PIN hash",
        "set-pin",
    ),
    ("[1, 2]", 1, 1, None, "must be a JSON object", "{ }"),
    ("  \n", 1, 1, None, "empty", "{}"),
];

#[test]
fn broken_configs_get_located_errors() {
    for (text, line, column, field, message, hint) in BROKEN {
        let err = parse_err(text);
        println!("{err}");
        assert_eq!(err.file, "config.json");
        assert_eq!(
            (err.line, err.column),
            (Some(*line), Some(*column)),
            "{text:?}: {err}"
        );
        assert_eq!(err.field.as_deref(), *field, "{text:?}: {err}");
        assert!(err.message.contains(message), "{text:?}: {err}");
        assert!(err.hint.contains(hint), "{text:?}: {err}");
    }
}

#[test]
fn error_display_names_file_line_column_field_and_what_to_do() {
    let err = parse_err("{\n  \"site\": \"x\",\n  \"idle_timeout_secs\": 5\n}");
    assert_eq!(
        err.to_string(),
        "config.json:3:24: field 'idle_timeout_secs': 5 is below 15 — use a whole number of seconds from 15 to 3600, e.g. 90"
    );
}

#[test]
fn loading_files() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("config.json");

    // The platform default may be missing: defaults.
    let loaded = Config::load_from(&ConfigLocation {
        path: missing.clone(),
        explicit: false,
    })
    .unwrap();
    assert_eq!(loaded.config, Config::default());
    assert!(!loaded.from_file);
    assert_eq!(loaded.path, missing);

    // A file someone named must exist.
    let err = Config::load(Some(&missing)).unwrap_err();
    assert!(err.to_string().contains("config.json"), "{err}");

    // Errors carry the real path.
    std::fs::write(&missing, "{\"qr_style\": 3}").unwrap();
    let err = Config::load(Some(&missing)).unwrap_err();
    assert_eq!(err.file, missing.display().to_string());
    assert_eq!(err.field.as_deref(), Some("qr_style"));

    // Not UTF-8.
    std::fs::write(&missing, b"{\"site\": \"caf\xe9\"}").unwrap();
    let err = Config::load(Some(&missing)).unwrap_err();
    assert!(err.message.contains("UTF-8"), "{err}");
    assert_eq!((err.line, err.column), (Some(1), Some(14)));

    // A folder.
    assert!(
        Config::load(Some(dir.path()))
            .unwrap_err()
            .message
            .contains("folder")
    );

    // --config beats ROC_KIOSK_CONFIG, which beats the default.
    let a = Path::new("/a.json");
    assert_eq!(ConfigLocation::resolve(Some(a), Some("/b.json")).path, a);
    let env = ConfigLocation::resolve(None, Some("/b.json"));
    assert!(env.explicit);
    assert_eq!(env.path, Path::new("/b.json"));
    assert!(!ConfigLocation::resolve(None, Some(" ")).explicit);
}

#[test]
fn save_is_atomic_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("config.json");
    let cfg = Config {
        event_name: Some("Career Fair".into()),
        idle_timeout_secs: 300,
        default_lang: Lang::Es,
        qr_style: QrStyleSetting::Full,
        pin_hash: Some(hash_pin("97531", &[7; 16])),
        ..Config::default()
    };
    cfg.save(&path).unwrap();
    let loaded = Config::load(Some(&path)).unwrap();
    assert_eq!(loaded.config, cfg);
    assert!(loaded.from_file);
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["config.json"]);
}

#[test]
fn pin_hash_round_trip() {
    let hash = hash_pin("13579", b"0123456789abcdef");
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    assert!(!hash.contains("13579"));
    assert_ne!(
        hash,
        hash_pin("13579", b"fedcba9876543210"),
        "the salt changes the hash"
    );
    let cfg = Config::parse("config.json", &format!("{{\"pin_hash\": \"{hash}\"}}")).unwrap();
    let check = PinCheck::from_config(&cfg, None).unwrap();
    assert_eq!(check.source(), PinSource::Config);
    assert!(check.verify("13579"));
    for wrong in ["1357", "135790", "13578", "9753", "", " 13579"] {
        assert!(!check.verify(wrong), "{wrong:?}");
    }
    assert!(!check.needs_setup());
    assert!(
        !format!("{check:?}").contains(&hash[20..40]),
        "Debug hides the hash"
    );
}

#[test]
fn pin_precedence_env_then_config_then_none_at_all() {
    let configured = Config {
        pin_hash: Some(hash_pin("13579", b"salt-salt-salt!!")),
        ..Config::default()
    };
    let env = PinCheck::from_config(&configured, Some("8642".into())).unwrap();
    assert_eq!(env.source(), PinSource::Env);
    assert!(env.verify("8642") && !env.verify("13579"));

    let from_config = PinCheck::from_config(&configured, Some("  ".into())).unwrap();
    assert_eq!(from_config.source(), PinSource::Config);
    assert!(from_config.verify("13579") && !from_config.verify("8642"));

    // No PIN anywhere: no PIN opens it (not the old built-in 2468, not any other), and
    // the kiosk must start on the set-up screen.
    let unset = PinCheck::from_config(&Config::default(), None).unwrap();
    assert_eq!(unset.source(), PinSource::Unset);
    assert!(unset.needs_setup());
    let every_4_digit_pin = (0..10_000).map(|n| format!("{n:04}"));
    assert!(every_4_digit_pin.into_iter().all(|pin| !unset.verify(&pin)));

    // A hash that cannot be read (only possible for a Config built in code) opens nothing.
    let broken = Config {
        pin_hash: Some("garbage".into()),
        ..Config::default()
    };
    let check = PinCheck::from_config(&broken, None).unwrap();
    assert_eq!(check.source(), PinSource::Unusable);
    assert!(!check.verify("2468") && !check.verify("garbage"));
}

#[test]
fn new_pins_are_4_to_8_digits() {
    for ok in ["1357", "00000000", "97531"] {
        assert!(check_pin_format(ok).is_ok(), "{ok}");
    }
    for bad in ["123", "123456789", "12a4", "", "١٢٣٤"] {
        assert!(check_pin_format(bad).is_err(), "{bad}");
    }
}

#[test]
fn laptop_ids_are_safe_file_name_parts() {
    assert_eq!(sanitize_laptop_id("Room 12 / Laptop#3"), "Room-12-Laptop-3");
    assert_eq!(sanitize_laptop_id("booth_1.local"), "booth_1-local");
    assert_eq!(sanitize_laptop_id("../.."), "kiosk");
    assert_eq!(sanitize_laptop_id(""), "kiosk");
    assert_eq!(sanitize_laptop_id(&"x".repeat(100)).len(), 32);
}

fn set_pin(config: Option<&Path>, stdin: &str, env_config: Option<&Path>) -> (String, String, i32) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_roc-kiosk"));
    cmd.arg("set-pin")
        .env_remove("ROC_KIOSK_CONFIG")
        .env_remove("ROC_KIOSK_PIN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(path) = config {
        cmd.arg("--config").arg(path);
    }
    if let Some(path) = env_config {
        cmd.env("ROC_KIOSK_CONFIG", path);
    }
    let mut child = cmd.spawn().unwrap();
    // set-pin may refuse (a broken config) and exit before reading its input; the
    // write then meets a closed pipe, which is fine: the exit status and stderr are checked.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn set_pin_via_the_binary_keeps_other_settings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.json");
    std::fs::write(
        &path,
        "{\"event_name\": \"Career Fair\", \"idle_timeout_secs\": 120}",
    )
    .unwrap();

    let (stdout, stderr, code) = set_pin(Some(&path), "13579\n13579\n", None);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("PIN saved"), "{stdout}");
    let cfg = Config::load(Some(&path)).unwrap().config;
    assert_eq!(cfg.event_name.as_deref(), Some("Career Fair"));
    assert_eq!(cfg.idle_timeout_secs, 120);
    let check = PinCheck::from_config(&cfg, None).unwrap();
    assert!(check.verify("13579"));
    assert!(!check.verify("9753"));

    // Setting the same PIN again uses a fresh salt.
    let first_hash = cfg.pin_hash.clone().unwrap();
    assert_eq!(set_pin(Some(&path), "13579\r\n13579\r\n", None).2, 0);
    let second_hash = Config::load(Some(&path)).unwrap().config.pin_hash.unwrap();
    assert_ne!(first_hash, second_hash);

    // Refusals leave the file as it was.
    let before = std::fs::read_to_string(&path).unwrap();
    let (_, stderr, code) = set_pin(Some(&path), "13579\n97531\n", None);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("differ"), "{stderr}");
    // A PIN of the wrong length is refused at the first entry: no second line is read.
    for (input, why) in [
        ("12ab\n12ab\n", "4 to 8 digits"),
        ("123\n", "4 to 8 digits"),
        ("123456789\n", "4 to 8 digits"),
    ] {
        let (_, stderr, code) = set_pin(Some(&path), input, None);
        assert_eq!(code, 2, "{input:?}: {stderr}");
        assert!(stderr.contains(why), "{stderr}");
    }
    let (_, stderr, code) = set_pin(Some(&path), "13579\n", None);
    assert_eq!(code, 1);
    assert!(stderr.contains("two lines"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn set_pin_creates_a_missing_config_and_follows_the_env_variable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new").join("config.json");
    let (_, stderr, code) = set_pin(None, "8080\n8080\n", Some(&path));
    assert_eq!(code, 0, "{stderr}");
    let cfg = Config::load(Some(&path)).unwrap().config;
    assert!(PinCheck::from_config(&cfg, None).unwrap().verify("8080"));
    assert_eq!(
        Config {
            pin_hash: None,
            ..cfg
        },
        Config::default()
    );
}

#[test]
fn set_pin_refuses_a_broken_config_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.json");
    std::fs::write(&path, "{\n  \"qr_style\": \"huge\"\n}").unwrap();
    let (_, stderr, code) = set_pin(Some(&path), "13579\n13579\n", None);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("config.json:2:15: field 'qr_style'"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "{\n  \"qr_style\": \"huge\"\n}"
    );
}

#[test]
fn labels_keep_the_text_rules_in_the_file() {
    for (text, piece) in [
        ("{\"event_name\": \"Fair\\u0085Day\"}", "U+0085 (next line)"),
        ("{\"site\": \"\\u001b]0;PWNED\\u0007\"}", "U+001B (escape)"),
        (
            "{\"site\": \"Foothill\\u202eloohcS\"}",
            "right-to-left override",
        ),
        (
            "{\"event_name\": \"Career\u{200b}Fair\"}",
            "zero-width space",
        ),
    ] {
        let err = parse_err(text);
        assert!(err.message.contains(piece), "{text}: {err}");
        assert!(err.message.contains("characters are not allowed"), "{err}");
        assert!(err.field.is_some(), "{err}");
    }
    assert!(roc_kiosk::config::check_label("Career Night at Foothill — ¡Bienvenidos!").is_ok());
    assert!(roc_kiosk::config::check_label(&"x".repeat(81)).is_err());
}

#[test]
fn the_event_name_editor_refuses_what_the_file_would_refuse() {
    use common::kiosk::{Kiosk, PIN};
    use ratatui::crossterm::event::KeyCode;
    use roc_kiosk::app::{Effect, Msg};

    let mut k = Kiosk::new();
    k.ctrl('t').chars(PIN).key(KeyCode::Enter);
    // Typed as keys: NEL, ESC, a bidi override and a zero-width space are all dropped.
    k.chars("1")
        .chars("Fair\u{85}\u{1b}[2J\u{202e}\u{200b} Day");
    k.send(Msg::Paste("\u{9b}31m Night\n".into()));
    k.key(KeyCode::Enter);
    let saved = k.app.settings.event_name.clone().unwrap();
    assert_eq!(saved, "Fair[2J Day31m Night");
    assert!(k.effects.contains(&Effect::SaveSettings {
        event_name: Some(saved.clone()),
        idle_timeout_secs: 90,
    }));
    // What the editor saves, the config loads again.
    let text = serde_json::to_string(&Config {
        event_name: Some(saved),
        ..Config::default()
    })
    .unwrap();
    assert!(Config::parse("config.json", &text).is_ok(), "{text}");

    // As long as the file allows, and no longer.
    let mut k = Kiosk::new();
    k.ctrl('t').chars(PIN).key(KeyCode::Enter);
    k.chars("1").chars(&"e".repeat(100)).key(KeyCode::Enter);
    let name = k.app.settings.event_name.clone().unwrap();
    assert_eq!(name.chars().count(), roc_kiosk::config::MAX_LABEL_CHARS);
}

#[cfg(unix)]
#[test]
fn a_config_that_is_a_fifo_or_a_device_is_refused_at_once() {
    use common::hostile::{make_fifo, within_a_minute};
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.json");
    make_fifo(&fifo);
    let path = fifo.clone();
    let err = within_a_minute("loading a FIFO config", move || {
        Config::load(Some(&path)).unwrap_err()
    });
    assert_eq!(err.file, fifo.display().to_string());
    assert_eq!(
        err.message,
        "not a regular file: this is a FIFO (named pipe)"
    );
    // Not even the default location may be a FIFO (a missing default file is fine).
    let path = fifo.clone();
    let err = within_a_minute("loading a FIFO as the default config", move || {
        Config::load_from(&ConfigLocation {
            path,
            explicit: false,
        })
        .unwrap_err()
    });
    assert!(err.message.contains("FIFO"), "{err}");

    let zero = dir.path().join("zero.json");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let err = within_a_minute("loading /dev/zero as the config", move || {
        Config::load(Some(&zero)).unwrap_err()
    });
    assert_eq!(
        err.message,
        "not a regular file: it links to /dev/zero, which is a character device"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let cfg = Config::parse("config.json", "\u{feff}{\"idle_timeout_secs\": 120}").unwrap();
    assert_eq!(cfg.idle_timeout_secs, 120);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.json");
    std::fs::write(&path, b"\xEF\xBB\xBF{\n  \"site\": 5\n}").unwrap();
    let err = Config::load(Some(&path)).unwrap_err();
    // Located as an editor shows it, the mark taking no column.
    assert_eq!((err.line, err.column), (Some(2), Some(11)), "{err}");
}

#[test]
fn save_refuses_a_config_that_would_not_load_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.json");
    std::fs::write(&path, "{}").unwrap();
    let bad = Config {
        event_name: Some("Fair\u{85}".into()),
        ..Config::default()
    };
    let err = bad.save(&path).unwrap_err();
    assert!(err.to_string().contains("event_name"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "{}");
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn the_config_is_written_for_its_owner_only_and_a_link_stays_a_link() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.json");
    Config::default().save(&path).unwrap();
    assert_eq!(mode(&path), 0o600);

    // A file someone made readable by all becomes the owner's again.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    Config::default().save(&path).unwrap();
    assert_eq!(mode(&path), 0o600);

    // set-pin through a link: the link stays, the file it points to gets the PIN.
    let real = dir.path().join("real").join("kiosk.json");
    std::fs::create_dir_all(real.parent().unwrap()).unwrap();
    std::fs::write(&real, "{\"event_name\": \"Career Fair\"}").unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("real/kiosk.json", &link).unwrap();
    let (_, stderr, code) = set_pin(Some(&link), "13579\n13579\n", None);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(mode(&real), 0o600);
    let cfg = Config::load(Some(&real)).unwrap().config;
    assert_eq!(cfg.event_name.as_deref(), Some("Career Fair"));
    assert!(PinCheck::from_config(&cfg, None).unwrap().verify("13579"));
    let leftovers: Vec<_> = std::fs::read_dir(real.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["kiosk.json"]);
}
