//! `roc-kiosk [run]`: the full-screen kiosk.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Args;

use super::CatalogArg;
use crate::app::{Activity, App, Settings};
use crate::i18n::Lang;
use crate::tui::{self, Ending, World};
use crate::ui::theme::Theme;

/// The PIN when neither `ROC_KIOSK_PIN` nor the config file sets one.
pub const DEFAULT_PIN: &str = "2468";

pub const AFTER_HELP: &str = "Technician: press Ctrl-T and enter the PIN to open the technician menu (today's figures, settings, Exit). \
The PIN comes from ROC_KIOSK_PIN, else the config file (set it with `roc-kiosk set-pin`), else the default 2468.\n\
Nothing a student presses ends the kiosk: Ctrl-C, Ctrl-Z, Ctrl-\\, Ctrl-D, q and Esc are ignored or go back one screen.";

#[derive(Debug, Clone, Default, Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub catalog: CatalogArg,
    /// Seconds without input before "Still there?" and a reset (default 90).
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(15..=3600))]
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
    let catalog = match args.catalog.load_or_report() {
        Ok(catalog) => Arc::new(catalog),
        Err(code) => return code,
    };
    let _log_guard = start_log_file();

    let today = args.today.unwrap_or_else(|| jiff::Zoned::now().date());
    let mut settings = Settings::new(today);
    settings.theme = Theme::from_env();
    if let Some(secs) = args.idle_timeout {
        settings.idle_timeout = Duration::from_secs(secs);
    }
    if let Some(lang) = args.lang {
        settings.default_lang = lang;
    }
    let pin = std::env::var("ROC_KIOSK_PIN")
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| DEFAULT_PIN.into());
    let pin_ok: crate::app::PinVerifier = Arc::new(move |entered: &str| entered == pin);

    let mut world = LogOnly;
    let ending = tui::run(
        || {
            App::new(
                Arc::clone(&catalog),
                settings.clone(),
                Arc::clone(&pin_ok),
                Instant::now(),
            )
        },
        &mut world,
    );
    match ending {
        Ok(Ending::Technician) | Ok(Ending::Signal) => ExitCode::SUCCESS,
        Ok(Ending::TooManyPanics) => {
            eprintln!(
                "roc-kiosk stopped after {} errors in a minute; the log file has the details.",
                tui::MAX_RESTARTS
            );
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("roc-kiosk: the terminal failed: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Logs go to a file in the platform data directory, never to the screen.
fn start_log_file() -> Option<()> {
    let dirs = directories::ProjectDirs::from("org", "KHSD", "roc-kiosk")?;
    let dir = dirs.data_dir();
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

/// Until the booth log lands: activities go to the log file only.
struct LogOnly;

impl World for LogOnly {
    fn track(&mut self, activity: &Activity) {
        tracing::info!("activity: {activity:?}");
    }
    fn save_settings(&mut self, event_name: Option<&str>, idle_timeout_secs: u64) {
        tracing::info!("settings: event {event_name:?}, idle {idle_timeout_secs}s");
    }
    fn tech_figures(&mut self) -> Vec<(String, String)> {
        Vec::new()
    }
    fn log_problem(&self) -> Option<String> {
        Some("the booth log is not built yet".into())
    }
}
