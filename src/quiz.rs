//! The interest quiz's scoring: an answer sheet in, every program ranked with reasons out.
//! Pure functions of the catalog and the answers; the screens and the `quiz` command call
//! exactly this API.
//!
//! # The quiz
//! - **Stage A**: 12 activity items, two per RIASEC area, each answered 1 (strongly dislike)
//!   to 5 (strongly like) or skipped.
//! - **Stage B**: "pick any that sound fun" tiles; each tile stands for some O*NET Specific
//!   Interest Areas (`quiz.json` `interest_areas`).
//! - **Stage C**: asked only when [`tiebreak`] says the top two programs are close: "which
//!   sounds better?" between those two.
//!
//! # How a program's score is computed
//! `score = weights.riasec × confidence × r  +  weights.tiles × tile_evidence  +  choice`
//!
//! - **r (RIASEC shape)**: each area's score is the mean of its answered items (skips are
//!   ignored). The student's six scores and the program's `riasec` (mean O*NET ratings of its
//!   target jobs) are each centred on their own mean, and `r` is their Pearson correlation
//!   (−1..1) over the areas the student answered (at least [`MIN_AREAS_FOR_SHAPE`]).
//!   Centring compares the *shape* of interests, not how many things a student likes.
//! - **confidence (0..1)** = spread × consistency.
//!   *Spread*: the standard deviation of the student's area scores. At or below [`BROAD_SD`]
//!   the answers are flat, their correlation is noise, and the shape counts 0
//!   ([`Profile::Broad`]); from [`FULL_SD`] up it counts fully; linear in between (no jump,
//!   so one changed answer cannot flip the ranking).
//!   *Consistency*: how much of the difference between areas is more than the disagreement
//!   between the two items of the same area (a reliability estimate:
//!   (between-area variance − expected error variance) / between-area variance, the error
//!   estimated from the within-area spread). Consistent answers give ≈ 1; answers tapped at
//!   random give ≈ 0, and then the shape keeps only [`CONSISTENCY_FLOOR`] of its weight, so
//!   noise does not pick a program.
//! - **tile_evidence**: each tile gets a match for the program: [`FIRST_AREA_FACTOR`] if it
//!   names the program's first (main) interest area, [`LATER_AREA_FACTOR`] if it names only a
//!   later one, 0 otherwise. Evidence = (sum of matches of the picked tiles −
//!   [`UNPICKED_PENALTY`] × sum of matches of the program's tiles left unpicked) / √(tiles
//!   picked). A student who picks every tile has said less about each one; a program whose
//!   own tiles were passed over is less likely. No tile picked at all gives 0 to every
//!   program. (The two area factors are equal: in the simulations a larger first-area factor
//!   bought no recovery and cost balance.)
//! - **choice**: `weights.choice` is added to the program picked in Stage C.
//! - Ties (e.g. nothing answered) go to the program with the flattest RIASEC profile (the
//!   broadest program), then to catalog order — never to an alphabet or a RIASEC letter order.
//!
//! # The weights in `quiz.json`
//! - `riasec`: how much the RIASEC shape counts; `r` is −1..1 so this is the most it can add.
//! - `tiles`: what one picked tile naming a program's area adds when it is the only tile
//!   picked and the program has no other tile (with n tiles picked each counts 1/√n).
//! - `choice`: added to the Stage C pick. Must exceed `close_margin` so the pick wins.
//! - `close_margin`: Stage C is asked when #1 and #2 are closer than this.
//!
//! Tuned with `tests/quiz_quality.rs` (simulated students, random sheets): riasec 1.0,
//! tiles 0.17, choice 0.3, close_margin 0.05 (Stage C is then asked of ≈ 40% of students).
//!
//! # Bands (no percentages are shown)
//! [`Band::Strong`] from [`STRONG_SCORE`], [`Band::Good`] from [`GOOD_SCORE`], else
//! [`Band::WorthALook`].
//!
//! # Reasons
//! At most two per program: the largest contribution to its score, then the largest of the
//! other kind (tile or item) when there is one, else the next largest. Only ever: a picked
//! tile that names one of the program's interest areas, or an item answered 4 or 5, above the
//! student's own average, whose area is one of the program's three highest and above its mean.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{Catalog, Program, Quiz, Tile};
use crate::i18n::Lang;

