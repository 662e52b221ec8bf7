//! Search: the words typed, the programs they find, and the buttons of a search that
//! finds nothing.

use super::move_selection;
use crate::app::action::Action;
use crate::app::msg::{Effect, Via};
use crate::app::state::{App, Screen};

impl App {
    pub(super) fn on_search(&mut self, action: Action, fx: &mut Vec<Effect>) {
        match action {
            Action::Edit(edit) if self.student.search.input.0.apply(&edit) => self.refresh_search(),
            Action::Back => self.back(),
            Action::Confirm => {
                let rows = self.search_rows();
                let selected = self.student.search.selected;
                match rows.get(selected) {
                    Some(&program) => self.open_program(program, Via::Search, fx),
                    None => {
                        let buttons = self.search_actions();
                        match buttons.get(selected - rows.len()) {
                            Some(crate::app::Target::TakeQuiz) => self.open_quiz(),
                            Some(crate::app::Target::BrowseAreas) => self.go(Screen::BrowseSectors),
                            _ => {}
                        }
                    }
                }
            }
            Action::Pick(row) => {
                if let Some(&program) = self.search_rows().get(row) {
                    self.student.search.selected = row;
                    self.open_program(program, Via::Search, fx);
                }
            }
            Action::TakeQuiz => self.open_quiz(),
            Action::BrowseAreas => self.go(Screen::BrowseSectors),
            Action::Move(by) => {
                let len = self.search_selectable();
                move_selection(&mut self.student.search.selected, len, by);
            }
            _ => {}
        }
    }

    /// Re-runs the query (on every keystroke) and puts the selection on the best hit.
    pub(in crate::app) fn refresh_search(&mut self) {
        let query = self.student.search.input.0.as_str();
        let (hits, found) = self.index.search_or_closest(query, self.student.lang);
        self.student.search.hits = hits;
        self.student.search.found = found;
        self.student.search.selected = 0;
    }
}
