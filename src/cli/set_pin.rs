//! `roc-kiosk set-pin [--config FILE]`

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub struct SetPinArgs {
    /// A config file instead of the one in the platform config directory.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

pub fn run(args: SetPinArgs) -> ExitCode {
    let _ = args;
    eprintln!("set-pin: not built yet");
    ExitCode::FAILURE
}
