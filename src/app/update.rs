//! `App::update`: the only place state changes. Pure: no I/O, no terminal, no clock — the
//! time comes in with the message, and anything for the outside world goes out as an
//! [`Effect`].

use std::time::Instant;

use super::action::action_for;
use super::msg::{Effect, EndReason, Event, Msg, Via};
use super::state::{App, MenuItem, STILL_THERE, Screen, Student};

impl App {
    /// Handles one message at time `now`.
    pub fn update(&mut self, msg: Msg, now: Instant) -> Vec<Effect> {
        let unmatched_search = self.unmatched_search();
        self.now = now;
        let mut fx = Vec::new();
        match msg {
            Msg::Tick => self.on_tick(&mut fx),
            // The next frame is drawn at the new size; nothing in the state depends on it.
            Msg::Resize(..) => {}
            Msg::TechFigures(figures) => self.tech.figures = Some(figures),
            Msg::LogProblem(problem) => self.tech.log_problem = problem,
            Msg::LogRecreated(path) => self.tech.log_recreated = path,
            Msg::SettingsSaved(saved) => self.tech.settings_problem = saved.err(),
            Msg::Today(date) => self.on_today(date, &mut fx),
            input => {
                self.last_input = now;
                // Any input answers "Still there?" and is used up doing so.
                if self.still_there_since.take().is_some() {
                    return fx;
                }
                if let Some(action) = action_for(self, &input) {
                    self.act(action, &mut fx);
                }
            }
        }
        self.track_search_without_match(unmatched_search, &mut fx);
        fx
    }

    /// A new day (the clock passed midnight): the application window's status follows at
    /// once, and an open technician menu reads the new day's figures.
    fn on_today(&mut self, date: jiff::civil::Date, fx: &mut Vec<Effect>) {
        if self.settings.today == date {
            return;
        }
        self.settings.today = date;
        if self.screen() == Screen::Tech {
            fx.push(Effect::RefreshTechFigures);
        }
    }

    fn on_tick(&mut self, fx: &mut Vec<Effect>) {
        let idle = self.now.saturating_duration_since(self.last_input);
        if self.is_resting() {
            // A language chosen on Attract by someone who then walked away goes back to
            // the default, so the next passer-by sees the usual screen.
            if self.screen() == Screen::Attract && idle >= self.settings.idle_timeout {
                self.student.lang = self.settings.default_lang;
            }
            return;
        }
        match self.still_there_since {
            None if idle >= self.settings.idle_timeout => self.still_there_since = Some(self.now),
            Some(since) if self.now.saturating_duration_since(since) >= STILL_THERE => {
                self.reset(EndReason::Idle, fx)
            }
            _ => {}
        }
    }

    /// Ends the student's visit: every trace of it goes, and Attract shows.
    pub fn reset(&mut self, reason: EndReason, fx: &mut Vec<Effect>) {
        if let Some(started) = self.student.session_started {
            let seconds = self.now.saturating_duration_since(started).as_secs();
            fx.push(Effect::Track(Event::SessionEnd { reason, seconds }));
        }
        self.student = Student {
            lang: self.settings.default_lang,
            ..Student::default()
        };
        if self.setup.is_some() {
            self.student.screen = Screen::Setup;
        } else if self.out_of_order {
            self.student.screen = Screen::OutOfOrder;
        }
        // The PIN lock (`tech.lock`) stays: walking away must not buy more guesses.
        self.tech.pin.clear();
        self.tech.editing_event = None;
        self.tech.picking_idle = None;
        self.tech.confirm_exit = false;
        self.still_there_since = None;
        self.attract_since = self.now;
    }

    /// After repeated crashes (the terminal loop decides): a locked screen for students,
    /// which only the technician's PIN leaves, and then only to end the kiosk.
    pub fn put_out_of_order(&mut self) {
        self.out_of_order = true;
        let mut fx = Vec::new();
        self.reset(EndReason::Exit, &mut fx);
    }

    /// Attract, Out of order and Set-up wait for someone; time does not run out on them.
    pub(super) fn is_resting(&self) -> bool {
        matches!(
            self.screen(),
            Screen::Attract | Screen::OutOfOrder | Screen::Setup
        )
    }

    // ------------------------------------------------------------------ navigation

    /// Shows `screen`, remembering the current one for Esc.
    pub(super) fn go(&mut self, screen: Screen) {
        let from = self.student.screen;
        if from != screen {
            self.student.history.push(from);
            self.student.screen = screen;
            self.student.selected = 0;
            self.student.scroll = 0;
        }
    }

    pub(super) fn back(&mut self) {
        match self.student.history.pop() {
            // Back never ends the visit: only "I'm done" and the idle reset do, so one
            // stray tap cannot lose a student's quiz or language.
            Some(Screen::Attract) | None => self.home(),
            Some(previous) => {
                // Coming back to a list keeps the row the student came from selected.
                let came_from = self.student.screen;
                self.student.screen = previous;
                self.student.scroll = 0;
                self.student.selected = self.row_of(previous, came_from);
            }
        }
    }

