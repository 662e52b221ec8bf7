//! One simulated week through the app and the booth log with a test clock: nights of
//! idling, days of visits, seven midnights and the end of daylight saving time (November
//! 1, 2026 in California). The memory the kiosk holds must not grow with the number of
//! visits: a counting allocator (this test binary's global allocator, one test only so
//! nothing else allocates meanwhile) gives the bytes held after the second day and after
//! the seventh, at the same quiet moment of the night.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::Duration;

use common::kiosk::{Kiosk, PIN};
use ratatui::crossterm::event::KeyCode;
use roc_kiosk::app::Msg;
use roc_kiosk::booth::Booth;
use roc_kiosk::config::Config;
use roc_kiosk::stats::{BoothLog, read_logs};
use roc_kiosk::tui::{World, apply_effects};

struct Counting;
static HELD: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        HELD.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        HELD.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

struct Week {
    k: Kiosk,
    booth: Booth,
    clock: std::sync::Arc<std::sync::Mutex<jiff::Zoned>>,
}

impl Week {
    /// Time passes in `step`s, each a loop tick: the date, a tick, the effects.
    fn pass(&mut self, d: Duration, step: Duration) {
        let end = self.k.elapsed + d;
        while self.k.elapsed < end {
            let step = step.min(end - self.k.elapsed);
            self.k.elapsed += step;
            {
                let mut now = self.clock.lock().unwrap();
                *now = now
                    .checked_add(jiff::SignedDuration::try_from(step).unwrap())
                    .unwrap();
            }
            let today = self.booth.today();
            self.k.send(Msg::Today(today)).send(Msg::Tick);
            self.flush();
        }
    }

    fn flush(&mut self) {
        let effects = std::mem::take(&mut self.k.effects);
        let now = self.k.now();
        apply_effects(&mut self.k.app, &mut self.booth, effects, now);
    }

    /// One student: search, a program, the quiz's first answers, Apply, then walks away.
    fn visit(&mut self, n: usize) {
        let query = ["nurse", "cars", "welding", "animales", "cosmetolgy"][n % 5];
        self.k.chars("x1").chars(query).key(KeyCode::Enter);
        self.flush();
        self.pass(Duration::from_secs(20), Duration::from_secs(1));
        self.k.chars("a");
        self.k
            .key(KeyCode::Home)
            .chars("2")
            .chars("3")
            .chars("4")
            .chars("1");
        self.flush();
        self.pass(Duration::from_secs(10), Duration::from_secs(1));
        self.k.key(KeyCode::Home).chars("4");
        self.flush();
        // Walks away: idle, "Still there?", reset.
        self.pass(Duration::from_secs(120), Duration::from_secs(1));
    }

    /// A day at the booth: the technician looks in, visits every 5 minutes from 8:00
    /// to 15:00, then the night (ticks a minute apart, which the app handles like 240
    /// ticks of 250 ms: it only compares times).
    fn day(&mut self, visits: &mut usize) {
        self.pass(Duration::from_secs(8 * 3600), Duration::from_secs(60));
        self.k
            .ctrl('t')
            .chars(PIN)
            .key(KeyCode::Enter)
            .key(KeyCode::Esc);
        self.flush();
        for _ in 0..84 {
            self.visit(*visits);
            *visits += 1;
            self.pass(Duration::from_secs(150), Duration::from_secs(5));
        }
        self.pass(Duration::from_secs(9 * 3600), Duration::from_secs(60));
    }
}

#[test]
fn a_week_of_visits_holds_no_more_memory_at_the_end_than_after_two_days() {
    let dir = tempfile::tempdir().unwrap();
    // Midnight before Friday, October 30, 2026; the clocks go back on Sunday, November 1.
    let clock = std::sync::Arc::new(std::sync::Mutex::new(
        "2026-10-30T00:00:00[America/Los_Angeles]"
            .parse::<jiff::Zoned>()
            .unwrap(),
    ));
    let shared = clock.clone();
    let booth = Booth::new(
        BoothLog::open(dir.path(), "booth-1"),
        Config::default(),
        dir.path().join("c.json"),
        None,
    )
    .with_clock(Box::new(move || shared.lock().unwrap().clone()));
    let k = Kiosk::with_settings(|s| s.today = jiff::civil::date(2026, 10, 30));
    let mut week = Week { k, booth, clock };
    let mut visits = 0;

    // Day 1 warms everything up (the search, the quiz, the time zone, the first file).
    week.day(&mut visits);
    week.day(&mut visits);
    let after_two_days = HELD.load(Ordering::Relaxed);
    let visits_then = visits;
    for _ in 2..7 {
        week.day(&mut visits);
    }
    let after_a_week = HELD.load(Ordering::Relaxed);

    // 7 x 24 hours from midnight, but November 1 had 25: the wall clock reads 23:00.
    let wall = week.clock.lock().unwrap().clone();
    assert_eq!(
        (wall.date(), wall.hour()),
        (jiff::civil::date(2026, 11, 5), 23)
    );
    assert_eq!(week.k.app.settings.today, wall.date());
    assert_eq!(visits, 7 * 84);
    let growth = after_a_week - after_two_days;
    println!(
        "held after {visits_then} visits: {after_two_days} B; after {visits}: {after_a_week} B"
    );
    assert!(
        growth < 4096,
        "the kiosk held {growth} more bytes after {} more visits",
        visits - visits_then
    );

    // The booth log has a file per day, the DST day's visits among them.
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    assert_eq!(files.len(), 7, "{files:?}");
    let dst_day = dir.path().join("booth-2026-11-01-booth-1.jsonl");
    let sessions = read_logs(&[dst_day])
        .records
        .iter()
        .filter(|r| matches!(r.event, roc_kiosk::stats::Event::SessionStart))
        .count();
    assert_eq!(sessions, 84);
}
