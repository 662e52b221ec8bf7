//! The set-up screen's answers: a new PIN twice, the event name, the language.

use crate::app::action::Action;
use crate::app::msg::Effect;
use crate::app::setup::{SetupProblem, SetupStep};
use crate::app::state::App;
use crate::config::check_pin_format;
use crate::i18n::Lang;

impl App {
    pub(super) fn on_setup(&mut self, action: Action, fx: &mut Vec<Effect>) {
        let Some(setup) = &mut self.setup else { return };
        match (setup.step, action) {
            (SetupStep::Pin | SetupStep::ConfirmPin, Action::Edit(edit)) => {
                setup.typed.apply(&edit);
            }
            (SetupStep::Pin, Action::Confirm) => {
                if check_pin_format(setup.typed.as_str()).is_ok() {
                    setup.first_pin = setup.typed.take();
                    setup.problem = None;
                    setup.step = SetupStep::ConfirmPin;
                } else {
                    setup.problem = Some(SetupProblem::PinFormat);
                }
            }
            (SetupStep::ConfirmPin, Action::Confirm) => {
                let same = setup.typed.as_str() == setup.first_pin;
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
            (SetupStep::ConfirmPin | SetupStep::EventName, Action::Back) => {
                // Back to the first PIN: both are typed again.
                setup.typed.clear();
                setup.first_pin.clear();
                setup.problem = None;
                setup.step = SetupStep::Pin;
            }
            (SetupStep::EventName, Action::Edit(edit)) => {
                setup.event_name.apply(&edit);
            }
            (SetupStep::EventName, Action::Confirm) => setup.step = SetupStep::Language,
            (SetupStep::Language, Action::Back) => setup.step = SetupStep::EventName,
            (SetupStep::Language, Action::Move(_)) => {
                setup.lang = setup.lang.toggled();
                self.student.lang = setup.lang;
            }
            (SetupStep::Language, Action::Pick(i)) => {
                let lang = if i == 0 { Lang::En } else { Lang::Es };
                setup.lang = lang;
                self.student.lang = lang;
            }
            (SetupStep::Language, Action::Confirm) => self.finish_setup(fx),
            _ => {}
        }
    }
}
