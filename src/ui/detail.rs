//! Program detail: every catalog fact laid out for a student. A fact nobody has confirmed
//! reads "Ask a Career Technician" rather than a guess. Scrolls when long.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Hotspots, campus_name, chrome, sector_name};
use crate::app::{App, Target};
use crate::catalog::{Program, Text};
use crate::i18n::{fill, t};

/// Widest the text column gets; long lines are hard to read.
const MAX_TEXT_WIDTH: u16 = 100;

pub fn draw(frame: &mut Frame, app: &App, program: usize, area: Rect, hot: &mut Hotspots) {
    let Some(p) = app.catalog.programs.get(program) else {
        return;
    };
    let s = t(app.lang());
    let theme = &app.settings.theme;
    let text_area = text_area(area);
    let paragraph = Paragraph::new(lines(app, p))
        .style(theme.base)
        .wrap(Wrap { trim: false });
    let scroll = app
        .student
        .scroll
        .min(max_scroll_for(&paragraph, text_area));
    frame.render_widget(paragraph.scroll((scroll, 0)), text_area);

    let button_row = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..text_area
    };
    chrome::button(
        frame,
        button_row,
        button_row.x,
        s.apply_button,
        Target::Apply,
        theme.button,
        hot,
    );
}

/// The body minus the apply button row, centred and no wider than is comfortable to read.
fn text_area(area: Rect) -> Rect {
    let area = area.inner(Margin {
        horizontal: 1,
        vertical: 0,
    });
    let width = area.width.min(MAX_TEXT_WIDTH);
    Rect {
        x: area.x + (area.width - width) / 2,
        width,
        height: area.height.saturating_sub(2),
        ..area
    }
}

fn max_scroll_for(paragraph: &Paragraph, area: Rect) -> u16 {
    let total = paragraph.line_count(area.width) as u16;
    total.saturating_sub(area.height)
}

/// How far the detail of `program` can scroll in a body of the app's current size.
pub fn max_scroll(app: &App, program: usize) -> u16 {
    let Some(p) = app.catalog.programs.get(program) else {
        return 0;
    };
    let (w, h) = app.size;
    // Same geometry as `draw`: the chrome takes 3 rows.
    let body = Rect {
        x: 0,
        y: 2,
        width: w,
        height: h.saturating_sub(3),
    };
    max_scroll_for(
        &Paragraph::new(lines(app, p)).wrap(Wrap { trim: false }),
        text_area(body),
    )
}

