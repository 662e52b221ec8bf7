//! Parsing with located errors, and the meaning checks that serde cannot do.
//!
//! A catalog is first read by the fast path ([`fast`]): straight into the typed structs,
//! checked there, no positions kept. Only when that path is not sure the catalog is
//! valid does the located path below run, and it alone writes the errors.
//!
//! The located path's order is chosen so one run reports every problem it can:
//! 1. each file is parsed to a `serde_json::Value` (a syntax error stops only that file);
//! 2. each entry (program, sector, campus, quiz item...) is deserialized from its own
//!    slice of text, so every bad entry is reported with its id ([`schema`]);
//! 3. the entries that parsed are checked for meaning ([`rules`]), with references
//!    resolved against the ids read from the JSON.
//!
//! Errors are located with a span index of the text ([`crate::jsonloc`]).

mod fast;
mod figures;
mod formats;
mod partner;
mod report;
mod rules;
mod schema;

use std::collections::{BTreeMap, BTreeSet};

use serde::de::IgnoredAny;
use serde_json::Value;

use super::load::{CatalogError, CatalogErrors};
use super::model::*;
use crate::jsonloc::{Seg, strip_bom, without_position};
use report::{Doc, Entry, Reporter};
use rules::Known;

/// One file that parsed as JSON.
struct Parsed {
    doc: Doc,
    root: Value,
}

/// Parses one file's text as JSON, or reports the syntax error with line and column.
fn parse_json(file: String, mut text: String, errors: &mut Vec<CatalogError>) -> Option<Parsed> {
    // A byte-order mark is not JSON, but some editors write one: accept the file.
    let bom = text.len() - strip_bom(&text).len();
    text.drain(..bom);
    match serde_json::from_str::<Value>(&text) {
        Ok(root) if root.is_object() => Some(Parsed {
            doc: Doc::new(file, text),
            root,
        }),
        Ok(_) => {
            let doc = Doc::new(file, text);
            let start = doc.spans.get(&[]).map_or(0, |span| span.start);
            errors.push(doc.error_at_offset(
                start,
                "the file must hold one JSON object { ... }".into(),
                "wrap the content in { } with the file's top-level keys (see the bundled catalog/ files)",
            ));
            None
        }
        Err(error) => {
            let doc = Doc::new(file, text);
            let offset = doc.lines.offset_of(error.line(), error.column());
            let hint = match error.classify() {
                serde_json::error::Category::Eof => {
                    "the file ends too early: a closing quote, bracket or brace is missing"
                }
                _ => {
                    "fix the JSON here: a missing or extra comma, quote, bracket or brace is \
                     the usual cause"
                }
            };
            errors.push(doc.error_at_offset(
                offset,
                format!("JSON syntax error: {}", without_position(&error)),
                hint,
            ));
            None
        }
    }
}

/// The lists whose elements are entries, and what an element is called in errors.
/// Keys are unique across the four files.
const ENTRY_LISTS: [(&str, &str); 8] = [
    ("campuses", "campus"),
    ("sessions", "session"),
    ("contacts", "contact"),
    ("sectors", "sector"),
    ("programs", "program"),
    ("items", "quiz item"),
    ("tiles", "tile"),
    ("interest_areas", "interest area"),
];

fn what_of(list: &str) -> &'static str {
    ENTRY_LISTS
        .iter()
        .find(|(key, _)| *key == list)
        .map_or("entry", |(_, what)| what)
}

/// The entry for element `index` of the top-level list `key`, named by the `id` it has
/// in the JSON (even when the rest of the element does not fit the schema).
fn entry_at(root: &Value, key: &str, index: usize) -> Entry {
    let id = root[key][index].get("id").and_then(Value::as_str);
    Entry::element(what_of(key), id, vec![Seg::from(key), Seg::from(index)])
}

/// An entry per element of the top-level list `key` of `root`.
fn entries(root: &Value, key: &str) -> Vec<Entry> {
    let count = root.get(key).and_then(Value::as_array).map_or(0, Vec::len);
    (0..count).map(|i| entry_at(root, key, i)).collect()
}

/// The text rules ([`crate::text_rules`]) on every string of the file, whatever its
/// field: no control, bidirectional or invisible characters anywhere, in either
/// language. Each problem is reported in the entry that holds the string.
fn text_rules(rep: &mut Reporter, root: &Value) {
    let mut path = Vec::new();
    walk_strings(root, &mut path, &mut |path, text| {
        let Err(problem) = crate::text_rules::check(text) else {
            return;
        };
        let (entry, field) = match path {
            [Seg::Key(list), Seg::Index(i), field @ ..]
                if ENTRY_LISTS.iter().any(|(key, _)| key == list) =>
            {
                (entry_at(root, list, *i), field)
            }
            _ => (Entry::file(), path),
        };
        rep.field(
            &entry,
            field,
            problem,
            "delete it and retype the text around it (it often comes in with copy and paste): \
             the kiosk must not draw it, and a terminal could act on it",
        );
    });
}

