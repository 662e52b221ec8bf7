//! Turning a [`Tally`] into the booth's figures: the [`Summary`] every report (text, CSV,
//! JSON, HTML, the technician menu) is drawn from.

use std::path::PathBuf;

use jiff::civil::Date;

use super::log::BoothLog;
use super::read::{ReadStats, for_each_record, log_files_in};
use super::record::{EndReason, Record, Via};
use super::tally::{Counts, Tally};

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
    /// Records counted (after the `since` filter, duplicates, future dates and unknown
    /// kinds).
    pub records: u64,
    /// Records seen again and not counted.
    pub duplicates_ignored: u64,
    pub first_date: Option<Date>,
    pub last_date: Option<Date>,
    /// (program id, views by [`Via::ALL`]), in the order of `top_programs_viewed`.
    pub program_views_by_via: Vec<(String, [u64; 4])>,
    /// Searches that ended with no program matching every word (unmet demand).
    pub searches_no_match: u64,
    /// The same by booth date, oldest first (days without any left out).
    pub searches_no_match_by_day: Vec<(Date, u64)>,
    /// (search terms, times) of those searches; empty unless `log_search_terms` was on.
    pub no_match_search_terms: Vec<(String, u64)>,
    /// Records not counted because they were dated after `skip_after`.
    pub future_dated: u64,
    pub skip_after: Option<Date>,
    /// Records of event kinds this version does not know, not counted.
    pub unknown_events: u64,
    /// (kind, records), for the first [`super::tally::MAX_UNKNOWN_KINDS`] kinds seen.
    pub unknown_kinds: Vec<(String, u64)>,
    /// Each laptop's own figures (sorted by laptop id), when the booth's totals come from
    /// records of any laptop. Empty inside a laptop's own summary.
    pub by_laptop: Vec<(String, Summary)>,
}

impl Default for Summary {
    /// The summary of no records: zero everywhere, every via and end reason listed.
    fn default() -> Self {
        Tally::default().finish()
    }
}

impl Tally {
    /// The booth's figures, with each laptop's own in [`Summary::by_laptop`].
    pub fn finish(self) -> Summary {
        let mut laptops: Vec<(&String, &Counts)> = self.laptops.iter().collect();
        laptops.sort_by(|a, b| a.0.cmp(b.0));
        let mut all = figures(laptops.iter().copied());
        all.by_laptop = laptops
            .iter()
            .map(|&(name, counts)| (name.clone(), figures([(name, counts)])))
            .collect();
        all.duplicates_ignored = self.duplicates;
        all.future_dated = self.future_dated;
        all.skip_after = self.skip_after;
        all.unknown_events = self.unknown_events;
        all.unknown_kinds = ranked(self.unknown_kinds);
        all
    }
}

