//! `roc-kiosk launch [--terminal NAME | --here] [-- KIOSK_ARGS]`: the kiosk in a full-screen
//! terminal window, started again when it fails.
//!
//! The terminal is the first of xfce4-terminal, gnome-terminal, konsole and xterm that is
//! installed ([`find_terminal`]), asked to go full-screen and to return only when the kiosk
//! ends. Terminals do not pass on their program's exit status, so inside the window runs
//! `roc-kiosk launch --status-file FILE -- KIOSK_ARGS`, which runs the kiosk and writes its
//! status to FILE. The supervisor ([`supervise`]) then decides:
//!
//! - 0, a technician's Exit: done for good.
//! - 2, the kiosk refused to start (a broken catalog or config, a bad `ROC_KIOSK_PIN`):
//!   starting again cannot help, so it stops; the window keeps the message until Enter.
//! - anything else, or no status (the window was closed, which kills the process inside):
//!   start again after a pause that doubles from 1 s to at most 60 s. After 10 failures in
//!   a row it gives up, so a broken install does not spin; a run of 5 minutes or more counts
//!   as healthy and clears the count.
//!
//! `--here` runs the kiosk in the current terminal under the same rules: for a kiosk
//! session whose terminal is already full-screen (cage with foot), a text console, Windows
//! Terminal or macOS.
//!
//! When the launcher itself is told to end (SIGHUP: its window closed; SIGTERM), it gives
//! its child 2 s to end by itself, then kills it, and stops. The kiosk ends by itself when
//! its terminal goes away (it waits on the terminal with poll(2) rather than trusting
//! crossterm's reader, which spins on a closed terminal: crossterm issue #793), so the kill
//! is only a backstop for a kiosk stuck elsewhere.

use std::ffi::OsString;
use std::io::{self, BufRead};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::{Args, ValueEnum};

use super::output::{CliError, warn};
use crate::i18n::EN;

/// `launch --help` and its man page.
pub const LONG_ABOUT: &str = "Open the kiosk full-screen in a terminal window, and start it again if it fails.

The terminal is the first installed of xfce4-terminal, gnome-terminal, konsole and xterm (or --terminal NAME). \
When the kiosk ends with status 0 (the technician chose Exit) the launcher ends too. \
Status 2 means the kiosk refused to start (a broken catalog or config): the window keeps the message until Enter, and the launcher stops. \
Any other ending (a crash beyond the kiosk's own restarts, the window closed) starts it again after a pause that doubles from 1 s to 60 s; \
after 10 failures in a row the launcher gives up (a run of 5 minutes or more clears the count).

--here runs the kiosk in the current terminal under the same rules: for a kiosk session (cage with foot), a text console, Windows Terminal or macOS.";

/// A terminal `launch` knows how to make full-screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Terminal {
    #[value(name = "xfce4-terminal")]
    Xfce4,
    #[value(name = "gnome-terminal")]
    Gnome,
    Konsole,
    Xterm,
}

/// The order terminals are tried in.
pub const TERMINALS: [Terminal; 4] = [
    Terminal::Xfce4,
    Terminal::Gnome,
    Terminal::Konsole,
    Terminal::Xterm,
];

