//! How to apply: the application QR code (black on white, never clipped) with what to do
//! with it and where it leads (the label, the host in bold, the URL), the application
//! window's status for today, and who can apply. Text longer than the window scrolls.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::qr_widget::QrWidget;
use crate::app::{App, PageView};
use crate::apply::{WindowStatus, status_with_accuracy};
use crate::i18n::{Lang, date, fill, t};
use crate::qr::QrPlan;

/// The text column beside the code is never narrower than this.
const MIN_TEXT_WIDTH: u16 = 36;

/// Draws the Apply screen and says how far its text scrolls at this size.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) -> PageView {
    let s = t(app.lang());
    let theme = &app.settings.theme;
    let layout = layout(app, area);
    if let Some((plan, code_rect)) = layout.code {
        frame.render_widget(QrWidget::new(plan, app.settings.color_depth), code_rect);
    }
    if let Some((caption, under)) = layout.caption_under {
        frame.render_widget(caption, under);
    }
    let text_area = layout.text_area;
    let max = layout.max_scroll;
    let page = PageView::new(max, text_area.height);
    if max == 0 {
        frame.render_widget(layout.text, text_area);
        return page;
    }
    // Longer than the column (Spanish at 80x24): it scrolls, with a bar and a "More below"
    // line under it, so no section is ever dropped.
    let scroll = app.student.scroll.min(max);
    frame.render_widget(layout.text.scroll((scroll, 0)), text_area);
    super::chrome::scroll_bar(frame, area, text_area, scroll, max, theme.accent);
    // `max` > 0 here, so there is always a hint.
    let more = super::chrome::more_hint(scroll, max, s).unwrap_or_default();
    let more_row = Rect {
        y: text_area.bottom(),
        height: 1,
        ..text_area
    }
    .intersection(area);
    frame.render_widget(
        Paragraph::new(Line::styled(more, theme.accent)).right_aligned(),
        more_row,
    );
    page
}

/// Where everything goes in `area`: the code, its caption when it fits under the code,
/// the text column and how far the column scrolls (which `draw` hands back, so the keys
/// scroll exactly as far as the screen shows).
struct Layout<'a> {
    code: Option<(QrPlan<'a>, Rect)>,
    caption_under: Option<(Paragraph<'a>, Rect)>,
    text: Paragraph<'a>,
    text_area: Rect,
    max_scroll: u16,
}

fn layout(app: &App, area: Rect) -> Layout<'_> {
    let lang = app.lang();
    let s = t(lang);
    let theme = &app.settings.theme;
    let code = app.apply_code.as_deref();
    // The text shown is what the code holds, so the two can never disagree.
    let url = code.map_or(app.catalog.center.application.url.as_str(), |c| c.url());

    let qr_area = Rect {
        width: area.width.saturating_sub(MIN_TEXT_WIDTH + 2),
        ..area
    };
    let plan = code.map(|code| code.plan(qr_area, app.settings.qr_style));
    // What goes with a drawn code: what to do, the host the phone will open (so a
    // URL that reads like one site but opens another shows its real host), the URL.
    let mut caption = vec![Line::styled(s.apply_scan, theme.accent)];
    if let Some(host) = code.and_then(|code| code.host()) {
        caption.push(Line::styled(host, theme.base.add_modifier(Modifier::BOLD)));
    }
    caption.push(Line::styled(url, theme.dim));

    let mut lines = Vec::new();
    let mut drawn_code = None;
    let mut caption_under = None;
    let text_area = match plan {
        Some(Ok(plan)) => {
            let (w, h) = plan.size();
            // The code sits at the left; the caption goes under it when it fits whole.
            let code_rect = Rect {
                x: area.x + 1,
                y: area.y,
                width: w.min(area.width),
                height: h.min(area.height),
            };
            drawn_code = Some((plan, code_rect));
            let under = Rect {
                x: code_rect.x,
                y: code_rect.bottom(),
                width: w,
                height: area.bottom().saturating_sub(code_rect.bottom()),
            }
            .intersection(area);
            let under_code = Paragraph::new(caption.clone())
                .style(theme.base)
                .centered()
                .wrap(Wrap { trim: true });
            if under_code.line_count(under.width) <= usize::from(under.height) {
                caption_under = Some((under_code, under));
            } else {
                // No room under the code (a long URL at 80x24): first in the text column.
                lines.extend(caption);
                lines.push(Line::raw(""));
            }
            let text_x = code_rect.right() + 2;
            Rect {
                x: text_x,
                width: area.right().saturating_sub(text_x + 1),
                ..area
            }
        }
        Some(Err(need)) => {
            let msg = fill(s.apply_need_bigger, &[&need.cols, &need.rows]);
            lines.push(Line::styled(msg, theme.warn));
            lines.push(Line::styled(url, theme.title));
            lines.push(Line::raw(""));
            area
        }
        None => {
            lines.push(Line::styled(url, theme.title));
            lines.push(Line::raw(""));
            area
        }
    };

    lines.extend(status_lines(app, lang));
    let center = &app.catalog.center;
    for (label, text) in [
        (s.apply_who, &center.eligibility.students),
        (s.apply_bus, &center.eligibility.busing),
        (s.apply_counselor, &center.eligibility.counselor),
        (s.apply_adults, &center.eligibility.adults),
    ] {
        lines.push(Line::raw(""));
        lines.push(Line::styled(label, theme.title));
        lines.push(Line::styled(text.get(lang), theme.base));
    }
    let text = Paragraph::new(lines)
        .style(theme.base)
        .wrap(Wrap { trim: true });
    let total = text.line_count(text_area.width);
    let (text_area, max_scroll) = if total <= usize::from(text_area.height) {
        (text_area, 0)
    } else {
        // The last row is the "More below" line.
        let shown = Rect {
            height: text_area.height.saturating_sub(1),
            ..text_area
        };
        let rows = u16::try_from(total).unwrap_or(u16::MAX);
        (shown, rows.saturating_sub(shown.height))
    };
    Layout {
        code: drawn_code,
        caption_under,
        text,
        text_area,
        max_scroll,
    }
}

/// The window's status for the app's date, in words.
fn status_lines(app: &App, lang: Lang) -> Vec<Line<'static>> {
    let s = t(lang);
    let theme = &app.settings.theme;
    let status = status_with_accuracy(&app.catalog.center.application.window, app.settings.today);
    let mut lines = match status.status {
        WindowStatus::Open { closes, days_left } => {
            let mut v = vec![Line::styled(
                fill(s.apply_open_until, &[&date(lang, closes)]),
                theme.title,
            )];
            if days_left == 1 {
                v.push(Line::styled(s.apply_last_day, theme.warn));
            } else if days_left <= 30 {
                v.push(Line::styled(
                    fill(s.apply_days_left, &[&days_left]),
                    theme.warn,
                ));
            }
            v
        }
        WindowStatus::NotYetOpen { opens } => {
            vec![Line::styled(
                fill(s.apply_not_yet, &[&date(lang, opens)]),
                theme.title,
            )]
        }
        WindowStatus::Closed { closed, next_opens } => {
            let text = match next_opens {
                Some(next) => fill(s.apply_closed, &[&date(lang, closed), &date(lang, next)]),
                None => fill(s.apply_closed_no_next, &[&date(lang, closed)]),
            };
            vec![Line::styled(text, theme.title)]
        }
    };
    if status.approximate {
        lines.push(Line::styled(s.apply_approximate, theme.dim));
    }
    lines
}
