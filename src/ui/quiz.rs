//! The quiz: one item per screen with big answer rows, the tiles, the Stage C choice, and
//! the results with reasons that quote only what this student said.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::wrap::titled;
use super::{Hotspots, campus_name, chrome};
use crate::app::{App, QuizStep, Target};
use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::i18n::{fill, t};
use crate::quiz::{Band, Profile, Reason};
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hot: &mut Hotspots) {
    let area = area.inner(ratatui::layout::Margin {
        horizontal: 2,
        vertical: 0,
    });
    match app.student.quiz.step {
        QuizStep::Item(i) => item(frame, app, i, area, hot),
        QuizStep::Tiles => tiles(frame, app, area, hot),
        QuizStep::Choice(a, b) => choice(frame, app, [a, b], area, hot),
    }
}

fn item(frame: &mut Frame, app: &App, index: usize, area: Rect, hot: &mut Hotspots) {
    let lang = app.lang();
    let s = t(lang);
    let theme = &app.settings.theme;
    let items = &app.catalog.quiz.items;
    let Some(item) = items.get(index) else { return };

    let progress = fill(s.quiz_progress, &[&(index + 1), &items.len()]);
    let bar_width = 24usize;
    let filled = (index + 1) * bar_width / items.len().max(1);
    let bar = format!("{}{}", "■".repeat(filled), "□".repeat(bar_width - filled));
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{progress}  "), theme.dim),
            Span::styled(bar, theme.accent),
        ])),
        Rect { height: 1, ..area },
    );
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(s.quiz_question, theme.base),
            Line::styled(format!("  {}?", item.text.get(lang)), theme.title),
        ])
        .wrap(Wrap { trim: false }),
        Rect {
            y: area.y + 2,
            height: 3,
            ..area
        },
    );
    frame.render_widget(
        Paragraph::new(Line::styled(s.quiz_hint, theme.dim)),
        Rect {
            y: area.y + 5,
            height: 1,
            ..area
        },
    );

    let chosen = app.student.quiz.answers.items.get(&item.id).copied();
    let mut y = area.y + 7;
    for row in 0..crate::app::ANSWER_ROWS {
        if y >= area.bottom() {
            break;
        }
        let selected = app.student.quiz.cursor == Some(row);
        let style = if selected { theme.selected } else { theme.base };
        let (label, target) = if row < 5 {
            let value = row as u8 + 1;
            let mark = if chosen == Some(value) { "●" } else { " " };
            (
                format!(" {value}  {}  {} {mark}", s.faces[row], s.answers[row]),
                Target::Answer(value),
            )
        } else {
            (format!(" 0  {}", s.skip), Target::Skip)
        };
        let rect = Rect {
            y,
            height: 1,
            width: area.width.min(44),
            ..area
        };
        frame.render_widget(Paragraph::new(label).style(style), rect);
        hot.add(rect, target);
        y += if row == 4 { 2 } else { 1 };
    }
    if index > 0 {
        back_button(frame, app, area, hot);
    }
}

