//! `roc-kiosk [run]`: the full-screen kiosk.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::CatalogArg;

pub const AFTER_HELP: &str = "Technician: press Ctrl-T and enter the PIN (default 2468, or ROC_KIOSK_PIN, or the config file's pin) to open the technician menu.";

#[derive(Debug, Clone, Default, Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub catalog: CatalogArg,
    /// Seconds without input before "Still there?" and a reset.
    #[arg(long, value_name = "SECONDS")]
    pub idle_timeout: Option<u64>,
    /// Start in this language: en or es.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// A config file instead of the one in the platform config directory.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Pretend today is this date (YYYY-MM-DD), to preview the application window.
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

pub fn run(args: RunArgs) -> ExitCode {
    match args.catalog.load_or_report() {
        Ok(catalog) => {
            println!("The full-screen kiosk is not built yet.");
            println!("{}", super::check::summary(&catalog));
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}
