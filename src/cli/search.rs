//! `roc-kiosk search QUERY [--json] [--limit N] [--catalog DIR]`
//!
//! Runs the kiosk's own search ([`crate::search::SearchIndex`]) and prints the ranked
//! programs, so a technician can check what students will find for a word.
//!
//! The table has the columns `#` (rank), `id`, `name` (English), `campus` (campus id, `-`
//! when no source gives one),
//! `score` and `field` (which part of the program matched best).
//!
//! With `--json` it prints one JSON array, best first, and nothing else on stdout; the
//! shape is stable:
//!
//! ```json
//! [
//!   {"rank": 1, "id": "nursing-assistant", "name": "Nursing Assistant",
//!    "campus": "ctec", "sector": "health", "score": 1000, "field": "name",
//!    "closest": false}
//! ]
//! ```
//!
//! `rank` starts at 1; `name` is the English name; `campus` and `sector` are the ids
//! from `center.json` and `sectors.json` (`campus` is `null` when no source gives it);
//! `score` is the engine's score (higher is better, only meaningful within one query);
//! `field` is one of `name`, `keyword`, `career`, `pathway`, `sector`, `certification`,
//! `description`; `closest` is `true` when no program matches the whole query and the rows
//! are only the closest programs, as the kiosk then shows them (the table mode says so in a
//! line above the table). Nothing close prints `[]` (or a one-line note in table mode);
//! either way the exit code is 0. A catalog that fails validation exits 2 with the errors
//! on stderr.

use clap::Args;
use serde::Serialize;

use super::CatalogArg;
use super::output::{CliError, print, print_json};
use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::search::{Found, Hit, MatchField, SearchIndex};

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// What a student would type ("cars", "nurse", "cosmetolgy", "animales").
    pub query: String,
    /// Print a JSON array instead of a table.
    #[arg(long)]
    pub json: bool,
    /// At most this many results (0 = all).
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    #[command(flatten)]
    pub catalog: CatalogArg,
}

/// One row of `--json` output.
#[derive(Debug, Serialize)]
struct JsonHit<'a> {
    rank: usize,
    id: &'a str,
    name: &'a str,
    /// `null` when no source says which campus teaches it.
    campus: Option<&'a str>,
    sector: &'a str,
    score: i64,
    field: MatchField,
    /// No program matches the whole query: this is one of the closest.
    closest: bool,
}

pub fn run(args: SearchArgs) -> Result<(), CliError> {
    let catalog = args.catalog.load()?;
    let index = SearchIndex::new(&catalog);
    let (mut hits, found) = index.search_or_closest(&args.query, Lang::En);
    if args.limit > 0 {
        hits.truncate(args.limit);
    }
    if args.json {
        let rows = json_rows(&catalog, &hits, found);
        let text = serde_json::to_string_pretty(&rows)
            .map_err(|e| CliError::failed(format!("search: could not write JSON: {e}")))?;
        print_json(&format!("{text}\n"))
    } else if hits.is_empty() {
        print(&format!("No programs match {:?}.\n", args.query))
    } else {
        let note = if found.is_closest() {
            format!("No program matches {:?}. The closest:\n", args.query)
        } else {
            String::new()
        };
        print(&format!("{note}{}", table(&catalog, &hits)))
    }
}

fn json_rows<'a>(catalog: &'a Catalog, hits: &[Hit], found: Found) -> Vec<JsonHit<'a>> {
    hits.iter()
        .enumerate()
        .map(|(i, hit)| {
            let p = &catalog.programs[hit.program];
            JsonHit {
                rank: i + 1,
                id: &p.id,
                name: p.name.get(Lang::En),
                campus: p.campus.as_deref(),
                sector: &p.sector,
                score: hit.score,
                field: hit.field,
                closest: found.is_closest(),
            }
        })
        .collect()
}

/// A plain, aligned text table (widths in chars, so accented names line up).
fn table(catalog: &Catalog, hits: &[Hit]) -> String {
    let rows: Vec<[String; 6]> = hits
        .iter()
        .enumerate()
        .map(|(i, hit)| {
            let p = &catalog.programs[hit.program];
            [
                (i + 1).to_string(),
                p.id.clone(),
                p.name.get(Lang::En).to_string(),
                p.campus.clone().unwrap_or_else(|| "-".into()),
                hit.score.to_string(),
                hit.field.as_str().to_string(),
            ]
        })
        .collect();
    let header = ["#", "id", "name", "campus", "score", "field"].map(String::from);
    let mut widths = [0usize; 6];
    for row in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (col, (cell, w)) in row.iter().zip(widths).enumerate() {
            if col > 0 {
                line.push_str("  ");
            }
            // Numbers right-aligned, text left-aligned.
            let pad = " ".repeat(w - cell.chars().count());
            if col == 0 || col == 4 {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_rows_have_the_documented_shape() {
        let catalog = Catalog::bundled().expect("bundled catalog is valid");
        let index = SearchIndex::new(&catalog);
        let (hits, found) = index.search_or_closest("nurse", Lang::En);
        assert!(!hits.is_empty());
        let value = serde_json::to_value(json_rows(&catalog, &hits, found)).unwrap();
        let first = &value[0];
        let mut keys: Vec<&str> = first
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "campus", "closest", "field", "id", "name", "rank", "score", "sector"
            ]
        );
        assert_eq!(first["rank"], 1);
        assert_eq!(first["closest"], false);
        assert!(first["field"].is_string());
        assert!(first["score"].is_i64());
    }

    #[test]
    fn table_lines_up_accented_names() {
        let catalog = Catalog::bundled().expect("bundled catalog is valid");
        let index = SearchIndex::new(&catalog);
        let hits = index.search("enfermeria", Lang::En);
        let text = table(&catalog, &hits);
        let mut lines = text.lines();
        assert!(lines.next().unwrap().starts_with("#  id"));
        assert!(lines.next().is_some());
    }
}
