//! `roc-kiosk search QUERY [--json] [--limit N] [--catalog DIR]`

use std::process::ExitCode;

use clap::Args;

use super::CatalogArg;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What a student would type ("cars", "nurse", "cosmetolgy", "animales").
    pub query: String,
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
    /// At most this many results.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    #[command(flatten)]
    pub catalog: CatalogArg,
}

pub fn run(args: SearchArgs) -> ExitCode {
    let _ = args;
    eprintln!("search: not built yet");
    ExitCode::FAILURE
}
