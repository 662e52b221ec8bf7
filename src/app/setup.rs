//! The technician set-up screen: with no PIN configured the kiosk starts here, not on
//! Attract. The technician types a new PIN twice, the event name and the language the
//! visits start in; then the loop hashes and saves them (`Effect::FinishSetup`) and
//! Attract shows. There is no built-in PIN, so a fresh install opens to nobody else.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::msg::{Effect, EndReason, NewPin};
use super::state::{App, Screen};
use crate::config::{PIN_LENGTH, check_pin_format, label_accepts};
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
#[derive(Clone, PartialEq, Eq, Default)]
pub struct SetupState {
    pub step: SetupStep,
    /// The digits being typed (first or second PIN).
    pub typed: String,
    first_pin: String,
    pub event_name: String,
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
            lang: self.settings.default_lang,
            event_name: self.settings.event_name.clone().unwrap_or_default(),
            ..SetupState::default()
        });
        let mut fx = Vec::new();
        self.reset(EndReason::Technician, &mut fx);
    }

    pub(super) fn on_setup_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        let Some(setup) = &mut self.setup else { return };
        match (setup.step, key.code) {
            (SetupStep::Pin | SetupStep::ConfirmPin, KeyCode::Char(c))
                if c.is_ascii_digit() && setup.typed.len() < *PIN_LENGTH.end() =>
            {
                setup.typed.push(c)
            }
            (SetupStep::Pin | SetupStep::ConfirmPin, KeyCode::Backspace) => {
                setup.typed.pop();
            }
            (SetupStep::Pin, KeyCode::Enter) => {
                if check_pin_format(&setup.typed).is_ok() {
                    setup.first_pin = std::mem::take(&mut setup.typed);
                    setup.problem = None;
                    setup.step = SetupStep::ConfirmPin;
                } else {
                    setup.problem = Some(SetupProblem::PinFormat);
                }
            }
            (SetupStep::ConfirmPin, KeyCode::Enter) => {
                let same = setup.typed == setup.first_pin;
                setup.typed.clear();
                if same {
                    setup.problem = None;
                    setup.step = SetupStep::EventName;
                } else {
                    setup.first_pin.clear();
                    setup.problem = Some(SetupProblem::PinsDiffer);
                    setup.step = SetupStep::Pin;
                }
            }
            (SetupStep::ConfirmPin | SetupStep::EventName, KeyCode::Esc) => {
                // Back to the first PIN: both are typed again.
                setup.typed.clear();
                setup.first_pin.clear();
                setup.problem = None;
                setup.step = SetupStep::Pin;
            }
            (SetupStep::EventName, KeyCode::Char(c)) if label_accepts(&setup.event_name, c) => {
                setup.event_name.push(c)
            }
            (SetupStep::EventName, KeyCode::Backspace) => {
                setup.event_name.pop();
            }
            (SetupStep::EventName, KeyCode::Enter) => setup.step = SetupStep::Language,
            (SetupStep::Language, KeyCode::Esc) => setup.step = SetupStep::EventName,
            (
                SetupStep::Language,
                KeyCode::Left | KeyCode::Right | KeyCode::Up | KeyCode::Down | KeyCode::Tab,
            ) => {
                setup.lang = setup.lang.toggled();
                self.student.lang = setup.lang;
            }
            (SetupStep::Language, KeyCode::Char('e' | 'E')) => self.pick_setup_lang(Lang::En),
            (SetupStep::Language, KeyCode::Char('s' | 'S')) => self.pick_setup_lang(Lang::Es),
            (SetupStep::Language, KeyCode::Enter) => self.finish_setup(fx),
            _ => {}
        }
    }

    fn pick_setup_lang(&mut self, lang: Lang) {
        if let Some(setup) = &mut self.setup {
            setup.lang = lang;
            self.student.lang = lang;
        }
    }

    /// Pasted digits or event name, as if typed.
    pub(super) fn on_setup_paste(&mut self, text: &str) {
        let Some(setup) = &mut self.setup else { return };
        match setup.step {
            SetupStep::Pin | SetupStep::ConfirmPin => {
                let room = PIN_LENGTH.end().saturating_sub(setup.typed.len());
                let digits = text.chars().filter(char::is_ascii_digit).take(room);
                setup.typed.extend(digits);
            }
            SetupStep::EventName => {
                for c in text.chars() {
                    if label_accepts(&setup.event_name, c) {
                        setup.event_name.push(c);
                    }
                }
            }
            SetupStep::Language => {}
        }
    }

    /// Keeps the answers, asks the loop to hash and save them, and shows Attract.
    fn finish_setup(&mut self, fx: &mut Vec<Effect>) {
        let Some(setup) = self.setup.take() else {
            return;
        };
        let name = setup.event_name.trim();
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
