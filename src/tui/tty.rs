//! The terminal the kiosk reads keys from, watched so that a terminal that goes away ends
//! the kiosk instead of keeping it busy.
//!
//! On a terminal that has hung up (window closed, ssh or tmux session ended) every read
//! returns end of file at once. crossterm's default reader takes that for "nothing yet" and
//! reads again, forever, at 100% of a core. So the kiosk never lets crossterm wait for
//! input: the loop waits here, in poll(2), which also reports the hang-up (`POLLHUP`,
//! `POLLERR`, `POLLNVAL`), and asks crossterm for events only when there are bytes to read.
//! crossterm's `use-dev-tty` reader (turned on in `Cargo.toml`) polls with a time limit and
//! stops at end of file and at "would block", so even a hang-up between our poll and its
//! read costs at most its 1 ms limit.
//!
//! For "would block" to happen, the input must be non-blocking; otherwise a partial escape
//! sequence (Alt-[ sends `ESC [`) leaves crossterm waiting inside `read` for the next key,
//! with the clock stopped. [`Tty::open`] therefore opens the terminal again, non-blocking,
//! and puts that handle on file descriptor 0, where crossterm looks. It is a new open file
//! of the same terminal, so the shell's own standard input stays blocking.

use std::io;
use std::os::fd::BorrowedFd;
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::fs::{Mode, OFlags};
use rustix::termios::isatty;

use super::signals::Signals;
use super::{NoTerminal, Wake};

/// The kiosk's terminal, on file descriptor 0 (see the module docs).
#[derive(Debug)]
pub struct Tty(());

impl Tty {
    /// Checks that the kiosk has a terminal to draw on and read from, and makes descriptor
    /// 0 a private, non-blocking handle on it. Standard output must be a terminal (the
    /// screen is drawn there); input comes from standard input when it is a terminal, else
    /// from the controlling terminal (`/dev/tty`), as crossterm does.
    pub fn open() -> Result<Tty, NoTerminal> {
        if !isatty(rustix::stdio::stdout()) {
            return Err(NoTerminal(io::Error::other(
                "standard output is not a terminal",
            )));
        }
        if isatty(rustix::stdio::stdin()) {
            // Standard input will do, only blocking, if it cannot be opened again (say,
            // without /proc to name it): then a partial escape sequence can hold the loop
            // until the next key. A closed terminal is still noticed.
            if let Err(e) = rustix::termios::ttyname(rustix::stdio::stdin(), Vec::new())
                .and_then(|name| reopen_on_stdin(&name))
            {
                tracing::warn!("reading the terminal through blocking standard input: {e}");
            }
        } else {
            reopen_on_stdin(c"/dev/tty").map_err(|e| NoTerminal(e.into()))?;
        }
        Ok(Tty(()))
    }

    fn fd(&self) -> BorrowedFd<'static> {
        rustix::stdio::stdin()
    }

    /// Waits up to `timeout` for input (when `watch_input`), a hang-up, or a signal. A
    /// hang-up is always reported, even when input is not watched: poll(2) reports
    /// `POLLHUP` whatever was asked for.
    pub fn wait(
        &self,
        signals: &Signals,
        timeout: Duration,
        watch_input: bool,
    ) -> io::Result<Wake> {
        let wake = self.poll(signals.wake_fd(), timeout, watch_input);
        signals.drain();
        wake
    }

    fn poll(&self, wake: BorrowedFd<'_>, timeout: Duration, watch_input: bool) -> io::Result<Wake> {
        let input = if watch_input {
            PollFlags::IN
        } else {
            PollFlags::empty()
        };
        let mut fds = [
            PollFd::from_borrowed_fd(self.fd(), input),
            PollFd::from_borrowed_fd(wake, PollFlags::IN),
        ];
        let timeout = Timespec::try_from(timeout).unwrap_or(Timespec {
            tv_sec: 1,
            tv_nsec: 0,
        });
        match poll(&mut fds, Some(&timeout)) {
            Ok(_) => {}
            // A signal arrived; the loop looks at the signal flags next.
            Err(rustix::io::Errno::INTR) => return Ok(Wake::default()),
            Err(e) => return Err(e.into()),
        }
        let tty = fds[0].revents();
        Ok(Wake {
            input: tty.contains(PollFlags::IN),
            closed: tty.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        })
    }

    /// Whether the terminal has hung up or failed, without waiting.
    pub fn is_closed(&self) -> bool {
        let mut fds = [PollFd::from_borrowed_fd(self.fd(), PollFlags::empty())];
        match poll(&mut fds, Some(&Timespec::default())) {
            Ok(_) => fds[0]
                .revents()
                .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
            Err(_) => false,
        }
    }

    /// Whether the kiosk's process group owns the terminal. It does not after an outside
    /// `kill -STOP` and the shell's `bg`, or a `kill -CONT` without `fg`: then the shell owns
    /// the screen, and the kiosk neither reads (the kernel would stop it) nor draws until
    /// it is given the terminal back. When the question cannot be answered (no controlling
    /// terminal), the kiosk assumes it owns the terminal, as it did before asking.
    pub fn is_foreground(&self) -> bool {
        match rustix::termios::tcgetpgrp(self.fd()) {
            Ok(owner) => owner == rustix::process::getpgrp(),
            Err(_) => true,
        }
    }
}

/// Opens the terminal at `path` again, non-blocking, and puts it on descriptor 0.
fn reopen_on_stdin(path: &std::ffi::CStr) -> rustix::io::Result<()> {
    let flags = OFlags::RDWR | OFlags::NONBLOCK | OFlags::NOCTTY | OFlags::CLOEXEC;
    let fd = rustix::fs::open(path, flags, Mode::empty())?;
    rustix::stdio::dup2_stdin(&fd)
}
