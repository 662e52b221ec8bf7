//! quiz.json: items, tiles and interest areas entry by entry, then the weights.

use super::{Known, Texts, references, texts};
use crate::catalog::model::{InterestArea, QuizItem, QuizWeights, Text, Tile};
use crate::catalog::validate::report::{Entry, Reporter, rel};
use crate::jsonloc::Seg;

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
    references(
        rep,
        entry,
        "interest_areas",
        &tile.interest_areas,
        known.interest_areas(),
    );
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
