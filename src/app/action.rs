//! What an input means. Keys, clicks, pastes and the mouse wheel all become one
//! [`Action`] here, given the screen showing, so each screen's handler
//! (`app/screens/`) deals in meanings, never in key codes or hotspots, and a key and
//! the button it names cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::input::Edit;
use super::msg::{Msg, Target};
use super::setup::SetupStep;
use super::state::{App, QuizStep, Screen, TechItem};

/// The key of Home's "I'm done" button, which ends the visit (after the menu's 1-5).
pub const DONE_KEY: char = '6';

/// One thing the person at the kiosk asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // ---- on any screen
    /// Ctrl-T: the technician's PIN prompt.
    OpenPin,
    /// F2 or the language label.
    SwitchLanguage,
    /// The Home key or button.
    GoHome,
    /// Esc, Backspace on a list, or the Back button: leave this screen, or close what is
    /// open on it (a question, an edit).
    Back,
    /// Attract: any key or tap starts a visit.
    Wake,
    /// Home's "I'm done": the visit ends.
    EndVisit,

    // ---- lists and choices
    /// Move the highlight.
    Move(Move),
    /// Enter: the highlighted row, answer or option.
    Confirm,
    /// A row, menu entry, answer, tile or option chosen directly, by its key or a tap:
    /// its place on screen, from 0.
    Pick(usize),

    // ---- pages that scroll
    Scroll(Scroll),

    // ---- text fields (search, PIN, event name)
    Edit(Edit),

    // ---- one screen's buttons
    OpenApply,
    CycleCampus,
    CycleSession,
    TakeQuiz,
    BrowseAreas,
    Skip,
    QuizBack,
    TilesDone,
    ShowMore,
    Retake,
    Tech(TechItem),
    /// The technician's idle-timeout picker: the next choice up (+1) or down (-1).
    Adjust(i8),
}

/// How a highlight moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
}

/// How a page scrolls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    /// Lines down (up when negative).
    Lines(i16),
    PageUp,
    PageDown,
    Top,
    Bottom,
}

/// What `input` (a key, a paste, a click or the wheel) asks for on the screen showing.
/// `None` for everything else, and for input that means nothing there.
pub fn action_for(app: &App, input: &Msg) -> Option<Action> {
    match input {
        Msg::Key(key) => key_action(app, key),
        Msg::Paste(text) => paste_action(app, text),
        Msg::Click(target) => click_action(app, *target),
        Msg::Scroll(lines) => wheel_action(app, *lines),
        _ => None,
    }
}

fn key_action(app: &App, key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let screen = app.screen();
    // Keys that mean the same on every screen.
    match key.code {
        KeyCode::Char('t') if ctrl => return Some(Action::OpenPin),
        // Ctrl-U, -W and -H edit a field; Ctrl-C, Ctrl-D, Ctrl-Z, Ctrl-\ and every other
        // control chord mean nothing to a kiosk.
        KeyCode::Char(c) if ctrl => return field_chord(app, c),
        KeyCode::F(2) => return Some(Action::SwitchLanguage),
        // On a page that scrolls, Home first goes to the top.
        KeyCode::Home if is_page(screen) && app.student.scroll > 0 => {}
        KeyCode::Home if !is_tech(screen) && !app.is_resting() => return Some(Action::GoHome),
        _ => {}
    }
    let code = key.code;
    match screen {
        Screen::Attract => Some(Action::Wake),
        Screen::Home => home_key(app, code),
        Screen::Search => search_key(app, code),
        Screen::BrowseSectors | Screen::BrowsePrograms { .. } => browse_key(code),
        Screen::Detail { .. } => match code {
            KeyCode::Char('a' | 'A') => Some(Action::OpenApply),
            code => page_key(code),
        },
        Screen::Apply => page_key(code),
        Screen::Quiz => quiz_key(app.student.quiz.step, code),
        Screen::Results => results_key(code),
        Screen::Pin => field_key(code, |c| c.is_ascii_digit()),
        Screen::Tech => tech_key(app, code),
        Screen::Setup => setup_key(app, code),
        Screen::OutOfOrder => None,
    }
}

