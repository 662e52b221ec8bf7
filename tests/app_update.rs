//! `App::update` as a student and a technician use it: navigation, search input, idle
//! reset, the PIN, and the keys a kiosk must ignore.

mod common;

use std::time::Duration;

use common::kiosk::{Kiosk, PIN};
use ratatui::crossterm::event::KeyCode;
use roc_kiosk::app::{Effect, EndReason, Event as Activity, Msg, Screen, Target, Via};
use roc_kiosk::i18n::Lang;

#[test]
fn any_key_wakes_attract_and_starts_a_session() {
    let mut k = Kiosk::new();
    assert_eq!(k.app.screen(), Screen::Attract);
    k.chars("x");
    assert_eq!(k.app.screen(), Screen::Home);
    assert_eq!(k.effects, vec![Effect::Track(Activity::SessionStart)]);
}

#[test]
fn number_keys_open_menu_entries_and_esc_comes_back() {
    let mut k = Kiosk::new();
    k.chars("x1");
    assert_eq!(k.app.screen(), Screen::Search);
    k.key(KeyCode::Esc);
    assert_eq!(k.app.screen(), Screen::Home);
    k.chars("3");
    assert_eq!(k.app.screen(), Screen::BrowseSectors);
    k.key(KeyCode::Enter);
    assert!(matches!(k.app.screen(), Screen::BrowsePrograms { .. }));
    k.key(KeyCode::Enter);
    assert!(matches!(k.app.screen(), Screen::Detail { .. }));
    k.key(KeyCode::Home);
    assert_eq!(k.app.screen(), Screen::Home);
}

#[test]
fn typing_searches_on_every_key_and_enter_opens_the_program() {
    let mut k = Kiosk::new();
    k.chars("x1vet");
    assert_eq!(k.app.student.search.input.0.as_str(), "vet");
    assert!(!k.app.student.search.hits.is_empty());
    k.key(KeyCode::Enter);
    let vet = k.program("veterinary-technology");
    assert_eq!(k.app.screen(), Screen::Detail { program: vet });
    assert!(k.effects.iter().any(|e| matches!(e,
        Effect::Track(Activity::ProgramViewed { program, via: Via::Search, search_terms: None }) if program == "veterinary-technology")));
    // Back lands on the search with the query still there.
    k.key(KeyCode::Esc);
    assert_eq!(k.app.screen(), Screen::Search);
    assert_eq!(k.app.student.search.input.0.as_str(), "vet");
}

#[test]
fn backspace_ctrl_u_and_paste_edit_the_query() {
    let mut k = Kiosk::new();
    k.chars("x1nursx");
    k.key(KeyCode::Backspace);
    assert_eq!(k.app.student.search.input.0.as_str(), "nurs");
    k.ctrl('u');
    assert_eq!(k.app.student.search.input.0.as_str(), "");
    k.send(Msg::Paste("cars\n\u{1b}[2J".repeat(5000)));
    let q = k.app.student.search.input.0.as_str();
    assert!(q.starts_with("cars [2J"), "{q}");
    assert!(q.chars().count() <= 60);
}

#[test]
fn the_first_esc_clears_the_query_and_the_second_goes_back() {
    let mut k = Kiosk::new();
    k.chars("x1cars");
    k.key(KeyCode::Esc);
    assert_eq!(k.app.screen(), Screen::Search);
    assert_eq!(k.app.student.search.input.0.as_str(), "");
    k.key(KeyCode::Esc);
    assert_eq!(k.app.screen(), Screen::Home);
}

#[test]
fn student_keys_never_quit() {
    let mut k = Kiosk::new();
    k.chars("x");
    for c in ['c', 'z', '\\', 'd', 'q'] {
        k.ctrl(c);
    }
    k.chars("q");
    for n in 1..=12 {
        k.key(KeyCode::F(n));
    }
    k.key(KeyCode::Esc).key(KeyCode::Esc).key(KeyCode::Esc);
    assert!(!k.effects.contains(&Effect::Quit));
}

