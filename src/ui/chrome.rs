//! The frame around every student screen: a title bar with the language switch, and a
//! bottom bar with Back and Home buttons and the keys for this screen. Returns the body.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::wrap::fit;
use super::{Hotspots, MIN_WIDTH};
use crate::app::{App, PageView, Screen, Target};
use crate::i18n::{Lang, t};

/// The body between the title bar (and a blank line under it) and the bottom bar.
pub fn body(area: Rect) -> Rect {
    Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(3),
        ..area
    }
}

/// Draws the title and bottom bars around the body, which is drawn first: the key line
/// says "scroll" only when the page the body just drew (`page`) does scroll.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, page: PageView, hot: &mut Hotspots) {
    // Title bar, a blank line, the body, the bottom bar. The gate guarantees 24 rows.
    let header = Rect { height: 1, ..area };
    let footer = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..area
    };

    let s = t(app.lang());
    let theme = &app.settings.theme;
    let title = title_text(
        app.catalog.center.short_name.get(app.lang()),
        &screen_title(app),
    );
    let title = fit(&title, title_width(app.lang(), header.width));
    frame.render_widget(Paragraph::new(title).style(theme.bar), header);
    button_row_right(
        frame,
        header,
        &language_switch(app.lang()),
        theme.button,
        hot,
    );

    frame.render_widget(Paragraph::new("").style(theme.bar), footer);
    let mut x = footer.x;
    // Home is as far back as a visit goes: in Back's place, "I'm done" ends the visit.
    let nav: &[(&str, Target)] = if app.screen() == Screen::Home {
        &[(s.menu_done, Target::Done)]
    } else {
        &[(s.back, Target::Back), (s.home, Target::Home)]
    };
    for &(label, target) in nav {
        x = button(frame, footer, x, label, target, theme.button, hot) + 1;
    }
    let keys = screen_keys(app, page);
    if x < footer.right() {
        let rect = Rect {
            x,
            width: footer.right() - x,
            ..footer
        };
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(format!(" {keys}"), theme.bar))),
            rect,
        );
    }
}

/// " ROC + CTEC · Welding": the center's short name and the screen's title.
fn title_text(short_name: &str, screen_title: &str) -> String {
    format!(" {short_name} · {screen_title}")
}

/// The columns of a `width`-column title bar left for its text: the language switch
/// takes the right end, with a space before it.
fn title_width(lang: Lang, width: u16) -> usize {
    let switch = usize::from(row_width(&language_switch(lang)));
    usize::from(width).saturating_sub(switch + 1)
}

/// How many columns of a program's name its page's title bar shows in `lang` on the
/// smallest screen the kiosk runs on ([`MIN_WIDTH`]); a longer name ends in "…" there,
/// and `roc-kiosk check` warns about it.
pub fn name_room(short_name: &str, lang: Lang) -> usize {
    let prefix = Span::raw(title_text(short_name, "")).width();
    title_width(lang, MIN_WIDTH).saturating_sub(prefix)
}

/// Draws `[ label ]` at column `x` of the one-line `row`, registers it, returns its right edge.
pub fn button(
    frame: &mut Frame,
    row: Rect,
    x: u16,
    label: &str,
    target: Target,
    style: ratatui::style::Style,
    hot: &mut Hotspots,
) -> u16 {
    let text = format!(" {label} ");
    let width = (Span::raw(&text).width() as u16).min(row.right().saturating_sub(x));
    let rect = Rect {
        x,
        y: row.y,
        width,
        height: 1,
    }
    .intersection(row);
    frame.render_widget(
        Paragraph::new(text).style(style.add_modifier(ratatui::style::Modifier::REVERSED)),
        rect,
    );
    hot.add(rect, target);
    rect.right()
}

/// The "F2 Español / F2 English" switch, at the right end of the first row of `area`.
pub fn language_button(frame: &mut Frame, app: &App, area: Rect, hot: &mut Hotspots) {
    let row = Rect {
        height: 1.min(area.height),
        ..area
    };
    button_row_right(
        frame,
        row,
        &language_switch(app.lang()),
        app.settings.theme.button,
        hot,
    );
}

/// The "F2 Español / F2 English" switch of the title bar, as a row of one button.
fn language_switch(lang: Lang) -> [(&'static str, Target); 1] {
    [(t(lang).other_language, Target::Lang)]
}

/// The columns a row of buttons takes: each button's ` label ` and the column after it.
fn row_width(items: &[(&str, Target)]) -> u16 {
    items
        .iter()
        .map(|(l, _)| Span::raw(*l).width() as u16 + 3)
        .sum()
}

/// Buttons packed against the right edge of `row`.
fn button_row_right(
    frame: &mut Frame,
    row: Rect,
    items: &[(&str, Target)],
    style: ratatui::style::Style,
    hot: &mut Hotspots,
) {
    let mut x = row.right().saturating_sub(row_width(items)).max(row.x);
    for (label, target) in items {
        x = button(frame, row, x, label, *target, style, hot) + 1;
    }
}

fn screen_title(app: &App) -> String {
    let s = t(app.lang());
    match app.screen() {
        Screen::Home => s.home.to_string(),
        Screen::Search => s.search_title.to_string(),
        Screen::BrowseSectors | Screen::BrowsePrograms { .. } => s.browse_title.to_string(),
        Screen::Detail { program } => app
            .catalog
            .programs
            .get(program)
            .map(|p| p.name.get(app.lang()).to_string())
            .unwrap_or_default(),
        Screen::Apply => s.menu_apply.to_string(),
        Screen::Quiz => s.quiz_title.to_string(),
        Screen::Results => s.results_title.to_string(),
        Screen::Attract | Screen::Pin | Screen::Tech | Screen::Setup | Screen::OutOfOrder => {
            String::new()
        }
    }
}

fn screen_keys(app: &App, page: PageView) -> &'static str {
    let s = t(app.lang());
    match app.screen() {
        Screen::Search => s.keys_search,
        Screen::BrowseSectors | Screen::BrowsePrograms { .. } => s.keys_browse,
        Screen::Detail { .. } => s.keys_detail,
        Screen::Apply if page.max_scroll > 0 => s.keys_apply,
        Screen::Home => s.keys_list,
        Screen::Quiz => match app.student.quiz.step {
            crate::app::QuizStep::Item(_) => s.keys_quiz,
            crate::app::QuizStep::Tiles => s.keys_tiles,
            crate::app::QuizStep::Choice(..) => s.keys_choice,
        },
        Screen::Results => s.keys_results,
        _ => "",
    }
}

/// The scroll bar of a text that scrolls (`scroll` of `max` rows): in the column at the
/// right edge of `area`, as tall as `text_area`. The detail and Apply screens share it.
pub fn scroll_bar(
    frame: &mut Frame,
    area: Rect,
    text_area: Rect,
    scroll: u16,
    max: u16,
    style: Style,
) {
    let bar = Rect {
        x: area.right().saturating_sub(1),
        width: 1.min(area.width),
        ..text_area
    };
    let mut state = ScrollbarState::new(usize::from(max) + 1).position(usize::from(scroll));
    frame.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight).style(style),
        bar,
        &mut state,
    );
}

/// "More below" while a scrolled text has more under it, "More above" once at its end, and
/// nothing when it does not scroll. The detail and Apply screens share the rule.
pub fn more_hint(scroll: u16, max: u16, s: &crate::i18n::Strings) -> Option<&'static str> {
    if scroll < max {
        Some(s.more_below)
    } else if scroll > 0 {
        Some(s.more_above)
    } else {
        None
    }
}