/// Calls `visit` with the path and text of every string in `value`.
fn walk_strings(value: &Value, path: &mut Vec<Seg>, visit: &mut impl FnMut(&[Seg], &str)) {
    match value {
        Value::String(text) => visit(path, text),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::from(i));
                walk_strings(item, path, visit);
                path.pop();
            }
        }
        Value::Object(members) => {
            for (key, member) in members {
                path.push(Seg::from(key.as_str()));
                walk_strings(member, path, visit);
                path.pop();
            }
        }
        _ => {}
    }
}

/// Deserializes each entry, keeping the ones that fit the schema.
fn typed_entries<T: serde::de::DeserializeOwned>(
    rep: &mut Reporter,
    entries: &[Entry],
) -> Vec<(Entry, T)> {
    entries
        .iter()
        .filter_map(|entry| Some((entry.clone(), schema::typed::<T>(rep, entry)?)))
        .collect()
}

/// Deserializes the whole file as a `T`, with the listed top-level arrays read as empty:
/// their entries are deserialized (and reported) one by one, and an error in one of
/// them must not hide a later error in the file. The arrays are blanked with spaces,
/// so byte offsets, and so error locations, stay those of the real text.
fn typed_whole<T: serde::de::DeserializeOwned>(
    rep: &mut Reporter,
    lists_read_apart: &[&str],
) -> Option<T> {
    let mut text = rep.doc.text.clone().into_bytes();
    for list in lists_read_apart {
        let Some(span) = rep.doc.spans.get(&[Seg::from(*list)]) else {
            continue;
        };
        let inner = span.start + 1..span.end.saturating_sub(1);
        let is_array = text.get(span.start) == Some(&b'[') && text.get(inner.end) == Some(&b']');
        if is_array {
            for byte in &mut text[inner] {
                if *byte != b'\n' {
                    *byte = b' ';
                }
            }
        }
    }
    // The blanked ranges lie between ASCII brackets, so they held whole characters.
    let text = String::from_utf8(text).ok()?;
    schema::typed_in::<T>(rep, &Entry::file(), &text)
}

/// The top of sectors.json and programs.json: one key holding the list.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SectorsShell {
    #[allow(dead_code)]
    sectors: Vec<IgnoredAny>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgramsShell {
    #[allow(dead_code)]
    programs: Vec<IgnoredAny>,
}

/// The values of a list whose every entry fitted the schema; `None` otherwise (the
/// errors are already reported).
fn all_or_none<T>(typed: Vec<(Entry, T)>, entries: &[Entry]) -> Option<Vec<T>> {
    (typed.len() == entries.len()).then(|| typed.into_iter().map(|(_, value)| value).collect())
}

fn ids_of(entries: &[Entry]) -> BTreeSet<String> {
    entries.iter().filter_map(|e| e.id.clone()).collect()
}

pub fn parse_and_validate(
    files: [(String, Result<String, CatalogError>); 4],
) -> Result<Catalog, CatalogErrors> {
    if let [
        (_, Ok(center)),
        (_, Ok(sectors)),
        (_, Ok(programs)),
        (_, Ok(quiz)),
    ] = &files
        && let Some(catalog) = fast::validate([center, sectors, programs, quiz].map(String::as_str))
    {
        return Ok(catalog);
    }
    located(files)
}

/// Parses with positions and reports every problem, located (see the module's top).
fn located(files: [(String, Result<String, CatalogError>); 4]) -> Result<Catalog, CatalogErrors> {
    let mut errors = Vec::new();
    let [center, sectors, programs, quiz] = files.map(|(file, text)| match text {
        Ok(text) => parse_json(file, text, &mut errors),
        Err(error) => {
            errors.push(error);
            None
        }
    });
    // References are resolved against the ids as written, before any entry is typed.
    let ids_in = |parsed: &Option<Parsed>, list: &str| {
        parsed.as_ref().map(|p| ids_of(&entries(&p.root, list)))
    };
    let known = Known {
        campuses: ids_in(&center, "campuses"),
        sessions: ids_in(&center, "sessions"),
        sectors: sectors.as_ref().map(|s| pathways_by_sector(&s.root)),
        interest_areas: ids_in(&quiz, "interest_areas"),
    };
    let center = with_file(&center, &mut errors, center_file);
    let sectors = with_file(&sectors, &mut errors, sectors_file);
    let programs = with_file(&programs, &mut errors, |rep, root| {
        programs_file(rep, root, &known)
    });
    let quiz = with_file(&quiz, &mut errors, |rep, root| quiz_file(rep, root, &known));

    match (center, sectors, programs, quiz) {
        (Some(center), Some(sectors), Some(programs), Some(quiz)) if errors.is_empty() => {
            Ok(Catalog {
                center,
                sectors,
                programs,
                quiz,
            })
        }
        _ => Err(CatalogErrors(errors)),
    }
}