/// The figures of some laptops' counts together.
fn figures<'a>(laptops: impl IntoIterator<Item = (&'a String, &'a Counts)>) -> Summary {
    let mut by_hour = [0u64; 24];
    let mut by_day: foldhash::HashMap<Date, u64> = Default::default();
    let mut by_laptop = Vec::new();
    let mut lengths = Vec::new();
    let mut ends = EndReason::ALL.map(|r| (r, 0u64));
    let mut programs: foldhash::HashMap<&str, [u64; 4]> = Default::default();
    let mut recommendations: foldhash::HashMap<&str, u64> = Default::default();
    let mut search_terms: foldhash::HashMap<&str, u64> = Default::default();
    let mut no_match_days: foldhash::HashMap<Date, u64> = Default::default();
    let mut no_match_terms: foldhash::HashMap<&str, u64> = Default::default();
    let (mut sessions, mut records, mut quizzes, mut apply) = (0u64, 0u64, 0u64, 0u64);
    let (mut first_date, mut last_date) = (None::<Date>, None::<Date>);
    for (laptop, counts) in laptops {
        by_laptop.push((laptop.clone(), counts.sessions.len() as u64));
        for info in counts.sessions.values() {
            sessions += 1;
            let (date, hour) = info.started();
            by_hour[usize::from(hour)] += 1;
            *by_day.entry(date).or_default() += 1;
            if let Some((reason, secs)) = info.end {
                lengths.push(secs);
                ends[reason as usize].1 += 1;
            }
        }
        records += counts.records;
        quizzes += counts.quizzes;
        apply += counts.apply;
        for (program, views) in &counts.programs {
            let sum = programs.entry(program).or_default();
            for (total, n) in sum.iter_mut().zip(views) {
                *total += n;
            }
        }
        add_counts(&mut recommendations, &counts.recommendations);
        add_counts(&mut search_terms, &counts.search_terms);
        add_counts(&mut no_match_terms, &counts.no_match_terms);
        for (day, n) in &counts.no_match_days {
            *no_match_days.entry(*day).or_default() += n;
        }
        first_date = [first_date, counts.first_date].into_iter().flatten().min();
        last_date = last_date.max(counts.last_date);
    }
    let mut views_by_via = Via::ALL.map(|v| (v, 0u64));
    for views in programs.values() {
        for (total, n) in views_by_via.iter_mut().zip(views) {
            total.1 += n;
        }
    }
    let program_views_by_via = ranked_by(programs, |views| views.iter().sum());
    let mut searches_no_match_by_day: Vec<(Date, u64)> = no_match_days.into_iter().collect();
    searches_no_match_by_day.sort();
    Summary {
        sessions,
        median_session_secs: median(&mut lengths),
        quizzes_finished: quizzes,
        apply_shown: apply,
        programs_viewed: views_by_via.iter().map(|(_, n)| n).sum(),
        top_programs_viewed: program_views_by_via
            .iter()
            .map(|(id, views)| (id.clone(), views.iter().sum()))
            .collect(),
        top_quiz_recommendations: ranked(recommendations),
        sessions_by_hour: by_hour,
        sessions_by_day: sorted(by_day),
        sessions_by_laptop: ranked(by_laptop),
        views_by_via,
        session_ends: ends,
        top_search_terms: ranked(search_terms),
        records,
        duplicates_ignored: 0,
        first_date,
        last_date,
        program_views_by_via,
        searches_no_match: searches_no_match_by_day.iter().map(|(_, n)| n).sum(),
        searches_no_match_by_day,
        no_match_search_terms: ranked(no_match_terms),
        future_dated: 0,
        skip_after: None,
        unknown_events: 0,
        unknown_kinds: Vec::new(),
        by_laptop: Vec::new(),
    }
}

fn add_counts<'a>(
    total: &mut foldhash::HashMap<&'a str, u64>,
    counts: &'a foldhash::HashMap<String, u64>,
) {
    for (key, n) in counts {
        *total.entry(key.as_str()).or_default() += n;
    }
}

fn sorted(counts: foldhash::HashMap<Date, u64>) -> Vec<(Date, u64)> {
    let mut list: Vec<(Date, u64)> = counts.into_iter().collect();
    list.sort();
    list
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
    summarize_files_with(files, Tally::new(since))
}

/// [`summarize_files`] into a [`Tally`] set up by the caller (e.g. skipping future dates).
pub fn summarize_files_with(files: &[PathBuf], mut tally: Tally) -> (Summary, ReadStats) {
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

/// Highest count first, ties by key so reports are stable.
fn ranked<K: Into<String>>(counts: impl IntoIterator<Item = (K, u64)>) -> Vec<(String, u64)> {
    ranked_by(counts, |n| *n)
}

/// Highest `count(value)` first, ties by key.
fn ranked_by<K: Into<String>, V>(
    entries: impl IntoIterator<Item = (K, V)>,
    count: impl Fn(&V) -> u64,
) -> Vec<(String, V)> {
    let mut list: Vec<(String, V)> = entries.into_iter().map(|(k, v)| (k.into(), v)).collect();
    list.sort_by(|a, b| count(&b.1).cmp(&count(&a.1)).then_with(|| a.0.cmp(&b.0)));
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
