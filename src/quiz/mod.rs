//! The interest quiz's scoring: an answer sheet in, every program ranked with reasons out.
//! Pure functions of the catalog and the answers; the screens and the `quiz` command call
//! exactly this API.
//!
//! # The quiz
//! - **Stage A**: activity items a 16-year-old recognises ("fix a car or truck that won't
//!   start", "figure out why a sick dog or horse won't eat"), each answered 1 (strongly
//!   dislike) to 5 (strongly like) or skipped. Each item has a RIASEC letter (three or four
//!   per letter) and names the O*NET interest areas it speaks for (`quiz.json`).
//! - **Stage B**: up to [`MAX_TILES`] "sound fun" tiles; each tile stands for some O*NET
//!   Specific Interest Areas.
//! - **Stage C**: asked only when [`tiebreak`] says the top two programs are close: "which
//!   sounds better?" between those two. The pick is listed first and labelled as the
//!   student's; the other stays second.
//!
//! # How a program's score is computed
//! `score = weights.riasec × confidence × r  +  weights.tiles × tile_evidence
//!          +  weights.items × item_evidence  +  choice`
//!
//! - **r (RIASEC shape)**: each area's score is the mean of its answered items (skips are
//!   ignored). The student's six scores and the program's `riasec` (mean O*NET ratings of its
//!   target jobs) are each centred on their own mean, and `r` is their Pearson correlation
//!   (−1..1) over the areas the student answered (at least [`MIN_AREAS_FOR_SHAPE`]).
//!   Centring compares the *shape* of interests, not how many things a student likes.
//! - **confidence (0..1)** = spread × consistency².
//!   *Spread*: the standard deviation of the student's area scores. At or below [`BROAD_SD`]
//!   the answers are flat, their correlation is noise, and the shape counts 0
//!   ([`Profile::Broad`]); from [`FULL_SD`] up it counts fully; linear in between (no jump,
//!   so one changed answer cannot flip the ranking).
//!   *Consistency*: how much of the difference between areas is more than the disagreement
//!   between the items of the same area (a reliability estimate:
//!   (between-area variance − expected error variance) / between-area variance, the error
//!   estimated from the within-area spread). Consistent answers give ≈ 1; answers tapped at
//!   random give ≈ 0, and then the shape keeps only [`CONSISTENCY_FLOOR`]² of its weight, so
//!   noise does not pick a program.
//! - **item_evidence**: each answered item's *lift* is how much more than their own level
//!   the student liked it, (answer − level) / 2, where the level is their average answer
//!   leaning [`AREA_SHARE`] toward their average over the item's RIASEC area (the shape
//!   already counts the area as a whole). The items that name one of the
//!   program's interest areas count with strength 1 when they name its main (first) area,
//!   [`LATER_AREA_STRENGTH`] otherwise: evidence = Σ strength × lift / √(Σ strength²). So
//!   liking "figure out why a sick dog won't eat" counts for Veterinary Technology, and
//!   identical answers count for nothing.
//! - **tile_evidence**: a tile matches a program when it names one of the program's interest
//!   areas. Evidence = (picked tiles that match − [`UNPICKED_PENALTY`] × matching tiles left
//!   unpicked) / √(tiles picked). A program whose own tiles were passed over is less likely.
//!   No tile picked at all gives 0 to every program.
//! - **choice**: `weights.choice` is added to the program picked in Stage C, which is listed
//!   first whatever its score.
//! - Ties (e.g. nothing answered) go to the program with the flattest RIASEC profile (the
//!   broadest program), then to catalog order — never to an alphabet or a RIASEC letter order.
//!
//! # The weights in `quiz.json`
//! - `riasec`: how much the RIASEC shape counts; `r` is −1..1 so this is the most it can add.
//! - `tiles`: what one picked tile naming a program's area adds when it is the only tile
//!   picked and the program has no other tile (with n tiles picked each counts 1/√n).
//! - `items`: what a liked item adds; one item answered 5 by a student whose answers
//!   average 3, speaking for the program's main area alone, adds this much.
//! - `choice`: added to the Stage C pick's score (shown by `quiz --json`).
//! - `close_margin`: Stage C is asked when #1 and #2 are closer than this.
//!
//! Tuned on the self-consistency simulations of `tests/quiz_quality.rs` and the tuning
//! personas of `tests/quiz_personas.rs` (never on the held-out personas): riasec 1.0,
//! tiles 0.25, items 0.25, choice 0.3, close_margin 0.05.
//!
//! # Bands (no percentages are shown)
//! [`Band::Strong`] from [`STRONG_SCORE`], [`Band::Good`] from [`GOOD_SCORE`], else
//! [`Band::WorthALook`]. The Stage C pick shows "Your pick" instead.
//!
//! # Reasons
//! One or two per program, never the same set as another program on the same screen of
//! [`SHOWN_TOGETHER`] (`reasons.rs`): preferably the largest contribution with the largest
//! of the other kind (tile or item). Only ever a picked tile that names one of the program's
//! interest areas, or an item answered 4 or 5, liked more than the student's level (see
//! item_evidence), that
//! names one of the program's interest areas (for a program no item names: an item in one of
//! its high RIASEC areas). When nothing specific is left, the reason says plainly that the
//! program is close to the answers overall ([`Reason::CloseOverall`]).
//!
//! # Where the code lives
//! `shape.rs` (area scores, confidence, correlation), `tiles.rs` (tile evidence), `reasons.rs`
//! (the honest reasons); this file ranks and decides Stage C. The sentence a screen shows for
//! a reason is UI text: `crate::ui::quiz::reason_sentence`.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{Catalog, Quiz};

