//! Placeholder with the agreed API while the real engine is built on the `search` branch:
//! plain substring matching on names. Replaced wholesale by that branch.

use std::ops::Range;

use crate::catalog::Catalog;
use crate::i18n::Lang;

pub struct SearchIndex {
    names: Vec<[String; 2]>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub program: usize,
    pub score: i64,
    pub field: MatchField,
    pub name_highlight: Vec<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchField {
    Name,
    Keyword,
    Career,
    Pathway,
    Sector,
    Certification,
    Description,
}

impl SearchIndex {
    pub fn new(catalog: &Catalog) -> Self {
        let names = catalog
            .programs
            .iter()
            .map(|p| {
                [
                    p.name.get(Lang::En).to_lowercase(),
                    p.name.get(Lang::Es).to_lowercase(),
                ]
            })
            .collect();
        SearchIndex { names }
    }

    pub fn search(&self, query: &str, lang: Lang) -> Vec<Hit> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        let slot = if lang == Lang::En { 0 } else { 1 };
        self.names
            .iter()
            .enumerate()
            .filter_map(|(i, n)| {
                n[slot].find(&q).map(|at| Hit {
                    program: i,
                    score: 100,
                    field: MatchField::Name,
                    name_highlight: vec![at..at + q.len()],
                })
            })
            .collect()
    }
}
