//! Program detail: every catalog fact laid out for a student. Facts nobody has confirmed
//! are named together on one line ("Ask a Career Technician about: …") rather than
//! guessed. Scrolls when long, with an indicator; a heading never ends the visible part
//! without its content under it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Margin, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::wrap::wrap;
use super::{Hotspots, chrome, sector_name};
use crate::app::{App, PageView, Target};
use crate::catalog::{Program, ProgramKind, Text};
use crate::i18n::{Lang, fill, grouped, t};

/// Widest the text column gets; long lines are hard to read.
const MAX_TEXT_WIDTH: u16 = 100;

/// Draws the detail of `program` and says how far it scrolls at this size.
pub fn draw(
    frame: &mut Frame,
    app: &App,
    program: usize,
    area: Rect,
    hot: &mut Hotspots,
) -> PageView {
    let Some(p) = app.catalog.programs.get(program) else {
        return PageView::default();
    };
    let s = t(app.lang());
    let theme = &app.settings.theme;
    let text_area = text_area(area);
    let page = lines(app, p, text_area.width as usize);
    let max = max_scroll_for(page.lines.len(), text_area);
    let scroll = app.student.scroll.min(max);
    let shown = page.visible(scroll as usize, text_area.height as usize);
    frame.render_widget(Paragraph::new(shown).style(theme.base), text_area);

    // The scroll bar sits in the margin right of the text; it shows only when there is more.
    if max > 0 {
        chrome::scroll_bar(frame, area, text_area, scroll, max, theme.accent);
    }

    let button_row = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..text_area
    };
    let right = chrome::button(
        frame,
        button_row,
        button_row.x,
        s.apply_button,
        Target::Apply,
        theme.button,
        hot,
    );
    // "More below" while there is more; "More above" once at the end of a long page.
    if let Some(more) = chrome::more_hint(scroll, max, s) {
        let rest = Rect {
            x: right + 1,
            width: button_row.right().saturating_sub(right + 1),
            ..button_row
        };
        frame.render_widget(
            Paragraph::new(Line::styled(more, theme.accent)).right_aligned(),
            rest,
        );
    }
    PageView::new(max, text_area.height)
}

/// The body minus the apply button row, centred and no wider than is comfortable to read.
fn text_area(area: Rect) -> Rect {
    let area = area.inner(Margin {
        horizontal: 1,
        vertical: 0,
    });
    let column = area.centered_horizontally(Constraint::Max(MAX_TEXT_WIDTH));
    Rect {
        height: area.height.saturating_sub(2),
        ..column
    }
}

fn max_scroll_for(lines: usize, area: Rect) -> u16 {
    u16::try_from(lines)
        .unwrap_or(u16::MAX)
        .saturating_sub(area.height)
}

/// The detail's lines, already wrapped, and which of them are headings.
struct Page<'a> {
    lines: Vec<Line<'a>>,
    headings: Vec<bool>,
}

impl<'a> Page<'a> {
    /// The `rows` lines from `from`. A heading that would be the last of them, with its
    /// content out of sight, is left blank: it shows once its first line fits under it.
    fn visible(&self, from: usize, rows: usize) -> Vec<Line<'a>> {
        let end = (from + rows).min(self.lines.len());
        let mut shown: Vec<Line<'a>> = self.lines.get(from..end).unwrap_or_default().to_vec();
        let cut_short = end < self.lines.len();
        if cut_short
            && self.headings.get(end - 1).copied().unwrap_or(false)
            && let Some(last) = shown.last_mut()
        {
            *last = Line::raw("");
        }
        shown
    }
}

