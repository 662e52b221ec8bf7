//! The catalog's data model: what `catalog/*.json` holds, as serde types.
//!
//! Every struct denies unknown fields so a typo in a center's JSON is an error with a
//! location, not a silently ignored key. Text a student reads is a [`Text`] with English
//! and Spanish; facts nobody has confirmed are `Option`s that stay `None` ("Ask a Career
//! Technician" on screen), never guessed.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// Student-visible text in both languages. `es` may be missing while a center
/// translates; `check` lists every id whose Spanish is missing, and the screen falls
/// back to English rather than showing nothing.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub es: Option<String>,
}

impl Text {
    pub fn en(s: &str) -> Self {
        Text {
            en: s.to_string(),
            es: None,
        }
    }

    /// The text in `lang`, falling back to English when the translation is missing.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Es => self
                .es
                .as_deref()
                .filter(|s| !s.trim().is_empty())
                .unwrap_or(&self.en),
        }
    }

    /// Both languages, for search and validation.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.en.as_str()).chain(self.es.as_deref())
    }
}

/// The whole catalog, validated as one unit: the kiosk never runs on part of one.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub center: Center,
    pub sectors: Vec<Sector>,
    pub programs: Vec<Program>,
    pub quiz: Quiz,
}

// ---------------------------------------------------------------- center.json

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Center {
    /// Full name, e.g. "Kern High School District ROC and CTEC".
    pub name: Text,
    /// Short name for headers, e.g. "ROC + CTEC".
    pub short_name: Text,
    /// One or two sentences for the attract screen.
    pub tagline: Text,
    pub campuses: Vec<Campus>,
    pub sessions: Vec<Session>,
    pub eligibility: Eligibility,
    pub application: Application,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Center-wide figures a student sees on Home, with their source.
    #[serde(default)]
    pub figures: Option<CenterFigures>,
    /// "YYYY-MM-DD": the day the catalog's facts were last compared with their sources.
    /// `check` warns when it is more than a year old.
    pub facts_checked: String,
    pub sources: Vec<String>,
}

