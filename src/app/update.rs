//! `App::update`: the only place state changes. Pure: no I/O, no terminal, no clock — the
//! time comes in with the message, and anything for the outside world goes out as an
//! [`Effect`].

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::msg::{Effect, EndReason, Event, Msg, Target, Via};
use super::state::{App, MAX_PIN_TRIES, MenuItem, STILL_THERE, Screen, Student};
use crate::config::IDLE_TIMEOUT_RANGE;

/// Page size for PgUp/PgDn in lists.
const PAGE: usize = 5;

impl App {
    /// Handles one message at time `now`.
    pub fn update(&mut self, msg: Msg, now: Instant) -> Vec<Effect> {
        self.now = now;
        let mut fx = Vec::new();
        match msg {
            Msg::Tick => self.on_tick(&mut fx),
            Msg::Resize(w, h) => self.size = (w, h),
            Msg::TechFigures(figures) => self.tech.figures = Some(figures),
            Msg::LogProblem(problem) => self.tech.log_problem = problem,
            input => {
                self.last_input = now;
                // Any input answers "Still there?" and is used up doing so.
                if self.still_there_since.take().is_some() {
                    return fx;
                }
                match input {
                    Msg::Key(key) => self.on_key(key, &mut fx),
                    Msg::Paste(text) => self.on_paste(&text),
                    Msg::Click(target) => self.on_click(target, &mut fx),
                    Msg::Scroll(lines) => self.on_scroll(lines),
                    Msg::Tick | Msg::Resize(..) | Msg::TechFigures(_) | Msg::LogProblem(_) => {}
                }
            }
        }
        fx
    }