#[test]
fn esc_on_home_stays_and_i_am_done_ends_the_session() {
    let mut k = Kiosk::new();
    k.chars("x");
    k.key(KeyCode::Esc).key(KeyCode::Backspace);
    assert_eq!(k.app.screen(), Screen::Home, "Esc on Home keeps the visit");
    assert!(
        !k.effects
            .iter()
            .any(|e| matches!(e, Effect::Track(Activity::SessionEnd { .. }))),
        "no session ends on Esc: {:?}",
        k.effects
    );
    k.chars("6");
    assert_eq!(k.app.screen(), Screen::Attract);
    assert!(k.effects.contains(&Effect::Track(Activity::SessionEnd {
        reason: EndReason::BackToAttract,
        seconds: 0
    })));
}

#[test]
fn idle_reset_wipes_every_trace_of_the_student() {
    let mut k = Kiosk::with_settings(|s| s.idle_timeout = Duration::from_secs(90));
    k.chars("x1vet");
    k.key(KeyCode::Down);
    k.key(KeyCode::F(2));
    assert_eq!(k.app.lang(), Lang::Es);

    k.wait(Duration::from_secs(89));
    assert!(k.app.still_there_left().is_none(), "not yet idle");
    k.wait(Duration::from_secs(1));
    assert_eq!(k.app.still_there_left(), Some(10));
    k.wait(Duration::from_secs(10));

    assert_eq!(k.app.screen(), Screen::Attract);
    assert_eq!(
        k.app.student,
        roc_kiosk::app::Student::default(),
        "all student state is wiped"
    );
    assert_eq!(
        k.app.student.search.input.0.as_str(),
        "",
        "the old query is gone"
    );
    assert!(k.app.student.search.hits.is_empty());
    assert_eq!(k.app.lang(), Lang::En, "language goes back to the default");
    assert!(
        k.effects.contains(&Effect::Track(Activity::SessionEnd {
            reason: EndReason::Idle,
            seconds: 100
        })),
        "the session lasted from the first key to the reset: 90 s idle + 10 s countdown"
    );
}

#[test]
fn any_input_answers_still_there_without_acting() {
    let mut k = Kiosk::new();
    k.chars("x1vet");
    k.wait(Duration::from_secs(95));
    assert!(k.app.still_there_left().is_some());
    k.chars("s");
    assert!(k.app.still_there_left().is_none());
    assert_eq!(
        k.app.student.search.input.0.as_str(),
        "vet",
        "the key that woke it is not typed"
    );
    k.wait(Duration::from_secs(30));
    assert_eq!(k.app.screen(), Screen::Search, "the idle clock restarted");
}

#[test]
fn attract_does_not_time_out_and_rotates_programs() {
    let mut k = Kiosk::new();
    let first = k.app.attract_program();
    k.wait(Duration::from_secs(600));
    assert_eq!(k.app.screen(), Screen::Attract);
    assert!(k.app.still_there_left().is_none());
    k.wait(Duration::from_secs(6));
    assert_ne!(k.app.attract_program(), first);
}

#[test]
fn the_pin_opens_the_technician_menu_and_exit_quits() {
    let mut k = Kiosk::new();
    k.chars("x");
    k.ctrl('t');
    assert_eq!(k.app.screen(), Screen::Pin);
    k.chars(PIN);
    k.key(KeyCode::Enter);
    assert_eq!(k.app.screen(), Screen::Tech);
    assert!(k.effects.contains(&Effect::RefreshTechFigures));
    // Exit asks first: another key stays, Y confirms.
    k.chars("5");
    assert!(!k.effects.contains(&Effect::Quit));
    assert!(k.app.tech.confirm_exit);
    k.key(KeyCode::Down);
    assert_eq!(k.app.screen(), Screen::Tech);
    assert!(!k.effects.contains(&Effect::Quit), "any other key stays");
    k.chars("5").chars("y");
    assert_eq!(k.effects.last(), Some(&Effect::Quit));
}

