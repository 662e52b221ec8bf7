//! The student's RIASEC shape: area scores, how far they can be trusted (spread ×
//! consistency), and their correlation with a program's O*NET profile. See the module doc of
//! [`crate::quiz`] for the formula.

use super::Answers;
use crate::catalog::{Program, Quiz};

/// The least weight the shape keeps however inconsistent the answers (see `consistency`).
pub const CONSISTENCY_FLOOR: f64 = 0.1;
/// Spread (SD of area scores, 1–5 scale) at or below which answers are "flat": shape ignored.
pub const BROAD_SD: f64 = 0.25;
/// Spread from which the shape counts fully.
pub const FULL_SD: f64 = 0.6;
/// Assumed error variance of one answer when no area has two answered items to estimate it.
pub const PRIOR_ITEM_ERROR_VAR: f64 = 0.5;
/// Fewest answered areas for which a shape means anything.
pub const MIN_AREAS_FOR_SHAPE: usize = 3;

/// The student's RIASEC area scores and how much their shape can be trusted.
#[derive(Debug, Clone)]
pub(super) struct Shape {
    /// Mean answer per area, `None` when every item of the area was skipped.
    pub scores: [Option<f64>; 6],
    /// Answered items per area.
    pub counts: [usize; 6],
    /// Mean of the answered areas' scores.
    pub mean: f64,
    /// Square root of the sum of squared deviations (the Pearson denominator's half).
    pub norm: f64,
    /// 0..=1, see the module doc.
    pub confidence: f64,
}

pub(super) fn valid_value(v: u8) -> bool {
    (1..=5).contains(&v)
}

pub(super) fn student_shape(quiz: &Quiz, answers: &Answers) -> Shape {
    let mut values: [Vec<f64>; 6] = Default::default();
    for item in &quiz.items {
        if let Some(&v) = answers.items.get(&item.id).filter(|v| valid_value(**v)) {
            values[item.area.index()].push(f64::from(v));
        }
    }
    let counts: [usize; 6] = std::array::from_fn(|a| values[a].len());
    let scores: [Option<f64>; 6] = std::array::from_fn(|a| {
        (counts[a] > 0).then(|| values[a].iter().sum::<f64>() / counts[a] as f64)
    });
    let answered: Vec<f64> = scores.iter().flatten().copied().collect();
    if answered.len() < MIN_AREAS_FOR_SHAPE {
        return Shape {
            scores,
            counts,
            mean: 0.0,
            norm: 0.0,
            confidence: 0.0,
        };
    }
    let n = answered.len() as f64;
    let mean = answered.iter().sum::<f64>() / n;
    let sum_sq: f64 = answered.iter().map(|s| (s - mean).powi(2)).sum();
    let spread = ((sum_sq / n).sqrt() - BROAD_SD) / (FULL_SD - BROAD_SD);
    // Consistency counts squared: an area's items are about different things (cars, welding,
    // flying, cooking), so even answers tapped at random look half consistent now and then;
    // squared, such sheets do not choose by shape (unsquared, the spikiest profiles took over
    // twice their share of first places on random sheets).
    let confidence = spread.clamp(0.0, 1.0) * consistency(&values, sum_sq / (n - 1.0)).powi(2);
    Shape {
        scores,
        counts,
        mean,
        norm: sum_sq.sqrt(),
        confidence,
    }
}

/// Share (0..=1) of the differences between areas that is not explained by the items of an
/// area disagreeing with each other: (between-area variance − expected error variance) /
/// between-area variance, the error estimated from the within-area spread of the answers.
/// Consistent answers give ≈ 1; answers given at random ≈ [`CONSISTENCY_FLOOR`].
fn consistency(values: &[Vec<f64>; 6], between_var: f64) -> f64 {
    let within: Vec<f64> = values
        .iter()
        .filter(|v| v.len() >= 2)
        .map(|v| {
            let m = v.iter().sum::<f64>() / v.len() as f64;
            v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (v.len() - 1) as f64
        })
        .collect();
    let item_error_var = if within.is_empty() {
        PRIOR_ITEM_ERROR_VAR
    } else {
        within.iter().sum::<f64>() / within.len() as f64
    };
    let answered: Vec<usize> = values.iter().map(Vec::len).filter(|&k| k > 0).collect();
    let mean_error_var = answered
        .iter()
        .map(|&k| item_error_var / k as f64)
        .sum::<f64>()
        / answered.len() as f64;
    if between_var <= 0.0 {
        return 0.0;
    }
    let reliability = ((between_var - mean_error_var) / between_var).clamp(0.0, 1.0);
    CONSISTENCY_FLOOR + (1.0 - CONSISTENCY_FLOOR) * reliability
}

/// The program's profile centred over the areas the student answered, and its norm.
pub(super) fn centred_program(program: &Program, shape: &Shape) -> ([f64; 6], f64) {
    let profile = program.riasec.as_array();
    let used: Vec<usize> = (0..6).filter(|&a| shape.scores[a].is_some()).collect();
    if used.is_empty() {
        return ([0.0; 6], 0.0);
    }
    let mean = used.iter().map(|&a| profile[a]).sum::<f64>() / used.len() as f64;
    let mut centred = [0.0; 6];
    for &a in &used {
        centred[a] = profile[a] - mean;
    }
    let norm = used.iter().map(|&a| centred[a].powi(2)).sum::<f64>().sqrt();
    (centred, norm)
}

/// Pearson correlation between the student's and the program's profiles; 0 when undefined.
pub(super) fn correlation(shape: &Shape, program: &Program) -> f64 {
    if shape.confidence == 0.0 || shape.norm == 0.0 {
        return 0.0;
    }
    let (centred, norm) = centred_program(program, shape);
    if norm == 0.0 {
        return 0.0;
    }
    let dot: f64 = (0..6)
        .filter_map(|a| shape.scores[a].map(|s| (s - shape.mean) * centred[a]))
        .sum();
    dot / (shape.norm * norm)
}

/// Standard deviation of a program's RIASEC profile: small = a broad program.
pub(super) fn program_spread(program: &Program) -> f64 {
    let p = program.riasec.as_array();
    let mean = p.iter().sum::<f64>() / 6.0;
    (p.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / 6.0).sqrt()
}

/// The program's "high" areas: among its three highest ratings and above its own mean.
pub(super) fn high_areas(program: &Program) -> [bool; 6] {
    let p = program.riasec.as_array();
    let mean = p.iter().sum::<f64>() / 6.0;
    std::array::from_fn(|a| {
        let higher = (0..6)
            .filter(|&b| p[b] > p[a] || (p[b] == p[a] && b < a))
            .count();
        higher < 3 && p[a] > mean
    })
}
