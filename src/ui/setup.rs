//! The set-up screen a fresh install starts on: a new PIN twice, the event name and the
//! language each visit starts in. Keys only (a click could not type a PIN); the
//! language label switches the screen's language.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{Hotspots, centered};
use crate::app::{App, SetupProblem, SetupStep};
use crate::i18n::{Lang, fill, t};

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hot: &mut Hotspots) {
    super::chrome::language_button(frame, app, area, hot);
    let Some(setup) = &app.setup else { return };
    let s = t(app.lang());
    let theme = &app.settings.theme;
    let (number, prompt) = match setup.step {
        SetupStep::Pin => (1, s.setup_pin),
        SetupStep::ConfirmPin => (2, s.setup_confirm),
        SetupStep::EventName => (3, s.setup_event),
        SetupStep::Language => (4, s.setup_lang),
    };
    let answer = match setup.step {
        SetupStep::Pin | SetupStep::ConfirmPin => Line::styled(
            format!("[ {:<8} ]", "●".repeat(setup.typed.len())),
            theme.title,
        ),
        SetupStep::EventName => Line::styled(format!("{}▏", setup.event_name.as_str()), theme.key),
        SetupStep::Language => {
            let choice = |lang: Lang, label: &'static str| {
                let style = if setup.lang == lang {
                    theme.selected
                } else {
                    theme.base
                };
                Span::styled(format!(" {label} "), style)
            };
            Line::from(vec![
                Span::styled("◀ ", theme.dim),
                choice(Lang::En, s.setup_english),
                Span::raw("  "),
                choice(Lang::Es, s.setup_spanish),
                Span::styled(" ▶", theme.dim),
            ])
        }
    };
    let mut lines = vec![
        Line::styled(s.setup_intro, theme.base),
        Line::raw(""),
        Line::styled(fill(s.setup_step, &[&number]), theme.dim),
        Line::styled(prompt, theme.base),
        Line::raw(""),
        answer,
        Line::raw(""),
    ];
    if let Some(problem) = setup.problem {
        let text = match problem {
            SetupProblem::PinFormat => s.setup_pin_format,
            SetupProblem::PinsDiffer => s.setup_pins_differ,
        };
        lines.push(Line::styled(text, theme.warn));
    } else {
        lines.push(Line::raw(""));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(s.setup_keys, theme.dim));
    let block = Block::bordered()
        .title(format!(" {} ", s.setup_title))
        .border_style(theme.accent)
        .style(theme.base);
    let box_area = centered(area, 72, 15).intersection(Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    });
    frame.render_widget(
        Paragraph::new(lines)
            .centered()
            .wrap(Wrap { trim: true })
            .block(block),
        box_area,
    );
}
