//! `roc-kiosk check [--catalog DIR] [--today YYYY-MM-DD]`
//!
//! Validates the catalog (any error exits 2), prints a one-line summary, and warns on
//! stderr about dates that have gone stale and program names too long for their page's
//! title. Warnings never change the exit code: a booth can still run on a catalog whose
//! facts are due for a check.

use clap::Args;
use jiff::ToSpan;
use jiff::civil::Date;
use unicode_width::UnicodeWidthStr;

use super::CatalogArg;
use super::output::{CliError, print, warn};
use crate::apply::{local_today, parse_date, school_year_start};
use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::ui::{MIN_HEIGHT, MIN_WIDTH, name_room};

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

/// What a technician should fix but the kiosk can run with: the catalog's dates that are
/// stale on `today` (facts last checked more than a year ago, exact application dates of
/// a school year that is over), and program names too wide for their page's title.
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
    out.extend(long_names(catalog));
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

/// The program names that a program's page, on the smallest screen the kiosk runs on,
/// can only show cut short ("Welding and Fabrication Te…"), widest first (a description
/// pasted into a name heads the list): the first [`LONG_NAMES_LISTED`] one by one, the
/// rest counted, so that a statewide catalog does not bury the other warnings.
fn long_names(catalog: &Catalog) -> Vec<String> {
    let mut long = Vec::new();
    for p in &catalog.programs {
        // The English name, then the Spanish one where there is one.
        for (lang, name) in [Lang::En, Lang::Es].into_iter().zip(p.name.all()) {
            let width = name.width();
            let room = name_room(catalog.center.short_name.get(lang), lang);
            if width > room {
                long.push((&p.id, lang, width, room));
            }
        }
    }
    long.sort_by_key(|&(_, _, width, _)| std::cmp::Reverse(width));
    let mut out: Vec<String> = long
        .iter()
        .take(LONG_NAMES_LISTED)
        .map(|(id, lang, width, room)| {
            format!(
                "programs.json: program '{id}' name.{}: the name is {width} characters \
                 wide and its page's title shows {room} at {MIN_WIDTH}x{MIN_HEIGHT}, so \
                 students see it cut short: shorten it (detail belongs in summary and \
                 description)",
                lang.code()
            )
        })
        .collect();
    if let Some((_, _, widest, _)) = long.get(LONG_NAMES_LISTED) {
        out.push(format!(
            "programs.json: {} more program names are also cut short in their page's title \
             at {MIN_WIDTH}x{MIN_HEIGHT} (the widest of them {widest} characters): shorten \
             them too",
            long.len() - LONG_NAMES_LISTED
        ));
    }
    out
}

/// How many names too long for their page's title `check` names one by one.
const LONG_NAMES_LISTED: usize = 5;

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

    #[test]
    fn a_name_its_page_title_would_cut_warns() {
        let mut c = catalog("2026-11-29", &[]);
        let today = date("2026-11-30");
        assert!(warnings(&c, today).is_empty(), "the bundled names fit");
        let room = name_room("ROC + CTEC", Lang::En);
        let words = "Veterinary Technology and Animal Care ".repeat(3);
        let fits: String = words.chars().take(room).collect();
        c.programs[0].name.en = fits;
        assert!(
            warnings(&c, today).is_empty(),
            "a name of {room} columns fits"
        );
        let long: String = words.chars().take(room + 1).collect();
        c.programs[0].name.en = long.clone();
        c.programs[1].name.es = Some(long);
        let w = warnings(&c, today);
        assert_eq!(w.len(), 2, "{w:?}");
        let (first, second) = (&c.programs[0].id, &c.programs[1].id);
        assert!(
            w[0].contains(&format!("program '{first}' name.en")),
            "{}",
            w[0]
        );
        assert!(
            w[1].contains(&format!("program '{second}' name.es")),
            "{}",
            w[1]
        );
        let wide = format!("{} characters wide", room + 1);
        assert!(w.iter().all(|w| w.contains(&wide)), "{w:?}");
        // Beyond five, the widest are named and the rest counted.
        for (i, p) in c.programs.iter_mut().enumerate().take(8) {
            p.name.en = words.chars().take(room + 1 + i).collect();
        }
        let w = warnings(&c, today);
        assert_eq!(w.len(), 6, "{w:?}");
        let widest = &c.programs[7].id;
        assert!(
            w[0].contains(&format!("program '{widest}' name.en")),
            "{}",
            w[0]
        );
        assert!(w[5].contains("4 more program names"), "{}", w[5]);
        assert!(
            w[5].contains(&format!("widest of them {} characters", room + 3)),
            "{}",
            w[5]
        );
    }
}