/// Every fact as lines already wrapped to `width`, so wrapped lines keep their indent and
/// the scroll limit is simply the number of lines.
fn lines<'a>(app: &'a App, p: &'a Program, width: usize) -> Page<'a> {
    let lang = app.lang();
    let s = t(lang);
    let theme = &app.settings.theme;
    let mut page = Page {
        lines: Vec::new(),
        headings: Vec::new(),
    };
    let push = |page: &mut Page<'a>, line: Line<'a>, heading: bool| {
        page.lines.push(line);
        page.headings.push(heading);
    };
    let para = |page: &mut Page<'a>, text: &str, style: ratatui::style::Style| {
        for l in wrap(text, width, "  ") {
            push(page, Line::styled(l, style), false);
        }
    };
    let bullets = |page: &mut Page<'a>, items: &[&'a Text]| {
        for item in items {
            for (i, l) in wrap(item.get(lang), width, "    ").into_iter().enumerate() {
                // The first line carries the bullet in the indent's place.
                let l = if i == 0 {
                    format!("  • {}", &l[4..])
                } else {
                    l
                };
                push(page, Line::raw(l), false);
            }
        }
    };
    let heading = |page: &mut Page<'a>, label: &str| {
        push(page, Line::raw(""), false);
        push(page, Line::styled(label.to_string(), theme.title), true);
    };
    // What no source confirms, named together at the end.
    let mut unknown: Vec<&str> = Vec::new();
    let center = &app.catalog.center;

    for l in wrap(p.summary.get(lang), width, "") {
        push(&mut page, Line::styled(l, theme.title), false);
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
    for l in wrap(&area_line, width, "") {
        push(&mut page, Line::styled(l, theme.dim), false);
    }
    if p.kind == ProgramKind::Partner {
        let note = format!("{}: {}", s.partner_program, s.detail_partner_note);
        for l in wrap(&note, width, "") {
            push(&mut page, Line::styled(l, theme.accent), false);
        }
    }

    heading(&mut page, s.detail_what_you_do);
    para(&mut page, p.description.get(lang), theme.base);
    let highlights = new_highlights(p);
    if !highlights.is_empty() {
        heading(&mut page, s.detail_highlights);
        bullets(&mut page, &highlights);
    }

    let all = |items: &'a [Text]| items.iter().collect::<Vec<_>>();
    if p.careers.is_empty() {
        unknown.push(s.ask_careers);
    } else {
        heading(&mut page, s.detail_careers);
        bullets(&mut page, &all(&p.careers));
    }

    if p.certifications.is_empty() {
        unknown.push(s.ask_certifications);
    } else {
        heading(&mut page, s.detail_certifications);
        bullets(&mut page, &all(&p.certifications));
    }

    match &p.college_credit {
        Some(c) => {
            heading(&mut page, s.detail_college_credit);
            para(&mut page, c.get(lang), theme.base);
        }
        None => unknown.push(s.ask_college_credit),
    }

    match p.a_g {
        Some(yes) => {
            heading(&mut page, s.detail_a_g);
            let answer = if yes {
                s.detail_a_g_yes
            } else {
                s.detail_a_g_no
            };
            para(&mut page, answer, theme.base);
        }
        None => unknown.push(s.ask_a_g),
    }

    // No source says where: never guess a campus.
    match center.campus(p.campus.as_deref()) {
        Some(place) => {
            heading(&mut page, s.detail_campus);
            let line = format!("{} ({})", place.name.get(lang), place.full_name.get(lang));
            para(&mut page, &line, theme.base);
            match place
                .address
                .clone()
                .or_else(|| place.location.as_ref().map(|l| l.get(lang).to_string()))
            {
                Some(address) => para(&mut page, &address, theme.base),
                None => unknown.push(s.ask_address),
            }
        }
        None => unknown.push(s.ask_campus),
    }

    if p.session_ids().is_empty() {
        unknown.push(s.ask_sessions);
    } else {
        heading(&mut page, s.detail_sessions);
        for id in p.session_ids() {
            let line = match center.sessions.iter().find(|x| &x.id == id) {
                Some(x) => match (&x.start, &x.end) {
                    (Some(a), Some(b)) => {
                        format!("{}: {}–{}", x.name.get(lang), clock(a), clock(b))
                    }
                    _ => x.name.get(lang).to_string(),
                },
                None => id.clone(),
            };
            para(&mut page, &format!("• {line}"), theme.base);
        }
    }

    heading(&mut page, s.detail_who);
    match grades(lang, &p.grades) {
        Some(grades) => para(
            &mut page,
            &format!("{}: {grades}", s.detail_grades),
            theme.base,
        ),
        None => unknown.push(s.ask_grades),
    }
    para(&mut page, center.eligibility.students.get(lang), theme.base);

    match p.hours {
        Some(h) => {
            heading(&mut page, s.detail_hours);
            para(&mut page, &grouped(h), theme.base);
        }
        None => unknown.push(s.ask_hours),
    }

    if p.prerequisites.is_empty() {
        unknown.push(s.ask_prerequisites);
    } else {
        heading(&mut page, s.detail_prerequisites);
        bullets(&mut page, &all(&p.prerequisites));
    }

    if !unknown.is_empty() {
        // Not a heading: a question to take to the booth, set apart in its own style.
        push(&mut page, Line::raw(""), false);
        let ask = fill(s.detail_ask_about, &[&unknown.join(", ")]);
        let style = theme.accent.add_modifier(Modifier::ITALIC);
        for l in wrap(&ask, width, "") {
            push(&mut page, Line::styled(l, style), false);
        }
    }

    if let Some(url) = &p.info_url {
        heading(&mut page, s.detail_more_info);
        para(&mut page, url, theme.base);
    }
    page
}

