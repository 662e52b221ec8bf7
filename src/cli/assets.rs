//! `roc-kiosk generate-assets DIR` (hidden): the files a package installs beside the
//! binary, generated from this binary's own command-line definitions:
//!
//! - `DIR/man/roc-kiosk.1` and one page per subcommand (`roc-kiosk-check.1`, …), by
//!   `clap_mangen`;
//! - `DIR/completions/roc-kiosk.bash`, `_roc-kiosk` (zsh) and `roc-kiosk.fish`, by
//!   `clap_complete`;
//! - `DIR/roc-kiosk.desktop`, the applications-menu launcher.
//!
//! A subcommand rather than a build script or a second binary: the man page then comes from
//! the very binary that is packaged, `cargo run` and `cargo test` stay untouched, it needs no
//! network and no other toolchain, and a `cargo install` user can make the same files.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::Cli;
use super::desktop_entry::{EntryKind, desktop_entry};
use super::output::{CliError, print};

/// The name every generated file uses for the program.
const BIN: &str = "roc-kiosk";

#[derive(Debug, Args)]
pub struct AssetsArgs {
    /// The folder to write into (created if missing), e.g. target/assets.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

pub fn run(args: AssetsArgs) -> Result<(), CliError> {
    let files = generate(&args.dir)
        .map_err(|e| CliError::failed(format!("generate-assets: {}: {e}", args.dir.display())))?;
    for file in files {
        print(&format!("{}\n", file.display()))?;
    }
    Ok(())
}

/// Writes every asset under `dir` and returns the files written.
pub fn generate(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let man_dir = dir.join("man");
    let completion_dir = dir.join("completions");
    std::fs::create_dir_all(&man_dir)?;
    std::fs::create_dir_all(&completion_dir)?;

    clap_mangen::generate_to(Cli::command(), &man_dir)?;
    let mut written: Vec<PathBuf> = std::fs::read_dir(&man_dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<io::Result<_>>()?;
    written.sort();

    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let path = clap_complete::generate_to(shell, &mut Cli::command(), BIN, &completion_dir)?;
        written.push(path);
    }

    let entry =
        desktop_entry(EntryKind::Menu, &OsString::from(BIN), &[]).map_err(io::Error::other)?;
    let desktop = dir.join(format!("{BIN}.desktop"));
    std::fs::write(&desktop, entry)?;
    written.push(desktop);
    Ok(written)
}
