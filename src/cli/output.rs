//! Everything the subcommands print goes through here, for two reasons:
//! - Text from files (catalog names, log entries, values quoted in errors) can hold
//!   terminal codes. It is printed with them escaped ([`crate::text_rules`]), so a bad
//!   file cannot clear the technician's screen, set its title or write its clipboard.
//! - Output may go to a pipe that closes early (`roc-kiosk report | head`). That is a
//!   normal end, not a panic: a write that meets a closed pipe ends the command quietly.

use std::io::Write;
use std::process::ExitCode;

use crate::catalog::CatalogErrors;
use crate::config::ConfigError;
use crate::text_rules::{escape_for_json, escape_for_terminal};

/// Why a subcommand stopped early. `cli::main` prints it and exits, in one place.
#[derive(Debug)]
pub enum CliError {
    /// Print `message` (if any) to stderr and exit with `code`.
    Failed { message: String, code: u8 },
    /// The reader of the output went away (a closed pipe): a normal end.
    OutputClosed,
}

impl CliError {
    /// Bad input: arguments, a catalog, a config, an answer sheet. Exit 2.
    pub fn input(message: impl Into<String>) -> CliError {
        CliError::Failed {
            message: message.into(),
            code: 2,
        }
    }

    /// The work could not be done (a file not written, PINs that differ). Exit 1.
    pub fn failed(message: impl Into<String>) -> CliError {
        CliError::Failed {
            message: message.into(),
            code: 1,
        }
    }

    /// Exit with `code` and nothing more to say (a supervisor's window mirroring the
    /// kiosk's own exit status).
    pub fn status(code: u8) -> CliError {
        CliError::Failed {
            message: String::new(),
            code,
        }
    }

    /// Exit 1 with nothing more to say: the reasons were printed as warnings.
    pub fn quiet_failure() -> CliError {
        CliError::failed("")
    }

    /// Prints the message to stderr and gives the exit code.
    pub fn exit(self) -> ExitCode {
        match self {
            CliError::OutputClosed => ExitCode::SUCCESS,
            CliError::Failed { message, code } => {
                if !message.is_empty() {
                    warn(&message);
                }
                ExitCode::from(code)
            }
        }
    }
}

impl From<CatalogErrors> for CliError {
    fn from(errors: CatalogErrors) -> Self {
        CliError::input(errors.to_string())
    }
}

impl From<ConfigError> for CliError {
    fn from(error: ConfigError) -> Self {
        CliError::input(error.to_string())
    }
}

impl From<std::io::Error> for CliError {
    fn from(error: std::io::Error) -> Self {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            CliError::OutputClosed
        } else {
            CliError::failed(format!("cannot write the output: {error}"))
        }
    }
}

/// Prints text to stdout with terminal codes escaped.
pub fn print(text: &str) -> Result<(), CliError> {
    print_raw(&escape_for_terminal(text))
}

/// Prints JSON to stdout with terminal codes written as JSON escapes (`\u001B`), so the
/// output stays valid JSON that means the same.
pub fn print_json(text: &str) -> Result<(), CliError> {
    print_raw(&escape_for_json(text))
}

/// Prints text as it is: only for escape sequences the program writes itself (the QR
/// code's colours).
pub fn print_raw(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Prints a line to stderr with terminal codes escaped. A closed stderr is ignored:
/// there is nowhere left to say anything.
pub fn warn(text: &str) {
    let text = escape_for_terminal(text);
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    if !text.ends_with('\n') {
        let _ = err.write_all(b"\n");
    }
}
