//! Program detail: every catalog fact laid out for a student. A fact nobody has confirmed
//! reads "Ask a Career Technician" rather than a guess. Scrolls when long.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::wrap::wrap;
use super::{Hotspots, chrome, sector_name};
use crate::app::{App, Target};
use crate::catalog::{Program, ProgramKind, Text};
use crate::i18n::{fill, grouped, t};

/// Widest the text column gets; long lines are hard to read.
const MAX_TEXT_WIDTH: u16 = 100;

pub fn draw(frame: &mut Frame, app: &App, program: usize, area: Rect, hot: &mut Hotspots) {
    let Some(p) = app.catalog.programs.get(program) else {
        return;
    };
    let s = t(app.lang());
    let theme = &app.settings.theme;
    let text_area = text_area(area);
    let lines = lines(app, p, text_area.width as usize);
    let scroll = app
        .student
        .scroll
        .min(max_scroll_for(lines.len(), text_area));
    frame.render_widget(
        Paragraph::new(lines).style(theme.base).scroll((scroll, 0)),
        text_area,
    );

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

fn max_scroll_for(lines: usize, area: Rect) -> u16 {
    (lines as u16).saturating_sub(area.height)
}

/// How far the detail of `program` can scroll in a body of the app's current size.
pub fn max_scroll(app: &App, program: usize) -> u16 {
    let Some(p) = app.catalog.programs.get(program) else {
        return 0;
    };
    let (w, h) = app.size;
    // Same geometry as `draw`: the chrome takes 3 rows.
    let area = text_area(Rect {
        x: 0,
        y: 2,
        width: w,
        height: h.saturating_sub(3),
    });
    max_scroll_for(lines(app, p, area.width as usize).len(), area)
}

/// Every fact as lines already wrapped to `width`, so wrapped lines keep their indent and
/// the scroll limit is simply the number of lines.
fn lines<'a>(app: &'a App, p: &'a Program, width: usize) -> Vec<Line<'a>> {
    let lang = app.lang();
    let s = t(lang);
    let theme = &app.settings.theme;
    let mut out: Vec<Line> = Vec::new();
    let para = |out: &mut Vec<Line<'a>>, text: &str, style: ratatui::style::Style| {
        out.extend(
            wrap(text, width, "  ")
                .into_iter()
                .map(|l| Line::styled(l, style)),
        );
    };
    let bullets = |out: &mut Vec<Line<'a>>, items: &'a [Text]| {
        for item in items {
            for (i, l) in wrap(item.get(lang), width, "    ").into_iter().enumerate() {
                // The first line carries the bullet in the indent's place.
                let l = if i == 0 {
                    format!("  • {}", &l[4..])
                } else {
                    l
                };
                out.push(Line::raw(l));
            }
        }
    };
    let heading = |out: &mut Vec<Line<'a>>, label: &str| {
        out.push(Line::raw(""));
        out.push(Line::styled(label.to_string(), theme.title));
    };
    let ask = |out: &mut Vec<Line<'a>>| {
        out.push(Line::styled(
            format!("  {}", s.ask_technician),
            theme.accent,
        ))
    };
    let center = &app.catalog.center;

    for l in wrap(p.summary.get(lang), width, "") {
        out.push(Line::styled(l, theme.title));
    }
    let pathway = app
        .catalog
        .sectors
        .iter()
        .find(|x| x.id == p.sector)
        .and_then(|x| x.pathways.iter().find(|w| w.id == p.pathway))
        .map(|w| format!(" — {}", w.name.get(lang)))
        .unwrap_or_default();
    let area_line = format!("{}: {}{pathway}", s.detail_sector, sector_name(app, p));
    out.extend(
        wrap(&area_line, width, "")
            .into_iter()
            .map(|l| Line::styled(l, theme.dim)),
    );
    if p.kind == ProgramKind::Partner {
        let note = format!("{}: {}", s.partner_program, s.detail_partner_note);
        out.extend(
            wrap(&note, width, "")
                .into_iter()
                .map(|l| Line::styled(l, theme.accent)),
        );
    }

    heading(&mut out, s.detail_what_you_do);
    para(&mut out, p.description.get(lang), theme.base);
    if !p.highlights.is_empty() {
        heading(&mut out, s.detail_highlights);
        bullets(&mut out, &p.highlights);
    }

    heading(&mut out, s.detail_careers);
    if p.careers.is_empty() {
        ask(&mut out)
    } else {
        bullets(&mut out, &p.careers)
    }

    heading(&mut out, s.detail_certifications);
    if p.certifications.is_empty() {
        ask(&mut out)
    } else {
        bullets(&mut out, &p.certifications)
    }

    heading(&mut out, s.detail_college_credit);
    match &p.college_credit {
        Some(c) => para(&mut out, c.get(lang), theme.base),
        None => ask(&mut out),
    }

    heading(&mut out, s.detail_a_g);
    match p.a_g {
        Some(true) => para(&mut out, s.detail_a_g_yes, theme.base),
        Some(false) => para(&mut out, s.detail_a_g_no, theme.base),
        None => ask(&mut out),
    }

    heading(&mut out, s.detail_campus);
    match center.campus(p.campus.as_deref()) {
        Some(place) => {
            let line = format!("{} ({})", place.name.get(lang), place.full_name.get(lang));
            para(&mut out, &line, theme.base);
            match place
                .address
                .clone()
                .or_else(|| place.location.as_ref().map(|l| l.get(lang).to_string()))
            {
                Some(address) => para(&mut out, &address, theme.base),
                None => ask(&mut out),
            }
        }
        // No source says where: never guess a campus.
        None => ask(&mut out),
    }

    heading(&mut out, s.detail_sessions);
    if p.session_ids().is_empty() {
        ask(&mut out);
    }
    for id in p.session_ids() {
        let line = match center.sessions.iter().find(|x| &x.id == id) {
            Some(x) => match (&x.start, &x.end) {
                (Some(a), Some(b)) => format!("{}: {}–{}", x.name.get(lang), clock(a), clock(b)),
                _ => x.name.get(lang).to_string(),
            },
            None => id.clone(),
        };
        para(&mut out, &format!("• {line}"), theme.base);
    }

    heading(&mut out, s.detail_who);
    para(
        &mut out,
        &format!("{}: {}", s.detail_grades, grades(app, &p.grades)),
        theme.base,
    );
    para(&mut out, center.eligibility.students.get(lang), theme.base);

    heading(&mut out, s.detail_hours);
    match p.hours {
        Some(h) => para(&mut out, &grouped(h), theme.base),
        None => ask(&mut out),
    }

    heading(&mut out, s.detail_prerequisites);
    if p.prerequisites.is_empty() {
        ask(&mut out)
    } else {
        bullets(&mut out, &p.prerequisites)
    }

    if let Some(url) = &p.info_url {
        heading(&mut out, s.detail_more_info);
        para(&mut out, url, theme.base);
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