    /// The row on list screen `list` that leads to `came_from`, so Esc lands on it.
    fn row_of(&self, list: Screen, came_from: Screen) -> usize {
        match (list, came_from) {
            (Screen::Search, Screen::Detail { .. }) => self.student.search.selected,
            (Screen::BrowsePrograms { sector }, Screen::Detail { program }) => {
                let id = &self.catalog.sectors[sector].id;
                self.programs_in_sector(id)
                    .iter()
                    .position(|&p| p == program)
                    .unwrap_or(0)
            }
            (Screen::BrowseSectors, Screen::BrowsePrograms { sector }) => self
                .sectors_with_programs()
                .iter()
                .position(|&(s, _)| s == sector)
                .unwrap_or(0),
            (Screen::Home, screen) => self
                .menu()
                .iter()
                .position(|m| menu_screen(*m) == Some(screen))
                .unwrap_or(0),
            _ => 0,
        }
    }

    pub(super) fn home(&mut self) {
        if self.screen() != Screen::Home {
            self.student.history = vec![Screen::Attract];
            self.student.screen = Screen::Home;
            self.student.selected = 0;
        }
    }

    pub(super) fn wake(&mut self, fx: &mut Vec<Effect>) {
        fx.push(Effect::Track(Event::SessionStart));
        self.student.session_started = Some(self.now);
        self.student.history.clear();
        self.go(Screen::Home);
    }

    /// F2 or the language label: switches language on any screen. On Attract it switches
    /// the attract screen itself, so a family can read it first; the visit that the next
    /// key starts keeps that language.
    pub(super) fn toggle_lang(&mut self) {
        self.student.lang = self.student.lang.toggled();
        // Highlight spans refer to the displayed name, which just changed language.
        self.refresh_search();
    }

    pub(super) fn open_program(&mut self, program: usize, via: Via, fx: &mut Vec<Effect>) {
        let Some(p) = self.catalog.programs.get(program) else {
            return;
        };
        let search_terms = (via == Via::Search && self.settings.log_search_terms)
            .then(|| self.student.search.input.0.as_str().to_string());
        fx.push(Effect::Track(Event::ProgramViewed {
            program: p.id.clone(),
            via,
            search_terms,
        }));
        self.student.via = Some(via);
        self.go(Screen::Detail { program });
    }

    pub(super) fn open_menu_item(&mut self, item: MenuItem, fx: &mut Vec<Effect>) {
        match item {
            MenuItem::Language => self.toggle_lang(),
            MenuItem::Apply => self.open_apply(fx),
            MenuItem::Quiz => self.open_quiz(),
            other => {
                if let Some(screen) = menu_screen(other) {
                    self.go(screen);
                }
            }
        }
    }

    pub(super) fn open_apply(&mut self, fx: &mut Vec<Effect>) {
        fx.push(Effect::Track(Event::ApplyShown));
        self.go(Screen::Apply);
    }
}

// ---------------------------------------------------------------------- unmet demand

impl App {
    /// The query on the search screen when no program matches all its words (the list
    /// is empty or shows only the closest programs).
    fn unmatched_search(&self) -> Option<String> {
        let search = &self.student.search;
        let query = search.input.0.as_str().trim();
        let unmatched = search.hits.is_empty() || search.found.is_closest();
        (self.screen() == Screen::Search && !query.is_empty() && unmatched)
            .then(|| query.to_string())
    }

    /// Logs a search that found nothing once it has ended: the student left the search
    /// screen (other than by opening one of the closest programs), cleared the words, or
    /// the visit ended. Editing the words is still the same search. The words go in only
    /// when `log_search_terms` is on, and the event goes before the visit's end so it
    /// belongs to that visit.
    fn track_search_without_match(&self, before: Option<String>, fx: &mut Vec<Effect>) {
        let Some(query) = before else { return };
        let still_searching = match self.screen() {
            Screen::Search => !self.student.search.input.0.as_str().trim().is_empty(),
            Screen::Detail { .. } => true,
            _ => false,
        };
        if still_searching {
            return;
        }
        let event = Event::SearchNoMatch {
            search_terms: self.settings.log_search_terms.then_some(query),
        };
        let at = fx
            .iter()
            .position(|e| matches!(e, Effect::Track(Event::SessionEnd { .. })))
            .unwrap_or(fx.len());
        fx.insert(at, Effect::Track(event));
    }
}

/// The screen a menu entry opens, for those that open one directly.
fn menu_screen(item: MenuItem) -> Option<Screen> {
    match item {
        MenuItem::Search => Some(Screen::Search),
        MenuItem::Browse => Some(Screen::BrowseSectors),
        MenuItem::Apply => Some(Screen::Apply),
        MenuItem::Quiz | MenuItem::Language => None,
    }
}
