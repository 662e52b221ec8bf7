//! The terminal side: entering and leaving full-screen mode, the event loop (terminal
//! events → `Msg` → `App::update` → effects → draw), signals, and surviving a panic.
//!
//! - [`tty`]: the terminal as a file: waiting on it without spinning, noticing that it
//!   closed, and whether the kiosk owns it (foreground).
//! - [`signals`]: what each signal from outside does, and the watchdog that makes a stop
//!   signal end the kiosk within a second whatever the loop is doing.
//! - `portable.rs` stands in for both where there is no Unix.
//! - [`world`]: the outside world the effects touch (booth log, config file), and the
//!   queue that carries effects out and feeds their answers back to the app.
//!
//! Nothing here decides what a key means; that is `App::update`'s job.

#[cfg(not(unix))]
#[path = "tui/portable.rs"]
mod platform;
#[cfg(unix)]
mod signals;
#[cfg(unix)]
mod tty;
mod world;

use std::io::{self, Stdout, stdout};
use std::panic::{self, AssertUnwindSafe};
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

#[cfg(not(unix))]
use self::platform::Signals;
#[cfg(not(unix))]
pub use self::platform::Tty;
#[cfg(unix)]
use self::signals::Signals;
#[cfg(unix)]
pub use self::tty::Tty;
use self::world::log_status;
pub use self::world::{World, apply_effects};
use crate::app::{App, Msg};
use crate::stats::EndReason;
use crate::ui::{self, Hotspots};

/// How often time moves on when nobody touches anything.
const TICK: Duration = Duration::from_millis(250);
/// How long crossterm may look for an event once poll(2) has said bytes are waiting. Its
/// reader returns nothing at all for a zero wait, so this is its shortest useful wait.
const READ_WAIT: Duration = Duration::from_millis(1);
/// The panic (within [`CRASH_WINDOW`]) that puts the kiosk out of order: panics 1 to 4
/// restart it at Attract, the fifth shows the out-of-order screen.
pub const OUT_OF_ORDER_AFTER: usize = 5;
pub const CRASH_WINDOW: Duration = Duration::from_secs(60);

/// Set (to anything) to make the kiosk exit right after drawing its first frame, so
/// `hyperfine` and `/usr/bin/time -v` can measure start-up and memory. Kept in release
/// builds on purpose: the README's start-up figures are measured on the release binary,
/// and all it can do is end the kiosk at once.
pub const FIRST_FRAME_ONLY_ENV: &str = "ROC_KIOSK_FIRST_FRAME_ONLY";

/// Test seam: set to one character to make the kiosk panic when that key is pressed, so
/// the end-to-end tests can check crash recovery on the real binary. Only debug builds
/// (which `cargo test` builds) read it; a release build, and so the Debian package, does
/// not contain it.
pub const TEST_PANIC_KEY_ENV: &str = "ROC_KIOSK_TEST_PANIC_KEY";

/// The key `TEST_PANIC_KEY_ENV` names, in a debug build.
#[cfg(debug_assertions)]
fn test_panic_key() -> Option<char> {
    std::env::var(TEST_PANIC_KEY_ENV)
        .ok()
        .and_then(|v| v.chars().next())
}

/// Panics if `msg` is the test panic key. Release builds have no such key, and no code.
#[cfg(debug_assertions)]
fn panic_if_test_key(panic_key: Option<char>, msg: &Msg) {
    if let (Some(c), Msg::Key(key)) = (panic_key, msg)
        && key.code == event::KeyCode::Char(c)
    {
        panic!("test panic: {TEST_PANIC_KEY_ENV} key pressed");
    }
}

/// How the kiosk ended. [`Ending::exit_code`] tells a supervisor (systemd, a launcher
/// loop) which it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The technician chose Exit.
    Technician,
    /// SIGTERM or SIGINT from another process: stopped on purpose.
    Stopped,
    /// The terminal went away: end of file, EIO or a hang-up on it, or SIGHUP.
    TerminalClosed,
    /// The kiosk was out of order after repeated crashes, and the technician closed it.
    OutOfOrder,
}

