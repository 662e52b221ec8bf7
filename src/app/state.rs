//! The app's state. Everything a student leaves behind lives in [`Student`], so an idle
//! reset is one assignment and cannot forget a field.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::input::{FieldKind, LineInput};
use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::search::{Found, Hit, SearchIndex};
use crate::ui::theme::Theme;

/// Longest search query kept; longer pastes are cut. The engine caps queries at the same
/// length, so the CLI and the kiosk search the same words.
pub use crate::search::MAX_QUERY_CHARS;
/// How long "Still there?" counts down before the reset.
pub const STILL_THERE: Duration = Duration::from_secs(10);
/// Seconds a program highlight stays on the attract screen.
pub const ATTRACT_ROTATE_SECS: u64 = 6;

/// Checks a technician PIN. Built by the loop from the config; the app never sees the PIN.
/// An accepted PIN may come with a new hash to save ([`crate::config::PinVerdict`]).
pub type PinVerifier = Arc<dyn Fn(&str) -> crate::config::PinVerdict + Send + Sync>;

/// Start-up settings (config file + command line), fixed for the day except what the
/// technician changes in the menu.
#[derive(Clone)]
pub struct Settings {
    pub idle_timeout: Duration,
    pub default_lang: Lang,
    pub event_name: Option<String>,
    pub site: Option<String>,
    pub theme: Theme,
    pub log_search_terms: bool,
    /// The date the application-window status is computed for. It follows the clock
    /// (`Msg::Today`), or stays on `--today`'s date.
    pub today: jiff::civil::Date,
    pub qr_style: crate::qr::QrStyle,
    /// Colours the QR code can be painted with (truecolor or 256).
    pub color_depth: crate::qr::ColorDepth,
}

impl Settings {
    pub fn new(today: jiff::civil::Date) -> Self {
        Settings {
            idle_timeout: Duration::from_secs(crate::config::DEFAULT_IDLE_TIMEOUT_SECS),
            default_lang: Lang::En,
            event_name: None,
            site: None,
            theme: Theme::default(),
            log_search_terms: false,
            today,
            qr_style: crate::qr::QrStyle::Auto,
            color_depth: crate::qr::ColorDepth::Indexed256,
        }
    }
}

/// Which screen is showing. Small and `Copy`, so the back stack is just a list of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    #[default]
    Attract,
    Home,
    Search,
    BrowseSectors,
    BrowsePrograms {
        sector: usize,
    },
    Detail {
        program: usize,
    },
    /// The quiz; which step is in `Student::quiz`.
    Quiz,
    /// The quiz's recommendations.
    Results,
    Apply,
    /// Technician PIN prompt.
    Pin,
    /// First start with no PIN: the technician sets one (see [`App::begin_setup`]).
    Setup,
    /// Technician menu.
    Tech,
    /// After repeated crashes: locked until the technician's PIN (see
    /// [`App::put_out_of_order`]).
    OutOfOrder,
}

/// An entry of the Home menu. The number key is fixed per entry, so hiding one (its
/// screen has no data) never renumbers the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuItem {
    Search,
    Quiz,
    Browse,
    Apply,
    Language,
}

impl MenuItem {
    pub const ALL: [MenuItem; 5] = [
        MenuItem::Search,
        MenuItem::Quiz,
        MenuItem::Browse,
        MenuItem::Apply,
        MenuItem::Language,
    ];

    pub fn key(self) -> char {
        match self {
            MenuItem::Search => '1',
            MenuItem::Quiz => '2',
            MenuItem::Browse => '3',
            MenuItem::Apply => '4',
            MenuItem::Language => '5',
        }
    }
}

/// An entry of the technician menu, in screen order. Its number key is its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TechItem {
    #[default]
    EventName,
    IdleTimeout,
    PreviewQr,
    Figures,
    Exit,
}

impl TechItem {
    pub const ALL: [TechItem; 5] = [
        TechItem::EventName,
        TechItem::IdleTimeout,
        TechItem::PreviewQr,
        TechItem::Figures,
        TechItem::Exit,
    ];

    /// Its place in the menu, from 0.
    pub fn position(self) -> usize {
        TechItem::ALL.iter().position(|&i| i == self).unwrap_or(0)
    }

    /// The key that chooses it: '1' for the first entry.
    pub fn key(self) -> char {
        char::from(b'1' + self.position() as u8)
    }

    pub fn from_key(c: char) -> Option<TechItem> {
        TechItem::ALL.into_iter().find(|item| item.key() == c)
    }
}

