//! The QR column beside the text: the application's code, "scan with your phone" and the
//! URL, when the window leaves room for them beside a readable text column.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::GAP;
use crate::app::App;
use crate::i18n::t;
use crate::qr::{QrPlan, QrStyle};
use crate::ui::qr_widget::QrWidget;

/// The text column is never narrower than this beside a half-block code...
const MIN_TEXT_WIDTH: u16 = 40;
/// ...and a full-block code is only chosen when the text keeps this much.
const MIN_TEXT_BESIDE_FULL_QR: u16 = 60;
/// Rows kept under the code for its label and the URL (a label that wraps takes more
/// when the column has them).
const CAPTION_ROWS: u16 = 2;

/// The code and the way it is drawn, or `None` when the window leaves no room for it
/// beside a readable text column. Full blocks (easier for a phone) only when the text
/// still gets a comfortable column; the technician's `qr_style` is respected.
pub(super) fn plan(app: &App, body: Rect) -> Option<QrPlan<'_>> {
    let code = app.apply_code.as_deref()?;
    let room = |min_text: u16| Rect {
        width: body.width.saturating_sub(min_text + GAP),
        height: body.height.saturating_sub(CAPTION_ROWS),
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

/// The code, its "scan with your phone" label and the URL, centred in `column` (as wide
/// as the code: the plan fits its height less [`CAPTION_ROWS`]).
pub(super) fn draw(frame: &mut Frame, app: &App, plan: QrPlan<'_>, column: Rect) {
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
    let block = super::centred(column, cols, rows + gap + caption_rows);
    let [code_rect, _, caption_rect] = Layout::vertical([
        Constraint::Length(rows),
        Constraint::Length(gap),
        Constraint::Length(caption_rows),
    ])
    .areas(block);
    frame.render_widget(QrWidget::new(plan, app.settings.color_depth), code_rect);
    frame.render_widget(caption, caption_rect);
}
