//! `roc-kiosk autostart on [-- KIOSK_ARGS] | off`: starts the kiosk (through `launch`, so
//! full-screen and supervised) when this user logs in to a Linux desktop, or stops doing so.
//!
//! `on` writes `roc-kiosk.desktop` into `$XDG_CONFIG_HOME/autostart` (`~/.config/autostart`
//! when unset; the folder comes from the `directories` crate), naming this binary by its
//! absolute path, so a `cargo install` binary outside the login PATH is found too. `off`
//! removes that file. GNOME, KDE, Xfce, Cinnamon, MATE and LXQt all read the folder.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::desktop_entry::{EntryKind, desktop_entry};
use super::output::{CliError, print};

/// `autostart --help` and its man page.
pub const LONG_ABOUT: &str = "Start the kiosk (through `roc-kiosk launch`, so full-screen and restarted on failure) when this user logs in to a Linux desktop, or stop doing so.

`on` writes roc-kiosk.desktop into $XDG_CONFIG_HOME/autostart (~/.config/autostart when unset), naming this program by its full path; \
arguments after -- go to the kiosk (e.g. -- --config /home/booth/config.json). `off` removes that file.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Switch {
    On,
    Off,
}

#[derive(Debug, Args)]
pub struct AutostartArgs {
    /// on: start the kiosk at login; off: stop doing so.
    #[arg(value_enum)]
    pub switch: Switch,
    /// With `on`: arguments for the kiosk, after `--` (e.g. `-- --config /path/config.json`).
    #[arg(last = true, value_name = "KIOSK_ARGS")]
    pub kiosk_args: Vec<OsString>,
}

pub fn run(args: AutostartArgs) -> Result<(), CliError> {
    if cfg!(any(windows, target_os = "macos")) {
        return Err(CliError::input(
            "autostart: this writes an XDG autostart entry, which only Linux desktops read; docs/BOOTH.md says how to start the kiosk at login on Windows and macOS",
        ));
    }
    let Some(path) = entry_path() else {
        return Err(CliError::failed(
            "autostart: no home folder is known, so there is no autostart folder",
        ));
    };
    match args.switch {
        Switch::On => switch_on(&path, &args.kiosk_args),
        Switch::Off => switch_off(&path, &args.kiosk_args),
    }
}

/// `$XDG_CONFIG_HOME/autostart/roc-kiosk.desktop`.
pub fn entry_path() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|dirs| {
        dirs.config_dir()
            .join("autostart")
            .join("roc-kiosk.desktop")
    })
}

fn switch_on(path: &std::path::Path, kiosk_args: &[OsString]) -> Result<(), CliError> {
    let program = std::env::current_exe()
        .map_err(|e| {
            CliError::failed(format!("autostart: cannot tell where this program is: {e}"))
        })?
        .into_os_string();
    let text = desktop_entry(EntryKind::Autostart, &program, kiosk_args)
        .map_err(|why| CliError::input(format!("autostart: {why}")))?;
    path.parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(path, text))
        .map_err(|e| {
            CliError::failed(format!("autostart: cannot write {}: {e}", path.display()))
        })?;
    print(&format!(
        "The kiosk will start full-screen when this user logs in ({}). Undo with `roc-kiosk autostart off`.\n",
        path.display()
    ))
}

fn switch_off(path: &std::path::Path, kiosk_args: &[OsString]) -> Result<(), CliError> {
    if !kiosk_args.is_empty() {
        return Err(CliError::input("autostart: `off` takes no kiosk arguments"));
    }
    match std::fs::remove_file(path) {
        Ok(()) => print(&format!(
            "The kiosk no longer starts at login (removed {}).\n",
            path.display()
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => print(&format!(
            "The kiosk was not set to start at login ({} does not exist).\n",
            path.display()
        )),
        Err(e) => Err(CliError::failed(format!(
            "autostart: cannot remove {}: {e}",
            path.display()
        ))),
    }
}
