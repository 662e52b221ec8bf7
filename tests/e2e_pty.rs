//! End to end: the real binary in a pseudo-terminal. It starts on Attract, a key goes Home,
//! `1` + "vet" + Enter shows the veterinary program, Ctrl-C and q leave it running, and
//! Ctrl-T + PIN + Exit quits with status 0 and the terminal restored.

#![cfg(unix)]

mod common;

use std::time::Duration;

use common::TEST_PIN;
use common::pty::PtyKiosk;

/// A student's first steps: wake the kiosk, search "vet", open the program.
fn open_vet_tech(kiosk: &mut PtyKiosk) {
    kiosk.wake(b"x");
    kiosk.send(b"1");
    kiosk.wait_for("Type anything");
    kiosk.send(b"vet");
    kiosk.wait_for("Veterinary Technology");
    kiosk.send(b"\r");
    kiosk.wait_for("What you do");
}

#[test]
fn a_student_finds_vet_tech_and_the_technician_exits() {
    let home = tempfile::tempdir().unwrap();
    let mut kiosk = PtyKiosk::start(&[], 80, 24, home.path());
    open_vet_tech(&mut kiosk);
    assert!(kiosk.screen().contains("Veterinary Technology"));

    // Ctrl-C, Ctrl-Z, Ctrl-\, Ctrl-D and q: a kiosk ignores them all.
    for key in [b"\x03", b"\x1a", b"\x1c", b"\x04", b"q"] {
        kiosk.send(key);
    }
    std::thread::sleep(Duration::from_millis(500));
    assert!(kiosk.is_running(), "student keys must not end the kiosk");
    assert!(
        kiosk.screen().contains("What you do"),
        "and the screen stays put:\n{}",
        kiosk.screen()
    );

    assert!(
        kiosk.exit_with_pin(TEST_PIN),
        "Exit from the technician menu ends with status 0"
    );

    let raw = kiosk.raw.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&raw);
    let entered = text
        .find("\x1b[?1049h")
        .expect("entered the alternate screen");
    let left = text
        .rfind("\x1b[?1049l")
        .expect("left the alternate screen");
    assert!(left > entered);
    assert!(
        text[left..].contains("\x1b[?25h")
            || text[..left]
                .rfind("\x1b[?25h")
                .is_some_and(|at| at > entered),
        "cursor shown again"
    );
}

#[test]
fn sigterm_restores_the_terminal_and_exits_zero() {
    let home = tempfile::tempdir().unwrap();
    let mut kiosk = PtyKiosk::start(&[], 80, 24, home.path());
    kiosk.wait_for("Press any key");
    #[cfg(unix)]
    {
        let pid = kiosk.pid().expect("pid");
        let status = std::process::Command::new("kill")
            .args(["-TERM", &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        assert!(kiosk.wait_exit(), "SIGTERM ends with status 0");
        let raw = String::from_utf8_lossy(&kiosk.raw.lock().unwrap()).to_string();
        assert!(raw.contains("\x1b[?1049l"), "left the alternate screen");
    }
}

#[test]
fn a_broken_catalog_stops_before_the_screen_with_a_located_error() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cat");
    std::fs::create_dir(&dir).unwrap();
    for f in ["center.json", "sectors.json", "programs.json", "quiz.json"] {
        std::fs::copy(std::path::Path::new("catalog").join(f), dir.join(f)).unwrap();
    }
    std::fs::write(dir.join("sectors.json"), "{ \"sectors\": [ }").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_roc-kiosk"))
        .arg("--catalog")
        .arg(&dir)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sectors.json:1:"), "{err}");
}

#[test]
fn a_student_answers_the_quiz_with_keys_and_opens_a_recommendation() {
    let home = tempfile::tempdir().unwrap();
    let mut kiosk = PtyKiosk::start(&[], 80, 24, home.path());
    kiosk.wake(b" ");
    kiosk.send(b"2");
    kiosk.wait_for("Question 1 of");
    // Loves cars and welding, likes flying and cooking, dislikes the rest (20 items).
    for answer in b"51111151111141111411" {
        kiosk.send(&[*answer]);
        std::thread::sleep(Duration::from_millis(30));
    }
    kiosk.wait_for("Pick up to 3");
    kiosk.send(b"a");
    kiosk.send(b"\r");
    // Stage C comes only when the top two are close.
    if kiosk.wait_for_any(&["which sounds better", "Your top matches"]) == 0 {
        kiosk.send(b"1");
        kiosk.wait_for("Your top matches");
    }
    kiosk.send(b"1");
    kiosk.wait_for("What you do");
    assert!(kiosk.is_running());
}

#[test]
fn a_visit_is_logged_and_reset_when_idle_and_the_report_counts_it() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("booth-data");
    let config = home.path().join("kiosk.json");
    std::fs::write(
        &config,
        serde_json::json!({ "data_dir": data, "laptop_id": "booth-1", "idle_timeout_secs": 15 })
            .to_string(),
    )
    .unwrap();
    let config_arg = config.to_str().unwrap();
    let mut kiosk = PtyKiosk::start(&["--config", config_arg], 80, 24, home.path());
    open_vet_tech(&mut kiosk);
    // 15 s idle, then the 10 s "Still there?" countdown, then Attract with nothing left.
    kiosk.wait_for("Still there?");
    kiosk.wait_for("Press any key");
    assert!(
        !kiosk.screen().contains("vet"),
        "the next student sees nothing of the last:\n{}",
        kiosk.screen()
    );
    kiosk.unlock(TEST_PIN);
    kiosk.wait_for("Students");
    assert!(kiosk.exit_from_menu());

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_roc-kiosk"))
        .args(["report", "--csv", "--config", config_arg])
        .env_remove("ROC_KIOSK_CONFIG")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.starts_with("metric,key,value\n"), "{csv}");
    assert!(
        csv.contains("\nsessions,,1\n"),
        "one student session:\n{csv}"
    );
    assert!(
        csv.contains("\nprogram_viewed,veterinary-technology,1\n"),
        "{csv}"
    );
    assert!(csv.contains("\nsession_end,idle,1\n"), "{csv}");
    assert!(!csv.contains("vet,"), "no typed text in the log");
}

