//! The booth log end to end: writing, reading back, torn lines, merging laptops,
//! unwritable folders, and `roc-kiosk report` on real files.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use jiff::civil::{Date, date};
use jiff::tz::{TimeZone, offset};
use jiff::{SignedDuration, Zoned};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use roc_kiosk::stats::{
    BoothLog, CSV_HEADER, EndReason, Event, Record, Summary, Tally, Via, log_files_in,
    new_session_id, read_logs, summarize, summarize_files, summarize_files_with, today_summary,
};

const PROGRAMS: [&str; 6] = [
    "auto-tech",
    "cosmetology",
    "medical-assisting",
    "welding",
    "culinary-arts",
    "computer-science",
];

/// The booth's clock: Pacific daylight time as a fixed offset, so tests need no tz data.
fn at(day: Date, hour: i8, minute: i8, second: i8) -> Zoned {
    day.at(hour, minute, second, 0)
        .to_zoned(TimeZone::fixed(offset(-7)))
        .unwrap()
}

fn random_event(rng: &mut StdRng) -> Event {
    let program = |rng: &mut StdRng| PROGRAMS[rng.random_range(0..PROGRAMS.len())].to_string();
    match rng.random_range(0..5) {
        0 => Event::SessionStart,
        1 => Event::ProgramViewed {
            program: program(rng),
            via: Via::ALL[rng.random_range(0..4)],
            search_terms: rng.random_bool(0.2).then(|| "cars, \"fast\"\n".to_string()),
        },
        2 => Event::QuizFinished {
            top3: vec![program(rng), program(rng), program(rng)],
        },
        3 => Event::ApplyShown,
        _ => Event::SessionEnd {
            reason: EndReason::ALL[rng.random_range(0..4)],
            seconds: rng.random_range(0..3600),
        },
    }
}

/// Writes `n` random events for `laptop` from `start`, a few seconds apart, and returns
/// them as (session, event) in order.
fn write_random(
    dir: &Path,
    laptop: &str,
    start: &Zoned,
    n: usize,
    seed: u64,
) -> Vec<(String, Event)> {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut log = BoothLog::open(dir, laptop);
    assert_eq!(log.problem(), None);
    let mut now = start.clone();
    let mut session = new_session_id();
    let mut written = Vec::new();
    for _ in 0..n {
        if rng.random_bool(0.15) {
            session = new_session_id();
        }
        let event = random_event(&mut rng);
        log.append(&session, &event, &now);
        written.push((session.clone(), event));
        now = now
            .checked_add(SignedDuration::from_millis(rng.random_range(1..20_000)))
            .unwrap();
    }
    assert_eq!(log.problem(), None);
    assert_eq!(log.written_events(), n as u64);
    written
}

/// A scripted day for one laptop: known sessions, views, quizzes.
fn write_script(dir: &Path, laptop: &str, day: Date) -> Vec<String> {
    let mut log = BoothLog::open(dir, laptop);
    let mut sessions = Vec::new();
    // Three sessions at 09:05, 09:40 and 13:10 lasting 60, 120 and 300 seconds.
    for (i, (hour, minute, secs)) in [(9, 5, 60), (9, 40, 120), (13, 10, 300)]
        .into_iter()
        .enumerate()
    {
        let s = new_session_id();
        let t0 = at(day, hour, minute, 0);
        log.append(&s, &Event::SessionStart, &t0);
        log.append(
            &s,
            &Event::ProgramViewed {
                program: "welding".into(),
                via: Via::Search,
                search_terms: None,
            },
            &at(day, hour, minute, 10),
        );
        if i == 1 {
            log.append(
                &s,
                &Event::QuizFinished {
                    top3: vec!["welding".into(), "auto-tech".into(), "cosmetology".into()],
                },
                &at(day, hour, minute, 40),
            );
            log.append(&s, &Event::ApplyShown, &at(day, hour, minute, 50));
        }
        log.append(
            &s,
            &Event::SessionEnd {
                reason: EndReason::Idle,
                seconds: secs,
            },
            &at(day, hour, minute + 5, 0),
        );
        sessions.push(s);
    }
    assert_eq!(log.problem(), None);
    sessions
}

