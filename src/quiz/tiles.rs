//! Stage B's tiles as evidence for a program: picked tiles naming one of its interest areas
//! count for it, its tiles left unpicked count a little against it.

use super::Answers;
use crate::catalog::{Program, Quiz, Tile};

/// The most tiles a student may pick: choosing three says more than ticking everything, and
/// keeps the quiz within its two-minute budget of 26 inputs (items + 3 tiles + "done" +
/// Stage C).
pub const MAX_TILES: usize = 3;

/// How much a tile naming one of the program's areas that the student left unpicked counts
/// against it, relative to a picked one counting for it.
pub const UNPICKED_PENALTY: f64 = 0.45;

/// Whether a tile names one of the program's interest areas.
pub fn tile_matches(tile: &Tile, program: &Program) -> bool {
    program
        .interest_areas
        .iter()
        .any(|area| tile.interest_areas.contains(area))
}

/// Tile evidence for one program (see the module doc of [`crate::quiz`]): picked tiles naming
/// its areas count for it, its tiles left unpicked count [`UNPICKED_PENALTY`] against it, over
/// √(tiles picked). No tile picked at all says nothing, so it is 0 for every program. (Every
/// area of a program counts alike here: in the simulations a smaller weight for its later
/// areas, as the items have, cost recovery.)
pub(super) fn tile_evidence(quiz: &Quiz, picked: &[&Tile], program: &Program) -> f64 {
    if picked.is_empty() {
        return 0.0;
    }
    let for_it = picked.iter().filter(|t| tile_matches(t, program)).count() as f64;
    let all = quiz
        .tiles
        .iter()
        .filter(|t| tile_matches(t, program))
        .count() as f64;
    (for_it - UNPICKED_PENALTY * (all - for_it)) / (picked.len() as f64).sqrt()
}

/// The picked tiles that exist in the quiz, in quiz order.
pub(super) fn picked_tiles<'a>(quiz: &'a Quiz, answers: &Answers) -> Vec<&'a Tile> {
    quiz.tiles
        .iter()
        .filter(|t| answers.tiles.contains(&t.id))
        .collect()
}
