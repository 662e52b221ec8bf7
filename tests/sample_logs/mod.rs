//! A generated career fair for report tests, the README picture and CI: two laptops over
//! two days, written through the kiosk's own [`BoothLog`]. Seeded, so every run writes the
//! same visits (only the random session ids differ). Shared by `tests/report*.rs` and
//! `examples/sample_booth_logs.rs`.
//!
//! Not real data: a busy morning, a lunch rush, programs drawn by a fixed popularity from
//! the bundled catalog, and searches for things the catalog does not offer (welding,
//! HVAC, …), which is what the unmet-demand figures are for.

use std::path::Path;

use jiff::civil::{Date, date};
use jiff::tz::{TimeZone, offset};
use jiff::{SignedDuration, Zoned};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use roc_kiosk::catalog::Catalog;
use roc_kiosk::stats::{BoothLog, EndReason, Event, Via, new_session_id};

/// The fair's days.
pub const DAYS: [(i16, i8, i8); 2] = [(2026, 10, 14), (2026, 10, 15)];

/// Words students typed that found nothing (none is a program in the bundled catalog).
const UNMET: [&str; 6] = [
    "welding",
    "hvac",
    "pilot",
    "marine biology",
    "tattoo",
    "real estate",
];

/// One laptop of the sample: its id, visits a day, and whether it logs search words.
pub struct Laptop {
    pub id: &'static str,
    pub visits_per_day: usize,
    pub log_search_terms: bool,
}

pub const LAPTOPS: [Laptop; 2] = [
    Laptop {
        id: "booth-1",
        visits_per_day: 64,
        log_search_terms: true,
    },
    Laptop {
        id: "booth-2",
        visits_per_day: 41,
        log_search_terms: false,
    },
];

/// What was written, to check the report against.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Written {
    pub sessions: u64,
    pub searches_no_match: u64,
    pub quizzes: u64,
    pub apply_shown: u64,
}

/// Writes the sample fair's logs into `dir`.
pub fn write_fair(dir: &Path) -> Written {
    let catalog = Catalog::bundled().expect("the bundled catalog is valid");
    let mut programs: Vec<String> = catalog.programs.iter().map(|p| p.id.clone()).collect();
    let mut rng = StdRng::seed_from_u64(2026);
    programs.shuffle(&mut rng);
    let mut written = Written::default();
    for laptop in &LAPTOPS {
        let mut log = BoothLog::open(dir, laptop.id);
        assert_eq!(log.problem(), None, "cannot write the sample logs");
        for &(y, m, d) in &DAYS {
            for _ in 0..laptop.visits_per_day {
                let start = visit_start(&mut rng, date(y, m, d));
                visit(&mut rng, &mut log, laptop, &programs, start, &mut written);
            }
        }
    }
    written
}

/// A start time between 8:00 and 14:59, busiest mid-morning and at lunch.
fn visit_start(rng: &mut StdRng, day: Date) -> Zoned {
    const HOUR_WEIGHTS: [(i8, u32); 7] =
        [(8, 3), (9, 6), (10, 10), (11, 7), (12, 9), (13, 5), (14, 2)];
    let total: u32 = HOUR_WEIGHTS.iter().map(|(_, w)| w).sum();
    let mut pick = rng.random_range(0..total);
    let mut hour = 8;
    for (h, w) in HOUR_WEIGHTS {
        if pick < w {
            hour = h;
            break;
        }
        pick -= w;
    }
    day.at(hour, rng.random_range(0..60), rng.random_range(0..60), 0)
        .to_zoned(TimeZone::fixed(offset(-7)))
        .expect("a valid time")
}

/// A program id, the first ones in `programs` far more often (a rough Zipf law).
fn popular<'a>(rng: &mut StdRng, programs: &'a [String]) -> &'a str {
    let weights: Vec<f64> = (0..programs.len())
        .map(|i| 1.0 / (i as f64 + 1.5))
        .collect();
    let total: f64 = weights.iter().sum();
    let mut pick = rng.random_range(0.0..total);
    for (program, w) in programs.iter().zip(weights) {
        if pick < w {
            return program;
        }
        pick -= w;
    }
    &programs[0]
}

fn visit(
    rng: &mut StdRng,
    log: &mut BoothLog,
    laptop: &Laptop,
    programs: &[String],
    start: Zoned,
    written: &mut Written,
) {
    let session = new_session_id();
    let mut now = start.clone();
    let mut step = |rng: &mut StdRng| {
        now = now
            .checked_add(SignedDuration::from_secs(rng.random_range(8..70)))
            .expect("time moves on");
        now.clone()
    };
    log.append(&session, &Event::SessionStart, &start);
    written.sessions += 1;
    if rng.random_bool(0.16) {
        let words = UNMET[rng.random_range(0..UNMET.len())];
        let event = Event::SearchNoMatch {
            search_terms: laptop.log_search_terms.then(|| words.to_string()),
        };
        log.append(&session, &event, &step(rng));
        written.searches_no_match += 1;
    }
    let took_quiz = rng.random_bool(0.3);
    if took_quiz {
        let mut top3: Vec<String> = Vec::new();
        while top3.len() < 3 {
            let p = popular(rng, programs).to_string();
            if !top3.contains(&p) {
                top3.push(p);
            }
        }
        log.append(&session, &Event::QuizFinished { top3 }, &step(rng));
        written.quizzes += 1;
    }
    for _ in 0..rng.random_range(0..4) {
        let via = match rng.random_range(0..100) {
            0..50 => Via::Search,
            50..78 => Via::Browse,
            78..92 if took_quiz => Via::Quiz,
            _ => Via::Attract,
        };
        let event = Event::ProgramViewed {
            program: popular(rng, programs).to_string(),
            via,
            search_terms: None,
        };
        log.append(&session, &event, &step(rng));
    }
    if rng.random_bool(0.35) {
        log.append(&session, &Event::ApplyShown, &step(rng));
        written.apply_shown += 1;
    }
    let end = step(rng);
    let seconds = end.timestamp().duration_since(start.timestamp()).as_secs() as u64;
    let reason = if rng.random_bool(0.55) {
        EndReason::Idle
    } else {
        EndReason::BackToAttract
    };
    log.append(&session, &Event::SessionEnd { reason, seconds }, &end);
}
