//! Guessing costs time: after 3 wrong PINs the prompt locks for 30 s, doubling with each
//! further wrong PIN up to 15 minutes, with the time left on screen. An idle reset does
//! not clear the lock; the right PIN does, and the menu says how many wrong PINs came
//! before it. All through `App::update` with the test clock.

mod common;

use std::time::Duration;

use common::kiosk::{Kiosk, PIN, text};
use ratatui::crossterm::event::KeyCode;
use roc_kiosk::app::Screen;
use roc_kiosk::app::lockout::lock_after;

/// Whether the screen shows `expected`, however it wraps inside the prompt's box.
fn reads(buf: &ratatui::buffer::Buffer, expected: &str) -> bool {
    let squeeze = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '│')
            .collect::<String>()
    };
    let screen = text(buf);
    let found = squeeze(&screen).contains(&squeeze(expected));
    if !found {
        println!("{screen}");
    }
    found
}

fn wrong(k: &mut Kiosk) {
    k.chars("0000").key(KeyCode::Enter);
}

#[test]
fn three_wrong_pins_lock_the_prompt_for_30_s_with_the_time_on_screen() {
    let mut k = Kiosk::new();
    k.ctrl('t');
    wrong(&mut k);
    wrong(&mut k);
    assert!(text(&k.draw(80, 24)).contains("1 more before the prompt locks"));
    wrong(&mut k);
    let screen = text(&k.draw(80, 24));
    assert!(reads(&k.draw(80, 24), "Try again in 0:30"), "{screen}");

    // Locked: even the right PIN is not checked.
    k.chars(PIN).key(KeyCode::Enter);
    assert_eq!(k.app.screen(), Screen::Pin);
    k.wait(Duration::from_secs(10));
    assert!(reads(&k.draw(80, 24), "Try again in 0:20"));

    k.wait(Duration::from_secs(20));
    k.chars(PIN).key(KeyCode::Enter);
    assert_eq!(k.app.screen(), Screen::Tech);
    let menu = text(&k.draw(80, 24));
    assert!(
        menu.contains("Wrong PINs since the last unlock: 3"),
        "{menu}"
    );

    // The unlock clears the count for next time.
    k.key(KeyCode::Esc).ctrl('t').chars(PIN).key(KeyCode::Enter);
    assert!(text(&k.draw(80, 24)).contains("Wrong PINs since the last unlock: 0"));
}

#[test]
fn the_lock_doubles_and_an_idle_reset_does_not_clear_it() {
    let mut k = Kiosk::new();
    k.ctrl('t');
    for _ in 0..3 {
        wrong(&mut k);
    }
    k.wait(Duration::from_secs(30));
    wrong(&mut k);
    assert!(reads(&k.draw(80, 24), "Try again in 1:00"));
    k.wait(Duration::from_secs(60));
    wrong(&mut k);
    assert!(reads(&k.draw(80, 24), "Try again in 2:00"));
    // A key now and then, or the idle reset ends the prompt first.
    k.wait(Duration::from_secs(60)).key(KeyCode::Backspace);
    k.wait(Duration::from_secs(60));
    wrong(&mut k);
    assert!(reads(&k.draw(80, 24), "Try again in 4:00"));

    // Walk away: the idle reset shows Attract, and the prompt is still locked.
    k.wait(k.app.settings.idle_timeout + Duration::from_secs(11));
    assert_eq!(k.app.screen(), Screen::Attract);
    k.ctrl('t');
    assert!(reads(&k.draw(80, 24), "Try again in 2:"));
    k.chars(PIN).key(KeyCode::Enter);
    assert_eq!(k.app.screen(), Screen::Pin, "still locked after the reset");
}

#[test]
fn the_lock_reads_in_spanish_too() {
    let mut k = Kiosk::new();
    k.ctrl('t').key(KeyCode::F(2));
    for _ in 0..3 {
        wrong(&mut k);
    }
    assert!(reads(&k.draw(80, 24), "Intente de nuevo en 0:30"));
}

/// A tireless attacker at the keyboard types a wrong PIN the moment the prompt takes one,
/// for a day. The guesses they get are the README's figure: 10 in the first hour, then 4
/// an hour.
#[test]
fn a_day_of_guessing_gets_10_guesses_in_the_first_hour_and_4_an_hour_after() {
    let mut k = Kiosk::new();
    let mut guesses_at = Vec::new();
    let day = Duration::from_secs(24 * 3600);
    while k.elapsed < day {
        if k.app.screen() != Screen::Pin {
            k.ctrl('t');
        }
        if k.app.tech.lock.remaining(k.now()).is_none() {
            guesses_at.push(k.elapsed);
            wrong(&mut k);
        }
        // One second between tries; no tick needed in between (the lock reads the clock).
        k.elapsed += Duration::from_secs(1);
    }
    let in_hour = |h: u64| {
        let range = Duration::from_secs(h * 3600)..Duration::from_secs((h + 1) * 3600);
        guesses_at.iter().filter(|t| range.contains(*t)).count()
    };
    assert_eq!(in_hour(0), 10, "{guesses_at:?}");
    for hour in 1..24 {
        assert!(in_hour(hour) <= 4, "hour {hour}: {}", in_hour(hour));
    }
    assert!(guesses_at.len() <= 10 + 4 * 23, "{}", guesses_at.len());
    // The rule the count comes from.
    assert_eq!(lock_after(8), Some(Duration::from_secs(900)));
}
