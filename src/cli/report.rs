//! `roc-kiosk report [FILES…] [--since DATE] [--csv] [--config FILE]`
//!
//! Summarises booth logs: the files given (a folder means every `booth-*.jsonl` in it),
//! else every log in the configured data directory. Skipped lines are warned about on
//! stderr; the report goes to stdout. Exits 1 when a file could not be read, 2 on bad
//! arguments or a broken config.

use std::path::{Path, PathBuf};

use clap::Args;

use super::output::{CliError, print, warn};
use crate::config::Config;
use crate::stats::{csv_report, log_files_in, summarize_files, text_report};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Booth log files (JSON Lines) or folders holding them. Default: every log in the
    /// data directory.
    pub files: Vec<PathBuf>,
    /// Only events on or after this date (YYYY-MM-DD, booth local time).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Print CSV (header: metric,key,value) instead of text.
    #[arg(long)]
    pub csv: bool,
    /// A config file instead of the one in the platform config directory (used to find
    /// the data directory when no files are given).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

pub fn run(args: ReportArgs) -> Result<(), CliError> {
    let since = match args.since.as_deref().map(str::parse::<jiff::civil::Date>) {
        None => None,
        Some(Ok(date)) => Some(date),
        Some(Err(_)) => {
            return Err(CliError::input(format!(
                "--since: '{}' is not a date; use YYYY-MM-DD, e.g. 2025-10-01",
                args.since.unwrap_or_default()
            )));
        }
    };
    let files = files_to_read(&args)?;
    let (summary, stats) = summarize_files(&files, since);
    for warning in &stats.warnings {
        warn(&format!("warning: {warning}"));
    }
    if stats.lines_skipped > 0 {
        warn(&format!(
            "warning: {} line(s) skipped; every complete line was counted",
            stats.lines_skipped
        ));
    }
    if args.csv {
        print(&csv_report(&summary))?;
    } else {
        let names = program_names();
        print(&text_report(&summary, &|id: &str| names.get(id).cloned()))?;
    }
    if stats.files_failed > 0 {
        return Err(CliError::quiet_failure());
    }
    Ok(())
}

/// The files named (folders expanded), or every log in the data directory.
fn files_to_read(args: &ReportArgs) -> Result<Vec<PathBuf>, CliError> {
    if !args.files.is_empty() {
        let mut files = Vec::new();
        for path in &args.files {
            if path.is_dir() {
                files.extend(list_logs(path)?);
            } else {
                files.push(path.clone());
            }
        }
        return Ok(files);
    }
    let loaded = Config::load(args.config.as_deref())?;
    list_logs(&loaded.config.data_dir())
}

fn list_logs(dir: &Path) -> Result<Vec<PathBuf>, CliError> {
    match log_files_in(dir) {
        Ok(files) => {
            if files.is_empty() {
                warn(&format!(
                    "note: no booth logs (booth-*.jsonl) in {}",
                    dir.display()
                ));
            }
            Ok(files)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            warn(&format!(
                "note: no booth logs yet: {} does not exist",
                dir.display()
            ));
            Ok(Vec::new())
        }
        Err(e) => Err(CliError::failed(format!(
            "{}: cannot list booth logs: {e} — give the log files or their folder on the command line",
            dir.display()
        ))),
    }
}

/// Program id → English name from the bundled catalog, so the report reads
/// "Automotive Technology (auto-tech)". Ids alone if the catalog does not load.
fn program_names() -> std::collections::HashMap<String, String> {
    crate::catalog::Catalog::bundled()
        .map(|c| c.programs.into_iter().map(|p| (p.id, p.name.en)).collect())
        .unwrap_or_default()
}
