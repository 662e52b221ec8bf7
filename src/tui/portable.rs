//! The terminal and signals where there is no Unix (Windows): crossterm waits for input,
//! there is no hang-up to notice and no signal to handle. The kiosk is made for Linux
//! booth laptops; this keeps it building and running elsewhere.

use std::io::{self, IsTerminal};
use std::time::Duration;

use ratatui::crossterm::event;

use super::{NoTerminal, Stop, Wake};

#[derive(Debug)]
pub struct Tty(());

impl Tty {
    /// Checks that standard output is a terminal.
    pub fn open() -> Result<Tty, NoTerminal> {
        if io::stdout().is_terminal() {
            Ok(Tty(()))
        } else {
            Err(NoTerminal(io::Error::other(
                "standard output is not a terminal",
            )))
        }
    }

    pub fn wait(
        &self,
        _signals: &Signals,
        timeout: Duration,
        watch_input: bool,
    ) -> io::Result<Wake> {
        if !watch_input {
            std::thread::sleep(timeout);
            return Ok(Wake::default());
        }
        Ok(Wake {
            input: event::poll(timeout)?,
            closed: false,
        })
    }

    pub fn is_closed(&self) -> bool {
        false
    }

    pub fn is_foreground(&self) -> bool {
        true
    }
}

/// No signals to watch.
pub struct Signals;

impl Signals {
    pub fn install() -> io::Result<Signals> {
        Ok(Signals)
    }

    pub fn stop(&self) -> Option<Stop> {
        None
    }

    pub fn take_resumed(&self) -> bool {
        false
    }

    pub fn take_resized(&self) -> bool {
        false
    }
}
