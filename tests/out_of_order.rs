//! The out-of-order screen through `App::update`: after repeated crashes the terminal loop
//! puts the app out of order (`tests/e2e_pty.rs` drives that on the real binary). Nothing
//! a student does and no amount of time leaves it; the technician's PIN does, and only to
//! end the kiosk (`Effect::Quit`, which the loop turns into a failure status).

mod common;

use std::time::Duration;

use common::kiosk::{Kiosk, PIN, text};
use ratatui::crossterm::event::KeyCode;
use roc_kiosk::app::{Effect, Msg, Screen, Target};

fn out_of_order() -> Kiosk {
    let mut k = Kiosk::new();
    k.app.put_out_of_order();
    k.effects.clear();
    k
}

#[test]
fn the_sign_reads_in_both_languages_at_80x24() {
    let mut k = out_of_order();
    let screen = text(&k.draw(80, 24));
    for line in [
        "OUT OF ORDER",
        "Please find a Career Technician.",
        "FUERA DE SERVICIO",
        "Por favor, busca a un Técnico de Carreras.",
        "Technician: Ctrl-T and the PIN close the kiosk, so it can be started again.",
        "Técnico: Ctrl-T y el PIN cierran el quiosco para poder iniciarlo de nuevo.",
    ] {
        assert!(screen.contains(line), "{line:?} missing:\n{screen}");
    }
    assert!(k.hot.iter().next().is_none(), "nothing on it is clickable");
}

#[test]
fn no_key_click_paste_scroll_or_time_leaves_it() {
    let mut k = out_of_order();
    k.chars("x1q ");
    for code in [
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Home,
        KeyCode::Backspace,
        KeyCode::Down,
        KeyCode::F(2),
    ] {
        k.key(code);
    }
    k.ctrl('c').ctrl('z').ctrl('d');
    for target in [Target::Background, Target::Home, Target::Back, Target::Lang] {
        k.send(Msg::Click(target));
    }
    k.send(Msg::Paste("nursing".into())).send(Msg::Scroll(3));
    k.wait(Duration::from_secs(600));
    assert_eq!(k.app.screen(), Screen::OutOfOrder);
    assert!(k.app.still_there_since.is_none(), "no idle countdown");
    assert!(k.effects.is_empty(), "no visit, no effect: {:?}", k.effects);
}

#[test]
fn the_pin_prompt_goes_back_to_out_of_order_on_esc_and_wrong_pins() {
    let mut k = out_of_order();
    k.ctrl('t');
    assert_eq!(k.app.screen(), Screen::Pin);
    k.key(KeyCode::Esc);
    assert_eq!(k.app.screen(), Screen::OutOfOrder);
    k.ctrl('t');
    for _ in 0..3 {
        k.chars("1111").key(KeyCode::Enter);
    }
    // Three wrong PINs lock the prompt here too; Esc leaves it.
    assert!(k.app.tech.lock.remaining(k.now()).is_some());
    k.key(KeyCode::Esc);
    assert_eq!(k.app.screen(), Screen::OutOfOrder);
    // The idle timeout on the PIN prompt lands there too.
    k.ctrl('t').wait(Duration::from_secs(120));
    assert_eq!(k.app.screen(), Screen::OutOfOrder);
    assert!(!k.effects.contains(&Effect::Quit));
}

#[test]
fn the_right_pin_ends_the_kiosk_instead_of_opening_the_menu() {
    let mut k = out_of_order();
    k.ctrl('t').chars(PIN).key(KeyCode::Enter);
    assert_eq!(k.effects, [Effect::ReloadPin, Effect::Quit]);
    assert_ne!(k.app.screen(), Screen::Tech);
}
