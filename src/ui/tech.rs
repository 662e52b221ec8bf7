//! The technician's screens: the PIN prompt and the menu (today's figures, settings, exit).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{Hotspots, centered};
use crate::app::state::MAX_PIN_TRIES;
use crate::app::{App, Screen, Target};
use crate::i18n::{fill, t};

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hot: &mut Hotspots) {
    super::chrome::language_button(frame, app, area, hot);
    if app.screen() == Screen::Pin {
        pin(frame, app, area);
    } else {
        menu(frame, app, area, hot);
    }
}

fn pin(frame: &mut Frame, app: &App, area: Rect) {
    let s = t(app.lang());
    let theme = &app.settings.theme;
    let mut lines = vec![
        Line::styled(s.pin_prompt, theme.base),
        Line::raw(""),
        Line::styled(
            format!("[ {:<8} ]", "●".repeat(app.tech.pin.len())),
            theme.title,
        ),
    ];
    if app.tech.failures > 0 {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            fill(s.pin_wrong, &[&(MAX_PIN_TRIES - app.tech.failures)]),
            theme.warn,
        ));
    }
    let block = Block::bordered()
        .title(format!(" {} ", s.pin_title))
        .border_style(theme.accent)
        .style(theme.base);
    frame.render_widget(
        Paragraph::new(lines)
            .centered()
            .wrap(Wrap { trim: true })
            .block(block),
        centered(area, 50, 9),
    );
}

fn menu(frame: &mut Frame, app: &App, area: Rect, hot: &mut Hotspots) {
    let s = t(app.lang());
    let theme = &app.settings.theme;
    let area = area.inner(ratatui::layout::Margin {
        horizontal: 2,
        vertical: 1,
    });
    frame.render_widget(
        Paragraph::new(Line::styled(s.tech_title, theme.title)),
        Rect { height: 1, ..area },
    );

    let event = app
        .settings
        .event_name
        .clone()
        .unwrap_or_else(|| s.tech_none.to_string());
    let items = [
        fill(s.tech_event, &[&event]),
        fill(s.tech_idle, &[&app.settings.idle_timeout.as_secs()]),
        s.tech_qr.to_string(),
        s.tech_refresh.to_string(),
        s.tech_exit.to_string(),
    ];
    let mut y = area.y + 2;
    for (i, item) in items.iter().enumerate() {
        let rect = Rect {
            y,
            height: 1,
            ..area
        }
        .intersection(area);
        let style = if i == app.tech.selected {
            theme.selected
        } else {
            theme.base
        };
        frame.render_widget(
            Paragraph::new(format!(" {}  {item}", i + 1)).style(style),
            rect,
        );
        hot.add(rect, Target::TechItem(i));
        y += 1;
    }
    y += 1;
    for notice in notices(app) {
        // Each notice gets every line it wraps to, so a long path reads in full.
        let height = notice.line_count(area.width) as u16;
        let rect = Rect { y, height, ..area }.intersection(area);
        frame.render_widget(notice, rect);
        y = y.saturating_add(height + 1);
    }
    let mut lines = vec![Line::styled(s.tech_today, theme.title)];
    if let Some(today) = &app.tech.figures {
        lines.extend(
            figures(app, today)
                .into_iter()
                .map(|(k, v)| Line::raw(format!("  {k}: {v}"))),
        );
    }
    let rect = Rect {
        y,
        height: area.bottom().saturating_sub(y + 1),
        ..area
    }
    .intersection(area);
    frame.render_widget(
        Paragraph::new(lines)
            .style(theme.base)
            .wrap(Wrap { trim: false }),
        rect,
    );
    let keys = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..area
    }
    .intersection(area);
    frame.render_widget(Paragraph::new(s.keys_tech).style(theme.dim), keys);
}

/// What the technician must know before the figures: the event name being typed, and
/// anything that is not being saved, each wrapped to the width.
fn notices(app: &App) -> Vec<Paragraph<'static>> {
    let s = t(app.lang());
    let theme = &app.settings.theme;
    let tech = &app.tech;
    let editing = tech
        .editing_event
        .as_ref()
        .map(|name| (fill(s.tech_editing, &[&format!("{name}▏")]), theme.key));
    let warnings = [
        (s.tech_log_problem, &tech.log_problem),
        (s.tech_log_recreated, &tech.log_recreated),
        (s.tech_settings_not_saved, &tech.settings_problem),
    ]
    .into_iter()
    .filter_map(|(text, value)| value.as_ref().map(|v| (fill(text, &[v]), theme.warn)));
    editing
        .into_iter()
        .chain(warnings)
        .map(|(text, style)| Paragraph::new(text).style(style).wrap(Wrap { trim: true }))
        .collect()
}

/// Today's figures as (label, value) rows in the app's language.
fn figures(app: &App, today: &crate::stats::Summary) -> Vec<(&'static str, String)> {
    let s = t(app.lang());
    let mut rows = vec![
        (s.tech_sessions, today.sessions.to_string()),
        (
            s.tech_median,
            today
                .median_session_secs
                .map_or_else(|| "-".to_string(), crate::stats::duration),
        ),
        (s.tech_quizzes, today.quizzes_finished.to_string()),
        (s.tech_apply_shown, today.apply_shown.to_string()),
        (s.tech_views, today.programs_viewed.to_string()),
    ];
    if let Some((id, n)) = today.top_programs_viewed.first() {
        let name = app
            .catalog
            .programs
            .iter()
            .find(|p| &p.id == id)
            .map_or(id.as_str(), |p| p.name.get(app.lang()));
        rows.push((s.tech_most_viewed, format!("{name} ({n})")));
    }
    rows
}
