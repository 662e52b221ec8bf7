//! The PIN's hash and the PIN rule: Argon2id PHC strings, old `sha256:` hashes accepted and
//! rewritten on the next unlock (through `App::update` and through the real binary), and
//! `ROC_KIOSK_PIN` held to the same 4–8 digit rule as `set-pin`.

mod common;

use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

use ratatui::crossterm::event::KeyCode;
use roc_kiosk::app::{Effect, PinVerifier, Screen};
use roc_kiosk::config::{Config, PinCheck, PinSource, hash_pin, new_salt, parse_pin_hash};

use common::kiosk::Kiosk;
use common::pty::PtyKiosk;

/// The PIN 13579 as `roc-kiosk set-pin` wrote it before Argon2 (commit a870b8e).
const LEGACY_HASH: &str = "sha256:10000:4b53c45b470a101c9ead08004d107d3a:baef04508f6e3b0cafb6e3c4db2ff3383d62ec2b24b3ee8e88445936b2032b18";
const LEGACY_PIN: &str = "13579";
const WRONG_PINS: [&str; 6] = ["1357", "135790", "13578", "9753", "", " 13579"];

fn check_for(hash: &str) -> PinCheck {
    let cfg = Config::parse("config.json", &format!("{{\"pin_hash\": \"{hash}\"}}"))
        .expect("the config accepts the hash");
    let check = PinCheck::from_config(&cfg, None).unwrap();
    assert_eq!(check.source(), PinSource::Config);
    check
}

#[test]
fn a_new_argon2id_hash_verifies_its_pin_and_refuses_others() {
    let hash = hash_pin("8642", &new_salt());
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    let mut check = check_for(&hash);
    assert!(check.verify("8642"));
    for wrong in WRONG_PINS.iter().chain(&["86420", "8643"]) {
        assert!(!check.verify(wrong), "{wrong:?}");
    }
    let verdict = check.unlock("8642");
    assert!(verdict.accepted);
    assert_eq!(
        verdict.rehashed, None,
        "an Argon2id hash is never rewritten"
    );
    assert!(!check.unlock("8643").accepted);
}

#[test]
fn an_old_sha256_hash_unlocks_once_and_comes_back_as_argon2id() {
    assert!(parse_pin_hash(LEGACY_HASH).unwrap().is_legacy());
    let mut check = check_for(LEGACY_HASH);
    for wrong in WRONG_PINS {
        let verdict = check.unlock(wrong);
        assert!(!verdict.accepted, "{wrong:?}");
        assert_eq!(verdict.rehashed, None, "a wrong PIN rewrites nothing");
    }

    let verdict = check.unlock(LEGACY_PIN);
    assert!(verdict.accepted);
    let new_hash = verdict.rehashed.expect("the old hash is rewritten");
    assert!(new_hash.starts_with("$argon2id$"), "{new_hash}");
    assert!(!parse_pin_hash(&new_hash).unwrap().is_legacy());
    let fresh = check_for(&new_hash);
    assert!(fresh.verify(LEGACY_PIN));
    assert!(WRONG_PINS.iter().all(|wrong| !fresh.verify(wrong)));

    // The check in memory moved to the new hash: the next unlock asks for no second save.
    let again = check.unlock(LEGACY_PIN);
    assert!(again.accepted);
    assert_eq!(again.rehashed, None);
}

#[test]
fn unreadable_or_too_costly_hashes_are_refused_when_the_config_is_read() {
    let salt_and_hash = "$c29tZXNhbHRzb21lc2FsdA$3bR4FG7ow6mOvh0B2Uu3Pd3Qb0RPhUSXbYp6KH3EmdU";
    for (hash, why) in [
        ("9753", "PHC"),
        ("$argon2id$v=19$m=19456", "no salt"),
        ("$argon2id$v=19$m=19456,t=2,p=1$not base64!$x", "PHC"),
        (
            &format!("$argon2i$v=19$m=19456,t=2,p=1{salt_and_hash}") as &str,
            "not an argon2id",
        ),
        (
            &format!("$argon2id$v=19$m=4194304,t=2,p=1{salt_and_hash}"),
            "too high",
        ),
        (
            &format!("$argon2id$v=19$m=19456,t=100,p=1{salt_and_hash}"),
            "too high",
        ),
        ("sha256:0:00:00", "rounds"),
        ("md5:1:00:00", "PHC"),
    ] {
        let err = parse_pin_hash(hash).expect_err(hash);
        assert!(err.contains(why), "{hash}: {err}");
        let config_err =
            Config::parse("config.json", &format!("{{\"pin_hash\": \"{hash}\"}}")).expect_err(hash);
        assert_eq!(config_err.field.as_deref(), Some("pin_hash"));
    }
}

