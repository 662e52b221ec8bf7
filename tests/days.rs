//! Run for days: the application window's status, the technician's "today" figures and
//! the booth log's day follow the clock, so a kiosk left running past midnight shows the
//! new day without a restart; `--today` still pins a date for previews. A test clock
//! drives `App::update` and the real `Booth` (no sleeping).

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::kiosk::{Kiosk, PIN, text};
use ratatui::crossterm::event::KeyCode;
use roc_kiosk::app::{Msg, Screen};
use roc_kiosk::booth::Booth;
use roc_kiosk::config::Config;
use roc_kiosk::stats::BoothLog;
use roc_kiosk::tui::{World, apply_effects};

/// A booth clock the test moves by hand.
#[derive(Clone)]
struct TestClock(Arc<Mutex<jiff::Zoned>>);

impl TestClock {
    fn at(when: &str) -> Self {
        TestClock(Arc::new(Mutex::new(when.parse().unwrap())))
    }
    fn advance(&self, d: Duration) {
        let mut now = self.0.lock().unwrap();
        *now = now
            .checked_add(jiff::SignedDuration::try_from(d).unwrap())
            .unwrap();
    }
    fn boxed(&self) -> roc_kiosk::booth::Clock {
        let clock = self.0.clone();
        Box::new(move || clock.lock().unwrap().clone())
    }
}

/// Time passes for the app and the booth alike, with the loop's tick: the date, then a
/// tick, and the effects carried out by the booth.
fn pass(k: &mut Kiosk, booth: &mut Booth, clock: &TestClock, d: Duration) {
    let end = k.elapsed + d;
    while k.elapsed < end {
        let step = Duration::from_secs(1).min(end - k.elapsed);
        k.elapsed += step;
        clock.advance(step);
        let today = booth.today();
        k.send(Msg::Today(today)).send(Msg::Tick);
        let effects = std::mem::take(&mut k.effects);
        let now = k.now();
        apply_effects(&mut k.app, booth, effects, now);
    }
}

fn act(k: &mut Kiosk, booth: &mut Booth, keys: impl FnOnce(&mut Kiosk)) {
    keys(k);
    let effects = std::mem::take(&mut k.effects);
    let now = k.now();
    apply_effects(&mut k.app, booth, effects, now);
}

#[test]
fn a_kiosk_running_past_midnight_shows_the_new_day() {
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::at("2026-10-31T23:59:00[America/Los_Angeles]");
    let log = BoothLog::open(dir.path(), "booth-1");
    let mut booth = Booth::new(log, Config::default(), dir.path().join("c.json"), None)
        .with_clock(clock.boxed());
    let mut k = Kiosk::with_settings(|s| s.today = jiff::civil::date(2026, 10, 31));

    // A visit before midnight, on the Apply screen: not open yet.
    act(&mut k, &mut booth, |k| {
        k.chars("x4");
    });
    assert_eq!(k.app.screen(), Screen::Apply);
    assert!(text(&k.draw(80, 24)).contains("Applications open November 1"));
    assert!(dir.path().join("booth-2026-10-31-booth-1.jsonl").is_file());

    // The technician's menu shows the day's one visit.
    act(&mut k, &mut booth, |k| {
        k.ctrl('t').chars(PIN).key(KeyCode::Enter);
    });
    assert_eq!(k.app.tech.figures.as_ref().unwrap().sessions, 1);

    // Past midnight with the menu open: the figures are the new day's, at once.
    pass(&mut k, &mut booth, &clock, Duration::from_secs(80));
    assert_eq!(k.app.screen(), Screen::Tech);
    assert_eq!(k.app.settings.today, jiff::civil::date(2026, 11, 1));
    assert_eq!(k.app.tech.figures.as_ref().unwrap().sessions, 0);

    // The next visit: the window is open, and the log is the new day's file.
    act(&mut k, &mut booth, |k| {
        k.key(KeyCode::Esc).chars("x4");
    });
    let screen = text(&k.draw(80, 24));
    assert!(screen.contains("Applications are open until"), "{screen}");
    assert!(dir.path().join("booth-2026-11-01-booth-1.jsonl").is_file());
    act(&mut k, &mut booth, |k| {
        k.ctrl('t').chars(PIN).key(KeyCode::Enter);
    });
    assert_eq!(k.app.tech.figures.as_ref().unwrap().sessions, 1);
}

#[test]
fn today_pins_the_date_for_previews_past_midnight() {
    let dir = tempfile::tempdir().unwrap();
    let clock = TestClock::at("2026-10-31T23:59:00[America/Los_Angeles]");
    let pinned = jiff::civil::date(2027, 2, 27);
    let mut booth = Booth::new(
        BoothLog::open(dir.path(), "booth-1"),
        Config::default(),
        dir.path().join("c.json"),
        Some(pinned),
    )
    .with_clock(clock.boxed());
    let mut k = Kiosk::with_settings(|s| s.today = pinned);
    pass(&mut k, &mut booth, &clock, Duration::from_secs(120));
    assert_eq!(k.app.settings.today, pinned);
    k.chars("x4");
    assert!(text(&k.draw(80, 24)).contains("3 days left"));
}

/// `--today 9999-12-31` with a window inside one calendar year, after the year's window:
/// the next one would open in year 10000, which no date holds. The Apply screen says so
/// instead of naming a date already past.
#[test]
fn at_the_end_of_time_the_apply_screen_names_no_impossible_next_window() {
    use roc_kiosk::catalog::model::MonthDay;
    for (lang_key, closed, ask) in [
        (
            None,
            "May 1, 9999",
            "Ask a Career Technician when the next window opens",
        ),
        (Some(KeyCode::F(2)), "9999", "cuándo abren las próximas"),
    ] {
        let mut k = Kiosk::with_settings(|s| s.today = jiff::civil::date(9999, 12, 31));
        let mut catalog = (*k.app.catalog).clone();
        let window = &mut catalog.center.application.window;
        window.opens = MonthDay { month: 3, day: 1 };
        window.closes = MonthDay { month: 5, day: 1 };
        k.app.catalog = Arc::new(catalog);
        k.chars("x4");
        if let Some(key) = lang_key {
            k.key(key);
        }
        let screen = text(&k.draw(120, 40));
        let squeezed: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(squeezed.contains(closed), "{screen}");
        assert!(squeezed.contains(ask), "{screen}");
        assert!(!squeezed.contains("March 1, 10000") && !squeezed.contains("opens March"));
    }
}
