//! `App::update`: the only place state changes. Pure: no I/O, no terminal, no clock — the
//! time comes in with the message, and anything for the outside world goes out as an
//! [`Effect`].

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::msg::{Effect, EndReason, Event, Msg, Target, Via};
use super::state::{App, MenuItem, STILL_THERE, Screen, Student};
use crate::config::{IDLE_TIMEOUT_RANGE, PIN_LENGTH};

/// The idle timeouts the technician menu offers (seconds), inside the config's range.
pub const IDLE_CHOICES: [u64; 12] = [15, 30, 45, 60, 90, 120, 180, 300, 600, 900, 1800, 3600];

/// The key of Home's "I'm done" button, which ends the visit (after the menu's 1-5).
pub const DONE_KEY: char = '6';

/// Page size for PgUp/PgDn in lists.
const PAGE: usize = 5;

impl App {
    /// Handles one message at time `now`.
    pub fn update(&mut self, msg: Msg, now: Instant) -> Vec<Effect> {
        let unmatched_search = self.unmatched_search();
        self.now = now;
        let mut fx = Vec::new();
        match msg {
            Msg::Tick => self.on_tick(&mut fx),
            Msg::Resize(w, h) => self.size = (w, h),
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
                match input {
                    Msg::Key(key) => self.on_key(key, &mut fx),
                    Msg::Paste(text) => self.on_paste(&text),
                    Msg::Click(target) => self.on_click(target, &mut fx),
                    Msg::Scroll(lines) => self.on_scroll(lines),
                    Msg::Tick
                    | Msg::Resize(..)
                    | Msg::TechFigures(_)
                    | Msg::LogProblem(_)
                    | Msg::LogRecreated(_)
                    | Msg::SettingsSaved(_)
                    | Msg::Today(_) => {}
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
    fn is_resting(&self) -> bool {
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
            // On a page that scrolls (a program's detail, Apply), Home first goes to the top.
            KeyCode::Home
                if matches!(self.screen(), Screen::Detail { .. } | Screen::Apply)
                    && self.student.scroll > 0 => {}
            KeyCode::Home if !self.is_tech_screen() && !self.is_resting() => {
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
            Screen::Apply => self.on_page_key(key),
            Screen::Pin => self.on_pin_key(key, fx),
            Screen::Tech => self.on_tech_key(key, fx),
            Screen::Setup => self.on_setup_key(key, fx),
            Screen::OutOfOrder => {}
        }
    }

    fn is_tech_screen(&self) -> bool {
        matches!(self.screen(), Screen::Pin | Screen::Tech | Screen::Setup)
    }

    fn on_home_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        let menu = self.menu();
        match key.code {
            KeyCode::Char(DONE_KEY) => self.reset(EndReason::BackToAttract, fx),
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
            // Home is as far back as a visit goes; "I'm done" ends it.
            KeyCode::Esc | KeyCode::Backspace => {}
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
                    self.back();
                }
                true
            }
            KeyCode::Enter => {
                let rows = self.search_rows();
                let selected = self.student.search.selected;
                match rows.get(selected) {
                    Some(&program) => self.open_program(program, Via::Search, fx),
                    None => {
                        let actions = self.search_actions();
                        if let Some(&action) = actions.get(selected - rows.len()) {
                            self.search_action(action);
                        }
                    }
                }
                false
            }
            code => {
                let len = self.search_selectable();
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
        let (hits, found) = self.index.search_or_closest(query, self.student.lang);
        self.student.search.hits = hits;
        self.student.search.found = found;
        self.student.search.selected = 0;
    }

    /// The buttons of a search with no match.
    fn search_action(&mut self, action: Target) {
        match action {
            Target::TakeQuiz => self.open_quiz(),
            Target::BrowseAreas => self.go(Screen::BrowseSectors),
            _ => {}
        }
    }

    fn on_paste(&mut self, text: &str) {
        match self.screen() {
            Screen::Search if self.student.search.input.0.insert(text) => self.refresh_search(),
            Screen::Setup => self.on_setup_paste(text),
            Screen::Pin if self.tech.lock.remaining(self.now).is_some() => {}
            Screen::Pin => {
                let digits: String = text
                    .chars()
                    .filter(char::is_ascii_digit)
                    .take(*PIN_LENGTH.end())
                    .collect();
                self.tech.pin.push_str(&digits);
                self.tech.pin.truncate(*PIN_LENGTH.end());
            }
            Screen::Tech => {
                if let Some(name) = &mut self.tech.editing_event {
                    for c in text.chars() {
                        if crate::config::label_accepts(name, c) {
                            name.push(c);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn on_browse_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        match key.code {
            KeyCode::Esc | KeyCode::Backspace => self.back(),
            // C and S are the English labels' letters, P(lantel) and H(orario) the Spanish
            // ones; all four work in both languages.
            KeyCode::Char('c' | 'C' | 'p' | 'P') => self.cycle_campus(),
            KeyCode::Char('s' | 'S' | 'h' | 'H') => self.cycle_session(),
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
            KeyCode::Char('a') | KeyCode::Char('A') => self.open_apply(fx),
            _ => self.on_page_key(key),
        }
    }

    /// A page that scrolls (a program's detail, Apply): Esc goes back, the rest scroll.
    fn on_page_key(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Esc | KeyCode::Backspace => self.back(),
            KeyCode::Up => self.scroll_page(-1),
            KeyCode::Down => self.scroll_page(1),
            KeyCode::PageUp => self.scroll_page(-page_rows(self)),
            KeyCode::PageDown | KeyCode::Char(' ') => self.scroll_page(page_rows(self)),
            KeyCode::Home => self.student.scroll = 0,
            KeyCode::End => self.scroll_page(i16::MAX),
            _ => {}
        }
    }

    /// Scrolls the program detail or Apply, never past its end at the current window size.
    fn scroll_page(&mut self, lines: i16) {
        let max = match self.screen() {
            Screen::Detail { program } => crate::ui::detail::max_scroll(self, program),
            Screen::Apply => crate::ui::apply::max_scroll(self),
            _ => return,
        };
        let scroll = self.student.scroll.saturating_add_signed(lines).min(max);
        self.student.scroll = scroll;
    }

    // ------------------------------------------------------------------ technician

    /// The technician takes over: the student's visit ends here, whatever happens next.
    /// Asks the loop to read the config's PIN again, so a PIN set with `set-pin` while the
    /// kiosk runs is in force by the time the technician presses Enter.
    fn open_pin(&mut self, fx: &mut Vec<Effect>) {
        if !self.is_tech_screen() {
            self.reset(EndReason::Technician, fx);
            self.student.screen = Screen::Pin;
            fx.push(Effect::ReloadPin);
        }
    }

    fn on_pin_key(&mut self, key: KeyEvent, fx: &mut Vec<Effect>) {
        // While locked, the prompt takes no digits and checks nothing; Esc still leaves.
        let locked = self.tech.lock.remaining(self.now).is_some();
        if locked && key.code != KeyCode::Esc {
            self.tech.pin.clear();
            return;
        }
        match key.code {
            KeyCode::Char(c) if c.is_ascii_digit() && self.tech.pin.len() < *PIN_LENGTH.end() => {
                self.tech.pin.push(c)
            }
            KeyCode::Backspace => {
                self.tech.pin.pop();
            }
            KeyCode::Esc => self.reset(EndReason::Technician, fx),
            KeyCode::Enter => {
                let entered = std::mem::take(&mut self.tech.pin);
                let verdict = (self.pin_ok)(&entered);
                if verdict.accepted {
                    fx.extend(verdict.rehashed.map(Effect::SavePinHash));
                    if self.out_of_order {
                        // Out of order, the PIN's only use is to end the kiosk.
                        return fx.push(Effect::Quit);
                    }
                    self.tech.wrong_before_unlock = self.tech.lock.wrong;
                    self.tech.lock = Default::default();
                    self.tech.selected = 0;
                    self.student.screen = Screen::Tech;
                    fx.push(Effect::RefreshTechFigures);
                } else {
                    self.tech.lock.wrong_pin(self.now);
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
                KeyCode::Char(c) if crate::config::label_accepts(name, c) => name.push(c),
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
        if let Some(secs) = self.tech.picking_idle {
            match key.code {
                KeyCode::Left | KeyCode::Down | KeyCode::Char('-') => {
                    self.tech.picking_idle = Some(idle_choice(secs, -1))
                }
                KeyCode::Right | KeyCode::Up | KeyCode::Char('+') => {
                    self.tech.picking_idle = Some(idle_choice(secs, 1))
                }
                KeyCode::Enter => {
                    self.tech.picking_idle = None;
                    self.settings.idle_timeout = Duration::from_secs(secs);
                    fx.push(self.save_settings());
                }
                KeyCode::Esc => self.tech.picking_idle = None,
                _ => {}
            }
            return;
        }
        if std::mem::take(&mut self.tech.confirm_exit) {
            // Only a clear yes ends the kiosk; any other key stays in the menu.
            if matches!(
                key.code,
                KeyCode::Char('y' | 'Y' | 's' | 'S' | '5') | KeyCode::Enter
            ) {
                fx.push(Effect::Quit);
            }
            return;
        }
        match key.code {
            KeyCode::Esc => self.reset(EndReason::Technician, fx),
            KeyCode::Char(c @ '1'..='5') => self.tech_item((c as u8 - b'1') as usize, fx),
            KeyCode::Enter => self.tech_item(self.tech.selected, fx),
            KeyCode::Char('+' | '-') | KeyCode::Right | KeyCode::Left
                if self.tech.selected == 1 =>
            {
                self.tech_item(1, fx)
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
            // Shows the value; ←/→ pick another, Enter saves it.
            1 => self.tech.picking_idle = Some(self.settings.idle_timeout.as_secs()),
            2 => {
                // Preview the QR as a student would see it; Esc comes back to the menu.
                self.student.history = vec![Screen::Tech];
                self.student.screen = Screen::Apply;
            }
            3 => fx.push(Effect::RefreshTechFigures),
            4 => self.tech.confirm_exit = true,
            _ => {}
        }
    }

    fn save_settings(&self) -> Effect {
        Effect::SaveSettings {
            event_name: self.settings.event_name.clone(),
            idle_timeout_secs: self.settings.idle_timeout.as_secs(),
        }
    }

    // ------------------------------------------------------------------ mouse

    fn on_click(&mut self, target: Target, fx: &mut Vec<Effect>) {
        match self.screen() {
            Screen::OutOfOrder => return,
            // Set-up is keys only; the language label still switches the language.
            Screen::Setup if target == Target::Lang => return self.toggle_lang(),
            Screen::Setup => return,
            _ => {}
        }
        match target {
            Target::Back => return self.back(),
            Target::Home => return self.home(),
            Target::Lang => return self.switch_language(),
            _ => {}
        }
        match (self.screen(), target) {
            (Screen::Attract, _) => self.wake(fx),
            (Screen::Home, Target::Done) => self.reset(EndReason::BackToAttract, fx),
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
            (Screen::Search, Target::TakeQuiz | Target::BrowseAreas) => self.search_action(target),
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
            (Screen::Tech, Target::TechItem(4)) if self.tech.confirm_exit => fx.push(Effect::Quit),
            (Screen::Tech, Target::TechItem(i)) => {
                self.tech.confirm_exit = false;
                self.tech.picking_idle = None;
                self.tech_item(i, fx)
            }
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
            Screen::Detail { .. } | Screen::Apply => self.scroll_page(lines),
            Screen::Search => {
                let len = self.search_selectable();
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

/// The next idle-timeout choice above (`step` 1) or below (-1) `secs`, staying at the
/// ends. A value from the config that is not a choice moves to its neighbour.
fn idle_choice(secs: u64, step: i8) -> u64 {
    let next = if step > 0 {
        IDLE_CHOICES.iter().find(|&&c| c > secs)
    } else {
        IDLE_CHOICES.iter().rev().find(|&&c| c < secs)
    };
    next.copied()
        .unwrap_or(secs)
        .clamp(*IDLE_TIMEOUT_RANGE.start(), *IDLE_TIMEOUT_RANGE.end())
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
