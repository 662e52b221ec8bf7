//! Takes the quiz the way a student does: key presses through `App::update`, on any catalog.
//! Used by the quiz's input-count test and the persona sets.

use std::sync::Arc;
use std::time::Instant;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roc_kiosk::app::{App, Msg, QuizStep, Screen, Settings};
use roc_kiosk::catalog::{Catalog, CatalogSource};
use roc_kiosk::quiz::{Answers, Outcome};

/// The bundled catalog, or the catalog directory in `QUIZ_CATALOG` (to try a changed quiz).
pub fn catalog() -> Arc<Catalog> {
    let source = match std::env::var_os("QUIZ_CATALOG") {
        Some(dir) => CatalogSource::Dir(dir.into()),
        None => CatalogSource::Bundled,
    };
    Arc::new(Catalog::load(&source).unwrap_or_else(|e| panic!("{e}")))
}

/// One kiosk on the quiz, reused from student to student ("R Retake" between them).
pub struct QuizKiosk {
    pub app: App,
    now: Instant,
}

/// What one student's pass through the quiz left behind.
pub struct Taken {
    pub outcome: Outcome,
    /// The answers as the kiosk recorded them (tiles beyond the limit are refused).
    pub answers: Answers,
    /// Presses that changed the quiz (an answer, a skip, a tile, "done", the Stage C pick).
    pub inputs: usize,
    /// The Stage C pair when it was asked.
    pub asked: Option<(usize, usize)>,
}

impl QuizKiosk {
    pub fn new(catalog: Arc<Catalog>) -> Self {
        let now = Instant::now();
        let settings = Settings::new(jiff::civil::date(2026, 11, 24));
        let app = App::new(catalog, settings, Arc::new(|_: &str| false.into()), now);
        QuizKiosk { app, now }
    }

    fn press(&mut self, code: KeyCode) {
        let _ = self
            .app
            .update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)), self.now);
    }

    /// Presses `code` and says whether it changed the quiz's answers, step or screen.
    fn input(&mut self, code: KeyCode) -> bool {
        let before = (
            self.app.student.quiz.answers.clone(),
            self.app.student.quiz.step,
            self.app.screen(),
        );
        self.press(code);
        before
            != (
                self.app.student.quiz.answers.clone(),
                self.app.student.quiz.step,
                self.app.screen(),
            )
    }

    /// Answers every item as `sheet` says (a digit, or 0 to skip), presses the letter of every
    /// tile in `sheet` in quiz order, Enter, and at Stage C the option `pick` returns (0 or 1)
    /// for the pair (program indices, #1 then #2).
    pub fn take(&mut self, sheet: &Answers, pick: impl FnOnce(usize, usize) -> usize) -> Taken {
        match self.app.screen() {
            Screen::Results => self.press(KeyCode::Char('r')),
            _ => {
                // Any key leaves the attract screen; 2 is the quiz on Home.
                self.press(KeyCode::Char('x'));
                self.press(KeyCode::Char('2'));
            }
        }
        assert_eq!(self.app.screen(), Screen::Quiz, "the quiz did not start");
        assert_eq!(self.app.student.quiz.step, QuizStep::Item(0));
        let catalog = Arc::clone(&self.app.catalog);
        let mut inputs = 0;
        for item in &catalog.quiz.items {
            let key = sheet
                .items
                .get(&item.id)
                .map_or('0', |v| char::from(b'0' + v));
            inputs += usize::from(self.input(KeyCode::Char(key)));
        }
        assert_eq!(self.app.student.quiz.step, QuizStep::Tiles);
        for (i, tile) in catalog.quiz.tiles.iter().enumerate() {
            if sheet.tiles.contains(&tile.id) {
                let letter = char::from(b'a' + i as u8);
                inputs += usize::from(self.input(KeyCode::Char(letter)));
            }
        }
        inputs += usize::from(self.input(KeyCode::Enter));
        let mut asked = None;
        if let QuizStep::Choice(a, b) = self.app.student.quiz.step {
            asked = Some((a, b));
            let key = if pick(a, b) == 0 { '1' } else { '2' };
            inputs += usize::from(self.input(KeyCode::Char(key)));
        }
        assert_eq!(
            self.app.screen(),
            Screen::Results,
            "the quiz did not finish"
        );
        Taken {
            outcome: self
                .app
                .student
                .quiz
                .outcome
                .clone()
                .expect("results shown"),
            answers: self.app.student.quiz.answers.clone(),
            inputs,
            asked,
        }
    }
}
