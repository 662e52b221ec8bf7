//! Whether applications are open today, in the words a passer-by needs.

use ratatui::text::Line;

use crate::app::App;
use crate::apply::{WindowStatus, status_with_accuracy};
use crate::i18n::{Lang, date_short, fill, t};

/// Today's application status in one line, plus "N days left!" near the end.
pub(super) fn lines(app: &App, lang: Lang) -> Vec<Line<'static>> {
    let s = t(lang);
    let theme = &app.settings.theme;
    let status = status_with_accuracy(&app.catalog.center.application.window, app.settings.today);
    let day = |d| {
        let day = date_short(lang, d);
        if status.approximate {
            fill(s.about_date, &[&day])
        } else {
            day
        }
    };
    match status.status {
        WindowStatus::Open { days_left: 1, .. } => {
            vec![Line::styled(s.attract_last_day, theme.warn)]
        }
        WindowStatus::Open { closes, days_left } => {
            let mut lines = vec![Line::styled(
                fill(s.attract_open, &[&day(closes)]),
                theme.title,
            )];
            if days_left <= 30 {
                lines.push(Line::styled(
                    fill(s.apply_days_left, &[&days_left]),
                    theme.warn,
                ));
            }
            lines
        }
        WindowStatus::NotYetOpen { opens } => vec![Line::styled(
            fill(s.attract_not_yet, &[&day(opens)]),
            theme.title,
        )],
        WindowStatus::Closed { closed, next_opens } => vec![Line::styled(
            match next_opens {
                Some(next) => fill(s.attract_closed, &[&day(next)]),
                // No next date the calendar can hold (a preview at the end of time).
                None => fill(s.apply_closed_no_next, &[&day(closed)]),
            },
            theme.title,
        )],
    }
}
