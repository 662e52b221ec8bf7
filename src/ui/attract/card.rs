//! The program card: the program of the moment in a bordered box, with as many of its
//! parts as the card's height allows. Its least height is worked out over the whole
//! catalog ([`min_height`]), so the card keeps its size as it rotates.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::app::App;
use crate::catalog::{Program, ProgramKind};
use crate::i18n::t;
use crate::ui::wrap::wrap;

/// Columns between the card's border and its text.
const PADDING: u16 = 1;

/// The program of the moment, in a bordered card as rich as its height allows.
pub(super) fn draw(frame: &mut Frame, app: &App, rect: Rect) {
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
        .padding(Padding::horizontal(PADDING));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if inner.is_empty() {
        return;
    }
    let lines = card_lines(app, program, inner.width, inner.height);
    let used = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines),
        super::centred(inner, inner.width, used),
    );
}

/// The height every program's card fits in at its plainest, borders included: the card
/// never changes size as it rotates, and never cuts a summary.
pub(super) fn min_height(app: &App, width: u16) -> u16 {
    let inner = width.saturating_sub(2 + 2 * PADDING);
    let tallest = app
        .catalog
        .programs
        .iter()
        .map(|p| {
            let card = Card::plain(app, p, inner);
            card.tier(PLAINEST)
                .map_or(0, |parts| parts_height(&parts, false))
        })
        .max()
        .unwrap_or(0);
    tallest + 2
}

/// Lines already wrapped to the card's width: what is measured is what is drawn, and
/// measuring every program's card each frame stays cheap.
type Lines = Vec<Line<'static>>;

/// The parts of a card, in the order they stand on it.
#[derive(Clone, Copy)]
enum Part {
    Name,
    /// The career area (the program's sector).
    Area,
    Summary,
    Description,
    Campus,
    /// Example careers; not every program lists them.
    Careers,
}

/// What every card can show: name, summary, campus.
const PLAINEST: &[Part] = &[Part::Name, Part::Summary, Part::Campus];

/// The parts to show, one tier per list, richest first: every part; then without example
/// careers, the description, the career area. A tier with a part the program lacks is
/// passed over.
const TIERS: [&[Part]; 4] = [
    &[
        Part::Name,
        Part::Area,
        Part::Summary,
        Part::Description,
        Part::Campus,
        Part::Careers,
    ],
    &[
        Part::Name,
        Part::Area,
        Part::Summary,
        Part::Description,
        Part::Campus,
    ],
    &[Part::Name, Part::Area, Part::Summary, Part::Campus],
    PLAINEST,
];

/// A program's card, part by part.
struct Card {
    name: Lines,
    area: Lines,
    summary: Lines,
    description: Lines,
    campus: Lines,
    careers: Option<Lines>,
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
            area: wrapped(&crate::ui::sector_name(app, p), width, theme.dim, true),
            // A paragraph reads best left-aligned; the short parts stay centred.
            description: wrapped(p.description.get(lang), width, theme.base, false),
            careers,
            ..Card::plain(app, p, width)
        }
    }

    /// The parts of [`PLAINEST`] (the others left empty).
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

    /// The lines of `part`, or `None` when the program has no such part.
    fn part(&self, part: Part) -> Option<&Lines> {
        match part {
            Part::Name => Some(&self.name),
            Part::Area => Some(&self.area),
            Part::Summary => Some(&self.summary),
            Part::Description => Some(&self.description),
            Part::Campus => Some(&self.campus),
            Part::Careers => self.careers.as_ref(),
        }
    }

    /// The lines of each part of `tier`, or `None` when the program lacks one of them.
    fn tier(&self, tier: &[Part]) -> Option<Vec<&Lines>> {
        tier.iter().map(|&part| self.part(part)).collect()
    }
}

/// Rows `parts` take, with a blank row between parts or not.
fn parts_height(parts: &[&Lines], blanks: bool) -> u16 {
    let lines: usize = parts.iter().map(|part| part.len()).sum();
    let blank_rows = if blanks {
        parts.len().saturating_sub(1)
    } else {
        0
    };
    u16::try_from(lines + blank_rows).unwrap_or(u16::MAX)
}

/// The card's lines: the richest tier that fits `rows`, with blank rows between its parts
/// when they fit too; the plainest tier, cut, when none fits.
fn card_lines(app: &App, p: &Program, width: u16, rows: u16) -> Vec<Line<'static>> {
    let card = Card::new(app, p, width);
    let (parts, blanks) = TIERS
        .iter()
        .filter_map(|tier| card.tier(tier))
        .flat_map(|parts| [(parts.clone(), true), (parts, false)])
        .find(|(parts, blanks)| parts_height(parts, *blanks) <= rows)
        .unwrap_or_else(|| (card.tier(PLAINEST).unwrap_or_default(), false));
    let mut out = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if blanks && i > 0 {
            out.push(Line::raw(""));
        }
        out.extend(part.iter().cloned());
    }
    out
}

/// `text` wrapped to `width`, each line centred (or left-aligned for a paragraph).
fn wrapped(text: &str, width: u16, style: Style, centred: bool) -> Lines {
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
fn labelled(label: &str, value: &str, width: u16, label_style: Style, style: Style) -> Lines {
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

/// "Campus: ROC (Regional Occupational Center)", or "Campus: ROC" when the long form
/// would not fit on one line of `width`, or as lists say it ("Partner program",
/// "Campus: ask us").
fn campus_lines(app: &App, p: &Program, width: u16) -> Lines {
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
        _ => wrapped(&crate::ui::campus_name(app, p), width, theme.dim, true),
    }
}
