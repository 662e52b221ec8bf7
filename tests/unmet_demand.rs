//! Unmet demand: when a search with no match counts as ended, and what it logs. Driven
//! through `App::update` with the test clock, reading the effects the booth would log.

mod common;

use std::time::Duration;

use common::kiosk::{Kiosk, PIN};
use ratatui::crossterm::event::KeyCode;
use roc_kiosk::app::{Effect, Event};

/// The words of every `search_no_match` event so far (`None`: a count without words).
fn no_match_events(k: &Kiosk) -> Vec<Option<String>> {
    k.effects
        .iter()
        .filter_map(|e| match e {
            Effect::Track(Event::SearchNoMatch { search_terms }) => Some(search_terms.clone()),
            _ => None,
        })
        .collect()
}

/// The booth events in order, by name.
fn event_names(k: &Kiosk) -> Vec<&'static str> {
    k.effects
        .iter()
        .filter_map(|e| match e {
            Effect::Track(Event::SearchNoMatch { .. }) => Some("search_no_match"),
            Effect::Track(Event::SessionEnd { .. }) => Some("session_end"),
            Effect::Track(Event::SessionStart) => Some("session_start"),
            Effect::Track(_) => Some("other"),
            _ => None,
        })
        .collect()
}

#[test]
fn clearing_a_search_that_found_nothing_counts_once_without_words() {
    let mut k = Kiosk::new();
    k.chars("x1plumbing");
    assert_eq!(
        no_match_events(&k),
        [] as [Option<String>; 0],
        "still typing"
    );
    k.key(KeyCode::Esc); // clears the words
    assert_eq!(no_match_events(&k), [None]);
    k.key(KeyCode::Esc); // back to Home with an empty box: nothing more
    assert_eq!(no_match_events(&k), [None]);
}

#[test]
fn the_words_are_logged_only_when_the_setting_is_on() {
    let mut k = Kiosk::with_settings(|s| s.log_search_terms = true);
    k.chars("x1plumbing").key(KeyCode::Home);
    assert_eq!(no_match_events(&k), [Some("plumbing".to_string())]);
}

#[test]
fn editing_the_words_is_the_same_search() {
    let mut k = Kiosk::with_settings(|s| s.log_search_terms = true);
    k.chars("x1plumbng")
        .key(KeyCode::Backspace)
        .key(KeyCode::Backspace)
        .chars("ing")
        .key(KeyCode::F(2)); // the language changes; the search goes on
    assert!(no_match_events(&k).is_empty());
    k.key(KeyCode::Home);
    assert_eq!(no_match_events(&k), [Some("plumbing".to_string())]);
}

#[test]
fn a_search_that_found_programs_is_not_counted() {
    let mut k = Kiosk::new();
    k.chars("x1nurse").key(KeyCode::Esc).key(KeyCode::Esc);
    k.chars("1cars")
        .key(KeyCode::Enter)
        .key(KeyCode::Esc)
        .key(KeyCode::Home);
    assert!(no_match_events(&k).is_empty(), "{:?}", k.effects);
}

#[test]
fn opening_a_closest_program_is_not_giving_up_but_leaving_later_is() {
    let mut k = Kiosk::with_settings(|s| s.log_search_terms = true);
    k.chars("x1makeup artist");
    assert!(
        k.app.student.search.found.is_closest() && !k.app.student.search.hits.is_empty(),
        "the closest programs are shown"
    );
    k.key(KeyCode::Enter); // opens Cosmetology
    assert!(no_match_events(&k).is_empty());
    k.key(KeyCode::Esc); // back on the search, words kept
    assert!(no_match_events(&k).is_empty());
    k.key(KeyCode::Esc); // clears them
    assert_eq!(no_match_events(&k), [Some("makeup artist".to_string())]);
}

#[test]
fn walking_away_counts_the_search_in_the_visit_it_belongs_to() {
    let mut k = Kiosk::new();
    k.chars("x1hvac");
    k.wait(Duration::from_secs(200)); // idle timeout, "Still there?", reset
    assert_eq!(
        event_names(&k),
        ["session_start", "search_no_match", "session_end"]
    );
}

#[test]
fn the_technician_taking_over_ends_the_search_before_the_visit() {
    let mut k = Kiosk::new();
    k.chars("x1tattoo").ctrl('t');
    assert_eq!(
        event_names(&k),
        ["session_start", "search_no_match", "session_end"]
    );
    // The PIN screen and the menu log no search.
    k.chars(PIN).key(KeyCode::Enter).key(KeyCode::Esc);
    assert_eq!(no_match_events(&k).len(), 1);
}
