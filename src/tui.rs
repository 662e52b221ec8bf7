//! The terminal side: entering and leaving full-screen mode, the event loop (terminal
//! events → `Msg` → `App::update` → effects → draw), signals, and surviving a panic.
//!
//! Nothing here decides what a key means; that is `App::update`'s job.

use std::io::{self, Stdout, stdout};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

use crate::app::{App, Effect, Msg};
use crate::stats::Event as BoothEvent;
use crate::ui::{self, Hotspots};

/// How often time moves on when nobody touches anything.
const TICK: Duration = Duration::from_millis(250);
/// Panics tolerated within [`RESTART_WINDOW`] before the kiosk gives up.
pub const MAX_RESTARTS: usize = 5;
pub const RESTART_WINDOW: Duration = Duration::from_secs(60);

/// Set (to anything) to make the kiosk exit right after drawing its first frame, so
/// `hyperfine` and `/usr/bin/time -v` can measure start-up and memory.
pub const FIRST_FRAME_ONLY_ENV: &str = "ROC_KIOSK_FIRST_FRAME_ONLY";

/// Test seam: set to one character to make the kiosk panic when that key is pressed, so
/// the end-to-end tests can check crash recovery on the real binary.
pub const TEST_PANIC_KEY_ENV: &str = "ROC_KIOSK_TEST_PANIC_KEY";

/// What the loop does with effects that touch the world (booth log, config file).
pub trait World {
    fn track(&mut self, event: &BoothEvent);
    fn save_settings(&mut self, event_name: Option<&str>, idle_timeout_secs: u64);
    /// Replaces the config's PIN hash (an old-style hash upgraded on unlock).
    fn save_pin_hash(&mut self, hash: &str);
    /// Today's booth figures.
    fn tech_figures(&mut self) -> crate::stats::Summary;
    /// Why the booth log is not being saved, if it is not.
    fn log_problem(&self) -> Option<String>;
}

/// How the kiosk ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// The technician chose Exit.
    Technician,
    /// SIGTERM or SIGHUP.
    Signal,
    /// Too many panics in a minute.
    TooManyPanics,
}

type Term = Terminal<CrosstermBackend<Stdout>>;

/// Puts the terminal in full-screen kiosk mode and takes it out again on drop.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<(TerminalGuard, Term)> {
        enable_raw_mode()?;
        let guard = TerminalGuard;
        execute!(
            stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste,
            cursor::Hide
        )?;
        let terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
        Ok((guard, terminal))
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Undoes everything `enter` did. Safe to call twice (the panic hook and the guard both do).
pub fn restore_terminal() {
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Restores the terminal before anything is reported, and writes the panic to the log
/// file: the screen is no place for it, and the technician may read it later.
pub fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        restore_terminal();
        let backtrace = std::backtrace::Backtrace::force_capture();
        tracing::error!("panic: {info}\n{backtrace}");
    }));
}

/// Signals that end the kiosk cleanly (SIGTERM, SIGHUP); SIGINT and SIGQUIT from outside
/// are ignored like their keys.
fn watch_signals() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        for sig in [SIGTERM, SIGHUP] {
            if let Err(e) = signal_hook::flag::register(sig, Arc::clone(&stop)) {
                tracing::warn!("cannot watch signal {sig}: {e}");
            }
        }
        let ignored = Arc::new(AtomicBool::new(false));
        for sig in [SIGINT, SIGQUIT] {
            let _ = signal_hook::flag::register(sig, Arc::clone(&ignored));
        }
    }
    stop
}

/// Runs the kiosk until the technician exits or a signal arrives. A panic restores the
/// terminal, is logged, and the kiosk starts again at Attract with a fresh app, at most
/// [`MAX_RESTARTS`] times a minute.
pub fn run(mut new_app: impl FnMut() -> App, world: &mut dyn World) -> io::Result<Ending> {
    // For measuring start-up (README, Performance): stop right after the first frame.
    let first_frame_only = std::env::var_os(FIRST_FRAME_ONLY_ENV).is_some();
    let panic_key = std::env::var(TEST_PANIC_KEY_ENV)
        .ok()
        .and_then(|v| v.chars().next());
    install_panic_hook();
    let stop = watch_signals();
    let mut panics: Vec<Instant> = Vec::new();
    loop {
        let mut app = new_app();
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            let (_guard, mut terminal) = TerminalGuard::enter()?;
            event_loop(
                &mut terminal,
                &mut app,
                world,
                &stop,
                first_frame_only,
                panic_key,
            )
        }));
        match result {
            Ok(ending) => return ending,
            Err(_) => {
                let now = Instant::now();
                panics.retain(|t| now.duration_since(*t) < RESTART_WINDOW);
                panics.push(now);
                tracing::error!(
                    "restarting at Attract after a panic ({} in the last minute)",
                    panics.len()
                );
                if panics.len() >= MAX_RESTARTS {
                    return Ok(Ending::TooManyPanics);
                }
            }
        }
    }
}

fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    world: &mut dyn World,
    stop: &AtomicBool,
    first_frame_only: bool,
    panic_key: Option<char>,
) -> io::Result<Ending> {
    let size = terminal.size()?;
    app.update(Msg::Resize(size.width, size.height), Instant::now());
    app.update(Msg::LogProblem(world.log_problem()), Instant::now());
    let mut hot = Hotspots::default();
    let mut last_tick = Instant::now();
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(Ending::Signal);
        }
        terminal.draw(|frame| hot = ui::draw(frame, app))?;
        if first_frame_only {
            return Ok(Ending::Signal);
        }

        let timeout = TICK.saturating_sub(last_tick.elapsed());
        let msg = if event::poll(timeout)? {
            to_msg(event::read()?, &hot)
        } else {
            None
        };
        let now = Instant::now();
        let mut effects = Vec::new();
        if let Some(msg) = msg {
            if let (Some(c), Msg::Key(key)) = (panic_key, &msg)
                && key.code == event::KeyCode::Char(c)
            {
                panic!("test panic: {TEST_PANIC_KEY_ENV} key pressed");
            }
            effects.extend(app.update(msg, now));
        }
        if last_tick.elapsed() >= TICK {
            last_tick = now;
            effects.extend(app.update(Msg::Tick, now));
        }
        for effect in effects {
            match effect {
                Effect::Quit => return Ok(Ending::Technician),
                Effect::Track(event) => world.track(&event),
                Effect::RefreshTechFigures => {
                    let figures = world.tech_figures();
                    app.update(Msg::TechFigures(Box::new(figures)), now);
                    app.update(Msg::LogProblem(world.log_problem()), now);
                }
                Effect::SaveSettings {
                    event_name,
                    idle_timeout_secs,
                } => world.save_settings(event_name.as_deref(), idle_timeout_secs),
                Effect::SavePinHash(hash) => world.save_pin_hash(&hash),
            }
        }
    }
}

/// Maps a terminal event to a message; clicks are resolved against the last frame.
pub fn to_msg(event: Event, hot: &Hotspots) -> Option<Msg> {
    match event {
        // Windows and the kitty protocol also report releases; only presses count.
        Event::Key(key) if key.kind != KeyEventKind::Release => Some(Msg::Key(key)),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                Some(Msg::Click(hot.target_at(mouse.column, mouse.row)))
            }
            MouseEventKind::ScrollUp => Some(Msg::Scroll(-1)),
            MouseEventKind::ScrollDown => Some(Msg::Scroll(1)),
            _ => None,
        },
        _ => None,
    }
}
