//! programs.json: each program's texts, references, grades, codes, ranges and links.

use super::{Known, Texts, listed, listing, reference, references, sources, texts};
use crate::catalog::model::{Area, Program, Text};
use crate::catalog::validate::formats;
use crate::catalog::validate::report::{Entry, Reporter, rel};
use crate::jsonloc::Seg;

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

pub fn program(rep: &mut Reporter, entry: &Entry, p: &Program, known: &Known) {
    texts(rep, entry, p);
    program_references(rep, entry, p, known);
    if p.sessions.as_ref().is_some_and(Vec::is_empty) {
        rep.field(
            entry,
            &rel!["sessions"],
            "the program has no sessions".into(),
            "list when it meets, with session ids from center.json (e.g. \"am\", \"pm\"), \
             or write null when no source says",
        );
    }
    crate::catalog::validate::partner::sessions(rep, entry, p);
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

/// Campus, sessions, sector and interest areas name ids of center.json, sectors.json
/// and quiz.json; the pathway must be one of its sector's.
fn program_references(rep: &mut Reporter, entry: &Entry, p: &Program, known: &Known) {
    // A null campus means no source says where the program is taught: not an error.
    if let Some(campus) = &p.campus {
        reference(rep, entry, &rel!["campus"], campus, known.campuses());
    }
    references(rep, entry, "sessions", p.session_ids(), known.sessions());
    reference(rep, entry, &rel!["sector"], &p.sector, known.sectors());
    let pathways = known.sectors.as_ref().and_then(|s| s.get(&p.sector));
    if let Some(pathways) = pathways
        && !pathways.contains(&p.pathway)
    {
        rep.field(
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
        );
    }
    references(
        rep,
        entry,
        "interest_areas",
        &p.interest_areas,
        known.interest_areas(),
    );
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
