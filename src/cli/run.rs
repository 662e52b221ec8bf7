//! `roc-kiosk [run]`: the full-screen kiosk.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Args;

use super::CatalogArg;
use crate::app::{App, EndReason, Event, Settings};
use crate::config::{Config, PIN_ENV, PinCheck};
use crate::i18n::Lang;
use crate::stats::{self, BoothLog};
use crate::tui::{self, Ending, World};
use crate::ui::theme::Theme;

pub const AFTER_HELP: &str = "Technician: press Ctrl-T and enter the PIN to open the technician menu (today's figures, event name, idle timeout, QR preview, Exit). \
The PIN comes from ROC_KIOSK_PIN, else the config file (set it with `roc-kiosk set-pin`), else the default 2468.\n\
Nothing a student presses ends the kiosk: Ctrl-C, Ctrl-Z, Ctrl-\\ and Ctrl-D are ignored, and q is just a letter. \
F2 switches between English and Spanish on every screen, the attract screen included; the other F-keys only wake the attract screen, like any key. \
Esc goes back one screen (in search, the first Esc clears what was typed) and never closes the kiosk.";

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
    let _log_guard = start_log_file(&config.data_dir());

    let settings = settings_from(&config, &args);
    let pin = PinCheck::from_config(&config, std::env::var(PIN_ENV).ok());
    let pin_ok: crate::app::PinVerifier = Arc::new(move |entered: &str| pin.verify(entered));
    let log = if config.booth_log {
        BoothLog::open(&config.data_dir(), &config.laptop_id())
    } else {
        BoothLog::disabled()
    };
    let mut booth = Booth {
        log,
        session: None,
        config,
        config_path: loaded.path,
        today_override: args.today,
    };

    let ending = tui::run(
        || {
            App::new(
                Arc::clone(&catalog),
                settings.clone(),
                Arc::clone(&pin_ok),
                Instant::now(),
            )
        },
        &mut booth,
    );
    booth.end_open_session();
    if std::env::var_os(tui::FIRST_FRAME_ONLY_ENV).is_some() {
        // The terminal is restored by now, so this reaches the person measuring.
        eprintln!(
            "first frame after {:.1} ms",
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
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

/// The booth's side of the effects: the anonymous log and the config file.
struct Booth {
    log: BoothLog,
    /// The visit in progress: its random id and when it began.
    session: Option<(String, Instant)>,
    config: Config,
    config_path: PathBuf,
    today_override: Option<jiff::civil::Date>,
}

impl Booth {
    /// On exit mid-visit, the visit's end is still written.
    fn end_open_session(&mut self) {
        if let Some((_, started)) = &self.session {
            let seconds = started.elapsed().as_secs();
            self.track(&Event::SessionEnd {
                reason: EndReason::Exit,
                seconds,
            });
        }
    }
}

impl World for Booth {
    fn track(&mut self, event: &Event) {
        if matches!(event, Event::SessionStart) || self.session.is_none() {
            self.session = Some((stats::new_session_id(), Instant::now()));
        }
        if let Some((id, _)) = &self.session {
            self.log.append(id, event, &jiff::Zoned::now());
        }
        if matches!(event, Event::SessionEnd { .. }) {
            self.session = None;
        }
    }

    fn save_settings(&mut self, event_name: Option<&str>, idle_timeout_secs: u64) {
        self.config.event_name = event_name.map(str::to_string);
        self.config.idle_timeout_secs = idle_timeout_secs;
        if let Err(e) = self.config.save(&self.config_path) {
            tracing::warn!(
                "could not save settings to {}: {e}",
                self.config_path.display()
            );
        }
    }

    fn tech_figures(&mut self) -> stats::Summary {
        let today = self
            .today_override
            .unwrap_or_else(crate::apply::local_today);
        stats::today_summary(&self.log, today)
    }

    fn log_problem(&self) -> Option<String> {
        self.log.problem().map(str::to_string)
    }
}