#[test]
fn the_app_asks_the_world_to_save_the_upgraded_hash_once() {
    let check = Mutex::new(check_for(LEGACY_HASH));
    let verifier: PinVerifier =
        Arc::new(move |entered: &str| check.lock().unwrap().unlock(entered));
    let mut kiosk = Kiosk::with_pin_verifier(verifier);
    let saved = |kiosk: &Kiosk| -> Vec<String> {
        kiosk
            .effects
            .iter()
            .filter_map(|fx| match fx {
                Effect::SavePinHash(hash) => Some(hash.clone()),
                _ => None,
            })
            .collect()
    };

    kiosk.ctrl('t').chars("9999").key(KeyCode::Enter);
    assert_eq!(kiosk.app.student.screen, Screen::Pin);
    assert!(saved(&kiosk).is_empty());

    kiosk.chars(LEGACY_PIN).key(KeyCode::Enter);
    assert_eq!(kiosk.app.student.screen, Screen::Tech);
    let hashes = saved(&kiosk);
    assert_eq!(hashes.len(), 1, "{:?}", kiosk.effects);
    assert!(check_for(&hashes[0]).verify(LEGACY_PIN));

    // Leave the menu and unlock again: nothing more to save.
    kiosk.key(KeyCode::Esc);
    kiosk.ctrl('t').chars(LEGACY_PIN).key(KeyCode::Enter);
    assert_eq!(kiosk.app.student.screen, Screen::Tech);
    assert_eq!(saved(&kiosk).len(), 1);
}

#[test]
fn the_real_kiosk_rewrites_an_old_hash_in_its_config_file() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("booth.json");
    std::fs::write(
        &config,
        format!("{{\"event_name\": \"Career Night\", \"pin_hash\": \"{LEGACY_HASH}\"}}"),
    )
    .unwrap();
    let config_arg = config.to_str().unwrap();
    // The config's own PIN, so no ROC_KIOSK_PIN.
    let mut kiosk = PtyKiosk::start_without_test_pin(&["--config", config_arg], home.path());
    kiosk.wait_for("Press any key");
    assert!(kiosk.exit_with_pin(LEGACY_PIN), "Exit ends with status 0");

    let saved = Config::load(Some(&config)).unwrap().config;
    let hash = saved.pin_hash.as_deref().unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert_eq!(saved.event_name.as_deref(), Some("Career Night"));
    let check = PinCheck::from_config(&saved, None).unwrap();
    assert!(check.verify(LEGACY_PIN) && !check.verify("9753"));
}

/// Starts the kiosk with `ROC_KIOSK_PIN` set, without a terminal: a refused PIN stops it
/// before the screen is touched.
fn start_with_env_pin(value: &str) -> (String, i32) {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_roc-kiosk"))
        .env("ROC_KIOSK_PIN", value)
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env_remove("ROC_KIOSK_CONFIG")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn roc_kiosk_pin_follows_the_set_pin_rule_or_the_kiosk_does_not_start() {
    for bad in ["12", "123456789", "12ab", "abcdefghi", "1234 5"] {
        let (stderr, code) = start_with_env_pin(bad);
        assert_eq!(code, 2, "{bad:?}: {stderr}");
        assert!(
            stderr.contains("ROC_KIOSK_PIN") && stderr.contains("4 to 8 digits"),
            "{bad:?}: {stderr}"
        );
        assert!(stderr.contains("tests only"), "{stderr}");
        assert!(
            !stderr.contains(bad),
            "the message never repeats the PIN: {stderr}"
        );
    }
    for good in ["1357", "00000000"] {
        let check = PinCheck::from_config(&Config::default(), Some(good.into())).unwrap();
        assert_eq!(check.source(), PinSource::Env);
        assert!(check.verify(good) && !check.verify("9753"));
    }
}
