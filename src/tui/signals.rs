//! Signals from outside, and what the kiosk does with them.
//!
//! | signal | the kiosk |
//! | --- | --- |
//! | SIGTERM, SIGINT sent by a process (`kill`) | stops: terminal restored, visit ended (`exit`), status 0 |
//! | SIGINT from the terminal (a Ctrl-C while raw mode is off, e.g. during a restart) | ignored, like the key |
//! | SIGHUP (the terminal hung up, or `kill -HUP`) | stops as for a closed terminal: visit ended (`terminal_closed`), status 129 |
//! | SIGCONT | leaves and re-enters full-screen mode and redraws everything |
//! | SIGWINCH | the next frame takes the new size |
//! | SIGTSTP, SIGTTIN, SIGTTOU, SIGQUIT | ignored: nothing stops or quits the kiosk but the signals above and SIGKILL |
//!
//! A thread receives the signals, sets flags the loop reads, and writes a byte to a pipe
//! the loop polls, so a signal wakes the loop at once. The same thread is the watchdog:
//! if the loop has not ended the process [`GRACE`] after a stop signal (stuck writing to a
//! frozen terminal, say), it restores what it can of the terminal and exits with the same
//! status, without the visit's end in the booth log.

use std::io::{self, Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::time::Duration;

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGWINCH};
use signal_hook::iterator::SignalsInfo;
use signal_hook::iterator::exfiltrator::WithRawSiginfo;

use super::{Ending, Stop};

/// How long the loop has, after a stop signal, before the watchdog ends the process.
pub const GRACE: Duration = Duration::from_millis(800);

/// What the signal thread has seen and the loop has not yet taken.
#[derive(Default)]
struct Flags {
    /// 0 = nothing; otherwise the [`Stop`] code, the most serious kept.
    stop: AtomicU8,
    resumed: AtomicBool,
    resized: AtomicBool,
}

fn stop_from_code(code: u8) -> Option<Stop> {
    [Stop::Stopped, Stop::Hangup]
        .into_iter()
        .find(|s| *s as u8 == code)
}

/// The loop's side: flags to take and a pipe to poll.
pub struct Signals {
    flags: Arc<Flags>,
    wake: UnixStream,
}

impl Signals {
    /// Ignores the stop signals, starts the signal thread (also the watchdog) and returns
    /// the loop's side. Call once.
    pub fn install() -> io::Result<Signals> {
        ignore_job_control_signals();
        let (wake, wake_tx) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        wake_tx.set_nonblocking(true)?;
        let flags = Arc::new(Flags::default());
        let signals =
            SignalsInfo::<WithRawSiginfo>::new([SIGTERM, SIGINT, SIGHUP, SIGCONT, SIGWINCH])?;
        let thread_flags = Arc::clone(&flags);
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || signal_thread(signals, &thread_flags, wake_tx))?;
        Ok(Signals { flags, wake })
    }

    /// The pipe that becomes readable when a signal arrives.
    pub(super) fn wake_fd(&self) -> BorrowedFd<'_> {
        self.wake.as_fd()
    }

    /// Empties the wake pipe (the flags say what happened).
    pub(super) fn drain(&self) {
        let mut buf = [0u8; 64];
        while matches!((&self.wake).read(&mut buf), Ok(n) if n > 0) {}
    }

    /// A stop request, if one came.
    pub fn stop(&self) -> Option<Stop> {
        stop_from_code(self.flags.stop.load(Ordering::SeqCst))
    }

    /// Whether SIGCONT came since the last call.
    pub fn take_resumed(&self) -> bool {
        self.flags.resumed.swap(false, Ordering::SeqCst)
    }

    /// Whether SIGWINCH came since the last call.
    pub fn take_resized(&self) -> bool {
        self.flags.resized.swap(false, Ordering::SeqCst)
    }
}

/// SIGTSTP, SIGTTIN and SIGTTOU stop a process by default, and SIGQUIT ends it: from
/// outside, `kill -TSTP` followed by the shell's `fg` used to leave the kiosk in cooked mode,
/// where a student's Ctrl-Z stops it and leaves a shell. Ignored (not caught), because a
/// caught SIGTTOU or SIGTTIN makes the kernel retry a background terminal call forever;
/// ignored, the call goes ahead (SIGTTOU) or fails (SIGTTIN), and the loop never reads
/// while in the background anyway (see `Tty::is_foreground`).
fn ignore_job_control_signals() {
    for sig in [libc::SIGTSTP, libc::SIGTTIN, libc::SIGTTOU, libc::SIGQUIT] {
        // SAFETY: setting a signal's disposition to SIG_IGN installs no handler and runs
        // no code; it is sound at any time, from any thread.
        let previous = unsafe { libc::signal(sig, libc::SIG_IGN) };
        if previous == libc::SIG_ERR {
            tracing::warn!("cannot ignore signal {sig}: {}", io::Error::last_os_error());
        }
    }
}

fn signal_thread(mut signals: SignalsInfo<WithRawSiginfo>, flags: &Flags, mut wake_tx: UnixStream) {
    for info in signals.forever() {
        let stop = match info.si_signo {
            // A Ctrl-C the terminal turned into a signal comes from the kernel (si_code > 0,
            // Linux's SI_FROMUSER is si_code <= 0). The terminal only does that while raw
            // mode is off for a moment (a restart after a crash): a student's key, ignored.
            SIGINT if info.si_code > 0 => None,
            SIGTERM | SIGINT => Some(Stop::Stopped),
            SIGHUP => Some(Stop::Hangup),
            SIGCONT => {
                flags.resumed.store(true, Ordering::SeqCst);
                None
            }
            SIGWINCH => {
                flags.resized.store(true, Ordering::SeqCst);
                None
            }
            _ => None,
        };
        if let Some(stop) = stop {
            tracing::info!("signal {}: {stop:?}", info.si_signo);
            flags.stop.fetch_max(stop as u8, Ordering::SeqCst);
        }
        // Full pipe: the loop has not drained it yet, so it is awake anyway.
        let _ = wake_tx.write(&[0]);
        if stop.is_some() {
            std::thread::sleep(GRACE);
            let stop = stop_from_code(flags.stop.load(Ordering::SeqCst)).unwrap_or(Stop::Stopped);
            force_exit(stop.ending());
        }
    }
}

/// The loop did not end the process in time: leave anyway, with the status it would have
/// given. Restoring the terminal may block (a frozen terminal is one way to get here), so
/// it runs on its own thread and gets a moment, not a promise.
fn force_exit(ending: Ending) -> ! {
    tracing::error!(
        "the kiosk did not stop within {GRACE:?} of the signal; exiting without ending the visit in the booth log"
    );
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    let _ = std::thread::Builder::new()
        .name("restore".into())
        .spawn(move || {
            super::restore_terminal();
            let _ = done_tx.send(());
        });
    let _ = done_rx.recv_timeout(Duration::from_millis(100));
    // _exit, not exit: the main thread may be exiting too, and exit(3) is not safe to run
    // twice at once. Nothing is lost: the log file is written unbuffered.
    signal_hook::low_level::exit(i32::from(ending.exit_code()))
}
