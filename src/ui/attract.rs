//! Attract: what a passer-by sees, filling whatever window the booth has. A big block-letter
//! headline, the event, whether applications are open today, a program card that changes
//! every few seconds, the application QR code where there is room, and an invitation to
//! touch any key, in both languages.
//!
//! The layout is worked out from the window size alone, never from the program on the
//! card, so nothing jumps when the card changes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use super::Hotspots;
use super::qr_widget::QrWidget;
use super::wrap::wrap;
use crate::app::App;
use crate::apply::{WindowStatus, status_with_accuracy};
use crate::catalog::{Program, ProgramKind};
use crate::i18n::{Lang, date_short, fill, t};
use crate::qr::{QrPlan, QrStyle};

/// Columns kept free at the left and right edges.
const MARGIN: u16 = 1;
/// Columns between the text and the QR code.
const GAP: u16 = 3;
/// The text column is never narrower than this beside a half-block code...
const MIN_TEXT_WIDTH: u16 = 40;
/// ...and a full-block code is only chosen when the text keeps this much.
const MIN_TEXT_BESIDE_FULL_QR: u16 = 60;
/// Longer lines are hard to read from a step away.
const MAX_TEXT_WIDTH: u16 = 100;
/// Rows kept under the code for its label and the URL (a label that wraps takes more
/// when the column has them).
const QR_CAPTION_ROWS: u16 = 2;
/// The most rows the program card gets before spare rows go to spacing instead (its
/// least is worked out from the catalog: [`card_min_height`]).
const CARD_MAX_HEIGHT: u16 = 22;
/// Columns between the card's border and its text.
const CARD_PADDING: u16 = 1;
/// Windows at least this tall get a blank row under the top row.
const ROOMY_HEIGHT: u16 = 30;
/// Blank rows between blocks at most, when the window is tall.
const MAX_GAP: u16 = 4;

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hot: &mut Hotspots) {
    // Parents who read Spanish first can switch before touching anything else.
    super::chrome::language_button(frame, app, area, hot);
    let inner = Rect {
        x: area.x + MARGIN.min(area.width / 2),
        width: area.width.saturating_sub(2 * MARGIN),
        ..area
    };
    // The event's name goes on the top row, beside the language switch, when it fits there.
    let greeting = greeting(app);
    let top_row = Rect {
        height: 1.min(area.height),
        width: inner.width.saturating_sub(language_button_width(app) + 1),
        ..inner
    };
    let greeting_in_column = match greeting {
        Some(line) if line.width() <= usize::from(top_row.width) => {
            frame.render_widget(Paragraph::new(line).centered(), top_row);
            None
        }
        other => other,
    };

    // The invitation spans the whole width at the bottom, one line per language.
    let prompt = prompt(app);
    let prompt_rows = (prompt.line_count(inner.width) as u16).min(area.height / 4);
    frame.render_widget(
        prompt,
        Rect {
            y: area.bottom().saturating_sub(prompt_rows),
            height: prompt_rows,
            ..inner
        },
    );

    // Between them: the text column, and the QR code beside it when there is room.
    // A blank row under the top row, and another above the prompt; the first only when
    // the window is tall enough to spare it.
    let top = 1 + u16::from(area.height >= ROOMY_HEIGHT);
    let body = Rect {
        y: area.y + top,
        height: area.height.saturating_sub(top + 1 + prompt_rows),
        ..inner
    };
    let qr = qr_plan(app, body);
    let qr_width = qr.map_or(0, |plan| plan.size().0);
    let text_width = body
        .width
        .saturating_sub(if qr.is_some() { qr_width + GAP } else { 0 })
        .min(MAX_TEXT_WIDTH);
    let group_width = text_width + if qr.is_some() { GAP + qr_width } else { 0 };
    let left = body.x + body.width.saturating_sub(group_width) / 2;
    let text_column = Rect {
        x: left,
        width: text_width,
        ..body
    };
    draw_text_column(frame, app, greeting_in_column, text_column);
    if let Some(plan) = qr {
        let column = Rect {
            x: left + text_width + GAP,
            width: qr_width,
            ..body
        };
        draw_qr_column(frame, app, plan, column);
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

/// The code and the way it is drawn, or `None` when the window leaves no room for it
/// beside a readable text column. Full blocks (easier for a phone) only when the text
/// still gets a comfortable column; the technician's `qr_style` is respected.
fn qr_plan(app: &App, body: Rect) -> Option<QrPlan<'_>> {
    let code = app.apply_code.as_deref()?;
    let room = |min_text: u16| Rect {
        width: body.width.saturating_sub(min_text + GAP),
        height: body.height.saturating_sub(QR_CAPTION_ROWS),
        ..body
    };
    let style = app.settings.qr_style;
    match code.plan(room(MIN_TEXT_BESIDE_FULL_QR), style) {
        Ok(plan) => Some(plan),
        Err(_) => {
            let narrow = match style {
                QrStyle::Auto => QrStyle::Half,
                forced => forced,
            };
            code.plan(room(MIN_TEXT_WIDTH), narrow).ok()
        }
    }
}

/// The code, its "scan with your phone" label and the URL, centred in `column`.
fn draw_qr_column(frame: &mut Frame, app: &App, plan: QrPlan<'_>, column: Rect) {
    let s = t(app.lang());
    let theme = &app.settings.theme;
    let (cols, rows) = plan.size();
    let caption = Paragraph::new(vec![
        Line::styled(s.attract_scan, theme.title),
        Line::styled(app.catalog.center.application.url.as_str(), theme.dim),
    ])
    .centered()
    .wrap(Wrap { trim: true });
    // A blank row between code and caption when there is room for it.
    let caption_rows = (caption.line_count(cols) as u16).min(column.height.saturating_sub(rows));
    let gap = u16::from(rows + 1 + caption_rows <= column.height);
    let total = rows + gap + caption_rows;
    let top = column.y + column.height.saturating_sub(total) / 2;
    let code_rect = Rect {
        x: column.x,
        y: top,
        width: cols,
        height: rows,
    };
    let widget = QrWidget::new(plan, app.settings.color_depth);
    frame.render_widget(widget, code_rect);
    let caption_rect = Rect {
        x: column.x,
        y: code_rect.bottom() + gap,
        width: cols,
        height: caption_rows,
    }
    .intersection(column);
    frame.render_widget(caption, caption_rect);
}

/// One block of the text column.
enum Piece {
    /// The center's short name in block letters (or plain, when no size fits).
    Headline(Option<PixelSize>),
    Text(Vec<Line<'static>>),
    Card,
}

/// Which optional blocks a layout keeps, richest first.
#[derive(Clone, Copy)]
struct Level {
    /// The headline may use 8-row letters.
    tall_headline: bool,
    /// Block letters at all.
    big_headline: bool,
    full_name: bool,
    tagline: bool,
}

const LEVELS: [Level; 5] = [
    Level {
        tall_headline: true,
        big_headline: true,
        full_name: true,
        tagline: true,
    },
    Level {
        tall_headline: false,
        big_headline: true,
        full_name: true,
        tagline: true,
    },
    // The headline already names the center; the tagline says what it offers.
    Level {
        tall_headline: false,
        big_headline: true,
        full_name: false,
        tagline: true,
    },
    Level {
        tall_headline: false,
        big_headline: true,
        full_name: false,
        tagline: false,
    },
    Level {
        tall_headline: false,
        big_headline: false,
        full_name: false,
        tagline: false,
    },
];

fn draw_text_column(frame: &mut Frame, app: &App, greeting: Option<Line<'static>>, area: Rect) {
    if area.is_empty() {
        return;
    }
    let card_min = card_min_height(app, area.width);
    // The richest level whose blocks, one blank row apart, leave the card its minimum.
    let fits = |pieces: &[(Piece, u16)], gap: u16| {
        let fixed: u16 = pieces.iter().map(|(_, h)| *h).sum();
        let gaps = gap * pieces.len().saturating_sub(1) as u16;
        fixed + gaps + card_min <= area.height
    };
    let build = |level| pieces(app, level, greeting.clone(), area.width);
    let (pieces, min_gap) = [1, 0]
        .into_iter()
        .flat_map(|gap| LEVELS.into_iter().map(move |level| (level, gap)))
        .map(|(level, gap)| (build(level), gap))
        .find(|(pieces, gap)| fits(pieces, *gap))
        .unwrap_or_else(|| (build(LEVELS[LEVELS.len() - 1]), 0));

    // The card takes what is left, up to its most; the rest spreads out as spacing.
    let fixed: u16 = pieces.iter().map(|(_, h)| *h).sum();
    let gaps = pieces.len().saturating_sub(1) as u16;
    let free = area.height.saturating_sub(fixed + gaps * min_gap);
    let card = free.min(CARD_MAX_HEIGHT.max(card_min));
    let spare = free - card;
    let gap = spare
        .checked_div(gaps)
        .map_or(0, |extra| (min_gap + extra).min(MAX_GAP.max(min_gap)));
    let used = fixed + card + gap * gaps;
    let mut y = area.y + area.height.saturating_sub(used) / 2;
    for (piece, height) in pieces {
        let height = match piece {
            Piece::Card => card,
            _ => height,
        };
        let rect = Rect { y, height, ..area }.intersection(area);
        draw_piece(frame, app, &piece, rect);
        y = y.saturating_add(height + gap);
    }
}

/// The blocks of the text column at `level`, with their heights at `width` (the card's
/// height is decided later, from what is left).
fn pieces(
    app: &App,
    level: Level,
    greeting: Option<Line<'static>>,
    width: u16,
) -> Vec<(Piece, u16)> {
    let lang = app.lang();
    let theme = &app.settings.theme;
    let center = &app.catalog.center;
    let mut out = Vec::new();
    let text = |lines: Vec<Line<'static>>, out: &mut Vec<(Piece, u16)>| {
        let height = paragraph(lines.clone()).line_count(width) as u16;
        out.push((Piece::Text(lines), height));
    };

    if let Some(line) = greeting {
        text(vec![line], &mut out);
    }
    let short_name = center.short_name.get(lang);
    let size = level
        .big_headline
        .then(|| headline_size(short_name, width, level.tall_headline))
        .flatten();
    let rows = size.map_or(1, |size| 8 / pixels_per_cell(size).1);
    out.push((Piece::Headline(size), rows));
    if level.full_name {
        text(
            vec![Line::styled(center.name.get(lang).to_string(), theme.base)],
            &mut out,
        );
    }
    if level.tagline {
        text(
            vec![Line::styled(
                center.tagline.get(lang).to_string(),
                theme.dim,
            )],
            &mut out,
        );
    }
    text(application_status(app, lang), &mut out);
    out.push((Piece::Card, 0));
    out
}

fn draw_piece(frame: &mut Frame, app: &App, piece: &Piece, rect: Rect) {
    if rect.is_empty() {
        return;
    }
    let theme = &app.settings.theme;
    match piece {
        Piece::Headline(size) => {
            let name = app.catalog.center.short_name.get(app.lang()).to_string();
            match size {
                Some(size) => frame.render_widget(
                    BigText::builder()
                        .pixel_size(*size)
                        .style(theme.title)
                        .lines(vec![Line::from(name)])
                        .centered()
                        .build(),
                    rect,
                ),
                None => frame.render_widget(
                    Paragraph::new(Line::styled(name, theme.title)).centered(),
                    rect,
                ),
            }
        }
        Piece::Text(lines) => frame.render_widget(paragraph(lines.clone()), rect),
        Piece::Card => draw_card(frame, app, rect),
    }
}

fn paragraph(lines: Vec<Line<'static>>) -> Paragraph<'static> {
    Paragraph::new(lines).centered().wrap(Wrap { trim: true })
}

/// The largest block letters `text` fits in at `width`: 8 rows tall when allowed,
/// otherwise 4, with full-width letters before half-width ones.
fn headline_size(text: &str, width: u16, tall: bool) -> Option<PixelSize> {
    let glyphs = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
    let sizes: &[PixelSize] = if tall {
        &[PixelSize::Full, PixelSize::HalfHeight, PixelSize::Quadrant]
    } else {
        &[PixelSize::HalfHeight, PixelSize::Quadrant]
    };
    sizes
        .iter()
        .copied()
        .find(|size| glyphs.saturating_mul(8 / pixels_per_cell(*size).0) <= width)
}

/// Font pixels per terminal cell (across, down) of each size the headline uses.
fn pixels_per_cell(size: PixelSize) -> (u16, u16) {
    match size {
        PixelSize::Full => (1, 1),
        PixelSize::HalfHeight => (1, 2),
        PixelSize::HalfWidth => (2, 1),
        _ => (2, 2),
    }
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

/// Today's application status in one line, plus "N days left!" near the end.
fn application_status(app: &App, lang: Lang) -> Vec<Line<'static>> {
    let s = t(lang);
    let theme = &app.settings.theme;
    let status = status_with_accuracy(&app.catalog.center.application.window, app.settings.today);
    let day = |d| {
        let day = date_short(lang, d);
        if status.approximate {
            fill(s.about_date, &[&day])
        } else {
            day
        }
    };
    match status.status {
        WindowStatus::Open { days_left: 1, .. } => {
            vec![Line::styled(s.attract_last_day, theme.warn)]
        }
        WindowStatus::Open { closes, days_left } => {
            let mut lines = vec![Line::styled(
                fill(s.attract_open, &[&day(closes)]),
                theme.title,
            )];
            if days_left <= 30 {
                lines.push(Line::styled(
                    fill(s.apply_days_left, &[&days_left]),
                    theme.warn,
                ));
            }
            lines
        }
        WindowStatus::NotYetOpen { opens } => vec![Line::styled(
            fill(s.attract_not_yet, &[&day(opens)]),
            theme.title,
        )],
        WindowStatus::Closed { closed, next_opens } => vec![Line::styled(
            match next_opens {
                Some(next) => fill(s.attract_closed, &[&day(next)]),
                // No next date the calendar can hold (a preview at the end of time).
                None => fill(s.apply_closed_no_next, &[&day(closed)]),
            },
            theme.title,
        )],
    }
}

/// The program of the moment, in a bordered card as rich as its height allows.
fn draw_card(frame: &mut Frame, app: &App, rect: Rect) {
    let Some(program) = app
        .attract_program()
        .and_then(|i| app.catalog.programs.get(i))
    else {
        return;
    };
    let theme = &app.settings.theme;
    let block = Block::bordered()
        .border_style(theme.accent)
        .style(theme.base)
        .padding(Padding::horizontal(CARD_PADDING));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if inner.is_empty() {
        return;
    }
    let lines = card_lines(app, program, inner.width, inner.height);
    let used = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let top = inner.height.saturating_sub(used) / 2;
    let text = Rect {
        y: inner.y + top,
        height: inner.height - top,
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), text);
}

/// Lines already wrapped to the card's width: what is measured is what is drawn, and
/// measuring every program's card each frame stays cheap.
type Part = Vec<Line<'static>>;

/// `text` wrapped to `width`, each line centred (or left-aligned for a paragraph).
fn wrapped(text: &str, width: u16, style: Style, centred: bool) -> Part {
    wrap(text, usize::from(width), "")
        .into_iter()
        .map(|l| {
            let line = Line::styled(l, style);
            if centred {
                line.centered()
            } else {
                line.left_aligned()
            }
        })
        .collect()
}

/// "Label: value" wrapped to `width` and centred, the label in its own style.
fn labelled(label: &str, value: &str, width: u16, label_style: Style, style: Style) -> Part {
    let label = format!("{label}: ");
    let mut lines = wrap(&format!("{label}{value}"), usize::from(width), "").into_iter();
    let mut out = Vec::new();
    if let Some(first) = lines.next() {
        let line = match first.strip_prefix(label.trim_end()) {
            Some(rest) => Line::from(vec![
                Span::styled(label.trim_end().to_string(), label_style),
                Span::styled(rest.to_string(), style),
            ]),
            None => Line::styled(first, style),
        };
        out.push(line.centered());
    }
    out.extend(lines.map(|l| Line::styled(l, style).centered()));
    out
}

/// A program's card, part by part.
struct Card {
    name: Part,
    area: Part,
    summary: Part,
    description: Part,
    campus: Part,
    careers: Option<Part>,
}

impl Card {
    fn new(app: &App, p: &Program, width: u16) -> Card {
        let lang = app.lang();
        let theme = &app.settings.theme;
        let careers = (!p.careers.is_empty()).then(|| {
            let names: Vec<&str> = p.careers.iter().map(|c| c.get(lang)).collect();
            let label = t(lang).detail_careers;
            labelled(label, &names.join(" · "), width, theme.dim, theme.base)
        });
        Card {
            area: wrapped(&super::sector_name(app, p), width, theme.dim, true),
            // A paragraph reads best left-aligned; the short parts stay centred.
            description: wrapped(p.description.get(lang), width, theme.base, false),
            careers,
            ..Card::plain(app, p, width)
        }
    }

    /// What every card shows: name, summary, campus (the other parts left empty).
    fn plain(app: &App, p: &Program, width: u16) -> Card {
        let lang = app.lang();
        let theme = &app.settings.theme;
        Card {
            name: wrapped(p.name.get(lang), width, theme.title, true),
            area: Vec::new(),
            summary: wrapped(p.summary.get(lang), width, theme.base, true),
            description: Vec::new(),
            campus: campus_lines(app, p, width),
            careers: None,
        }
    }

    /// The parts to show, one tier per list, richest first: every part; then without
    /// example careers, the description, the career area; last name, summary, campus.
    fn tiers(&self) -> Vec<Vec<&Part>> {
        let mut tiers = Vec::new();
        if let Some(careers) = &self.careers {
            tiers.push(vec![
                &self.name,
                &self.area,
                &self.summary,
                &self.description,
                &self.campus,
                careers,
            ]);
        }
        tiers.push(vec![
            &self.name,
            &self.area,
            &self.summary,
            &self.description,
            &self.campus,
        ]);
        tiers.push(vec![&self.name, &self.area, &self.summary, &self.campus]);
        tiers.push(vec![&self.name, &self.summary, &self.campus]);
        tiers
    }
}

/// Rows `parts` take, with a blank row between parts or not.
fn parts_height(parts: &[&Part], blanks: bool) -> u16 {
    let lines: usize = parts.iter().map(|part| part.len()).sum();
    let blank_rows = if blanks {
        parts.len().saturating_sub(1)
    } else {
        0
    };
    u16::try_from(lines + blank_rows).unwrap_or(u16::MAX)
}

/// The card's lines: the richest tier that fits `rows`, with blank rows between its parts
/// when they fit too.
fn card_lines(app: &App, p: &Program, width: u16, rows: u16) -> Vec<Line<'static>> {
    let card = Card::new(app, p, width);
    let tiers = card.tiers();
    let (parts, blanks) = tiers
        .iter()
        .flat_map(|parts| [(parts, true), (parts, false)])
        .find(|(parts, blanks)| parts_height(parts, *blanks) <= rows)
        .unwrap_or((&tiers[tiers.len() - 1], false));
    let mut out = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if blanks && i > 0 {
            out.push(Line::raw(""));
        }
        out.extend(part.iter().cloned());
    }
    out
}