#[test]
fn three_wrong_pins_lock_the_prompt_and_the_visit_is_gone() {
    let mut k = Kiosk::new();
    k.chars("x1cars");
    k.ctrl('t');
    assert_eq!(
        k.app.student.search.input.0.as_str(),
        "",
        "the technician never sees the student's query"
    );
    assert!(k.effects.iter().any(|e| matches!(
        e,
        Effect::Track(Activity::SessionEnd {
            reason: EndReason::Technician,
            ..
        })
    )));
    for _ in 0..2 {
        k.chars("0000");
        k.key(KeyCode::Enter);
        assert_eq!(k.app.screen(), Screen::Pin);
    }
    k.chars("1111");
    k.key(KeyCode::Enter);
    assert!(k.app.tech.lock.remaining(k.now()).is_some(), "locked");
    k.key(KeyCode::Esc);
    assert_eq!(k.app.screen(), Screen::Attract);
    assert_eq!(
        k.app.student.search.input.0.as_str(),
        "",
        "the student's query does not survive"
    );
    assert!(!k.effects.contains(&Effect::Quit));
}

#[test]
fn technician_changes_the_event_name_and_idle_timeout() {
    let mut k = Kiosk::new();
    k.ctrl('t').chars(PIN).key(KeyCode::Enter);
    k.chars("1").chars("Career Fair");
    k.key(KeyCode::Enter);
    assert_eq!(k.app.settings.event_name.as_deref(), Some("Career Fair"));
    // "2" shows the value to pick; nothing changes until Enter.
    k.chars("2");
    assert_eq!(k.app.tech.picking_idle, Some(90));
    assert_eq!(k.app.settings.idle_timeout, Duration::from_secs(90));
    k.key(KeyCode::Right).key(KeyCode::Right);
    assert_eq!(k.app.tech.picking_idle, Some(180));
    k.key(KeyCode::Left);
    assert_eq!(k.app.settings.idle_timeout, Duration::from_secs(90));
    k.key(KeyCode::Enter);
    assert_eq!(k.app.settings.idle_timeout, Duration::from_secs(120));
    assert!(k.effects.contains(&Effect::SaveSettings {
        event_name: Some("Career Fair".into()),
        idle_timeout_secs: 120
    }));
}

#[test]
fn f2_toggles_the_language_anywhere() {
    let mut k = Kiosk::new();
    k.key(KeyCode::F(2));
    assert_eq!(
        k.app.screen(),
        Screen::Attract,
        "F2 on attract switches it in place"
    );
    assert_eq!(k.app.lang(), Lang::Es);
    assert!(k.effects.is_empty(), "no visit starts until the next key");
    k.chars("x");
    assert_eq!(k.app.screen(), Screen::Home);
    assert_eq!(
        k.app.lang(),
        Lang::Es,
        "the visit keeps the language chosen on attract"
    );
    k.chars("1");
    k.key(KeyCode::F(2));
    assert_eq!(k.app.lang(), Lang::En);
    k.key(KeyCode::Esc).chars("5");
    assert_eq!(k.app.lang(), Lang::Es, "menu entry 5 toggles too");
}

/// A language picked on attract by someone who walks away goes back to the default after
/// the idle timeout, on the attract screen itself.
#[test]
fn a_language_chosen_on_attract_and_left_returns_to_the_default() {
    let mut k = Kiosk::with_settings(|s| s.idle_timeout = Duration::from_secs(90));
    k.key(KeyCode::F(2));
    k.wait(Duration::from_secs(89));
    assert_eq!(k.app.lang(), Lang::Es, "still within the idle timeout");
    k.wait(Duration::from_secs(1));
    assert_eq!(k.app.screen(), Screen::Attract);
    assert_eq!(k.app.lang(), Lang::En);
    // The label on the attract screen switches it the same way as F2.
    k.draw(80, 24);
    k.click(Target::Lang);
    assert_eq!((k.app.screen(), k.app.lang()), (Screen::Attract, Lang::Es));
}