/// The program's highlights minus those that only repeat its summary or description
/// ("Shop building opened in 2019" under a description that says so already).
fn new_highlights(p: &Program) -> Vec<&Text> {
    p.highlights
        .iter()
        .filter(|h| {
            // Judged in both languages, so both show the same facts: a repeat in either
            // is a repeat.
            ![Lang::En, Lang::Es]
                .into_iter()
                .any(|lang| repeats(h.get(lang), &[p.summary.get(lang), p.description.get(lang)]))
        })
        .collect()
}

/// Whether every word of `text` that carries meaning (four letters or more, or any
/// number) is already in `said`. Words compare accent- and case-folded, and by their
/// first five letters, so "opened"/"open" and "requirements"/"requires" count as the
/// same word; numbers must match exactly.
fn repeats(text: &str, said: &[&str]) -> bool {
    let known: Vec<String> = said.iter().flat_map(|s| meaningful_words(s)).collect();
    let words = meaningful_words(text);
    !words.is_empty() && words.iter().all(|w| known.iter().any(|k| same_word(w, k)))
}

fn meaningful_words(text: &str) -> Vec<String> {
    crate::text::fold(text)
        .split(|c: char| !c.is_alphanumeric() && c != ',')
        .map(|w| w.trim_matches(','))
        .filter(|w| w.chars().count() >= 4 || w.chars().any(|c| c.is_ascii_digit()))
        .map(|w| w.replace(',', ""))
        .collect()
}

fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let number = |w: &str| w.chars().any(|c| c.is_ascii_digit());
    if number(a) || number(b) {
        return false;
    }
    let stem = a.chars().count().min(b.chars().count()).min(5);
    stem >= 4 && a.chars().take(stem).eq(b.chars().take(stem))
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

/// "juniors · seniors", or `None` when no source says.
fn grades(lang: Lang, grades: &[u8]) -> Option<String> {
    let s = t(lang);
    let names: Vec<String> = grades
        .iter()
        .map(|g| match g {
            11 => s.junior.to_string(),
            12 => s.senior.to_string(),
            other => fill(s.grade_n, &[other]),
        })
        .collect();
    (!names.is_empty()).then(|| names.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_reads_twelve_hour() {
        assert_eq!(clock("07:30"), "7:30");
        assert_eq!(clock("14:45"), "2:45");
        assert_eq!(clock("12:00"), "12:00");
        assert_eq!(clock("x"), "x");
    }

    #[test]
    fn a_highlight_that_only_repeats_the_description_is_a_repeat() {
        let description = "You learn to service and repair cars in the Auto Tech shop building \
                           that opened at ROC in 2019. The student auto shop is also open to \
                           the public.";
        assert!(repeats("Shop building opened in 2019", &[description]));
        assert!(repeats(
            "Student auto shop open to the public",
            &[description]
        ));
        // A new fact, a different number, or a word the description lacks: not a repeat.
        assert!(!repeats("Shop building opened in 2021", &[description]));
        assert!(!repeats("Taught by licensed mechanics", &[description]));
        assert!(!repeats(
            "You may miss at most 10 days (60 hours)",
            &[description]
        ));
        // "1,080 hours" and "1,080-hour" are the same number and word.
        assert!(repeats(
            "1,080 hours, aligned to the state board's requirements",
            &["A 1,080-hour program, aligned to what the state board requires."]
        ));
        // Nothing meaningful to compare is never called a repeat.
        assert!(!repeats("A la", &[description]));
    }

    #[test]
    fn words_compare_by_stem_but_numbers_exactly() {
        assert!(same_word("opened", "open"));
        assert!(same_word("students", "student"));
        assert!(!same_word("state", "started"));
        assert!(!same_word("2019", "2018"));
        assert!(!same_word("cars", "care"));
    }
}