/// How many times the kiosk's log file says `line`.
fn log_count(home: &std::path::Path, line: &str) -> usize {
    std::fs::read_to_string(home.join("data/roc-kiosk/roc-kiosk.log"))
        .unwrap_or_default()
        .matches(line)
        .count()
}

fn wait_for_log(home: &std::path::Path, line: &str, count: usize) {
    let end = std::time::Instant::now() + common::pty::timeout();
    while log_count(home, line) < count {
        assert!(
            std::time::Instant::now() < end,
            "the log never said {line:?} {count} times"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

// The panic key is a test seam that only debug builds have (`tui::TEST_PANIC_KEY_ENV`).
#[cfg(debug_assertions)]
#[test]
fn a_panic_restarts_at_attract_and_the_fifth_in_a_minute_puts_the_kiosk_out_of_order() {
    const RESTART: &str = "restarting at Attract after a panic";
    let home = tempfile::tempdir().unwrap();
    let mut kiosk = PtyKiosk::start_with_env(
        &[],
        &[("ROC_KIOSK_TEST_PANIC_KEY", "~")],
        80,
        24,
        home.path(),
    );
    kiosk.wait_for("Press any key");
    kiosk.send(b"x1cars");
    kiosk.wait_for("Automotive");
    kiosk.send(b"~");
    wait_for_log(home.path(), RESTART, 1);
    kiosk.wait_for("Press any key");
    assert!(kiosk.is_running(), "the kiosk restarted instead of dying");
    assert!(
        !kiosk.screen().contains("cars"),
        "the restart starts a fresh visit"
    );
    let raw = String::from_utf8_lossy(&kiosk.raw.lock().unwrap()).to_string();
    assert!(
        raw.matches("\x1b[?1049l").count() >= 1,
        "the terminal was restored before restarting"
    );
    assert_eq!(
        log_count(home.path(), "test panic"),
        1,
        "the panic is logged"
    );

    // Panics 2 to 4 restart it too; the fifth within the minute puts it out of order.
    for n in 2..=4 {
        kiosk.send(b"~");
        wait_for_log(home.path(), RESTART, n);
        kiosk.wait_for("Press any key");
    }
    kiosk.send(b"~");
    kiosk.wait_for("OUT OF ORDER");
    kiosk.wait_for("FUERA DE SERVICIO");
    assert!(kiosk.screen().contains("Please find a Career Technician"));
    assert!(kiosk.screen().contains("busca a un Técnico de Carreras"));
    assert_eq!(log_count(home.path(), RESTART), 4, "four restarts");
    assert_eq!(log_count(home.path(), "out of order after 5 errors"), 1);

    // Nothing a student presses leaves it, and time does not either.
    for key in [
        &b"x"[..],
        b"\r",
        b"\x1b",
        b"\x03",
        b"\x1b[H",
        b"\x1bOQ",
        b"\x1b[<0;10;10M",
    ] {
        kiosk.send(key);
    }
    std::thread::sleep(Duration::from_millis(500));
    assert!(kiosk.is_running());
    assert!(
        kiosk.screen().contains("OUT OF ORDER"),
        "{}",
        kiosk.screen()
    );
    // The PIN prompt opens as usual; Esc goes back to Out of order, after wrong PINs too
    // (two: a third would lock the prompt for 30 s).
    kiosk.open_pin_prompt();
    kiosk.send(b"\x1b");
    kiosk.wait_for("OUT OF ORDER");
    kiosk.open_pin_prompt();
    for _ in 0..2 {
        kiosk.type_pin("1111");
    }
    kiosk.wait_for("1 more before the prompt locks");
    kiosk.send(b"\x1b");
    kiosk.wait_for("OUT OF ORDER");
    assert!(kiosk.is_running());
    // The right PIN ends the kiosk with a failure status, so a supervisor starts it again.
    kiosk.open_pin_prompt();
    kiosk.type_pin(TEST_PIN);
    assert_eq!(
        kiosk.wait_exit_code(),
        1,
        "out of order is a failure status"
    );
}
