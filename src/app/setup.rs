//! The technician set-up screen: with no PIN configured the kiosk starts here, not on
//! Attract. The technician types a new PIN twice, the event name and the language the
//! visits start in; then the loop hashes and saves them (`Effect::FinishSetup`) and
//! Attract shows. There is no built-in PIN, so a fresh install opens to nobody else.

use super::input::LineInput;
use super::msg::{Effect, EndReason, NewPin};
use super::state::{App, Screen, event_name_field, pin_field};
use crate::i18n::Lang;

/// Which question the set-up screen asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SetupStep {
    #[default]
    Pin,
    ConfirmPin,
    EventName,
    Language,
}

/// What went wrong with the last answer, shown until the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupProblem {
    /// Not 4–8 digits.
    PinFormat,
    /// The second PIN was not the first.
    PinsDiffer,
}

/// The set-up screen's answers so far. Lives outside the student's state: an idle reset
/// never reaches it (the screen does not time out), and it goes once set-up is done.
#[derive(Clone, PartialEq, Eq)]
pub struct SetupState {
    pub step: SetupStep,
    /// The digits being typed (first or second PIN).
    pub typed: LineInput,
    pub(super) first_pin: String,
    pub event_name: LineInput,
    pub lang: Lang,
    pub problem: Option<SetupProblem>,
}

impl std::fmt::Debug for SetupState {
    // Never print the PIN being set.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SetupState")
            .field("step", &self.step)
            .field("event_name", &self.event_name)
            .field("lang", &self.lang)
            .field("problem", &self.problem)
            .finish_non_exhaustive()
    }
}

impl App {
    /// No PIN is configured: show the set-up screen, now and after every reset, until
    /// it is done.
    pub fn begin_setup(&mut self) {
        self.setup = Some(SetupState {
            step: SetupStep::default(),
            typed: pin_field(),
            first_pin: String::new(),
            event_name: event_name_field(self.settings.event_name.as_deref().unwrap_or_default()),
            lang: self.settings.default_lang,
            problem: None,
        });
        let mut fx = Vec::new();
        self.reset(EndReason::Technician, &mut fx);
    }

    /// Keeps the answers, asks the loop to hash and save them, and shows Attract.
    pub(super) fn finish_setup(&mut self, fx: &mut Vec<Effect>) {
        let Some(setup) = self.setup.take() else {
            return;
        };
        let name = setup.event_name.as_str().trim();
        self.settings.event_name = (!name.is_empty()).then(|| name.to_string());
        self.settings.default_lang = setup.lang;
        fx.push(Effect::FinishSetup {
            pin: NewPin(setup.first_pin),
            event_name: self.settings.event_name.clone(),
            default_lang: setup.lang,
        });
        self.reset(EndReason::Technician, fx);
        debug_assert_eq!(self.screen(), Screen::Attract);
    }
}
