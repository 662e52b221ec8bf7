//! The quiz's screens through `App::update`: no accidental answers, the tile limit, the
//! Stage C pick listed first as the student's, and identical answers flagged on screen.

mod common;

use common::kiosk::{Kiosk, text};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use ratatui::crossterm::event::KeyCode;
use roc_kiosk::app::{QuizStep, Screen};
use roc_kiosk::quiz::{self, Answers, MAX_TILES};

fn start_quiz() -> Kiosk {
    let mut k = Kiosk::new();
    k.chars("x2");
    assert_eq!(k.app.student.quiz.step, QuizStep::Item(0));
    k
}

fn answer_every_item(k: &mut Kiosk, key: char) {
    for _ in 0..k.app.catalog.quiz.items.len() {
        k.chars(&key.to_string());
    }
    assert_eq!(k.app.student.quiz.step, QuizStep::Tiles);
}

#[test]
fn enter_without_a_choice_records_nothing() {
    let mut k = start_quiz();
    assert_eq!(k.app.student.quiz.cursor, None, "no answer is highlighted");
    k.key(KeyCode::Enter);
    assert_eq!(k.app.student.quiz.step, QuizStep::Item(0));
    assert!(k.app.student.quiz.answers.items.is_empty());
    // The first arrow press lands on the middle answer; Enter then records it.
    k.key(KeyCode::Down);
    assert_eq!(k.app.student.quiz.cursor, Some(2));
    k.key(KeyCode::Enter);
    assert_eq!(k.app.student.quiz.step, QuizStep::Item(1));
    let first = &k.app.catalog.quiz.items[0].id;
    assert_eq!(k.app.student.quiz.answers.items.get(first), Some(&3));
    assert_eq!(
        k.app.student.quiz.cursor, None,
        "the next item starts on no answer"
    );
    // Pressing Enter twenty times from here answers nothing either.
    for _ in 0..20 {
        k.key(KeyCode::Enter);
    }
    assert_eq!(k.app.student.quiz.step, QuizStep::Item(1));
    assert_eq!(k.app.student.quiz.answers.items.len(), 1);
}

#[test]
fn a_fourth_tile_is_refused_and_the_screen_says_so() {
    let mut k = start_quiz();
    answer_every_item(&mut k, '4');
    assert_eq!(k.app.student.quiz.cursor, None);
    k.key(KeyCode::Char(' '));
    assert!(
        k.app.student.quiz.answers.tiles.is_empty(),
        "space on no tile picks nothing"
    );
    k.chars("abcd");
    assert_eq!(k.app.student.quiz.answers.tiles.len(), MAX_TILES);
    assert!(
        !k.app.student.quiz.answers.tiles.contains("animals"),
        "d was refused"
    );
    assert!(text(&k.draw(80, 24)).contains("Picked: 3 of 3"));
    k.chars("a");
    assert_eq!(k.app.student.quiz.answers.tiles.len(), MAX_TILES - 1);
    k.chars("d");
    assert!(k.app.student.quiz.answers.tiles.contains("animals"));
}

/// A sheet the scorer sends to Stage C, found by a seeded search.
fn sheet_with_stage_c(k: &Kiosk) -> (Answers, usize, usize) {
    let catalog = &k.app.catalog;
    let mut rng = StdRng::seed_from_u64(13);
    for _ in 0..10_000 {
        let sheet = Answers {
            items: catalog
                .quiz
                .items
                .iter()
                .map(|i| (i.id.clone(), rng.random_range(1..=5)))
                .collect(),
            tiles: catalog
                .quiz
                .tiles
                .iter()
                .filter(|_| rng.random_bool(0.15))
                .take(MAX_TILES)
                .map(|t| t.id.clone())
                .collect(),
            choice: None,
        };
        if let Some((a, b)) = quiz::tiebreak(catalog, &sheet) {
            return (sheet, a, b);
        }
    }
    panic!("no sheet reaches Stage C");
}

#[test]
fn the_stage_c_pick_is_listed_first_as_the_students_pick() {
    let mut k = start_quiz();
    let (sheet, first, second) = sheet_with_stage_c(&k);
    let catalog = std::sync::Arc::clone(&k.app.catalog);
    for item in &catalog.quiz.items {
        k.chars(&sheet.items[&item.id].to_string());
    }
    for (i, tile) in catalog.quiz.tiles.iter().enumerate() {
        if sheet.tiles.contains(&tile.id) {
            k.chars(&char::from(b'a' + i as u8).to_string());
        }
    }
    k.key(KeyCode::Enter);
    assert_eq!(k.app.student.quiz.step, QuizStep::Choice(first, second));
    k.key(KeyCode::Enter);
    assert_eq!(
        k.app.student.quiz.step,
        QuizStep::Choice(first, second),
        "Enter on no option picks nothing"
    );
    // The student picks the program the scorer had second.
    k.chars("2");
    assert_eq!(k.app.screen(), Screen::Results);
    let outcome = k.app.student.quiz.outcome.clone().unwrap();
    assert_eq!(outcome.ranked[0].program, second);
    assert!(outcome.ranked[0].picked);
    assert_eq!(outcome.ranked[1].program, first, "the other stays second");
    let screen = text(&k.draw(80, 24));
    let picked_name = catalog.programs[second].name.en.as_str();
    let row = screen
        .lines()
        .find(|l| l.contains(picked_name))
        .unwrap_or_else(|| panic!("{picked_name} not shown:\n{screen}"));
    assert!(row.contains(" 1  ") && row.contains("Your pick"), "{row}");
}

#[test]
fn identical_answers_are_flagged_on_the_results() {
    for (key, tiles, note) in [
        (
            '4',
            "d",
            "You like lots of things! You gave every activity the same answer",
        ),
        (
            '3',
            "d",
            "Nothing stood out: you gave every activity the same answer, so",
        ),
        (
            '3',
            "",
            "Nothing stood out: you gave every activity the same answer and picked no tile",
        ),
    ] {
        let mut k = start_quiz();
        answer_every_item(&mut k, key);
        k.chars(tiles);
        k.key(KeyCode::Enter);
        if let QuizStep::Choice(..) = k.app.student.quiz.step {
            k.chars("1");
        }
        assert_eq!(k.app.screen(), Screen::Results);
        let screen = text(&k.draw(120, 40)).replace('\n', " ");
        let screen = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            screen.contains(note),
            "all {key}s, tiles {tiles:?}:\n{screen}"
        );
        if !tiles.is_empty() {
            // It leans on the tile: Animals & farms puts Veterinary Technology first.
            let first = k.app.results_shown()[0];
            assert_eq!(k.app.catalog.programs[first].id, "veterinary-technology");
        }
    }
}