fn tiles(frame: &mut Frame, app: &App, area: Rect, hot: &mut Hotspots) {
    let lang = app.lang();
    let s = t(lang);
    let theme = &app.settings.theme;
    let tiles = &app.catalog.quiz.tiles;
    let picked = &app.student.quiz.answers.tiles;
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(s.tiles_title, theme.title),
            Line::styled(s.tiles_hint, theme.dim),
        ]),
        Rect { height: 2, ..area },
    );
    // Two columns of big rows at 80 wide, three when there is room.
    let columns: u16 = if area.width >= 110 { 3 } else { 2 };
    let col_width = area.width / columns;
    let row_height: u16 = if area.height >= 30 { 3 } else { 2 };
    let grid_top = area.y + 3;
    for (i, tile) in tiles.iter().enumerate() {
        let (col, row) = (i as u16 % columns, i as u16 / columns);
        let rect = Rect {
            x: area.x + col * col_width,
            y: grid_top + row * row_height,
            width: col_width.saturating_sub(2),
            height: row_height - 1,
        }
        .intersection(area);
        if rect.is_empty() {
            continue;
        }
        let letter = char::from(b'A' + (i as u8 % 26));
        let is_picked = picked.contains(&tile.id);
        let mark = if is_picked { "[x]" } else { "[ ]" };
        let mut style = if is_picked { theme.accent } else { theme.base };
        if app.student.quiz.cursor == Some(i) {
            style = theme.selected;
        }
        frame.render_widget(
            Paragraph::new(format!(" {letter}  {mark} {}", tile.label.get(lang))).style(style),
            rect,
        );
        hot.add(rect, Target::Tile(i));
    }
    let bottom = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..area
    };
    let x = back_button(frame, app, area, hot);
    let x = chrome::button(
        frame,
        bottom,
        x + 2,
        s.tiles_done,
        Target::TilesDone,
        theme.button,
        hot,
    );
    let count = fill(s.tiles_picked, &[&picked.len(), &crate::quiz::MAX_TILES]);
    frame.render_widget(
        Paragraph::new(Line::styled(format!("  {count}"), theme.dim)),
        Rect {
            x,
            width: bottom.right().saturating_sub(x),
            ..bottom
        },
    );
}

fn choice(frame: &mut Frame, app: &App, options: [usize; 2], area: Rect, hot: &mut Hotspots) {
    let lang = app.lang();
    let s = t(lang);
    let theme = &app.settings.theme;
    frame.render_widget(
        Paragraph::new(Line::styled(s.choice_title, theme.title)),
        Rect { height: 1, ..area },
    );
    let mut y = area.y + 2;
    for (i, program) in options.into_iter().enumerate() {
        let Some(p) = app.catalog.programs.get(program) else {
            continue;
        };
        let rect = Rect {
            y,
            height: 4,
            ..area
        }
        .intersection(area);
        let style = if app.student.quiz.cursor == Some(i) {
            theme.selected
        } else {
            theme.base
        };
        frame.render_widget(
            Paragraph::new(titled(
                Line::styled(
                    format!(" {}  {}", i + 1, p.name.get(lang)),
                    theme.title.patch(style),
                ),
                p.summary.get(lang),
                rect.width as usize,
                "    ",
            ))
            .style(style),
            rect,
        );
        hot.add(rect, Target::Choice(i));
        y += 5;
    }
    back_button(frame, app, area, hot);
}

