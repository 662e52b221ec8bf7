//! Parsing with located errors, and the meaning checks that serde cannot do.

use super::load::{CatalogError, CatalogErrors};
use super::model::*;

/// 1-based line and column of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, CatalogError> {
    serde_json::from_str(text).map_err(|e| CatalogError {
        file: file.to_string(),
        line: Some(e.line()),
        column: Some(e.column()),
        id: None,
        field: None,
        message: e.to_string(),
        hint: "fix the JSON at this place".into(),
    })
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SectorsFile {
    sectors: Vec<Sector>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgramsFile {
    programs: Vec<Program>,
}

pub fn parse_and_validate(
    files: [(String, Result<String, CatalogError>); 4],
) -> Result<Catalog, CatalogErrors> {
    let mut errors = Vec::new();
    let [(cf, center), (sf, sectors), (pf, programs), (qf, quiz)] = files;
    let center = center.and_then(|t| parse::<Center>(&cf, &t));
    let sectors = sectors.and_then(|t| parse::<SectorsFile>(&sf, &t));
    let programs = programs.and_then(|t| parse::<ProgramsFile>(&pf, &t));
    let quiz = quiz.and_then(|t| parse::<Quiz>(&qf, &t));
    let center = keep(center, &mut errors);
    let sectors = keep(sectors, &mut errors);
    let programs = keep(programs, &mut errors);
    let quiz = keep(quiz, &mut errors);
    match (center, sectors, programs, quiz) {
        (Some(center), Some(s), Some(p), Some(quiz)) if errors.is_empty() => Ok(Catalog {
            center,
            sectors: s.sectors,
            programs: p.programs,
            quiz,
        }),
        _ => Err(CatalogErrors(errors)),
    }
}

/// The value, or `None` with its error added to the list.
fn keep<T>(result: Result<T, CatalogError>, errors: &mut Vec<CatalogError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}
