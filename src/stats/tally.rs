//! [`Tally`]: the running count behind every report. Records go in one at a time (a
//! season of logs is never held in memory); [`Tally::finish`] turns the counts into a
//! [`Summary`](super::Summary).
//!
//! Logs get merged from several laptops and copied around on USB sticks, so the same
//! record can arrive twice (one file given twice, a folder copied into itself, an older
//! copy of today's file). A record is counted once per identity (laptop, session, event,
//! ts), and a session once per (laptop, session).

use std::hash::{BuildHasher, Hash, Hasher};

use jiff::civil::Date;

use super::record::{EndReason, Event, Record, ts_date_hour};

/// Distinct unknown event kinds remembered by name; more are only counted, so a wrong
/// file given by mistake cannot fill the report with names.
pub const MAX_UNKNOWN_KINDS: usize = 20;

/// A running count: feed records with [`Tally::add`], then [`Tally::finish`]. Keeps no
/// records, only a 128-bit fingerprint of each for duplicate detection: two different
/// records would have to collide in SipHash-64 and in foldhash-64 at once to be merged
/// (SipHash alone gives about 3e-8 for a million records).
#[derive(Debug, Default)]
pub struct Tally {
    pub(super) since: Option<Date>,
    pub(super) skip_after: Option<Date>,
    seen: foldhash::HashSet<u128>,
    pub(super) duplicates: u64,
    /// Records dated after `skip_after`, not counted.
    pub(super) future_dated: u64,
    /// Records of kinds this version does not know, not counted: (kind, records).
    pub(super) unknown_kinds: foldhash::HashMap<String, u64>,
    pub(super) unknown_events: u64,
    /// Everything counted, per laptop id. The booth's totals are the sum over laptops.
    pub(super) laptops: foldhash::HashMap<String, Counts>,
}

/// One laptop's counts.
#[derive(Debug, Default)]
pub(super) struct Counts {
    pub sessions: foldhash::HashMap<String, SessionInfo>,
    pub records: u64,
    pub quizzes: u64,
    pub apply: u64,
    /// Program id → views by [`Via`](super::Via) (in `Via::ALL` order).
    pub programs: foldhash::HashMap<String, [u64; 4]>,
    pub recommendations: foldhash::HashMap<String, u64>,
    pub search_terms: foldhash::HashMap<String, u64>,
    /// Searches with no match, by booth date.
    pub no_match_days: foldhash::HashMap<Date, u64>,
    /// The words of those searches, when they were logged.
    pub no_match_terms: foldhash::HashMap<String, u64>,
    pub first_date: Option<Date>,
    pub last_date: Option<Date>,
}

/// Where a session started and how long it lasted.
#[derive(Debug, Clone, Copy)]
pub(super) struct SessionInfo {
    /// From its `session_start`, when that line was read.
    start: Option<(Date, u8)>,
    /// From the first of its records read, for sessions whose start was lost.
    first_seen: (Date, u8),
    pub end: Option<(EndReason, u64)>,
}

impl SessionInfo {
    pub fn started(&self) -> (Date, u8) {
        self.start.unwrap_or(self.first_seen)
    }
}

impl Tally {
    /// Counts only records dated `since` or later (booth local date), when given.
    pub fn new(since: Option<Date>) -> Self {
        Tally {
            since,
            ..Tally::default()
        }
    }

    /// Skips records dated after `date` (booth local date) and says how many: a laptop
    /// whose clock was wrong must not put a visit in a year that has not happened.
    pub fn skipping_after(mut self, date: Date) -> Self {
        self.skip_after = Some(date);
        self
    }

    /// Counts one record; returns false when it was filtered out, already counted, dated
    /// in the future or of an unknown kind.
    pub fn add(&mut self, rec: &Record) -> bool {
        // Records are checked when read; one built in code with a bad ts is ignored.
        let Some((date, hour)) = ts_date_hour(&rec.ts) else {
            return false;
        };
        if self.since.is_some_and(|since| date < since) {
            return false;
        }
        if !self.seen.insert(fingerprint(rec)) {
            self.duplicates += 1;
            return false;
        }
        if self.skip_after.is_some_and(|last| date > last) {
            self.future_dated += 1;
            return false;
        }
        if let Event::Unknown { kind } = &rec.event {
            self.unknown_events += 1;
            let known = self.unknown_kinds.len() < MAX_UNKNOWN_KINDS;
            if let Some(n) = self.unknown_kinds.get_mut(kind.as_str()) {
                *n += 1;
            } else if known {
                self.unknown_kinds.insert(kind.clone(), 1);
            }
            return false;
        }
        let counts = match self.laptops.get_mut(rec.laptop.as_str()) {
            Some(counts) => counts,
            None => self.laptops.entry(rec.laptop.clone()).or_default(),
        };
        counts.add(rec, date, hour);
        true
    }
}

impl Counts {
    fn add(&mut self, rec: &Record, date: Date, hour: u8) {
        self.records += 1;
        self.first_date = Some(self.first_date.map_or(date, |d| d.min(date)));
        self.last_date = Some(self.last_date.map_or(date, |d| d.max(date)));
        let info = match self.sessions.get_mut(rec.session.as_str()) {
            Some(info) => info,
            None => self
                .sessions
                .entry(rec.session.clone())
                .or_insert(SessionInfo {
                    start: None,
                    first_seen: (date, hour),
                    end: None,
                }),
        };
        match &rec.event {
            Event::SessionStart => info.start = Some((date, hour)),
            Event::SessionEnd { reason, seconds } => info.end = Some((*reason, *seconds)),
            Event::ProgramViewed {
                program,
                via,
                search_terms,
            } => {
                match self.programs.get_mut(program.as_str()) {
                    Some(by_via) => by_via[*via as usize] += 1,
                    None => {
                        let mut by_via = [0; 4];
                        by_via[*via as usize] = 1;
                        self.programs.insert(program.clone(), by_via);
                    }
                }
                if let Some(terms) = search_terms {
                    bump(&mut self.search_terms, terms);
                }
            }
            Event::QuizFinished { top3 } => {
                self.quizzes += 1;
                for program in top3 {
                    bump(&mut self.recommendations, program);
                }
            }
            Event::ApplyShown => self.apply += 1,
            Event::SearchNoMatch { search_terms } => {
                *self.no_match_days.entry(date).or_default() += 1;
                if let Some(terms) = search_terms {
                    bump(&mut self.no_match_terms, terms);
                }
            }
            // Tally::add keeps these out.
            Event::Unknown { .. } => {}
        }
    }
}

fn bump(counts: &mut foldhash::HashMap<String, u64>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_string(), 1);
        }
    }
}

/// 128 bits naming a record: SipHash (low half) and foldhash's quality variant with a
/// fixed seed (high half) of all its fields. Two different records are only taken for one
/// if both collide.
fn fingerprint(rec: &Record) -> u128 {
    let mut sip = std::collections::hash_map::DefaultHasher::new();
    rec.hash(&mut sip);
    let fold = foldhash::quality::FixedState::with_seed(FINGERPRINT_SEED).hash_one(rec);
    (u128::from(fold) << 64) | u128::from(sip.finish())
}

/// Any fixed value: the fingerprint only has to be the same within one report run.
const FINGERPRINT_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
