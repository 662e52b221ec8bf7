//! Why a program was recommended: the largest honest contributions to its score.

use super::Answers;
use super::Reason;
use super::shape::{Shape, centred_program, high_areas};
use super::tiles::tile_matches;
use crate::catalog::{Program, Quiz, Tile};

/// The 0..=2 largest honest contributions to one program's score (see the module doc).
pub(super) fn reasons(
    quiz: &Quiz,
    answers: &Answers,
    shape: &Shape,
    tiles: &[&Tile],
    program: &Program,
) -> Vec<Reason> {
    let weights = quiz.weights;
    // (contribution, order in which ties are kept, reason)
    let mut found: Vec<(f64, usize, Reason)> = Vec::new();
    for tile in tiles {
        if tile_matches(tile, program) {
            found.push((
                weights.tiles / (tiles.len() as f64).sqrt(),
                found.len(),
                Reason::PickedTile {
                    tile: tile.id.clone(),
                },
            ));
        }
    }
    let high = high_areas(program);
    let (centred, norm) = centred_program(program, shape);
    if shape.confidence > 0.0 && norm > 0.0 && shape.norm > 0.0 {
        for item in &quiz.items {
            let a = item.area.index();
            let Some(&v) = answers.items.get(&item.id) else {
                continue;
            };
            if !(4..=5).contains(&v) || !high[a] || shape.counts[a] == 0 {
                continue;
            }
            // This item's share of the correlation's numerator, scaled like the score.
            let share = (f64::from(v) - shape.mean) / shape.counts[a] as f64 * centred[a]
                / (shape.norm * norm);
            let contribution = weights.riasec * shape.confidence * share;
            if contribution > 0.0 {
                found.push((
                    contribution,
                    found.len(),
                    Reason::LikedItem {
                        item: item.id.clone(),
                        strongly: v == 5,
                    },
                ));
            }
        }
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut found: Vec<Reason> = found.into_iter().map(|(_, _, r)| r).collect();
    // The largest contribution, then the largest of the other kind when there is one: "you
    // picked X and liked Y" tells a student more than two items that say the same thing.
    let is_tile = |r: &Reason| matches!(r, Reason::PickedTile { .. });
    if let Some(first) = found.first().map(is_tile)
        && let Some(other) = found.iter().position(|r| is_tile(r) != first)
    {
        let second = found.remove(other);
        found.insert(1, second);
    }
    found.truncate(2);
    found
}