#[test]
fn writes_n_random_events_and_reads_back_exactly_n() {
    let dir = tempfile::tempdir().unwrap();
    // Starts late in the evening so the events cross midnight into a second file.
    let start = at(date(2025, 10, 14), 23, 0, 0);
    let n = 2_000;
    let written = write_random(dir.path(), "booth-1", &start, n, 7);
    let files = log_files_in(dir.path()).unwrap();
    assert_eq!(files.len(), 2, "one file per day: {files:?}");
    let out = read_logs(&files);
    println!(
        "wrote {n} events, read {} in {} files",
        out.records.len(),
        files.len()
    );
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    assert_eq!(out.records.len(), n);
    for (record, (session, event)) in out.records.iter().zip(&written) {
        assert_eq!(&record.session, session);
        assert_eq!(&record.event, event);
        assert_eq!(record.laptop, "booth-1");
    }
    // Every file holds exactly its own day's records.
    for file in &files {
        let name = file.file_name().unwrap().to_str().unwrap().to_string();
        for r in read_logs(std::slice::from_ref(file)).records {
            assert!(name.contains(&r.ts[..10]), "{} in {name}", r.ts);
        }
    }
}

#[test]
fn torn_last_line_at_every_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let k = 6;
    write_random(
        dir.path(),
        "booth-1",
        &at(date(2025, 10, 14), 10, 0, 0),
        k,
        3,
    );
    let full = std::fs::read(&log_files_in(dir.path()).unwrap()[0]).unwrap();
    let last_start = full[..full.len() - 1]
        .iter()
        .rposition(|&b| b == b'\n')
        .unwrap()
        + 1;
    let cut_dir = tempfile::tempdir().unwrap();
    let torn = cut_dir.path().join("booth-2025-10-14-booth-1.jsonl");
    for cut in last_start..=full.len() {
        std::fs::write(&torn, &full[..cut]).unwrap();
        let out = read_logs(std::slice::from_ref(&torn));
        let content_complete = cut >= full.len() - 1;
        if cut == last_start || content_complete {
            // Nothing of the last line, or all of it (with or without its newline).
            let expected = if content_complete { k } else { k - 1 };
            assert_eq!(out.records.len(), expected, "cut at {cut}");
            assert!(out.warnings.is_empty(), "cut at {cut}: {:?}", out.warnings);
        } else {
            assert_eq!(out.records.len(), k - 1, "cut at {cut}");
            assert_eq!(out.warnings.len(), 1, "cut at {cut}: {:?}", out.warnings);
            let warning = &out.warnings[0];
            assert!(
                warning.contains(&format!("booth-2025-10-14-booth-1.jsonl:{k}:")),
                "cut at {cut}: {warning}"
            );
        }
    }
    println!(
        "checked {} cut points of a {}-byte last line",
        full.len() - last_start + 1,
        full.len() - last_start
    );
}

#[test]
fn appending_after_a_torn_line_starts_a_fresh_line() {
    let dir = tempfile::tempdir().unwrap();
    let day = date(2025, 10, 14);
    write_random(dir.path(), "booth-1", &at(day, 10, 0, 0), 4, 5);
    let file = log_files_in(dir.path()).unwrap().remove(0);
    let bytes = std::fs::read(&file).unwrap();
    std::fs::write(&file, &bytes[..bytes.len() - 20]).unwrap();

    // A new kiosk start (the last one died mid-write) appends one more event.
    let mut log = BoothLog::open(dir.path(), "booth-1");
    log.append("feedfacecafebeef", &Event::ApplyShown, &at(day, 11, 0, 0));
    let out = read_logs(&[file]);
    assert_eq!(
        out.records.len(),
        4,
        "3 intact + the new one: {:?}",
        out.warnings
    );
    assert_eq!(out.records.last().unwrap().session, "feedfacecafebeef");
    assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
}

