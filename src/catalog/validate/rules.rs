//! Meaning checks that serde cannot do: references between files, ranges, dates, URLs,
//! duplicate ids and missing translations. Each problem names the entry and the field.

use std::collections::{BTreeMap, BTreeSet};

use super::formats;
use super::report::{Entry, Reporter, rel};
use super::spans::Seg;
use crate::catalog::model::*;

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

/// "a, b, c" for a hint, shortened when the list is long.
fn listing<'a>(ids: impl IntoIterator<Item = &'a String>) -> String {
    let ids: Vec<&String> = ids.into_iter().collect();
    let shown: Vec<String> = ids.iter().take(12).map(|s| format!("'{s}'")).collect();
    let more = ids.len().saturating_sub(shown.len());
    match more {
        0 => shown.join(", "),
        _ => format!("{} and {more} more", shown.join(", ")),
    }
}

// ------------------------------------------------------------------- ids

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

// ------------------------------------------------------------------- texts

/// Every piece of student-visible text of a value, with its path.
pub trait Texts {
    fn texts(&self) -> Vec<(Vec<Seg>, &Text)>;
}

fn listed<'a>(out: &mut Vec<(Vec<Seg>, &'a Text)>, key: &str, list: &'a [Text]) {
    for (i, text) in list.iter().enumerate() {
        out.push((rel![key, i].to_vec(), text));
    }
}

impl Texts for Program {
    fn texts(&self) -> Vec<(Vec<Seg>, &Text)> {
        let mut out = vec![
            (rel!["name"].to_vec(), &self.name),
            (rel!["summary"].to_vec(), &self.summary),
            (rel!["description"].to_vec(), &self.description),
        ];
        listed(&mut out, "careers", &self.careers);
        listed(&mut out, "certifications", &self.certifications);
        if let Some(credit) = &self.college_credit {
            out.push((rel!["college_credit"].to_vec(), credit));
        }
        listed(&mut out, "prerequisites", &self.prerequisites);
        listed(&mut out, "highlights", &self.highlights);
        out
    }
}

impl Texts for Sector {
    fn texts(&self) -> Vec<(Vec<Seg>, &Text)> {
        let mut out = vec![(rel!["name"].to_vec(), &self.name)];
        for (i, pathway) in self.pathways.iter().enumerate() {
            out.push((rel!["pathways", i, "name"].to_vec(), &pathway.name));
        }
        out
    }
}

impl Texts for Campus {
    fn texts(&self) -> Vec<(Vec<Seg>, &Text)> {
        let mut out = vec![
            (rel!["name"].to_vec(), &self.name),
            (rel!["full_name"].to_vec(), &self.full_name),
        ];
        if let Some(location) = &self.location {
            out.push((rel!["location"].to_vec(), location));
        }
        out
    }
}

impl Texts for Session {
    fn texts(&self) -> Vec<(Vec<Seg>, &Text)> {
        vec![(rel!["name"].to_vec(), &self.name)]
    }
}

impl Texts for Contact {
    fn texts(&self) -> Vec<(Vec<Seg>, &Text)> {
        let mut out = vec![(rel!["name"].to_vec(), &self.name)];
        if let Some(note) = &self.note {
            out.push((rel!["note"].to_vec(), note));
        }
        out
    }
}

impl Texts for QuizItem {
    fn texts(&self) -> Vec<(Vec<Seg>, &Text)> {
        vec![(rel!["text"].to_vec(), &self.text)]
    }
}

impl Texts for Tile {
    fn texts(&self) -> Vec<(Vec<Seg>, &Text)> {
        vec![(rel!["label"].to_vec(), &self.label)]
    }
}