/// The results screen.
pub fn results(frame: &mut Frame, app: &App, area: Rect, hot: &mut Hotspots) {
    let lang = app.lang();
    let s = t(lang);
    let theme = &app.settings.theme;
    let area = area.inner(ratatui::layout::Margin {
        horizontal: 2,
        vertical: 0,
    });
    let Some(outcome) = &app.student.quiz.outcome else {
        return;
    };

    let mut y = area.y;
    frame.render_widget(
        Paragraph::new(Line::styled(s.results_title, theme.title)),
        Rect {
            y,
            height: 1,
            ..area
        },
    );
    y += 1;
    let note = match outcome.profile {
        Profile::Broad { mostly_liked: true } => Some(s.results_broad),
        Profile::Broad {
            mostly_liked: false,
        } => Some(s.results_even),
        Profile::AllSame { .. } if app.student.quiz.answers.tiles.is_empty() => {
            Some(s.results_same_no_tiles)
        }
        Profile::AllSame { value: 4.. } => Some(s.results_same_high),
        Profile::AllSame { .. } => Some(s.results_same_flat),
        Profile::AllDislike | Profile::Empty => Some(s.results_dislike),
        Profile::Normal => None,
    };
    if let Some(note) = note {
        let p = Paragraph::new(note)
            .style(theme.accent)
            .wrap(Wrap { trim: true });
        let h = (p.line_count(area.width) as u16).min(3);
        frame.render_widget(
            p,
            Rect {
                y,
                height: h,
                ..area
            }
            .intersection(area),
        );
        y += h;
    }
    y += 1;

    let labels = [
        (s.results_more, Target::ShowMore),
        (s.results_retake, Target::Retake),
        (s.apply_button, Target::Apply),
        (s.results_browse, Target::Menu(0)),
    ];
    // One row of buttons when they fit (" label " and a gap each), else two, so that none
    // is cut off (the Spanish labels need 91 columns).
    let one_row: usize = labels
        .iter()
        .map(|(label, _)| ratatui::text::Span::raw(*label).width() + 3)
        .sum();
    let rows: u16 = if one_row <= usize::from(area.width) + 1 {
        1
    } else {
        2
    };
    let buttons = Rect {
        y: area.bottom().saturating_sub(rows),
        height: rows.min(area.height),
        ..area
    };
    let room = buttons.y.saturating_sub(y);
    let per = (room / crate::app::RESULTS_SHOWN as u16).clamp(2, 5);
    let first = app.student.quiz.first_shown;
    for (row, rec) in outcome
        .ranked
        .iter()
        .skip(first)
        .take(crate::app::RESULTS_SHOWN)
        .enumerate()
    {
        let Some(p) = app.catalog.programs.get(rec.program) else {
            continue;
        };
        let band = match rec.band {
            _ if rec.picked => s.your_pick,
            Band::Strong => s.band_strong,
            Band::Good => s.band_good,
            Band::WorthALook => s.band_worth,
        };
        let reason = reason_sentence(&app.catalog, &rec.reasons, lang);
        // Without a reason to quote, say what the program is rather than invent one.
        let why = if reason.is_empty() {
            p.summary.get(lang).to_string()
        } else {
            reason
        };
        let selected = app.student.selected == row;
        let style = if selected { theme.selected } else { theme.base };
        let rect = Rect {
            y,
            height: per,
            ..area
        }
        .intersection(Rect {
            height: buttons.y.saturating_sub(area.y),
            ..area
        });
        if rect.is_empty() {
            break;
        }
        let name = format!(" {}  {}", row + 1, p.name.get(lang));
        let campus = campus_name(app, p);
        let facts = format!("  ·  {band}  ·  {campus}");
        // When name, band and campus do not fit on one line (Spanish at 80x24), the campus
        // gets its own line rather than being cut off.
        let one_line = name.width() + facts.width() <= usize::from(rect.width);
        let head = Line::from(vec![
            Span::styled(name, theme.title.patch(style)),
            Span::styled(
                if one_line {
                    facts
                } else {
                    format!("  ·  {band}")
                },
                theme.dim.patch(style),
            ),
        ]);
        let mut lines = titled(head, &why, rect.width as usize, "    ");
        if !one_line {
            lines.insert(
                1,
                Line::styled(format!("    {campus}"), theme.dim.patch(style)),
            );
        }
        frame.render_widget(Paragraph::new(lines).style(style), rect);
        hot.add(rect, Target::Row(row));
        y += per;
    }

    let per_row = labels.len().div_ceil(usize::from(rows));
    for (r, row_labels) in labels.chunks(per_row).enumerate() {
        let row = Rect {
            y: buttons.y + r as u16,
            height: 1,
            ..buttons
        }
        .intersection(buttons);
        let mut x = row.x;
        for (label, target) in row_labels {
            x = chrome::button(frame, row, x, label, *target, theme.button, hot) + 1;
        }
    }
}

/// "← Back" at the left of the bottom row of `area`; returns its right edge.
fn back_button(frame: &mut Frame, app: &App, area: Rect, hot: &mut Hotspots) -> u16 {
    let row = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..area
    };
    let s = t(app.lang());
    chrome::button(
        frame,
        row,
        row.x,
        s.quiz_back,
        Target::QuizBack,
        app.settings.theme.button,
        hot,
    )
}