#[test]
fn a_record_glued_to_a_torn_fragment_is_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let good = r#"{"ts":"2025-10-14T10:00:00.000-07:00","laptop":"a","session":"s1","event":"apply_shown"}"#;
    let file = dir.path().join("booth-2025-10-14-a.jsonl");
    std::fs::write(&file, format!("{}{good}\n{good}\n", &good[..40])).unwrap();
    let out = read_logs(std::slice::from_ref(&file));
    // The glued copy and the next line are the same record: read twice, counted once.
    assert_eq!(out.records.len(), 2);
    assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
    assert!(out.warnings[0].contains(":1:"), "{}", out.warnings[0]);
    let summary = summarize(&out.records, None);
    assert_eq!(summary.apply_shown, 1);
    assert_eq!(summary.duplicates_ignored, 1);
}

#[test]
fn a_crafted_20_mb_line_is_skipped_without_being_held() {
    let dir = tempfile::tempdir().unwrap();
    let good = r#"{"ts":"2025-10-14T10:00:00.000-07:00","laptop":"a","session":"s1","event":"apply_shown"}"#;
    // Nested record starts, each one a parse that goes deep before it fails: the line
    // that once took two minutes to read.
    let fragment = r#"{"ts":"2025-10-14T10:00:00.000-07:00","laptop":"a","session":"#;
    let crafted = fragment.repeat(20 * 1024 * 1024 / fragment.len());
    let file = dir.path().join("booth-2025-10-14-a.jsonl");
    std::fs::write(&file, format!("{good}\n{crafted}{good}\n{good}\n")).unwrap();
    let out = read_logs(std::slice::from_ref(&file));
    assert_eq!(out.records.len(), 2, "{:?}", out.warnings);
    assert_eq!(out.lines_skipped, 1);
    assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
    let warning = &out.warnings[0];
    assert!(warning.contains(".jsonl:2: a line of "), "{warning}");
    assert!(
        warning.contains(&format!("{} bytes", crafted.len() + good.len() + 1)),
        "{warning}"
    );
    assert!(warning.contains("(64 KB); skipped"), "{warning}");
}

#[test]
fn a_line_just_under_the_cap_is_still_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let good = r#"{"ts":"2025-10-14T10:00:00.000-07:00","laptop":"a","session":"s1","event":"apply_shown"}"#;
    let fragment = r#"{"ts":"2025-10-14T10:00:00.000-07:00","lap"#;
    let max = roc_kiosk::stats::read::MAX_LINE_BYTES;
    let torn = fragment.repeat((max - good.len() - 1) / fragment.len());
    let file = dir.path().join("booth-2025-10-14-a.jsonl");
    std::fs::write(&file, format!("{torn}{good}\n")).unwrap();
    let out = read_logs(std::slice::from_ref(&file));
    assert_eq!(out.records.len(), 1, "{:?}", out.warnings);
    assert!(
        out.warnings[0].contains(&format!("skipped {} bytes of a torn line", torn.len())),
        "{:?}",
        out.warnings
    );
}

#[cfg(unix)]
#[test]
fn a_log_path_that_is_a_fifo_or_a_device_is_skipped_with_a_warning() {
    use common::hostile::{make_fifo, within_a_minute};
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("booth-2025-10-14-a.jsonl");
    std::fs::write(
        &good,
        r#"{"ts":"2025-10-14T10:00:00.000-07:00","laptop":"a","session":"s1","event":"apply_shown"}
"#,
    )
    .unwrap();
    let fifo = dir.path().join("booth-2025-10-14-b.jsonl");
    make_fifo(&fifo);
    let zero = dir.path().join("booth-2025-10-14-c.jsonl");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();

    let files = vec![fifo.clone(), zero.clone(), good];
    let out = within_a_minute("reading a FIFO and /dev/zero as logs", move || {
        read_logs(&files)
    });
    assert_eq!(out.records.len(), 1);
    assert_eq!(out.files_failed, 2);
    assert_eq!(
        out.warnings,
        [
            format!(
                "{}: not a regular file: this is a FIFO (named pipe); skipped",
                fifo.display()
            ),
            format!(
                "{}: not a regular file: it links to /dev/zero, which is a character device; skipped",
                zero.display()
            ),
        ]
    );
}

