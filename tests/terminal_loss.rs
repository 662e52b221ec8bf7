//! The kiosk's terminal runtime over a booth day, on the real binary in a pseudo-terminal:
//! the terminal closing under it, signals from outside (stop, hang-up, interrupt, job
//! control), a frozen terminal, idle CPU, and starting without a terminal.
//!
//! Exit statuses (see `tui::Ending::exit_code`): 0 technician's Exit, SIGTERM or SIGINT;
//! 129 the terminal closed (or SIGHUP); 1 out of order; 2 could not start.
#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::pty::{PtyKiosk, timeout};

/// A kiosk whose booth log goes to `home/booth-data`, on Home with a visit open.
fn kiosk_mid_visit(home: &Path) -> PtyKiosk {
    let config = home.join("kiosk.json");
    std::fs::write(
        &config,
        serde_json::json!({ "data_dir": home.join("booth-data"), "laptop_id": "booth-1" })
            .to_string(),
    )
    .unwrap();
    let mut kiosk = PtyKiosk::start(&["--config", config.to_str().unwrap()], 80, 24, home);
    kiosk.wake(b"x");
    kiosk
}

/// Every `session_end` reason in the booth log, in order.
fn session_end_reasons(home: &Path) -> Vec<String> {
    let dir = home.join("booth-data");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
                .collect::<Vec<_>>()
        })
        .filter(|r| r["event"] == "session_end")
        .map(|r| r["reason"].as_str().unwrap().to_string())
        .collect()
}

/// The kiosk's own log file (`roc-kiosk.log` in its data directory).
fn kiosk_log(home: &Path) -> String {
    std::fs::read_to_string(home.join("booth-data/roc-kiosk.log")).unwrap_or_default()
}

/// Waits for the exit and says how long it took (printed, not asserted: the machine is
/// shared, and a kiosk that spins never exits at all).
fn exit_code_after(kiosk: &mut PtyKiosk, since: Instant, what: &str) -> u32 {
    let code = kiosk.wait_exit_code();
    println!(
        "{what}: exited with status {code} after {:.0} ms",
        since.elapsed().as_secs_f64() * 1000.0
    );
    code
}

#[test]
fn closing_the_terminal_ends_the_kiosk_with_status_129_and_closes_the_visit() {
    let home = tempfile::tempdir().unwrap();
    let mut kiosk = kiosk_mid_visit(home.path());
    let closed = Instant::now();
    kiosk.close_terminal();
    let code = exit_code_after(&mut kiosk, closed, "terminal closed");
    assert_eq!(
        code, 129,
        "a closed terminal is a failure a supervisor can see"
    );
    assert_eq!(session_end_reasons(home.path()), ["terminal_closed"]);
    let log = kiosk_log(home.path());
    assert!(!log.contains("panic"), "no panic on the way out:\n{log}");
}

#[test]
fn sigterm_right_after_the_terminal_closed_still_ends_the_kiosk() {
    let home = tempfile::tempdir().unwrap();
    let mut kiosk = kiosk_mid_visit(home.path());
    let pid = kiosk.pid().unwrap().to_string();
    let closed = Instant::now();
    kiosk.close_terminal();
    // The kiosk may already be gone (it notices the hang-up itself), so kill may fail.
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status();
    let code = exit_code_after(&mut kiosk, closed, "terminal closed, then SIGTERM");
    assert_eq!(code, 129, "the terminal is gone whatever else was asked");
    assert_eq!(session_end_reasons(home.path()), ["terminal_closed"]);
}

#[test]
fn sighup_ends_the_kiosk_as_a_closed_terminal() {
    let home = tempfile::tempdir().unwrap();
    let mut kiosk = kiosk_mid_visit(home.path());
    let sent = Instant::now();
    kiosk.signal("HUP");
    assert_eq!(exit_code_after(&mut kiosk, sent, "SIGHUP"), 129);
    assert_eq!(session_end_reasons(home.path()), ["terminal_closed"]);
}

#[test]
fn sigint_from_outside_ends_the_kiosk_but_a_typed_ctrl_c_does_not() {
    let home = tempfile::tempdir().unwrap();
    let mut kiosk = kiosk_mid_visit(home.path());
    kiosk.send(b"\x03");
    std::thread::sleep(Duration::from_millis(300));
    assert!(kiosk.is_running(), "Ctrl-C typed by a student does nothing");
    let sent = Instant::now();
    kiosk.signal("INT");
    assert_eq!(exit_code_after(&mut kiosk, sent, "SIGINT"), 0);
    assert_eq!(session_end_reasons(home.path()), ["exit"]);
    let raw = kiosk.raw_since(0);
    assert!(raw.contains("\x1b[?1049l"), "left the alternate screen");
}

/// Whether the terminal is in the kiosk's raw mode: no line editing, no echo, and no
/// keys turned into signals.
fn is_raw(kiosk: &PtyKiosk) -> bool {
    use rustix::termios::LocalModes;
    let local = kiosk.termios().local_modes;
    !local.intersects(LocalModes::ICANON | LocalModes::ECHO | LocalModes::ISIG)
}

