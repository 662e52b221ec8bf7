//! `roc-kiosk report [FILES…] [--since DATE] [--csv | --json] [--html FILE] [--lang en|es]
//! [--catalog DIR] [--config FILE]`
//!
//! Summarises booth logs: the files given (a folder means every `booth-*.jsonl` in it),
//! else every log in the configured data directory. Skipped lines are warned about on
//! stderr; the report goes to stdout, or with `--html` to a self-contained page. Records
//! dated after tomorrow are skipped (a laptop's wrong clock) and counted as such. Exits 1
//! when a file could not be read or the page not written, 2 on bad arguments or a broken
//! config.

use std::path::{Path, PathBuf};

use clap::Args;

use super::CatalogArg;
use super::output::{CliError, print, print_json, warn};
use crate::config::Config;
use crate::i18n::Lang;
use crate::stats::{
    PageInput, Tally, csv_report, html_report, json_report, log_files_in, summarize_files_with,
    text_report,
};

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Booth log files (JSON Lines) or folders holding them. Default: every log in the
    /// data directory.
    pub files: Vec<PathBuf>,
    /// Only events on or after this date (YYYY-MM-DD, booth local time).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Print CSV (header: metric,key,value) instead of text.
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,
    /// Print one JSON document (field names in the README) instead of text.
    #[arg(long)]
    pub json: bool,
    /// Write the report as one self-contained HTML page (charts included) to FILE.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Language of the HTML page: en or es.
    #[arg(long, value_name = "LANG", default_value = "en")]
    pub lang: Lang,
    /// Program names and the application link for the page come from this catalog.
    #[command(flatten)]
    pub catalog: CatalogArg,
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
    let today = crate::apply::local_today();
    let tally = Tally::new(since).skipping_after(today.tomorrow().unwrap_or(today));
    let (summary, stats) = summarize_files_with(&files, tally);
    for warning in &stats.warnings {
        warn(&format!("warning: {warning}"));
    }
    if stats.lines_skipped > 0 {
        warn(&format!(
            "warning: {} line(s) skipped; every complete line was counted",
            stats.lines_skipped
        ));
    }
    let catalog = names_catalog(&args.catalog);
    let mut failed = stats.files_failed > 0;
    if let Some(path) = &args.html {
        let page = html_report(&PageInput {
            summary: &summary,
            read: &stats,
            lang: args.lang,
            catalog: catalog.as_ref(),
            made_on: today,
        });
        match std::fs::write(path, page) {
            Ok(()) => warn(&format!("wrote {}", path.display())),
            Err(e) => {
                warn(&format!("{}: cannot write the page: {e}", path.display()));
                failed = true;
            }
        }
    }
    if args.json {
        print_json(&json_report(&summary, &stats))?;
    } else if args.csv {
        print(&csv_report(&summary))?;
    } else if args.html.is_none() {
        let name = |id: &str| {
            let program = catalog.as_ref()?.programs.iter().find(|p| p.id == id)?;
            Some(program.name.en.clone())
        };
        print(&text_report(&summary, &name))?;
    }
    if failed {
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

/// The catalog that names programs in the report ("Automotive Technology (auto-tech)")
/// and gives the page its application link. Ids alone, with a warning, if it does not
/// load: the figures do not depend on it.
fn names_catalog(arg: &CatalogArg) -> Option<crate::catalog::Catalog> {
    match crate::catalog::Catalog::load(&arg.source()) {
        Ok(catalog) => Some(catalog),
        Err(errors) => {
            warn(&errors.to_string());
            warn("warning: the catalog did not load; the report shows program ids");
            None
        }
    }
}