/// Tile evidence for a tile naming the program's first (main) interest area.
pub const FIRST_AREA_FACTOR: f64 = 1.0;
/// Tile evidence for a tile naming only a later interest area of the program.
pub const LATER_AREA_FACTOR: f64 = 1.0;
/// How much a tile naming one of the program's areas that the student left unpicked counts
/// against it, relative to a picked one counting for it.
pub const UNPICKED_PENALTY: f64 = 0.45;
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
/// Score from which a program is a strong match.
pub const STRONG_SCORE: f64 = 1.0;
/// Score from which a program is a good match.
pub const GOOD_SCORE: f64 = 0.5;

/// One student's answer sheet (also the `quiz --answers FILE` format).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    /// Item id → 1 (strongly dislike) ..= 5 (strongly like). Missing = skipped.
    #[serde(default)]
    pub items: BTreeMap<String, u8>,
    /// Picked tile ids.
    #[serde(default)]
    pub tiles: BTreeSet<String>,
    /// The program id picked in Stage C.
    #[serde(default)]
    pub choice: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Every program, best first.
    pub ranked: Vec<Recommendation>,
    pub profile: Profile,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    /// Index into `catalog.programs`.
    pub program: usize,
    pub score: f64,
    pub band: Band,
    /// 0..=2, largest contribution first.
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    Strong,
    Good,
    WorthALook,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// An item answered 4 (`strongly: false`) or 5 (`strongly: true`).
    LikedItem {
        item: String,
        strongly: bool,
    },
    PickedTile {
        tile: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Normal,
    /// Answers too flat (or too few areas answered) to show a shape: the ranking leans on tiles.
    Broad,
    /// Every answered item was a dislike (1–2) and no tile was picked.
    AllDislike,
    /// Nothing answered and no tile picked.
    Empty,
}

/// The student's RIASEC area scores and how much their shape can be trusted.
#[derive(Debug, Clone)]
struct Shape {
    /// Mean answer per area, `None` when every item of the area was skipped.
    scores: [Option<f64>; 6],
    /// Answered items per area.
    counts: [usize; 6],
    /// Mean of the answered areas' scores.
    mean: f64,
    /// Square root of the sum of squared deviations (the Pearson denominator's half).
    norm: f64,
    /// 0..=1, see the module doc.
    confidence: f64,
}

fn valid_value(v: u8) -> bool {
    (1..=5).contains(&v)
}

fn shape(quiz: &Quiz, answers: &Answers) -> Shape {
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
    let confidence = spread.clamp(0.0, 1.0) * consistency(&values, sum_sq / (n - 1.0));
    Shape {
        scores,
        counts,
        mean,
        norm: sum_sq.sqrt(),
        confidence,
    }
}

/// Share (0..=1) of the differences between areas that is not explained by the two items of
/// an area disagreeing with each other: (between-area variance − expected error variance) /
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
fn centred_program(program: &Program, shape: &Shape) -> ([f64; 6], f64) {
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
fn correlation(shape: &Shape, program: &Program) -> f64 {
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

/// How well one tile matches a program's interest areas (see the module doc).
pub fn tile_match(tile: &Tile, program: &Program) -> f64 {
    program
        .interest_areas
        .iter()
        .enumerate()
        .filter(|(_, area)| tile.interest_areas.contains(area))
        .map(|(i, _)| {
            if i == 0 {
                FIRST_AREA_FACTOR
            } else {
                LATER_AREA_FACTOR
            }
        })
        .fold(0.0, f64::max)
}

/// Tile evidence for one program (see the module doc): picked tiles naming its areas count
/// for it, its tiles left unpicked count [`UNPICKED_PENALTY`] against it, over √(tiles picked).
/// No tile picked at all says nothing, so it is 0 for every program.
fn tile_evidence(quiz: &Quiz, picked: &[&Tile], program: &Program) -> f64 {
    if picked.is_empty() {
        return 0.0;
    }
    let for_it: f64 = picked.iter().map(|t| tile_match(t, program)).sum();
    let all: f64 = quiz.tiles.iter().map(|t| tile_match(t, program)).sum();
    (for_it - UNPICKED_PENALTY * (all - for_it)) / (picked.len() as f64).sqrt()
}

/// The picked tiles that exist in the quiz, in quiz order.
fn picked_tiles<'a>(quiz: &'a Quiz, answers: &Answers) -> Vec<&'a Tile> {
    quiz.tiles
        .iter()
        .filter(|t| answers.tiles.contains(&t.id))
        .collect()
}

