//! Stage A's items as evidence for a program's interest areas: each item names the O*NET
//! interest areas it speaks for (`quiz.json`), so liking "figure out why a sick dog won't eat"
//! counts for the programs whose areas include Animal Service, and only those may quote it.

use super::Answers;
use super::shape::{Shape, high_areas, valid_value};
use crate::catalog::{Program, Quiz, QuizItem};

/// Whether an item speaks for the program: it names one of the program's interest areas.
pub fn item_matches(item: &QuizItem, program: &Program) -> bool {
    program
        .interest_areas
        .iter()
        .any(|area| item.interest_areas.contains(area))
}

/// Which items a reason may quote for one program: an item that speaks for one of the
/// program's areas, or, only for a program that no item of the quiz speaks for, an item whose
/// RIASEC area is one of the program's high areas. Never an item about something else.
pub(super) struct QuoteRule {
    any_item_speaks: bool,
    high: [bool; 6],
}

impl QuoteRule {
    pub(super) fn new(quiz: &Quiz, program: &Program) -> Self {
        QuoteRule {
            any_item_speaks: quiz.items.iter().any(|i| item_matches(i, program)),
            high: high_areas(program),
        }
    }

    pub(super) fn allows(&self, item: &QuizItem, program: &Program) -> bool {
        item_matches(item, program) || (!self.any_item_speaks && self.high[item.area.index()])
    }
}

/// The student's answers in quiz order and, per item, the level it is liked more (or less)
/// than: this student's average answer, leaning [`AREA_SHARE`] toward their average over the
/// items of the item's RIASEC area. The shape already counts how much a student likes a whole
/// area, so an item's evidence is mostly what it says beyond its area: a student who likes
/// every hands-on item says nothing in particular by liking "fix a car", while one who likes
/// "style hair" more than the other art items does.
pub(super) struct Liking {
    /// 1..=5 per item in quiz order; `None` when skipped (or out of range).
    values: Vec<Option<f64>>,
    /// Per item in quiz order: the level its lift is measured from.
    levels: Vec<f64>,
}

/// How much of the level an item's lift is measured from is the student's average over the
/// answered items of the item's RIASEC area (with at least two answered), the rest being
/// their average over all items. Set on the self-consistency simulations and the tuning
/// personas (0.3: top 3 at noise sd 0.75 from 94.8% to 95.3% with 400 students a program,
/// the personas' figures unchanged); 1 would leave an item liked as much as its area nothing.
pub const AREA_SHARE: f64 = 0.3;

impl Liking {
    /// `shape` is the student's, from the same answers: its area scores are the averages
    /// the levels lean toward.
    pub(super) fn new(quiz: &Quiz, answers: &Answers, shape: &Shape) -> Self {
        let values: Vec<Option<f64>> = quiz
            .items
            .iter()
            .map(|item| {
                answers
                    .items
                    .get(&item.id)
                    .filter(|v| valid_value(**v))
                    .map(|&v| f64::from(v))
            })
            .collect();
        let answered: Vec<f64> = values.iter().flatten().copied().collect();
        let overall = if answered.is_empty() {
            0.0
        } else {
            answered.iter().sum::<f64>() / answered.len() as f64
        };
        let levels = quiz
            .items
            .iter()
            .map(|item| {
                let area = item.area.index();
                let area_level = match shape.scores[area] {
                    Some(score) if shape.counts[area] >= 2 => score,
                    _ => overall,
                };
                AREA_SHARE * area_level + (1.0 - AREA_SHARE) * overall
            })
            .collect();
        Liking { values, levels }
    }

    /// How much more than its level (see [`Liking`]) the student liked item `i`, in steps of
    /// two points of the 1–5 scale (so −2..2); `None` when skipped.
    pub(super) fn lift(&self, i: usize) -> Option<f64> {
        let value = self.values.get(i).copied().flatten()?;
        self.levels.get(i).map(|level| (value - level) / 2.0)
    }
}

/// How much an item naming only a later interest area of a program counts, next to one
/// naming its main (first) area: "draw characters and animate them" is the core of 3D
/// Animation and a side of Video Production, which share both areas.
pub const LATER_AREA_STRENGTH: f64 = 0.5;

/// An answered item that speaks for a program.
#[derive(Debug, Clone, Copy)]
pub(super) struct ItemMatch {
    /// Index in `quiz.items`.
    pub item: usize,
    /// See [`Liking::lift`].
    pub lift: f64,
    /// 1 when the item names the program's main area, else [`LATER_AREA_STRENGTH`].
    pub strength: f64,
}

