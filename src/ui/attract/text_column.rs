//! The text column: the greeting (when the top row has no room for it), the headline,
//! the center's full name, its tagline, the application status and the program card,
//! one above the other. The richest set of blocks that leaves the card its least height
//! is kept, and rows to spare go to the card and then to the spacing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use tui_big_text::PixelSize;

use super::{application_status, card, headline};
use crate::app::App;

/// The most rows the program card gets before spare rows go to spacing instead (its
/// least is worked out from the catalog: [`card::min_height`]).
const CARD_MAX_HEIGHT: u16 = 22;
/// Blank rows between blocks at most, when the window is tall.
const MAX_GAP: u16 = 4;

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

/// Draws the column in `area`, its blocks centred as a group.
pub(super) fn draw(frame: &mut Frame, app: &App, greeting: Option<Line<'static>>, area: Rect) {
    if area.is_empty() {
        return;
    }
    let card_min = card::min_height(app, area.width);
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
    // Blocks past the bottom (only when even the plainest level does not fit) are cut.
    let mut y = super::centred(area, area.width, used).y;
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
        let height = super::paragraph(lines.clone()).line_count(width) as u16;
        out.push((Piece::Text(lines), height));
    };

    if let Some(line) = greeting {
        text(vec![line], &mut out);
    }
    let size = level
        .big_headline
        .then(|| headline::size(center.short_name.get(lang), width, level.tall_headline))
        .flatten();
    out.push((Piece::Headline(size), headline::rows(size)));
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
    text(application_status::lines(app, lang), &mut out);
    out.push((Piece::Card, 0));
    out
}

fn draw_piece(frame: &mut Frame, app: &App, piece: &Piece, rect: Rect) {
    if rect.is_empty() {
        return;
    }
    match piece {
        Piece::Headline(size) => headline::draw(frame, app, *size, rect),
        Piece::Text(lines) => frame.render_widget(super::paragraph(lines.clone()), rect),
        Piece::Card => card::draw(frame, app, rect),
    }
}
