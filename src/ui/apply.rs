//! How to apply: the application QR code (black on white, never clipped), the URL as text,
//! the application window's status for today, and who can apply.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::Hotspots;
use super::qr_widget::QrWidget;
use crate::app::App;
use crate::apply::{WindowStatus, status_with_accuracy};
use crate::i18n::{Lang, date, fill, t};

/// The text column beside the code is never narrower than this.
const MIN_TEXT_WIDTH: u16 = 36;

pub fn draw(frame: &mut Frame, app: &App, area: Rect, _hot: &mut Hotspots) {
    let lang = app.lang();
    let s = t(lang);
    let theme = &app.settings.theme;
    let url = &app.catalog.center.application.url;

    let qr_area = Rect {
        width: area.width.saturating_sub(MIN_TEXT_WIDTH + 2),
        ..area
    };
    let plan = app
        .apply_code
        .as_deref()
        .map(|code| code.plan(qr_area, app.settings.qr_style));
    let (text_area, url_under_code) = match plan {
        Some(Ok(plan)) => {
            let widget = QrWidget::new(plan, app.settings.color_depth);
            let (w, h) = plan.size();
            // The code sits at the left; the URL goes under it when a row is free.
            let code_rect = Rect {
                x: area.x + 1,
                y: area.y,
                width: w.min(area.width),
                height: h.min(area.height),
            };
            frame.render_widget(widget, code_rect);
            let under = Rect {
                x: code_rect.x,
                y: code_rect.bottom(),
                width: w,
                height: 1,
            }
            .intersection(area);
            let text_x = code_rect.right() + 2;
            let text_area = Rect {
                x: text_x,
                width: area.right().saturating_sub(text_x + 1),
                ..area
            };
            if under.height == 1 {
                frame.render_widget(
                    Paragraph::new(Line::styled(url.as_str(), theme.title)).centered(),
                    under,
                );
                (text_area, true)
            } else {
                (text_area, false)
            }
        }
        Some(Err(need)) => {
            let msg = fill(s.apply_need_bigger, &[&need.cols, &need.rows]);
            let rect = Rect { height: 3, ..area };
            frame.render_widget(
                Paragraph::new(msg)
                    .style(theme.warn)
                    .wrap(Wrap { trim: true }),
                rect,
            );
            (
                Rect {
                    y: area.y + 3,
                    height: area.height.saturating_sub(3),
                    ..area
                },
                false,
            )
        }
        None => (area, false),
    };

    let mut lines = Vec::new();
    if !url_under_code {
        lines.push(Line::styled(s.apply_scan, theme.base));
        lines.push(Line::styled(url.as_str(), theme.title));
        lines.push(Line::raw(""));
    }
    lines.extend(status_lines(app, lang));
    let center = &app.catalog.center;
    // Most important first; on a small screen the last sections give way.
    let sections = [
        (s.apply_who, &center.eligibility.students),
        (s.apply_bus, &center.eligibility.busing),
        (s.apply_counselor, &center.eligibility.counselor),
        (s.apply_adults, &center.eligibility.adults),
    ];
    let mut shown = sections.len();
    let paragraph = loop {
        let mut all = lines.clone();
        for (label, text) in &sections[..shown] {
            all.push(Line::raw(""));
            all.push(Line::styled(*label, theme.title));
            all.push(Line::styled(text.get(lang), theme.base));
        }
        let paragraph = Paragraph::new(all)
            .style(theme.base)
            .wrap(Wrap { trim: true });
        if shown == 1 || paragraph.line_count(text_area.width) <= text_area.height as usize {
            break paragraph;
        }
        shown -= 1;
    };
    frame.render_widget(paragraph, text_area);
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
