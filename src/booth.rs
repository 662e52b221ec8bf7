//! [`Booth`]: the kiosk's side of the world at a real booth. It carries out the effects
//! `App::update` asks for (see [`crate::tui::World`]): the anonymous booth log, the config
//! file the technician's settings are saved to, and today's figures for the menu.
//!
//! It also owns the visit's random session id: the app says when a visit starts and ends,
//! and every event in between is written under the same id.

use std::path::PathBuf;
use std::time::Instant;

use crate::app::{EndReason, Event};
use crate::config::Config;
use crate::stats::{self, BoothLog};
use crate::tui::World;

/// The booth's side of the effects: the anonymous log and the config file.
pub struct Booth {
    log: BoothLog,
    /// The visit in progress: its random id and when it began.
    session: Option<(String, Instant)>,
    config: Config,
    config_path: PathBuf,
    today_override: Option<jiff::civil::Date>,
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
        }
    }

    /// When the kiosk ends mid-visit, the visit's end is still written, with `reason`.
    pub fn end_open_session(&mut self, reason: EndReason) {
        if let Some((_, started)) = &self.session {
            let seconds = started.elapsed().as_secs();
            self.track(&Event::SessionEnd { reason, seconds });
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

    fn save_settings(
        &mut self,
        event_name: Option<&str>,
        idle_timeout_secs: u64,
    ) -> Result<(), String> {
        self.config.event_name = event_name.map(str::to_string);
        self.config.idle_timeout_secs = idle_timeout_secs;
        self.config.save(&self.config_path).map_err(|e| {
            let why = format!("{}: {e}", self.config_path.display());
            tracing::warn!("could not save settings to {why}");
            why
        })
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
        let today = self
            .today_override
            .unwrap_or_else(crate::apply::local_today);
        stats::today_summary(&self.log, today)
    }

    fn log_problem(&self) -> Option<String> {
        self.log.problem().map(str::to_string)
    }

    fn log_recreated(&self) -> Option<String> {
        self.log.recreated().map(|p| p.display().to_string())
    }
}
