//! Counting the booth's records into a [`Summary`].
//!
//! Logs get merged from several laptops and copied around on USB sticks, so the same
//! record can arrive twice (one file given twice, a folder copied into itself, an older
//! copy of today's file). A record is counted once per identity (laptop, session, event,
//! ts), and a session once per (laptop, session).

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};
use std::path::PathBuf;

use jiff::civil::Date;

use super::fasthash::{FxBuild, FxHashMap, PrehashedSet};
use super::log::BoothLog;
use super::read::{ReadStats, for_each_record, log_files_in};
use super::record::{EndReason, Event, Record, Via, ts_date_hour};

/// The booth's figures. Lists are sorted by count (highest first), then by key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Distinct (laptop, session) pairs.
    pub sessions: u64,
    /// Median of the sessions' lengths, over sessions that logged their end.
    pub median_session_secs: Option<u64>,
    pub quizzes_finished: u64,
    pub apply_shown: u64,
    /// Program detail screens opened, all programs together.
    pub programs_viewed: u64,
    /// (program id, views).
    pub top_programs_viewed: Vec<(String, u64)>,
    /// (program id, times in a quiz's top three).
    pub top_quiz_recommendations: Vec<(String, u64)>,
    /// Sessions by the hour they started, booth local time (index 0 = 00:00–00:59).
    pub sessions_by_hour: [u64; 24],
    /// Sessions by the date they started, oldest first.
    pub sessions_by_day: Vec<(Date, u64)>,
    /// (laptop id, sessions).
    pub sessions_by_laptop: Vec<(String, u64)>,
    /// Program views by how the student got there, in [`Via::ALL`] order.
    pub views_by_via: [(Via, u64); 4],
    /// Sessions by how they ended, in [`EndReason::ALL`] order.
    pub session_ends: [(EndReason, u64); EndReason::ALL.len()],
    /// (search terms, times); empty unless `log_search_terms` was on.
    pub top_search_terms: Vec<(String, u64)>,
    /// Records counted (after the `since` filter and duplicates).
    pub records: u64,
    /// Records seen again and not counted.
    pub duplicates_ignored: u64,
    pub first_date: Option<Date>,
    pub last_date: Option<Date>,
}

impl Default for Summary {
    /// The summary of no records: zero everywhere, every via and end reason listed.
    fn default() -> Self {
        Tally::default().finish()
    }
}

/// Where a session started and how long it lasted.
#[derive(Debug, Clone, Copy)]
struct SessionInfo {
    /// From its `session_start`, when that line was read.
    start: Option<(Date, u8)>,
    /// From the first of its records read, for sessions whose start was lost.
    first_seen: (Date, u8),
    end: Option<(EndReason, u64)>,
}

impl SessionInfo {
    fn started(&self) -> (Date, u8) {
        self.start.unwrap_or(self.first_seen)
    }
}

/// A running count: feed records with [`Tally::add`], then [`Tally::finish`]. Keeps no
/// records, only a 128-bit fingerprint of each for duplicate detection: two different
/// records would have to collide in SipHash-64 and in Fx-64 at once to be merged (SipHash
/// alone gives about 3e-8 for a million records).
#[derive(Debug, Default)]
pub struct Tally {
    since: Option<Date>,
    seen: PrehashedSet,
    sessions: FxHashMap<String, FxHashMap<String, SessionInfo>>,
    records: u64,
    duplicates: u64,
    quizzes: u64,
    apply: u64,
    views: u64,
    programs: FxHashMap<String, u64>,
    recommendations: FxHashMap<String, u64>,
    search_terms: FxHashMap<String, u64>,
    via: [u64; 4],
    first_date: Option<Date>,
    last_date: Option<Date>,
}

impl Tally {
    /// Counts only records dated `since` or later (booth local date), when given.
    pub fn new(since: Option<Date>) -> Self {
        Tally {
            since,
            ..Tally::default()
        }
    }

    /// Counts one record; returns false when it was filtered out or already counted.
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
        self.records += 1;
        self.first_date = Some(self.first_date.map_or(date, |d| d.min(date)));
        self.last_date = Some(self.last_date.map_or(date, |d| d.max(date)));

