//! `roc-kiosk [run]`: the full-screen kiosk.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Args;

use super::CatalogArg;
use crate::app::{App, EndReason, Settings};
use crate::booth::Booth;
use crate::config::{Config, PIN_ENV, PinCheck};
use crate::i18n::Lang;
use crate::stats::BoothLog;
use crate::tui;
use crate::ui::theme::Theme;

pub const AFTER_HELP: &str = "Technician: press Ctrl-T and enter the PIN to open the technician menu (today's figures, event name, idle timeout, QR preview, Exit). \
There is no built-in PIN: with none set, the kiosk starts on a set-up screen that asks for one (or set it with `roc-kiosk set-pin`; ROC_KIOSK_PIN overrides it, for tests only). After 3 wrong PINs the prompt locks for 30 s, doubling up to 15 minutes.\n\
Nothing a student presses ends the kiosk: Ctrl-C, Ctrl-Z, Ctrl-\\ and Ctrl-D are ignored, and q is just a letter. \
F2 switches between English and Spanish on every screen, the attract screen included; the other F-keys only wake the attract screen, like any key. \
Esc goes back one screen (in search, the first Esc clears what was typed) and never closes the kiosk.";

/// What a technician reads when the kiosk is started without a terminal (from a desktop
/// menu without one, by a service, or with its output redirected).
pub const NEEDS_TERMINAL: &str = "roc-kiosk needs a terminal: run it in a terminal window";

#[derive(Debug, Clone, Default, Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub catalog: CatalogArg,
    /// Seconds without input before "Still there?" and a reset (default 90; 15 to 3600).
    #[arg(long, value_name = "SECONDS", value_parser = idle_timeout_arg)]
    pub idle_timeout: Option<u64>,
    /// Start in this language: en or es.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<Lang>,
    /// A config file instead of the one in the platform config directory.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Pretend today is this date (YYYY-MM-DD), to preview the application window.
    #[arg(long, value_name = "DATE")]
    pub today: Option<jiff::civil::Date>,
}

pub fn run(args: RunArgs) -> ExitCode {
    let started = Instant::now();
    // Everything that can be wrong is checked before the screen changes, so the
    // technician reads the problem in the terminal they typed the command into.
    let catalog = match args.catalog.load_or_report() {
        Ok(catalog) => Arc::new(catalog),
        Err(code) => return code,
    };
    let loaded = match Config::load(args.config.as_deref()) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("{e}");
            eprintln!(
                "The kiosk did not start: fix the config file above, or start with --config pointing at another one."
            );
            return ExitCode::from(2);
        }
    };
    let config = loaded.config;
    let pin = match PinCheck::from_config(&config, std::env::var(PIN_ENV).ok()) {
        Ok(pin) => Arc::new(std::sync::Mutex::new(pin)),
        Err(message) => {
            eprintln!("{message}");
            eprintln!("The kiosk did not start.");
            return ExitCode::from(2);
        }
    };
    let _log_guard = start_log_file(&config.data_dir());
    let tty = match tui::Tty::open() {
        Ok(tty) => tty,
        Err(e) => {
            eprintln!("{NEEDS_TERMINAL}");
            eprintln!("({e})");
            return ExitCode::from(2);
        }
    };

    let settings = settings_from(&config, &args);
    crate::ui::qr_widget::keep_code_colours_under_no_color();
    // A Mutex because unlocking may switch an old-style hash to Argon2id; a poisoned lock
    // still holds a usable check, so the technician is never locked out by it.
    let prompt_pin = Arc::clone(&pin);
    let pin_ok: crate::app::PinVerifier = Arc::new(move |entered: &str| {
        prompt_pin
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .unlock(entered)
    });
    let log = if config.booth_log {
        BoothLog::open(&config.data_dir(), &config.laptop_id())
    } else {
        BoothLog::disabled()
    };
    let mut booth = Booth::new(log, config, loaded.path, args.today).with_pin(Arc::clone(&pin));

    let ending = tui::run(
        tty,
        || {
            let mut app = App::new(
                Arc::clone(&catalog),
                settings.clone(),
                Arc::clone(&pin_ok),
                Instant::now(),
            );
            // Asked again after a restart: set-up done before a crash is not asked twice.
            if pin.lock().is_ok_and(|check| check.needs_setup()) {
                app.begin_setup();
            }
            app
        },
        &mut booth,
    );
    tracing::info!("the kiosk ended: {ending:?}");
    let reason = ending.as_ref().map_or(EndReason::Exit, |e| e.end_reason());
    booth.end_open_session(reason);
    // The terminal may be gone, so nothing below may fail on a write (eprintln! panics).
    let mut stderr = std::io::stderr();
    if std::env::var_os(tui::FIRST_FRAME_ONLY_ENV).is_some() {
        // The terminal is restored by now, so this reaches the person measuring.
        let _ = writeln!(
            stderr,
            "first frame after {:.1} ms",
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
    match ending {
        Ok(ending) => ExitCode::from(ending.exit_code()),
        Err(e) => {
            tracing::error!("the terminal failed: {e}");
            let _ = writeln!(stderr, "roc-kiosk: the terminal failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The app's settings: the config file, with command-line flags on top.
fn settings_from(config: &Config, args: &RunArgs) -> Settings {
    let mut settings = Settings::new(args.today.unwrap_or_else(crate::apply::local_today));
    settings.theme = Theme::from_env();
    settings.color_depth = crate::qr::ColorDepth::detect();
    settings.qr_style = config.qr_style;
    settings.event_name = config.event_name.clone();
    settings.site = config.site.clone();
    settings.log_search_terms = config.log_search_terms;
    settings.idle_timeout =
        Duration::from_secs(args.idle_timeout.unwrap_or(config.idle_timeout_secs));
    settings.default_lang = args.lang.unwrap_or(config.default_lang);
    settings
}

/// Logs go to a file in the data directory, never to the screen.
fn start_log_file(dir: &std::path::Path) -> Option<()> {
    std::fs::create_dir_all(dir).ok()?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("roc-kiosk.log"))
        .ok()?;
    tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .try_init()
        .ok()?;
    Some(())
}

/// `--idle-timeout`: a whole number of seconds within the config's own range, so the flag
/// and the config file accept the same values.
fn idle_timeout_arg(text: &str) -> Result<u64, String> {
    let range = crate::config::IDLE_TIMEOUT_RANGE;
    text.trim()
        .parse::<u64>()
        .ok()
        .filter(|secs| range.contains(secs))
        .ok_or_else(|| {
            format!(
                "'{text}' is not a number of seconds from {} to {}",
                range.start(),
                range.end()
            )
        })
}