impl Terminal {
    /// The executable's name.
    pub fn program(self) -> &'static str {
        match self {
            Terminal::Xfce4 => "xfce4-terminal",
            Terminal::Gnome => "gnome-terminal",
            Terminal::Konsole => "konsole",
            Terminal::Xterm => "xterm",
        }
    }

    /// The command line that opens a full-screen window running `command`, and returns
    /// only when `command` ends (each terminal's own "do not hand over to a running
    /// instance" option).
    pub fn command_line(self, command: &[OsString]) -> Vec<OsString> {
        let title = EN.launcher_name;
        let options: Vec<String> = match self {
            Terminal::Xfce4 => vec![
                "--disable-server".into(),
                "--fullscreen".into(),
                "--hide-menubar".into(),
                "--hide-toolbar".into(),
                "--hide-scrollbar".into(),
                format!("--title={title}"),
                "--execute".into(),
            ],
            Terminal::Gnome => vec![
                "--wait".into(),
                "--full-screen".into(),
                "--hide-menubar".into(),
                "--".into(),
            ],
            Terminal::Konsole => vec![
                "--separate".into(),
                "--fullscreen".into(),
                "--hide-menubar".into(),
                "--hide-tabbar".into(),
                "-e".into(),
            ],
            // DejaVu Sans Mono at 16 points: at some sizes (14, 15, 18 on a 100 dpi screen)
            // xterm leaves a pixel line between rows of block glyphs, and the QR code no
            // longer scans; "Monospace" may even pick a font whose blocks do not fill the
            // cell. The booth checklist has the technician scan the code on the laptop.
            Terminal::Xterm => vec![
                "-fullscreen".into(),
                "-title".into(),
                title.into(),
                "-u8".into(),
                "+sb".into(),
                "-fa".into(),
                "DejaVu Sans Mono".into(),
                "-fs".into(),
                "16".into(),
                "-e".into(),
            ],
        };
        std::iter::once(OsString::from(self.program()))
            .chain(options.into_iter().map(OsString::from))
            .chain(command.iter().cloned())
            .collect()
    }
}

/// The first terminal in [`TERMINALS`] for which `installed` says yes.
pub fn find_terminal(installed: impl Fn(&str) -> bool) -> Option<Terminal> {
    TERMINALS.into_iter().find(|t| installed(t.program()))
}

/// True when `program` is an executable file in a folder of `PATH`.
fn on_path(program: &str) -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    std::env::split_paths(&path).any(|dir| is_executable(&dir.join(program)))
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// The kiosk's exit status when it refused to start (catalog, config or PIN problem).
pub const REFUSED_TO_START: i32 = 2;

/// How the supervisor paces restarts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The pause after the first failure; it doubles with each failure in a row.
    pub first_pause: Duration,
    pub max_pause: Duration,
    /// A run at least this long was healthy: the failure count starts again.
    pub healthy_run: Duration,
    /// Failures in a row after which the supervisor gives up.
    pub max_failures: u32,
}

pub const BACKOFF: Backoff = Backoff {
    first_pause: Duration::from_secs(1),
    max_pause: Duration::from_secs(60),
    healthy_run: Duration::from_secs(5 * 60),
    max_failures: 10,
};

impl Backoff {
    /// The pause before the next start after `failures` failures in a row (1 or more).
    pub fn pause(&self, failures: u32) -> Duration {
        let doublings = failures.saturating_sub(1).min(31);
        self.first_pause
            .saturating_mul(1 << doublings)
            .min(self.max_pause)
    }
}

/// One run of the kiosk as the supervisor sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunReport {
    /// The kiosk's exit status; `None` when there is none (window closed, killed).
    pub status: Option<i32>,
    pub lasted: Duration,
    /// The launcher was told to end (SIGHUP or SIGTERM) during the run.
    pub told_to_end: bool,
}

/// How supervision ended.
#[derive(Debug)]
pub enum Supervised {
    /// The kiosk exited 0 (the technician's Exit), after this many restarts.
    Finished { restarts: u32 },
    /// The kiosk refused to start; starting again would not help.
    Refused { restarts: u32 },
    /// Too many failures in a row.
    GaveUp { failures: u32 },
    /// The launcher was told to end (its terminal closed, or SIGTERM).
    ToldToEnd,
    /// The terminal (or the kiosk, with `--here`) could not be started at all.
    CannotStart(io::Error),
}

/// Runs the kiosk with `run_once` until it ends for good, pausing with `pause` between
/// failed runs as `backoff` says.
pub fn supervise(
    backoff: &Backoff,
    mut run_once: impl FnMut() -> io::Result<RunReport>,
    mut pause: impl FnMut(Duration),
) -> Supervised {
    let mut failures = 0;
    let mut restarts = 0;
    loop {
        let report = match run_once() {
            Ok(report) => report,
            Err(e) => return Supervised::CannotStart(e),
        };
        if report.told_to_end {
            return Supervised::ToldToEnd;
        }
        match report.status {
            Some(0) => return Supervised::Finished { restarts },
            Some(REFUSED_TO_START) => return Supervised::Refused { restarts },
            _ => {}
        }
        if report.lasted >= backoff.healthy_run {
            failures = 0;
        }
        failures += 1;
        if failures >= backoff.max_failures {
            return Supervised::GaveUp { failures };
        }
        pause(backoff.pause(failures));
        restarts += 1;
    }
}

