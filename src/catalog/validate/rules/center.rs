//! center.json: campuses, sessions and contacts entry by entry, then the center's own
//! texts, the application link and window, and its sources.

use std::collections::BTreeSet;

use super::{Texts, sources, texts};
use crate::catalog::model::{ApplicationWindow, Campus, Center, Contact, Session, Text};
use crate::catalog::validate::formats;
use crate::catalog::validate::report::{Entry, Reporter, rel};
use crate::jsonloc::Seg;

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
    crate::catalog::validate::figures::center(rep, &file, center);
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
