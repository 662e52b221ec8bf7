//! The command line: `run` (the kiosk, the default), `check`, `search`, `quiz`, `qr`,
//! `report`, `set-pin`, `launch`, `autostart`, and the hidden `generate-assets` (man page,
//! completions and desktop entry for packaging). Each subcommand lives in its own file and
//! returns `Result<(), CliError>`; [`main`] prints the error and picks the exit code, once.
//! Everything printed goes through [`output`] (terminal codes escaped, a closed pipe is
//! a normal end).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::catalog::{Catalog, CatalogSource};
pub use output::CliError;

mod assets;
mod autostart;
mod check;
mod desktop_entry;
mod launch;
pub mod output;
mod qr;
mod quiz;
mod report;
mod run;
mod search;
mod set_pin;

#[derive(Debug, Parser)]
#[command(
    name = "roc-kiosk",
    version,
    about = "Career-fair kiosk for KHSD ROC and CTEC: search programs, take an interest quiz, scan the application QR code.",
    after_help = run::AFTER_HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub run: run::RunArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the full-screen kiosk (the default).
    Run(run::RunArgs),
    /// Validate a catalog and print a summary; exits non-zero on any error.
    Check(check::CheckArgs),
    /// Search the catalog as the kiosk does and print ranked results.
    Search(search::SearchArgs),
    /// Score a quiz answer sheet and print ranked programs with reasons.
    Quiz(quiz::QuizArgs),
    /// Print the application QR code to this terminal, or write it as SVG.
    Qr(qr::QrArgs),
    /// Summarise booth logs: sessions, quizzes, apply screens, top programs.
    Report(report::ReportArgs),
    /// Set the technician PIN (stored as a salted hash in the config file).
    SetPin(set_pin::SetPinArgs),
    /// Open the kiosk full-screen in a terminal window, and start it again if it fails.
    #[command(long_about = launch::LONG_ABOUT)]
    Launch(launch::LaunchArgs),
    /// Start the kiosk (through `launch`) when this user logs in to the desktop, or stop.
    #[command(long_about = autostart::LONG_ABOUT)]
    Autostart(autostart::AutostartArgs),
    /// Write the man pages, shell completions and desktop entry into a folder (packaging).
    #[command(hide = true)]
    GenerateAssets(assets::AssetsArgs),
}

/// `--catalog DIR`, shared by every subcommand that reads the catalog.
#[derive(Debug, Clone, Default, Args)]
pub struct CatalogArg {
    /// A catalog directory (center.json, sectors.json, programs.json, quiz.json) to use
    /// instead of the bundled one.
    #[arg(long, value_name = "DIR")]
    pub catalog: Option<PathBuf>,
}

impl CatalogArg {
    pub fn source(&self) -> CatalogSource {
        match &self.catalog {
            Some(dir) => CatalogSource::Dir(dir.clone()),
            None => CatalogSource::Bundled,
        }
    }

    /// Loads and validates the catalog; every problem is in the error.
    pub fn load(&self) -> Result<Catalog, CliError> {
        Ok(Catalog::load(&self.source())?)
    }

    /// [`CatalogArg::load`] for the kiosk, which reports on its own: prints the problems
    /// and gives the exit code.
    pub fn load_or_report(&self) -> Result<Catalog, ExitCode> {
        self.load().map_err(CliError::exit)
    }
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => return run::run(cli.run),
        Some(Command::Run(args)) => return run::run(args),
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Search(args)) => search::run(args),
        Some(Command::Quiz(args)) => quiz::run(args),
        Some(Command::Qr(args)) => qr::run(args),
        Some(Command::Report(args)) => report::run(args),
        Some(Command::SetPin(args)) => set_pin::run(args),
        Some(Command::Launch(args)) => launch::run(args),
        Some(Command::Autostart(args)) => autostart::run(args),
        Some(Command::GenerateAssets(args)) => assets::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => error.exit(),
    }
}