#[test]
fn invalid_lines_are_skipped_and_located() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("booth-2025-10-14-a.jsonl");
    let good = r#"{"ts":"2025-10-14T10:00:00.000-07:00","laptop":"a","session":"s1","event":"session_start"}"#;
    let no_offset =
        r#"{"ts":"2025-10-14T10:00:00","laptop":"a","session":"s2","event":"session_start"}"#;
    let unknown =
        r#"{"ts":"2025-10-14T10:00:00.000-07:00","laptop":"a","session":"s3","event":"dance"}"#;
    std::fs::write(
        &file,
        format!("{good}\nnot json\n\n{no_offset}\n{unknown}\n\u{0}\u{ff}\n"),
    )
    .unwrap();
    let out = read_logs(std::slice::from_ref(&file));
    // An unknown kind is read (a newer kiosk may have written it) and skipped by the count,
    // which names it.
    assert_eq!(out.records.len(), 2);
    let summary = summarize(&out.records, None);
    assert_eq!(summary.sessions, 1);
    assert_eq!(summary.unknown_events, 1);
    assert_eq!(summary.unknown_kinds, [("dance".to_string(), 1)]);
    let lines: Vec<&str> = out
        .warnings
        .iter()
        .map(|w| {
            w.split(".jsonl:")
                .nth(1)
                .unwrap()
                .split(':')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(lines, ["2", "4", "6"], "{:?}", out.warnings);
}

#[test]
fn two_laptops_merge_without_double_counting() {
    let dir_a = tempfile::tempdir().unwrap();
    let dir_b = tempfile::tempdir().unwrap();
    let day = date(2025, 10, 14);
    let sessions_a = write_script(dir_a.path(), "booth-a", day);
    let sessions_b = write_script(dir_b.path(), "booth-b", day);
    let a = log_files_in(dir_a.path()).unwrap().remove(0);
    let b = log_files_in(dir_b.path()).unwrap().remove(0);

    let (once, _) = summarize_files(&[a.clone(), b.clone()], None);
    assert_eq!(once.sessions, (sessions_a.len() + sessions_b.len()) as u64);
    assert_eq!(once.sessions, 6);
    assert_eq!(once.quizzes_finished, 2);
    assert_eq!(once.apply_shown, 2);
    assert_eq!(once.programs_viewed, 6);
    assert_eq!(once.median_session_secs, Some(120));
    assert_eq!(once.top_programs_viewed, [("welding".to_string(), 6)]);
    assert_eq!(once.top_quiz_recommendations.len(), 3);
    assert!(once.top_quiz_recommendations.iter().all(|(_, n)| *n == 2));
    assert_eq!(once.sessions_by_hour[9], 4);
    assert_eq!(once.sessions_by_hour[13], 2);
    assert_eq!(once.sessions_by_hour.iter().sum::<u64>(), 6);
    assert_eq!(
        once.sessions_by_laptop,
        [("booth-a".to_string(), 3), ("booth-b".to_string(), 3)]
    );
    assert_eq!(once.duplicates_ignored, 0);

    // The same file twice, a full copy elsewhere, and an older partial copy.
    let copies = tempfile::tempdir().unwrap();
    let b_copy = copies.path().join("booth-2025-10-14-booth-b.jsonl");
    std::fs::copy(&b, &b_copy).unwrap();
    let a_text = std::fs::read_to_string(&a).unwrap();
    let half: String = a_text.lines().take(5).map(|l| format!("{l}\n")).collect();
    let a_partial = copies.path().join("booth-2025-10-14-booth-a-old.jsonl");
    std::fs::write(&a_partial, half).unwrap();
    let (merged, stats) =
        summarize_files(&[a.clone(), b.clone(), a.clone(), b_copy, a_partial], None);
    assert!(stats.warnings.is_empty(), "{:?}", stats.warnings);
    assert!(merged.duplicates_ignored > 0);
    assert_eq!(
        Summary {
            duplicates_ignored: 0,
            ..merged.clone()
        },
        once
    );
    println!(
        "merged: {} sessions, {} duplicate records ignored",
        merged.sessions, merged.duplicates_ignored
    );

    // The same in-memory records given twice count once too.
    let mut records = read_logs(&[a.clone(), b.clone()]).records;
    records.extend(records.clone());
    assert_eq!(summarize(&records, None).sessions, 6);
}

#[test]
fn the_same_session_id_on_two_laptops_is_two_sessions() {
    let rec = |laptop: &str| Record {
        ts: "2025-10-14T10:00:00.000-07:00".into(),
        laptop: laptop.into(),
        session: "0123456789abcdef".into(),
        event: Event::SessionStart,
    };
    assert_eq!(summarize(&[rec("a"), rec("b"), rec("a")], None).sessions, 2);
}

#[test]
fn since_filters_by_booth_date() {
    let dir = tempfile::tempdir().unwrap();
    write_script(dir.path(), "booth-a", date(2025, 10, 13));
    write_script(dir.path(), "booth-a", date(2025, 10, 14));
    let files = log_files_in(dir.path()).unwrap();
    assert_eq!(summarize_files(&files, None).0.sessions, 6);
    let (since, _) = summarize_files(&files, Some(date(2025, 10, 14)));
    assert_eq!(since.sessions, 3);
    assert_eq!(since.first_date, Some(date(2025, 10, 14)));
}

#[test]
fn today_summary_reads_every_laptop_for_today_only() {
    let dir = tempfile::tempdir().unwrap();
    let today = date(2025, 10, 14);
    write_script(dir.path(), "booth-a", today);
    write_script(dir.path(), "booth-b", today);
    write_script(dir.path(), "booth-a", date(2025, 10, 13));
    let log = BoothLog::open(dir.path(), "booth-a");
    let summary = today_summary(&log, today);
    assert_eq!(summary.sessions, 6);
    assert_eq!(
        today_summary(&BoothLog::disabled(), today),
        Summary::default()
    );
}

#[test]
fn a_disabled_log_writes_nothing() {
    let mut log = BoothLog::disabled();
    log.append("s", &Event::SessionStart, &at(date(2025, 10, 14), 9, 0, 0));
    assert_eq!(log.problem(), None);
    assert_eq!(log.written_events(), 0);
    assert_eq!(log.path_for(date(2025, 10, 14)), PathBuf::new());
}

#[test]
fn a_folder_under_a_regular_file_leaves_the_log_usable() {
    // Fails for root too: nothing can create a folder inside a file.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    let mut log = BoothLog::open(&file.join("logs"), "booth-1");
    let problem = log
        .problem()
        .expect("a problem is reported at open")
        .to_string();
    println!("problem: {problem}");
    assert!(problem.contains("not-a-folder"), "{problem}");
    for _ in 0..3 {
        log.append("s", &Event::SessionStart, &at(date(2025, 10, 14), 9, 0, 0));
    }
    assert!(log.problem().is_some());
    assert_eq!(log.lost_events(), 3);
    assert_eq!(log.written_events(), 0);
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_leaves_the_log_usable_and_recovers() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let logs = dir.path().join("logs");
    std::fs::create_dir(&logs).unwrap();
    std::fs::set_permissions(&logs, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(logs.join("probe"), "x").is_ok() {
        println!("skipped: permissions do not apply to this user (root)");
        std::fs::set_permissions(&logs, std::fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let day = date(2025, 10, 14);
    let mut log = BoothLog::open(&logs, "booth-1");
    assert!(log.problem().is_some());
    log.append("s", &Event::SessionStart, &at(day, 9, 0, 0));
    let problem = log.problem().expect("the failed write is reported");
    println!("problem: {problem}");
    assert!(problem.contains("logs"), "{problem}");
    assert_eq!(log.lost_events(), 1);

    // The technician fixes the folder: the next event is saved and the problem clears.
    std::fs::set_permissions(&logs, std::fs::Permissions::from_mode(0o755)).unwrap();
    log.append("s", &Event::ApplyShown, &at(day, 9, 1, 0));
    assert_eq!(log.problem(), None);
    assert_eq!(read_logs(&log_files_in(&logs).unwrap()).records.len(), 1);
}

fn run_report(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_roc-kiosk"))
        .arg("report")
        .args(args)
        .env_remove("ROC_KIOSK_CONFIG")
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

fn csv_value(csv: &str, metric: &str, key: &str) -> Option<String> {
    csv.lines().find_map(|line| {
        let mut parts = line.splitn(3, ',');
        (parts.next() == Some(metric) && parts.next() == Some(key))
            .then(|| parts.next().unwrap_or("").to_string())
    })
}

#[test]
fn report_csv_via_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let day = date(2025, 10, 14);
    write_script(dir.path(), "booth-a", day);
    write_script(dir.path(), "booth-b", day);
    write_script(dir.path(), "booth-a", date(2025, 10, 13));
    // A torn line in one file: warned about on stderr, the rest still counted.
    let torn = dir.path().join("booth-2025-10-12-booth-c.jsonl");
    std::fs::write(&torn, "{\"ts\":\"2025-10-12T10:00:00.000-07:00\",\"lap").unwrap();

    // Folder given on the command line.
    let (csv, stderr, code) = run_report(&[dir.path().to_str().unwrap(), "--csv"]);
    println!("{csv}");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(csv.lines().next(), Some(CSV_HEADER));
    assert_eq!(csv_value(&csv, "sessions", "").as_deref(), Some("9"));
    assert_eq!(
        csv_value(&csv, "quizzes_finished", "").as_deref(),
        Some("3")
    );
    assert_eq!(
        csv_value(&csv, "median_session_secs", "").as_deref(),
        Some("120")
    );
    assert_eq!(
        csv_value(&csv, "program_viewed", "welding").as_deref(),
        Some("9")
    );
    assert_eq!(
        csv_value(&csv, "sessions_by_hour", "09").as_deref(),
        Some("6")
    );
    assert_eq!(
        csv_value(&csv, "sessions_by_day", "2025-10-14").as_deref(),
        Some("6")
    );
    assert_eq!(
        csv.lines()
            .filter(|l| l.starts_with("sessions_by_hour,"))
            .count(),
        24
    );
    assert!(
        stderr.contains("booth-2025-10-12-booth-c.jsonl:1:"),
        "{stderr}"
    );

    // The data directory from a config file, with --since.
    let config = dir.path().join("config.json");
    std::fs::write(
        &config,
        serde_json::json!({ "data_dir": dir.path() }).to_string(),
    )
    .unwrap();
    let (csv, stderr, code) = run_report(&[
        "--config",
        config.to_str().unwrap(),
        "--since",
        "2025-10-14",
        "--csv",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(csv_value(&csv, "sessions", "").as_deref(), Some("6"));
    assert_eq!(
        csv_value(&csv, "first_date", "").as_deref(),
        Some("2025-10-14")
    );

    // Text report.
    let (text, stderr, code) = run_report(&["--config", config.to_str().unwrap()]);
    println!("{text}");
    assert_eq!(code, 0, "{stderr}");
    assert!(text.contains("Sessions                 9"), "{text}");
    assert!(
        text.contains("Median session length    2 min 0 s"),
        "{text}"
    );

    // Bad input: exit 2 with a message.
    let (_, stderr, code) = run_report(&["--since", "yesterday", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("YYYY-MM-DD"), "{stderr}");
    // A named file that does not exist: exit 1, still a report.
    let (text, stderr, code) = run_report(&[dir.path().join("missing.jsonl").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("missing.jsonl"), "{stderr}");
    assert!(text.contains("Sessions"));
}

#[test]
fn laptops_add_up_to_the_booth_and_future_records_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let day = date(2025, 10, 14);
    write_script(dir.path(), "booth-a", day);
    write_script(dir.path(), "booth-b", day);
    let mut log = BoothLog::open(dir.path(), "booth-b");
    let unmet = |words: Option<&str>| Event::SearchNoMatch {
        search_terms: words.map(str::to_string),
    };
    log.append("s9", &Event::SessionStart, &at(day, 15, 0, 0));
    log.append("s9", &unmet(Some("welding")), &at(day, 15, 0, 30));
    log.append("s9", &unmet(None), &at(day, 15, 1, 0));
    // A laptop whose clock ran years ahead.
    log.append("s10", &Event::SessionStart, &at(date(2031, 1, 1), 9, 0, 0));
    let files = log_files_in(dir.path()).unwrap();

    let tally = Tally::new(None).skipping_after(date(2030, 1, 1));
    let (s, stats) = summarize_files_with(&files, tally);
    assert!(stats.warnings.is_empty(), "{:?}", stats.warnings);
    assert_eq!(s.future_dated, 1);
    assert_eq!(s.skip_after, Some(date(2030, 1, 1)));
    assert_eq!(s.sessions, 7, "3 + 3 + 1; the future visit is not counted");
    assert_eq!(s.last_date, Some(day));
    assert_eq!(s.searches_no_match, 2);
    assert_eq!(s.searches_no_match_by_day, [(day, 2)]);
    assert_eq!(s.no_match_search_terms, [("welding".to_string(), 1)]);

    let laptops: Vec<&str> = s.by_laptop.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(laptops, ["booth-a", "booth-b"]);
    let (_, a) = &s.by_laptop[0];
    let (_, b) = &s.by_laptop[1];
    assert_eq!((a.sessions, b.sessions), (3, 4));
    assert_eq!((a.searches_no_match, b.searches_no_match), (0, 2));
    assert_eq!(a.quizzes_finished + b.quizzes_finished, s.quizzes_finished);
    assert_eq!(a.programs_viewed + b.programs_viewed, s.programs_viewed);
    for hour in 0..24 {
        assert_eq!(
            a.sessions_by_hour[hour] + b.sessions_by_hour[hour],
            s.sessions_by_hour[hour]
        );
    }
    assert!(a.by_laptop.is_empty() && b.by_laptop.is_empty());
    // Views by how they were reached agree with the plain view counts.
    for ((id, via), (id2, views)) in s.program_views_by_via.iter().zip(&s.top_programs_viewed) {
        assert_eq!(id, id2);
        assert_eq!(via.iter().sum::<u64>(), *views);
    }
    assert_eq!(
        s.program_views_by_via,
        [("welding".to_string(), [6, 0, 0, 0])]
    );

    // Without the cut-off the same files count the future visit.
    let (all, _) = summarize_files(&files, None);
    assert_eq!((all.sessions, all.future_dated), (8, 0));
}

/// `roc-kiosk ARGS` with stdout a real pipe whose reading end is already closed, as in
/// `roc-kiosk report | true` when `true` has exited.
fn run_into_closed_pipe(args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Command::new(env!("CARGO_BIN_EXE_roc-kiosk"))
        .args(args)
        .env_remove("ROC_KIOSK_CONFIG")
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn report_and_search_end_normally_on_a_closed_pipe() {
    let dir = tempfile::tempdir().unwrap();
    write_script(dir.path(), "booth-a", date(2025, 10, 14));
    let logs = dir.path().to_str().unwrap();
    for args in [
        vec!["report", logs],
        vec!["report", logs, "--csv"],
        vec!["search", "nurse"],
        vec!["search", "cars", "--json"],
        vec!["check"],
    ] {
        let out = run_into_closed_pipe(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn report_prints_log_text_with_terminal_codes_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("booth-2025-10-14-a.jsonl");
    let line = |session: &str, event: &str| {
        format!(
            r#"{{"ts":"2025-10-14T10:00:00.000-07:00","laptop":"a\u001b[31m","session":"{session}",{event}}}"#
        )
    };
    std::fs::write(
        &file,
        [
            line("s1", r#""event":"session_start""#),
            line(
                "s1",
                r#""event":"program_viewed","program":"welding\u001b]0;PWNED\u0007","via":"search","search_terms":"cars\u001b[2J\u009b""#,
            ),
        ]
        .join("\n")
            + "\n",
    )
    .unwrap();
    for args in [
        vec![file.to_str().unwrap()],
        vec![file.to_str().unwrap(), "--csv"],
    ] {
        let (stdout, stderr, code) = run_report(&args);
        assert_eq!(code, 0, "{stderr}");
        assert!(stderr.is_empty(), "{stderr}");
        let raw = |text: &str| {
            text.contains('\u{1b}') || text.contains('\u{9b}') || text.contains('\u{7}')
        };
        assert!(!raw(&stdout), "{stdout:?}");
        assert!(!raw(&stderr), "{stderr:?}");
        assert!(stdout.contains("welding\\u{1B}]0;PWNED\\u{7}"), "{stdout}");
        assert!(stdout.contains("cars\\u{1B}[2J\\u{9B}"), "{stdout}");
    }
}