        let by_session = match self.sessions.get_mut(rec.laptop.as_str()) {
            Some(map) => map,
            None => self.sessions.entry(rec.laptop.clone()).or_default(),
        };
        let info = match by_session.get_mut(rec.session.as_str()) {
            Some(info) => info,
            None => by_session
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
                self.views += 1;
                self.via[*via as usize] += 1;
                bump(&mut self.programs, program);
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
        }
        true
    }

    pub fn finish(self) -> Summary {
        let mut by_hour = [0u64; 24];
        let mut by_day: HashMap<Date, u64> = HashMap::new();
        let mut by_laptop = Vec::new();
        let mut lengths = Vec::new();
        let mut ends = EndReason::ALL.map(|r| (r, 0u64));
        let mut sessions = 0u64;
        for (laptop, map) in &self.sessions {
            by_laptop.push((laptop.clone(), map.len() as u64));
            for info in map.values() {
                sessions += 1;
                let (date, hour) = info.started();
                by_hour[usize::from(hour)] += 1;
                *by_day.entry(date).or_default() += 1;
                if let Some((reason, secs)) = info.end {
                    lengths.push(secs);
                    ends[reason as usize].1 += 1;
                }
            }
        }
        let mut sessions_by_day: Vec<(Date, u64)> = by_day.into_iter().collect();
        sessions_by_day.sort();
        let mut views_by_via = Via::ALL.map(|v| (v, 0u64));
        for (i, count) in self.via.iter().enumerate() {
            views_by_via[i].1 = *count;
        }
        Summary {
            sessions,
            median_session_secs: median(&mut lengths),
            quizzes_finished: self.quizzes,
            apply_shown: self.apply,
            programs_viewed: self.views,
            top_programs_viewed: ranked(self.programs),
            top_quiz_recommendations: ranked(self.recommendations),
            sessions_by_hour: by_hour,
            sessions_by_day,
            sessions_by_laptop: ranked(by_laptop),
            views_by_via,
            session_ends: ends,
            top_search_terms: ranked(self.search_terms),
            records: self.records,
            duplicates_ignored: self.duplicates,
            first_date: self.first_date,
            last_date: self.last_date,
        }
    }
}

/// Summarises records already in memory.
pub fn summarize(records: &[Record], since: Option<Date>) -> Summary {
    let mut tally = Tally::new(since);
    for rec in records {
        tally.add(rec);
    }
    tally.finish()
}

/// Reads and summarises `files` without keeping the records. Parsing (most of the
/// work) runs on a second thread while this one counts, so a season of logs takes about
/// half as long on a two-core laptop.
pub fn summarize_files(files: &[PathBuf], since: Option<Date>) -> (Summary, ReadStats) {
    const BATCH: usize = 4096;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Record>>(8);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            let stats = for_each_record(files, |rec| {
                batch.push(rec);
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    // The receiver only goes away if this thread's caller panicked.
                    let _ = tx.send(full);
                }
            });
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
            stats
        });
        let mut tally = Tally::new(since);
        for batch in rx {
            for rec in &batch {
                tally.add(rec);
            }
        }
        let stats = reader.join().unwrap_or_else(|_| ReadStats {
            warnings: vec![
                "reading the logs stopped on an internal error; figures are partial".into(),
            ],
            files_failed: 1,
            ..ReadStats::default()
        });
        (tally.finish(), stats)
    })
}

/// Today's figures for the technician menu: every laptop's file for `today` in the log's
/// folder (a shared folder shows the whole booth). Empty when logging is off.
pub fn today_summary(log: &BoothLog, today: Date) -> Summary {
    let Some(dir) = log.dir() else {
        return Summary::default();
    };
    let prefix = format!("booth-{today}-");
    let files: Vec<PathBuf> = log_files_in(dir)
        .unwrap_or_default()
        .into_iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix))
        })
        .collect();
    summarize_files(&files, Some(today)).0
}

fn bump(counts: &mut FxHashMap<String, u64>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_string(), 1);
        }
    }
}

/// Highest count first, ties by key so reports are stable.
fn ranked(counts: impl IntoIterator<Item = (String, u64)>) -> Vec<(String, u64)> {
    let mut list: Vec<(String, u64)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}

/// The middle value; the mean of the two middle values (rounded down) for an even count.
fn median(values: &mut [u64]) -> Option<u64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        values[mid - 1] + (values[mid] - values[mid - 1]) / 2
    })
}

/// 128 bits naming a record: SipHash (low half, also the table hash) and Fx (high half)
/// of all its fields. Two different records are only taken for one if both collide.
fn fingerprint(rec: &Record) -> u128 {
    let mut sip = std::collections::hash_map::DefaultHasher::new();
    rec.hash(&mut sip);
    let fx = FxBuild::default().hash_one(rec);
    (u128::from(fx) << 64) | u128::from(sip.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_odd_even_empty() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [5]), Some(5));
        assert_eq!(median(&mut [9, 1, 5]), Some(5));
        assert_eq!(median(&mut [10, 1, 4, 7]), Some(5));
    }

    #[test]
    fn ranked_breaks_ties_by_key() {
        let list = ranked([
            ("b".to_string(), 2),
            ("a".to_string(), 2),
            ("c".to_string(), 3),
        ]);
        assert_eq!(list, [("c".into(), 3), ("a".into(), 2), ("b".into(), 2)]);
    }
}
