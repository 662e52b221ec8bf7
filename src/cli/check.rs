//! `roc-kiosk check [--catalog DIR] [--today YYYY-MM-DD]`
//!
//! Validates the catalog (any error exits 2), prints a one-line summary, and warns on
//! stderr about dates that have gone stale. Warnings never change the exit code: a
//! booth can still run on a catalog whose facts are due for a check.

use clap::Args;
use jiff::ToSpan;
use jiff::civil::Date;

use super::CatalogArg;
use super::output::{CliError, print, warn};
use crate::apply::{local_today, parse_date, school_year_start};
use crate::catalog::Catalog;

#[derive(Debug, Clone, Default, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub catalog: CatalogArg,
    /// Compare the catalog's dates with this day (YYYY-MM-DD) instead of today.
    #[arg(long, value_name = "DATE")]
    pub today: Option<Date>,
}

pub fn run(args: CheckArgs) -> Result<(), CliError> {
    let catalog = args.catalog.load()?;
    print(&format!("{}\n", summary(&catalog)))?;
    let today = args.today.unwrap_or_else(local_today);
    for warning in warnings(&catalog, today) {
        warn(&format!("warning: {warning}"));
    }
    Ok(())
}

/// "OK: N programs in M sectors …"
pub fn summary(catalog: &Catalog) -> String {
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

/// The catalog's dates that are stale on `today`: facts last checked more than a year
/// ago, and exact application dates of a school year that is over.
pub fn warnings(catalog: &Catalog, today: Date) -> Vec<String> {
    let center = &catalog.center;
    let mut out = Vec::new();
    // The validator has already parsed these dates; an unparsable one cannot get here.
    if let Ok(checked) = parse_date(&center.facts_checked)
        && checked.saturating_add(1.year()) < today
    {
        out.push(format!(
            "center.json: facts_checked is {checked}, more than a year before {today}: \
             compare the programs with roc.kernhigh.org and the pages in docs/SOURCES.md, \
             then set facts_checked to the day you did"
        ));
    }
    let this_school_year = school_year_start(today);
    for window in &center.application.window.exact {
        if let Ok(closes) = parse_date(&window.closes)
            && closes < this_school_year
        {
            out.push(format!(
                "center.json: the application dates for {} ({} to {}) belong to a past \
                 school year: add this school year's dates to application.window.exact \
                 (until then the kiosk shows the recurring window)",
                window.school_year, window.opens, window.closes
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::ExactWindow;

    fn date(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    fn catalog(facts_checked: &str, exact: &[(&str, &str, &str)]) -> Catalog {
        let mut catalog = Catalog::bundled().expect("bundled catalog is valid");
        catalog.center.facts_checked = facts_checked.to_string();
        catalog.center.application.window.exact = exact
            .iter()
            .map(|(year, opens, closes)| ExactWindow {
                school_year: year.to_string(),
                opens: opens.to_string(),
                closes: closes.to_string(),
            })
            .collect();
        catalog
    }

    #[test]
    fn facts_checked_warns_only_after_a_full_year() {
        let c = catalog("2026-11-29", &[]);
        assert!(warnings(&c, date("2026-11-29")).is_empty());
        assert!(
            warnings(&c, date("2027-11-29")).is_empty(),
            "exactly a year"
        );
        let stale = warnings(&c, date("2027-11-30"));
        assert_eq!(stale.len(), 1, "{stale:?}");
        assert!(
            stale[0].contains("facts_checked is 2026-11-29"),
            "{}",
            stale[0]
        );
        assert!(stale[0].contains("docs/SOURCES.md"), "{}", stale[0]);
    }

    #[test]
    fn exact_window_of_a_past_school_year_warns() {
        let c = catalog(
            "2026-11-29",
            &[
                ("2025-26", "2025-11-03", "2026-03-06"),
                ("2026-27", "2026-11-02", "2027-03-05"),
            ],
        );
        // Still in the 2025-26 school year: nothing is past.
        assert!(warnings(&c, date("2026-06-30")).is_empty());
        // A new school year starts on July 1: the 2025-26 dates are over.
        let w = warnings(&c, date("2026-07-01"));
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].contains("2025-26 (2025-11-03 to 2026-03-06)"),
            "{}",
            w[0]
        );
        assert!(w[0].contains("past school year"), "{}", w[0]);
        // Two school years on, both windows are past.
        assert_eq!(warnings(&c, date("2027-07-01")).len(), 2);
    }
}
