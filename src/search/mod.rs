//! Program search: what a student types → ranked programs with name highlights.
//!
//! # How it works
//! At [`SearchIndex::new`] every searchable text of every program (both languages) is
//! folded (see [`crate::text`]) and cut into words. Distinct words form a sorted
//! *vocabulary*; each word lists the programs and fields it appears in ([`index`]). A
//! query is folded, cut into words ([`query`]), and each query word is compared with the
//! vocabulary once, not with every program, so a keystroke costs about the same for 25
//! programs as for thousands.
//!
//! A query word matches a vocabulary word in one of these ways, best first
//! ([`classify`]): exact, a plural stripped ("animales" → "animal"), a prefix (the
//! student is still typing), another ending ("nurse" → "nursing"), and — only when the
//! word matched nothing better outside descriptions — a typo pass: Skim fuzzy matching
//! (one [`SkimMatcherV2`], for dropped letters: "cosmetolgy", "vetrinary") and a small
//! edit distance (for swapped or wrong letters: "culinery", "dentel"). The typo pass
//! never looks at descriptions, where permissive matching finds noise in every
//! paragraph. Every match starts at the start of a word, never inside one ("cars" does
//! not find "sacar sangre"), and a typo matches a whole word of 4+ letters or the first
//! 5+ letters of a longer one.
//!
//! Each match has a quality in 0..=1; times the field's weight (name highest,
//! description lowest) it gives the word's score for that program ([`rank`]). Every word
//! of the query must match somewhere ("vet animals" needs both); filler words ("the",
//! "with", "quiero") are dropped or optional. A program's score is the sum of its words'
//! best scores, plus a little for each other field the word also matched (a program that
//! is about the word in several places beats one that mentions it once). Ties keep
//! catalog order.

mod classify;
mod index;
mod query;
mod rank;
mod words;

#[cfg(test)]
mod engine_tests;

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::i18n::Lang;

pub use query::is_stop_word;

/// Longest query considered, in chars: a 10 KB paste must not stall the kiosk. The
/// kiosk's search box holds the same number, so it is the one limit for both.
pub const MAX_QUERY_CHARS: usize = 60;

/// The part of a program that gave a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchField {
    Name,
    Keyword,
    Career,
    Pathway,
    Sector,
    Certification,
    /// The description or the one-line summary.
    Description,
}

/// How many [`MatchField`]s there are: the length of per-field score arrays.
const FIELDS: usize = MatchField::ALL.len();

impl MatchField {
    const ALL: [MatchField; 7] = [
        MatchField::Name,
        MatchField::Keyword,
        MatchField::Career,
        MatchField::Pathway,
        MatchField::Sector,
        MatchField::Certification,
        MatchField::Description,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MatchField::Name => "name",
            MatchField::Keyword => "keyword",
            MatchField::Career => "career",
            MatchField::Pathway => "pathway",
            MatchField::Sector => "sector",
            MatchField::Certification => "certification",
            MatchField::Description => "description",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// How much a perfect match in this field is worth. The name is what the student
    /// is looking for; keywords are curated synonyms, nearly as good; a word that only
    /// appears in a paragraph is a weak hint.
    fn weight(self) -> f32 {
        match self {
            MatchField::Name => 100.0,
            MatchField::Keyword => 90.0,
            MatchField::Career => 60.0,
            MatchField::Pathway => 45.0,
            MatchField::Certification => 40.0,
            MatchField::Sector => 35.0,
            MatchField::Description => 20.0,
        }
    }

    /// Short, curated fields where looser matching (words run together, typos) is safe.
    fn is_short(self) -> bool {
        matches!(
            self,
            MatchField::Name | MatchField::Keyword | MatchField::Career | MatchField::Pathway
        )
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into `catalog.programs`.
    pub program: usize,
    pub score: i64,
    /// The field that gave the best match.
    pub field: MatchField,
    /// Byte ranges into `catalog.programs[program].name.get(lang)` to highlight
    /// (sorted, merged, on char boundaries).
    pub name_highlight: Vec<Range<usize>>,
}

/// The search index, built once from the catalog.
pub struct SearchIndex {
    matcher: SkimMatcherV2,
    /// Distinct folded words of all programs, sorted, so a prefix is a range.
    vocab: index::Vocab,
    /// Per program, the folded display name in English and in Spanish.
    names: index::Names,
}

impl SearchIndex {
    pub fn new(catalog: &Catalog) -> Self {
        let (vocab, names) = index::build(catalog);
        SearchIndex {
            matcher: SkimMatcherV2::default().ignore_case(),
            vocab,
            names,
        }
    }

    /// Ranked hits, best first; empty for a blank query. `lang` chooses which name the
    /// highlight spans refer to (matching always uses both languages).
    pub fn search(&self, query: &str, lang: Lang) -> Vec<Hit> {
        self.rank(query, lang, false).0
    }

    /// As [`SearchIndex::search`], but when no program matches every word, the closest
    /// programs, and how close they are. "makeup artist" then still finds Cosmetology
    /// ([`Found::SomeWords`]), "mursing" finds Nursing ([`Found::Closest`]), and the
    /// screen can say that nothing matched as typed.
    pub fn search_or_closest(&self, query: &str, lang: Lang) -> (Vec<Hit>, Found) {
        self.rank(query, lang, true)
    }
}

/// How the hits of [`SearchIndex::search_or_closest`] relate to the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Found {
    /// Every hit matches every word of the query.
    Every,
    /// No program matches every word: the hits match the most words any program does.
    SomeWords,
    /// No program matches any word as typed: the hits are one typo away, the first letter
    /// included ("mursing" → Nursing).
    Closest,
    /// Nothing is close (or the query has no words): no hits.
    #[default]
    Nothing,
}

impl Found {
    /// True when no program matches the whole query, so the hits (if any) are only the
    /// closest ones.
    pub fn is_closest(self) -> bool {
        self != Found::Every
    }
}
