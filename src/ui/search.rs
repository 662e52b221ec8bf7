//! Search: the query box on top, results below, updated on every keystroke.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{Hotspots, list, program_row};
use crate::app::App;
use crate::i18n::{fill, t};

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hot: &mut Hotspots) {
    let s = t(app.lang());
    let theme = &app.settings.theme;
    let query = app.student.search.input.0.as_str();

    frame.render_widget(
        Paragraph::new(Line::styled(format!(" {}", s.search_prompt), theme.dim)),
        Rect { height: 1, ..area },
    );
    let boxed = Rect {
        y: area.y + 1,
        height: 3,
        ..area
    };
    let shown = if query.is_empty() {
        Line::from(vec![
            Span::styled("▏", theme.key),
            Span::styled(s.search_placeholder, theme.dim),
        ])
    } else {
        Line::from(vec![
            Span::styled(query, theme.title),
            Span::styled("▏", theme.key),
        ])
    };
    frame.render_widget(
        Paragraph::new(shown).block(
            Block::bordered()
                .border_style(theme.accent)
                .style(theme.base),
        ),
        boxed,
    );

    let rows_area = Rect {
        y: area.y + 5,
        height: area.height.saturating_sub(5),
        ..area
    };
    let programs = app.search_rows();
    if programs.is_empty() {
        frame.render_widget(
            Paragraph::new(vec![
                Line::styled(fill(s.search_no_match, &[&query.trim()]), theme.title),
                Line::raw(""),
                Line::raw(s.search_no_match_hint),
            ])
            .wrap(Wrap { trim: true }),
            rows_area.inner(ratatui::layout::Margin {
                horizontal: 1,
                vertical: 0,
            }),
        );
        return;
    }

    let count = fill(s.results_count, &[&programs.len()]);
    let mut rows = Vec::new();
    if query.trim().is_empty() {
        // No query yet: every program, grouped under its career area.
        let mut last_sector = None;
        for (i, &program) in programs.iter().enumerate() {
            let p = &app.catalog.programs[program];
            if last_sector != Some(&p.sector) {
                last_sector = Some(&p.sector);
                let heading = super::sector_name(app, p);
                rows.push(list::Row {
                    lines: vec![Line::styled(format!("── {heading}"), theme.accent)],
                    target: None,
                });
            }
            rows.push(list::Row {
                lines: program_row(app, program, &[], rows_area.width),
                target: Some(i),
            });
        }
        frame.render_widget(
            Paragraph::new(Line::styled(
                format!(" {} ({count})", s.search_all_programs),
                theme.dim,
            )),
            Rect {
                y: area.y + 4,
                height: 1,
                ..area
            },
        );
    } else {
        for (i, hit) in app.student.search.hits.iter().enumerate() {
            rows.push(list::Row {
                lines: program_row(app, hit.program, &hit.name_highlight, rows_area.width),
                target: Some(i),
            });
        }
        // A partial match says so, so the student knows some words found nothing.
        let line = if app.student.search.partial {
            Line::styled(
                format!(" {}", fill(s.search_partial, &[&programs.len()])),
                theme.accent,
            )
        } else {
            Line::styled(format!(" {count}"), theme.dim)
        };
        frame.render_widget(
            Paragraph::new(line),
            Rect {
                y: area.y + 4,
                height: 1,
                ..area
            },
        );
    }
    list::draw(
        frame,
        rows_area,
        &rows,
        app.student.search.selected,
        theme.selected,
        hot,
    );
}