mod items;
mod reasons;
mod shape;
mod tiles;

pub use items::{AREA_SHARE, LATER_AREA_STRENGTH, item_matches};
pub use shape::{BROAD_SD, CONSISTENCY_FLOOR, FULL_SD, MIN_AREAS_FOR_SHAPE, PRIOR_ITEM_ERROR_VAR};
pub use tiles::{MAX_TILES, UNPICKED_PENALTY, tile_matches};

use items::{Liking, item_evidence, matching_items};
use reasons::{Evidence, candidates, choose};
use shape::{Shape, correlation, program_spread, student_shape, valid_value};
use tiles::{picked_tiles, tile_evidence};

/// Score from which a program is a strong match.
pub const STRONG_SCORE: f64 = 1.0;
/// Score from which a program is a good match.
pub const GOOD_SCORE: f64 = 0.5;
/// Average answer (1–5) from which flat answers mean "you like lots of things": halfway
/// between "not sure" and "like".
pub const MOSTLY_LIKED: f64 = 3.5;
/// Recommendations shown on one screen; no two of them give the same reason.
pub const SHOWN_TOGETHER: usize = 3;

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
    /// The program the student chose at Stage C: listed first and labelled as their pick.
    pub picked: bool,
    /// 1–2 reasons, largest contribution first, never the same set as another program on
    /// the same screen of [`SHOWN_TOGETHER`]; or one [`Reason::CloseOverall`] when nothing
    /// specific is true ([`Profile::Normal`] and [`Profile::Broad`] only). Empty when there is
    /// nothing true to say: the screen then says what the program is.
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    Strong,
    Good,
    WorthALook,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    /// An item answered 4 (`strongly: false`) or 5 (`strongly: true`).
    LikedItem {
        item: String,
        strongly: bool,
    },
    PickedTile {
        tile: String,
    },
    /// Nothing specific: the program is close to the answers as a whole. `nth` counts the
    /// programs before it on the same screen that had nothing specific either (0, 1, 2), so
    /// each one is worded differently.
    CloseOverall {
        nth: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Normal,
    /// Answers too flat (or too few areas answered) to show a shape: the ranking leans on the
    /// tiles and on the items liked more than others. `mostly_liked`: the answers average
    /// "like" or more ("you like lots of things"), else nothing stood out.
    Broad {
        mostly_liked: bool,
    },
    /// Every answered item got the same answer `value` (and at least half the items were
    /// answered): nothing stood out, so the ranking rests on the tiles alone.
    AllSame {
        value: u8,
    },
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
    } else if let [value, rest @ ..] = answered.as_slice()
        && 2 * answered.len() >= quiz.items.len()
        && rest.iter().all(|v| v == value)
    {
        Profile::AllSame { value: *value }
    } else if shape.confidence == 0.0 {
        let mean =
            answered.iter().map(|&v| f64::from(v)).sum::<f64>() / answered.len().max(1) as f64;
        Profile::Broad {
            mostly_liked: mean >= MOSTLY_LIKED,
        }
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
    let (scored, profile) = rank(catalog, answers, true);
    // "Close to your answers overall" is true only of answers with something in them: not
    // of identical answers (only the tiles count), all dislikes or an empty sheet.
    let close_overall = matches!(profile, Profile::Normal | Profile::Broad { .. });
    let mut ranked = Vec::with_capacity(scored.len());
    for screen in scored.chunks(SHOWN_TOGETHER) {
        let mut used = Vec::new();
        let mut overall = 0;
        for (recommendation, candidates) in screen {
            let mut recommendation = recommendation.clone();
            match choose(candidates, &used) {
                Some(reasons) => {
                    used.push(reasons.iter().cloned().collect());
                    recommendation.reasons = reasons;
                }
                None if close_overall => {
                    recommendation.reasons = vec![Reason::CloseOverall { nth: overall }];
                    overall += 1;
                }
                None => {}
            }
            ranked.push(recommendation);
        }
    }
    Outcome { ranked, profile }
}

