//! [`Booth`]: the kiosk's side of the world at a real booth. It carries out the effects
//! `App::update` asks for (see [`crate::tui::World`]): the anonymous booth log, the config
//! file the technician's settings are saved to, and today's figures for the menu.
//!
//! It also owns the visit's random session id: the app says when a visit starts and ends,
//! and every event in between is written under the same id.
//!
//! Every date and time it uses comes from its clock (the system's, or a test clock), so a
//! kiosk running for days writes each day's log and shows each day's figures.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use crate::app::{EndReason, Event};
use crate::config::{Config, PinCheck};
use crate::i18n::Lang;
use crate::stats::{self, BoothLog};
use crate::tui::World;

/// Where the booth's date and time come from.
pub type Clock = Box<dyn Fn() -> jiff::Zoned + Send>;

/// The booth's side of the effects: the anonymous log and the config file.
pub struct Booth {
    log: BoothLog,
    /// The visit in progress: its random id and when it began.
    session: Option<(String, jiff::Timestamp)>,
    config: Config,
    config_path: PathBuf,
    today_override: Option<jiff::civil::Date>,
    clock: Clock,
    /// The PIN check the prompt uses, shared with it, so a PIN set on the set-up screen or
    /// with `set-pin` is the one that unlocks.
    pin: Option<Arc<Mutex<PinCheck>>>,
}

impl Booth {
    /// A booth writing to `log`, saving settings into `config` at `config_path`.
    /// `today_override` (`--today`) picks the day whose figures the menu shows.
    pub fn new(
        log: BoothLog,
        config: Config,
        config_path: PathBuf,
        today_override: Option<jiff::civil::Date>,
    ) -> Self {
        Booth {
            log,
            session: None,
            config,
            config_path,
            today_override,
            clock: Box::new(jiff::Zoned::now),
            pin: None,
        }
    }

    /// The same booth on another clock (tests drive days and weeks with one).
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// Shares the PIN prompt's check, for the set-up screen and `set-pin` to change.
    pub fn with_pin(mut self, pin: Arc<Mutex<PinCheck>>) -> Self {
        self.pin = Some(pin);
        self
    }

    /// When the kiosk ends mid-visit, the visit's end is still written, with `reason`.
    pub fn end_open_session(&mut self, reason: EndReason) {
        if let Some((_, started)) = &self.session {
            let seconds = (self.clock)()
                .timestamp()
                .duration_since(*started)
                .as_secs()
                .max(0) as u64;
            self.track(&Event::SessionEnd { reason, seconds });
        }
    }

    fn with_pin_check<T>(&self, f: impl FnOnce(&mut PinCheck) -> T) -> Option<T> {
        let pin = self.pin.as_ref()?;
        Some(f(&mut pin.lock().unwrap_or_else(PoisonError::into_inner)))
    }

    fn save_config(&self) -> Result<(), String> {
        self.config.save(&self.config_path).map_err(|e| {
            let why = format!("{}: {e}", self.config_path.display());
            tracing::warn!("could not save settings to {why}");
            why
        })
    }
}

impl World for Booth {
    fn track(&mut self, event: &Event) {
        let now = (self.clock)();
        if matches!(event, Event::SessionStart) || self.session.is_none() {
            self.session = Some((stats::new_session_id(), now.timestamp()));
        }
        if let Some((id, _)) = &self.session {
            self.log.append(id, event, &now);
        }
        if matches!(event, Event::SessionEnd { .. }) {
            self.session = None;
        }
    }

    fn save_settings(
        &mut self,
        event_name: Option<&str>,
        idle_timeout_secs: u64,
    ) -> Result<(), String> {
        self.config.event_name = event_name.map(str::to_string);
        self.config.idle_timeout_secs = idle_timeout_secs;
        self.save_config()
    }

    fn save_pin_hash(&mut self, hash: &str) {
        self.config.pin_hash = Some(hash.to_string());
        match self.config.save(&self.config_path) {
            Ok(()) => tracing::info!("PIN hash upgraded to Argon2id"),
            Err(e) => tracing::warn!(
                "could not save the upgraded PIN hash to {}: {e}",
                self.config_path.display()
            ),
        }
    }

    fn tech_figures(&mut self) -> stats::Summary {
        stats::today_summary(&self.log, self.today())
    }

    /// `--today`'s date, which stays put for previews, or the clock's.
    fn today(&self) -> jiff::civil::Date {
        self.today_override.unwrap_or_else(|| (self.clock)().date())
    }

    /// Takes the config file's PIN hash when it differs from the one in use. Only the
    /// hash: other settings changed on disk wait for a restart, and the settings this
    /// booth saves later keep the new hash.
    fn reload_pin(&mut self) {
        let Ok(loaded) = Config::load(Some(&self.config_path)) else {
            tracing::warn!(
                "could not read {} again for its PIN; the PIN in use stays",
                self.config_path.display()
            );
            return;
        };
        let Some(hash) = loaded.config.pin_hash else {
            return;
        };
        if self.config.pin_hash.as_ref() == Some(&hash) {
            return;
        }
        match self.with_pin_check(|check| check.set_hash(&hash)) {
            Some(Err(why)) => tracing::warn!("the config's new PIN hash {why}"),
            _ => {
                tracing::info!("the PIN was changed in the config file; using the new one");
                self.config.pin_hash = Some(hash);
            }
        }
    }

    fn finish_setup(
        &mut self,
        pin: &str,
        event_name: Option<&str>,
        default_lang: Lang,
    ) -> Result<(), String> {
        let hash = crate::config::hash_pin(pin, &crate::config::new_salt());
        // In force at once, even when the file cannot be written.
        if let Some(Err(why)) = self.with_pin_check(|check| check.set_hash(&hash)) {
            tracing::error!("the new PIN's hash {why}");
        }
        self.config.pin_hash = Some(hash);
        self.config.event_name = event_name.map(str::to_string);
        self.config.default_lang = default_lang;
        self.save_config()
    }

    fn log_problem(&self) -> Option<String> {
        self.log.problem().map(str::to_string)
    }

    fn log_recreated(&self) -> Option<String> {
        self.log.recreated().map(|p| p.display().to_string())
    }
}
