//! Self-consistency figures of the quiz, computed from the real scoring code and the bundled
//! catalog (or the catalog directory in `QUIZ_CATALOG`). They are *self-consistency*, not
//! validity: the simulated students are generated from the scorer's own assumptions (a
//! program's O*NET profile, a liking for the items and tiles that name its interest areas),
//! so they show that the scorer recovers what the generator put in. Validity is measured on
//! hand-written personas in `tests/quiz_personas.rs`.
//!
//! 1. Recovery: simulated students find their program in the top 3 (≥ 95% at noise sd 0.75,
//!    ≥ 80% at sd 1.25).
//! 2. Reach and balance: every program is #1 for some sheet; over uniformly random sheets no
//!    program takes more than 2× or less than 0.25× its fair share of #1 places.
//! 3. Stability: moving one answer one step keeps the old #1 in the new top 3 ≥ 95%.
//!
//! Checked against the answer sheet and the catalog (not the scorer's own filter):
//! 4. Reasons: a quoted item was answered 4–5 and names one of the program's interest areas;
//!    a quoted tile was picked and names one of them; no two programs on one screen give the
//!    same sentence, in English or Spanish.
//! 5. Length: the quiz taken through `App::update` never needs more than 26 inputs.
//!
//! Fixed seeds; every figure is printed (`cargo test --test quiz_quality -- --nocapture`).
//! The default sample sizes keep `cargo test` quick; `ROC_QUIZ_STUDENTS` (simulated students
//! per program and noise level, default 100) and `ROC_QUIZ_SHEETS` (random sheets for the
//! balance; a fifth of it for the reasons, a twentieth for stability; default 10000) run the
//! long versions, e.g. `ROC_QUIZ_STUDENTS=400 ROC_QUIZ_SHEETS=50000`.

mod common;

use std::collections::BTreeSet;

use common::quiz_driver::{QuizKiosk, catalog as shared_catalog};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_distr::{Distribution, Normal};
use roc_kiosk::catalog::{Catalog, Program, QuizItem};
use roc_kiosk::i18n::Lang;
use roc_kiosk::quiz::{self, Answers, MAX_TILES, Profile, Reason, SHOWN_TOGETHER};
use roc_kiosk::ui::quiz::reason_sentence;

/// Chance that a simulated student picks a tile naming one of their program's interest areas…
const P_TILE_MATCH: f64 = 0.7;
/// …and any other tile (at most `MAX_TILES` are kept, their own program's first).
const P_TILE_OTHER: f64 = 0.1;
/// How much more (on the 1–5 scale) a simulated student likes an item that speaks for their
/// program's interest areas than their RIASEC profile alone predicts.
const FAMILY_LIFT: f64 = 1.0;
/// Uniformly random sheets: each tile is picked with this chance (at most `MAX_TILES` kept).
const P_TILE_RANDOM: f64 = 0.25;

fn sample_size(var: &str, default: usize) -> usize {
    match std::env::var(var) {
        Ok(text) => text
            .parse()
            .unwrap_or_else(|_| panic!("{var}={text:?} is not a count")),
        Err(_) => default,
    }
}

/// Simulated students per program and noise level.
fn students_per_program() -> usize {
    sample_size("ROC_QUIZ_STUDENTS", 100)
}

/// Uniformly random sheets for the balance (the reasons use a fifth, stability a twentieth).
fn random_sheets() -> usize {
    sample_size("ROC_QUIZ_SHEETS", 10_000)
}

fn catalog() -> std::sync::Arc<Catalog> {
    let catalog = shared_catalog();
    // With three programs or fewer "top 3" is always true: the bars would mean nothing.
    assert!(
        catalog.programs.len() > 3,
        "the quiz bars need more than 3 programs, the catalog has {}",
        catalog.programs.len()
    );
    catalog
}

fn id(catalog: &Catalog, index: usize) -> &str {
    &catalog.programs[index].id
}

/// O*NET OI rating (1–7) mapped linearly onto the 1–5 answer scale.
fn scaled(oi: f64) -> f64 {
    1.0 + (oi - 1.0) * 4.0 / 6.0
}

/// Whether a list of interest areas (a tile's or an item's) names one of the program's.
fn shares_area(areas: &[String], program: &Program) -> bool {
    program.interest_areas.iter().any(|a| areas.contains(a))
}