/// Every program scored and sorted (the Stage C pick first), each with the honest reasons it
/// could give, largest first (none when `with_reasons` is false: Stage C needs only scores).
fn rank(
    catalog: &Catalog,
    answers: &Answers,
    with_reasons: bool,
) -> (Vec<(Recommendation, Vec<Reason>)>, Profile) {
    let quiz = &catalog.quiz;
    let weights = quiz.weights;
    let shape = student_shape(quiz, answers);
    let liking = Liking::new(quiz, answers, &shape);
    let tiles = picked_tiles(quiz, answers);
    let profile = classify(quiz, answers, &shape, tiles.len());
    let evidence = Evidence {
        quiz,
        answers,
        shape: &shape,
        liking: &liking,
        tiles: &tiles,
    };
    let mut scored: Vec<(Recommendation, Vec<Reason>)> = catalog
        .programs
        .iter()
        .enumerate()
        .map(|(index, program)| {
            let r = correlation(&shape, program);
            let matches = matching_items(quiz, &liking, program);
            let picked = answers.choice.as_deref() == Some(program.id.as_str());
            let score = weights.riasec * shape.confidence * r
                + weights.tiles * tile_evidence(quiz, &tiles, program)
                + weights.items * item_evidence(&matches)
                + if picked { weights.choice } else { 0.0 };
            let recommendation = Recommendation {
                program: index,
                score,
                band: band(score),
                picked,
                reasons: Vec::new(),
            };
            let reasons = if with_reasons {
                candidates(&evidence, program, &matches)
            } else {
                Vec::new()
            };
            (recommendation, reasons)
        })
        .collect();
    let programs = &catalog.programs;
    scored.sort_by(|(a, _), (b, _)| {
        b.picked
            .cmp(&a.picked)
            .then_with(|| b.score.total_cmp(&a.score))
            .then_with(|| {
                program_spread(&programs[a.program])
                    .total_cmp(&program_spread(&programs[b.program]))
            })
            .then_with(|| a.program.cmp(&b.program))
    });
    (scored, profile)
}