fn lines<'a>(app: &'a App, p: &'a Program) -> Vec<Line<'a>> {
    let lang = app.lang();
    let s = t(lang);
    let theme = &app.settings.theme;
    let ask = || Line::styled(format!("  {}", s.ask_technician), theme.accent);
    let heading = |label: &str| Line::styled(label.to_string(), theme.title);
    let bullets = |items: &'a [Text]| -> Vec<Line<'a>> {
        items
            .iter()
            .map(|x| Line::raw(format!("  • {}", x.get(lang))))
            .collect()
    };
    let center = &app.catalog.center;

    let mut out = vec![Line::styled(
        p.summary.get(lang),
        theme
            .title
            .patch(theme.base)
            .add_modifier(ratatui::style::Modifier::BOLD),
    )];
    let pathway = app
        .catalog
        .sectors
        .iter()
        .find(|x| x.id == p.sector)
        .and_then(|x| x.pathways.iter().find(|w| w.id == p.pathway))
        .map(|w| format!(" — {}", w.name.get(lang)))
        .unwrap_or_default();
    out.push(Line::from(vec![
        Span::styled(format!("{}: ", s.detail_sector), theme.dim),
        Span::raw(format!("{}{pathway}", sector_name(app, p))),
    ]));
    out.push(Line::raw(""));

    out.push(heading(s.detail_what_you_do));
    out.push(Line::raw(format!("  {}", p.description.get(lang))));
    if !p.highlights.is_empty() {
        out.push(heading(s.detail_highlights));
        out.extend(bullets(&p.highlights));
    }

    out.push(heading(s.detail_careers));
    if p.careers.is_empty() {
        out.push(ask())
    } else {
        out.extend(bullets(&p.careers))
    }

    out.push(heading(s.detail_certifications));
    if p.certifications.is_empty() {
        out.push(ask())
    } else {
        out.extend(bullets(&p.certifications))
    }

    out.push(heading(s.detail_college_credit));
    out.push(
        p.college_credit
            .as_ref()
            .map_or_else(ask, |c| Line::raw(format!("  {}", c.get(lang)))),
    );

    out.push(heading(s.detail_a_g));
    out.push(match p.a_g {
        Some(true) => Line::raw(format!("  {}", s.detail_a_g_yes)),
        Some(false) => Line::raw(format!("  {}", s.detail_a_g_no)),
        None => ask(),
    });

    out.push(heading(s.detail_campus));
    let place = center.campuses.iter().find(|c| c.id == p.campus);
    let address = place.and_then(|c| {
        c.address
            .clone()
            .or_else(|| c.location.as_ref().map(|l| l.get(lang).to_string()))
    });
    let full = place
        .map(|c| format!(" ({})", c.full_name.get(lang)))
        .unwrap_or_default();
    out.push(Line::raw(format!("  {}{full}", campus_name(app, p))));
    out.push(address.map_or_else(ask, |a| Line::raw(format!("  {a}"))));

    out.push(heading(s.detail_sessions));
    for id in &p.sessions {
        let line = match center.sessions.iter().find(|x| &x.id == id) {
            Some(x) => match (&x.start, &x.end) {
                (Some(a), Some(b)) => {
                    format!("  • {}: {}–{}", x.name.get(lang), clock(a), clock(b))
                }
                _ => format!("  • {}", x.name.get(lang)),
            },
            None => format!("  • {id}"),
        };
        out.push(Line::raw(line));
    }

    out.push(heading(s.detail_who));
    out.push(Line::raw(format!(
        "  {}: {}",
        s.detail_grades,
        grades(app, &p.grades)
    )));
    out.push(Line::raw(format!(
        "  {}",
        center.eligibility.students.get(lang)
    )));

    out.push(heading(s.detail_hours));
    out.push(p.hours.map_or_else(ask, |h| Line::raw(format!("  {h}"))));

    out.push(heading(s.detail_prerequisites));
    if p.prerequisites.is_empty() {
        out.push(ask())
    } else {
        out.extend(bullets(&p.prerequisites))
    }

    if let Some(url) = &p.info_url {
        out.push(heading(s.detail_more_info));
        out.push(Line::raw(format!("  {url}")));
    }
    out
}

/// "14:45" → "2:45": the booth's families read a 12-hour clock.
fn clock(hhmm: &str) -> String {
    let Some((h, m)) = hhmm.split_once(':') else {
        return hhmm.to_string();
    };
    match h.parse::<u8>() {
        Ok(h) => format!("{}:{m}", if h % 12 == 0 { 12 } else { h % 12 }),
        Err(_) => hhmm.to_string(),
    }
}

fn grades(app: &App, grades: &[u8]) -> String {
    let s = t(app.lang());
    let names: Vec<String> = grades
        .iter()
        .map(|g| match g {
            11 => s.junior.to_string(),
            12 => s.senior.to_string(),
            other => fill(s.grade_n, &[other]),
        })
        .collect();
    if names.is_empty() {
        s.ask_technician.to_string()
    } else {
        names.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::clock;

    #[test]
    fn clock_reads_twelve_hour() {
        assert_eq!(clock("07:30"), "7:30");
        assert_eq!(clock("14:45"), "2:45");
        assert_eq!(clock("12:00"), "12:00");
        assert_eq!(clock("x"), "x");
    }
}