/// How long a child has to end by itself once the launcher is told to end.
const GRACE: Duration = Duration::from_secs(2);
/// How often a running child is looked at.
const POLL: Duration = Duration::from_millis(100);

/// Runs `argv` to its end. The kiosk's status is read from `status_file` when given (a
/// terminal window in between), else it is `argv`'s own exit status. Once `end` is set,
/// the child has [`GRACE`] to end by itself before it is killed.
pub fn run_once(
    argv: &[OsString],
    status_file: Option<&Path>,
    end: &AtomicBool,
) -> io::Result<RunReport> {
    let (program, args) = argv
        .split_first()
        .ok_or_else(|| io::Error::other("empty command line"))?;
    if let Some(file) = status_file {
        // A status left from an earlier run must not be mistaken for this one's.
        match std::fs::remove_file(file) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    let started = Instant::now();
    let mut child = Command::new(program).args(args).spawn()?;
    let mut end_seen: Option<Instant> = None;
    let exit = loop {
        if let Some(exit) = child.try_wait()? {
            break exit;
        }
        if end.load(Ordering::Relaxed) {
            let since = *end_seen.get_or_insert_with(Instant::now);
            if since.elapsed() >= GRACE {
                // Already gone is fine; wait() below reaps it either way.
                let _ = child.kill();
                break child.wait()?;
            }
        }
        std::thread::sleep(POLL);
    };
    let status = match status_file {
        Some(file) => std::fs::read_to_string(file)
            .ok()
            .and_then(|text| text.trim().parse().ok()),
        None => exit.code(),
    };
    Ok(RunReport {
        status,
        lasted: started.elapsed(),
        told_to_end: end.load(Ordering::Relaxed),
    })
}

/// A flag set when this process is told to end: SIGHUP (its terminal closed) or SIGTERM.
/// Handling them, instead of dying at once, lets the launcher end its child first.
fn watch_end_signals() -> Arc<AtomicBool> {
    let end = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGHUP, signal_hook::consts::SIGTERM] {
        if let Err(e) = signal_hook::flag::register(signal, Arc::clone(&end)) {
            eprintln!("launch: cannot watch signal {signal}: {e}");
        }
    }
    end
}

#[derive(Debug, Args)]
pub struct LaunchArgs {
    /// Use this terminal instead of the first installed one.
    #[arg(long, value_enum, value_name = "NAME")]
    pub terminal: Option<Terminal>,
    /// Run the kiosk in this terminal (already full-screen) instead of opening a window.
    #[arg(long, conflicts_with = "terminal")]
    pub here: bool,
    /// Used inside the window: run the kiosk and write its exit status to FILE.
    #[arg(long, hide = true, value_name = "FILE", conflicts_with_all = ["terminal", "here"])]
    pub status_file: Option<PathBuf>,
    /// Arguments for the kiosk, after `--` (e.g. `-- --config /path/config.json`).
    #[arg(last = true, value_name = "KIOSK_ARGS")]
    pub kiosk_args: Vec<OsString>,
}

