//! One file per screen, each handling the [`Action`]s that mean something there. The
//! actions that mean the same everywhere are handled here first.

mod apply;
mod browse;
mod detail;
mod home;
pub(super) mod quiz;
mod search;
mod setup;
pub(super) mod tech;

use super::action::{Action, Move, Scroll};
use super::msg::Effect;
use super::state::{App, Screen};

/// Rows PgUp and PgDn move in a list.
const LIST_PAGE: usize = 5;

impl App {
    /// Carries out `action` on the screen showing.
    pub(super) fn act(&mut self, action: Action, fx: &mut Vec<Effect>) {
        match action {
            Action::OpenPin => return self.open_pin(fx),
            Action::SwitchLanguage => return self.toggle_lang(),
            Action::GoHome => return self.home(),
            Action::Wake => return self.wake(fx),
            _ => {}
        }
        match self.screen() {
            Screen::Attract | Screen::OutOfOrder => {}
            Screen::Home => self.on_home(action, fx),
            Screen::Search => self.on_search(action, fx),
            Screen::BrowseSectors | Screen::BrowsePrograms { .. } => self.on_browse(action, fx),
            Screen::Detail { .. } => self.on_detail(action, fx),
            Screen::Apply => self.on_apply(action),
            Screen::Quiz => self.on_quiz(action, fx),
            Screen::Results => self.on_results(action, fx),
            Screen::Pin => self.on_pin(action, fx),
            Screen::Tech => self.on_tech(action, fx),
            Screen::Setup => self.on_setup(action, fx),
        }
    }

    /// Scrolls a page (a program's detail, Apply), never past its end as the last frame
    /// drew it.
    fn scroll_page(&mut self, by: Scroll) {
        let page = self.page;
        let rows = page.page_rows;
        let scroll = self.student.scroll;
        let scrolled = match by {
            Scroll::Lines(lines) => scroll.saturating_add_signed(lines),
            Scroll::PageUp => scroll.saturating_sub(rows),
            Scroll::PageDown => scroll.saturating_add(rows),
            Scroll::Top => 0,
            Scroll::Bottom => page.max_scroll,
        };
        self.student.scroll = scrolled.min(page.max_scroll);
    }
}

/// Moves a list's highlight, staying inside `0..len`.
pub(super) fn move_selection(selected: &mut usize, len: usize, by: Move) {
    let Some(last) = len.checked_sub(1) else {
        *selected = 0;
        return;
    };
    *selected = match by {
        Move::Up => selected.saturating_sub(1),
        Move::Down => selected.saturating_add(1),
        Move::PageUp => selected.saturating_sub(LIST_PAGE),
        Move::PageDown => selected.saturating_add(LIST_PAGE),
        Move::First => 0,
        Move::Last => last,
    }
    .min(last);
}

/// None → the first value → … → the last value → None.
fn cycle(current: Option<usize>, values: &[usize]) -> Option<usize> {
    match current {
        None => values.first().copied(),
        Some(v) => values
            .iter()
            .position(|&x| x == v)
            .and_then(|at| values.get(at + 1))
            .copied(),
    }
}
