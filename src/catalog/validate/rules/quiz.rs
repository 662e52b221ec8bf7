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

/// An item's text, and the interest areas it speaks for: ids from quiz.json's own list,
/// or the item could never count for (or be quoted for) a program.
pub fn quiz_item(rep: &mut Reporter, entry: &Entry, item: &QuizItem, known: &Known) {
    texts(rep, entry, item);
    references(
        rep,
        entry,
        "interest_areas",
        &item.interest_areas,
        known.interest_areas(),
    );
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

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::catalog::load::BUNDLED;

    /// Both the fast path and the located path run this rule: the bundled catalog with one
    /// item's area renamed must be refused, with the item and field named.
    #[test]
    fn an_item_naming_an_unknown_interest_area_is_located() {
        let [center, sectors, programs, (quiz_name, quiz)] = BUNDLED;
        let broken = quiz.replacen("\"animal_service\"\n      ]", "\"pets\"\n      ]", 1);
        assert_ne!(broken, quiz, "the bundled quiz's first animal item moved");
        let errors = Catalog::from_texts([center, sectors, programs, (quiz_name, &broken)])
            .unwrap_err()
            .to_string();
        assert!(
            errors.contains("quiz.json:")
                && errors.contains("quiz item 'i_animal'")
                && errors.contains("field 'interest_areas[0]'")
                && errors.contains("unknown interest area 'pets'"),
            "{errors}"
        );
    }
}