pub fn run(args: LaunchArgs) -> Result<(), CliError> {
    let exe = std::env::current_exe()
        .map_err(|e| CliError::failed(format!("launch: cannot tell where this program is: {e}")))?
        .into_os_string();
    let kiosk: Vec<OsString> = [exe.clone(), "run".into()]
        .into_iter()
        .chain(args.kiosk_args.iter().cloned())
        .collect();
    let end = watch_end_signals();
    if let Some(file) = &args.status_file {
        return run_inside_window(&kiosk, file, &end);
    }
    let outcome = if args.here {
        supervise(
            &BACKOFF,
            || run_once(&kiosk, None, &end),
            std::thread::sleep,
        )
    } else {
        let Some(terminal) = args.terminal.or_else(|| find_terminal(on_path)) else {
            return Err(CliError::input(
                "launch: no terminal found; install one of xfce4-terminal, gnome-terminal, konsole or xterm (e.g. `sudo apt install xterm`), or run `roc-kiosk launch --here` in a full-screen terminal",
            ));
        };
        if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
            return Err(CliError::input(
                "launch: no graphical desktop here (DISPLAY and WAYLAND_DISPLAY are unset); in a text console run `roc-kiosk launch --here`",
            ));
        }
        let status_file = status_file_path();
        let inside: Vec<OsString> = [
            exe,
            "launch".into(),
            "--status-file".into(),
            status_file.clone().into_os_string(),
            "--".into(),
        ]
        .into_iter()
        .chain(args.kiosk_args.iter().cloned())
        .collect();
        let argv = terminal.command_line(&inside);
        let outcome = supervise(
            &BACKOFF,
            || {
                let report = run_once(&argv, Some(&status_file), &end);
                if let Ok(RunReport { status, .. }) = &report
                    && *status != Some(0)
                {
                    warn(&format!(
                        "launch: the kiosk ended with {}",
                        describe(*status)
                    ));
                }
                report
            },
            std::thread::sleep,
        );
        let _ = std::fs::remove_file(&status_file);
        outcome
    };
    match outcome {
        Supervised::Finished { restarts } => {
            if restarts > 0 {
                warn(&format!(
                    "launch: the kiosk was exited after {restarts} restart(s)"
                ));
            }
            Ok(())
        }
        Supervised::Refused { restarts } => Err(CliError::input(format!(
            "launch: the kiosk refused to start (after {restarts} restart(s)); fix what it said, then launch again"
        ))),
        Supervised::GaveUp { failures } => Err(CliError::failed(format!(
            "launch: gave up after {failures} failures in a row; roc-kiosk.log in the data folder has the details"
        ))),
        Supervised::CannotStart(e) => Err(CliError::failed(format!(
            "launch: cannot start the kiosk: {e}"
        ))),
        Supervised::ToldToEnd => Err(CliError::quiet_failure()),
    }
}

fn describe(status: Option<i32>) -> String {
    status.map_or_else(
        || "no status (the window was closed or the kiosk was killed)".to_string(),
        |code| format!("status {code}"),
    )
}

/// A status file for this supervisor alone: in `$XDG_RUNTIME_DIR` (private to the user)
/// when there is one, else the temporary folder.
fn status_file_path() -> PathBuf {
    let dir = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|d| d.is_absolute())
        .unwrap_or_else(std::env::temp_dir);
    dir.join(format!("roc-kiosk-launch-{}.status", std::process::id()))
}

