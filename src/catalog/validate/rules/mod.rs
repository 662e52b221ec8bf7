//! Meaning checks that serde cannot do, one file per catalog file: references between
//! files, ranges, dates, URLs, duplicate ids and missing translations. Each problem names
//! the entry and the field. What several files share lives here: id lists, references,
//! sources and the two languages of every text.

mod center;
mod program;
mod quiz;
mod sectors;

use std::collections::{BTreeMap, BTreeSet};

pub use center::{campus, center, contact, session};
pub use program::{program, program_count};
pub use quiz::{interest_area, quiz_item, tile, weights};
pub use sectors::sector;

use super::formats;
use super::report::{Entry, Reporter, rel};
use crate::catalog::model::Text;
use crate::jsonloc::Seg;

/// Ids defined in one file, as read from the JSON (so an entry with a schema error
/// still counts as defined and does not cause a second, misleading error). `None`
/// when the file could not be read at all: references into it are then not checked.
#[derive(Debug, Default)]
pub struct Known {
    pub campuses: Option<BTreeSet<String>>,
    pub sessions: Option<BTreeSet<String>>,
    /// Sector id -> its pathway ids.
    pub sectors: Option<BTreeMap<String, Vec<String>>>,
    pub interest_areas: Option<BTreeSet<String>>,
}

impl Known {
    pub fn campuses(&self) -> Target<'_> {
        Target::new("campus", "center.json", self.campuses.as_ref())
    }

    pub fn sessions(&self) -> Target<'_> {
        Target::new("session", "center.json", self.sessions.as_ref())
    }

    pub fn sectors(&self) -> Target<'_> {
        Target::new("sector", "sectors.json", self.sectors.as_ref())
    }

    pub fn interest_areas(&self) -> Target<'_> {
        Target::new("interest area", "quiz.json", self.interest_areas.as_ref())
    }
}

/// A list of defined ids, whatever it is stored in.
pub trait DefinedIds {
    fn defines(&self, id: &str) -> bool;
    fn all(&self) -> Vec<&String>;
}

impl DefinedIds for BTreeSet<String> {
    fn defines(&self, id: &str) -> bool {
        self.contains(id)
    }
    fn all(&self) -> Vec<&String> {
        self.iter().collect()
    }
}

impl<V> DefinedIds for BTreeMap<String, V> {
    fn defines(&self, id: &str) -> bool {
        self.contains_key(id)
    }
    fn all(&self) -> Vec<&String> {
        self.keys().collect()
    }
}

/// What a reference points into: the kind of id, the file defining them, and the ids
/// (`None` when that file could not be read).
#[derive(Clone, Copy)]
pub struct Target<'a> {
    what: &'static str,
    file: &'static str,
    ids: Option<&'a dyn DefinedIds>,
}

impl<'a> Target<'a> {
    fn new(what: &'static str, file: &'static str, ids: Option<&'a impl DefinedIds>) -> Self {
        Target {
            what,
            file,
            ids: ids.map(|ids| ids as &dyn DefinedIds),
        }
    }
}

/// The one reference check: "unknown campus 'bc'" at `field` of `entry` when `value`
/// is not an id of `target`, with the ids it could be.
pub fn reference(rep: &mut Reporter, entry: &Entry, field: &[Seg], value: &str, target: Target) {
    let Some(ids) = target.ids else {
        return;
    };
    if !ids.defines(value) {
        rep.field(
            entry,
            field,
            format!("unknown {} '{value}'", target.what),
            &format!(
                "use one of the {} ids in {}: {}",
                target.what,
                target.file,
                listing(ids.all())
            ),
        );
    }
}

/// [`reference`] for each element of a list field (`sessions[1]`).
pub fn references(rep: &mut Reporter, entry: &Entry, key: &str, values: &[String], target: Target) {
    for (i, value) in values.iter().enumerate() {
        reference(rep, entry, &rel![key, i], value, target);
    }
}

/// "a, b, c" for a hint, shortened when the list is long.
pub fn listing<'a>(ids: impl IntoIterator<Item = &'a String>) -> String {
    let ids: Vec<&String> = ids.into_iter().collect();
    let shown: Vec<String> = ids.iter().take(12).map(|s| format!("'{s}'")).collect();
    let more = ids.len().saturating_sub(shown.len());
    match more {
        0 => shown.join(", "),
        _ => format!("{} and {more} more", shown.join(", ")),
    }
}

/// Each id well formed, and no id used twice in one list; the second use is reported,
/// with where the first one is.
pub fn ids(rep: &mut Reporter, entries: &[Entry], what: &str) {
    let mut seen: BTreeMap<&str, &Entry> = BTreeMap::new();
    for entry in entries {
        let Some(id) = entry.id.as_deref() else {
            continue;
        };
        if let Err(problem) = formats::id(id) {
            rep.field(
                entry,
                &rel!["id"],
                problem,
                "use lowercase letters, digits, '-' or '_' (ids appear in logs and commands)",
            );
        }
        if let Some(first) = seen.get(id) {
            let mut first_path = first.path.clone();
            first_path.push(Seg::from("id"));
            let first_line = rep
                .doc
                .locate(&first_path)
                .map_or(String::new(), |(line, _)| {
                    format!(" (first used on line {line})")
                });
            rep.field(
                entry,
                &rel!["id"],
                format!("duplicate {what} id '{id}'{first_line}"),
                &format!("give each {what} its own id"),
            );
        } else {
            seen.insert(id, entry);
        }
    }
}

/// Every piece of student-visible text of a value, with its path.
pub trait Texts {
    fn texts(&self) -> Vec<(Vec<Seg>, &Text)>;
}

/// The texts of a list field, each at `key[i]`.
fn listed<'a>(out: &mut Vec<(Vec<Seg>, &'a Text)>, key: &str, list: &'a [Text]) {
    for (i, text) in list.iter().enumerate() {
        out.push((rel![key, i].to_vec(), text));
    }
}

/// English present, Spanish present: the kiosk runs in both languages.
pub fn texts(rep: &mut Reporter, entry: &Entry, value: &impl Texts) {
    for (path, text) in value.texts() {
        if text.en.trim().is_empty() {
            let mut field = path.clone();
            field.push(Seg::from("en"));
            rep.field(
                entry,
                &field,
                "the English text is empty".into(),
                "write the text students see on screen",
            );
        }
        if text.es.as_deref().is_none_or(|es| es.trim().is_empty()) {
            let mut field = path;
            field.push(Seg::from("es"));
            rep.field(
                entry,
                &field,
                "the Spanish text is missing".into(),
                "add the Spanish translation as \"es\" (the kiosk runs in English and Spanish)",
            );
        }
    }
}

/// The public pages an entry's facts come from: at least one, each a web address.
pub fn sources(rep: &mut Reporter, entry: &Entry, sources: &[String], what: &str) {
    if sources.is_empty() {
        rep.field(
            entry,
            &rel!["sources"],
            format!("the {what} has no sources"),
            "list the URL(s) of the public pages its facts came from: every fact needs a source",
        );
    }
    for (i, url) in sources.iter().enumerate() {
        if let Err(problem) = formats::web_url(url) {
            rep.field(
                entry,
                &rel!["sources", i],
                problem,
                "a source is the http(s) address of the page the facts came from",
            );
        }
    }
}
