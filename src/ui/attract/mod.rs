//! Attract: what a passer-by sees, filling whatever window the booth has. A big block-letter
//! headline, the event, whether applications are open today, a program card that changes
//! every few seconds, the application QR code where there is room, and an invitation to
//! touch any key, in both languages.
//!
//! The layout is worked out from the window size alone, never from the program on the
//! card, so nothing jumps when the card changes. This file divides the window: the
//! greeting on the top row beside the language switch, the invitation at the bottom, and
//! between them the text column (`text_column.rs`) beside the QR column (`qr_column.rs`),
//! the two centred together. The text column's blocks are the headline (`headline.rs`),
//! the application status (`application_status.rs`) and the program card (`card.rs`).

mod application_status;
mod card;
mod headline;
mod qr_column;
mod text_column;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::Hotspots;
use crate::app::App;
use crate::i18n::t;

/// Columns kept free at the left and right edges.
const MARGIN: u16 = 1;
/// Columns between the text and the QR code.
const GAP: u16 = 3;
/// Longer lines are hard to read from a step away.
const MAX_TEXT_WIDTH: u16 = 100;
/// Windows at least this tall get a blank row under the top row.
const ROOMY_HEIGHT: u16 = 30;

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hot: &mut Hotspots) {
    // Parents who read Spanish first can switch before touching anything else.
    super::chrome::language_button(frame, app, area, hot);
    let inner = area.inner(Margin::new(MARGIN, 0));
    // The invitation spans the whole width at the bottom, one line per language.
    let prompt = prompt(app);
    let prompt_rows = (prompt.line_count(inner.width) as u16).min(area.height / 4);
    // A blank row under the top row, and another above the prompt; the first only when
    // the window is tall enough to spare it.
    let roomy = u16::from(area.height >= ROOMY_HEIGHT);
    let [top_row, _, body, _, prompt_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(roomy),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(prompt_rows),
    ])
    .areas(inner);

    // The event's name goes on the top row, beside the language switch, when it fits there.
    let [greeting_row, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(language_button_width(app) + 1),
    ])
    .areas(top_row);
    let greeting_in_column = match greeting(app) {
        Some(line) if line.width() <= usize::from(greeting_row.width) => {
            frame.render_widget(Paragraph::new(line).centered(), greeting_row);
            None
        }
        other => other,
    };
    frame.render_widget(prompt, prompt_area);

    // Between them: the text column, and the QR code beside it when there is room.
    match qr_column::plan(app, body) {
        Some(plan) => {
            let qr_width = plan.size().0;
            let text_width = body
                .width
                .saturating_sub(qr_width + GAP)
                .min(MAX_TEXT_WIDTH);
            let group = centred(body, text_width + GAP + qr_width, body.height);
            let [text, _, code] = Layout::horizontal([
                Constraint::Length(text_width),
                Constraint::Length(GAP),
                Constraint::Length(qr_width),
            ])
            .areas(group);
            text_column::draw(frame, app, greeting_in_column, text);
            qr_column::draw(frame, app, plan, code);
        }
        None => {
            let text = centred(body, MAX_TEXT_WIDTH, body.height);
            text_column::draw(frame, app, greeting_in_column, text);
        }
    }
}

fn language_button_width(app: &App) -> u16 {
    // `chrome::language_button` draws " label " plus one column of space.
    Span::raw(t(app.lang()).other_language).width() as u16 + 3
}

/// "Press any key or tap the screen to start", in this language and then the other.
fn prompt(app: &App) -> Paragraph<'static> {
    let lang = app.lang();
    let theme = &app.settings.theme;
    let lines = vec![
        Line::styled(t(lang).press_any_key, theme.key),
        Line::styled(t(lang.toggled()).press_any_key, theme.dim),
    ];
    paragraph(lines)
}

/// "Welcome!  Career Night · Foothill High School": the names stand on their own, so any
/// event name or site reads well.
fn greeting(app: &App) -> Option<Line<'static>> {
    let s = t(app.lang());
    let theme = &app.settings.theme;
    let names: Vec<&str> = [&app.settings.event_name, &app.settings.site]
        .into_iter()
        .filter_map(|name| name.as_deref().map(str::trim))
        .filter(|name| !name.is_empty())
        .collect();
    if names.is_empty() {
        return None;
    }
    Some(Line::from(vec![
        Span::styled(format!("{}  ", s.welcome), theme.title),
        Span::styled(names.join(" · "), theme.accent),
    ]))
}

/// Centred, word-wrapped lines: every text block on this screen.
fn paragraph(lines: Vec<Line<'static>>) -> Paragraph<'static> {
    Paragraph::new(lines).centered().wrap(Wrap { trim: true })
}

/// `area` cut to `width` x `height` (no more than it has) in its middle, an odd spare
/// column going to the right and an odd spare row below. `Rect::centered` gives them to
/// the left and above instead, which would move this screen's layout by a cell in half
/// the window sizes.
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
