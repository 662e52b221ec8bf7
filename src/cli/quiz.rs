//! `roc-kiosk quiz --answers FILE [--json] [--catalog DIR]`

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::CatalogArg;

#[derive(Debug, Args)]
pub struct QuizArgs {
    /// A JSON answer sheet: {"items": {"item_id": 1-5}, "tiles": ["tile_id", …], "choice": "program_id"}
    #[arg(long, value_name = "FILE")]
    pub answers: PathBuf,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub catalog: CatalogArg,
}

pub fn run(args: QuizArgs) -> ExitCode {
    let _ = args;
    eprintln!("quiz: not built yet");
    ExitCode::FAILURE
}