/// The center's own texts (campuses, sessions and contacts are checked as entries).
impl Texts for Center {
    fn texts(&self) -> Vec<(Vec<Seg>, &Text)> {
        let e = &self.eligibility;
        vec![
            (rel!["name"].to_vec(), &self.name),
            (rel!["short_name"].to_vec(), &self.short_name),
            (rel!["tagline"].to_vec(), &self.tagline),
            (rel!["eligibility", "students"].to_vec(), &e.students),
            (rel!["eligibility", "adults"].to_vec(), &e.adults),
            (rel!["eligibility", "busing"].to_vec(), &e.busing),
            (rel!["eligibility", "counselor"].to_vec(), &e.counselor),
        ]
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

// ------------------------------------------------------------------- urls

fn sources(rep: &mut Reporter, entry: &Entry, sources: &[String], what: &str) {
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

// ------------------------------------------------------------------- programs

pub fn program(rep: &mut Reporter, entry: &Entry, p: &Program, known: &Known) {
    texts(rep, entry, p);
    program_references(rep, entry, p, known);
    if p.sessions.is_empty() {
        rep.field(
            entry,
            &rel!["sessions"],
            "the program has no sessions".into(),
            "list when it meets, with session ids from center.json (e.g. \"am\", \"pm\")",
        );
    }
    if p.grades.is_empty() {
        rep.field(
            entry,
            &rel!["grades"],
            "the program lists no grades".into(),
            "list the grades that may enroll, e.g. [11, 12]",
        );
    }
    for (i, grade) in p.grades.iter().enumerate() {
        if !(9..=12).contains(grade) {
            rep.field(
                entry,
                &rel!["grades", i],
                format!("grade {grade} is not a high-school grade"),
                "use 9 to 12 (11 = junior, 12 = senior)",
            );
        }
    }
    if p.hours == Some(0) {
        rep.field(
            entry,
            &rel!["hours"],
            "0 training hours".into(),
            "use null when no source gives the hour count",
        );
    }
    for (i, keyword) in p.keywords.iter().enumerate() {
        if keyword.trim().is_empty() {
            rep.field(
                entry,
                &rel!["keywords", i],
                "the keyword is empty".into(),
                "remove it, or write a word students would type",
            );
        }
    }
    for (i, code) in p.onet.iter().enumerate() {
        if let Err(problem) = formats::onet_code(code) {
            rep.field(
                entry,
                &rel!["onet", i],
                problem,
                "use the O*NET-SOC code of a target occupation (onetonline.org)",
            );
        }
    }
    for (area, value) in Area::ALL.iter().zip(p.riasec.as_array()) {
        if !value.is_finite() || !(1.0..=7.0).contains(&value) {
            rep.field(
                entry,
                &rel!["riasec", format!("{area:?}").as_str()],
                format!("{value:?} is outside 1–7"),
                "use the mean O*NET interest rating of the program's occupations (1 to 7)",
            );
        }
    }
    if let Some(url) = &p.info_url
        && let Err(problem) = formats::https_url(url)
    {
        rep.field(
            entry,
            &rel!["info_url"],
            problem,
            "use the https:// address of the program's page, or null",
        );
    }
    sources(rep, entry, &p.sources, "program");
}

fn program_references(rep: &mut Reporter, entry: &Entry, p: &Program, known: &Known) {
    if let Some(campuses) = &known.campuses
        && !campuses.contains(&p.campus)
    {
        rep.field(
            entry,
            &rel!["campus"],
            format!("unknown campus '{}'", p.campus),
            &format!("use a campus id from center.json: {}", listing(campuses)),
        );
    }
    if let Some(sessions) = &known.sessions {
        for (i, session) in p.sessions.iter().enumerate() {
            if !sessions.contains(session) {
                rep.field(
                    entry,
                    &rel!["sessions", i],
                    format!("session '{session}' is not defined in center.json"),
                    &format!("use a session id from center.json: {}", listing(sessions)),
                );
            }
        }
    }
    if let Some(sectors) = &known.sectors {
        match sectors.get(&p.sector) {
            None => rep.field(
                entry,
                &rel!["sector"],
                format!("unknown sector '{}'", p.sector),
                &format!(
                    "use a sector id from sectors.json: {}",
                    listing(sectors.keys())
                ),
            ),
            Some(pathways) if !pathways.contains(&p.pathway) => rep.field(
                entry,
                &rel!["pathway"],
                format!(
                    "pathway '{}' is not a pathway of sector '{}'",
                    p.pathway, p.sector
                ),
                &format!(
                    "use one of the sector's pathways ({}) or add it to the sector in sectors.json",
                    listing(pathways)
                ),
            ),
            Some(_) => {}
        }
    }
    if let Some(areas) = &known.interest_areas {
        for (i, area) in p.interest_areas.iter().enumerate() {
            if !areas.contains(area) {
                rep.field(
                    entry,
                    &rel!["interest_areas", i],
                    format!("interest area '{area}' is not defined in quiz.json"),
                    "use an id from the interest_areas list in quiz.json",
                );
            }
        }
    }
}

/// The catalog needs at least one program.
pub fn program_count(rep: &mut Reporter, count: usize) {
    if count == 0 {
        rep.field(
            &Entry::file(),
            &rel!["programs"],
            "the program list is empty".into(),
            "add at least one program: the kiosk has nothing to show without one",
        );
    }
}

// ------------------------------------------------------------------- sectors

pub fn sector(rep: &mut Reporter, entry: &Entry, sector: &Sector) {
    texts(rep, entry, sector);
    let pathways: Vec<Entry> = sector
        .pathways
        .iter()
        .enumerate()
        .map(|(i, pathway)| {
            let mut path = entry.path.clone();
            path.extend(rel!["pathways", i]);
            Entry {
                what: Some(format!(
                    "sector '{}' pathway",
                    entry.id.as_deref().unwrap_or_default()
                )),
                id: Some(pathway.id.clone()),
                path,
            }
        })
        .collect();
    ids(rep, &pathways, "pathway");
    sources(rep, entry, &sector.sources, "sector");
}

// ------------------------------------------------------------------- center.json

pub fn campus(rep: &mut Reporter, entry: &Entry, campus: &Campus) {
    texts(rep, entry, campus);
}

pub fn session(rep: &mut Reporter, entry: &Entry, session: &Session) {
    texts(rep, entry, session);
    let hint = "write the time as HH:MM on a 24-hour clock (\"14:45\"), or null when unknown";
    let start = session.start.as_deref().map(formats::clock_time);
    let end = session.end.as_deref().map(formats::clock_time);
    if let Some(Err(problem)) = &start {
        rep.field(entry, &rel!["start"], problem.clone(), hint);
    }
    if let Some(Err(problem)) = &end {
        rep.field(entry, &rel!["end"], problem.clone(), hint);
    }
    if let (Some(Ok(start)), Some(Ok(end))) = (start, end)
        && end <= start
    {
        rep.field(
            entry,
            &rel!["end"],
            "the session ends before it starts".into(),
            "check the times: end must be later than start",
        );
    }
}

pub fn contact(rep: &mut Reporter, entry: &Entry, contact: &Contact) {
    texts(rep, entry, contact);
    if contact.phone.trim().is_empty() {
        rep.field(
            entry,
            &rel!["phone"],
            "the phone number is empty".into(),
            "write the number students or parents should call",
        );
    }
}

/// The center's own fields: texts, application link and window, sources.
pub fn center(rep: &mut Reporter, center: &Center) {
    let file = Entry::file();
    texts(rep, &file, center);
    let url = &center.application.url;
    match formats::https_url(url) {
        Err(problem) => rep.field(
            &file,
            &rel!["application", "url"],
            problem,
            "use the https:// address of the online application",
        ),
        Ok(()) => {
            if let Err(problem) = crate::qr::check_fits_small_screen(url) {
                rep.field(
                    &file,
                    &rel!["application", "url"],
                    problem,
                    "use a shorter address for the application (for example the center's home page)",
                );
            }
        }
    }
    window(rep, &file, &center.application.window);
    sources(rep, &file, &center.sources, "center");
}

fn window(rep: &mut Reporter, file: &Entry, window: &ApplicationWindow) {
    for (key, md) in [("opens", window.opens), ("closes", window.closes)] {
        if let Err(problem) = formats::month_day(md.month, md.day) {
            rep.field(
                file,
                &rel!["application", "window", key],
                problem,
                "use a real month (1-12) and day of that month",
            );
        }
    }
    let mut years = BTreeSet::new();
    for (i, exact) in window.exact.iter().enumerate() {
        let at = |key: &str| rel!["application", "window", "exact", i, key];
        if let Err(problem) = formats::school_year(&exact.school_year) {
            rep.field(
                file,
                &at("school_year"),
                problem,
                "write the school year as \"2026-27\"",
            );
        } else if !years.insert(exact.school_year.as_str()) {
            rep.field(
                file,
                &at("school_year"),
                format!("school year {} has two windows", exact.school_year),
                "keep one window per school year",
            );
        }
        // The same parser the Apply screen uses, so a date that passes here is one the
        // kiosk can show.
        let hint = "opens and closes are the first and last days applications are accepted";
        let opens = crate::apply::parse_date(&exact.opens);
        let closes = crate::apply::parse_date(&exact.closes);
        if let Err(problem) = &opens {
            rep.field(file, &at("opens"), problem.clone(), hint);
        }
        if let Err(problem) = &closes {
            rep.field(file, &at("closes"), problem.clone(), hint);
        }
        if let (Ok(opens), Ok(closes)) = (opens, closes)
            && closes < opens
        {
            rep.field(
                file,
                &at("closes"),
                format!(
                    "the window closes ({}) before it opens ({})",
                    exact.closes, exact.opens
                ),
                "check the dates: closes is the last day applications are accepted",
            );
        }
    }
}

// ------------------------------------------------------------------- quiz.json

pub fn quiz_item(rep: &mut Reporter, entry: &Entry, item: &QuizItem) {
    texts(rep, entry, item);
}

pub fn tile(rep: &mut Reporter, entry: &Entry, tile: &Tile, known: &Known) {
    texts(rep, entry, tile);
    if tile.interest_areas.is_empty() {
        rep.field(
            entry,
            &rel!["interest_areas"],
            "the tile stands for no interest area".into(),
            "list the interest-area ids from quiz.json that this tile stands for",
        );
    }
    if let Some(areas) = &known.interest_areas {
        for (i, area) in tile.interest_areas.iter().enumerate() {
            if !areas.contains(area) {
                rep.field(
                    entry,
                    &rel!["interest_areas", i],
                    format!("interest area '{area}' is not defined in quiz.json"),
                    "use an id from the interest_areas list in quiz.json",
                );
            }
        }
    }
}

pub fn interest_area(rep: &mut Reporter, entry: &Entry, area: &InterestArea) {
    if area.onet_name.trim().is_empty() {
        rep.field(
            entry,
            &rel!["onet_name"],
            "the O*NET name is empty".into(),
            "write the O*NET Specific Interest Area name, e.g. \"Mechanics/Electronics\"",
        );
    }
}

pub fn weights(rep: &mut Reporter, weights: &QuizWeights) {
    let file = Entry::file();
    let all = [
        ("riasec", weights.riasec),
        ("tiles", weights.tiles),
        ("items", weights.items),
        ("choice", weights.choice),
        ("close_margin", weights.close_margin),
    ];
    for (key, value) in all {
        if !value.is_finite() || value < 0.0 {
            rep.field(
                &file,
                &rel!["weights", key],
                format!("{value:?} is not a usable weight"),
                "use a number of 0 or more",
            );
        }
    }
}
