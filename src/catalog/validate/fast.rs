//! The fast path: a catalog with no problem is read straight into the typed structs and
//! checked there, with no JSON value tree and no span index (a statewide catalog of
//! 10,000 programs is 31 MB of JSON; the located path holds several copies of it).
//!
//! The fast path only ever says "valid" or "not sure". Any doubt (a syntax or schema
//! error, a rule broken, a string that might hold a character the text rules refuse)
//! sends the catalog to the located path ([`super::located`]), which parses it again
//! with positions and reports every problem with its file, line, column, entry and
//! field. So the messages are those of one implementation, and this path needs none.

use std::collections::BTreeSet;

use super::report::{Doc, Entry, Reporter};
use super::rules::{self, Known};
use super::{ENTRY_LISTS, what_of};
use crate::catalog::model::*;
use crate::jsonloc::{Seg, strip_bom};
use crate::text_rules;

/// The catalog, when every file is clean JSON of the right shape and every rule holds;
/// `None` when anything needs a closer (located) look.
pub(super) fn validate(texts: [&str; 4]) -> Option<Catalog> {
    let [center, sectors, programs, quiz] = texts.map(strip_bom);
    if [center, sectors, programs, quiz]
        .iter()
        .any(|text| !plainly_clean(text))
    {
        return None;
    }
    let center: Center = typed_root(center)?;
    let sectors = typed_root::<SectorsFile>(sectors)?.sectors;
    let programs = typed_root::<ProgramsFile>(programs)?.programs;
    let quiz: Quiz = typed_root(quiz)?;
    let catalog = Catalog {
        center,
        sectors,
        programs,
        quiz,
    };
    rules_hold(&catalog).then_some(catalog)
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

/// `text` as a `T`, when it is one JSON object that fits the schema. (serde would also
/// read a struct from an array; the located path refuses a file that is not an object.)
fn typed_root<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    if !text.trim_start().starts_with('{') {
        return None;
    }
    serde_json::from_str(text).ok()
}

/// True when no string in the JSON `text` can hold a character the text rules refuse.
/// Conservative: it looks at the raw text, so a refused character anywhere (inside a
/// string or, as a syntax error, outside one) or an escape that could write one (`\n`,
/// `\t`, `\u001b`…) says "not clean". Tab, line feed and carriage return are fine as
/// they stand: JSON does not allow them raw inside a string, so there they are
/// whitespace between values.
fn plainly_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\t' | b'\n' | b'\r' => i += 1,
            0..=0x1f | 0x7f => return false,
            b'\\' => match bytes.get(i + 1) {
                Some(b'"' | b'\\' | b'/') => i += 2,
                Some(b'u') => {
                    let escaped = text
                        .get(i + 2..i + 6)
                        .and_then(|hex| u32::from_str_radix(hex, 16).ok());
                    // Surrogates (halves of a character beyond U+FFFF) are not refused.
                    match escaped.map(char::from_u32) {
                        Some(Some(c)) if text_rules::classify(c).is_some() => return false,
                        Some(_) => i += 6,
                        None => return false,
                    }
                }
                _ => return false,
            },
            0x20..=0x7e => i += 1,
            _ => {
                // The start of a multi-byte character: `i` is on a char boundary.
                let c = text[i..].chars().next().unwrap_or_default();
                if text_rules::classify(c).is_some() {
                    return false;
                }
                i += c.len_utf8();
            }
        }
    }
    true
}