/// A control chord on a screen with a text field being typed into.
fn field_chord(app: &App, c: char) -> Option<Action> {
    let typing = match app.screen() {
        Screen::Search | Screen::Pin => true,
        Screen::Tech => app.tech.editing_event.is_some(),
        Screen::Setup => app
            .setup
            .as_ref()
            .is_some_and(|s| s.step != SetupStep::Language),
        _ => false,
    };
    let edit = match c {
        'u' => Edit::Clear,
        'w' | 'h' => Edit::DeleteWord,
        _ => return None,
    };
    typing.then_some(Action::Edit(edit))
}

/// A page that scrolls.
fn is_page(screen: Screen) -> bool {
    matches!(screen, Screen::Detail { .. } | Screen::Apply)
}

pub(super) fn is_tech(screen: Screen) -> bool {
    matches!(screen, Screen::Pin | Screen::Tech | Screen::Setup)
}

/// The arrow and page keys on a list.
fn movement(code: KeyCode) -> Option<Move> {
    Some(match code {
        KeyCode::Up => Move::Up,
        KeyCode::Down | KeyCode::Tab => Move::Down,
        KeyCode::PageUp => Move::PageUp,
        KeyCode::PageDown => Move::PageDown,
        KeyCode::Home => Move::First,
        KeyCode::End => Move::Last,
        _ => return None,
    })
}

fn moved(code: KeyCode) -> Option<Action> {
    movement(code).map(Action::Move)
}

/// A digit key '1'.. as the place it picks, below `count`.
fn digit_pick(c: char, count: usize) -> Option<Action> {
    let place = c.to_digit(10)?.checked_sub(1)? as usize;
    (place < count).then_some(Action::Pick(place))
}

fn home_key(app: &App, code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Char(DONE_KEY) => Some(Action::EndVisit),
        // The number key is fixed per entry, so it is looked up, not counted.
        KeyCode::Char(c) => app
            .menu()
            .iter()
            .position(|m| m.key() == c)
            .map(Action::Pick),
        KeyCode::Enter => Some(Action::Confirm),
        // Home is as far back as a visit goes; "I'm done" ends it.
        KeyCode::Esc | KeyCode::Backspace => None,
        code => moved(code),
    }
}

fn search_key(app: &App, code: KeyCode) -> Option<Action> {
    match code {
        // The first Esc clears the words; the next goes back.
        KeyCode::Esc if !app.student.search.input.0.is_empty() => Some(Action::Edit(Edit::Clear)),
        KeyCode::Esc => Some(Action::Back),
        KeyCode::Delete => Some(Action::Edit(Edit::Clear)),
        KeyCode::Enter => Some(Action::Confirm),
        code => field_key(code, |_| true).or_else(|| moved(code)),
    }
}

/// Typing into a field that takes the characters `takes` allows.
fn field_key(code: KeyCode, takes: impl Fn(char) -> bool) -> Option<Action> {
    match code {
        KeyCode::Char(c) if takes(c) => Some(Action::Edit(Edit::Insert(c.to_string()))),
        KeyCode::Backspace => Some(Action::Edit(Edit::Backspace)),
        KeyCode::Enter => Some(Action::Confirm),
        KeyCode::Esc => Some(Action::Back),
        _ => None,
    }
}

fn browse_key(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Esc | KeyCode::Backspace => Some(Action::Back),
        // C and S are the English labels' letters, P(lantel) and H(orario) the Spanish
        // ones; all four work in both languages.
        KeyCode::Char('c' | 'C' | 'p' | 'P') => Some(Action::CycleCampus),
        KeyCode::Char('s' | 'S' | 'h' | 'H') => Some(Action::CycleSession),
        KeyCode::Enter => Some(Action::Confirm),
        code => moved(code),
    }
}

/// A page that scrolls (a program's detail, Apply).
fn page_key(code: KeyCode) -> Option<Action> {
    let scroll = match code {
        KeyCode::Esc | KeyCode::Backspace => return Some(Action::Back),
        KeyCode::Up => Scroll::Lines(-1),
        KeyCode::Down => Scroll::Lines(1),
        KeyCode::PageUp => Scroll::PageUp,
        KeyCode::PageDown | KeyCode::Char(' ') => Scroll::PageDown,
        KeyCode::Home => Scroll::Top,
        KeyCode::End => Scroll::Bottom,
        _ => return None,
    };
    Some(Action::Scroll(scroll))
}

