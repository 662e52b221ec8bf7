//! Attract: what a passer-by sees. The center's name, the event, a program highlight that
//! changes every few seconds, and an invitation to touch any key.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{Hotspots, centered};
use crate::app::App;
use crate::i18n::{fill, t};

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hot: &mut Hotspots) {
    let lang = app.lang();
    let s = t(lang);
    let other = t(lang.toggled());
    let theme = &app.settings.theme;
    let center = &app.catalog.center;
    // Parents who read Spanish first can switch before touching anything else.
    super::chrome::language_button(frame, app, area, hot);
    let inner = centered(
        area,
        area.width.saturating_sub(4).min(100),
        area.height.saturating_sub(2),
    );
    let [title, tagline, event, _, highlight, _, prompt] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(7),
        Constraint::Fill(1),
        Constraint::Length(3),
    ])
    .areas(inner);

    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(center.short_name.get(lang).to_string(), theme.title),
            Line::styled(center.name.get(lang).to_string(), theme.base),
        ])
        .centered()
        .wrap(Wrap { trim: true }),
        title,
    );
    frame.render_widget(
        Paragraph::new(center.tagline.get(lang).to_string())
            .style(theme.dim)
            .centered()
            .wrap(Wrap { trim: true }),
        tagline,
    );
    let event_line = match (&app.settings.event_name, &app.settings.site) {
        (Some(event), Some(site)) => Some(format!("{} · {site}", fill(s.at_event, &[event]))),
        (Some(event), None) => Some(fill(s.at_event, &[event])),
        (None, Some(site)) => Some(fill(s.at_event, &[site])),
        (None, None) => None,
    };
    if let Some(line) = event_line {
        frame.render_widget(
            Paragraph::new(line)
                .style(theme.accent)
                .centered()
                .wrap(Wrap { trim: true }),
            event,
        );
    }

    if let Some(program) = app
        .attract_program()
        .and_then(|i| app.catalog.programs.get(i))
    {
        let campus = center
            .campus(program.campus.as_deref())
            .map(|c| format!("{} ({})", c.name.get(lang), c.full_name.get(lang)))
            .unwrap_or_else(|| super::campus_name(app, program));
        let block = Block::bordered()
            .border_style(theme.accent)
            .style(theme.base);
        frame.render_widget(
            Paragraph::new(vec![
                Line::styled(program.name.get(lang).to_string(), theme.title),
                Line::raw(""),
                Line::raw(program.summary.get(lang).to_string()),
                Line::from(vec![
                    Span::styled(format!("{}: ", s.campus), theme.dim),
                    Span::raw(campus),
                ]),
            ])
            .centered()
            .wrap(Wrap { trim: true })
            .block(block),
            highlight,
        );
    }

    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(s.press_any_key, theme.key),
            Line::styled(other.press_any_key, theme.dim),
            Line::styled(s.tap_to_start, theme.dim),
        ])
        .centered()
        .wrap(Wrap { trim: true }),
        prompt,
    );
}
