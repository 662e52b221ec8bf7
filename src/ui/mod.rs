//! Drawing: `draw(frame, &app)` paints one frame from the state and returns the clickable
//! places on it ([`Hotspots`]), which the loop uses to turn a click into a `Msg`.
//!
//! Every screen is drawn inside the minimum-size gate, and every rectangle is clamped to
//! the frame, so no window size (down to 0x0) can panic the kiosk.

pub mod apply;
mod attract;
mod browse;
mod chrome;
pub mod detail;
mod home;
mod list;
mod out_of_order;
pub mod qr_widget;
pub mod quiz;
mod search;
mod setup;
mod tech;
pub mod theme;
pub mod wrap;

pub use chrome::name_room;

use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::{App, PageView, Screen, Target};
use crate::i18n::{fill, t};

/// The smallest window the screens are designed for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Clickable rectangles of the last frame, topmost last.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hotspots(Vec<(Rect, Target)>);

impl Hotspots {
    pub fn add(&mut self, rect: Rect, target: Target) {
        if !rect.is_empty() {
            self.0.push((rect, target));
        }
    }

    /// What a click at (x, y) hits: the topmost hotspot there, or the background.
    pub fn target_at(&self, x: u16, y: u16) -> Target {
        self.0
            .iter()
            .rev()
            .find(|(r, _)| r.contains(Position { x, y }))
            .map_or(Target::Background, |(_, t)| *t)
    }

    pub fn iter(&self) -> impl Iterator<Item = &(Rect, Target)> {
        self.0.iter()
    }
}

/// Draws the whole frame for `app`, and keeps in `app.page` what it measured of a page
/// that scrolls, as ratatui's `ListState` keeps what its last render found, so the keys
/// scroll exactly as far as the screen showed.
pub fn draw(frame: &mut Frame, app: &mut App) -> Hotspots {
    let mut page = PageView::default();
    let hot = draw_screen(frame, app, &mut page);
    app.page = page;
    hot
}

fn draw_screen(frame: &mut Frame, app: &App, page: &mut PageView) -> Hotspots {
    let area = frame.area();
    let mut hot = Hotspots::default();
    if area.width == 0 || area.height == 0 {
        return hot;
    }
    frame.render_widget(Block::new().style(app.settings.theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, app, area);
        return hot;
    }
    match app.screen() {
        Screen::Attract => attract::draw(frame, app, area, &mut hot),
        Screen::Pin | Screen::Tech => tech::draw(frame, app, area, &mut hot),
        Screen::Setup => setup::draw(frame, app, area, &mut hot),
        Screen::OutOfOrder => out_of_order::draw(frame, app, area),
        screen => {
            // The body first, so the bars can say what it measured (whether it scrolls).
            let body = chrome::body(area);
            match screen {
                Screen::Home => home::draw(frame, app, body, &mut hot),
                Screen::Search => search::draw(frame, app, body, &mut hot),
                Screen::BrowseSectors | Screen::BrowsePrograms { .. } => {
                    browse::draw(frame, app, body, &mut hot)
                }
                Screen::Detail { program } => {
                    *page = detail::draw(frame, app, program, body, &mut hot)
                }
                Screen::Apply => *page = apply::draw(frame, app, body),
                Screen::Quiz => quiz::draw(frame, app, body, &mut hot),
                Screen::Results => quiz::results(frame, app, body, &mut hot),
                Screen::Attract
                | Screen::Pin
                | Screen::Tech
                | Screen::Setup
                | Screen::OutOfOrder => {}
            }
            chrome::draw(frame, app, area, *page, &mut hot);
        }
    }
    if let Some(left) = app.still_there_left() {
        still_there(frame, app, area, left);
    }
    hot
}

/// "Please make this window bigger", wrapped to whatever space there is.
fn too_small(frame: &mut Frame, app: &App, area: Rect) {
    let s = t(app.lang());
    let text = fill(
        s.too_small,
        &[&area.width, &area.height, &MIN_WIDTH, &MIN_HEIGHT],
    );
    let lines = Paragraph::new(text.as_str())
        .wrap(Wrap { trim: true })
        .line_count(area.width)
        .min(area.height as usize);
    let rect = area.centered_vertically(Constraint::Length(lines as u16));
    frame.render_widget(
        Paragraph::new(text)
            .style(app.settings.theme.title)
            .wrap(Wrap { trim: true })
            .centered(),
        rect,
    );
}

