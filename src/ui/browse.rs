//! Browse: career areas that have programs (with counts), then the programs of one area.
//! Campus and time-of-day filters apply to both levels; they offer only values some program
//! has (see `App::campus_filter_values`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Hotspots, chrome, list, program_row};
use crate::app::{App, Screen, Target};
use crate::i18n::{fill, t};

pub fn draw(frame: &mut Frame, app: &App, area: Rect, hot: &mut Hotspots) {
    let s = t(app.lang());
    let lang = app.lang();
    let theme = &app.settings.theme;
    let center = &app.catalog.center;
    let filters = app.student.filters;

    // One past the last campus is "not listed" (see `BrowseFilters::campus`).
    let campus = filters.campus.map_or(s.filter_all, |i| {
        center
            .campuses
            .get(i)
            .map_or(s.filter_campus_not_listed, |c| c.name.get(lang))
    });
    let session = filters
        .session
        .and_then(|i| center.sessions.get(i))
        .map_or(s.filter_all, |x| x.name.get(lang));
    let chips = Rect { height: 1, ..area };
    let x = chrome::button(
        frame,
        chips,
        area.x + 1,
        &fill(s.filter_campus, &[&campus]),
        Target::CampusFilter,
        theme.button,
        hot,
    );
    chrome::button(
        frame,
        chips,
        x + 2,
        &fill(s.filter_session, &[&session]),
        Target::SessionFilter,
        theme.button,
        hot,
    );

    let heading = Rect {
        y: area.y + 2,
        height: 1,
        ..area
    };
    let rows_area = Rect {
        y: area.y + 4,
        height: area.height.saturating_sub(4),
        ..area
    };
    let mut rows = Vec::new();
    match app.screen() {
        Screen::BrowsePrograms { sector } => {
            let Some(sec) = app.catalog.sectors.get(sector) else {
                return;
            };
            frame.render_widget(
                Paragraph::new(Line::styled(
                    format!(" {}", sec.name.get(lang)),
                    theme.title,
                )),
                heading,
            );
            for (i, program) in app.programs_in_sector(&sec.id).into_iter().enumerate() {
                rows.push(list::Row {
                    lines: program_row(app, program, &[], rows_area.width),
                    target: Some(i),
                });
            }
        }
        _ => {
            frame.render_widget(
                Paragraph::new(Line::styled(
                    format!(" {}", s.browse_choose_area),
                    theme.title,
                )),
                heading,
            );
            for (i, (sector, count)) in app.sectors_with_programs().into_iter().enumerate() {
                let name = app.catalog.sectors[sector].name.get(lang);
                let count = if count == 1 {
                    s.browse_one_program.to_string()
                } else {
                    fill(s.browse_programs_count, &[&count])
                };
                rows.push(list::Row {
                    lines: vec![Line::from(vec![
                        ratatui::text::Span::styled(format!("  {name}"), theme.base),
                        ratatui::text::Span::styled(format!("  ({count})"), theme.dim),
                    ])],
                    target: Some(i),
                });
            }
        }
    }
    if rows.is_empty() {
        frame.render_widget(
            Paragraph::new(s.browse_none)
                .style(theme.base)
                .wrap(Wrap { trim: true }),
            rows_area,
        );
        return;
    }
    list::draw(
        frame,
        rows_area,
        &rows,
        app.student.selected,
        theme.selected,
        hot,
    );
}
