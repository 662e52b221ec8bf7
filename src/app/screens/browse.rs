//! Browse: career areas, then the programs of one, with the campus and time filters.

use super::{cycle, move_selection};
use crate::app::action::Action;
use crate::app::msg::{Effect, Via};
use crate::app::state::{App, Screen};

impl App {
    pub(super) fn on_browse(&mut self, action: Action, fx: &mut Vec<Effect>) {
        match action {
            Action::Back => self.back(),
            Action::CycleCampus => {
                let values = self.campus_filter_values();
                self.student.filters.campus = cycle(self.student.filters.campus, &values);
                self.student.selected = 0;
            }
            Action::CycleSession => {
                let values = self.session_filter_values();
                self.student.filters.session = cycle(self.student.filters.session, &values);
                self.student.selected = 0;
            }
            Action::Confirm => self.open_browse_row(self.student.selected, fx),
            Action::Pick(row) => {
                self.student.selected = row;
                self.open_browse_row(row, fx);
            }
            Action::Move(by) => {
                let len = self.browse_len();
                move_selection(&mut self.student.selected, len, by);
            }
            _ => {}
        }
    }

    fn browse_len(&self) -> usize {
        match self.screen() {
            Screen::BrowseSectors => self.sectors_with_programs().len(),
            Screen::BrowsePrograms { sector } => self
                .programs_in_sector(&self.catalog.sectors[sector].id)
                .len(),
            _ => 0,
        }
    }

    fn open_browse_row(&mut self, row: usize, fx: &mut Vec<Effect>) {
        match self.screen() {
            Screen::BrowseSectors => {
                if let Some(&(sector, _)) = self.sectors_with_programs().get(row) {
                    self.go(Screen::BrowsePrograms { sector });
                }
            }
            Screen::BrowsePrograms { sector } => {
                if let Some(&program) = self
                    .programs_in_sector(&self.catalog.sectors[sector].id)
                    .get(row)
                {
                    self.open_program(program, Via::Browse, fx);
                }
            }
            _ => {}
        }
    }
}