#[test]
fn browse_filters_narrow_the_programs() {
    let mut k = Kiosk::new();
    k.chars("x3");
    let all: usize = k.app.sectors_with_programs().iter().map(|(_, n)| n).sum();
    assert_eq!(all, k.app.catalog.programs.len());
    k.chars("c");
    let roc_only: usize = k.app.sectors_with_programs().iter().map(|(_, n)| n).sum();
    assert!(roc_only < all && roc_only > 0);
    // Each campus, then "Campus not listed", then all again.
    for _ in 1..=k.app.campus_filter_choices() {
        k.chars("c");
    }
    let back_to_all: usize = k.app.sectors_with_programs().iter().map(|(_, n)| n).sum();
    assert_eq!(back_to_all, all, "the campus filter cycles back to all");
}

/// Every value the filters offer shows at least one program: a time of day no program
/// meets in (the catalog's "Evening") is never offered.
#[test]
fn filters_offer_only_values_some_program_has() {
    let mut k = Kiosk::new();
    k.chars("x3");
    let sessions = &k.app.catalog.center.sessions;
    let evening = sessions.iter().position(|s| s.id == "evening").unwrap();
    let offered = k.app.session_filter_values();
    assert!(!offered.contains(&evening), "{offered:?}");
    assert!(offered.len() >= 2, "{offered:?}");
    let total = |k: &Kiosk| -> usize { k.app.sectors_with_programs().iter().map(|(_, n)| n).sum() };
    let mut seen = Vec::new();
    for _ in &offered {
        k.chars("s");
        seen.push(k.app.student.filters.session.unwrap());
        assert!(total(&k) > 0, "time filter {seen:?} shows nothing");
    }
    assert_eq!(seen, offered);
    k.chars("s");
    assert_eq!(k.app.student.filters.session, None, "back to all");
    for _ in 0..k.app.campus_filter_choices() {
        k.chars("c");
        assert!(
            total(&k) > 0,
            "campus filter {:?} shows nothing",
            k.app.student.filters
        );
    }
}

#[test]
fn clicks_work_where_keys_do() {
    let mut k = Kiosk::new();
    k.draw(80, 24);
    k.send(Msg::Click(Target::Background));
    assert_eq!(k.app.screen(), Screen::Home);
    k.draw(80, 24);
    k.click(Target::Menu(0));
    assert_eq!(k.app.screen(), Screen::Search);
    k.chars("nursing");
    k.draw(80, 24);
    k.click(Target::Row(0));
    assert!(matches!(k.app.screen(), Screen::Detail { .. }));
    k.draw(80, 24);
    k.click(Target::Back);
    assert_eq!(k.app.screen(), Screen::Search);
    k.draw(80, 24);
    k.click(Target::Lang);
    assert_eq!(k.app.lang(), Lang::Es);
    k.draw(80, 24);
    k.click(Target::Home);
    assert_eq!(k.app.screen(), Screen::Home);
}

#[test]
fn detail_scrolls_but_not_past_the_end() {
    let mut k = Kiosk::new();
    k.chars("x1nursing");
    k.key(KeyCode::Enter);
    k.draw(80, 24);
    for _ in 0..100 {
        k.key(KeyCode::Down);
    }
    let bottom = k.app.student.scroll;
    assert!(
        bottom > 0,
        "the nursing assistant detail is longer than one screen"
    );
    k.key(KeyCode::Up);
    assert_eq!(
        k.app.student.scroll,
        bottom - 1,
        "one key up moves at once, not after 100 presses"
    );
    k.send(Msg::Scroll(-3));
    assert_eq!(k.app.student.scroll, bottom - 4);
}

