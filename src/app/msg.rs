//! What goes into `App::update` (messages) and what comes out (effects).

use ratatui::crossterm::event::KeyEvent;

pub use crate::stats::{EndReason, Event, Via};

/// One input to the app. Terminal events are mapped to these by `tui.rs`; mouse clicks are
/// resolved to a [`Target`] against the hotspots of the last frame drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Click(Target),
    /// Mouse wheel or touch scroll: negative is up.
    Scroll(i16),
    Resize(u16, u16),
    /// Time passed with no input (drives the attract rotation and the idle reset).
    Tick,
    /// Today's booth figures, read by the loop for the technician menu.
    TechFigures(Box<crate::stats::Summary>),
    /// Why the booth log is not being saved, if it is not.
    LogProblem(Option<String>),
    /// Today's booth log file, if it was deleted or moved and has been started again.
    LogRecreated(Option<String>),
    /// What became of the last `Effect::SaveSettings` (or `FinishSetup`): on failure, why.
    SettingsSaved(Result<(), String>),
    /// Today's date, sent by the loop with every tick (the clock's, or `--today`'s), so a
    /// kiosk left running past midnight shows the new day.
    Today(jiff::civil::Date),
}

/// Something clickable on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A click that hit nothing in particular.
    Background,
    Back,
    Home,
    /// Home's "I'm done": ends the visit.
    Done,
    Lang,
    /// Home menu entry, by its position in the menu.
    Menu(usize),
    /// A row of the current list (search results, sectors, programs, results).
    Row(usize),
    CampusFilter,
    SessionFilter,
    Apply,
    /// A quiz answer 1..=5.
    Answer(u8),
    Skip,
    QuizBack,
    Tile(usize),
    TilesDone,
    /// Stage C: 0 or 1.
    Choice(usize),
    ShowMore,
    Retake,
    /// Technician menu entry.
    TechItem(super::state::TechItem),
    /// Search with no match: start the quiz.
    TakeQuiz,
    /// Search with no match: browse the career areas.
    BrowseAreas,
}

/// Effects `update` asks the loop to carry out: the only way the app touches the world.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// The technician chose Exit.
    Quit,
    /// An anonymous booth-log event for the current student session (the loop adds the
    /// time, the laptop and the session id).
    Track(Event),
    /// Read today's figures and send them back as `Msg::TechFigures`.
    RefreshTechFigures,
    /// The technician changed settings: write them to the config file.
    SaveSettings {
        event_name: Option<String>,
        idle_timeout_secs: u64,
    },
    /// The PIN was accepted against an old-style hash: save this Argon2id hash in its place.
    SavePinHash(String),
    /// The PIN prompt opened: read the config's PIN hash again, so a PIN set with
    /// `roc-kiosk set-pin` while the kiosk runs is the one that unlocks it.
    ReloadPin,
    /// The set-up screen is done: hash the new PIN, and save it with the event name and
    /// the language (the answer comes back as `Msg::SettingsSaved`).
    FinishSetup {
        pin: NewPin,
        event_name: Option<String>,
        default_lang: crate::i18n::Lang,
    },
}

/// A PIN typed on the set-up screen, on its way to be hashed. Its `Debug` hides it, so
/// no log line can hold it.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPin(pub String);

impl std::fmt::Debug for NewPin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPin(..)")
    }
}
