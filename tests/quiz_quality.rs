//! Quality bars for the interest quiz, computed from the real scoring code and the bundled
//! catalog (or the catalog directory in `QUIZ_CATALOG`, for tuning). Fixed seeds; every
//! figure is printed (`cargo test --test quiz_quality -- --nocapture`).
//!
//! 1. Recovery: simulated students generated from each program's own profile find it in
//!    their top 3 (≥ 95% at noise sd 0.75, ≥ 80% at sd 1.25).
//! 2. Reach and balance: every program is #1 for some sheet; over 10,000 uniformly random
//!    sheets no program takes more than 2× or less than 0.25× its fair share of #1 places.
//! 3. Stability: moving one answer one step keeps the old #1 in the new top 3 ≥ 95%.
//! 4. Honest reasons: every reason is an item answered 4–5 in a high area of the program, or
//!    a picked tile naming one of its interest areas.
//! 5. Length: no path takes more than 26 inputs.
//!
//! Also: Spanish reasons are non-empty Spanish sentences.

use std::collections::BTreeSet;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rand_distr::{Distribution, Normal};
use roc_kiosk::catalog::{Catalog, CatalogSource, Program, Quiz};
use roc_kiosk::i18n::Lang;
use roc_kiosk::quiz::{self, Answers, Reason};
use roc_kiosk::ui::quiz::reason_sentence;

/// Chance that a simulated student picks a tile naming one of their program's interest areas…
const P_TILE_MATCH: f64 = 0.7;
/// …and any other tile.
const P_TILE_OTHER: f64 = 0.1;
/// Simulated students per program and noise level.
const STUDENTS_PER_PROGRAM: usize = 200;
/// Uniformly random sheets: each tile is picked with this chance.
const P_TILE_RANDOM: f64 = 0.25;
const RANDOM_SHEETS: usize = 10_000;

