//! The booth's side of the effects (`roc_kiosk::booth::Booth`, the real `World`) when the
//! world misbehaves, and what the technician menu then says, in both languages, at 80x24:
//! the day's booth log deleted or moved while the kiosk runs, settings that cannot be
//! saved, and a long log problem that must read in full.

mod common;

use std::path::{Path, PathBuf};

use common::kiosk::{Kiosk, PIN, text};
use ratatui::crossterm::event::KeyCode;
use roc_kiosk::app::{Effect, EndReason, Event, Msg};
use roc_kiosk::booth::Booth;
use roc_kiosk::config::Config;
use roc_kiosk::stats::{BoothLog, Event as LogEvent, read_logs};
use roc_kiosk::tui::{World, apply_effects};

fn at(date: &str, time: &str) -> jiff::Zoned {
    format!("{date}T{time}[America/Los_Angeles]")
        .parse()
        .unwrap()
}

/// The events in `path`, in order.
fn events_in(path: &Path) -> Vec<LogEvent> {
    read_logs(&[path.to_path_buf()])
        .records
        .into_iter()
        .map(|r| r.event)
        .collect()
}

/// Whether `screen` shows all of `expected`, wrapped however, with nothing cut: the
/// same characters in the same order once the spaces and line breaks are taken out.
fn reads_in_full(screen: &str, expected: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    squeeze(screen).contains(&squeeze(expected))
}

/// Draws the screen at 80x24 in English, then (F2) in Spanish, and asserts that each
/// shows every one of its texts in full. The kiosk is left in Spanish.
fn assert_reads_in_full_in_both(k: &mut Kiosk, english: &[String], spanish: &[String]) {
    for (texts, lang) in [(english, "en"), (spanish, "es")] {
        let screen = text(&k.draw(80, 24));
        println!("{lang}:\n{screen}");
        for expected in texts {
            assert!(reads_in_full(&screen, expected), "{expected}\n{screen}");
        }
        k.key(KeyCode::F(2));
    }
    k.key(KeyCode::F(2));
}

/// A kiosk on the technician menu.
fn tech_menu() -> Kiosk {
    let mut k = Kiosk::new();
    k.ctrl('t').chars(PIN).key(KeyCode::Enter);
    k.effects.clear();
    k
}

const DAY: &str = "2026-11-24";

/// A booth log in `dir` with one visit started on [`DAY`], and the day's file.
fn log_with_a_visit(dir: &Path) -> (BoothLog, PathBuf) {
    let mut log = BoothLog::open(dir, "booth-1");
    let path = log.path_for(DAY.parse().unwrap());
    log.append("s1", &LogEvent::SessionStart, &at(DAY, "09:00"));
    assert!(path.is_file());
    assert_eq!(log.recreated(), None);
    (log, path)
}

#[test]
fn a_deleted_log_file_is_started_again_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (mut log, path) = log_with_a_visit(dir.path());
    let date = DAY;

    std::fs::remove_file(&path).unwrap();
    log.append("s2", &LogEvent::SessionStart, &at(date, "09:05"));
    assert!(path.is_file(), "the file is created again");
    assert_eq!(events_in(&path), [LogEvent::SessionStart]);
    assert_eq!(log.recreated(), Some(path.as_path()));
    assert_eq!(log.problem(), None);
    assert_eq!(log.written_events(), 2);

    // The next day's file is new anyway: the news is over.
    log.append("s3", &LogEvent::SessionStart, &at("2026-11-25", "09:00"));
    assert_eq!(log.recreated(), None);
}

#[test]
fn a_moved_log_file_keeps_what_it_had_and_the_day_goes_on_in_a_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let (mut log, path) = log_with_a_visit(dir.path());
    let date = DAY;
    let moved = dir.path().join("moved-away.jsonl");
    std::fs::rename(&path, &moved).unwrap();
    let end = LogEvent::SessionEnd {
        reason: EndReason::Idle,
        seconds: 40,
    };
    log.append("s1", &end, &at(date, "09:01"));
    assert_eq!(events_in(&moved), [LogEvent::SessionStart]);
    assert_eq!(events_in(&path), [end]);
    assert_eq!(log.recreated(), Some(path.as_path()));
}

#[test]
fn the_technician_menu_says_the_log_was_started_again_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let today = jiff::Zoned::now().date();
    let mut booth = Booth::new(
        BoothLog::open(dir.path(), "booth-1"),
        Config::default(),
        dir.path().join("config.json"),
        Some(today),
    );
    booth.track(&Event::SessionStart);
    let path = dir.path().join(format!("booth-{today}-booth-1.jsonl"));
    std::fs::remove_file(&path).unwrap();
    booth.track(&Event::ApplyShown);
    assert_eq!(booth.log_recreated(), Some(path.display().to_string()));

    let mut k = tech_menu();
    let now = k.now();
    apply_effects(
        &mut k.app,
        &mut booth,
        vec![Effect::RefreshTechFigures],
        now,
    );
    let path = path.display();
    assert_reads_in_full_in_both(
        &mut k,
        &[format!(
            "Today's booth log file was deleted or moved, so the kiosk started it again: \
             {path}. The figures count only the visits since."
        )],
        &[format!(
            "El archivo de registro de hoy fue borrado o movido, así que el quiosco lo creó \
             de nuevo: {path}. Las cifras cuentan solo las visitas desde entonces."
        )],
    );
}