/// Whether everything the kiosk wrote since `before` clears the screen and then paints
/// every cell again (the kiosk paints its own background, so a full frame at 80x24 is at
/// least 80 x 24 characters after the clear), ending on a screen showing `text`.
fn redrawn_in_full(kiosk: &PtyKiosk, before: usize, text: &str) -> bool {
    let since = kiosk.raw_since(before);
    since
        .rfind("\x1b[2J")
        .is_some_and(|clear| since[clear..].chars().count() >= 80 * 24)
        && kiosk.screen().contains(text)
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let end = Instant::now() + timeout();
    while Instant::now() < end {
        if done() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting until {what}");
}

#[test]
fn sigtstp_from_outside_does_not_stop_the_kiosk_and_sigcont_redraws_it() {
    let home = tempfile::tempdir().unwrap();
    let mut kiosk = kiosk_mid_visit(home.path());
    kiosk.signal("TSTP");
    std::thread::sleep(Duration::from_millis(300));
    assert_ne!(
        kiosk.process_state(),
        'T',
        "SIGTSTP must not stop the kiosk"
    );
    // Still reading keys: Search opens.
    kiosk.send(b"1");
    kiosk.wait_for("Type anything");

    let before = kiosk.raw_len();
    kiosk.signal("CONT");
    wait_until("the kiosk redraws after SIGCONT", || {
        redrawn_in_full(&kiosk, before, "Type anything")
    });
    assert!(is_raw(&kiosk), "still in raw mode");
    // A student's Ctrl-Z and Ctrl-C are plain keys in raw mode.
    kiosk.send(b"\x1a\x03");
    std::thread::sleep(Duration::from_millis(300));
    assert!(kiosk.is_running());
    assert_ne!(kiosk.process_state(), 'T');
    assert!(
        kiosk.screen().contains("Type anything"),
        "{}",
        kiosk.screen()
    );
}

#[test]
fn after_an_outside_stop_and_a_cooked_terminal_sigcont_restores_raw_mode_and_the_screen() {
    let home = tempfile::tempdir().unwrap();
    let mut kiosk = kiosk_mid_visit(home.path());
    assert!(is_raw(&kiosk));
    // SIGSTOP cannot be ignored. While the kiosk is stopped, a shell takes the terminal
    // back and puts it in cooked mode, where Ctrl-C and Ctrl-Z are signals.
    kiosk.signal("STOP");
    wait_until("the kiosk is stopped", || kiosk.process_state() == 'T');
    kiosk.set_cooked();
    assert!(!is_raw(&kiosk));

    let before = kiosk.raw_len();
    kiosk.signal("CONT");
    wait_until("raw mode is back", || is_raw(&kiosk));
    wait_until("the screen is drawn again in full", || {
        kiosk.raw_since(before).contains("\x1b[?1049h")
            && redrawn_in_full(&kiosk, before, "What would you like to do?")
    });
    // So Ctrl-C and Ctrl-Z are keys again, and ignored.
    kiosk.send(b"\x1a\x03");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        kiosk.is_running(),
        "a student's Ctrl-C must not end the kiosk"
    );
    assert_ne!(kiosk.process_state(), 'T', "nor Ctrl-Z stop it");
    assert!(kiosk.screen().contains("What would you like to do?"));
}

/// The kiosk's main thread is blocked in a write to the terminal (its kernel wait
/// channel names the tty write path).
fn is_blocked_writing(kiosk: &PtyKiosk) -> bool {
    let pid = kiosk.pid().unwrap();
    let wchan = std::fs::read_to_string(format!("/proc/{pid}/wchan")).unwrap_or_default();
    wchan.contains("tty_write") || wchan.contains("wait_woken")
}

#[test]
fn sigterm_ends_a_kiosk_stuck_writing_to_a_frozen_terminal() {
    let home = tempfile::tempdir().unwrap();
    let mut kiosk = kiosk_mid_visit(home.path());
    // The terminal window stops reading; every language switch redraws most of the
    // screen, until the pty's buffer is full and the kiosk's write blocks.
    kiosk.freeze(true);
    wait_until("the kiosk blocks writing to the frozen terminal", || {
        kiosk.send(b"\x1bOQ");
        std::thread::sleep(Duration::from_millis(10));
        is_blocked_writing(&kiosk)
    });
    let sent = Instant::now();
    kiosk.signal("TERM");
    let code = exit_code_after(&mut kiosk, sent, "SIGTERM on a frozen terminal");
    assert_eq!(code, 0, "stopped on purpose");
    let log = kiosk_log(home.path());
    assert!(
        log.contains("did not stop within"),
        "the watchdog ended it, the loop being stuck:\n{log}"
    );
}

/// Seconds the idle CPU is measured over: 5 in a plain `cargo test` (the 5% bar is
/// 0.25 s of CPU, 25 steps of the kernel's 0.01 s counter), `ROC_IDLE_SECS=20` for the
/// README's figure.
fn idle_seconds() -> u64 {
    std::env::var("ROC_IDLE_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
}

#[test]
fn idle_at_the_attract_screen_uses_almost_no_cpu() {
    let home = tempfile::tempdir().unwrap();
    let kiosk = PtyKiosk::start(&[], 80, 24, home.path());
    kiosk.wait_for("Press any key");
    let (cpu0, t0) = (kiosk.cpu_time(), Instant::now());
    std::thread::sleep(Duration::from_secs(idle_seconds()));
    let (cpu, wall) = (kiosk.cpu_time() - cpu0, t0.elapsed());
    let share = cpu.as_secs_f64() / wall.as_secs_f64() * 100.0;
    println!(
        "idle CPU at the attract screen: {share:.2}% of a core ({:.2} s of CPU in {:.1} s)",
        cpu.as_secs_f64(),
        wall.as_secs_f64()
    );
    assert!(share < 5.0, "a busy loop: {share:.1}% of a core while idle");
}

#[test]
fn without_a_terminal_it_says_so_and_exits_2() {
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_roc-kiosk"))
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env_remove("ROC_KIOSK_CONFIG")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with("roc-kiosk needs a terminal: run it in a terminal window\n"),
        "{err}"
    );
}
