//! Why a program was recommended: the largest honest contributions to its score, chosen so
//! that no two programs shown together give the same reason.

use std::collections::BTreeSet;

use super::items::{ItemMatch, Liking, QuoteRule, evidence_norm};
use super::shape::{Shape, centred_program, high_areas};
use super::tiles::tile_matches;
use super::{Answers, Reason};
use crate::catalog::{Program, Quiz, Tile};

/// Everything the reasons of one program may be built from.
pub(super) struct Evidence<'a> {
    pub quiz: &'a Quiz,
    pub answers: &'a Answers,
    pub shape: &'a Shape,
    pub liking: &'a Liking,
    pub tiles: &'a [&'a Tile],
}

/// Every honest reason for one program, largest contribution to its score first: a picked
/// tile naming one of the program's interest areas, or an item answered 4 or 5, liked more
/// than the student's level for it ([`Liking`]), that the [`QuoteRule`] allows for this
/// program. An item's
/// contribution is its share of the item evidence plus, when its RIASEC area is one of the
/// program's high areas, its share of the shape's correlation.
pub(super) fn candidates(ev: &Evidence, program: &Program, matches: &[ItemMatch]) -> Vec<Reason> {
    let weights = ev.quiz.weights;
    // (contribution, order in which ties are kept, reason)
    let mut found: Vec<(f64, usize, Reason)> = Vec::new();
    for tile in ev.tiles {
        if tile_matches(tile, program) {
            found.push((
                weights.tiles / (ev.tiles.len() as f64).sqrt(),
                found.len(),
                Reason::PickedTile {
                    tile: tile.id.clone(),
                },
            ));
        }
    }
    let high = high_areas(program);
    let (centred, norm) = centred_program(program, ev.shape);
    let shape = ev.shape;
    let has_shape = shape.confidence > 0.0 && norm > 0.0 && shape.norm > 0.0;
    let rule = QuoteRule::new(ev.quiz, program);
    for (i, item) in ev.quiz.items.iter().enumerate() {
        let Some(&v) = ev.answers.items.get(&item.id) else {
            continue;
        };
        let Some(lift) = ev.liking.lift(i) else {
            continue;
        };
        if !(4..=5).contains(&v) || lift <= 0.0 || !rule.allows(item, program) {
            continue;
        }
        let mut contribution = 0.0;
        if let Some(m) = matches.iter().find(|m| m.item == i) {
            contribution += weights.items * m.strength * lift / evidence_norm(matches);
        }
        let a = item.area.index();
        if has_shape && high[a] && shape.counts[a] > 0 {
            // This item's share of the correlation's numerator, scaled like the score.
            let share = (f64::from(v) - shape.mean) / shape.counts[a] as f64 * centred[a]
                / (shape.norm * norm);
            contribution += (weights.riasec * shape.confidence * share).max(0.0);
        }
        found.push((
            contribution,
            found.len(),
            Reason::LikedItem {
                item: item.id.clone(),
                strongly: v == 5,
            },
        ));
    }
    found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    found.into_iter().map(|(_, _, r)| r).collect()
}

/// One or two reasons from `candidates` (largest first) whose set no program shown earlier
/// on the same screen used: preferably the largest with the largest of the other kind ("you
/// picked X and liked Y" tells a student more than two items saying the same thing), then
/// any other pair, then one reason alone. `None` when every choice is taken.
pub(super) fn choose(candidates: &[Reason], used: &[BTreeSet<Reason>]) -> Option<Vec<Reason>> {
    let is_tile = |r: &Reason| matches!(r, Reason::PickedTile { .. });
    let mut options: Vec<Vec<usize>> = Vec::new();
    if let Some(first) = candidates.first() {
        let partner = candidates
            .iter()
            .position(|r| is_tile(r) != is_tile(first))
            .or((candidates.len() > 1).then_some(1));
        options.extend(partner.map(|p| vec![0, p]));
    }
    for i in 0..candidates.len() {
        for j in i + 1..candidates.len() {
            options.push(vec![i, j]);
        }
    }
    options.extend((0..candidates.len()).map(|i| vec![i]));
    options.into_iter().find_map(|option| {
        let set: BTreeSet<Reason> = option.iter().map(|&i| candidates[i].clone()).collect();
        (!used.contains(&set)).then(|| option.iter().map(|&i| candidates[i].clone()).collect())
    })
}
