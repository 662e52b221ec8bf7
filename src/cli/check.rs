//! `roc-kiosk check [--catalog DIR]`

use super::CatalogArg;
use super::output::{CliError, print};

pub fn run(args: CatalogArg) -> Result<(), CliError> {
    let catalog = args.load()?;
    print(&format!("{}\n", summary(&catalog)))
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
