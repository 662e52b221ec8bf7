//! `report --json`: the whole report as one JSON document whose field names are part of
//! the interface (README, "report --json"); tools and DuckDB queries depend on them, so a
//! rename here is a breaking change (`tests/report.rs` pins every name).

use serde::Serialize;

use super::read::ReadStats;
use super::record::{EndReason, Via};
use super::summary::Summary;

/// Names the document's shape; raise `VERSION` when a field changes meaning or goes.
pub const FORMAT: &str = "roc-kiosk-report";
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    #[serde(flatten)]
    figures: Figures<'a>,
    laptops: Vec<Laptop<'a>>,
    skipped: Skipped<'a>,
}

#[derive(Serialize)]
struct Laptop<'a> {
    laptop: &'a str,
    #[serde(flatten)]
    figures: Figures<'a>,
}

#[derive(Serialize)]
struct Figures<'a> {
    first_date: Option<String>,
    last_date: Option<String>,
    sessions: u64,
    median_session_secs: Option<u64>,
    quizzes_finished: u64,
    apply_shown: u64,
    programs_viewed: u64,
    searches_no_match: u64,
    sessions_by_hour: [u64; 24],
    sessions_by_day: Vec<DaySessions>,
    views_via: ByVia,
    session_ends: ByEnd,
    program_views: Vec<ProgramViews<'a>>,
    quiz_recommended: Vec<ProgramTimes<'a>>,
    searches_no_match_by_day: Vec<DaySearches>,
    searches_no_match_terms: Vec<TermsTimes<'a>>,
    search_terms: Vec<TermsTimes<'a>>,
}

#[derive(Serialize)]
struct DaySessions {
    date: String,
    sessions: u64,
}

#[derive(Serialize)]
struct DaySearches {
    date: String,
    searches: u64,
}

#[derive(Serialize)]
struct ByVia {
    search: u64,
    browse: u64,
    quiz: u64,
    attract: u64,
}

impl ByVia {
    fn new(views: [u64; 4]) -> Self {
        let at = |via: Via| views[via as usize];
        ByVia {
            search: at(Via::Search),
            browse: at(Via::Browse),
            quiz: at(Via::Quiz),
            attract: at(Via::Attract),
        }
    }
}

#[derive(Serialize)]
struct ByEnd {
    idle: u64,
    back_to_attract: u64,
    technician: u64,
    exit: u64,
}

#[derive(Serialize)]
struct ProgramViews<'a> {
    program: &'a str,
    views: u64,
    #[serde(flatten)]
    via: ByVia,
}

#[derive(Serialize)]
struct ProgramTimes<'a> {
    program: &'a str,
    times: u64,
}

#[derive(Serialize)]
struct TermsTimes<'a> {
    terms: &'a str,
    times: u64,
}

#[derive(Serialize)]
struct Skipped<'a> {
    duplicates_ignored: u64,
    future_dated: u64,
    /// Records dated after this day were skipped.
    future_after: Option<String>,
    unknown_events: u64,
    unknown_kinds: Vec<KindRecords<'a>>,
    torn_lines: u64,
    invalid_lines: u64,
    files_read: usize,
    files_failed: usize,
    warnings: &'a [String],
}

#[derive(Serialize)]
struct KindRecords<'a> {
    kind: &'a str,
    records: u64,
}

/// The report as one pretty-printed JSON document, ending in a newline.
pub fn json_report(s: &Summary, read: &ReadStats) -> String {
    let doc = Document {
        format: FORMAT,
        version: VERSION,
        figures: figures(s),
        laptops: s
            .by_laptop
            .iter()
            .map(|(laptop, own)| Laptop {
                laptop,
                figures: figures(own),
            })
            .collect(),
        skipped: Skipped {
            duplicates_ignored: s.duplicates_ignored,
            future_dated: s.future_dated,
            future_after: s.skip_after.map(|d| d.to_string()),
            unknown_events: s.unknown_events,
            unknown_kinds: s
                .unknown_kinds
                .iter()
                .map(|(kind, records)| KindRecords {
                    kind,
                    records: *records,
                })
                .collect(),
            torn_lines: read.torn_lines,
            invalid_lines: read.lines_skipped.saturating_sub(read.torn_lines),
            files_read: read.files_read,
            files_failed: read.files_failed,
            warnings: &read.warnings,
        },
    };
    // Plain data with string keys: encoding cannot fail.
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

fn figures(s: &Summary) -> Figures<'_> {
    let ends = |reason: EndReason| s.session_ends[reason as usize].1;
    Figures {
        first_date: s.first_date.map(|d| d.to_string()),
        last_date: s.last_date.map(|d| d.to_string()),
        sessions: s.sessions,
        median_session_secs: s.median_session_secs,
        quizzes_finished: s.quizzes_finished,
        apply_shown: s.apply_shown,
        programs_viewed: s.programs_viewed,
        searches_no_match: s.searches_no_match,
        sessions_by_hour: s.sessions_by_hour,
        sessions_by_day: s
            .sessions_by_day
            .iter()
            .map(|(date, sessions)| DaySessions {
                date: date.to_string(),
                sessions: *sessions,
            })
            .collect(),
        views_via: ByVia::new(s.views_by_via.map(|(_, n)| n)),
        session_ends: ByEnd {
            idle: ends(EndReason::Idle),
            back_to_attract: ends(EndReason::BackToAttract),
            technician: ends(EndReason::Technician),
            exit: ends(EndReason::Exit),
        },
        program_views: s
            .program_views_by_via
            .iter()
            .map(|(program, via)| ProgramViews {
                program,
                views: via.iter().sum(),
                via: ByVia::new(*via),
            })
            .collect(),
        quiz_recommended: s
            .top_quiz_recommendations
            .iter()
            .map(|(program, times)| ProgramTimes {
                program,
                times: *times,
            })
            .collect(),
        searches_no_match_by_day: s
            .searches_no_match_by_day
            .iter()
            .map(|(date, searches)| DaySearches {
                date: date.to_string(),
                searches: *searches,
            })
            .collect(),
        searches_no_match_terms: terms(&s.no_match_search_terms),
        search_terms: terms(&s.top_search_terms),
    }
}

fn terms(list: &[(String, u64)]) -> Vec<TermsTimes<'_>> {
    list.iter()
        .map(|(terms, times)| TermsTimes {
            terms,
            times: *times,
        })
        .collect()
}