fn catalog() -> Catalog {
    let source = match std::env::var_os("QUIZ_CATALOG") {
        Some(dir) => CatalogSource::Dir(dir.into()),
        None => CatalogSource::Bundled,
    };
    let catalog = Catalog::load(&source).unwrap_or_else(|e| panic!("{e}"));
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

fn shares_area(tile_areas: &[String], program: &Program) -> bool {
    program
        .interest_areas
        .iter()
        .any(|a| tile_areas.contains(a))
}

/// A student whose interests are the program's O*NET profile, answering every item with
/// Gaussian noise, picking tiles by the program's interest areas.
fn simulated_student(catalog: &Catalog, program: &Program, sd: f64, rng: &mut StdRng) -> Answers {
    let noise = Normal::new(0.0, sd).expect("a positive sd");
    let profile = program.riasec.as_array();
    let items = catalog
        .quiz
        .items
        .iter()
        .map(|item| {
            let x = scaled(profile[item.area.index()]) + noise.sample(rng);
            (item.id.clone(), x.round().clamp(1.0, 5.0) as u8)
        })
        .collect();
    let tiles = catalog
        .quiz
        .tiles
        .iter()
        .filter(|tile| {
            let p = if shares_area(&tile.interest_areas, program) {
                P_TILE_MATCH
            } else {
                P_TILE_OTHER
            };
            rng.random_bool(p)
        })
        .map(|tile| tile.id.clone())
        .collect();
    Answers {
        items,
        tiles,
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

/// The full path: score, ask Stage C when the scorer asks, answer it with `pick`.
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
    let tiles = catalog
        .quiz
        .tiles
        .iter()
        .filter(|_| rng.random_bool(P_TILE_RANDOM))
        .map(|t| t.id.clone())
        .collect();
    Answers {
        items,
        tiles,
        choice: None,
    }
}

// ------------------------------------------------------------------ 1. recovery

#[test]
fn recovery_true_program_in_top_3() {
    let catalog = catalog();
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
            "\nRecovery, noise sd {sd}, {STUDENTS_PER_PROGRAM} students per program, tiles p={P_TILE_MATCH}/{P_TILE_OTHER}:"
        );
        println!(
            "  {:<34} {:>6} {:>6}  most often #1 instead",
            "program", "top3", "top1"
        );
        for truth in 0..n {
            let mut top3 = 0;
            let mut top1 = 0;
            let mut rivals = vec![0usize; n];
            for _ in 0..STUDENTS_PER_PROGRAM {
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
                100.0 * top3 as f64 / STUDENTS_PER_PROGRAM as f64,
                100.0 * top1 as f64 / STUDENTS_PER_PROGRAM as f64,
                rival.map_or(String::new(), |i| format!(
                    "{} ({})",
                    id(&catalog, i),
                    rivals[i]
                ))
            );
            top3_total += top3;
            top1_total += top1;
        }
        let students = (n * STUDENTS_PER_PROGRAM) as f64;
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
    println!("\nReach: a sheet (no Stage C choice) that puts each program at #1:");
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
    let n = catalog.programs.len();
    let mut rng = StdRng::seed_from_u64(10_000);
    let mut firsts = vec![0usize; n];
    for _ in 0..RANDOM_SHEETS {
        let sheet = random_sheet(&catalog, &mut rng);
        let coin = rng.random_bool(0.5);
        let (_, outcome, _) = take_quiz(&catalog, sheet, |a, b| if coin { a } else { b });
        firsts[outcome.ranked[0].program] += 1;
    }
    let fair = RANDOM_SHEETS as f64 / n as f64;
    println!(
        "\nBalance: #1 places over {RANDOM_SHEETS} uniform random sheets (items skip/1-5 equally likely, tiles p={P_TILE_RANDOM}, Stage C by coin); fair share {fair:.0}"
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
    let random: Vec<Answers> = (0..1000)
        .map(|_| random_sheet(&catalog, &mut rng))
        .collect();
    let simulated: Vec<Answers> = (0..1000)
        .map(|k| {
            let program = &catalog.programs[k % catalog.programs.len()];
            simulated_student(&catalog, program, 1.0, &mut rng)
        })
        .collect();
    let mut failures = Vec::new();
    println!("\nStability: every answered item moved one step up and down:");
    for (name, sheets) in [
        ("1000 uniform random sheets", &random),
        ("1000 simulated students (sd 1.0)", &simulated),
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

// ------------------------------------------------------------------ 4. honest reasons

fn high_areas(program: &Program) -> [bool; 6] {
    let p = program.riasec.as_array();
    let mean = p.iter().sum::<f64>() / 6.0;
    std::array::from_fn(|a| {
        let mut sorted = p;
        sorted.sort_by(|x, y| y.total_cmp(x));
        p[a] >= sorted[2] && p[a] > mean
    })
}

/// Why a reason is dishonest, or `None` when it traces to the student's answers.
fn dishonesty(
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
            let area = catalog.quiz.items.iter().find(|i| &i.id == item)?.area;
            (!high_areas(program)[area.index()])
                .then(|| format!("quotes {item} but {area:?} is not high for {}", program.id))
        }
        Reason::PickedTile { tile } => {
            if !answers.tiles.contains(tile) {
                return Some(format!("quotes unpicked tile {tile}"));
            }
            let t = catalog.quiz.tiles.iter().find(|t| &t.id == tile)?;
            (!shares_area(&t.interest_areas, program)).then(|| {
                format!(
                    "quotes tile {tile} that names none of {}'s areas",
                    program.id
                )
            })
        }
    }
}

#[test]
fn honest_reasons_over_random_sheets() {
    let catalog = catalog();
    let mut rng = StdRng::seed_from_u64(4);
    let mut reasons = 0;
    let mut top3_with_reason = 0;
    let mut top3_total = 0;
    let mut problems = Vec::new();
    for _ in 0..RANDOM_SHEETS {
        let sheet = random_sheet(&catalog, &mut rng);
        let outcome = quiz::recommend(&catalog, &sheet);
        for (rank, rec) in outcome.ranked.iter().enumerate() {
            assert!(rec.reasons.len() <= 2);
            let program = &catalog.programs[rec.program];
            for reason in &rec.reasons {
                reasons += 1;
                if let Some(p) = dishonesty(&catalog, &sheet, program, reason) {
                    problems.push(p);
                }
            }
            if rank < 3 {
                top3_total += 1;
                top3_with_reason += usize::from(!rec.reasons.is_empty());
            }
        }
    }
    println!(
        "\nHonest reasons: {reasons} reasons over {RANDOM_SHEETS} random sheets, {} untraceable; {:.1}% of top-3 programs have a reason",
        problems.len(),
        100.0 * top3_with_reason as f64 / top3_total as f64
    );
    assert!(
        problems.is_empty(),
        "first problems: {:?}",
        &problems[..problems.len().min(5)]
    );
}

// ------------------------------------------------------------------ 5. length

/// The most inputs any path through the quiz takes: one press per item (an answer or a skip),
/// at most one per tile (picking it; a tile is picked once), one "done" press to leave the
/// tile screen, and at most one Stage C answer. The design bar is ≤ 26.
fn max_inputs(quiz: &Quiz) -> usize {
    quiz.items.len() + quiz.tiles.len() + 1 + 1
}

/// The inputs one sheet took, counted as in `max_inputs`; `asked_stage_c` when
/// `quiz::tiebreak` asked the Stage C question.
fn inputs_used(quiz: &Quiz, answers: &Answers, asked_stage_c: bool) -> usize {
    let tiles = quiz
        .tiles
        .iter()
        .filter(|t| answers.tiles.contains(&t.id))
        .count();
    quiz.items.len() + tiles + 1 + usize::from(asked_stage_c)
}

#[test]
fn length_no_path_takes_more_than_26_inputs() {
    let catalog = catalog();
    let quiz = &catalog.quiz;
    let max = max_inputs(quiz);
    println!(
        "\nLength: {} items (one press each, answer or skip) + up to {} tiles + 1 done + up to 1 Stage C = {max} inputs at most (bar 26)",
        quiz.items.len(),
        quiz.tiles.len()
    );
    assert!(max <= 26, "{max} inputs");
    // Every sheet, even one that picks every tile, stays within it, and Stage C is asked once.
    let mut rng = StdRng::seed_from_u64(5);
    let mut longest = 0;
    let mut sheets: Vec<Answers> = (0..2000)
        .map(|_| random_sheet(&catalog, &mut rng))
        .collect();
    let mut everything = random_sheet(&catalog, &mut rng);
    everything.tiles = quiz.tiles.iter().map(|t| t.id.clone()).collect();
    sheets.push(everything);
    for sheet in sheets {
        let (answered, _, asked) = take_quiz(&catalog, sheet, |a, _| a);
        assert_eq!(
            quiz::tiebreak(&catalog, &answered),
            None,
            "Stage C asked twice"
        );
        longest = longest.max(inputs_used(quiz, &answered, asked));
    }
    println!("  longest of 2001 sheets (incl. every tile picked): {longest} inputs");
    assert!(longest <= 26);
}

// ------------------------------------------------------------------ catalog coverage, Spanish

#[test]
fn every_program_interest_area_is_on_some_tile() {
    let catalog = catalog();
    let on_tiles: BTreeSet<&String> = catalog
        .quiz
        .tiles
        .iter()
        .flat_map(|t| &t.interest_areas)
        .collect();
    let mut missing = Vec::new();
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
    }
    println!("\nTiles cover every program's interest areas; missing: {missing:?}");
    assert!(missing.is_empty());
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
                es.starts_with("Elegiste ") || es.starts_with("Dijiste que "),
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
