//! The out-of-order screen, after repeated crashes: a sign for students in both languages
//! at once (whoever walks up can read it; there is nothing to switch), and a line for the
//! technician on how to close the kiosk so it can be started again.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::centered;
use crate::app::App;
use crate::i18n::{Lang, t};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let theme = &app.settings.theme;
    let mut sign = Vec::new();
    for lang in [Lang::En, Lang::Es] {
        let s = t(lang);
        if !sign.is_empty() {
            sign.push(Line::raw(""));
        }
        sign.push(Line::styled(
            s.out_of_order_title.to_uppercase(),
            theme.title,
        ));
        sign.push(Line::styled(s.out_of_order_body, theme.base));
    }
    let block = Block::bordered().border_style(theme.warn).style(theme.base);
    let box_area = centered(area, 60, sign.len() as u16 + 4);
    frame.render_widget(
        Paragraph::new(sign)
            .centered()
            .wrap(Wrap { trim: true })
            .block(block.padding(ratatui::widgets::Padding::vertical(1))),
        box_area,
    );

    let hint: Vec<Line> = [Lang::En, Lang::Es]
        .into_iter()
        .map(|lang| Line::styled(t(lang).out_of_order_tech, theme.dim))
        .collect();
    let height = hint.len() as u16;
    let hint_area = Rect {
        y: area.bottom().saturating_sub(height + 1),
        height,
        ..area
    }
    .intersection(area);
    frame.render_widget(Paragraph::new(hint).centered(), hint_area);
}