/// The answered items that speak for the program, in quiz order.
pub(super) fn matching_items(quiz: &Quiz, liking: &Liking, program: &Program) -> Vec<ItemMatch> {
    let main = program.interest_areas.first();
    quiz.items
        .iter()
        .enumerate()
        .filter(|(_, item)| item_matches(item, program))
        .filter_map(|(i, item)| {
            let strength = if main.is_some_and(|m| item.interest_areas.contains(m)) {
                1.0
            } else {
                LATER_AREA_STRENGTH
            };
            liking.lift(i).map(|lift| ItemMatch {
                item: i,
                lift,
                strength,
            })
        })
        .collect()
}

/// The divisor of [`item_evidence`]: √(Σ strength²), so that under answers given at random
/// every program's evidence varies alike, however many items speak for it.
pub(super) fn evidence_norm(matches: &[ItemMatch]) -> f64 {
    matches
        .iter()
        .map(|m| m.strength.powi(2))
        .sum::<f64>()
        .sqrt()
}

/// Item evidence for one program: the lifts of the answered items that speak for it, each
/// times its strength, over [`evidence_norm`]. 0 when no answered item speaks for it, and for
/// every program when all answers are the same (no item is liked more than another).
pub(super) fn item_evidence(matches: &[ItemMatch]) -> f64 {
    let norm = evidence_norm(matches);
    if norm == 0.0 {
        0.0
    } else {
        matches.iter().map(|m| m.strength * m.lift).sum::<f64>() / norm
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Area, Catalog};
    use crate::quiz::shape::student_shape;

    /// The lift of `item` when the student answered `answers` (item id → 1..=5).
    fn lift_of(quiz: &Quiz, answers: &[(&str, u8)], item: &str) -> f64 {
        let answers = Answers {
            items: answers.iter().map(|&(id, v)| (id.to_string(), v)).collect(),
            ..Answers::default()
        };
        let i = quiz.items.iter().position(|q| q.id == item).unwrap();
        let shape = student_shape(quiz, &answers);
        Liking::new(quiz, &answers, &shape).lift(i).unwrap()
    }

    #[test]
    fn an_item_is_liked_against_the_student_and_a_share_of_its_area() {
        let quiz = Catalog::bundled().unwrap().quiz;
        let realistic: Vec<&str> = quiz
            .items
            .iter()
            .filter(|i| i.area == Area::R)
            .map(|i| i.id.as_str())
            .collect();
        assert!(realistic.len() >= 3 && realistic.contains(&"r_car"));
        let others = quiz.items.iter().filter(|i| i.area != Area::R);
        let mut answers: Vec<(&str, u8)> = others.map(|i| (i.id.as_str(), 3)).collect();
        let mean = |values: &[(&str, u8)]| {
            values.iter().map(|&(_, v)| f64::from(v)).sum::<f64>() / values.len() as f64
        };
        // Every hands-on item loved: "fix a car" is liked only as much as its area.
        let mut all_loved = answers.clone();
        all_loved.extend(realistic.iter().map(|&id| (id, 5)));
        let level = AREA_SHARE * 5.0 + (1.0 - AREA_SHARE) * mean(&all_loved);
        assert!((lift_of(&quiz, &all_loved, "r_car") - (5.0 - level) / 2.0).abs() < 1e-12);
        // Only "fix a car" loved, the other hands-on items "unsure": it lifts more.
        let mut one_loved = answers.clone();
        one_loved.extend(
            realistic
                .iter()
                .map(|&id| (id, if id == "r_car" { 5 } else { 3 })),
        );
        let area = (5.0 + 3.0 * (realistic.len() - 1) as f64) / realistic.len() as f64;
        let level = AREA_SHARE * area + (1.0 - AREA_SHARE) * mean(&one_loved);
        let lift = lift_of(&quiz, &one_loved, "r_car");
        assert!((lift - (5.0 - level) / 2.0).abs() < 1e-12);
        assert!(lift > lift_of(&quiz, &all_loved, "r_car"));
        // The only answered item of its area is measured from the student's average.
        answers.push(("r_car", 5));
        let level = mean(&answers);
        assert!((lift_of(&quiz, &answers, "r_car") - (5.0 - level) / 2.0).abs() < 1e-12);
    }
}