/// Checks one parsed file, reporting into `errors`; `None` when it could not be parsed.
fn with_file<T>(
    parsed: &Option<Parsed>,
    errors: &mut Vec<CatalogError>,
    check: impl FnOnce(&mut Reporter, &Value) -> Option<T>,
) -> Option<T> {
    let parsed = parsed.as_ref()?;
    let mut rep = Reporter {
        doc: &parsed.doc,
        errors,
    };
    text_rules(&mut rep, &parsed.root);
    check(&mut rep, &parsed.root)
}

/// center.json: campuses, sessions and contacts entry by entry, then the rest.
fn center_file(rep: &mut Reporter, root: &Value) -> Option<Center> {
    let campus_entries = entries(root, "campuses");
    let session_entries = entries(root, "sessions");
    let contact_entries = entries(root, "contacts");
    rules::ids(rep, &campus_entries, "campus");
    rules::ids(rep, &session_entries, "session");
    let campuses = typed_entries::<Campus>(rep, &campus_entries);
    let sessions = typed_entries::<Session>(rep, &session_entries);
    let contacts = typed_entries::<Contact>(rep, &contact_entries);
    for (entry, campus) in &campuses {
        rules::campus(rep, entry, campus);
    }
    for (entry, session) in &sessions {
        rules::session(rep, entry, session);
    }
    for (entry, contact) in &contacts {
        rules::contact(rep, entry, contact);
    }
    let mut center = typed_whole::<Center>(rep, &["campuses", "sessions", "contacts"])?;
    rules::center(rep, &center);
    center.campuses = all_or_none(campuses, &campus_entries)?;
    center.sessions = all_or_none(sessions, &session_entries)?;
    center.contacts = all_or_none(contacts, &contact_entries)?;
    Some(center)
}

/// sectors.json: `{"sectors": [...]}`, sector by sector.
fn sectors_file(rep: &mut Reporter, root: &Value) -> Option<Vec<Sector>> {
    let shell = typed_whole::<SectorsShell>(rep, &[]);
    let list = entries(root, "sectors");
    rules::ids(rep, &list, "sector");
    let typed = typed_entries::<Sector>(rep, &list);
    for (entry, sector) in &typed {
        rules::sector(rep, entry, sector);
    }
    shell?;
    all_or_none(typed, &list)
}

/// programs.json: `{"programs": [...]}`, program by program.
fn programs_file(rep: &mut Reporter, root: &Value, known: &Known) -> Option<Vec<Program>> {
    let shell = typed_whole::<ProgramsShell>(rep, &[]);
    let list = entries(root, "programs");
    if shell.is_some() {
        rules::program_count(rep, list.len());
    }
    rules::ids(rep, &list, "program");
    let typed = typed_entries::<Program>(rep, &list);
    for (entry, program) in &typed {
        rules::program(rep, entry, program, known);
    }
    shell?;
    all_or_none(typed, &list)
}

/// quiz.json: items, tiles and interest areas entry by entry, then the weights.
fn quiz_file(rep: &mut Reporter, root: &Value, known: &Known) -> Option<Quiz> {
    let item_entries = entries(root, "items");
    let tile_entries = entries(root, "tiles");
    let area_entries = entries(root, "interest_areas");
    rules::ids(rep, &item_entries, "quiz item");
    rules::ids(rep, &tile_entries, "tile");
    rules::ids(rep, &area_entries, "interest area");
    let items = typed_entries::<QuizItem>(rep, &item_entries);
    let tiles = typed_entries::<Tile>(rep, &tile_entries);
    let areas = typed_entries::<InterestArea>(rep, &area_entries);
    for (entry, item) in &items {
        rules::quiz_item(rep, entry, item, known);
    }
    for (entry, tile) in &tiles {
        rules::tile(rep, entry, tile, known);
    }
    for (entry, area) in &areas {
        rules::interest_area(rep, entry, area);
    }
    let mut quiz = typed_whole::<Quiz>(rep, &["items", "tiles", "interest_areas"])?;
    rules::weights(rep, &quiz.weights);
    quiz.items = all_or_none(items, &item_entries)?;
    quiz.tiles = all_or_none(tiles, &tile_entries)?;
    quiz.interest_areas = all_or_none(areas, &area_entries)?;
    Some(quiz)
}

/// Sector id -> pathway ids, as written in sectors.json.
fn pathways_by_sector(root: &Value) -> BTreeMap<String, Vec<String>> {
    let sectors = root.get("sectors").and_then(Value::as_array);
    sectors
        .into_iter()
        .flatten()
        .filter_map(|sector| {
            let id = sector.get("id")?.as_str()?.to_string();
            let pathways = sector
                .get("pathways")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|p| Some(p.get("id")?.as_str()?.to_string()))
                .collect();
            Some((id, pathways))
        })
        .collect()
}