/// Standard deviation of a program's RIASEC profile: small = a broad program.
fn program_spread(program: &Program) -> f64 {
    let p = program.riasec.as_array();
    let mean = p.iter().sum::<f64>() / 6.0;
    (p.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / 6.0).sqrt()
}

/// The program's "high" areas: among its three highest ratings and above its own mean.
fn high_areas(program: &Program) -> [bool; 6] {
    let p = program.riasec.as_array();
    let mean = p.iter().sum::<f64>() / 6.0;
    std::array::from_fn(|a| {
        let higher = (0..6)
            .filter(|&b| p[b] > p[a] || (p[b] == p[a] && b < a))
            .count();
        higher < 3 && p[a] > mean
    })
}

fn classify(quiz: &Quiz, answers: &Answers, shape: &Shape, tiles_picked: usize) -> Profile {
    let answered: Vec<u8> = quiz
        .items
        .iter()
        .filter_map(|i| answers.items.get(&i.id).copied())
        .filter(|v| valid_value(*v))
        .collect();
    if answered.is_empty() && tiles_picked == 0 {
        Profile::Empty
    } else if tiles_picked == 0 && answered.iter().all(|&v| v <= 2) {
        Profile::AllDislike
    } else if shape.confidence == 0.0 {
        Profile::Broad
    } else {
        Profile::Normal
    }
}

fn band(score: f64) -> Band {
    if score >= STRONG_SCORE {
        Band::Strong
    } else if score >= GOOD_SCORE {
        Band::Good
    } else {
        Band::WorthALook
    }
}

/// Ranks every program for this answer sheet. Unknown ids and out-of-range values are
/// ignored here (see [`validate_answers`]); never panics.
pub fn recommend(catalog: &Catalog, answers: &Answers) -> Outcome {
    let quiz = &catalog.quiz;
    let weights = quiz.weights;
    let shape = shape(quiz, answers);
    let tiles = picked_tiles(quiz, answers);
    let profile = classify(quiz, answers, &shape, tiles.len());

    let mut ranked: Vec<Recommendation> = catalog
        .programs
        .iter()
        .enumerate()
        .map(|(index, program)| {
            let r = correlation(&shape, program);
            let evidence = tile_evidence(quiz, &tiles, program);
            let chosen = answers.choice.as_deref() == Some(program.id.as_str());
            let score = weights.riasec * shape.confidence * r
                + weights.tiles * evidence
                + if chosen { weights.choice } else { 0.0 };
            Recommendation {
                program: index,
                score,
                band: band(score),
                reasons: reasons(quiz, answers, &shape, &tiles, program),
            }
        })
        .collect();
    let programs = &catalog.programs;
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| {
                program_spread(&programs[a.program])
                    .total_cmp(&program_spread(&programs[b.program]))
            })
            .then_with(|| a.program.cmp(&b.program))
    });
    Outcome { ranked, profile }
}

