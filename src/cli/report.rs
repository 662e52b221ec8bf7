//! `roc-kiosk report [FILES…] [--since DATE] [--csv]`

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Booth log files (JSON Lines). Default: every log in the data directory.
    pub files: Vec<PathBuf>,
    /// Only events on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Print CSV instead of text.
    #[arg(long)]
    pub csv: bool,
    /// A config file instead of the one in the platform config directory.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

pub fn run(args: ReportArgs) -> ExitCode {
    let _ = args;
    eprintln!("report: not built yet");
    ExitCode::FAILURE
}