/// At most `MAX_TILES` of the wanted tiles: the preferred ones first, then at random.
fn capped(
    mut preferred: Vec<String>,
    mut others: Vec<String>,
    rng: &mut StdRng,
) -> BTreeSet<String> {
    preferred.shuffle(rng);
    others.shuffle(rng);
    preferred
        .into_iter()
        .chain(others)
        .take(MAX_TILES)
        .collect()
}

/// A student whose interests are the program's O*NET profile, who likes the items that speak
/// for its interest areas [`FAMILY_LIFT`] more, answering every item with Gaussian noise and
/// picking tiles by the program's interest areas.
fn simulated_student(catalog: &Catalog, program: &Program, sd: f64, rng: &mut StdRng) -> Answers {
    let noise = Normal::new(0.0, sd).expect("a positive sd");
    let profile = program.riasec.as_array();
    let items = catalog
        .quiz
        .items
        .iter()
        .map(|item| {
            let family = if shares_area(&item.interest_areas, program) {
                FAMILY_LIFT
            } else {
                0.0
            };
            let x = scaled(profile[item.area.index()]) + family + noise.sample(rng);
            (item.id.clone(), x.round().clamp(1.0, 5.0) as u8)
        })
        .collect();
    let (mut own, mut other) = (Vec::new(), Vec::new());
    for tile in &catalog.quiz.tiles {
        if shares_area(&tile.interest_areas, program) {
            if rng.random_bool(P_TILE_MATCH) {
                own.push(tile.id.clone());
            }
        } else if rng.random_bool(P_TILE_OTHER) {
            other.push(tile.id.clone());
        }
    }
    Answers {
        items,
        tiles: capped(own, other, rng),
        choice: None,
    }
}

