//! No working default PIN: with no PIN configured the kiosk starts on the set-up screen
//! (a new PIN twice, the event name, the language), in English and Spanish, and only then
//! shows Attract. Through `App::update`, snapshots at 80x24 and 120x40, and the real
//! binary in a pseudo-terminal.

mod common;

use common::kiosk::{Kiosk, text};
use ratatui::crossterm::event::KeyCode;
use roc_kiosk::app::{Effect, Screen, SetupProblem, SetupStep};
use roc_kiosk::i18n::Lang;

fn fresh() -> Kiosk {
    let mut k = Kiosk::with_pin_verifier(std::sync::Arc::new(|_: &str| false.into()));
    k.app.begin_setup();
    k
}

#[test]
fn a_fresh_kiosk_asks_for_a_pin_twice_an_event_and_a_language() {
    let mut k = fresh();
    assert_eq!(k.app.screen(), Screen::Setup);
    // Nothing leaves it: not a student's key, not Ctrl-T, not Esc, not time.
    k.ctrl('t').key(KeyCode::Home).key(KeyCode::Esc);
    k.wait(k.app.settings.idle_timeout * 3);
    assert_eq!(k.app.screen(), Screen::Setup);

    k.chars("123").key(KeyCode::Enter);
    let setup = k.app.setup.as_ref().unwrap();
    assert_eq!(setup.problem, Some(SetupProblem::PinFormat));
    assert_eq!(setup.step, SetupStep::Pin);
    k.chars("4").key(KeyCode::Enter);
    assert_eq!(k.app.setup.as_ref().unwrap().step, SetupStep::ConfirmPin);
    k.chars("1235").key(KeyCode::Enter);
    let setup = k.app.setup.as_ref().unwrap();
    assert_eq!(setup.problem, Some(SetupProblem::PinsDiffer));
    assert_eq!(setup.step, SetupStep::Pin, "both PINs are typed again");

    k.chars("97531")
        .key(KeyCode::Enter)
        .chars("97531")
        .key(KeyCode::Enter);
    assert_eq!(k.app.setup.as_ref().unwrap().step, SetupStep::EventName);
    k.chars("Career Night").key(KeyCode::Enter);
    k.key(KeyCode::Right);
    assert_eq!(k.app.lang(), Lang::Es, "the choice shows at once");
    k.key(KeyCode::Enter);

    assert_eq!(k.app.screen(), Screen::Attract);
    assert!(k.app.setup.is_none());
    assert_eq!(k.app.settings.default_lang, Lang::Es);
    assert_eq!(k.app.settings.event_name.as_deref(), Some("Career Night"));
    let finish = k
        .effects
        .iter()
        .find_map(|fx| match fx {
            Effect::FinishSetup {
                pin,
                event_name,
                default_lang,
            } => Some((pin.0.clone(), event_name.clone(), *default_lang)),
            _ => None,
        })
        .expect("the answers go out to be saved");
    assert_eq!(
        finish,
        ("97531".into(), Some("Career Night".into()), Lang::Es)
    );
    assert!(
        !format!("{:?}", k.effects).contains("97531"),
        "Debug never shows the PIN"
    );
}

#[test]
fn set_up_screen_snapshots() {
    let mut k = fresh();
    insta::assert_snapshot!("setup_pin_80x24", text(&k.draw(80, 24)));
    k.chars("97531")
        .key(KeyCode::Enter)
        .chars("97531")
        .key(KeyCode::Enter);
    k.chars("Foothill").key(KeyCode::Enter);
    insta::assert_snapshot!("setup_lang_120x40", text(&k.draw(120, 40)));
}

#[test]
fn the_set_up_screen_in_spanish_shows_every_part_at_80x24() {
    let mut k = fresh();
    k.key(KeyCode::F(2));
    let screen = text(&k.draw(80, 24));
    insta::assert_snapshot!("setup_es_80x24", screen);
    for must in [
        "Configurar este quiosco",
        "Todavía no hay un PIN",
        "Paso 1 de 4",
        "PIN nuevo",
        "Enter siguiente",
        "F2 English",
    ] {
        assert!(screen.contains(must), "{must}\n{screen}");
    }
    k.chars("12").key(KeyCode::Enter);
    assert!(text(&k.draw(80, 24)).contains("El PIN debe tener de 4 a 8"));
}

#[cfg(unix)]
#[test]
fn the_real_kiosk_with_no_pin_starts_on_set_up_and_then_opens_only_to_the_new_pin() {
    use common::pty::PtyKiosk;
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("booth.json");
    let config_arg = config.to_str().unwrap();
    let start = || PtyKiosk::start_without_test_pin(&["--config", config_arg], home.path());
    std::fs::write(&config, "{}").unwrap();
    let mut kiosk = start();
    kiosk.wait_for("Set up this kiosk");
    kiosk.send(b"2468\r2468\r");
    kiosk.wait_for("Event name shown");
    kiosk.send(b"Fair\r\r");
    kiosk.wait_for("Press any key");
    // The old default is no master key; the PIN just set opens the menu.
    kiosk.open_pin_prompt();
    kiosk.type_wrong_pin("9999");
    kiosk.type_right_pin("2468");
    assert!(kiosk.exit_from_menu());
    let saved = roc_kiosk::config::Config::load(Some(&config))
        .unwrap()
        .config;
    assert!(saved.pin_hash.unwrap().starts_with("$argon2id$"));
    assert_eq!(saved.event_name.as_deref(), Some("Fair"));

    // Next start: straight to Attract.
    let mut again = start();
    again.wait_for("Press any key");
    assert!(again.exit_with_pin("2468"));
}

#[cfg(unix)]
#[test]
fn a_running_kiosk_takes_a_pin_set_with_set_pin_when_the_prompt_opens() {
    use common::pty::PtyKiosk;
    use roc_kiosk::config::{Config, hash_pin, new_salt};
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("booth.json");
    Config {
        pin_hash: Some(hash_pin("13579", &new_salt())),
        ..Config::default()
    }
    .save(&config)
    .unwrap();
    let mut kiosk =
        PtyKiosk::start_without_test_pin(&["--config", config.to_str().unwrap()], home.path());
    kiosk.wait_for("Press any key");
    // What `set-pin` does while the kiosk runs.
    let mut cfg = Config::load(Some(&config)).unwrap().config;
    cfg.pin_hash = Some(hash_pin("86420", &new_salt()));
    cfg.save(&config).unwrap();

    kiosk.open_pin_prompt();
    kiosk.type_wrong_pin("13579");
    kiosk.type_right_pin("86420");
    assert!(kiosk.exit_from_menu());
}
