//! The center's own provenance fields: the figures shown on Home and the date the
//! catalog's facts were last checked.

use super::formats;
use super::report::{Entry, Reporter, rel};
use crate::catalog::model::Center;

pub fn center(rep: &mut Reporter, file: &Entry, center: &Center) {
    // The same parser the Apply screen and `check` use, so a date that passes here is
    // one `check` can compare with today.
    if let Err(problem) = crate::apply::parse_date(&center.facts_checked) {
        rep.field(
            file,
            &rel!["facts_checked"],
            problem,
            "write the day the catalog was last compared with its sources",
        );
    }
    let Some(figures) = &center.figures else {
        return;
    };
    let percents = [
        ("seniors_graduate_percent", figures.seniors_graduate_percent),
        (
            "program_completion_percent",
            figures.program_completion_percent,
        ),
    ];
    for (key, value) in percents {
        if value > 100 {
            rep.field(
                file,
                &rel!["figures", key],
                format!("{value} is not a percentage"),
                "use 0 to 100, as the source states it",
            );
        }
    }
    if let Err(problem) = formats::web_url(&figures.source) {
        rep.field(
            file,
            &rel!["figures", "source"],
            problem,
            "give the http(s) address of the page the figures come from",
        );
    }
    if figures.source_name.trim().is_empty() {
        rep.field(
            file,
            &rel!["figures", "source_name"],
            "the source has no name".into(),
            "write how the screen names the source, e.g. \"LeadersUp, 2025\"",
        );
    }
}