/// What the last frame measured of a page that scrolls (a program's detail, Apply), as
/// ratatui's `ListState` keeps what its last render found: the keys scroll exactly as far
/// as the screen showed. Every frame sets it; other screens leave it at zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PageView {
    /// How far the text scrolls before its last line is the last row shown.
    pub max_scroll: u16,
    /// Rows PgUp and PgDn move: a screenful, less one row kept for context.
    pub page_rows: u16,
}

impl PageView {
    /// A page that scrolls `max_scroll` rows in a text area `rows_shown` high.
    pub fn new(max_scroll: u16, rows_shown: u16) -> Self {
        PageView {
            max_scroll,
            page_rows: rows_shown.saturating_sub(1).max(1),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchState {
    pub input: SearchInput,
    pub hits: Vec<Hit>,
    /// Whether `hits` match the whole query or are only the closest programs.
    pub found: Found,
    pub selected: usize,
}

/// The query box (a newtype so `Default` gives the right cap).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchInput(pub LineInput);

impl Default for SearchInput {
    fn default() -> Self {
        SearchInput(LineInput::new(MAX_QUERY_CHARS))
    }
}

/// Browse filters: `None` means all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BrowseFilters {
    /// An index into the center's campuses. One past the last campus means "Campus not
    /// listed": the programs no source places on a campus, so they are never hidden.
    pub campus: Option<usize>,
    pub session: Option<usize>,
}

/// Everything one student's visit leaves behind. Reset wipes it in one assignment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Student {
    pub screen: Screen,
    pub history: Vec<Screen>,
    pub lang: Lang,
    pub search: SearchState,
    pub filters: BrowseFilters,
    /// Selected row on the current list screen (sectors, programs, home menu).
    pub selected: usize,
    /// Scroll offset of the program detail.
    pub scroll: u16,
    /// How the student reached the program on screen (for the booth log).
    pub via: Option<super::msg::Via>,
    pub quiz: QuizState,
    /// When this visit began (the first key on Attract), for the session's length.
    pub session_started: Option<Instant>,
}

/// Where the student is in the quiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizStep {
    /// Stage A, item by index.
    Item(usize),
    /// Stage B.
    Tiles,
    /// Stage C between two program indices.
    Choice(usize, usize),
}

impl Default for QuizStep {
    fn default() -> Self {
        QuizStep::Item(0)
    }
}

/// One student's quiz: answers so far and the outcome once finished. It lasts the whole
/// visit: leaving the quiz and choosing it again resumes it, and only "Retake" or the end
/// of the visit starts it over.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct QuizState {
    pub step: QuizStep,
    pub answers: crate::quiz::Answers,
    /// Highlighted choice (answer 0..5 with 5 = skip, tile, or Stage C option); `None` until
    /// the student moves to one, so Enter alone never answers for them.
    pub cursor: Option<usize>,
    pub outcome: Option<crate::quiz::Outcome>,
    /// First recommendation shown on the results ("Not me → show 3 more" moves it on).
    pub first_shown: usize,
}

/// How far the student's quiz has got, for the Home entry's label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizProgress {
    NotStarted,
    /// On question `.0` (1-based) of `.1`, or past the questions (tiles, last question).
    InProgress(usize, usize),
    Finished,
}

impl App {
    pub fn quiz_progress(&self) -> QuizProgress {
        let quiz = &self.student.quiz;
        if quiz.outcome.is_some() {
            return QuizProgress::Finished;
        }
        let total = self.catalog.quiz.items.len();
        match quiz.step {
            QuizStep::Item(0) if quiz.answers == Default::default() => QuizProgress::NotStarted,
            QuizStep::Item(i) => QuizProgress::InProgress(i + 1, total),
            QuizStep::Tiles | QuizStep::Choice(..) => QuizProgress::InProgress(total, total),
        }
    }
}

/// The technician's side: PIN prompt and menu. Outside [`Student`], so an idle reset
/// leaves the PIN lock alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TechState {
    /// The PIN being typed (its `Debug` hides the digits).
    pub pin: LineInput,
    /// Wrong PINs since the last unlock, and the lock they earned.
    pub lock: super::lockout::PinLock,
    /// Wrong PINs entered before the last unlock, for the menu.
    pub wrong_before_unlock: u32,
    /// Picking the idle timeout: the value shown, saved on Enter.
    pub picking_idle: Option<u64>,
    /// Exit was chosen: the menu asks to confirm it.
    pub confirm_exit: bool,
    /// Today's booth figures, once read.
    pub figures: Option<Box<crate::stats::Summary>>,
    pub log_problem: Option<String>,
    /// Today's booth log file, started again after it was deleted or moved.
    pub log_recreated: Option<String>,
    /// Why the last settings change could not be saved (it holds until the kiosk closes).
    pub settings_problem: Option<String>,
    /// Editing the event name: the text so far.
    pub editing_event: Option<LineInput>,
    pub selected: TechItem,
}

