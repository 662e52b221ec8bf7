//! `roc-kiosk qr [--svg FILE] [--catalog DIR]`

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::CatalogArg;

#[derive(Debug, Args)]
pub struct QrArgs {
    /// Write the code as an SVG file (for printed flyers) instead of printing it.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    #[command(flatten)]
    pub catalog: CatalogArg,
}

pub fn run(args: QrArgs) -> ExitCode {
    let _ = args;
    eprintln!("qr: not built yet");
    ExitCode::FAILURE
}
