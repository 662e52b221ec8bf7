//! One way for keys and clicks: a key and the button it names do the same thing, every
//! text field edits alike, and a page scrolls as far as the last frame showed.

mod common;

use common::kiosk::{Kiosk, PIN};
use ratatui::crossterm::event::KeyCode;
use roc_kiosk::app::{Effect, Msg, QuizStep, Screen, Target, TechItem};

/// Two kiosks brought to the same point by `setup`, one pressing `key`, the other
/// tapping `target` (on a frame drawn at 120x40): they must end in the same state with
/// the same effects.
fn key_and_tap_agree(setup: impl Fn(&mut Kiosk), key: char, target: Target) {
    let mut by_key = Kiosk::new();
    let mut by_tap = Kiosk::new();
    for k in [&mut by_key, &mut by_tap] {
        setup(k);
        k.draw(120, 40);
        k.effects.clear();
    }
    by_key.chars(&key.to_string());
    by_tap.click(target);
    let what = format!("key {key:?} vs {target:?}");
    // The two kiosks' clocks started apart: compare when each visit began on its own clock.
    let visit = |k: &Kiosk| {
        let mut student = k.app.student.clone();
        let began = student.session_started.take().map(|t| t - k.start);
        (student, began)
    };
    assert_eq!(visit(&by_key), visit(&by_tap), "{what}");
    assert_eq!(by_key.app.tech, by_tap.app.tech, "{what}");
    assert_eq!(by_key.effects, by_tap.effects, "{what}");
}

fn unlock(k: &mut Kiosk) {
    k.ctrl('t').chars(PIN).key(KeyCode::Enter);
    assert_eq!(k.app.screen(), Screen::Tech);
}

/// Answers every quiz item "unsure", leaves the tiles empty and takes the first option
/// of a tie, to reach the results.
fn finish_quiz(k: &mut Kiosk) {
    k.chars("x2");
    while k.app.screen() == Screen::Quiz {
        match k.app.student.quiz.step {
            QuizStep::Item(_) => k.chars("3"),
            QuizStep::Tiles => k.key(KeyCode::Enter),
            QuizStep::Choice(..) => k.chars("1"),
        };
    }
    assert_eq!(k.app.screen(), Screen::Results);
}

#[test]
fn every_home_entry_opens_alike_by_key_and_by_tap() {
    let menu = Kiosk::new().app.menu();
    assert!(menu.len() >= 4);
    for (i, item) in menu.iter().enumerate() {
        key_and_tap_agree(
            |k| {
                k.chars("x");
            },
            item.key(),
            Target::Menu(i),
        );
    }
    key_and_tap_agree(
        |k| {
            k.chars("x");
        },
        roc_kiosk::app::DONE_KEY,
        Target::Done,
    );
}

#[test]
fn results_keys_and_buttons_agree() {
    let pairs = [
        ('1', Target::Row(0)),
        ('2', Target::Row(1)),
        ('n', Target::ShowMore),
        ('r', Target::Retake),
        ('a', Target::Apply),
    ];
    for (key, target) in pairs {
        key_and_tap_agree(finish_quiz, key, target);
    }
}

#[test]
fn every_technician_entry_opens_alike_by_key_and_by_tap() {
    for item in TechItem::ALL {
        key_and_tap_agree(unlock, item.key(), Target::TechItem(item));
    }
    // Exit asks first; its key or a second tap says yes.
    key_and_tap_agree(
        |k| {
            unlock(k);
            k.chars("5");
        },
        '5',
        Target::TechItem(TechItem::Exit),
    );
    let mut k = Kiosk::new();
    unlock(&mut k);
    k.chars("55");
    assert_eq!(k.effects.last(), Some(&Effect::Quit));
}

#[test]
fn the_event_name_edits_like_every_field() {
    let mut k = Kiosk::new();
    unlock(&mut k);
    k.chars("1").chars("Old name");
    // Ctrl-U clears it, as in the search box; a paste is cleaned of control, bidi and
    // invisible characters, as the config would refuse them.
    k.ctrl('u');
    k.send(Msg::Paste("Fair\u{202e}\tNight\u{200b}".into()));
    k.ctrl('w').chars("Night 2");
    k.key(KeyCode::Enter);
    assert_eq!(k.app.settings.event_name.as_deref(), Some("Night 2"));
    assert!(matches!(
        k.effects.last(),
        Some(Effect::SaveSettings { event_name: Some(name), .. }) if name == "Night 2"
    ));
}

#[test]
fn a_tap_on_the_menu_while_editing_drops_the_edit() {
    let mut k = Kiosk::new();
    k.app.settings.event_name = Some("Career Night".into());
    unlock(&mut k);
    k.chars("1").chars(" typed");
    k.draw(120, 40);
    k.effects.clear();
    k.click(Target::TechItem(TechItem::Figures));
    assert_eq!(k.app.tech.editing_event, None);
    assert_eq!(k.app.tech.selected, TechItem::Figures);
    assert_eq!(k.app.settings.event_name.as_deref(), Some("Career Night"));
    assert_eq!(k.effects, vec![Effect::RefreshTechFigures]);
}

#[test]
fn a_pin_being_typed_never_shows_in_debug_output() {
    let mut k = Kiosk::new();
    k.ctrl('t').chars("97531");
    assert_eq!(k.app.tech.pin.len(), 5);
    let shown = format!("{:?}", k.app.tech);
    assert!(!shown.contains("97531"), "{shown}");
    // Letters never reach a PIN, typed or pasted.
    k.chars("ab").send(Msg::Paste("x8y".into()));
    assert_eq!(k.app.tech.pin.as_str(), "975318");
}

#[test]
fn a_page_scrolls_as_far_as_the_last_frame_showed() {
    let mut k = Kiosk::new();
    k.chars("x1nursing").key(KeyCode::Enter);
    assert!(matches!(k.app.screen(), Screen::Detail { .. }));
    k.draw(80, 24);
    let small = k.app.page.max_scroll;
    assert!(small > 0, "the nursing detail is longer than 80x24");
    k.key(KeyCode::End);
    assert_eq!(k.app.student.scroll, small);
    // A bigger window shows more, so the end is nearer the top; End goes there.
    k.draw(120, 40);
    let big = k.app.page.max_scroll;
    assert!(big < small, "{big} < {small}");
    k.key(KeyCode::Home).key(KeyCode::End);
    assert_eq!(k.app.student.scroll, big);
    // PgDn moves a screenful of the frame shown, less one row.
    k.key(KeyCode::Home).key(KeyCode::PageDown);
    assert_eq!(
        k.app.student.scroll,
        k.app.page.page_rows.min(big),
        "{:?}",
        k.app.page
    );
}