/// Stage C: `Some((a, b))` (program indices, #1 then #2) when they are within
/// `close_margin` and no choice has been made yet.
pub fn tiebreak(catalog: &Catalog, answers: &Answers) -> Option<(usize, usize)> {
    if answers.choice.is_some() {
        return None;
    }
    let (scored, profile) = rank(catalog, answers, false);
    if profile == Profile::Empty {
        return None;
    }
    match scored.as_slice() {
        [(first, _), (second, _), ..]
            if first.score - second.score < catalog.quiz.weights.close_margin =>
        {
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
    if answers.tiles.len() > MAX_TILES {
        problems.push(format!(
            "tiles: {} picked: the kiosk lets a student pick at most {MAX_TILES}; keep the {MAX_TILES} that sound most fun",
            answers.tiles.len()
        ));
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
        // The car item (Mechanics/Electronics) and the tile; never the other R items (welding,
        // flying, cooking), which are about something else.
        assert_eq!(
            out.ranked[0].reasons,
            [
                Reason::LikedItem {
                    item: "r_car".into(),
                    strongly: true
                },
                Reason::PickedTile {
                    tile: "engines".into()
                }
            ]
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
    fn a_liked_item_counts_for_the_programs_it_speaks_for() {
        let c = catalog();
        // Everything "unsure" but the sick-animal item, which is loved.
        let mut answers = sheet(&c, [3; 6]);
        answers.items.insert("i_animal".into(), 5);
        let out = recommend(&c, &answers);
        assert_eq!(id_of(&c, &out.ranked[0]), "vet");
        assert_eq!(
            out.ranked[0].reasons,
            [Reason::LikedItem {
                item: "i_animal".into(),
                strongly: true
            }]
        );
    }

    /// Flat but not identical: items alternate 4 and 5 inside every area.
    fn flat_sheet(catalog: &Catalog) -> Answers {
        Answers {
            items: catalog
                .quiz
                .items
                .iter()
                .enumerate()
                .map(|(k, item)| {
                    let nth_in_area = catalog.quiz.items[..k]
                        .iter()
                        .filter(|i| i.area == item.area)
                        .count();
                    (item.id.clone(), 4 + (nth_in_area % 2) as u8)
                })
                .collect(),
            ..Answers::default()
        }
    }

    #[test]
    fn flat_answers_are_broad_and_lean_on_tiles() {
        let c = catalog();
        let mut answers = flat_sheet(&c);
        // Likes and strong likes: "you like lots of things".
        let broad = Profile::Broad { mostly_liked: true };
        assert_eq!(recommend(&c, &answers).profile, broad);
        answers.tiles.insert("animals".into());
        let out = recommend(&c, &answers);
        assert_eq!(out.profile, broad);
        assert_eq!(id_of(&c, &out.ranked[0]), "vet");
    }

    #[test]
    fn identical_answers_are_flagged_and_rest_on_the_tiles() {
        let c = catalog();
        for value in [2, 3, 4, 5] {
            let mut answers = sheet(&c, [value; 6]);
            let out = recommend(&c, &answers);
            // All 2s without a tile is "nothing grabbed you" (all dislikes).
            let expected = if value <= 2 {
                Profile::AllDislike
            } else {
                Profile::AllSame { value }
            };
            assert_eq!(out.profile, expected, "all {value}s");
            // Nothing to go on: no reason is invented, not even "close overall".
            assert!(out.ranked.iter().all(|r| r.reasons.is_empty()));
            answers.tiles.insert("animals".into());
            let out = recommend(&c, &answers);
            assert_eq!(out.profile, Profile::AllSame { value });
            assert_eq!(id_of(&c, &out.ranked[0]), "vet", "all {value}s + animals");
            assert_eq!(
                out.ranked[0].reasons,
                [Reason::PickedTile {
                    tile: "animals".into()
                }]
            );
            // Identical answers say nothing about the others: no "close overall" either.
            assert!(out.ranked[1].reasons.is_empty());
        }
    }

    #[test]
    fn two_answered_areas_are_not_a_shape() {
        let c = catalog();
        let mut answers = Answers::default();
        answers.items.insert(item_of_area(&c, Area::R), 5);
        answers.items.insert(item_of_area(&c, Area::A), 1);
        assert_eq!(
            recommend(&c, &answers).profile,
            Profile::Broad {
                mostly_liked: false
            }
        );
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
    fn reasons_quote_only_items_and_tiles_about_the_program() {
        let c = catalog();
        // Loves every R item (cars, welding, flying, cooking), likes the S items, picks an
        // unrelated tile.
        let mut answers = sheet(&c, [5, 2, 1, 4, 2, 3]);
        answers.tiles.insert("cooking".into());
        let out = recommend(&c, &answers);
        for rec in &out.ranked {
            let program = &c.programs[rec.program];
            assert!((1..=2).contains(&rec.reasons.len()), "{:?}", rec.reasons);
            for reason in &rec.reasons {
                match reason {
                    Reason::PickedTile { tile } => panic!("cooking matches nothing: {tile}"),
                    Reason::LikedItem { item, strongly } => {
                        let v = answers.items[item];
                        assert!(v >= 4);
                        assert_eq!(*strongly, v == 5);
                        let areas = &c
                            .quiz
                            .items
                            .iter()
                            .find(|i| &i.id == item)
                            .unwrap()
                            .interest_areas;
                        assert!(
                            program.interest_areas.iter().any(|a| areas.contains(a)),
                            "{} quoted {item}",
                            program.id
                        );
                    }
                    Reason::CloseOverall { .. } => {}
                }
            }
        }
        let auto = out.ranked.iter().find(|r| id_of(&c, r) == "auto").unwrap();
        assert_eq!(
            auto.reasons,
            [Reason::LikedItem {
                item: "r_car".into(),
                strongly: true
            }]
        );
    }

    /// Issue 13: Dental Assistant's reason read "you'd like to fix a car that won't start".
    #[test]
    fn a_health_program_never_quotes_the_car_item() {
        let c = Catalog::bundled().unwrap();
        let mut answers = sheet(&c, [4, 3, 2, 4, 2, 3]);
        answers.items.insert("r_car".into(), 5);
        answers.tiles.insert("caring".into());
        let out = recommend(&c, &answers);
        for rec in &out.ranked {
            let program = &c.programs[rec.program];
            if program
                .interest_areas
                .contains(&"mechanics_electronics".to_string())
            {
                continue;
            }
            assert!(
                !rec.reasons
                    .iter()
                    .any(|r| matches!(r, Reason::LikedItem { item, .. } if item == "r_car")),
                "{} quotes the car item",
                program.id
            );
        }
    }

    #[test]
    fn the_stage_c_pick_is_first_and_the_other_second() {
        let mut c = catalog();
        // auto and vet have near-identical shapes: an R-leaning sheet puts them close.
        let mut answers = sheet(&c, [5, 4, 1, 2, 1, 4]);
        c.quiz.weights.close_margin = 0.0;
        assert_eq!(tiebreak(&c, &answers), None, "nothing is closer than 0");
        c.quiz.weights.close_margin = 0.5;
        let (a, b) = tiebreak(&c, &answers).expect("auto and vet should be close");
        let ids = [c.programs[a].id.as_str(), c.programs[b].id.as_str()];
        assert!(ids.contains(&"auto") && ids.contains(&"vet"), "{ids:?}");
        // Even with no weight for the choice, the pick (#2) comes first and #1 second.
        c.quiz.weights.choice = 0.0;
        answers.choice = Some(c.programs[b].id.clone());
        assert_eq!(tiebreak(&c, &answers), None, "Stage C is asked once");
        let out = recommend(&c, &answers);
        assert_eq!(out.ranked[0].program, b);
        assert!(out.ranked[0].picked);
        assert_eq!(out.ranked[1].program, a);
        assert!(out.ranked.iter().skip(1).all(|r| !r.picked));
    }

    #[test]
    fn choose_never_repeats_a_set_of_reasons_on_one_screen() {
        let tile = |t: &str| Reason::PickedTile { tile: t.into() };
        let item = |i: &str| Reason::LikedItem {
            item: i.into(),
            strongly: false,
        };
        let candidates = [item("a"), item("b"), tile("t")];
        // The largest with the largest of the other kind first.
        assert_eq!(choose(&candidates, &[]), Some(vec![item("a"), tile("t")]));
        let used: Vec<BTreeSet<Reason>> = vec![[item("a"), tile("t")].into()];
        assert_eq!(choose(&candidates, &used), Some(vec![item("a"), item("b")]));
        let only = [tile("t")];
        let used: Vec<BTreeSet<Reason>> = vec![[tile("t")].into()];
        assert_eq!(choose(&only, &used), None);
        assert_eq!(choose(&[], &[]), None);
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
        for tile in ["engines", "animals", "cooking"] {
            answers.tiles.insert(tile.into());
        }
        let problems = validate_answers(&c, &answers).unwrap_err();
        assert_eq!(problems.len(), 6, "{problems:#?}");
        assert!(problems.iter().any(|p| p.contains("4 picked")));
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
        for area in Area::ALL {
            let n = quiz.items.iter().filter(|i| i.area == area).count();
            assert!((3..=4).contains(&n), "{area:?}: {n} items");
        }
        assert!((10..=14).contains(&quiz.tiles.len()));
        // One press per item, up to MAX_TILES tiles, "done" and Stage C: the two-minute budget.
        let most_inputs = quiz.items.len() + MAX_TILES + 2;
        assert!(most_inputs <= 26, "{most_inputs}");
        let vocabulary: Vec<&str> = quiz.interest_areas.iter().map(|a| a.id.as_str()).collect();
        for tile in &quiz.tiles {
            assert!(tile.label.es.is_some(), "{}", tile.id);
            for area in &tile.interest_areas {
                assert!(vocabulary.contains(&area.as_str()), "{}: {area}", tile.id);
            }
        }
        for item in &quiz.items {
            assert!(item.text.es.is_some(), "{}", item.id);
            assert!(
                !item.interest_areas.is_empty(),
                "{} names no interest area",
                item.id
            );
        }
    }
}
