//! `roc-kiosk check [--catalog DIR]`

use std::process::ExitCode;

use super::CatalogArg;

pub fn run(args: CatalogArg) -> ExitCode {
    match args.load_or_report() {
        Ok(catalog) => {
            println!("{}", summary(&catalog));
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

/// "OK: N programs in M sectors …"
pub fn summary(catalog: &crate::catalog::Catalog) -> String {
    let sectors_used: std::collections::BTreeSet<&str> =
        catalog.programs.iter().map(|p| p.sector.as_str()).collect();
    format!(
        "OK: {} programs in {} sectors ({} sectors defined), {} campuses, {} quiz items, {} tiles",
        catalog.programs.len(),
        sectors_used.len(),
        catalog.sectors.len(),
        catalog.center.campuses.len(),
        catalog.quiz.items.len(),
        catalog.quiz.tiles.len()
    )
}