impl Ending {
    /// 0 for an exit someone chose (the technician's Exit, SIGTERM, SIGINT); non-zero when
    /// the kiosk should be looked at or started again: 1 out of order (or the terminal
    /// failed), 129 (128 + SIGHUP, as a shell reports a hung-up process) the terminal
    /// closed. Start-up problems (catalog, config, no terminal) are 2.
    pub fn exit_code(self) -> u8 {
        match self {
            Ending::Technician | Ending::Stopped => 0,
            Ending::OutOfOrder => 1,
            Ending::TerminalClosed => 129,
        }
    }

    /// How the visit in progress, if any, ended.
    pub fn end_reason(self) -> EndReason {
        match self {
            Ending::TerminalClosed => EndReason::TerminalClosed,
            Ending::Technician | Ending::Stopped | Ending::OutOfOrder => EndReason::Exit,
        }
    }
}

/// What `Tty::wait` saw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Wake {
    /// Bytes are waiting on the terminal.
    pub input: bool,
    /// The terminal hung up or failed: nothing will ever be read from it again.
    pub closed: bool,
}

/// Why the kiosk cannot run here (see `Tty::open`).
#[derive(Debug)]
pub struct NoTerminal(pub io::Error);

impl std::fmt::Display for NoTerminal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A request from outside to end the kiosk (see `signals.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum Stop {
    /// SIGTERM or SIGINT: someone stopped the kiosk on purpose.
    Stopped = 1,
    /// SIGHUP: the terminal hung up. Wins over the others: the terminal is gone whatever
    /// else was asked.
    Hangup = 2,
}

impl Stop {
    pub fn ending(self) -> Ending {
        match self {
            Stop::Stopped => Ending::Stopped,
            Stop::Hangup => Ending::TerminalClosed,
        }
    }
}

type Term = Terminal<CrosstermBackend<Stdout>>;

/// Puts the terminal in full-screen kiosk mode and takes it out again on drop.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<(TerminalGuard, Term)> {
        enable_raw_mode()?;
        let guard = TerminalGuard;
        enter_screen_modes()?;
        let terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
        Ok((guard, terminal))
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

fn enter_screen_modes() -> io::Result<()> {
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    )
}

/// After SIGCONT: whoever had the terminal while the kiosk was stopped (a shell after
/// `kill -TSTP`/`-STOP`) may have put it back in cooked mode and the main screen. Enter
/// everything again and forget the last frame, so the next draw paints every cell.
fn reenter(terminal: &mut Term) -> io::Result<()> {
    // crossterm skips enabling raw mode when it thinks it is on already, so leave it first.
    let _ = disable_raw_mode();
    enable_raw_mode()?;
    enter_screen_modes()?;
    // `resize` clears the screen and forgets the last frame. (`clear` would do too, but it
    // asks the terminal where its cursor is and waits for the answer.)
    let area = terminal.size()?.into();
    terminal.resize(area)
}

/// Undoes everything `enter` did. Safe to call twice (the panic hook and the guard both
/// do), and on a terminal that is gone (every step fails at once and is ignored). Raw mode
/// goes first: it cannot block, while the writes can on a frozen terminal.
pub fn restore_terminal() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
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

/// Runs the kiosk on `tty` until the technician exits, a signal arrives or the terminal
/// goes away. A panic restores the terminal, is logged, and the kiosk starts again at
/// Attract with a fresh app; the [`OUT_OF_ORDER_AFTER`]th panic within [`CRASH_WINDOW`]
/// shows the out-of-order screen instead, which only the technician's PIN leaves (ending
/// the kiosk with [`Ending::OutOfOrder`]).
pub fn run(
    tty: Tty,
    mut new_app: impl FnMut() -> App,
    world: &mut dyn World,
) -> io::Result<Ending> {
    let options = LoopOptions {
        // For measuring start-up (README, Performance): stop right after the first frame.
        first_frame_only: std::env::var_os(FIRST_FRAME_ONLY_ENV).is_some(),
        #[cfg(debug_assertions)]
        panic_key: test_panic_key(),
    };
    install_panic_hook();
    let signals = Signals::install()?;
    let mut crashes: Vec<Instant> = Vec::new();
    let mut out_of_order = false;
    loop {
        let mut app = new_app();
        if out_of_order {
            app.put_out_of_order();
        }
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            let (_guard, mut terminal) = TerminalGuard::enter()?;
            let ending = event_loop(&mut terminal, &mut app, world, &tty, &signals, &options);
            if tty.is_closed() {
                // ratatui's Drop shows the cursor and reports a failure with eprintln!,
                // which panics when the terminal is gone. There is nothing left to restore.
                std::mem::forget(terminal);
            }
            ending
        }));
        match result {
            Ok(Ok(Ending::Technician)) if out_of_order => return Ok(Ending::OutOfOrder),
            Ok(Ok(ending)) => return Ok(ending),
            // Whatever failed, a terminal that is gone explains it.
            Ok(Err(_)) if tty.is_closed() => return Ok(Ending::TerminalClosed),
            Ok(Err(e)) => return Err(e),
            Err(_) => {
                let now = Instant::now();
                crashes.retain(|t| now.duration_since(*t) < CRASH_WINDOW);
                crashes.push(now);
                if crashes.len() >= 2 * OUT_OF_ORDER_AFTER {
                    // Even the out-of-order screen keeps failing: nothing left to show.
                    return Err(io::Error::other(format!(
                        "{} errors in a minute, the out-of-order screen among them",
                        crashes.len()
                    )));
                }
                if crashes.len() >= OUT_OF_ORDER_AFTER {
                    tracing::error!(
                        "out of order after {} errors in the last minute",
                        crashes.len()
                    );
                    out_of_order = true;
                } else {
                    tracing::error!(
                        "restarting at Attract after a panic ({} in the last minute)",
                        crashes.len()
                    );
                }
            }
        }
    }
}

/// Switches the loop reads once at start-up.
struct LoopOptions {
    first_frame_only: bool,
    #[cfg(debug_assertions)]
    panic_key: Option<char>,
}

fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    world: &mut dyn World,
    tty: &Tty,
    signals: &Signals,
    options: &LoopOptions,
) -> io::Result<Ending> {
    let size = terminal.size()?;
    app.update(Msg::Resize(size.width, size.height), Instant::now());
    for msg in log_status(world) {
        let effects = app.update(msg, Instant::now());
        if let Some(ending) = apply_effects(app, world, effects, Instant::now()) {
            return Ok(ending);
        }
    }
    let mut hot = Hotspots::default();
    let mut last_tick = Instant::now();
    // SIGCONT came while another process group owned the terminal: re-enter once it is ours.
    let mut reenter_pending = false;
    // crossterm may hold parsed events that poll(2) cannot see.
    let mut more_events = false;
    loop {
        if let Some(stop) = signals.stop() {
            return Ok(stop.ending());
        }
        reenter_pending |= signals.take_resumed();
        let foreground = tty.is_foreground();
        if foreground {
            if reenter_pending {
                reenter(terminal)?;
                reenter_pending = false;
            }
            if signals.take_resized() {
                let size = terminal.size()?;
                app.update(Msg::Resize(size.width, size.height), Instant::now());
            }
            terminal.draw(|frame| hot = ui::draw(frame, app))?;
        }
        if options.first_frame_only {
            return Ok(Ending::Stopped);
        }

        let input_waiting = if more_events && foreground {
            true
        } else {
            let timeout = TICK.saturating_sub(last_tick.elapsed());
            let wake = tty.wait(signals, timeout, foreground)?;
            if wake.closed {
                return Ok(Ending::TerminalClosed);
            }
            wake.input
        };
        let event = if input_waiting && foreground {
            more_events = event::poll(READ_WAIT)?;
            if more_events {
                Some(event::read()?)
            } else {
                None
            }
        } else {
            None
        };
        let now = Instant::now();
        let mut effects = Vec::new();
        if let Some(msg) = event.and_then(|e| to_msg(e, &hot)) {
            #[cfg(debug_assertions)]
            panic_if_test_key(options.panic_key, &msg);
            effects.extend(app.update(msg, now));
        }
        if last_tick.elapsed() >= TICK {
            last_tick = now;
            // The date first, so a tick past midnight already shows the new day.
            effects.extend(app.update(Msg::Today(world.today()), now));
            effects.extend(app.update(Msg::Tick, now));
        }
        if let Some(ending) = apply_effects(app, world, effects, now) {
            return Ok(ending);
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