fn quiz_key(step: QuizStep, code: KeyCode) -> Option<Action> {
    match (step, code) {
        (_, KeyCode::Esc) => Some(Action::Back),
        (_, KeyCode::Backspace | KeyCode::Left) => Some(Action::QuizBack),
        (QuizStep::Item(_), KeyCode::Char(c @ '1'..='5')) => digit_pick(c, 5),
        (QuizStep::Item(_), KeyCode::Char('0' | 's' | 'S' | ' ')) => Some(Action::Skip),
        // Enter answers only what the student moved to.
        (QuizStep::Item(_) | QuizStep::Choice(..), KeyCode::Enter) => Some(Action::Confirm),
        // A tile's letter; Space picks the highlighted tile and Enter goes on.
        (QuizStep::Tiles, KeyCode::Char(c)) if c.is_ascii_alphabetic() => Some(Action::Pick(
            usize::from(c.to_ascii_lowercase() as u8 - b'a'),
        )),
        (QuizStep::Tiles, KeyCode::Char(' ')) => Some(Action::Confirm),
        (QuizStep::Tiles, KeyCode::Enter) => Some(Action::TilesDone),
        (QuizStep::Choice(..), KeyCode::Char(c @ '1'..='2')) => digit_pick(c, 2),
        (_, code) => moved(code),
    }
}

fn results_key(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Esc | KeyCode::Backspace => Some(Action::Back),
        KeyCode::Enter => Some(Action::Confirm),
        KeyCode::Char(c @ '1'..='3') => digit_pick(c, 3),
        KeyCode::Char('n' | 'N') => Some(Action::ShowMore),
        KeyCode::Char('r' | 'R') => Some(Action::Retake),
        KeyCode::Char('a' | 'A' | '4') => Some(Action::OpenApply),
        KeyCode::Char('b' | 'B') => Some(Action::BrowseAreas),
        code => moved(code),
    }
}

fn tech_key(app: &App, code: KeyCode) -> Option<Action> {
    let tech = &app.tech;
    if tech.editing_event.is_some() {
        return field_key(code, |_| true);
    }
    if tech.picking_idle.is_some() {
        return match code {
            KeyCode::Left | KeyCode::Down | KeyCode::Char('-') => Some(Action::Adjust(-1)),
            KeyCode::Right | KeyCode::Up | KeyCode::Char('+') => Some(Action::Adjust(1)),
            KeyCode::Enter => Some(Action::Confirm),
            KeyCode::Esc => Some(Action::Back),
            _ => None,
        };
    }
    if tech.confirm_exit {
        // Only a clear yes ends the kiosk; any other key answers no.
        return Some(match code {
            KeyCode::Char('y' | 'Y' | 's' | 'S') | KeyCode::Enter => Action::Confirm,
            KeyCode::Char(c) if c == TechItem::Exit.key() => Action::Confirm,
            _ => Action::Back,
        });
    }
    match code {
        KeyCode::Esc => Some(Action::Back),
        KeyCode::Enter => Some(Action::Confirm),
        // ←/→ and +/- on the idle timeout open its picker.
        KeyCode::Char('+' | '-') | KeyCode::Right | KeyCode::Left
            if tech.selected == TechItem::IdleTimeout =>
        {
            Some(Action::Tech(TechItem::IdleTimeout))
        }
        KeyCode::Char(c) => TechItem::from_key(c).map(Action::Tech),
        code => moved(code),
    }
}

fn setup_key(app: &App, code: KeyCode) -> Option<Action> {
    let step = app.setup.as_ref()?.step;
    match step {
        SetupStep::Pin | SetupStep::ConfirmPin => field_key(code, |c| c.is_ascii_digit()),
        SetupStep::EventName => field_key(code, |_| true),
        SetupStep::Language => match code {
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Enter => Some(Action::Confirm),
            // E for English, S for Spanish (the set-up screen names both in both).
            KeyCode::Char('e' | 'E') => Some(Action::Pick(0)),
            KeyCode::Char('s' | 'S') => Some(Action::Pick(1)),
            KeyCode::Left | KeyCode::Right | KeyCode::Up | KeyCode::Down | KeyCode::Tab => {
                Some(Action::Move(Move::Down))
            }
            _ => None,
        },
    }
}