/// The idle countdown, over whatever screen is showing.
fn still_there(frame: &mut Frame, app: &App, area: Rect, seconds_left: u64) {
    let s = t(app.lang());
    let theme = &app.settings.theme;
    let rect = centered(area, 56, 8);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .style(theme.base)
        .border_style(theme.title)
        .title(Line::styled(
            format!(" {} ", s.still_there_title),
            theme.title,
        ));
    let body = fill(s.still_there_body, &[&seconds_left]);
    frame.render_widget(
        Paragraph::new(body)
            .style(theme.base)
            .wrap(Wrap { trim: true })
            .centered()
            .block(block),
        rect,
    );
}

/// A `w`×`h` rectangle centred in `area`, clamped to it.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    area.centered(Constraint::Length(w), Constraint::Length(h))
}

/// Where a program is taught, as lists show it: its campus's short name, "Partner
/// program" for a program run with a partner, or "Campus: ask us" when no source says
/// (short, so a Spanish row still fits 80 columns).
pub(crate) fn campus_name(app: &App, program: &crate::catalog::Program) -> String {
    let s = crate::i18n::t(app.lang());
    if program.kind == crate::catalog::ProgramKind::Partner {
        return s.partner_program.to_string();
    }
    app.catalog
        .center
        .campus(program.campus.as_deref())
        .map_or_else(
            || s.campus_ask_us.to_string(),
            |c| c.name.get(app.lang()).to_string(),
        )
}

/// The display name of a program's sector.
pub(crate) fn sector_name(app: &App, program: &crate::catalog::Program) -> String {
    app.catalog
        .sectors
        .iter()
        .find(|s| s.id == program.sector)
        .map_or_else(
            || program.sector.clone(),
            |s| s.name.get(app.lang()).to_string(),
        )
}

/// A program as two list lines cut to `width`: name (with highlighted letters) · campus ·
/// sector, then its one-line summary.
pub(crate) fn program_row<'a>(
    app: &'a App,
    program: usize,
    highlight: &[std::ops::Range<usize>],
    width: u16,
) -> Vec<Line<'a>> {
    use unicode_width::UnicodeWidthStr;
    let theme = &app.settings.theme;
    let Some(p) = app.catalog.programs.get(program) else {
        return Vec::new();
    };
    let name = p.name.get(app.lang());
    let mut first = highlighted(name, highlight, theme.title, theme.matched);
    first.spans.insert(0, ratatui::text::Span::raw(" "));
    let room = (width as usize).saturating_sub(1 + name.width());
    let meta = format!("  ·  {}  ·  {}", campus_name(app, p), sector_name(app, p));
    first.spans.push(ratatui::text::Span::styled(
        wrap::fit(&meta, room),
        theme.dim,
    ));
    let summary = wrap::fit(
        p.summary.get(app.lang()),
        (width as usize).saturating_sub(3),
    );
    vec![first, Line::styled(format!("   {summary}"), theme.base)]
}

/// `text` with the byte ranges in `spans` drawn in `matched` and the rest in `plain`.
/// Ranges that are out of order or not on character boundaries are ignored, not trusted.
pub(crate) fn highlighted<'a>(
    text: &'a str,
    spans: &[std::ops::Range<usize>],
    plain: ratatui::style::Style,
    matched: ratatui::style::Style,
) -> Line<'a> {
    use ratatui::text::Span;
    let mut out = Vec::new();
    let mut at = 0;
    for r in spans {
        if r.start < at
            || r.end <= r.start
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        if r.end > text.len() {
            break;
        }
        out.push(Span::styled(&text[at..r.start], plain));
        out.push(Span::styled(&text[r.start..r.end], plain.patch(matched)));
        at = r.end;
    }
    out.push(Span::styled(&text[at..], plain));
    Line::from(out)
}
