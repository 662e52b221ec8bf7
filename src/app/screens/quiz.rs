//! The quiz and its results: one item per screen, the tiles, the Stage C choice and the
//! recommendations. Scoring itself is `crate::quiz`; this file only moves the student along.

use super::move_selection;
use crate::app::action::{Action, Move};
use crate::app::msg::{Effect, Event, Via};
use crate::app::state::{App, QuizState, QuizStep, Screen};
use crate::quiz;

/// Answers on an item screen: 1..=5, and the sixth row is Skip.
pub const ANSWER_ROWS: usize = 6;
/// How many recommendations the results show at once.
pub const RESULTS_SHOWN: usize = quiz::SHOWN_TOGETHER;
/// The answer row the arrow keys start from: "Unsure".
const MIDDLE_ANSWER: usize = 2;

impl App {
    /// Starts the quiz afresh (answers from an earlier try are dropped): "Retake" only.
    /// Esc from the new quiz goes Home, not to the results it just dropped.
    pub(in crate::app) fn start_quiz(&mut self) {
        self.student.quiz = QuizState::default();
        self.home();
        self.go(Screen::Quiz);
    }

    /// Choosing the quiz again in the same visit: the results once there are some, else the
    /// question the student left, so one stray tap never costs their answers.
    pub(in crate::app) fn open_quiz(&mut self) {
        if self.student.quiz.outcome.is_some() {
            self.go(Screen::Results);
        } else {
            self.go(Screen::Quiz);
        }
    }

    pub(super) fn on_quiz(&mut self, action: Action, fx: &mut Vec<Effect>) {
        let step = self.student.quiz.step;
        match (step, action) {
            (_, Action::Back) => self.back(),
            (_, Action::QuizBack) => self.quiz_back(),
            (QuizStep::Item(_), Action::Pick(row)) => self.answer(row as u8 + 1),
            (QuizStep::Item(_), Action::Skip) => self.skip(),
            // Enter answers only what the student moved to: on no row it does nothing.
            (QuizStep::Item(_), Action::Confirm) => match self.student.quiz.cursor {
                Some(row) if row < 5 => self.answer(row as u8 + 1),
                Some(_) => self.skip(),
                None => {}
            },
            (QuizStep::Tiles, Action::Pick(i)) => self.toggle_tile(i),
            (QuizStep::Tiles, Action::Confirm) => {
                if let Some(i) = self.student.quiz.cursor {
                    self.toggle_tile(i);
                }
            }
            (QuizStep::Tiles, Action::TilesDone) => self.tiles_done(fx),
            (QuizStep::Choice(..), Action::Pick(option)) => self.choose(option, fx),
            (QuizStep::Choice(..), Action::Confirm) => {
                if let Some(option) = self.student.quiz.cursor {
                    self.choose(option, fx);
                }
            }
            (_, Action::Move(by)) => self.move_quiz_cursor(by),
            _ => {}
        }
    }

    /// Arrow keys: from no row, the first press lands on the middle answer ("Unsure") or the
    /// first tile or option; then they move as on every list.
    fn move_quiz_cursor(&mut self, by: Move) {
        let rows = self.quiz_rows();
        let cursor = &mut self.student.quiz.cursor;
        match cursor {
            Some(row) => move_selection(row, rows, by),
            None if rows > 0 => {
                let start = match self.student.quiz.step {
                    QuizStep::Item(_) => MIDDLE_ANSWER,
                    QuizStep::Tiles | QuizStep::Choice(..) => 0,
                };
                *cursor = Some(start.min(rows - 1));
            }
            None => {}
        }
    }

    /// Rows the cursor moves over on the current quiz step.
    fn quiz_rows(&self) -> usize {
        match self.student.quiz.step {
            QuizStep::Item(_) => ANSWER_ROWS,
            QuizStep::Tiles => self.catalog.quiz.tiles.len(),
            QuizStep::Choice(..) => 2,
        }
    }

    fn answer(&mut self, value: u8) {
        let QuizStep::Item(i) = self.student.quiz.step else {
            return;
        };
        if let Some(item) = self.catalog.quiz.items.get(i) {
            self.student
                .quiz
                .answers
                .items
                .insert(item.id.clone(), value.clamp(1, 5));
        }
        self.next_item();
    }

    fn skip(&mut self) {
        let QuizStep::Item(i) = self.student.quiz.step else {
            return;
        };
        if let Some(item) = self.catalog.quiz.items.get(i) {
            self.student.quiz.answers.items.remove(&item.id);
        }
        self.next_item();
    }

    fn next_item(&mut self) {
        let QuizStep::Item(i) = self.student.quiz.step else {
            return;
        };
        let next = if i + 1 < self.catalog.quiz.items.len() {
            QuizStep::Item(i + 1)
        } else {
            QuizStep::Tiles
        };
        self.set_step(next);
    }

