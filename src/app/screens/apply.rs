//! Apply: the QR code and the window's status, a page that scrolls when long.

use crate::app::action::Action;
use crate::app::state::App;

impl App {
    /// Also the detail's page keys: Esc goes back, the rest scroll.
    pub(super) fn on_apply(&mut self, action: Action) {
        match action {
            Action::Back => self.back(),
            Action::Scroll(by) => self.scroll_page(by),
            _ => {}
        }
    }
}