/// Inside the terminal window: run the kiosk, write its status for the supervisor, and
/// when it refused to start, keep its message on screen until Enter.
fn run_inside_window(
    kiosk: &[OsString],
    status_file: &Path,
    end: &AtomicBool,
) -> Result<(), CliError> {
    let report = run_once(kiosk, None, end)
        .map_err(|e| CliError::failed(format!("launch: cannot start the kiosk: {e}")))?;
    if report.told_to_end {
        // The window is closing: leave no status, so the supervisor starts it again.
        return Err(CliError::quiet_failure());
    }
    if report.status == Some(REFUSED_TO_START) {
        warn("\nThe kiosk did not start (see above). Press Enter to close this window.");
        let _ = io::stdin().lock().read_line(&mut String::new());
    }
    // No status from the kiosk (killed by a signal) is written as -1: a failure.
    let status = report.status.unwrap_or(-1);
    if let Err(e) = std::fs::write(status_file, format!("{status}\n")) {
        warn(&format!(
            "launch: cannot write {}: {e}",
            status_file.display()
        ));
    }
    // The window's own exit status mirrors the kiosk's.
    match u8::try_from(status).unwrap_or(1) {
        0 => Ok(()),
        code => Err(CliError::status(code)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn installed(names: &'static [&'static str]) -> impl Fn(&str) -> bool {
        move |program| names.contains(&program)
    }

    #[test]
    fn terminals_are_tried_in_order_from_what_is_installed() {
        assert_eq!(find_terminal(installed(&[])), None);
        assert_eq!(
            find_terminal(installed(&[
                "xterm",
                "konsole",
                "gnome-terminal",
                "xfce4-terminal"
            ])),
            Some(Terminal::Xfce4)
        );
        assert_eq!(
            find_terminal(installed(&["xterm", "gnome-terminal"])),
            Some(Terminal::Gnome)
        );
        assert_eq!(
            find_terminal(installed(&["xterm", "konsole", "foot"])),
            Some(Terminal::Konsole)
        );
        assert_eq!(find_terminal(installed(&["xterm"])), Some(Terminal::Xterm));
        assert_eq!(find_terminal(installed(&["foot", "alacritty"])), None);
    }

    #[test]
    fn every_terminal_goes_full_screen_and_runs_the_command_last() {
        let command = [
            OsString::from("/usr/bin/roc-kiosk"),
            OsString::from("launch"),
        ];
        for terminal in TERMINALS {
            let argv = terminal.command_line(&command);
            assert_eq!(argv[0], terminal.program());
            assert_eq!(argv[argv.len() - 2..], command, "{terminal:?}");
            assert!(
                argv.iter()
                    .any(|a| a.to_str().is_some_and(|a| a.contains("full"))),
                "{terminal:?}: {argv:?}"
            );
        }
        // The terminals that hand a new window to a running instance are told not to.
        let xfce = Terminal::Xfce4.command_line(&command);
        assert!(xfce.contains(&OsString::from("--disable-server")));
        let gnome = Terminal::Gnome.command_line(&command);
        assert!(gnome.contains(&OsString::from("--wait")));
    }

    #[test]
    fn the_help_text_states_the_backoff_in_force() {
        let secs = |d: Duration| format!("{} s", d.as_secs());
        assert!(LONG_ABOUT.contains(&format!(
            "doubles from {} to {}",
            secs(BACKOFF.first_pause),
            secs(BACKOFF.max_pause)
        )));
        assert!(LONG_ABOUT.contains(&format!("after {} failures", BACKOFF.max_failures)));
        assert!(LONG_ABOUT.contains(&format!("{} minutes", BACKOFF.healthy_run.as_secs() / 60)));
        assert!(LONG_ABOUT.contains(&format!("Status {REFUSED_TO_START} ")));
    }

    #[test]
    fn pauses_double_up_to_the_limit() {
        let pauses: Vec<u64> = (1..=9).map(|n| BACKOFF.pause(n).as_secs()).collect();
        assert_eq!(pauses, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(BACKOFF.pause(u32::MAX), BACKOFF.max_pause);
    }

    /// Supervises a fake kiosk that ends with `statuses` in turn (each run taking
    /// `lasted`); returns the outcome, the runs made and the pauses asked for.
    fn supervise_fake(
        statuses: &[Option<i32>],
        lasted: Duration,
    ) -> (Supervised, usize, Vec<Duration>) {
        let mut runs = 0;
        let mut pauses = Vec::new();
        let outcome = supervise(
            &BACKOFF,
            || {
                let status = statuses[runs];
                runs += 1;
                Ok(RunReport {
                    status,
                    lasted,
                    told_to_end: false,
                })
            },
            |d| pauses.push(d),
        );
        (outcome, runs, pauses)
    }

    #[test]
    fn failures_restart_and_an_exit_stops_for_good() {
        let quick = Duration::from_secs(3);
        let (outcome, runs, pauses) = supervise_fake(&[Some(1), Some(1), Some(0)], quick);
        assert!(
            matches!(outcome, Supervised::Finished { restarts: 2 }),
            "{outcome:?}"
        );
        assert_eq!(runs, 3);
        assert_eq!(pauses, [Duration::from_secs(1), Duration::from_secs(2)]);

        // A closed window (no status) and a crash both count as failures.
        let (outcome, runs, _) = supervise_fake(&[None, Some(101), Some(0)], quick);
        assert!(
            matches!(outcome, Supervised::Finished { restarts: 2 }),
            "{outcome:?}"
        );
        assert_eq!(runs, 3);
    }

    #[test]
    fn a_kiosk_that_refuses_to_start_is_not_restarted() {
        let (outcome, runs, pauses) =
            supervise_fake(&[Some(1), Some(REFUSED_TO_START), Some(0)], Duration::ZERO);
        assert!(
            matches!(outcome, Supervised::Refused { restarts: 1 }),
            "{outcome:?}"
        );
        assert_eq!(runs, 2);
        assert_eq!(pauses.len(), 1);
    }

    #[test]
    fn a_broken_install_is_given_up_on_after_bounded_pauses() {
        let statuses = [Some(1); 50];
        let (outcome, runs, pauses) = supervise_fake(&statuses, Duration::from_millis(10));
        assert!(
            matches!(outcome, Supervised::GaveUp { failures: 10 }),
            "{outcome:?}"
        );
        assert_eq!(runs, 10);
        let waited: Duration = pauses.iter().sum();
        assert_eq!(
            waited,
            Duration::from_secs(1 + 2 + 4 + 8 + 16 + 32 + 60 + 60 + 60)
        );
    }

    #[test]
    fn a_long_healthy_run_clears_the_failure_count() {
        // Each run lasts past `healthy_run`, so every failure is the first in a row.
        let statuses: Vec<Option<i32>> =
            std::iter::repeat_n(Some(1), 30).chain([Some(0)]).collect();
        let (outcome, runs, pauses) = supervise_fake(&statuses, BACKOFF.healthy_run);
        assert!(
            matches!(outcome, Supervised::Finished { restarts: 30 }),
            "{outcome:?}"
        );
        assert_eq!(runs, 31);
        assert!(pauses.iter().all(|&p| p == BACKOFF.first_pause));
    }

    #[cfg(unix)]
    #[test]
    fn run_once_reads_the_status_a_real_child_leaves() {
        let dir = std::env::temp_dir().join(format!("roc-kiosk-run-once-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let status_file = dir.join("status");
        let go_on = AtomicBool::new(false);
        let sh = |script: &str| -> Vec<OsString> {
            ["sh", "-c", script]
                .into_iter()
                .map(OsString::from)
                .collect()
        };
        // Its own exit status, without a status file.
        assert_eq!(
            run_once(&sh("exit 3"), None, &go_on).unwrap().status,
            Some(3)
        );
        // Through a status file: the window's own status does not count.
        let script = format!("echo 1 > '{}'; exit 0", status_file.display());
        assert_eq!(
            run_once(&sh(&script), Some(&status_file), &go_on)
                .unwrap()
                .status,
            Some(1)
        );
        // A stale file from the last run is removed first, so no status is no status.
        std::fs::write(&status_file, "0\n").unwrap();
        assert_eq!(
            run_once(&sh("exit 0"), Some(&status_file), &go_on)
                .unwrap()
                .status,
            None
        );
        assert!(run_once(&[OsString::from("/nonexistent/terminal")], None, &go_on).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_launcher_told_to_end_ends_a_child_that_will_not_and_stops() {
        // A child that ignores SIGHUP and SIGTERM, as a kiosk stuck on a dead terminal does.
        let stubborn: Vec<OsString> = ["sh", "-c", "trap '' HUP TERM; exec sleep 600"]
            .into_iter()
            .map(OsString::from)
            .collect();
        let report = run_once(&stubborn, None, &AtomicBool::new(true)).unwrap();
        assert!(report.told_to_end);
        assert_eq!(report.status, None, "killed, so no exit status");

        let mut runs = 0;
        let outcome = supervise(
            &BACKOFF,
            || {
                runs += 1;
                Ok(RunReport {
                    status: None,
                    lasted: Duration::ZERO,
                    told_to_end: true,
                })
            },
            |_| panic!("no pause: it stops"),
        );
        assert!(matches!(outcome, Supervised::ToldToEnd), "{outcome:?}");
        assert_eq!(runs, 1);
    }
}