impl Default for TechState {
    fn default() -> Self {
        TechState {
            pin: pin_field(),
            lock: Default::default(),
            wrong_before_unlock: 0,
            picking_idle: None,
            confirm_exit: false,
            figures: None,
            log_problem: None,
            log_recreated: None,
            settings_problem: None,
            editing_event: None,
            selected: TechItem::default(),
        }
    }
}

/// A PIN field: digits only, as many as the longest PIN.
pub fn pin_field() -> LineInput {
    LineInput::of_kind(FieldKind::Digits, *crate::config::PIN_LENGTH.end())
}

/// An event-name field holding `name`, as long as the config allows.
pub fn event_name_field(name: &str) -> LineInput {
    LineInput::with_text(FieldKind::Label, crate::config::MAX_LABEL_CHARS, name)
}

pub struct App {
    pub catalog: Arc<Catalog>,
    pub index: Arc<SearchIndex>,
    /// The application URL's QR code, encoded once. `None` only if encoding failed, which
    /// catalog validation rules out; the screen then shows the URL as text.
    pub apply_code: Option<Arc<crate::qr::UrlCode>>,
    pub settings: Settings,
    pub(crate) pin_ok: PinVerifier,
    pub student: Student,
    pub tech: TechState,
    /// The scrolling page as the last frame drew it (set by `ui::draw`).
    pub page: PageView,
    /// The time of the message being handled (passed in, never read from the clock here).
    pub now: Instant,
    pub(crate) last_input: Instant,
    pub(crate) attract_since: Instant,
    /// When "Still there?" appeared, while it shows.
    pub still_there_since: Option<Instant>,
    /// The kiosk gave up after repeated crashes: every reset lands on
    /// [`Screen::OutOfOrder`], and the right PIN ends the kiosk instead of opening the menu.
    pub out_of_order: bool,
    /// No PIN is set yet: every reset lands on [`Screen::Setup`] until it is done.
    pub setup: Option<super::setup::SetupState>,
}

impl App {
    pub fn new(
        catalog: Arc<Catalog>,
        settings: Settings,
        pin_ok: PinVerifier,
        now: Instant,
    ) -> Self {
        let index = Arc::new(SearchIndex::new(&catalog));
        let apply_code = crate::qr::UrlCode::encode(&catalog.center.application.url)
            .ok()
            .map(Arc::new);
        let student = Student {
            lang: settings.default_lang,
            ..Student::default()
        };
        App {
            catalog,
            index,
            apply_code,
            settings,
            pin_ok,
            student,
            tech: TechState::default(),
            page: PageView::default(),
            now,
            last_input: now,
            attract_since: now,
            still_there_since: None,
            out_of_order: false,
            setup: None,
        }
    }

    pub fn screen(&self) -> Screen {
        self.student.screen
    }

    pub fn lang(&self) -> Lang {
        self.student.lang
    }

    /// The Home menu as it shows: only entries whose screen has something to show.
    pub fn menu(&self) -> Vec<MenuItem> {
        MenuItem::ALL
            .into_iter()
            .filter(|item| self.menu_item_available(*item))
            .collect()
    }

    fn menu_item_available(&self, item: MenuItem) -> bool {
        match item {
            // A catalog without quiz items or tiles has no quiz to offer.
            MenuItem::Quiz => {
                !self.catalog.quiz.items.is_empty() && !self.catalog.quiz.tiles.is_empty()
            }
            _ => true,
        }
    }

    /// The program highlighted on the attract screen now.
    pub fn attract_program(&self) -> Option<usize> {
        let n = self.catalog.programs.len();
        if n == 0 {
            return None;
        }
        let secs = self
            .now
            .saturating_duration_since(self.attract_since)
            .as_secs();
        Some((secs / ATTRACT_ROTATE_SECS) as usize % n)
    }

    /// Seconds left on the "Still there?" countdown, while it shows.
    pub fn still_there_left(&self) -> Option<u64> {
        self.still_there_since.map(|since| {
            let left = STILL_THERE.saturating_sub(self.now.saturating_duration_since(since));
            // Rounded up, so the countdown starts at 10 and never shows 0 before the reset.
            left.as_millis().div_ceil(1000) as u64
        })
    }
}
