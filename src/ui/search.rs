//! Search: the query box on top, results below, updated on every keystroke. When no
//! program matches the query, the closest programs (if any) and two ways on: the quiz
//! and browsing by career area.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::wrap::wrap;
use super::{Hotspots, chrome, list, program_row};
use crate::app::{App, Target};
use crate::i18n::{Strings, fill, t};
use crate::search::Found;

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

    let status = Rect {
        y: area.y + 4,
        height: 1,
        ..area
    };
    let rows_area = Rect {
        y: area.y + 5,
        height: area.height.saturating_sub(5),
        ..area
    };
    let programs = app.search_rows();
    if query.trim().is_empty() {
        all_programs(frame, app, &programs, status, rows_area, hot);
        return;
    }
    let hits = &app.student.search.hits;
    let found = app.student.search.found;
    let line = match found {
        Found::Every => Line::styled(
            format!(" {}", fill(s.results_count, &[&hits.len()])),
            theme.dim,
        ),
        // Not everything matched: say so, so the student knows the list is a guess.
        Found::SomeWords => Line::styled(
            format!(" {}", fill(s.search_partial, &[&hits.len()])),
            theme.accent,
        ),
        Found::Closest => Line::styled(
            format!(" {}", fill(s.search_closest, &[&query.trim(), &hits.len()])),
            theme.accent,
        ),
        Found::Nothing => Line::styled(
            format!(" {}", fill(s.search_no_match, &[&query.trim()])),
            theme.title,
        ),
    };
    frame.render_widget(Paragraph::new(line), status);

    let actions = app.search_actions();
    // Room for the buttons and a blank line above them, when there are buttons.
    let reserve = if actions.is_empty() { 0 } else { 2 };
    let list_room = rows_area.height.saturating_sub(reserve);
    let list_bottom = if hits.is_empty() {
        let width = rows_area.width.saturating_sub(2);
        let lines: Vec<Line> = wrap(s.search_no_match_hint, width as usize, "")
            .into_iter()
            .map(Line::raw)
            .collect();
        let hint = Rect {
            x: rows_area.x + 1,
            y: rows_area.y + 1,
            width,
            height: (lines.len() as u16).min(list_room.saturating_sub(1)),
        };
        frame.render_widget(Paragraph::new(lines), hint);
        hint.bottom()
    } else {
        let rows: Vec<list::Row> = hits
            .iter()
            .enumerate()
            .map(|(i, hit)| list::Row {
                lines: program_row(app, hit.program, &hit.name_highlight, rows_area.width),
                target: Some(i),
            })
            .collect();
        let used: u16 = rows.iter().map(|r| r.lines.len() as u16).sum();
        let list_area = Rect {
            height: used.min(list_room),
            ..rows_area
        };
        // With a button selected, the list keeps its last row in view, unlit.
        let selected = app.student.search.selected;
        let (row, style) = if selected < rows.len() {
            (selected, theme.selected)
        } else {
            (rows.len() - 1, theme.base)
        };
        list::draw(frame, list_area, &rows, row, style, hot);
        list_area.bottom()
    };
    if !actions.is_empty() {
        let buttons = Rect {
            y: list_bottom + 1,
            height: 1,
            ..rows_area
        }
        .intersection(rows_area);
        let selected = app.student.search.selected.checked_sub(hits.len());
        action_buttons(frame, app, s, buttons, actions, selected, hot);
    }
}

/// No query yet: every program, grouped under its career area.
fn all_programs(
    frame: &mut Frame,
    app: &App,
    programs: &[usize],
    status: Rect,
    rows_area: Rect,
    hot: &mut Hotspots,
) {
    let s = t(app.lang());
    let theme = &app.settings.theme;
    let mut rows = Vec::new();
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
    let count = fill(s.results_count, &[&programs.len()]);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(" {} ({count})", s.search_all_programs),
            theme.dim,
        )),
        status,
    );
    list::draw(
        frame,
        rows_area,
        &rows,
        app.student.search.selected,
        theme.selected,
        hot,
    );
}

/// "Take the quiz" and "Browse by career area" in one row; the selected one (reached with
/// ↓ past the programs) is marked with ▸ and lit, so it shows without colour too.
fn action_buttons(
    frame: &mut Frame,
    app: &App,
    s: &Strings,
    row: Rect,
    actions: &[Target],
    selected: Option<usize>,
    hot: &mut Hotspots,
) {
    let theme = &app.settings.theme;
    let mut x = row.x + 1;
    for (i, &action) in actions.iter().enumerate() {
        let label = match action {
            Target::TakeQuiz => s.menu_quiz,
            _ => s.menu_browse,
        };
        let (label, style) = if selected == Some(i) {
            (format!("▸ {label}"), theme.key)
        } else {
            (label.to_string(), theme.button)
        };
        x = chrome::button(frame, row, x, &label, action, style, hot) + 2;
        if x >= row.right() {
            break;
        }
    }
}
