//! `roc-kiosk set-pin [--config FILE]`
//!
//! Reads the new PIN twice from stdin (without echo on a terminal; plain lines from a
//! pipe, which tests and scripts use), then writes its salted hash into the config file,
//! keeping every other setting. Exits 1 when the PINs differ or the file cannot be
//! written, 2 on a broken config or an unusable PIN.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use clap::Args;

use super::output::{CliError, print, warn};
use crate::config::{
    CONFIG_ENV, Config, ConfigLocation, PIN_ENV, check_pin_format, hash_pin, new_salt,
};

#[derive(Debug, Args)]
pub struct SetPinArgs {
    /// A config file instead of the one in the platform config directory.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

pub fn run(args: SetPinArgs) -> Result<(), CliError> {
    // Load first: a broken config is reported before anyone types a PIN. A config file
    // that does not exist yet is created, even when named with --config.
    let env = std::env::var(CONFIG_ENV).ok();
    let location = ConfigLocation {
        explicit: false,
        ..ConfigLocation::resolve(args.config.as_deref(), env.as_deref())
    };
    let mut loaded = Config::load_from(&location)?;
    let mut input = PinInput::new();
    let failed = |message: String| CliError::failed(format!("set-pin: {message}"));
    let first = input
        .read("New technician PIN (4-8 digits): ")
        .map_err(failed)?;
    // Said at once, so nobody types a PIN of the wrong length twice.
    check_pin_format(&first).map_err(|message| CliError::input(format!("set-pin: {message}")))?;
    let second = input.read("Same PIN again: ").map_err(failed)?;
    if first != second {
        return Err(CliError::failed(
            "set-pin: the two PINs differ; nothing was changed",
        ));
    }
    loaded.config.pin_hash = Some(hash_pin(&first, &new_salt()));
    loaded.config.save(&loaded.path).map_err(|e| {
        CliError::failed(format!(
            "{}: cannot save the config: {e} — check the folder exists and is writable, or use --config FILE",
            loaded.path.display()
        ))
    })?;
    print(&format!(
        "PIN saved in {}\nA kiosk already running with this config uses it from the next time its PIN prompt opens.\n",
        loaded.path.display()
    ))?;
    if std::env::var(PIN_ENV).is_ok_and(|v| !v.trim().is_empty()) {
        warn(&format!(
            "note: {PIN_ENV} is set in this environment and takes precedence over the saved PIN"
        ));
    }
    Ok(())
}

/// Where the PINs come from: hidden keys on a terminal, plain lines from a pipe.
enum PinInput {
    Terminal,
    Lines(std::io::Lines<std::io::StdinLock<'static>>),
}

impl PinInput {
    fn new() -> Self {
        if std::io::stdin().is_terminal() {
            PinInput::Terminal
        } else {
            PinInput::Lines(std::io::stdin().lock().lines())
        }
    }

    fn read(&mut self, prompt: &str) -> Result<String, String> {
        match self {
            PinInput::Terminal => read_hidden(prompt),
            PinInput::Lines(lines) => match lines.next() {
                Some(Ok(line)) => Ok(line.trim().to_string()),
                Some(Err(e)) => Err(format!("cannot read standard input: {e}")),
                None => Err("expected the new PIN on two lines of standard input".to_string()),
            },
        }
    }
}

/// Reads digits in raw mode, showing a `*` per digit. Enter ends; Esc or Ctrl-C cancels.
fn read_hidden(prompt: &str) -> Result<String, String> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    use ratatui::crossterm::terminal;

    /// Leaves raw mode however the function returns.
    struct RawMode;
    impl Drop for RawMode {
        fn drop(&mut self) {
            let _ = terminal::disable_raw_mode();
        }
    }

    let mut err = std::io::stderr();
    let _ = write!(err, "{prompt}");
    let _ = err.flush();
    terminal::enable_raw_mode().map_err(|e| format!("cannot switch off echo: {e}"))?;
    let _raw = RawMode;
    let mut pin = String::new();
    loop {
        let ev = event::read().map_err(|e| format!("cannot read the keyboard: {e}"))?;
        let Event::Key(key) = ev else { continue };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        match key.code {
            KeyCode::Enter => break,
            KeyCode::Esc => return Err("cancelled".into()),
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                return Err("cancelled".into());
            }
            KeyCode::Backspace => {
                let erased = pin.pop().is_some();
                if erased {
                    let _ = write!(err, "\x08 \x08");
                }
            }
            KeyCode::Char(c) if pin.len() < 16 => {
                pin.push(c);
                let _ = write!(err, "*");
            }
            _ => {}
        }
        let _ = err.flush();
    }
    let _ = write!(err, "\r\n");
    Ok(pin)
}
