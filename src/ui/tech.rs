//! The technician's screens: the PIN prompt and the menu (today's figures, settings, exit).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, Block, Paragraph, Wrap};

use super::{Hotspots, centered};
use crate::app::lockout::minutes_seconds;
use crate::app::{App, Screen, Target, TechItem};
use crate::i18n::report::report_text;
use crate::i18n::{fill, t};
use crate::stats::Summary;

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
    let lock = &app.tech.lock;
    let mut lines = vec![
        Line::styled(s.pin_prompt, theme.base),
        Line::raw(""),
        Line::styled(
            format!("[ {:<8} ]", "●".repeat(app.tech.pin.len())),
            theme.title,
        ),
    ];
    let warning = match lock.remaining(app.now) {
        Some(left) => Some(fill(s.pin_locked, &[&minutes_seconds(left)])),
        None if lock.wrong == 0 => None,
        None if lock.tries_before_lock() > 0 => {
            Some(fill(s.pin_wrong, &[&lock.tries_before_lock()]))
        }
        None => Some(s.pin_wrong_again.to_string()),
    };
    if let Some(warning) = warning {
        lines.push(Line::raw(""));
        lines.push(Line::styled(warning, theme.warn));
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
    let title_row = Rect { height: 1, ..area };
    frame.render_widget(
        Paragraph::new(Line::styled(s.tech_title, theme.title)),
        title_row,
    );
    // Beside the title, so it costs the figures no row at 80x24.
    let wrong_style = if app.tech.wrong_before_unlock > 0 {
        theme.warn
    } else {
        theme.dim
    };
    frame.render_widget(
        Paragraph::new(fill(s.tech_wrong_pins, &[&app.tech.wrong_before_unlock]))
            .style(wrong_style)
            .right_aligned(),
        title_row,
    );

    let event = app
        .settings
        .event_name
        .clone()
        .unwrap_or_else(|| s.tech_none.to_string());
    let idle = match app.tech.picking_idle {
        Some(secs) => fill(s.tech_idle_picking, &[&secs]),
        None => fill(s.tech_idle, &[&app.settings.idle_timeout.as_secs()]),
    };
    let label = |item: TechItem| match item {
        TechItem::EventName => fill(s.tech_event, &[&event]),
        TechItem::IdleTimeout => idle.clone(),
        TechItem::PreviewQr => s.tech_qr.to_string(),
        TechItem::Figures => s.tech_refresh.to_string(),
        TechItem::Exit => s.tech_exit.to_string(),
    };
    let mut y = area.y + 2;
    for item in TechItem::ALL {
        let rect = Rect {
            y,
            height: 1,
            ..area
        }
        .intersection(area);
        let style = if item == app.tech.selected {
            theme.selected
        } else {
            theme.base
        };
        frame.render_widget(
            Paragraph::new(format!(" {}  {}", item.key(), label(item))).style(style),
            rect,
        );
        hot.add(rect, Target::TechItem(item));
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
    let rect = match &app.tech.figures {
        Some(today) => today_chart(frame, app, today, rect),
        None => rect,
    };
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
    let editing = tech.editing_event.as_ref().map(|name| {
        let typed = format!("{}▏", name.as_str());
        (fill(s.tech_editing, &[&typed]), theme.key)
    });
    let confirm = tech
        .confirm_exit
        .then(|| (s.tech_confirm_exit.to_string(), theme.warn));

    let warnings = [
        (s.tech_log_problem, &tech.log_problem),
        (s.tech_log_recreated, &tech.log_recreated),
        (s.tech_settings_not_saved, &tech.settings_problem),
    ]
    .into_iter()
    .filter_map(|(text, value)| value.as_ref().map(|v| (fill(text, &[v]), theme.warn)));
    confirm
        .into_iter()
        .chain(editing)
        .chain(warnings)
        .map(|(text, style)| Paragraph::new(text).style(style).wrap(Wrap { trim: true }))
        .collect()
}

/// Today's figures as (label, value) rows in the app's language.
fn figures(app: &App, today: &crate::stats::Summary) -> Vec<(&'static str, String)> {
    let s = t(app.lang());
    vec![
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
    ]
}

// ------------------------------------------------------------------ today's chart

/// Beside today's figures: visits by hour as a bar chart, and the three most viewed
/// programs under it. Returns the room left for the figures on the left.
fn today_chart(frame: &mut Frame, app: &App, today: &Summary, area: Rect) -> Rect {
    /// Wide enough for the longest figure row, in both languages.
    const FIGURES: u16 = 34;
    if area.width < FIGURES + 20 || area.height < 2 {
        return area;
    }
    let [figures, _, right] = Layout::horizontal([
        Constraint::Length(FIGURES),
        Constraint::Length(2),
        Constraint::Fill(1),
    ])
    .areas(area);
    let top_rows = today.top_programs_viewed.len().min(3) as u16;
    let top_rows = if top_rows > 0 { top_rows + 1 } else { 0 };
    // A taller chart says no more; the rest of a big window stays empty below.
    let [chart, _, top, _] = Layout::vertical([
        Constraint::Max(14),
        Constraint::Length(u16::from(top_rows > 0)),
        Constraint::Length(top_rows),
        Constraint::Fill(1),
    ])
    .areas(right);
    visits_by_hour(frame, app, today, chart);
    top_three(frame, app, today, top);
    figures
}

/// A bar per hour from the first busy hour to the last, each labelled "09" under it (or
/// the span under the chart when the bars are too thin for labels).
fn visits_by_hour(frame: &mut Frame, app: &App, today: &Summary, area: Rect) {
    let text = report_text(app.lang());
    let theme = &app.settings.theme;
    if area.height < 2 {
        return;
    }
    let [title, chart] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    frame.render_widget(Paragraph::new(text.tech_by_hour).style(theme.title), title);
    let busy: Vec<usize> = (0..24).filter(|&h| today.sessions_by_hour[h] > 0).collect();
    let (Some(&first), Some(&last)) = (busy.first(), busy.last()) else {
        frame.render_widget(Paragraph::new(text.tech_no_visits).style(theme.dim), chart);
        return;
    };
    if chart.height < 3 {
        return;
    }
    let hours = first..=last;
    let n = hours.clone().count() as u16;
    let slot = (chart.width / n).max(1);
    let (bar_width, gap) = match slot {
        1 => (1, 0),
        2 => (1, 1),
        _ => ((slot - 1).min(5), 1),
    };
    let labelled = bar_width >= 2;
    let bars: Vec<Bar> = hours
        .map(|h| {
            let bar = Bar::new(today.sessions_by_hour[h]);
            if labelled {
                bar.label(Line::from(format!("{h:02}")))
            } else {
                bar
            }
        })
        .collect();
    let [bars_area, caption] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::from(!labelled)),
    ])
    .areas(chart);
    frame.render_widget(
        BarChart::vertical(bars)
            .bar_width(bar_width)
            .bar_gap(gap)
            .bar_style(theme.accent)
            .value_style(theme.selected)
            .label_style(theme.dim)
            .style(theme.base),
        bars_area,
    );
    if !labelled {
        frame.render_widget(
            Paragraph::new(format!("{first:02}–{last:02}")).style(theme.dim),
            caption,
        );
    }
}

/// "1. Robotics Engineering (12)", in the app's language.
fn top_three(frame: &mut Frame, app: &App, today: &Summary, area: Rect) {
    let s = t(app.lang());
    let theme = &app.settings.theme;
    let mut lines = vec![Line::styled(s.tech_most_viewed, theme.title)];
    for (i, (id, n)) in today.top_programs_viewed.iter().take(3).enumerate() {
        let name = app
            .catalog
            .programs
            .iter()
            .find(|p| &p.id == id)
            .map_or(id.as_str(), |p| p.name.get(app.lang()));
        lines.push(Line::styled(format!("{}. {name} ({n})", i + 1), theme.base));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}