#[test]
fn the_config_writer_reports_a_folder_it_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    // A path whose parent is a regular file: no user, root included, can create it.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "").unwrap();
    let config_path = blocker.join("config.json");
    let mut booth = Booth::new(BoothLog::disabled(), Config::default(), config_path, None);
    let err = booth
        .save_settings(Some("Career Night"), 90)
        .expect_err("nothing can be saved under a file");
    assert!(err.contains("not-a-folder/config.json"), "{err}");
}

#[test]
fn settings_that_cannot_be_saved_say_so_in_the_menu_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "").unwrap();
    let mut booth = Booth::new(
        BoothLog::disabled(),
        Config::default(),
        blocker.join("config.json"),
        None,
    );

    let mut k = tech_menu();
    k.key(KeyCode::Char('1')).chars("Career Night");
    k.key(KeyCode::Enter);
    let effects = std::mem::take(&mut k.effects);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::SaveSettings { .. })),
        "{effects:?}"
    );
    let now = k.now();
    apply_effects(&mut k.app, &mut booth, effects, now);
    let problem = k.app.tech.settings_problem.clone().expect("the failure");
    assert_reads_in_full_in_both(
        &mut k,
        &[format!(
            "Settings NOT saved: {problem}. They last only until the kiosk closes."
        )],
        &[format!(
            "La configuración NO se guardó: {problem}. Solo dura hasta que se cierre el quiosco."
        )],
    );

    // Once saving works again (here: another config file), the warning goes.
    let mut fixed = Booth::new(
        BoothLog::disabled(),
        Config::default(),
        dir.path().join("config.json"),
        None,
    );
    k.key(KeyCode::Char('2')).key(KeyCode::Enter);
    let effects = std::mem::take(&mut k.effects);
    apply_effects(&mut k.app, &mut fixed, effects, now);
    assert_eq!(k.app.tech.settings_problem, None);
    assert!(!text(&k.draw(80, 24)).contains("NO se guard"));
    let saved = std::fs::read_to_string(dir.path().join("config.json")).unwrap();
    assert!(saved.contains("Career Night"), "{saved}");
}

#[test]
fn a_long_log_problem_reads_in_full_at_80x24_with_the_other_notices() {
    let problem = "cannot open /home/booth/.local/share/roc-kiosk/career-night-at-foothill-high-school/booth-2026-11-24-booth-laptop-1.jsonl: Is a directory (os error 21)";
    let recreated = "/home/booth/.local/share/roc-kiosk/booth-2026-11-24-booth-laptop-1.jsonl";
    let unsaved = "/home/booth/.config/roc-kiosk/config.json: Read-only file system (os error 30)";
    let mut k = tech_menu();
    k.send(Msg::LogProblem(Some(problem.into())));
    k.send(Msg::LogRecreated(Some(recreated.into())));
    k.send(Msg::SettingsSaved(Err(unsaved.into())));
    assert_reads_in_full_in_both(
        &mut k,
        &[
            format!("Booth log is not being saved: {problem}"),
            format!("started it again: {recreated}."),
            format!("Settings NOT saved: {unsaved}."),
        ],
        &[
            format!("El registro del stand no se está guardando: {problem}"),
            format!("lo creó de nuevo: {recreated}."),
            format!("La configuración NO se guardó: {unsaved}."),
        ],
    );
}

/// A FIFO, or a link to a device, put where today's booth log goes: the writer refuses it
/// at once (a FIFO with no reader would block an ordinary open for writing forever), says
/// why in the menu's words, and the kiosk goes on.
#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_where_the_log_goes_is_refused_without_waiting() {
    use common::hostile::{make_fifo, within_a_minute};
    for (what, make) in [
        ("a FIFO (named pipe)", make_fifo as fn(&Path)),
        ("a character device", |p: &Path| {
            std::os::unix::fs::symlink("/dev/null", p).unwrap()
        }),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut log = BoothLog::open(dir.path(), "booth-1");
        let path = log.path_for(DAY.parse().unwrap());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        make(&path);
        let (problem, lost) = within_a_minute("appending to a FIFO or a device", move || {
            log.append("s1", &LogEvent::SessionStart, &at(DAY, "09:00"));
            (log.problem().map(str::to_string), log.lost_events())
        });
        let problem = problem.unwrap_or_else(|| panic!("{what}: no problem reported"));
        assert!(problem.contains(what), "{what}: {problem}");
        assert_eq!(lost, 1, "{what}");
    }
}
