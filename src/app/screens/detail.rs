//! A program's detail: a page that scrolls, with the way to Apply.

use crate::app::action::Action;
use crate::app::msg::Effect;
use crate::app::state::App;

impl App {
    pub(super) fn on_detail(&mut self, action: Action, fx: &mut Vec<Effect>) {
        match action {
            Action::OpenApply => self.open_apply(fx),
            action => self.on_apply(action),
        }
    }
}
