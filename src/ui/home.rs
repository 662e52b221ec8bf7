//! Home: a big menu with the number keys on screen. Only entries that work are shown.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Hotspots;
use crate::app::{App, MenuItem, Target};
use crate::i18n::t;

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hot: &mut Hotspots) {
    let s = t(app.lang());
    let theme = &app.settings.theme;
    let width = area.width.min(60);
    let x = area.x + (area.width - width) / 2;
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(s.home_title, theme.title),
            Line::styled(s.home_prompt, theme.dim),
        ])
        .centered(),
        Rect { height: 2, ..area },
    );
    let menu = app.menu();
    // Three rows per entry (blank, label, blank) make big touch targets.
    let mut y = area.y + 3;
    for (i, item) in menu.iter().enumerate() {
        if y + 3 > area.bottom() {
            break;
        }
        let rect = Rect {
            x,
            y,
            width,
            height: 3,
        };
        let selected = i == app.student.selected;
        let style = if selected { theme.selected } else { theme.base };
        let label = Line::from(vec![
            Span::styled(
                format!("  {}  ", item.key()),
                if selected { style } else { theme.key },
            ),
            Span::styled(label(app, *item), style),
        ]);
        frame.render_widget(
            Paragraph::new(vec![Line::raw(""), label]).style(style),
            rect,
        );
        hot.add(rect, Target::Menu(i));
        y += 3;
    }
}

fn label(app: &App, item: MenuItem) -> &'static str {
    let s = t(app.lang());
    match item {
        MenuItem::Search => s.menu_search,
        MenuItem::Quiz => s.menu_quiz,
        MenuItem::Browse => s.menu_browse,
        MenuItem::Apply => s.menu_apply,
        MenuItem::Language => s.menu_language,
    }
}
