//! Build an `App` on the bundled catalog, feed it input, draw it into a `TestBackend`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roc_kiosk::app::{App, Effect, Msg, PinVerifier, Settings};
use roc_kiosk::catalog::Catalog;
use roc_kiosk::ui::{self, Hotspots};

/// The PIN these kiosks unlock with (a test verifier; the kiosk has no built-in PIN).
pub const PIN: &str = super::TEST_PIN;

/// A kiosk as a technician starts it, with a fixed date and a test clock.
pub struct Kiosk {
    pub app: App,
    pub start: Instant,
    pub elapsed: Duration,
    pub effects: Vec<Effect>,
    pub hot: Hotspots,
}

impl Kiosk {
    pub fn new() -> Self {
        Self::with_settings(|_| {})
    }

    pub fn with_settings(change: impl FnOnce(&mut Settings)) -> Self {
        Self::build(change, Arc::new(|pin: &str| (pin == PIN).into()))
    }

    /// A kiosk whose PIN prompt asks `pin_ok` (e.g. a real `PinCheck`).
    pub fn with_pin_verifier(pin_ok: PinVerifier) -> Self {
        Self::build(|_| {}, pin_ok)
    }

    fn build(change: impl FnOnce(&mut Settings), pin_ok: PinVerifier) -> Self {
        let catalog = Arc::new(Catalog::bundled().expect("the bundled catalog is valid"));
        let mut settings = Settings::new(jiff::civil::date(2026, 11, 24));
        change(&mut settings);
        let start = Instant::now();
        let app = App::new(catalog, settings, pin_ok, start);
        Kiosk {
            app,
            start,
            elapsed: Duration::ZERO,
            effects: Vec::new(),
            hot: Hotspots::default(),
        }
    }

    pub fn now(&self) -> Instant {
        self.start + self.elapsed
    }

    pub fn send(&mut self, msg: Msg) -> &mut Self {
        let now = self.now();
        let fx = self.app.update(msg, now);
        self.effects.extend(fx);
        self
    }

    pub fn key(&mut self, code: KeyCode) -> &mut Self {
        self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    pub fn ctrl(&mut self, c: char) -> &mut Self {
        self.send(Msg::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )))
    }

    pub fn chars(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    /// Lets time pass, ticking every 250 ms as the real loop does.
    pub fn wait(&mut self, d: Duration) -> &mut Self {
        let end = self.elapsed + d;
        while self.elapsed < end {
            self.elapsed = (self.elapsed + Duration::from_millis(250)).min(end);
            self.send(Msg::Tick);
        }
        self
    }

    /// Draws a frame at `w`x`h` and keeps its hotspots for clicks.
    pub fn draw(&mut self, w: u16, h: u16) -> Buffer {
        self.send(Msg::Resize(w, h));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        let mut hot = Hotspots::default();
        terminal
            .draw(|f| hot = ui::draw(f, &mut self.app))
            .expect("draw");
        self.hot = hot;
        terminal.backend().buffer().clone()
    }

    /// Clicks the centre of the first hotspot whose target is `target`, as a mouse would.
    pub fn click(&mut self, target: roc_kiosk::app::Target) -> &mut Self {
        let (rect, _) = *self
            .hot
            .iter()
            .find(|(_, t)| *t == target)
            .unwrap_or_else(|| panic!("no hotspot for {target:?}"));
        let hit = self
            .hot
            .target_at(rect.x + rect.width / 2, rect.y + rect.height / 2);
        self.send(Msg::Click(hit))
    }

    /// Index of the program with this id.
    pub fn program(&self, id: &str) -> usize {
        self.app
            .catalog
            .programs
            .iter()
            .position(|p| p.id == id)
            .unwrap_or_else(|| panic!("no program {id}"))
    }
}

/// The buffer as plain text lines.
pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        for x in 0..area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}