#[test]
fn the_quiz_runs_item_by_item_to_results_and_a_program() {
    let mut k = Kiosk::new();
    k.chars("x2");
    assert_eq!(k.app.screen(), Screen::Quiz);
    let items = k.app.catalog.quiz.items.len();
    let mut presses = 0;
    for i in 0..items {
        assert_eq!(k.app.student.quiz.step, roc_kiosk::app::QuizStep::Item(i));
        k.chars(if i % 2 == 0 { "5" } else { "1" });
        presses += 1;
    }
    assert_eq!(k.app.student.quiz.step, roc_kiosk::app::QuizStep::Tiles);
    k.chars("c");
    k.key(KeyCode::Enter);
    presses += 2;
    if let roc_kiosk::app::QuizStep::Choice(..) = k.app.student.quiz.step {
        k.chars("1");
        presses += 1;
    }
    assert!(presses <= 26, "{presses} inputs");
    assert_eq!(k.app.screen(), Screen::Results);
    assert_eq!(k.app.results_shown().len(), 3);
    assert!(
        k.effects.iter().any(
            |e| matches!(e, Effect::Track(Activity::QuizFinished { top3 }) if top3.len() == 3)
        )
    );
    k.key(KeyCode::Enter);
    assert!(matches!(k.app.screen(), Screen::Detail { .. }));
    assert!(k.effects.iter().any(|e| matches!(
        e,
        Effect::Track(Activity::ProgramViewed { via: Via::Quiz, .. })
    )));
    k.key(KeyCode::Esc);
    assert_eq!(
        k.app.screen(),
        Screen::Results,
        "back from the program lands on the results"
    );
    k.key(KeyCode::Esc);
    assert_eq!(
        k.app.screen(),
        Screen::Home,
        "and back from the results goes Home, not into the quiz"
    );
}

#[test]
fn quiz_back_shows_the_earlier_answer_and_skip_removes_it() {
    let mut k = Kiosk::new();
    k.chars("x24");
    k.key(KeyCode::Backspace);
    assert_eq!(k.app.student.quiz.step, roc_kiosk::app::QuizStep::Item(0));
    assert_eq!(
        k.app.student.quiz.cursor,
        Some(3),
        "the cursor sits on the answer given (4)"
    );
    k.chars("0");
    assert!(
        k.app.student.quiz.answers.items.is_empty(),
        "a skip leaves no answer"
    );
}

#[test]
fn not_me_shows_three_more_and_wraps() {
    let mut k = Kiosk::new();
    k.chars("x2");
    for _ in 0..k.app.catalog.quiz.items.len() {
        k.chars("3");
    }
    k.key(KeyCode::Enter);
    if matches!(
        k.app.student.quiz.step,
        roc_kiosk::app::QuizStep::Choice(..)
    ) {
        k.chars("2");
    }
    let first = k.app.results_shown();
    k.chars("n");
    let second = k.app.results_shown();
    assert!(
        first.iter().all(|p| !second.contains(p)),
        "three different programs"
    );
    for _ in 0..20 {
        k.chars("n");
    }
    assert_eq!(
        k.app.results_shown().len().min(3),
        k.app.results_shown().len()
    );
}

#[test]
fn idle_reset_wipes_the_quiz_answers() {
    let mut k = Kiosk::new();
    k.chars("x25454");
    assert!(!k.app.student.quiz.answers.items.is_empty());
    k.wait(Duration::from_secs(100));
    assert_eq!(k.app.screen(), Screen::Attract);
    assert!(k.app.student.quiz.answers.items.is_empty());
    assert!(k.app.student.quiz.outcome.is_none());
}

#[test]
fn a_query_with_an_unknown_word_shows_the_closest_programs_and_says_so() {
    let mut k = Kiosk::new();
    k.chars("x1makeup artist");
    assert!(k.app.student.search.found.is_closest());
    let first = k
        .app
        .student
        .search
        .hits
        .first()
        .map(|h| k.app.catalog.programs[h.program].id.clone());
    assert_eq!(first.as_deref(), Some("cosmetology"));
    let screen = common::kiosk::text(&k.draw(80, 24));
    assert!(screen.contains("No program matches every word"), "{screen}");
    k.ctrl('u').chars("vet animals");
    assert!(!k.app.student.search.found.is_closest());
}
