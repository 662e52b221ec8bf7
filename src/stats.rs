//! The anonymous booth log: what happened at the booth, never who.
//!
//! The kiosk appends one JSON line per event to `booth-YYYY-MM-DD-<laptop>.jsonl` in the
//! data directory; `roc-kiosk report` and the technician menu read the files back and
//! summarise them. A record holds a timestamp, the laptop id, a random session id and the
//! event: no names, no free text (search terms only when the technician turns
//! `log_search_terms` on), nothing that identifies a student.
//!
//! - [`record`]: the line format ([`Record`], [`Event`]).
//! - [`log`]: [`BoothLog`], the writer that never panics or stops the kiosk.
//! - [`read`]: reading files back, skipping torn or invalid lines with a warning.
//! - [`tally`]: counting, with duplicates (the same file twice, overlapping copies)
//!   counted once, and what was skipped (future dates, unknown event kinds).
//! - [`summary`]: the figures every report is drawn from, for the booth and per laptop.
//! - [`format`]: the text and CSV reports; [`json`]: `report --json`; [`html`]: the
//!   self-contained page of `report --html`.

pub mod format;
pub mod html;
pub mod json;
pub mod log;
pub mod read;
pub mod record;
pub mod summary;
pub mod tally;

pub use format::{CSV_HEADER, csv_report, duration, text_report};
pub use html::{PageInput, html_report};
pub use json::json_report;
pub use log::BoothLog;
pub use read::{ReadOutcome, ReadStats, for_each_record, log_files_in, read_logs};
pub use record::{EndReason, Event, Record, Via, format_ts, new_session_id, ts_date_hour};
pub use summary::{Summary, summarize, summarize_files, summarize_files_with, today_summary};
pub use tally::Tally;