/// "You picked “Animals & farms” and said you'd like to “take care of …”." in `lang`, from the
/// catalog's texts. Tiles come first, then items; a lone [`Reason::CloseOverall`] says the
/// program is close to the answers overall. Empty when there are no reasons.
pub fn reason_sentence(catalog: &Catalog, reasons: &[Reason], lang: Lang) -> String {
    let quiz = &catalog.quiz;
    let s = crate::i18n::t(lang);
    if let [Reason::CloseOverall { nth }] = reasons {
        return s.reason_overall[(*nth).min(s.reason_overall.len() - 1)].to_string();
    }
    let quoted = |text: &str| format!("{}{text}{}", s.reason_quote.0, s.reason_quote.1);
    let tiles: Vec<String> = reasons
        .iter()
        .filter_map(|r| match r {
            Reason::PickedTile { tile } => quiz.tiles.iter().find(|t| &t.id == tile),
            Reason::LikedItem { .. } | Reason::CloseOverall { .. } => None,
        })
        .map(|t| quoted(t.label.get(lang)))
        .collect();
    let items: Vec<String> = reasons
        .iter()
        .filter_map(|r| match r {
            Reason::LikedItem { item, strongly } => {
                quiz.items.iter().find(|i| &i.id == item).map(|i| {
                    let verb = if *strongly {
                        s.reason_love
                    } else {
                        s.reason_like
                    };
                    crate::i18n::fill(verb, &[&quoted(i.text.get(lang))])
                })
            }
            Reason::PickedTile { .. } | Reason::CloseOverall { .. } => None,
        })
        .collect();
    let tiles = tiles.join(s.reason_and);
    let items = items.join(s.reason_said_and);
    match (tiles.is_empty(), items.is_empty()) {
        (true, true) => String::new(),
        (false, true) => crate::i18n::fill(s.reason_picked, &[&tiles]),
        (true, false) => crate::i18n::fill(s.reason_said, &[&items]),
        (false, false) => crate::i18n::fill(s.reason_both, &[&tiles, &items]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_sentences_in_both_languages() {
        let c = Catalog::bundled().unwrap();
        let tile = Reason::PickedTile {
            tile: "animals".into(),
        };
        let item = Reason::LikedItem {
            item: "s_care".into(),
            strongly: false,
        };
        let loved = Reason::LikedItem {
            item: "i_animal".into(),
            strongly: true,
        };
        assert_eq!(reason_sentence(&c, &[], Lang::En), "");
        assert_eq!(
            reason_sentence(&c, &[item.clone(), tile.clone()], Lang::En),
            "You picked \u{201c}Animals & farms\u{201d} and said you'd like to \u{201c}take care of someone who is sick or hurt\u{201d}."
        );
        assert_eq!(
            reason_sentence(&c, &[tile.clone(), item.clone()], Lang::Es),
            "Elegiste «Animales y granjas» y dijiste que te gustaría «cuidar a alguien que está enfermo o lastimado»."
        );
        assert_eq!(
            reason_sentence(&c, &[loved.clone(), item.clone()], Lang::En),
            "You said you'd love to \u{201c}figure out why a sick dog or horse won't eat\u{201d} and you'd like to \u{201c}take care of someone who is sick or hurt\u{201d}."
        );
        assert_eq!(
            reason_sentence(&c, &[loved], Lang::Es),
            "Dijiste que te encantaría «averiguar por qué un perro o un caballo enfermo no quiere comer»."
        );
        assert_eq!(
            reason_sentence(&c, &[tile], Lang::En),
            "You picked \u{201c}Animals & farms\u{201d}."
        );
        // Nothing specific: said plainly, worded differently for each program on a screen.
        let overall: Vec<String> = (0..crate::quiz::SHOWN_TOGETHER)
            .map(|nth| reason_sentence(&c, &[Reason::CloseOverall { nth }], Lang::En))
            .collect();
        assert_eq!(overall[0], "Close to your answers overall.");
        assert_eq!(overall[1], "Also close to your answers overall.");
        assert_ne!(overall[1], overall[2]);
        assert_eq!(
            reason_sentence(&c, &[Reason::CloseOverall { nth: 0 }], Lang::Es),
            "Se parece a tus respuestas en general."
        );
    }
}