/// The height every program's card fits in at its plainest, borders included: the card
/// never changes size as it rotates, and never cuts a summary.
fn card_min_height(app: &App, width: u16) -> u16 {
    let inner = width.saturating_sub(2 + 2 * CARD_PADDING);
    let tallest = app
        .catalog
        .programs
        .iter()
        .map(|p| {
            let card = Card::plain(app, p, inner);
            parts_height(&[&card.name, &card.summary, &card.campus], false)
        })
        .max()
        .unwrap_or(0);
    tallest + 2
}

/// "Campus: ROC (Regional Occupational Center)", or "Campus: ROC" when the long form
/// would not fit on one line of `width`, or as lists say it ("Partner program",
/// "Campus: ask us").
fn campus_lines(app: &App, p: &Program, width: u16) -> Part {
    let lang = app.lang();
    let s = t(lang);
    let theme = &app.settings.theme;
    match app.catalog.center.campus(p.campus.as_deref()) {
        Some(c) if p.kind != ProgramKind::Partner => {
            let long = format!("{} ({})", c.name.get(lang), c.full_name.get(lang));
            let fits = s.campus.width() + 2 + long.width() <= usize::from(width);
            let name = if fits {
                long
            } else {
                c.name.get(lang).to_string()
            };
            labelled(s.campus, &name, width, theme.dim, theme.base)
        }
        _ => wrapped(&super::campus_name(app, p), width, theme.dim, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_takes_the_largest_letters_that_fit() {
        // "ROC + CTEC" is 10 letters: 80 columns at 8 per letter, 40 at 4.
        assert_eq!(headline_size("ROC + CTEC", 96, true), Some(PixelSize::Full));
        assert_eq!(
            headline_size("ROC + CTEC", 96, false),
            Some(PixelSize::HalfHeight)
        );
        assert_eq!(
            headline_size("ROC + CTEC", 79, true),
            Some(PixelSize::Quadrant)
        );
        assert_eq!(headline_size("ROC + CTEC", 39, true), None);
    }
}
