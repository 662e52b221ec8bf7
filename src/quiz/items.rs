//! Stage A's items as evidence for a program's interest areas: each item names the O*NET
//! interest areas it speaks for (`quiz.json`), so liking "figure out why a sick dog won't eat"
//! counts for the programs whose areas include Animal Service, and only those may quote it.

use super::Answers;
use super::shape::{high_areas, valid_value};
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

/// The student's answers in quiz order and their own average level, so that "liked" means
/// liked more than this student likes things in general.
pub(super) struct Liking {
    /// 1..=5 per item in quiz order; `None` when skipped (or out of range).
    values: Vec<Option<f64>>,
    /// Mean of the answered items; 0 when nothing was answered.
    level: f64,
}

impl Liking {
    pub(super) fn new(quiz: &Quiz, answers: &Answers) -> Self {
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
        let level = if answered.is_empty() {
            0.0
        } else {
            answered.iter().sum::<f64>() / answered.len() as f64
        };
        Liking { values, level }
    }

    /// How much more than their own average the student liked item `i`, in steps of two
    /// points of the 1–5 scale (so −2..2); `None` when skipped.
    pub(super) fn lift(&self, i: usize) -> Option<f64> {
        self.values
            .get(i)
            .copied()
            .flatten()
            .map(|v| (v - self.level) / 2.0)
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