    /// Puts the cursor on the student's earlier answer, so going back shows it; on a new
    /// item, on the tiles and on Stage C it starts on no row.
    fn set_step(&mut self, step: QuizStep) {
        let quiz = &mut self.student.quiz;
        quiz.step = step;
        quiz.cursor = match step {
            QuizStep::Item(i) => self
                .catalog
                .quiz
                .items
                .get(i)
                .and_then(|item| quiz.answers.items.get(&item.id))
                .map(|&v| usize::from(v.clamp(1, 5)) - 1),
            QuizStep::Tiles | QuizStep::Choice(..) => None,
        };
    }

    fn quiz_back(&mut self) {
        let step = match self.student.quiz.step {
            QuizStep::Item(0) => return,
            QuizStep::Item(i) => QuizStep::Item(i - 1),
            QuizStep::Tiles => QuizStep::Item(self.catalog.quiz.items.len().saturating_sub(1)),
            QuizStep::Choice(..) => {
                self.student.quiz.answers.choice = None;
                QuizStep::Tiles
            }
        };
        self.set_step(step);
    }

    fn toggle_tile(&mut self, i: usize) {
        let Some(tile) = self.catalog.quiz.tiles.get(i) else {
            return;
        };
        let tiles = &mut self.student.quiz.answers.tiles;
        // A fourth tile is refused; the screen says "Picked: 3 of 3".
        if !tiles.remove(&tile.id) && tiles.len() < quiz::MAX_TILES {
            tiles.insert(tile.id.clone());
        }
        self.student.quiz.cursor = Some(i);
    }

    fn tiles_done(&mut self, fx: &mut Vec<Effect>) {
        self.student.quiz.answers.choice = None;
        match quiz::tiebreak(&self.catalog, &self.student.quiz.answers) {
            Some((a, b)) => self.set_step(QuizStep::Choice(a, b)),
            None => self.finish_quiz(fx),
        }
    }

    fn choose(&mut self, option: usize, fx: &mut Vec<Effect>) {
        let QuizStep::Choice(a, b) = self.student.quiz.step else {
            return;
        };
        let program = if option == 0 { a } else { b };
        if let Some(p) = self.catalog.programs.get(program) {
            self.student.quiz.answers.choice = Some(p.id.clone());
        }
        self.finish_quiz(fx);
    }

    fn finish_quiz(&mut self, fx: &mut Vec<Effect>) {
        let outcome = quiz::recommend(&self.catalog, &self.student.quiz.answers);
        let top3 = outcome
            .ranked
            .iter()
            .take(3)
            .filter_map(|r| self.catalog.programs.get(r.program))
            .map(|p| p.id.clone())
            .collect();
        fx.push(Effect::Track(Event::QuizFinished { top3 }));
        self.student.quiz.outcome = Some(outcome);
        self.student.quiz.first_shown = 0;
        // Esc from the results goes Home, not back into the finished quiz.
        self.student.history = vec![Screen::Attract, Screen::Home];
        self.student.screen = Screen::Results;
        self.student.selected = 0;
    }

    /// The recommendations on screen now (program indices), best first.
    pub fn results_shown(&self) -> Vec<usize> {
        let Some(outcome) = &self.student.quiz.outcome else {
            return Vec::new();
        };
        outcome
            .ranked
            .iter()
            .skip(self.student.quiz.first_shown)
            .take(RESULTS_SHOWN)
            .map(|r| r.program)
            .collect()
    }

    pub(super) fn on_results(&mut self, action: Action, fx: &mut Vec<Effect>) {
        match action {
            Action::Back => self.back(),
            Action::Confirm => self.open_result(self.student.selected, fx),
            Action::Pick(row) => self.open_result(row, fx),
            Action::ShowMore => self.show_more(),
            Action::Retake => self.start_quiz(),
            Action::OpenApply => self.open_apply(fx),
            Action::BrowseAreas => self.go(Screen::BrowseSectors),
            Action::Move(by) => {
                let len = self.results_shown().len();
                move_selection(&mut self.student.selected, len, by);
            }
            _ => {}
        }
    }

    fn open_result(&mut self, row: usize, fx: &mut Vec<Effect>) {
        if let Some(&program) = self.results_shown().get(row) {
            self.student.selected = row;
            self.open_program(program, Via::Quiz, fx);
        }
    }

    /// "Not me": the next three; after the last, back to the first three.
    fn show_more(&mut self) {
        let total = self
            .student
            .quiz
            .outcome
            .as_ref()
            .map_or(0, |o| o.ranked.len());
        let next = self.student.quiz.first_shown + RESULTS_SHOWN;
        self.student.quiz.first_shown = if next < total { next } else { 0 };
        self.student.selected = 0;
    }
}