/// A paste is typing into the field on screen, if there is one.
fn paste_action(app: &App, text: &str) -> Option<Action> {
    let insert = Some(Action::Edit(Edit::Insert(text.to_string())));
    match app.screen() {
        Screen::Search | Screen::Pin => insert,
        Screen::Tech if app.tech.editing_event.is_some() => insert,
        Screen::Setup if app.setup.as_ref()?.step != SetupStep::Language => insert,
        _ => None,
    }
}

fn click_action(app: &App, target: Target) -> Option<Action> {
    let screen = app.screen();
    match (screen, target) {
        (Screen::OutOfOrder, _) => return None,
        // Set-up is keys only; the language label still switches the language.
        (Screen::Setup, Target::Lang) => return Some(Action::SwitchLanguage),
        (Screen::Setup, _) => return None,
        (_, Target::Back) => return Some(Action::Back),
        (_, Target::Home) => return Some(Action::GoHome),
        (_, Target::Lang) => return Some(Action::SwitchLanguage),
        _ => {}
    }
    let step = app.student.quiz.step;
    Some(match (screen, target) {
        (Screen::Attract, _) => Action::Wake,
        (Screen::Home, Target::Done) => Action::EndVisit,
        (Screen::Home, Target::Menu(i)) => Action::Pick(i),
        (Screen::Search, Target::Row(row)) => Action::Pick(row),
        (Screen::Search, Target::TakeQuiz) => Action::TakeQuiz,
        (Screen::Search, Target::BrowseAreas) => Action::BrowseAreas,
        (Screen::BrowseSectors | Screen::BrowsePrograms { .. }, Target::Row(row)) => {
            Action::Pick(row)
        }
        (Screen::BrowseSectors | Screen::BrowsePrograms { .. }, Target::CampusFilter) => {
            Action::CycleCampus
        }
        (Screen::BrowseSectors | Screen::BrowsePrograms { .. }, Target::SessionFilter) => {
            Action::CycleSession
        }
        (Screen::Detail { .. } | Screen::Results, Target::Apply) => Action::OpenApply,
        (Screen::Quiz, Target::QuizBack) => Action::QuizBack,
        (Screen::Quiz, Target::Answer(n)) if matches!(step, QuizStep::Item(_)) => {
            Action::Pick(usize::from(n).checked_sub(1)?)
        }
        (Screen::Quiz, Target::Skip) if matches!(step, QuizStep::Item(_)) => Action::Skip,
        (Screen::Quiz, Target::Tile(i)) if step == QuizStep::Tiles => Action::Pick(i),
        (Screen::Quiz, Target::TilesDone) if step == QuizStep::Tiles => Action::TilesDone,
        (Screen::Quiz, Target::Choice(i)) if matches!(step, QuizStep::Choice(..)) => {
            Action::Pick(i)
        }
        (Screen::Results, Target::Row(i)) => Action::Pick(i),
        (Screen::Results, Target::ShowMore) => Action::ShowMore,
        (Screen::Results, Target::Retake) => Action::Retake,
        (Screen::Results, Target::Menu(_)) => Action::BrowseAreas,
        (Screen::Tech, Target::TechItem(item)) => Action::Tech(item),
        _ => return None,
    })
}

/// The mouse wheel or a touch scroll: scrolls a page, or moves a list's highlight.
fn wheel_action(app: &App, lines: i16) -> Option<Action> {
    match app.screen() {
        Screen::Detail { .. } | Screen::Apply => Some(Action::Scroll(Scroll::Lines(lines))),
        Screen::Search
        | Screen::Results
        | Screen::Home
        | Screen::BrowseSectors
        | Screen::BrowsePrograms { .. } => {
            Some(Action::Move(if lines < 0 { Move::Up } else { Move::Down }))
        }
        _ => None,
    }
}