fn pearson(a: [f64; 6], b: [f64; 6]) -> f64 {
    let ma = a.iter().sum::<f64>() / 6.0;
    let mb = b.iter().sum::<f64>() / 6.0;
    let dot: f64 = (0..6).map(|i| (a[i] - ma) * (b[i] - mb)).sum();
    let na: f64 = a.iter().map(|x| (x - ma).powi(2)).sum::<f64>().sqrt();
    let nb: f64 = b.iter().map(|x| (x - mb).powi(2)).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// Which of a Stage C pair the student whose true program is `truth` prefers: the true
/// program itself, else the one sharing more interest areas with it, else the closer shape.
fn truly_better(catalog: &Catalog, truth: usize, a: usize, b: usize) -> usize {
    if a == truth || b == truth {
        return truth;
    }
    let t = &catalog.programs[truth];
    let key = |i: usize| {
        let p = &catalog.programs[i];
        let shared = p
            .interest_areas
            .iter()
            .filter(|x| t.interest_areas.contains(x))
            .count();
        (shared, pearson(p.riasec.as_array(), t.riasec.as_array()))
    };
    let (ka, kb) = (key(a), key(b));
    if kb.0 > ka.0 || (kb.0 == ka.0 && kb.1 > ka.1) {
        b
    } else {
        a
    }
}

/// The scoring path of the kiosk without its screens (fast enough for thousands of sheets):
/// score, ask Stage C when the scorer asks, answer it with `pick`.
fn take_quiz(
    catalog: &Catalog,
    mut answers: Answers,
    pick: impl FnOnce(usize, usize) -> usize,
) -> (Answers, quiz::Outcome, bool) {
    let asked = quiz::tiebreak(catalog, &answers);
    if let Some((a, b)) = asked {
        answers.choice = Some(catalog.programs[pick(a, b)].id.clone());
    }
    let outcome = quiz::recommend(catalog, &answers);
    (answers, outcome, asked.is_some())
}

fn random_sheet(catalog: &Catalog, rng: &mut StdRng) -> Answers {
    let items = catalog
        .quiz
        .items
        .iter()
        .filter_map(|item| {
            // 0 = skip, 1..=5 = the answer, all six equally likely.
            let v: u8 = rng.random_range(0..=5);
            (v > 0).then(|| (item.id.clone(), v))
        })
        .collect();
    let wanted = catalog
        .quiz
        .tiles
        .iter()
        .filter(|_| rng.random_bool(P_TILE_RANDOM))
        .map(|t| t.id.clone())
        .collect();
    Answers {
        items,
        tiles: capped(Vec::new(), wanted, rng),
        choice: None,
    }
}

// ------------------------------------------------------------------ 1. recovery

#[test]
fn self_consistency_recovery_true_program_in_top_3() {
    let catalog = catalog();
    let students = students_per_program();
    let n = catalog.programs.len();
    let mut failures = Vec::new();
    for (sd, bar, seed) in [(0.75, 0.95, 7501_u64), (1.25, 0.80, 12501_u64)] {
        let mut rng = StdRng::seed_from_u64(seed);
        let mut top3_total = 0;
        let mut top1_total = 0;
        let mut asked_total = 0;
        // Bands of the programs shown at #1, #2, #3: [strong, good, worth a look].
        let mut bands = [[0usize; 3]; 3];
        println!(
            "\nSelf-consistency recovery, noise sd {sd}, {students} students per program, tiles p={P_TILE_MATCH}/{P_TILE_OTHER}:"
        );
        println!(
            "  {:<34} {:>6} {:>6}  most often #1 instead",
            "program", "top3", "top1"
        );
        for truth in 0..n {
            let mut top3 = 0;
            let mut top1 = 0;
            let mut rivals = vec![0usize; n];
            for _ in 0..students {
                let sheet = simulated_student(&catalog, &catalog.programs[truth], sd, &mut rng);
                let (_, outcome, asked) =
                    take_quiz(&catalog, sheet, |a, b| truly_better(&catalog, truth, a, b));
                asked_total += usize::from(asked);
                for (shown, rec) in outcome.ranked.iter().take(3).enumerate() {
                    bands[shown][rec.band as usize] += 1;
                }
                let rank = outcome
                    .ranked
                    .iter()
                    .position(|r| r.program == truth)
                    .expect("every program is ranked");
                top3 += usize::from(rank < 3);
                top1 += usize::from(rank == 0);
                if rank > 0 {
                    rivals[outcome.ranked[0].program] += 1;
                }
            }
            let rival = (0..n).max_by_key(|&i| rivals[i]).filter(|&i| rivals[i] > 0);
            println!(
                "  {:<34} {:>5.1}% {:>5.1}%  {}",
                id(&catalog, truth),
                100.0 * top3 as f64 / students as f64,
                100.0 * top1 as f64 / students as f64,
                rival.map_or(String::new(), |i| format!(
                    "{} ({})",
                    id(&catalog, i),
                    rivals[i]
                ))
            );
            top3_total += top3;
            top1_total += top1;
        }
        let students = (n * students) as f64;
        let rate = top3_total as f64 / students;
        println!(
            "  ALL sd {sd}: top-3 {:.1}% (bar {:.0}%), top-1 {:.1}%, Stage C asked {:.1}%",
            100.0 * rate,
            100.0 * bar,
            100.0 * top1_total as f64 / students,
            100.0 * asked_total as f64 / students
        );
        for (shown, b) in bands.iter().enumerate() {
            println!(
                "  bands at #{}: strong {:.0}%, good {:.0}%, worth a look {:.0}%",
                shown + 1,
                100.0 * b[0] as f64 / students,
                100.0 * b[1] as f64 / students,
                100.0 * b[2] as f64 / students
            );
        }
        if rate < bar {
            failures.push(format!(
                "sd {sd}: top-3 {:.1}% < {:.0}%",
                100.0 * rate,
                100.0 * bar
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
}

// ------------------------------------------------------------------ 2. reach and balance

/// How far `target` is ahead of the best other program (negative: behind).
fn lead(catalog: &Catalog, answers: &Answers, target: usize) -> f64 {
    let outcome = quiz::recommend(catalog, answers);
    let mine = outcome
        .ranked
        .iter()
        .find(|r| r.program == target)
        .expect("ranked")
        .score;
    let best_other = outcome
        .ranked
        .iter()
        .find(|r| r.program != target)
        .map_or(f64::NEG_INFINITY, |r| r.score);
    mine - best_other
}

/// Searches for a sheet (no Stage C choice) that puts `target` at #1: starts from the
/// program's own profile and its first-area tiles, then hill-climbs one answer or tile at a
/// time.
fn search_sheet_for(catalog: &Catalog, target: usize, rng: &mut StdRng) -> Option<Answers> {
    let program = &catalog.programs[target];
    let profile = program.riasec.as_array();
    let mut sheet = Answers {
        items: catalog
            .quiz
            .items
            .iter()
            .map(|i| {
                let v = scaled(profile[i.area.index()]).round().clamp(1.0, 5.0) as u8;
                (i.id.clone(), v)
            })
            .collect(),
        tiles: catalog
            .quiz
            .tiles
            .iter()
            .filter(|t| t.interest_areas.contains(&program.interest_areas[0]))
            .map(|t| t.id.clone())
            .collect(),
        choice: None,
    };
    let mut best = lead(catalog, &sheet, target);
    for _ in 0..3000 {
        if best > 0.0 {
            return Some(sheet);
        }
        let mut next = sheet.clone();
        if rng.random_bool(0.7) {
            let item = &catalog.quiz.items[rng.random_range(0..catalog.quiz.items.len())];
            next.items.insert(item.id.clone(), rng.random_range(1..=5));
        } else {
            let tile = &catalog.quiz.tiles[rng.random_range(0..catalog.quiz.tiles.len())];
            if !next.tiles.remove(&tile.id) {
                next.tiles.insert(tile.id.clone());
            }
        }
        let l = lead(catalog, &next, target);
        if l >= best {
            best = l;
            sheet = next;
        }
    }
    (best > 0.0).then_some(sheet)
}

#[test]
fn reach_every_program_is_first_for_some_sheet() {
    let catalog = catalog();
    let mut rng = StdRng::seed_from_u64(2);
    let mut unreachable = Vec::new();
    println!("\nSelf-consistency reach: a sheet (no Stage C choice) that puts each program at #1:");
    for target in 0..catalog.programs.len() {
        match search_sheet_for(&catalog, target, &mut rng) {
            Some(sheet) => {
                let margin = lead(&catalog, &sheet, target);
                let items: Vec<String> = catalog
                    .quiz
                    .items
                    .iter()
                    .map(|i| sheet.items.get(&i.id).map_or("-".into(), |v| v.to_string()))
                    .collect();
                println!(
                    "  {:<34} lead {:.3}  items {}  tiles {:?}",
                    id(&catalog, target),
                    margin,
                    items.join(""),
                    sheet.tiles
                );
            }
            None => {
                println!("  {:<34} NOT FOUND", id(&catalog, target));
                unreachable.push(id(&catalog, target).to_string());
            }
        }
    }
    assert!(unreachable.is_empty(), "never #1: {unreachable:?}");
}

#[test]
fn balance_of_first_places_over_random_sheets() {
    let catalog = catalog();
    let sheets = random_sheets();
    let n = catalog.programs.len();
    let mut rng = StdRng::seed_from_u64(10_000);
    let mut firsts = vec![0usize; n];
    for _ in 0..sheets {
        let sheet = random_sheet(&catalog, &mut rng);
        let coin = rng.random_bool(0.5);
        let (_, outcome, _) = take_quiz(&catalog, sheet, |a, b| if coin { a } else { b });
        firsts[outcome.ranked[0].program] += 1;
    }
    let fair = sheets as f64 / n as f64;
    println!(
        "\nSelf-consistency balance: #1 places over {sheets} uniform random sheets (items skip/1-5 equally likely, tiles p={P_TILE_RANDOM}, Stage C by coin); fair share {fair:.0}"
    );
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(firsts[i]));
    let mut out_of_range = Vec::new();
    for i in order {
        let ratio = firsts[i] as f64 / fair;
        println!(
            "  {:<34} {:>5}  {:.2}× fair",
            id(&catalog, i),
            firsts[i],
            ratio
        );
        if !(0.25..=2.0).contains(&ratio) {
            out_of_range.push(format!("{} {ratio:.2}×", id(&catalog, i)));
        }
    }
    assert!(
        out_of_range.is_empty(),
        "outside 0.25×–2×: {out_of_range:?}"
    );
}

// ------------------------------------------------------------------ 3. stability

fn stability_rate(catalog: &Catalog, sheets: &[Answers]) -> (usize, usize) {
    let mut kept = 0;
    let mut moves = 0;
    for sheet in sheets {
        let old_first = quiz::recommend(catalog, sheet).ranked[0].program;
        for (item, &value) in &sheet.items {
            for step in [-1i16, 1] {
                let moved = i16::from(value) + step;
                if !(1..=5).contains(&moved) {
                    continue;
                }
                let mut changed = sheet.clone();
                changed.items.insert(item.clone(), moved as u8);
                let top3: Vec<usize> = quiz::recommend(catalog, &changed)
                    .ranked
                    .iter()
                    .take(3)
                    .map(|r| r.program)
                    .collect();
                moves += 1;
                kept += usize::from(top3.contains(&old_first));
            }
        }
    }
    (kept, moves)
}

#[test]
fn stability_one_step_keeps_the_old_first_in_the_top_3() {
    let catalog = catalog();
    let mut rng = StdRng::seed_from_u64(3);
    // Every sheet is re-scored once per answer moved, so a twentieth of the sheets will do.
    let n = random_sheets() / 20;
    let random: Vec<Answers> = (0..n).map(|_| random_sheet(&catalog, &mut rng)).collect();
    let simulated: Vec<Answers> = (0..n)
        .map(|k| {
            let program = &catalog.programs[k % catalog.programs.len()];
            simulated_student(&catalog, program, 1.0, &mut rng)
        })
        .collect();
    let mut failures = Vec::new();
    println!("\nSelf-consistency stability: every answered item moved one step up and down:");
    for (name, sheets) in [
        (format!("{n} uniform random sheets"), &random),
        (format!("{n} simulated students (sd 1.0)"), &simulated),
    ] {
        let (kept, moves) = stability_rate(&catalog, sheets);
        let rate = kept as f64 / moves as f64;
        println!(
            "  {name}: old #1 still in top 3 after {kept}/{moves} moves = {:.1}% (bar 95%)",
            100.0 * rate
        );
        if rate < 0.95 {
            failures.push(format!("{name}: {:.1}%", 100.0 * rate));
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
}

// ------------------------------------------------------------------ 4. reasons

/// The catalog's own answer to "may this item be quoted for this program": it names one of
/// the program's interest areas; only for a program no item names, an item in one of the
/// program's three highest RIASEC areas above its mean.
fn item_may_be_quoted(catalog: &Catalog, item: &QuizItem, program: &Program) -> bool {
    if shares_area(&item.interest_areas, program) {
        return true;
    }
    let named = catalog
        .quiz
        .items
        .iter()
        .any(|i| shares_area(&i.interest_areas, program));
    let p = program.riasec.as_array();
    let mean = p.iter().sum::<f64>() / 6.0;
    let a = item.area.index();
    let higher = p.iter().filter(|&&x| x > p[a]).count();
    !named && higher < 3 && p[a] > mean
}

/// Why a reason does not trace to the sheet and the catalog, or `None` when it does.
fn untraceable(
    catalog: &Catalog,
    answers: &Answers,
    program: &Program,
    reason: &Reason,
) -> Option<String> {
    match reason {
        Reason::LikedItem { item, strongly } => {
            let Some(&value) = answers.items.get(item) else {
                return Some(format!("quotes unanswered item {item}"));
            };
            if !(4..=5).contains(&value) {
                return Some(format!("quotes item {item} answered {value}"));
            }
            if *strongly != (value == 5) {
                return Some(format!("says strongly={strongly} for {item}={value}"));
            }
            let Some(it) = catalog.quiz.items.iter().find(|i| &i.id == item) else {
                return Some(format!("quotes unknown item {item}"));
            };
            (!item_may_be_quoted(catalog, it, program)).then(|| {
                format!(
                    "quotes {item} ({:?}) for {} ({:?})",
                    it.interest_areas, program.id, program.interest_areas
                )
            })
        }
        Reason::PickedTile { tile } => {
            if !answers.tiles.contains(tile) {
                return Some(format!("quotes unpicked tile {tile}"));
            }
            let Some(t) = catalog.quiz.tiles.iter().find(|t| &t.id == tile) else {
                return Some(format!("quotes unknown tile {tile}"));
            };
            (!shares_area(&t.interest_areas, program)).then(|| {
                format!(
                    "quotes tile {tile} that names none of {}'s areas",
                    program.id
                )
            })
        }
        Reason::CloseOverall { .. } => None,
    }
}

#[derive(Default)]
struct ReasonTally {
    reasons: usize,
    sheets: usize,
    top3: usize,
    top3_specific: usize,
    problems: Vec<String>,
}

impl ReasonTally {
    fn check(&mut self, catalog: &Catalog, answers: &Answers, outcome: &quiz::Outcome) {
        self.sheets += 1;
        for screen in outcome.ranked.chunks(SHOWN_TOGETHER) {
            for lang in [Lang::En, Lang::Es] {
                let sentences: Vec<String> = screen
                    .iter()
                    .map(|r| reason_sentence(catalog, &r.reasons, lang))
                    .filter(|s| !s.is_empty())
                    .collect();
                let distinct: BTreeSet<&String> = sentences.iter().collect();
                if distinct.len() != sentences.len() {
                    self.problems
                        .push(format!("one screen repeats a sentence: {sentences:?}"));
                }
            }
        }
        let says_something = matches!(outcome.profile, Profile::Normal | Profile::Broad { .. });
        for (rank, rec) in outcome.ranked.iter().enumerate() {
            let program = &catalog.programs[rec.program];
            if rec.reasons.len() > 2 {
                self.problems
                    .push(format!("{} has {} reasons", program.id, rec.reasons.len()));
            }
            for reason in &rec.reasons {
                self.reasons += 1;
                if let Some(p) = untraceable(catalog, answers, program, reason) {
                    self.problems.push(p);
                }
            }
            if rank < 3 {
                self.top3 += 1;
                let specific = rec
                    .reasons
                    .iter()
                    .any(|r| !matches!(r, Reason::CloseOverall { .. }));
                self.top3_specific += usize::from(specific);
                if says_something && rec.reasons.is_empty() {
                    self.problems
                        .push(format!("{} at #{} has no sentence", program.id, rank + 1));
                }
            }
        }
    }
}

#[test]
fn reasons_trace_to_the_sheet_and_the_catalog_and_differ_on_each_screen() {
    let catalog = catalog();
    let mut rng = StdRng::seed_from_u64(4);
    let mut tally = ReasonTally::default();
    let n = random_sheets() / 5;
    for _ in 0..n {
        let sheet = random_sheet(&catalog, &mut rng);
        let coin = rng.random_bool(0.5);
        let (answers, outcome, _) = take_quiz(&catalog, sheet, |a, b| if coin { a } else { b });
        tally.check(&catalog, &answers, &outcome);
    }
    for k in 0..n {
        let truth = k % catalog.programs.len();
        let sheet = simulated_student(&catalog, &catalog.programs[truth], 1.0, &mut rng);
        let (answers, outcome, _) =
            take_quiz(&catalog, sheet, |a, b| truly_better(&catalog, truth, a, b));
        tally.check(&catalog, &answers, &outcome);
    }
    println!(
        "\nReasons: {} reasons over {} sheets (random and simulated), {} problems; {:.1}% of top-3 programs have a specific reason (the rest say \"close to your answers overall\" or, with nothing to go on, nothing)",
        tally.reasons,
        tally.sheets,
        tally.problems.len(),
        100.0 * tally.top3_specific as f64 / tally.top3 as f64
    );
    assert!(
        tally.problems.is_empty(),
        "first problems: {:#?}",
        &tally.problems[..tally.problems.len().min(8)]
    );
}

/// Two programs that would both quote the same tile and nothing else still get two
/// different sentences: the second says plainly that it is close overall.
#[test]
fn programs_on_one_screen_never_share_a_sentence_even_with_one_tile() {
    let catalog = catalog();
    let sheet = Answers {
        tiles: ["caring".to_string()].into(),
        ..Answers::default()
    };
    let outcome = quiz::recommend(&catalog, &sheet);
    let sentences: Vec<String> = outcome
        .ranked
        .iter()
        .take(SHOWN_TOGETHER)
        .map(|r| reason_sentence(&catalog, &r.reasons, Lang::En))
        .collect();
    println!("\nOne tile, \"Caring for people\": {sentences:#?}");
    assert_eq!(
        sentences[0],
        "You picked \u{201c}Caring for people\u{201d}."
    );
    assert_eq!(sentences[1], "Close to your answers overall.");
    assert_eq!(sentences[2], "Also close to your answers overall.");
}

// ------------------------------------------------------------------ 5. length, through the kiosk

#[test]
fn length_the_kiosk_never_needs_more_than_26_inputs() {
    let catalog = catalog();
    let quiz = &catalog.quiz;
    let mut kiosk = QuizKiosk::new(std::sync::Arc::clone(&catalog));
    let mut rng = StdRng::seed_from_u64(5);
    let mut sheets: Vec<Answers> = (0..300).map(|_| random_sheet(&catalog, &mut rng)).collect();
    sheets.extend((0..300).map(|k| {
        let program = &catalog.programs[k % catalog.programs.len()];
        simulated_student(&catalog, program, 1.0, &mut rng)
    }));
    // The longest a student can make it: every item answered, every tile tried.
    let mut everything = simulated_student(&catalog, &catalog.programs[0], 1.0, &mut rng);
    everything.tiles = quiz.tiles.iter().map(|t| t.id.clone()).collect();
    sheets.push(everything);
    let mut longest = 0;
    let mut stage_c = 0;
    for sheet in &sheets {
        let taken = kiosk.take(sheet, |a, _| usize::from(a % 2 == 0));
        assert!(
            taken.answers.tiles.len() <= MAX_TILES,
            "{:?}",
            taken.answers.tiles
        );
        stage_c += usize::from(taken.asked.is_some());
        longest = longest.max(taken.inputs);
    }
    let tried_all = kiosk.take(sheets.last().unwrap(), |_, _| 0);
    assert_eq!(
        tried_all.answers.tiles.len(),
        MAX_TILES,
        "a fourth tile is refused"
    );
    println!(
        "\nLength through App::update: {} sheets (random, simulated, one trying every tile); longest {longest} inputs (bar 26: {} items + up to {MAX_TILES} tiles + done + Stage C); Stage C asked {stage_c} times",
        sheets.len(),
        quiz.items.len()
    );
    assert!(longest <= 26, "{longest} inputs");
}

// ------------------------------------------------------------------ catalog coverage, Spanish

#[test]
fn every_program_interest_area_is_on_some_tile_and_some_item_speaks_for_every_program() {
    let catalog = catalog();
    let on_tiles: BTreeSet<&String> = catalog
        .quiz
        .tiles
        .iter()
        .flat_map(|t| &t.interest_areas)
        .collect();
    let mut missing = Vec::new();
    let mut unspoken = Vec::new();
    for program in &catalog.programs {
        assert!(
            !program.interest_areas.is_empty(),
            "{} has no interest areas",
            program.id
        );
        for area in &program.interest_areas {
            if !on_tiles.contains(area) {
                missing.push(format!("{}: {area}", program.id));
            }
        }
        if !catalog
            .quiz
            .items
            .iter()
            .any(|i| shares_area(&i.interest_areas, program))
        {
            unspoken.push(program.id.clone());
        }
    }
    println!(
        "\nAreas missing from the tiles: {missing:?}; programs no item speaks for: {unspoken:?}"
    );
    assert!(missing.is_empty());
    assert!(unspoken.is_empty(), "add an item for {unspoken:?}");
}

#[test]
fn spanish_reasons_are_spanish_sentences() {
    let catalog = catalog();
    let mut rng = StdRng::seed_from_u64(6);
    let mut sentences = 0;
    for k in 0..500 {
        let program = &catalog.programs[k % catalog.programs.len()];
        let sheet = simulated_student(&catalog, program, 0.75, &mut rng);
        let outcome = quiz::recommend(&catalog, &sheet);
        for rec in outcome.ranked.iter().take(3) {
            let es = reason_sentence(&catalog, &rec.reasons, Lang::Es);
            let en = reason_sentence(&catalog, &rec.reasons, Lang::En);
            if rec.reasons.is_empty() {
                assert!(es.is_empty() && en.is_empty());
                continue;
            }
            sentences += 1;
            assert!(
                es.starts_with("Elegiste ")
                    || es.starts_with("Dijiste que ")
                    || es
                        .to_lowercase()
                        .contains("se parece a tus respuestas en general"),
                "{es}"
            );
            assert!(es.ends_with('.') && es != en, "{es} / {en}");
            if sentences <= 3 {
                println!("  es: {es}\n  en: {en}");
            }
        }
    }
    println!("Spanish: {sentences} reason sentences checked");
    assert!(sentences > 0);
}
