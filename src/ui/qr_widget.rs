//! Paints a [`QrPlan`] into a ratatui buffer: every cell of the code, quiet zone
//! included, with explicit black-on-white colours, centred in the area, never clipped.
//!
//! The theme is deliberately ignored (also under `NO_COLOR`): the code is an image, and
//! a code in the terminal's default colours becomes a negative on dark themes.
//!
//! Which half-block glyph a mixed cell gets, and why, is `qr::CellPaint::half_block`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::qr::{ColorDepth, QrPlan};

/// Lets the QR code's explicit colours reach the terminal when `NO_COLOR` is set.
///
/// crossterm honours `NO_COLOR` by dropping every colour sequence it writes, the code's
/// black and white included: the code then shows as bare glyphs in the terminal's
/// default colours, a negative on a dark theme that no scanner reads (seen in xterm).
/// The kiosk honours `NO_COLOR` itself (`Theme::no_color` sets no colour anywhere), so
/// the only colours left to write are the code's. Call once before the first frame.
pub fn keep_code_colours_under_no_color() {
    ratatui::crossterm::style::Colored::set_ansi_color_disabled(false);
}

/// Draws the plan's code centred in the render area. Draws nothing at all when the
/// code does not fit whole in the part of the area that lies inside the buffer; check
/// [`QrWidget::fits`] first to show a "make the window bigger" message instead.
#[derive(Debug, Clone, Copy)]
pub struct QrWidget<'a> {
    plan: QrPlan<'a>,
    depth: ColorDepth,
}

impl<'a> QrWidget<'a> {
    pub fn new(plan: QrPlan<'a>, depth: ColorDepth) -> QrWidget<'a> {
        QrWidget { plan, depth }
    }

    /// The cells the code will occupy when rendered into `area` of `buf`, or `None`
    /// when it would not fit (then `render` leaves the buffer untouched).
    pub fn placement(&self, area: Rect, buf: &Buffer) -> Option<Rect> {
        self.plan.rect_in(area.intersection(buf.area))
    }

    /// Whether the code fits whole in `area` (ignoring the buffer's bounds).
    pub fn fits(&self, area: Rect) -> bool {
        self.plan.rect_in(area).is_some()
    }
}

impl Widget for QrWidget<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(rect) = self.placement(area, buf) else {
            return;
        };
        let colour = |is_dark: bool| {
            if is_dark {
                self.depth.dark()
            } else {
                self.depth.light()
            }
        };
        for row in 0..rect.height {
            for col in 0..rect.width {
                let Some(cell) = buf.cell_mut((rect.x + col, rect.y + row)) else {
                    continue;
                };
                // Reset first so no theme modifier (REVERSED, DIM, ...) survives.
                cell.reset();
                let paint = self.plan.cell_paint(col, row);
                let (fg_dark, bg_dark) = paint.fg_bg_dark();
                cell.set_symbol(paint.symbol())
                    .set_fg(colour(fg_dark))
                    .set_bg(colour(bg_dark));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qr::{QrMode, QrStyle, UrlCode};
    use ratatui::style::{Color, Modifier, Style};

    const URL: &str = "https://roc.kernhigh.org";

    fn themed_buffer(w: u16, h: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
        buf.set_style(
            buf.area,
            Style::new()
                .fg(Color::Yellow)
                .bg(Color::Blue)
                .add_modifier(Modifier::REVERSED | Modifier::BOLD),
        );
        buf
    }

    #[test]
    fn every_code_cell_is_explicit_black_or_white_without_modifiers() {
        let code = UrlCode::encode(URL).unwrap();
        for (w, h, depth) in [
            (80, 24, ColorDepth::Indexed256),
            (120, 40, ColorDepth::TrueColor),
        ] {
            let mut buf = themed_buffer(w, h);
            let plan = code.plan(Rect::new(0, 0, w, h), QrStyle::Auto).unwrap();
            let widget = QrWidget::new(plan, depth);
            let rect = widget.placement(buf.area, &buf).unwrap();
            widget.render(buf.area, &mut buf);
            for y in 0..h {
                for x in 0..w {
                    let cell = &buf[(x, y)];
                    let inside = rect.contains((x, y).into());
                    if inside {
                        assert!([depth.dark(), depth.light()].contains(&cell.fg));
                        assert!([depth.dark(), depth.light()].contains(&cell.bg));
                        assert_ne!(cell.fg, cell.bg, "cell {x},{y}");
                        assert!(cell.modifier.is_empty());
                        assert!([" ", "▀", "▄"].contains(&cell.symbol()));
                    } else {
                        assert_eq!(cell.bg, Color::Blue, "outside the code is untouched");
                    }
                }
            }
        }
    }

    #[test]
    fn too_small_or_degenerate_areas_draw_nothing_and_never_panic() {
        let code = UrlCode::encode(URL).unwrap();
        let plan = QrPlan::new(code.preferred(), QrMode::Half);
        let (cols, rows) = plan.size();
        let widget = QrWidget::new(plan, ColorDepth::TrueColor);
        let areas = [
            Rect::new(0, 0, 0, 0),
            Rect::new(0, 0, cols - 1, rows),
            Rect::new(0, 0, cols, rows - 1),
            // Partly outside the buffer: the visible part is too small.
            Rect::new(30, 10, cols, rows),
            // Entirely outside.
            Rect::new(500, 500, cols, rows),
            Rect::new(u16::MAX - 3, u16::MAX - 3, 3, 3),
        ];
        for area in areas {
            let mut buf = themed_buffer(60, 30);
            let before = buf.clone();
            widget.render(area, &mut buf);
            assert_eq!(buf, before, "area {area:?}");
        }
        // An area bigger than the buffer: the code goes in the visible part, whole.
        let mut buf = themed_buffer(60, 30);
        widget.render(Rect::new(0, 0, 400, 400), &mut buf);
        let painted = buf
            .content()
            .iter()
            .filter(|c| c.bg == Color::Rgb(255, 255, 255) || c.bg == Color::Rgb(0, 0, 0))
            .count();
        assert_eq!(painted, usize::from(cols) * usize::from(rows));
        assert!(widget.fits(Rect::new(0, 0, cols, rows)));
        assert!(!widget.fits(Rect::new(0, 0, cols, rows - 1)));
    }
}