    fn on_tick(&mut self, fx: &mut Vec<Effect>) {
        let idle = self.now.saturating_duration_since(self.last_input);
        if self.screen() == Screen::Attract {
            // A language chosen on Attract by someone who then walked away goes back to
            // the default, so the next passer-by sees the usual screen.
            if idle >= self.settings.idle_timeout {
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
        self.tech.pin.clear();
        self.tech.editing_event = None;
        self.still_there_since = None;
        self.attract_since = self.now;
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

    pub(super) fn back(&mut self, fx: &mut Vec<Effect>) {
        match self.student.history.pop() {
            Some(Screen::Attract) | None => self.reset(EndReason::BackToAttract, fx),
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

    fn home(&mut self) {
        if self.screen() != Screen::Home {
            self.student.history = vec![Screen::Attract];
            self.student.screen = Screen::Home;
            self.student.selected = 0;
        }
    }

    fn wake(&mut self, fx: &mut Vec<Effect>) {
        fx.push(Effect::Track(Event::SessionStart));
        self.student.session_started = Some(self.now);
        self.student.history.clear();
        self.go(Screen::Home);
    }

    /// F2 or the language label: switches language on any screen. On Attract it switches
    /// the attract screen itself, so a family can read it first; the visit that the next
    /// key starts keeps that language.
    fn switch_language(&mut self) {
        self.toggle_lang();
    }

    fn toggle_lang(&mut self) {
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

    fn open_menu_item(&mut self, item: MenuItem, fx: &mut Vec<Effect>) {
        match item {
            MenuItem::Language => self.toggle_lang(),
            MenuItem::Apply => self.open_apply(fx),
            MenuItem::Quiz => self.start_quiz(),
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

    // ------------------------------------------------------------------ keys

    fn on_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        // Keys that mean the same on every screen.
        match key.code {
            KeyCode::Char('t') if ctrl => return self.open_pin(fx),
            // Ctrl-C, Ctrl-D, Ctrl-Z, Ctrl-\ and every other control chord: a kiosk ignores them.
            KeyCode::Char('u') | KeyCode::Char('w') | KeyCode::Char('h') if ctrl => {}
            KeyCode::Char(_) if ctrl => return,
            KeyCode::F(2) => return self.switch_language(),
            // On a program's detail, Home first goes to the top of the page.
            KeyCode::Home
                if matches!(self.screen(), Screen::Detail { .. }) && self.student.scroll > 0 => {}
            KeyCode::Home if !self.is_tech_screen() && self.screen() != Screen::Attract => {
                return self.home();
            }
            _ => {}
        }
        match self.screen() {
            Screen::Attract => self.wake(fx),
            Screen::Home => self.on_home_key(key, fx),
            Screen::Search => self.on_search_key(key, fx),
            Screen::BrowseSectors | Screen::BrowsePrograms { .. } => self.on_browse_key(key, fx),
            Screen::Detail { .. } => self.on_detail_key(key, fx),
            Screen::Quiz => self.on_quiz_key(key, fx),
            Screen::Results => self.on_results_key(key, fx),
            Screen::Apply => self.on_plain_key(key, fx),
            Screen::Pin => self.on_pin_key(key, fx),
            Screen::Tech => self.on_tech_key(key, fx),
        }
    }

    fn is_tech_screen(&self) -> bool {
        matches!(self.screen(), Screen::Pin | Screen::Tech)
    }

    /// Esc goes back; everything else is ignored.
    fn on_plain_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        if key.code == KeyCode::Esc || key.code == KeyCode::Backspace {
            self.back(fx);
        }
    }

    fn on_home_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        let menu = self.menu();
        match key.code {
            KeyCode::Char(c) => {
                if let Some(item) = menu.iter().find(|m| m.key() == c) {
                    self.open_menu_item(*item, fx);
                }
            }
            KeyCode::Enter => {
                if let Some(item) = menu.get(self.student.selected) {
                    self.open_menu_item(*item, fx);
                }
            }
            KeyCode::Esc => self.back(fx),
            code => move_selection(&mut self.student.selected, menu.len(), code),
        }
    }

    fn on_search_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let input = &mut self.student.search.input.0;
        let changed = match key.code {
            KeyCode::Char('u') if ctrl => input.clear(),
            KeyCode::Char('w') | KeyCode::Char('h') if ctrl => input.delete_word(),
            KeyCode::Char(c) => input.insert(c.encode_utf8(&mut [0; 4])),
            KeyCode::Backspace => input.backspace(),
            KeyCode::Delete => input.clear(),
            KeyCode::Esc => {
                // First Esc clears the query; the next goes back.
                if !input.clear() {
                    self.back(fx);
                }
                true
            }
            KeyCode::Enter => {
                let rows = self.search_rows();
                if let Some(&program) = rows.get(self.student.search.selected) {
                    self.open_program(program, Via::Search, fx);
                }
                false
            }
            code => {
                let len = self.search_rows().len();
                move_selection(&mut self.student.search.selected, len, code);
                false
            }
        };
        if changed {
            self.refresh_search();
        }
    }

    /// Re-runs the query (on every keystroke) and puts the selection on the best hit.
    fn refresh_search(&mut self) {
        let query = self.student.search.input.0.as_str();
        let (hits, partial) = self.index.search_or_closest(query, self.student.lang);
        self.student.search.hits = hits;
        self.student.search.partial = partial;
        self.student.search.selected = 0;
    }

    fn on_paste(&mut self, text: &str) {
        match self.screen() {
            Screen::Search if self.student.search.input.0.insert(text) => self.refresh_search(),
            Screen::Pin => {
                let digits: String = text.chars().filter(char::is_ascii_digit).take(8).collect();
                self.tech.pin.push_str(&digits);
                self.tech.pin.truncate(8);
            }
            Screen::Tech => {
                if let Some(name) = &mut self.tech.editing_event {
                    name.extend(
                        text.chars()
                            .filter(|c| !c.is_control())
                            .take(60usize.saturating_sub(name.chars().count())),
                    );
                }
            }
            _ => {}
        }
    }

    fn on_browse_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        match key.code {
            KeyCode::Esc | KeyCode::Backspace => self.back(fx),
            KeyCode::Char('c') | KeyCode::Char('C') => self.cycle_campus(),
            KeyCode::Char('s') | KeyCode::Char('S') => self.cycle_session(),
            KeyCode::Enter => self.open_browse_row(self.student.selected, fx),
            code => {
                let len = self.browse_len();
                move_selection(&mut self.student.selected, len, code);
            }
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

    fn cycle_campus(&mut self) {
        let values = self.campus_filter_values();
        self.student.filters.campus = cycle(self.student.filters.campus, &values);
        self.student.selected = 0;
    }

    fn cycle_session(&mut self) {
        let values = self.session_filter_values();
        self.student.filters.session = cycle(self.student.filters.session, &values);
        self.student.selected = 0;
    }

    fn on_detail_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        match key.code {
            KeyCode::Esc | KeyCode::Backspace => self.back(fx),
            KeyCode::Char('a') | KeyCode::Char('A') => self.open_apply(fx),
            KeyCode::Up => self.scroll_detail(-1),
            KeyCode::Down => self.scroll_detail(1),
            KeyCode::PageUp => self.scroll_detail(-page_rows(self)),
            KeyCode::PageDown | KeyCode::Char(' ') => self.scroll_detail(page_rows(self)),
            KeyCode::Home => self.student.scroll = 0,
            KeyCode::End => self.scroll_detail(i16::MAX),
            _ => {}
        }
    }

    /// Scrolls the program detail, never past its end at the current window size.
    fn scroll_detail(&mut self, lines: i16) {
        let Screen::Detail { program } = self.screen() else {
            return;
        };
        let max = crate::ui::detail::max_scroll(self, program);
        let scroll = self.student.scroll.saturating_add_signed(lines).min(max);
        self.student.scroll = scroll;
    }

    // ------------------------------------------------------------------ technician

    /// The technician takes over: the student's visit ends here, whatever happens next.
    fn open_pin(&mut self, fx: &mut Vec<Effect>) {
        if !self.is_tech_screen() {
            self.reset(EndReason::Technician, fx);
            self.tech.failures = 0;
            self.student.screen = Screen::Pin;
        }
    }

    fn on_pin_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        match key.code {
            KeyCode::Char(c) if c.is_ascii_digit() && self.tech.pin.len() < 8 => {
                self.tech.pin.push(c)
            }
            KeyCode::Backspace => {
                self.tech.pin.pop();
            }
            KeyCode::Esc => self.reset(EndReason::Technician, fx),
            KeyCode::Enter => {
                let entered = std::mem::take(&mut self.tech.pin);
                if (self.pin_ok)(&entered) {
                    self.tech.failures = 0;
                    self.tech.selected = 0;
                    self.student.screen = Screen::Tech;
                    fx.push(Effect::RefreshTechFigures);
                } else {
                    self.tech.failures += 1;
                    if self.tech.failures >= MAX_PIN_TRIES {
                        self.tech.failures = 0;
                        self.reset(EndReason::Technician, fx);
                    }
                }
            }
            _ => {}
        }
    }

    /// The technician menu's entries, in order.
    pub const TECH_ITEMS: usize = 5;

    fn on_tech_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        if let Some(name) = &mut self.tech.editing_event {
            match key.code {
                KeyCode::Char(c) if name.chars().count() < 60 => name.push(c),
                KeyCode::Backspace => {
                    name.pop();
                }
                KeyCode::Enter => {
                    let name = self.tech.editing_event.take().unwrap_or_default();
                    let name = name.trim();
                    self.settings.event_name = (!name.is_empty()).then(|| name.to_string());
                    fx.push(self.save_settings());
                }
                KeyCode::Esc => self.tech.editing_event = None,
                _ => {}
            }
            return;
        }
        match key.code {
            KeyCode::Esc => self.reset(EndReason::Technician, fx),
            KeyCode::Char(c @ '1'..='5') => self.tech_item((c as u8 - b'1') as usize, fx),
            KeyCode::Enter => self.tech_item(self.tech.selected, fx),
            KeyCode::Char('+') | KeyCode::Right if self.tech.selected == 1 => {
                self.change_idle(15, fx)
            }
            KeyCode::Char('-') | KeyCode::Left if self.tech.selected == 1 => {
                self.change_idle(-15, fx)
            }
            code => move_selection(&mut self.tech.selected, Self::TECH_ITEMS, code),
        }
    }

    fn tech_item(&mut self, item: usize, fx: &mut Vec<Effect>) {
        self.tech.selected = item.min(Self::TECH_ITEMS - 1);
        match item {
            0 => {
                self.tech.editing_event = Some(self.settings.event_name.clone().unwrap_or_default())
            }
            1 => self.change_idle(15, fx),
            2 => {
                // Preview the QR as a student would see it, then Esc returns to Attract.
                self.student.history = vec![Screen::Attract];
                self.student.screen = Screen::Apply;
            }
            3 => fx.push(Effect::RefreshTechFigures),
            4 => fx.push(Effect::Quit),
            _ => {}
        }
    }

    fn change_idle(&mut self, delta_secs: i64, fx: &mut Vec<Effect>) {
        // The same range the config file allows, so what the menu saves always loads.
        let (min, max) = (
            *IDLE_TIMEOUT_RANGE.start() as i64,
            *IDLE_TIMEOUT_RANGE.end() as i64,
        );
        let secs = self.settings.idle_timeout.as_secs() as i64 + delta_secs;
        // Wraps from the top back to the bottom so a single key can reach every value.
        let secs = if secs > max {
            min
        } else {
            secs.clamp(min, max)
        };
        self.settings.idle_timeout = Duration::from_secs(secs as u64);
        fx.push(self.save_settings());
    }

    fn save_settings(&self) -> Effect {
        Effect::SaveSettings {
            event_name: self.settings.event_name.clone(),
            idle_timeout_secs: self.settings.idle_timeout.as_secs(),
        }
    }

    // ------------------------------------------------------------------ mouse

    fn on_click(&mut self, target: Target, fx: &mut Vec<Effect>) {
        match target {
            Target::Back => return self.back(fx),
            Target::Home => return self.home(),
            Target::Lang => return self.switch_language(),
            _ => {}
        }
        match (self.screen(), target) {
            (Screen::Attract, _) => self.wake(fx),
            (Screen::Home, Target::Menu(i)) => {
                if let Some(item) = self.menu().get(i) {
                    self.student.selected = i;
                    self.open_menu_item(*item, fx);
                }
            }
            (Screen::Search, Target::Row(row)) => {
                if let Some(&program) = self.search_rows().get(row) {
                    self.student.search.selected = row;
                    self.open_program(program, Via::Search, fx);
                }
            }
            (Screen::BrowseSectors | Screen::BrowsePrograms { .. }, Target::Row(row)) => {
                self.student.selected = row;
                self.open_browse_row(row, fx);
            }
            (Screen::BrowseSectors | Screen::BrowsePrograms { .. }, Target::CampusFilter) => {
                self.cycle_campus()
            }
            (Screen::BrowseSectors | Screen::BrowsePrograms { .. }, Target::SessionFilter) => {
                self.cycle_session()
            }
            (Screen::Detail { .. }, Target::Apply) => self.open_apply(fx),
            (Screen::Quiz, target) => self.on_quiz_click(target, fx),
            (Screen::Results, target) => self.on_results_click(target, fx),
            (Screen::Tech, Target::TechItem(i)) => self.tech_item(i, fx),
            _ => {}
        }
    }

    fn on_scroll(&mut self, lines: i16) {
        let code = if lines < 0 {
            KeyCode::Up
        } else {
            KeyCode::Down
        };
        match self.screen() {
            Screen::Detail { .. } => self.scroll_detail(lines),
            Screen::Search => {
                let len = self.search_rows().len();
                move_selection(&mut self.student.search.selected, len, code);
            }
            Screen::Results => {
                let len = self.results_shown().len();
                move_selection(&mut self.student.selected, len, code);
            }
            Screen::Home | Screen::BrowseSectors | Screen::BrowsePrograms { .. } => {
                let len = if self.screen() == Screen::Home {
                    self.menu().len()
                } else {
                    self.browse_len()
                };
                move_selection(&mut self.student.selected, len, code);
            }
            _ => {}
        }
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

/// Rows PgUp/PgDn move the program detail: a screenful at the current window size.
fn page_rows(app: &App) -> i16 {
    i16::try_from(crate::ui::detail::page_rows(app)).unwrap_or(i16::MAX)
}

/// Moves a list selection for arrow and page keys, staying inside `0..len`.
pub(super) fn move_selection(selected: &mut usize, len: usize, code: KeyCode) {
    if len == 0 {
        *selected = 0;
        return;
    }
    let last = len - 1;
    *selected = match code {
        KeyCode::Up => selected.saturating_sub(1),
        KeyCode::Down | KeyCode::Tab => (*selected + 1).min(last),
        KeyCode::PageUp => selected.saturating_sub(PAGE),
        KeyCode::PageDown => (*selected + PAGE).min(last),
        KeyCode::Home => 0,
        KeyCode::End => last,
        _ => (*selected).min(last),
    };
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
