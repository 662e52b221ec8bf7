//! The headline: the center's short name in block letters (`tui-big-text`), as large as
//! the column's width allows, or in plain letters when no block size fits.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

use crate::app::App;

/// The largest block letters `text` fits in at `width`: 8 rows tall when allowed,
/// otherwise 4, with full-width letters before half-width ones.
pub(super) fn size(text: &str, width: u16, tall: bool) -> Option<PixelSize> {
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

/// Rows the headline takes: the font's 8 pixel rows at `size`, or one row of plain letters.
pub(super) fn rows(size: Option<PixelSize>) -> u16 {
    size.map_or(1, |size| 8 / pixels_per_cell(size).1)
}

/// The center's short name, centred in `rect`: in block letters of `size`, or plain.
pub(super) fn draw(frame: &mut Frame, app: &App, size: Option<PixelSize>, rect: Rect) {
    let style = app.settings.theme.title;
    let name = app.catalog.center.short_name.get(app.lang()).to_string();
    match size {
        Some(size) => frame.render_widget(
            BigText::builder()
                .pixel_size(size)
                .style(style)
                .lines(vec![Line::from(name)])
                .centered()
                .build(),
            rect,
        ),
        None => frame.render_widget(Paragraph::new(Line::styled(name, style)).centered(), rect),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_takes_the_largest_letters_that_fit() {
        // "ROC + CTEC" is 10 letters: 80 columns at 8 per letter, 40 at 4.
        assert_eq!(size("ROC + CTEC", 96, true), Some(PixelSize::Full));
        assert_eq!(size("ROC + CTEC", 96, false), Some(PixelSize::HalfHeight));
        assert_eq!(size("ROC + CTEC", 79, true), Some(PixelSize::Quadrant));
        assert_eq!(size("ROC + CTEC", 39, true), None);
    }

    #[test]
    fn block_letters_take_eight_font_rows_and_plain_letters_one() {
        assert_eq!(rows(Some(PixelSize::Full)), 8);
        assert_eq!(rows(Some(PixelSize::HalfHeight)), 4);
        assert_eq!(rows(Some(PixelSize::Quadrant)), 4);
        assert_eq!(rows(None), 1);
    }
}
