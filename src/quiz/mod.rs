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
//! - **tile_evidence**: a tile matches a program when it names one of the program's interest
//!   areas. Evidence = (picked tiles that match − [`UNPICKED_PENALTY`] × matching tiles left
//!   unpicked) / √(tiles picked). A student who picks every tile has said less about each
//!   one; a program whose own tiles were passed over is less likely. No tile picked at all
//!   gives 0 to every program. (Every area of a program counts alike: in the simulations a
//!   larger weight for its first area bought no recovery and cost balance.)
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
//!
//! # Where the code lives
//! `shape.rs` (area scores, confidence, correlation), `tiles.rs` (tile evidence), `reasons.rs`
//! (the honest reasons); this file ranks and decides Stage C. The sentence a screen shows for
//! a reason is UI text: `crate::ui::quiz::reason_sentence`.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{Catalog, Quiz};

mod reasons;
mod shape;
mod tiles;

pub use shape::{BROAD_SD, CONSISTENCY_FLOOR, FULL_SD, MIN_AREAS_FOR_SHAPE, PRIOR_ITEM_ERROR_VAR};
pub use tiles::{UNPICKED_PENALTY, tile_matches};

use reasons::reasons;
use shape::{Shape, correlation, program_spread, student_shape, valid_value};
use tiles::{picked_tiles, tile_evidence};

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
    let shape = student_shape(quiz, answers);
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

#[cfg(test)]
mod tests {
    use super::shape::high_areas;
    use super::*;
    use crate::catalog::{Area, Program, Riasec};

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
    fn the_bundled_quiz_has_the_designed_shape() {
        let quiz = Catalog::bundled().unwrap().quiz;
        assert_eq!(quiz.items.len(), 12);
        for area in Area::ALL {
            assert_eq!(quiz.items.iter().filter(|i| i.area == area).count(), 2);
        }
        assert!((10..=14).contains(&quiz.tiles.len()));
        // One press per item, per tile, "done" and Stage C: the two-minute budget.
        let most_inputs = quiz.items.len() + quiz.tiles.len() + 2;
        assert!(most_inputs <= 26, "{most_inputs}");
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
