//! The world outside the app: what the loop does with the effects `App::update` asks for
//! (booth log, config file, today's figures), and the queue that carries them out.

use std::collections::VecDeque;
use std::time::Instant;

use super::Ending;
use crate::app::{App, Effect, Msg};
use crate::stats::Event as BoothEvent;

/// What the loop does with effects that touch the world (booth log, config file).
pub trait World {
    fn track(&mut self, event: &BoothEvent);
    /// Saves the technician's settings; on failure, why (shown in the menu).
    fn save_settings(
        &mut self,
        event_name: Option<&str>,
        idle_timeout_secs: u64,
    ) -> Result<(), String>;
    /// Replaces the config's PIN hash (an old-style hash upgraded on unlock).
    fn save_pin_hash(&mut self, hash: &str);
    /// Today's booth figures.
    fn tech_figures(&mut self) -> crate::stats::Summary;
    /// Why the booth log is not being saved, if it is not.
    fn log_problem(&self) -> Option<String>;
    /// Today's booth log file, if it was deleted or moved and has been started again.
    fn log_recreated(&self) -> Option<String> {
        None
    }
    /// Today's date, for the application window and the menu's figures.
    fn today(&self) -> jiff::civil::Date {
        crate::apply::local_today()
    }
    /// Reads the configured PIN again (it may have been changed with `set-pin`).
    fn reload_pin(&mut self) {}
    /// Hashes and saves the PIN from the set-up screen with its event name and language;
    /// on failure, why (the PIN still works until the kiosk ends).
    fn finish_setup(
        &mut self,
        _pin: &str,
        _event_name: Option<&str>,
        _default_lang: crate::i18n::Lang,
    ) -> Result<(), String> {
        Err("this kiosk has nowhere to save settings".into())
    }
}

/// Carries out `effects` through `world`. What an effect reports goes back to `app` as a
/// message, and whatever that message asks for joins the queue, so no effect is dropped.
/// Returns how the kiosk ends if one of them ends it.
pub fn apply_effects(
    app: &mut App,
    world: &mut dyn World,
    effects: Vec<Effect>,
    now: Instant,
) -> Option<Ending> {
    let mut queue = VecDeque::from(effects);
    while let Some(effect) = queue.pop_front() {
        let replies = match effect {
            Effect::Quit => return Some(Ending::Technician),
            Effect::Track(event) => {
                world.track(&event);
                vec![]
            }
            Effect::RefreshTechFigures => {
                let figures = world.tech_figures();
                let mut replies = vec![Msg::TechFigures(Box::new(figures))];
                replies.extend(log_status(world));
                replies
            }
            Effect::SaveSettings {
                event_name,
                idle_timeout_secs,
            } => {
                let saved = world.save_settings(event_name.as_deref(), idle_timeout_secs);
                vec![Msg::SettingsSaved(saved)]
            }
            Effect::SavePinHash(hash) => {
                world.save_pin_hash(&hash);
                vec![]
            }
            Effect::ReloadPin => {
                world.reload_pin();
                vec![]
            }
            Effect::FinishSetup {
                pin,
                event_name,
                default_lang,
            } => {
                let saved = world.finish_setup(&pin.0, event_name.as_deref(), default_lang);
                vec![Msg::SettingsSaved(saved)]
            }
        };
        for reply in replies {
            queue.extend(app.update(reply, now));
        }
    }
    None
}

/// How the booth log is doing, for the technician menu.
pub(super) fn log_status(world: &dyn World) -> [Msg; 2] {
    [
        Msg::LogProblem(world.log_problem()),
        Msg::LogRecreated(world.log_recreated()),
    ]
}
