//! Reading booth logs back. Lines are streamed, so a season of logs is never held as
//! text; a torn or invalid line is skipped with a warning naming `file:line`, and every
//! complete line is still read.
//!
//! A log is input like any other: a path that is a FIFO or a device is skipped with a
//! warning (it is opened through the same reader as the catalog and the config), a line
//! longer than [`MAX_LINE_BYTES`] is skipped without being held, and the work per line is
//! linear in its length, so no file can stall the report.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use super::record::Record;
use crate::jsonloc::read::{ReadError, UTF8_BOM, open_regular};

/// A record is a few hundred bytes; a line longer than this is not one of ours.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// Detailed warnings per file; after that only a count, so a wrong file given by mistake
/// (a million invalid lines) does not bury the report.
pub const MAX_WARNINGS_PER_FILE: usize = 20;

/// What reading produced besides the records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadStats {
    /// "file:line: what was wrong", in reading order.
    pub warnings: Vec<String>,
    pub files_read: usize,
    /// Files that could not be opened or read to the end.
    pub files_failed: usize,
    /// Lines skipped as torn or invalid (also counted past the warning limit).
    pub lines_skipped: u64,
    /// Of those, the lines torn by a crash or power cut (the rest were invalid).
    pub torn_lines: u64,
}

/// Every record read, plus warnings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadOutcome {
    pub records: Vec<Record>,
    pub warnings: Vec<String>,
    pub files_read: usize,
    pub files_failed: usize,
    pub lines_skipped: u64,
}

/// Reads every file into memory. For large sets prefer [`for_each_record`] or
/// [`super::summarize_files`], which stream.
pub fn read_logs(files: &[PathBuf]) -> ReadOutcome {
    let mut records = Vec::new();
    let stats = for_each_record(files, |r| records.push(r));
    ReadOutcome {
        records,
        warnings: stats.warnings,
        files_read: stats.files_read,
        files_failed: stats.files_failed,
        lines_skipped: stats.lines_skipped,
    }
}

/// Calls `on_record` for each valid record in `files`, in order. A file named twice
/// (same path after resolving links) is read once.
pub fn for_each_record(files: &[PathBuf], mut on_record: impl FnMut(Record)) -> ReadStats {
    let mut stats = ReadStats::default();
    let mut seen = std::collections::HashSet::new();
    for path in files {
        let identity = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        if !seen.insert(identity) {
            continue;
        }
        read_one(path, &mut on_record, &mut stats);
    }
    stats
}

fn read_one(path: &Path, on_record: &mut impl FnMut(Record), stats: &mut ReadStats) {
    let name = path.display().to_string();
    let file = match open_regular(path) {
        Ok(f) => f,
        Err(e @ (ReadError::NotRegular { .. } | ReadError::TooManyLinks)) => {
            stats.files_failed += 1;
            stats
                .warnings
                .push(format!("{name}: {}; skipped", e.message()));
            return;
        }
        Err(e) => {
            stats.files_failed += 1;
            stats
                .warnings
                .push(format!("{name}: cannot read: {}", io_message(e)));
            return;
        }
    };
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut buf = Vec::with_capacity(256);
    let mut line_no = 0usize;
    let mut skipped_here = 0usize;
    let mut warn = |stats: &mut ReadStats, line_no: usize, message: String| {
        stats.lines_skipped += 1;
        skipped_here += 1;
        if skipped_here <= MAX_WARNINGS_PER_FILE {
            stats.warnings.push(format!("{name}:{line_no}: {message}"));
        }
    };
    loop {
        buf.clear();
        // At most one byte past the cap is kept: enough to tell a line that is too long.
        let read = (&mut reader)
            .take(MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut buf);
        let too_long = buf.len() > MAX_LINE_BYTES && buf.last() != Some(&b'\n');
        let read = match read {
            Ok(n) if too_long => reader.skip_until(b'\n').map(|rest| n + rest),
            other => other,
        };
        match read {
            Ok(0) => break,
            Ok(n) if too_long => {
                line_no += 1;
                warn(
                    stats,
                    line_no,
                    format!(
                        "a line of {n} bytes, longer than a booth record can be \
                         ({} KB); skipped",
                        MAX_LINE_BYTES / 1024
                    ),
                );
                continue;
            }
            Ok(_) => {}
            Err(e) => {
                stats.files_failed += 1;
                stats
                    .warnings
                    .push(format!("{name}:{}: cannot read further: {e}", line_no + 1));
                return;
            }
        }
        line_no += 1;
        let complete = buf.last() == Some(&b'\n');
        let mut line = buf.as_slice();
        if line_no == 1 {
            line = line.strip_prefix(UTF8_BOM).unwrap_or(line);
        }
        let line = line.trim_ascii();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_slice::<Record>(line) {
            Ok(record) => on_record(record),
            Err(e) => match recover_glued(line) {
                Some((fragment_len, record)) => {
                    on_record(record);
                    stats.torn_lines += 1;
                    warn(
                        stats,
                        line_no,
                        format!(
                            "skipped {fragment_len} bytes of a torn line before a complete record"
                        ),
                    );
                }
                None if !complete => {
                    stats.torn_lines += 1;
                    warn(
                        stats,
                        line_no,
                        "incomplete last line (the kiosk stopped while writing it); skipped".into(),
                    )
                }
                None => warn(stats, line_no, format!("skipped an invalid line: {e}")),
            },
        }
    }
    if skipped_here > MAX_WARNINGS_PER_FILE {
        stats.warnings.push(format!(
            "{name}: {} more skipped lines not listed",
            skipped_here - MAX_WARNINGS_PER_FILE
        ));
    }
    stats.files_read += 1;
}

/// A line torn by a crash, then continued by the next write, looks like
/// `{"ts":"2025-…","lap{"ts":…complete…}`. `{"ts":` can only start a record (inside a
/// JSON string its quote would be escaped), so the complete record, if there is one,
/// starts at the last `{"ts":`: one parse, so the work stays linear in the line.
fn recover_glued(line: &[u8]) -> Option<(usize, Record)> {
    const START: &[u8] = b"{\"ts\":";
    let pos = line.windows(START.len()).rposition(|w| w == START)?;
    if pos == 0 {
        return None;
    }
    let record = serde_json::from_slice::<Record>(&line[pos..]).ok()?;
    Some((pos, record))
}

/// An open or read error in words.
fn io_message(e: ReadError) -> String {
    match e {
        ReadError::Io(e) => e.to_string(),
        other => other.message(),
    }
}

/// Every `booth-*.jsonl` in `dir`, sorted by name (so by date, then laptop).
pub fn log_files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("booth-") && n.ends_with(".jsonl"))
                && path.is_file()
        })
        .collect();
    files.sort();
    Ok(files)
}