/// The 0..=2 largest honest contributions to one program's score (see the module doc).
fn reasons(
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
        let m = tile_match(tile, program);
        if m > 0.0 {
            found.push((
                weights.tiles * m / (tiles.len() as f64).sqrt(),
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

/// Stage C: `Some((a, b))` (program indices, #1 then #2) when they are within
/// `close_margin` and no choice has been made yet.
pub fn tiebreak(catalog: &Catalog, answers: &Answers) -> Option<(usize, usize)> {
    if answers.choice.is_some() {
        return None;
    }
    let outcome = recommend(catalog, answers);
    if outcome.profile == Profile::Empty {
        return None;
    }
    match outcome.ranked.as_slice() {
        [first, second, ..] if first.score - second.score < catalog.quiz.weights.close_margin => {
            Some((first.program, second.program))
        }
        _ => None,
    }
}

/// Every problem with an answer sheet: unknown item, tile or program ids, values outside 1–5.
/// Each message names the field and says what to do.
pub fn validate_answers(catalog: &Catalog, answers: &Answers) -> Result<(), Vec<String>> {
    let quiz = &catalog.quiz;
    let mut problems = Vec::new();
    let item_ids: Vec<&str> = quiz.items.iter().map(|i| i.id.as_str()).collect();
    for (id, &value) in &answers.items {
        if !item_ids.contains(&id.as_str()) {
            problems.push(format!(
                "items: unknown item id '{id}': use one of {}",
                item_ids.join(", ")
            ));
        } else if !valid_value(value) {
            problems.push(format!(
                "items.{id}: {value} is outside 1-5: use 1 (strongly dislike) to 5 (strongly like), or leave the item out to skip it"
            ));
        }
    }
    let tile_ids: Vec<&str> = quiz.tiles.iter().map(|t| t.id.as_str()).collect();
    for id in &answers.tiles {
        if !tile_ids.contains(&id.as_str()) {
            problems.push(format!(
                "tiles: unknown tile id '{id}': use any of {}",
                tile_ids.join(", ")
            ));
        }
    }
    if let Some(choice) = &answers.choice
        && !catalog.programs.iter().any(|p| &p.id == choice)
    {
        problems.push(format!(
            "choice: unknown program id '{choice}': use a program id from programs.json, or leave \"choice\" out"
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The most inputs any path through the quiz takes: one press per item (an answer or a skip),
/// at most one per tile (picking it; a tile is picked once), one "done" press to leave the
/// tile screen, and at most one Stage C answer. The design bar is ≤ 26.
pub fn max_inputs(quiz: &Quiz) -> usize {
    quiz.items.len() + quiz.tiles.len() + 1 + 1
}

/// The inputs one sheet took, counted as in [`max_inputs`]; `asked_stage_c` when
/// [`tiebreak`] asked the Stage C question.
pub fn inputs_used(quiz: &Quiz, answers: &Answers, asked_stage_c: bool) -> usize {
    let tiles = quiz
        .tiles
        .iter()
        .filter(|t| answers.tiles.contains(&t.id))
        .count();
    quiz.items.len() + tiles + 1 + usize::from(asked_stage_c)
}

/// "You picked “Animals & farms” and said you'd like to “take care of …”." in `lang`, from the
/// catalog's texts. Tiles come first, then items. Empty when there are no reasons.
pub fn reason_sentence(catalog: &Catalog, reasons: &[Reason], lang: Lang) -> String {
    let quiz = &catalog.quiz;
    let s = crate::i18n::t(lang);
    let quoted = |text: &str| format!("{}{text}{}", s.reason_quote.0, s.reason_quote.1);
    let tiles: Vec<String> = reasons
        .iter()
        .filter_map(|r| match r {
            Reason::PickedTile { tile } => quiz.tiles.iter().find(|t| &t.id == tile),
            Reason::LikedItem { .. } => None,
        })
        .map(|t| quoted(t.label.get(lang)))
        .collect();
    let items: Vec<String> = reasons
        .iter()
        .filter_map(|r| match r {
            Reason::LikedItem { item, strongly } => {
                quiz.items.iter().find(|i| &i.id == item).map(|i| {
                    let verb = if *strongly {
                        s.reason_love
                    } else {
                        s.reason_like
                    };
                    crate::i18n::fill(verb, &[&quoted(i.text.get(lang))])
                })
            }
            Reason::PickedTile { .. } => None,
        })
        .collect();
    let tiles = tiles.join(s.reason_and);
    let items = items.join(s.reason_said_and);
    match (tiles.is_empty(), items.is_empty()) {
        (true, true) => String::new(),
        (false, true) => crate::i18n::fill(s.reason_picked, &[&tiles]),
        (true, false) => crate::i18n::fill(s.reason_said, &[&items]),
        (false, false) => crate::i18n::fill(s.reason_both, &[&tiles, &items]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Area, Riasec};

    fn program(id: &str, riasec: [f64; 6], areas: &[&str]) -> Program {
        let mut p = Catalog::bundled().unwrap().programs[0].clone();
        p.id = id.to_string();
        p.riasec = Riasec {
            r: riasec[0],
            i: riasec[1],
            a: riasec[2],
            s: riasec[3],
            e: riasec[4],
            c: riasec[5],
        };
        p.interest_areas = areas.iter().map(|a| a.to_string()).collect();
        p
    }

    /// Four clearly different programs with the bundled quiz.
    fn catalog() -> Catalog {
        let mut c = Catalog::bundled().unwrap();
        c.programs = vec![
            program(
                "auto",
                [7.0, 3.6, 1.0, 1.4, 1.6, 4.3],
                &["mechanics_electronics"],
            ),
            program(
                "vet",
                [6.7, 5.3, 1.0, 3.0, 1.0, 4.6],
                &["animal_service", "medical_science"],
            ),
            program(
                "animation",
                [3.7, 2.8, 7.0, 2.2, 2.6, 3.1],
                &["visual_arts", "media"],
            ),
            program(
                "childcare",
                [3.1, 1.5, 3.6, 6.2, 2.8, 3.4],
                &["teaching_education"],
            ),
        ];
        c
    }

    /// Every item of an area answered with that area's value.
    fn sheet(catalog: &Catalog, by_area: [u8; 6]) -> Answers {
        Answers {
            items: catalog
                .quiz
                .items
                .iter()
                .map(|i| (i.id.clone(), by_area[i.area.index()]))
                .collect(),
            ..Answers::default()
        }
    }

    fn id_of(catalog: &Catalog, rec: &Recommendation) -> String {
        catalog.programs[rec.program].id.clone()
    }

    fn item_of_area(catalog: &Catalog, area: Area) -> String {
        catalog
            .quiz
            .items
            .iter()
            .find(|i| i.area == area)
            .unwrap()
            .id
            .clone()
    }

    #[test]
    fn empty_sheet_ranks_every_program_without_reasons() {
        let c = catalog();
        let out = recommend(&c, &Answers::default());
        assert_eq!(out.profile, Profile::Empty);
        assert_eq!(out.ranked.len(), 4);
        assert!(out.ranked.iter().all(|r| r.reasons.is_empty()));
        assert!(out.ranked.iter().all(|r| r.band == Band::WorthALook));
        assert_eq!(tiebreak(&c, &Answers::default()), None);
        // Ties go to the flattest profile: childcare's is flatter than auto's.
        assert_eq!(id_of(&c, &out.ranked[0]), "childcare");
    }

    #[test]
    fn a_mechanic_shape_puts_the_mechanic_program_first() {
        let c = catalog();
        let mut answers = sheet(&c, [5, 3, 1, 1, 2, 4]);
        answers.tiles.insert("engines".into());
        let out = recommend(&c, &answers);
        assert_eq!(out.profile, Profile::Normal);
        assert_eq!(id_of(&c, &out.ranked[0]), "auto");
        assert_eq!(out.ranked[0].band, Band::Strong);
        // The strongly liked R items weigh more than the one tile, and come first.
        assert_eq!(
            out.ranked[0].reasons.first(),
            Some(&Reason::LikedItem {
                item: "r_engine".into(),
                strongly: true
            }),
            "{:?}",
            out.ranked[0].reasons
        );
        assert!(out.ranked.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn the_shape_not_the_level_decides() {
        let c = catalog();
        let low = recommend(&c, &sheet(&c, [1, 1, 3, 2, 1, 1]));
        let high = recommend(&c, &sheet(&c, [3, 3, 5, 4, 3, 3]));
        assert_eq!(id_of(&c, &low.ranked[0]), "animation");
        assert_eq!(id_of(&c, &high.ranked[0]), "animation");
    }

    #[test]
    fn flat_answers_are_broad_and_lean_on_tiles() {
        let c = catalog();
        let mut answers = sheet(&c, [3; 6]);
        assert_eq!(recommend(&c, &answers).profile, Profile::Broad);
        answers.tiles.insert("animals".into());
        let out = recommend(&c, &answers);
        assert_eq!(out.profile, Profile::Broad);
        assert_eq!(id_of(&c, &out.ranked[0]), "vet");
        // All 5s is just as flat.
        let fives = recommend(&c, &sheet(&c, [5; 6]));
        assert_eq!(fives.profile, Profile::Broad);
        assert!(fives.ranked.iter().all(|r| r.reasons.is_empty()));
    }

    #[test]
    fn two_answered_areas_are_not_a_shape() {
        let c = catalog();
        let mut answers = Answers::default();
        answers.items.insert(item_of_area(&c, Area::R), 5);
        answers.items.insert(item_of_area(&c, Area::A), 1);
        assert_eq!(recommend(&c, &answers).profile, Profile::Broad);
    }

    #[test]
    fn all_dislikes_still_rank_every_program() {
        let c = catalog();
        let out = recommend(&c, &sheet(&c, [1; 6]));
        assert_eq!(out.profile, Profile::AllDislike);
        assert_eq!(out.ranked.len(), 4);
        // Dislikes with a shape still say something: the least disliked area wins.
        let out = recommend(&c, &sheet(&c, [1, 1, 2, 1, 1, 1]));
        assert_eq!(out.profile, Profile::AllDislike);
        assert_eq!(id_of(&c, &out.ranked[0]), "animation");
        assert!(out.ranked.iter().all(|r| r.reasons.is_empty()));
    }

    #[test]
    fn reasons_quote_only_liked_items_in_high_areas_and_matching_tiles() {
        let c = catalog();
        // Likes R strongly, answers S with 4, picks an unrelated tile.
        let mut answers = sheet(&c, [5, 2, 1, 4, 2, 3]);
        answers.tiles.insert("cooking".into());
        let out = recommend(&c, &answers);
        for rec in &out.ranked {
            let program = &c.programs[rec.program];
            let high = high_areas(program);
            assert!(rec.reasons.len() <= 2);
            for reason in &rec.reasons {
                match reason {
                    Reason::PickedTile { tile } => panic!("cooking matches nothing: {tile}"),
                    Reason::LikedItem { item, strongly } => {
                        let v = answers.items[item];
                        assert!(v >= 4);
                        assert_eq!(*strongly, v == 5);
                        let area = c.quiz.items.iter().find(|i| &i.id == item).unwrap().area;
                        assert!(high[area.index()], "{} quoted {item}", program.id);
                    }
                }
            }
        }
        let auto = out.ranked.iter().find(|r| id_of(&c, r) == "auto").unwrap();
        assert!(matches!(
            auto.reasons.first(),
            Some(Reason::LikedItem { strongly: true, .. })
        ));
        // S is not high for auto: the S items (answered 4) are never its reason.
        let s_items: Vec<String> = c
            .quiz
            .items
            .iter()
            .filter(|i| i.area == Area::S)
            .map(|i| i.id.clone())
            .collect();
        assert!(auto.reasons.iter().all(|r| !matches!(r,
            Reason::LikedItem { item, .. } if s_items.contains(item))));
    }

    #[test]
    fn the_stage_c_choice_settles_a_close_call() {
        let c = catalog();
        let mut c = c;
        // auto and vet have near-identical shapes: an R-leaning sheet puts them close.
        let mut answers = sheet(&c, [5, 4, 1, 2, 1, 4]);
        c.quiz.weights.close_margin = 0.0;
        assert_eq!(tiebreak(&c, &answers), None, "nothing is closer than 0");
        c.quiz.weights.close_margin = 0.2;
        c.quiz.weights.choice = 0.3;
        let (a, b) = tiebreak(&c, &answers).expect("auto and vet should be close");
        let ids = [c.programs[a].id.as_str(), c.programs[b].id.as_str()];
        assert!(ids.contains(&"auto") && ids.contains(&"vet"), "{ids:?}");
        answers.choice = Some(c.programs[b].id.clone());
        assert_eq!(tiebreak(&c, &answers), None);
        assert_eq!(recommend(&c, &answers).ranked[0].program, b);
    }

    #[test]
    fn unknown_ids_and_bad_values_are_reported_and_ignored() {
        let c = catalog();
        let mut answers = sheet(&c, [5, 3, 1, 1, 2, 4]);
        assert_eq!(validate_answers(&c, &answers), Ok(()));
        answers.items.insert("nope".into(), 3);
        answers.items.insert(item_of_area(&c, Area::A), 0);
        answers.items.insert(item_of_area(&c, Area::S), 6);
        answers.tiles.insert("dragons".into());
        answers.choice = Some("astronaut".into());
        let problems = validate_answers(&c, &answers).unwrap_err();
        assert_eq!(problems.len(), 5, "{problems:#?}");
        assert!(problems.iter().any(|p| p.contains("'nope'")));
        assert!(problems.iter().any(|p| p.contains("0 is outside 1-5")));
        assert!(problems.iter().any(|p| p.contains("6 is outside 1-5")));
        assert!(problems.iter().any(|p| p.contains("'dragons'")));
        assert!(problems.iter().any(|p| p.contains("'astronaut'")));
        // Scoring the bad sheet anyway does not panic.
        assert_eq!(recommend(&c, &answers).ranked.len(), 4);
    }

    #[test]
    fn reason_sentences_in_both_languages() {
        let c = catalog();
        let tile = Reason::PickedTile {
            tile: "animals".into(),
        };
        let item = Reason::LikedItem {
            item: "s_care".into(),
            strongly: false,
        };
        let loved = Reason::LikedItem {
            item: "r_engine".into(),
            strongly: true,
        };
        assert_eq!(reason_sentence(&c, &[], Lang::En), "");
        assert_eq!(
            reason_sentence(&c, &[item.clone(), tile.clone()], Lang::En),
            "You picked \u{201c}Animals & farms\u{201d} and said you'd like to \u{201c}take care of someone who is sick or hurt\u{201d}."
        );
        assert_eq!(
            reason_sentence(&c, &[tile.clone(), item.clone()], Lang::Es),
            "Elegiste «Animales y granjas» y dijiste que te gustaría «cuidar a alguien que está enfermo o lastimado»."
        );
        assert_eq!(
            reason_sentence(&c, &[loved.clone(), item.clone()], Lang::En),
            "You said you'd love to \u{201c}fix a car that won't start\u{201d} and you'd like to \u{201c}take care of someone who is sick or hurt\u{201d}."
        );
        assert_eq!(
            reason_sentence(&c, &[loved], Lang::Es),
            "Dijiste que te encantaría «arreglar un carro que no arranca»."
        );
        assert_eq!(
            reason_sentence(&c, &[tile], Lang::En),
            "You picked \u{201c}Animals & farms\u{201d}."
        );
    }

    #[test]
    fn the_bundled_quiz_has_the_designed_shape() {
        let quiz = Catalog::bundled().unwrap().quiz;
        assert_eq!(quiz.items.len(), 12);
        for area in Area::ALL {
            assert_eq!(quiz.items.iter().filter(|i| i.area == area).count(), 2);
        }
        assert!((10..=14).contains(&quiz.tiles.len()));
        assert!(max_inputs(&quiz) <= 26, "{}", max_inputs(&quiz));
        assert!(quiz.weights.choice > quiz.weights.close_margin);
        let vocabulary: Vec<&str> = quiz.interest_areas.iter().map(|a| a.id.as_str()).collect();
        for tile in &quiz.tiles {
            assert!(tile.label.es.is_some(), "{}", tile.id);
            for area in &tile.interest_areas {
                assert!(vocabulary.contains(&area.as_str()), "{}: {area}", tile.id);
            }
        }
        assert!(quiz.items.iter().all(|i| i.text.es.is_some()));
    }
}
