//! Home: the menu, and "I'm done".

use super::move_selection;
use crate::app::action::Action;
use crate::app::msg::{Effect, EndReason};
use crate::app::state::App;

impl App {
    pub(super) fn on_home(&mut self, action: Action, fx: &mut Vec<Effect>) {
        let menu = self.menu();
        match action {
            Action::EndVisit => self.reset(EndReason::BackToAttract, fx),
            Action::Pick(i) => {
                if let Some(&item) = menu.get(i) {
                    self.student.selected = i;
                    self.open_menu_item(item, fx);
                }
            }
            Action::Confirm => {
                if let Some(&item) = menu.get(self.student.selected) {
                    self.open_menu_item(item, fx);
                }
            }
            Action::Move(by) => move_selection(&mut self.student.selected, menu.len(), by),
            _ => {}
        }
    }
}
