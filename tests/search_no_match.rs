//! A search with no match is not a dead end: the closest programs, if any, and two
//! buttons, "Take the quiz" and "Browse by career area", by key and by click, in both
//! languages; and `roc-kiosk search` says the same (`"closest": true`).

mod common;

use std::process::Command;

use common::kiosk::{Kiosk, text};
use ratatui::crossterm::event::KeyCode;
use roc_kiosk::app::{Screen, Target};
use roc_kiosk::search::Found;

/// Wakes the kiosk, opens Search and types `query`.
fn search(query: &str) -> Kiosk {
    let mut k = Kiosk::new();
    k.chars("x1").chars(query);
    assert_eq!(k.app.screen(), Screen::Search);
    k
}

fn screen(k: &mut Kiosk) -> String {
    text(&k.draw(80, 24))
}

#[test]
fn no_match_offers_the_quiz_and_the_career_areas_by_key() {
    let mut k = search("xyzzy");
    assert_eq!(k.app.student.search.found, Found::Nothing);
    assert!(k.app.student.search.hits.is_empty());
    let shown = screen(&mut k);
    for expected in [
        "No program matches \"xyzzy\".",
        "Try a simple word",
        "Take the quiz (2 minutes)",
        "Browse by career area",
    ] {
        assert!(shown.contains(expected), "{expected:?} missing:\n{shown}");
    }
    // With no programs listed, the first button is selected: Enter starts the quiz.
    assert!(shown.contains("▸ Take the quiz"), "{shown}");
    k.key(KeyCode::Enter);
    assert_eq!(k.app.screen(), Screen::Quiz);
    // Esc comes back to the same search; ↓ reaches the second button.
    k.key(KeyCode::Esc);
    assert_eq!(k.app.screen(), Screen::Search);
    assert_eq!(k.app.student.search.input.0.as_str(), "xyzzy");
    k.key(KeyCode::Down);
    assert!(screen(&mut k).contains("▸ Browse by career area"));
    k.key(KeyCode::Enter);
    assert_eq!(k.app.screen(), Screen::BrowseSectors);
}

#[test]
fn no_match_buttons_work_by_click_in_spanish() {
    let mut k = search("xyzzy");
    k.key(KeyCode::F(2));
    let shown = screen(&mut k);
    for expected in [
        "Ningún programa coincide con \"xyzzy\".",
        "Prueba una palabra sencilla",
        "Hacer el cuestionario (2 minutos)",
        "Explorar por área profesional",
    ] {
        assert!(shown.contains(expected), "{expected:?} missing:\n{shown}");
    }
    k.click(Target::BrowseAreas);
    assert_eq!(k.app.screen(), Screen::BrowseSectors);
    k.key(KeyCode::Esc);
    screen(&mut k);
    k.click(Target::TakeQuiz);
    assert_eq!(k.app.screen(), Screen::Quiz);
}

#[test]
fn a_near_miss_lists_the_closest_programs_above_the_buttons() {
    let mut k = search("mursing");
    assert_eq!(k.app.student.search.found, Found::Closest);
    let nursing = k.program("nursing-assistant");
    assert_eq!(
        k.app.student.search.hits.first().map(|h| h.program),
        Some(nursing)
    );
    let shown = screen(&mut k);
    assert!(
        shown.contains("No program matches \"mursing\". The closest: "),
        "{shown}"
    );
    assert!(shown.contains("Nursing Assistant"), "{shown}");
    assert!(shown.contains("Take the quiz (2 minutes)"), "{shown}");
    // The best guess is selected first; ↓ past the programs reaches the buttons.
    let programs = k.app.student.search.hits.len();
    k.key(KeyCode::Enter);
    assert_eq!(k.app.screen(), Screen::Detail { program: nursing });
    k.key(KeyCode::Esc);
    for _ in 0..programs {
        k.key(KeyCode::Down);
    }
    assert!(screen(&mut k).contains("▸ Take the quiz"));
    k.key(KeyCode::Enter);
    assert_eq!(k.app.screen(), Screen::Quiz);
}

#[test]
fn a_full_match_has_no_buttons() {
    let mut k = search("nurse");
    assert_eq!(k.app.student.search.found, Found::Every);
    assert!(k.app.search_actions().is_empty());
    let shown = screen(&mut k);
    assert!(!shown.contains("Take the quiz"), "{shown}");
    assert!(
        k.hot
            .iter()
            .all(|(_, t)| !matches!(t, Target::TakeQuiz | Target::BrowseAreas))
    );
    // ↓ stops at the last program.
    let programs = k.app.student.search.hits.len();
    for _ in 0..programs + 3 {
        k.key(KeyCode::Down);
    }
    assert_eq!(k.app.student.search.selected, programs - 1);
}

/// `roc-kiosk search QUERY --json` as JSON.
fn cli_search(query: &str) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_roc-kiosk"))
        .args(["search", query, "--json"])
        .output()
        .expect("run roc-kiosk search");
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice(&out.stdout).expect("search --json prints JSON")
}

#[test]
fn the_command_line_search_marks_the_closest_programs() {
    let rows = cli_search("mursing");
    assert_eq!(rows[0]["id"], "nursing-assistant");
    assert_eq!(rows[0]["closest"], true);
    let rows = cli_search("makeup artist");
    assert_eq!(rows[0]["id"], "cosmetology");
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .all(|r| r["closest"] == true)
    );
    let rows = cli_search("nurse");
    assert_eq!(rows[0]["closest"], false);
    assert_eq!(cli_search("xyzzy"), serde_json::json!([]));

    let out = Command::new(env!("CARGO_BIN_EXE_roc-kiosk"))
        .args(["search", "mursing"])
        .output()
        .expect("run roc-kiosk search");
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.starts_with("No program matches \"mursing\". The closest:\n"),
        "{table}"
    );
    assert!(table.contains("nursing-assistant"), "{table}");
}
