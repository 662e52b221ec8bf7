//! The technician menu draws today: visits by hour as a bar chart and the three most
//! viewed programs, in the menu's language. Snapshots at 80x24 and 120x40 (and Spanish at
//! 80x24), plus the facts a snapshot alone would not name.

mod common;

use common::kiosk::{Kiosk, PIN, text};
use ratatui::crossterm::event::KeyCode;
use roc_kiosk::app::Msg;
use roc_kiosk::stats::{Event, Record, Summary, Via, summarize};

/// A morning at the booth: visits at 9 (2), 10 (5), 11 (1) and 13 (3); one view each,
/// of Nursing Assistant (5), Cosmetology (3) and Automotive Technology (3).
fn morning() -> Summary {
    let mut records = Vec::new();
    let mut session = 0;
    for (hour, visits) in [(9, 2), (10, 5), (11, 1), (13, 3)] {
        for minute in 0..visits {
            session += 1;
            let ts = format!("2026-11-24T{hour:02}:{:02}:00.000-08:00", minute * 5);
            let record = |event| Record {
                ts: ts.clone(),
                laptop: "booth-1".into(),
                session: format!("s{session}"),
                event,
            };
            records.push(record(Event::SessionStart));
            let program = match session % 4 {
                0 | 1 => "nursing-assistant",
                2 => "cosmetology",
                _ => "automotive-technology",
            };
            records.push(record(Event::ProgramViewed {
                program: program.into(),
                via: Via::Search,
                search_terms: None,
            }));
        }
    }
    summarize(&records, None)
}

/// The technician menu with today's figures in.
fn menu(lang_es: bool) -> Kiosk {
    let mut k = Kiosk::new();
    k.ctrl('t').chars(PIN).key(KeyCode::Enter);
    if lang_es {
        k.key(KeyCode::F(2));
    }
    k.send(Msg::TechFigures(Box::new(morning())));
    k
}

#[test]
fn the_menu_draws_visits_by_hour_and_the_top_three() {
    let mut k = menu(false);
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = text(&k.draw(w, h));
        insta::assert_snapshot!(format!("tech_chart_{w}x{h}"), screen);
        assert!(screen.contains("Visits by hour"), "{screen}");
        assert!(screen.contains("Students: 11"), "{screen}");
        // One labelled bar per hour from the first busy hour to the last, 12 included.
        let labels = screen
            .lines()
            .find(|l| l.contains(" 09 ") && l.contains(" 13"))
            .unwrap_or_else(|| panic!("no hour labels\n{screen}"));
        for hour in ["09", "10", "11", "12", "13"] {
            assert!(labels.contains(hour), "no {hour} in {labels:?}");
        }
        // Ranked: Nursing Assistant (5), then Cosmetology and Automotive Technology (3 each,
        // by id).
        let nursing = screen.find("1. Nursing Assistant (5)").expect("first");
        let auto = screen.find("2. Automotive Technology (3)").expect("second");
        let cosmetology = screen.find("3. Cosmetology (3)").expect("third");
        assert!(nursing < auto && auto < cosmetology);
    }
}

/// The 10 o'clock bar (5 visits) stands taller than the 9 o'clock bar (2), and 12 has
/// none: the chart follows the figures.
#[test]
fn bar_heights_follow_the_visits() {
    let mut k = menu(false);
    let buf = k.draw(120, 40);
    let screen = text(&buf);
    let lines: Vec<&str> = screen.lines().collect();
    let label_row = lines
        .iter()
        .position(|l| l.contains(" 09 ") && l.contains(" 13"))
        .expect("the labels");
    let column = |hour: &str| {
        let byte = lines[label_row].find(hour).unwrap();
        lines[label_row][..byte].chars().count()
    };
    let height = |hour: &str| {
        let x = column(hour);
        (0..label_row)
            .rev()
            .take_while(|&y| {
                let cell = lines[y].chars().nth(x).unwrap_or(' ');
                cell != ' '
            })
            .count()
    };
    assert!(height("10") > height("09"), "\n{screen}");
    assert!(height("09") > height("11"), "\n{screen}");
    assert_eq!(height("12"), 0, "\n{screen}");
}

#[test]
fn the_chart_speaks_spanish() {
    let mut k = menu(true);
    let screen = text(&k.draw(80, 24));
    insta::assert_snapshot!("tech_chart_es_80x24", screen);
    assert!(screen.contains("Visitas por hora"), "{screen}");
    assert!(screen.contains("Más vistos"), "{screen}");
    assert!(
        screen.contains("1. Asistente de Enfermería (5)"),
        "{screen}"
    );
    assert!(screen.contains("Estudiantes: 11"), "{screen}");
}

#[test]
fn no_visits_yet_says_so_instead_of_an_empty_chart() {
    let mut k = Kiosk::new();
    k.ctrl('t').chars(PIN).key(KeyCode::Enter);
    k.send(Msg::TechFigures(Box::default()));
    let screen = text(&k.draw(80, 24));
    assert!(screen.contains("No visits yet today."), "{screen}");
    assert!(!screen.contains("Most viewed"), "{screen}");
}

#[test]
fn tiny_and_odd_windows_draw_the_chart_without_panicking() {
    let mut k = menu(false);
    for (w, h) in [(80, 24), (81, 25), (200, 60), (80, 60), (300, 24)] {
        k.draw(w, h);
    }
}
