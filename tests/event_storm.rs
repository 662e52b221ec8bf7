//! 40,000 random events (by default; see below) — keys including control characters and non-ASCII, 10 KB pastes,
//! clicks at random places, wheel, resizes to random sizes including 0x0, ticks and long
//! idle gaps — through `update` and a render into `TestBackend`. Nothing may panic.
//! Fixed seed in CI; `ROC_STORM_EVENTS` and `ROC_STORM_SEED` run more or different storms
//! (the default is sized so a warm `cargo test` stays under 90 s on two cores).

mod common;

use std::time::Duration;

use common::kiosk::Kiosk;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roc_kiosk::app::{Msg, Target};
use roc_kiosk::ui;

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn random_key(rng: &mut StdRng) -> KeyEvent {
    let code = match rng.random_range(0..10) {
        0..=3 => KeyCode::Char(rng.random_range(' '..='~')),
        4 => KeyCode::Char(
            ['é', 'ñ', 'ü', '中', '🚗', '\u{202e}', '\u{0}', '\u{7f}'][rng.random_range(0..8)],
        ),
        5 => [
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
        ][rng.random_range(0..6)],
        6 => [
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Backspace,
            KeyCode::Tab,
            KeyCode::Delete,
        ][rng.random_range(0..5)],
        7 => KeyCode::F(rng.random_range(1..=12)),
        8 => KeyCode::Char(char::from(b'0' + rng.random_range(0..10))),
        _ => [
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Insert,
            KeyCode::BackTab,
            KeyCode::Null,
        ][rng.random_range(0..5)],
    };
    let modifiers = match rng.random_range(0..8) {
        0 => KeyModifiers::CONTROL,
        1 => KeyModifiers::ALT,
        2 => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(code, modifiers)
}

fn random_text(rng: &mut StdRng, max: usize) -> String {
    let len = rng.random_range(0..max);
    (0..len)
        .map(|_| char::from_u32(rng.random_range(0..0x3000)).unwrap_or('?'))
        .collect()
}

#[test]
fn a_storm_of_random_events_never_panics() {
    let events = env_or("ROC_STORM_EVENTS", 40_000);
    let seed = env_or("ROC_STORM_SEED", 20261124);
    let mut rng = StdRng::seed_from_u64(seed);
    let mut k = Kiosk::new();
    let (mut w, mut h) = (80u16, 24u16);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let targets = [
        Target::Background,
        Target::Back,
        Target::Home,
        Target::Lang,
        Target::Apply,
        Target::ShowMore,
    ];

    for i in 0..events {
        let msg = match rng.random_range(0..100) {
            0..=69 => Msg::Key(random_key(&mut rng)),
            70..=71 => Msg::Paste(random_text(&mut rng, 10_000)),
            72..=81 => {
                // A click at a random place, resolved against the last frame like the loop does.
                let (x, y) = (
                    rng.random_range(0..w.max(1) + 5),
                    rng.random_range(0..h.max(1) + 5),
                );
                Msg::Click(if rng.random_bool(0.9) {
                    k.hot.target_at(x, y)
                } else {
                    targets[rng.random_range(0..targets.len())]
                })
            }
            82..=85 => Msg::Scroll(rng.random_range(-5..=5)),
            86..=88 => {
                (w, h) = match rng.random_range(0..4) {
                    0 => (0, 0),
                    1 => (rng.random_range(0..10), rng.random_range(0..10)),
                    _ => (rng.random_range(20..220), rng.random_range(5..70)),
                };
                terminal.backend_mut().resize(w, h);
                Msg::Resize(w, h)
            }
            89..=90 => {
                k.elapsed += Duration::from_secs(rng.random_range(0..200));
                Msg::Tick
            }
            _ => {
                k.elapsed += Duration::from_millis(250);
                Msg::Tick
            }
        };
        k.send(msg);
        // Rendering every event is the slow part; every fourth keeps the test quick in debug.
        if i % 4 == 0 {
            terminal
                .draw(|f| k.hot = ui::draw(f, &mut k.app))
                .expect("draw never fails");
        }
    }
    println!(
        "storm: {events} events, seed {seed}, ended on {:?}",
        k.app.screen()
    );
}
