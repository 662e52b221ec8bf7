//! Home: a big menu with the number keys on screen. Only entries that work are shown.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Hotspots;
use super::wrap::wrap;
use crate::app::{App, MenuItem, QuizProgress, Target};
use crate::i18n::{fill, grouped, t};

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hot: &mut Hotspots) {
    let s = t(app.lang());
    let theme = &app.settings.theme;
    let column = area.centered_horizontally(Constraint::Max(60));
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
    let row_height = 3;
    let mut y = area.y + 3;
    for (i, item) in menu.iter().enumerate() {
        if y + row_height > area.bottom() {
            break;
        }
        let rect = Rect {
            y,
            height: row_height,
            ..column
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
        y += row_height;
    }
    // One blank row under the menu, then the center's figures, when they fit whole.
    let below = Rect {
        y: y + 1,
        height: area.bottom().saturating_sub(y + 1),
        ..area
    };
    about_figures(frame, app, below);
}

/// "38 programs · 96% of seniors graduate · … (Source: LeadersUp, 2025)", centred, drawn only when
/// every line fits: a figure is never cut in half.
fn about_figures(frame: &mut Frame, app: &App, area: Rect) {
    let Some(f) = &app.catalog.center.figures else {
        return;
    };
    let lang = app.lang();
    let s = t(lang);
    let figures = fill(
        s.about_figures,
        &[
            &f.programs,
            &f.seniors_graduate_percent,
            &f.program_completion_percent,
            &grouped(f.college_credits_in_a_year),
        ],
    );
    // The title bar already names the center.
    let text = format!("{figures} ({})", fill(s.about_source, &[&f.source_name]));
    // No wider than an 80-column screen's, so wide screens get the same two short lines.
    let width = area.width.saturating_sub(2).min(78) as usize;
    let lines = wrap(&text, width, "");
    if width == 0 || lines.len() > area.height as usize {
        return;
    }
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| Line::styled(l, app.settings.theme.dim))
        .collect();
    frame.render_widget(Paragraph::new(lines).centered(), area);
}

/// An entry's label; the quiz's says how far the student got, so they see it is kept.
fn label(app: &App, item: MenuItem) -> String {
    let s = t(app.lang());
    match item {
        MenuItem::Search => s.menu_search.into(),
        MenuItem::Quiz => match app.quiz_progress() {
            QuizProgress::NotStarted => s.menu_quiz.into(),
            QuizProgress::InProgress(at, of) => fill(s.menu_quiz_continue, &[&at, &of]),
            QuizProgress::Finished => s.menu_matches.into(),
        },
        MenuItem::Browse => s.menu_browse.into(),
        MenuItem::Apply => s.menu_apply.into(),
        MenuItem::Language => s.menu_language.into(),
    }
}