/// The meaning checks of the located path ([`rules`]), run on the typed catalog. Their
/// reports are only counted here: one is enough to take the located path.
fn rules_hold(catalog: &Catalog) -> bool {
    let doc = Doc::unindexed();
    let mut errors = Vec::new();
    let mut rep = Reporter {
        doc: &doc,
        errors: &mut errors,
    };
    let known = Known {
        campuses: Some(ids(&catalog.center.campuses, |c| &c.id)),
        sessions: Some(ids(&catalog.center.sessions, |s| &s.id)),
        sectors: Some(
            catalog
                .sectors
                .iter()
                .map(|s| {
                    (
                        s.id.clone(),
                        s.pathways.iter().map(|p| p.id.clone()).collect(),
                    )
                })
                .collect(),
        ),
        interest_areas: Some(ids(&catalog.quiz.interest_areas, |a| &a.id)),
    };
    let center = &catalog.center;
    let campuses = entries("campuses", &center.campuses, |c| Some(&c.id));
    let sessions = entries("sessions", &center.sessions, |s| Some(&s.id));
    let contacts = entries("contacts", &center.contacts, |_| None);
    rules::ids(&mut rep, &campuses, "campus");
    rules::ids(&mut rep, &sessions, "session");
    for (entry, campus) in campuses.iter().zip(&center.campuses) {
        rules::campus(&mut rep, entry, campus);
    }
    for (entry, session) in sessions.iter().zip(&center.sessions) {
        rules::session(&mut rep, entry, session);
    }
    for (entry, contact) in contacts.iter().zip(&center.contacts) {
        rules::contact(&mut rep, entry, contact);
    }
    rules::center(&mut rep, center);

    let sectors = entries("sectors", &catalog.sectors, |s| Some(&s.id));
    rules::ids(&mut rep, &sectors, "sector");
    for (entry, sector) in sectors.iter().zip(&catalog.sectors) {
        rules::sector(&mut rep, entry, sector);
    }

    let programs = entries("programs", &catalog.programs, |p| Some(&p.id));
    rules::program_count(&mut rep, programs.len());
    rules::ids(&mut rep, &programs, "program");
    for (entry, program) in programs.iter().zip(&catalog.programs) {
        rules::program(&mut rep, entry, program, &known);
    }

    let quiz = &catalog.quiz;
    let items = entries("items", &quiz.items, |i| Some(&i.id));
    let tiles = entries("tiles", &quiz.tiles, |t| Some(&t.id));
    let areas = entries("interest_areas", &quiz.interest_areas, |a| Some(&a.id));
    rules::ids(&mut rep, &items, "quiz item");
    rules::ids(&mut rep, &tiles, "tile");
    rules::ids(&mut rep, &areas, "interest area");
    for (entry, item) in items.iter().zip(&quiz.items) {
        rules::quiz_item(&mut rep, entry, item, &known);
    }
    for (entry, tile) in tiles.iter().zip(&quiz.tiles) {
        rules::tile(&mut rep, entry, tile, &known);
    }
    for (entry, area) in areas.iter().zip(&quiz.interest_areas) {
        rules::interest_area(&mut rep, entry, area);
    }
    rules::weights(&mut rep, &quiz.weights);
    errors.is_empty()
}

fn ids<T>(list: &[T], id: impl Fn(&T) -> &String) -> BTreeSet<String> {
    list.iter().map(|x| id(x).clone()).collect()
}

/// The entries of the top-level list `key`, as the located path names them (contacts
/// have no id).
fn entries<T>(key: &str, list: &[T], id: impl Fn(&T) -> Option<&String>) -> Vec<Entry> {
    debug_assert!(ENTRY_LISTS.iter().any(|(list, _)| *list == key));
    let what = what_of(key);
    list.iter()
        .enumerate()
        .map(|(i, x)| {
            let id = id(x).map(String::as_str);
            Entry::element(what, id, vec![Seg::from(key), Seg::from(i)])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::plainly_clean;
    use crate::catalog::load::BUNDLED;

    #[test]
    fn the_fast_path_reads_the_catalog_the_located_path_reads() {
        let fast = super::validate(BUNDLED.map(|(_, text)| text)).expect("fast path");
        let files = BUNDLED.map(|(name, text)| (name.to_string(), Ok(text.to_string())));
        let located = super::super::located(files).expect("located path");
        assert_eq!(fast, located);
    }

    #[test]
    fn plain_json_is_clean() {
        assert!(plainly_clean(
            "{\n\t\"a\": \"Enfermería \\\"RN\\\" \\\\ \\/ \\u00e9\"\r\n}"
        ));
        // A character beyond U+FFFF, escaped as a surrogate pair.
        assert!(plainly_clean(r#"{"a": "\ud83d\ude00"}"#));
    }

    #[test]
    fn anything_the_text_rules_could_refuse_is_not() {
        for text in [
            "{\"a\": \"x\u{1b}[31m\"}",
            "{\"a\": \"x\u{7f}\"}",
            "{\"a\": \"x\u{9b}\"}",
            "{\"a\": \"x\u{202e}\"}",
            "{\"a\": \"x\u{200b}\"}",
            "{\"a\": \"x\u{ad}\"}",
            "{\"a\": \"x\u{feff}\"}",
            r#"{"a": "x\u001b"}"#,
            r#"{"a": "x\u202E"}"#,
            r#"{"a": "x\n"}"#,
            r#"{"a": "x\t"}"#,
            r#"{"a": "x\b"}"#,
            r#"{"a": "x\u00"}"#,
            r#"{"a": "x\"#,
        ] {
            assert!(!plainly_clean(text), "{text:?}");
        }
    }
}