impl Center {
    /// The campus a program names; `None` when it names none (or an id not defined).
    pub fn campus(&self, id: Option<&str>) -> Option<&Campus> {
        let id = id?;
        self.campuses.iter().find(|c| c.id == id)
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Campus {
    pub id: String,
    /// Short name for lists ("CTEC").
    pub name: Text,
    /// Spelled out for the detail screen ("Career Technical Education Center").
    pub full_name: Text,
    /// Street address; `null` when no public source gives it.
    pub address: Option<String>,
    /// Where it is, in words ("next to Independence High School").
    pub location: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// Referenced by `programs[].sessions`: "am", "pm", "evening", "full_day".
    pub id: String,
    pub name: Text,
    /// Clock times as "HH:MM" (24 h), `null` when unknown.
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Eligibility {
    /// Who may apply ("KHSD juniors and seniors").
    pub students: Text,
    /// Adults ("by appointment with a Career Technician").
    pub adults: Text,
    /// Getting there ("a daily bus from your home school").
    pub busing: Text,
    /// "Talk to your school counselor" advice.
    pub counselor: Text,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// Where the online application is posted. https only; short enough for an 80x24 QR.
    pub url: String,
    pub window: ApplicationWindow,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationWindow {
    /// The recurring window: opens on this month/day every year...
    pub opens: MonthDay,
    /// ...and closes (last open day, inclusive) on this month/day of the next year.
    pub closes: MonthDay,
    /// True when the recurring dates are an approximation of published words
    /// ("early November to early March"); the screen then says to check the site.
    #[serde(default)]
    pub approximate: bool,
    /// Exact dates for a school year; they win over the recurring window when present.
    #[serde(default)]
    pub exact: Vec<ExactWindow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MonthDay {
    pub month: u8,
    pub day: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExactWindow {
    /// "2026-27"
    pub school_year: String,
    /// "YYYY-MM-DD", first open day.
    pub opens: String,
    /// "YYYY-MM-DD", last open day (inclusive).
    pub closes: String,
}

/// Figures about the whole center, as one public source states them. Numbers live here;
/// the sentence around them is in `i18n.rs`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CenterFigures {
    /// Programs offered across the campuses.
    pub programs: u32,
    /// Percent of the center's seniors who graduate.
    pub seniors_graduate_percent: u32,
    /// Percent of students who complete their program.
    pub program_completion_percent: u32,
    /// College credits students earned in one year ("7,900+").
    pub college_credits_in_a_year: u32,
    /// The page the figures come from.
    pub source: String,
    /// How the screen names that source, e.g. "LeadersUp, 2025".
    pub source_name: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: Text,
    pub phone: String,
    #[serde(default)]
    pub note: Option<Text>,
}

// ---------------------------------------------------------------- sectors.json

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    pub id: String,
    pub name: Text,
    pub pathways: Vec<Pathway>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Pathway {
    pub id: String,
    pub name: Text,
}

// ---------------------------------------------------------------- programs.json

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    pub id: String,
    pub name: Text,
    /// A year-long class of the center, or a program run with a partner.
    pub kind: ProgramKind,
    /// A campus id from center.json; `null` when no source says where it is taught
    /// (the screen then says "Ask a Career Technician").
    pub campus: Option<String>,
    /// A sector id from sectors.json, and one of that sector's pathway ids.
    pub sector: String,
    pub pathway: String,
    /// One line for result lists.
    pub summary: Text,
    /// A short paragraph: what you do in the program.
    pub description: Text,
    /// Example careers (from O*NET / CDE pathway pages, not KHSD claims).
    pub careers: Vec<Text>,
    /// Only what a source names; empty means "none confirmed".
    pub certifications: Vec<Text>,
    pub college_credit: Option<Text>,
    /// UC/CSU A-G approval, when a source says.
    pub a_g: Option<bool>,
    /// Session ids from center.json; `null` when no source says when it meets. A partner
    /// program never lists the center's sessions.
    pub sessions: Option<Vec<String>>,
    /// 11 = junior, 12 = senior.
    pub grades: Vec<u8>,
    /// Total training hours, when a source says.
    pub hours: Option<u32>,
    pub prerequisites: Vec<Text>,
    /// Extra facts worth telling a student (internship semester, student-run café...).
    #[serde(default)]
    pub highlights: Vec<Text>,
    /// Everyday words students type, in English and Spanish ("cars", "coches").
    pub keywords: Vec<String>,
    /// O*NET-SOC codes of the target occupations.
    pub onet: Vec<String>,
    /// Mean O*NET interest ratings (1–7) of those occupations.
    pub riasec: Riasec,
    /// O*NET Specific Interest Area ids (see quiz.json `interest_areas`).
    pub interest_areas: Vec<String>,
    pub info_url: Option<String>,
    /// URLs the facts came from. Required: no program without a source.
    pub sources: Vec<String>,
}

/// What sort of program an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProgramKind {
    /// A class of the center, in its own sessions.
    Program,
    /// Run with an outside partner (e.g. a flight school), on the partner's schedule.
    Partner,
}

impl Program {
    /// The session ids listed, none when unknown.
    pub fn session_ids(&self) -> &[String] {
        self.sessions.as_deref().unwrap_or_default()
    }
}

/// Holland's six interest areas, as O*NET "OI" ratings on 1–7.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Riasec {
    #[serde(rename = "R")]
    pub r: f64,
    #[serde(rename = "I")]
    pub i: f64,
    #[serde(rename = "A")]
    pub a: f64,
    #[serde(rename = "S")]
    pub s: f64,
    #[serde(rename = "E")]
    pub e: f64,
    #[serde(rename = "C")]
    pub c: f64,
}

impl Riasec {
    pub fn as_array(&self) -> [f64; 6] {
        [self.r, self.i, self.a, self.s, self.e, self.c]
    }
}

/// One of the six RIASEC letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Area {
    R,
    I,
    A,
    S,
    E,
    C,
}

impl Area {
    pub const ALL: [Area; 6] = [Area::R, Area::I, Area::A, Area::S, Area::E, Area::C];

    pub fn index(self) -> usize {
        self as usize
    }
}

// ---------------------------------------------------------------- quiz.json

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    /// Stage A: activity items, two per RIASEC area.
    pub items: Vec<QuizItem>,
    /// Stage B: "pick any that sound fun" tiles.
    pub tiles: Vec<Tile>,
    /// O*NET Specific Interest Areas that tiles and programs refer to.
    pub interest_areas: Vec<InterestArea>,
    pub weights: QuizWeights,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct QuizItem {
    pub id: String,
    pub area: Area,
    /// An activity, phrased to complete "How would you like to ...?"
    pub text: Text,
    /// Interest-area ids this activity speaks for (see `interest_areas`): a liked item counts
    /// for the programs sharing one, and only those programs may quote it as a reason.
    #[serde(default)]
    pub interest_areas: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Tile {
    pub id: String,
    pub label: Text,
    /// Interest-area ids this tile stands for.
    pub interest_areas: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct InterestArea {
    pub id: String,
    /// The O*NET name, e.g. "Mechanics/Electronics".
    pub onet_name: String,
}

/// How the three kinds of evidence add up; documented in the README.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct QuizWeights {
    /// Multiplies the RIASEC shape correlation (−1..1).
    pub riasec: f64,
    /// Added per picked tile that shares an interest area with the program.
    pub tiles: f64,
    /// Multiplies the evidence of the items that speak for the program's interest areas
    /// (0 when absent: the items then count only through the RIASEC shape).
    #[serde(default)]
    pub items: f64,
    /// Added to the program chosen in Stage C.
    pub choice: f64,
    /// Stage C is asked when #1 and #2 are closer than this.
    pub close_margin: f64,
}
