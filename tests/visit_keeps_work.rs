//! One stray tap never costs a student their work: the quiz's answers and results and the
//! language last the whole visit, until "I'm done" or the idle reset.

mod common;

use std::time::Duration;

use common::kiosk::{Kiosk, text};
use ratatui::crossterm::event::KeyCode;
use roc_kiosk::app::{QuizProgress, QuizStep, Screen, Target};
use roc_kiosk::i18n::Lang;

/// A kiosk in a visit, at question `at` (0-based) of the quiz, each earlier one answered 4.
fn at_question(at: usize) -> Kiosk {
    let mut k = Kiosk::new();
    k.chars("x2");
    k.chars(&"4".repeat(at));
    assert_eq!(k.app.student.quiz.step, QuizStep::Item(at));
    k
}

/// A kiosk on the quiz's results.
fn finished() -> Kiosk {
    let mut k = Kiosk::new();
    k.chars("x2");
    k.chars(&"4".repeat(k.app.catalog.quiz.items.len()));
    k.chars("a").key(KeyCode::Enter);
    if matches!(k.app.student.quiz.step, QuizStep::Choice(..)) {
        k.chars("1");
    }
    assert_eq!(k.app.screen(), Screen::Results);
    k
}

#[test]
fn the_back_tap_at_question_11_goes_home_and_the_quiz_resumes_there() {
    let mut k = at_question(10);
    let answers = k.app.student.quiz.answers.clone();
    k.draw(80, 24);
    k.click(Target::Back);
    assert_eq!(k.app.screen(), Screen::Home);
    let total = k.app.catalog.quiz.items.len();
    assert_eq!(k.app.quiz_progress(), QuizProgress::InProgress(11, total));
    let screen = text(&k.draw(80, 24));
    assert!(
        screen.contains(&format!("Continue the quiz (question 11 of {total})")),
        "Home says the quiz is kept:\n{screen}"
    );
    k.chars("2");
    assert_eq!(k.app.screen(), Screen::Quiz);
    assert_eq!(k.app.student.quiz.step, QuizStep::Item(10));
    assert_eq!(k.app.student.quiz.answers, answers, "no answer was lost");
}

#[test]
fn esc_and_the_home_key_keep_the_quiz_too() {
    for leave in [KeyCode::Esc, KeyCode::Home] {
        let mut k = at_question(5);
        k.key(leave);
        assert_eq!(k.app.screen(), Screen::Home, "{leave:?}");
        // A look at another screen in between changes nothing.
        k.chars("1vet").key(KeyCode::Home).chars("2");
        assert_eq!(k.app.student.quiz.step, QuizStep::Item(5), "{leave:?}");
        assert_eq!(k.app.student.quiz.answers.items.len(), 5, "{leave:?}");
    }
}

#[test]
fn esc_on_the_results_keeps_them_and_home_offers_see_my_matches() {
    let mut k = finished();
    let outcome = k.app.student.quiz.outcome.clone();
    k.chars("n");
    k.key(KeyCode::Esc);
    assert_eq!(k.app.screen(), Screen::Home);
    assert_eq!(k.app.quiz_progress(), QuizProgress::Finished);
    let screen = text(&k.draw(80, 24));
    assert!(screen.contains("See my matches"), "{screen}");
    assert!(!screen.contains("Take the quiz"), "{screen}");
    k.chars("2");
    assert_eq!(
        k.app.screen(),
        Screen::Results,
        "the results, not question 1"
    );
    assert_eq!(k.app.student.quiz.outcome, outcome);
    assert_eq!(
        k.app.student.quiz.first_shown, 3,
        "the same three on screen"
    );
}

#[test]
fn retake_is_the_explicit_start_over() {
    let mut k = finished();
    k.chars("r");
    assert_eq!(k.app.screen(), Screen::Quiz);
    assert_eq!(k.app.student.quiz.step, QuizStep::Item(0));
    assert_eq!(k.app.student.quiz.outcome, None);
    assert_eq!(k.app.quiz_progress(), QuizProgress::NotStarted);
    k.key(KeyCode::Esc);
    assert_eq!(k.app.screen(), Screen::Home, "not the dropped results");
}

#[test]
fn esc_on_home_keeps_the_language_and_the_visit() {
    let mut k = at_question(3);
    k.key(KeyCode::F(2));
    for _ in 0..5 {
        k.key(KeyCode::Esc);
    }
    assert_eq!(k.app.screen(), Screen::Home);
    assert_eq!(k.app.lang(), Lang::Es);
    assert!(k.app.student.session_started.is_some());
    let screen = text(&k.draw(80, 24));
    assert!(
        screen.contains("Seguir el cuestionario (pregunta 4 de"),
        "{screen}"
    );
    assert!(screen.contains(" 6 Terminé "), "{screen}");
    assert!(
        !k.hot.iter().any(|(_, t)| *t == Target::Back),
        "Home has no Back button that would do nothing"
    );
    // The button ends the visit as the key does.
    k.click(Target::Done);
    assert_eq!(k.app.screen(), Screen::Attract);
}

#[test]
fn i_am_done_and_the_idle_reset_end_the_visit_with_its_work() {
    let mut k = finished();
    k.key(KeyCode::F(2)).key(KeyCode::Esc).chars("6");
    assert_eq!(k.app.screen(), Screen::Attract);
    assert_eq!(
        k.app.lang(),
        Lang::En,
        "the next student gets the default language"
    );
    assert_eq!(k.app.quiz_progress(), QuizProgress::NotStarted);

    let mut k = Kiosk::with_settings(|s| s.idle_timeout = Duration::from_secs(60));
    k.chars("x2444");
    k.key(KeyCode::Esc);
    k.wait(Duration::from_secs(71));
    assert_eq!(k.app.screen(), Screen::Attract);
    k.chars("x2");
    assert_eq!(
        k.app.student.quiz.step,
        QuizStep::Item(0),
        "a new visit starts clean"
    );
}
