//! `report --html`: the booth report as one self-contained page for the principal.
//!
//! Everything is inline (CSS, SVG charts); the page loads nothing and runs no script, so
//! it can be mailed or opened from a USB stick, and it prints one section per page. It is
//! built with maud, whose templates escape every spliced value, so text from the logs
//! (laptop ids, search words, file names) can never become markup; [`shown`] also
//! replaces control and direction-changing characters, which escaping leaves alone.

mod chart;
mod sections;

use jiff::civil::Date;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::read::ReadStats;
use super::summary::Summary;
use crate::catalog::Catalog;
use crate::i18n::report::{ReportText, report_text};
use crate::i18n::{self, Lang, fill};

const CSS: &str = include_str!("page.css");

/// What the page is made from.
pub struct PageInput<'a> {
    pub summary: &'a Summary,
    pub read: &'a ReadStats,
    pub lang: Lang,
    /// Program names, the center's name and the application link; ids alone without it.
    pub catalog: Option<&'a Catalog>,
    /// The day the report is made, for the footer.
    pub made_on: Date,
}

impl PageInput<'_> {
    fn text(&self) -> &'static ReportText {
        report_text(self.lang)
    }

    /// A program's name in the page's language, or its id when the catalog lacks it.
    fn program_name(&self, id: &str) -> String {
        self.catalog
            .and_then(|c| c.programs.iter().find(|p| p.id == id))
            .map_or_else(|| shown(id), |p| p.name.get(self.lang).to_string())
    }

    fn long_date(&self, d: Date) -> String {
        i18n::date(self.lang, d)
    }
}

/// The whole page.
pub fn html_report(input: &PageInput) -> String {
    let s = input.summary;
    let t = input.text();
    let title = match (s.first_date, s.last_date) {
        (Some(a), Some(b)) if a == b => format!("{} · {}", t.title, input.long_date(a)),
        (Some(a), Some(b)) => format!(
            "{} · {}",
            t.title,
            fill(t.period, &[&input.long_date(a), &input.long_date(b)])
        ),
        _ => t.title.to_string(),
    };
    let has_data = s.sessions > 0;
    let several_laptops = s.by_laptop.len() > 1;
    let page = html! {
        (DOCTYPE)
        html lang=(input.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                (header(input))
                main {
                    @if has_data {
                        (sections::overview(input))
                        (sections::programs(input))
                        (sections::quiz(input))
                        (sections::unmet_demand(input))
                        @if several_laptops {
                            @for (laptop, own) in &s.by_laptop {
                                (sections::laptop(input, laptop, own))
                            }
                        }
                    } @else {
                        section.empty #no-data {
                            h2 { (t.no_data) }
                            p { (t.no_data_body) }
                        }
                    }
                    @if anything_skipped(s, input.read) {
                        (sections::skipped(input))
                    }
                }
                (footer(input))
            }
        }
    };
    page.into_string()
}

fn header(input: &PageInput) -> Markup {
    let s = input.summary;
    let t = input.text();
    let period = match (s.first_date, s.last_date) {
        (Some(a), Some(b)) if a == b => Some(input.long_date(a)),
        (Some(a), Some(b)) => Some(fill(t.period, &[&input.long_date(a), &input.long_date(b)])),
        _ => None,
    };
    let laptops = match s.sessions_by_laptop.len() {
        0 => None,
        1 => Some(t.one_laptop.to_string()),
        n => Some(fill(t.laptops, &[&n])),
    };
    html! {
        header.top {
            div.inner {
                h1 { (t.title) }
                @if let Some(catalog) = input.catalog {
                    p { (catalog.center.name.get(input.lang)) }
                }
                @if let Some(period) = period {
                    p.period {
                        (period)
                        @if let Some(laptops) = laptops { " · " (laptops) }
                    }
                }
            }
        }
    }
}

fn footer(input: &PageInput) -> Markup {
    let t = input.text();
    let files = input.read.files_read + input.read.files_failed;
    html! {
        footer {
            p { (fill(t.generated, &[&input.long_date(input.made_on), &files])) " " (t.anonymous) }
            @if !anything_skipped(input.summary, input.read) && input.summary.sessions > 0 {
                p { (t.skipped_nothing) }
            }
            @if let Some(catalog) = input.catalog {
                p {
                    (t.apply_online) " "
                    a href=(catalog.center.application.url) { (catalog.center.application.url) }
                }
            }
        }
    }
}

/// Whether the page needs its "what was skipped" section.
fn anything_skipped(s: &Summary, read: &ReadStats) -> bool {
    s.duplicates_ignored > 0
        || s.future_dated > 0
        || s.unknown_events > 0
        || read.lines_skipped > 0
        || read.files_failed > 0
}

/// Log-derived text made safe to show: control and bidirectional-override characters
/// become U+FFFD (escaping leaves them, and they can garble or reorder a page), and very
/// long text is cut. Markup characters are left to the template's escaping.
pub fn shown(text: &str) -> String {
    const MAX: usize = 120;
    let clean: String = text
        .chars()
        .map(|c| {
            let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            if c.is_control() || bidi {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect();
    chart::ellipsis(&clean, MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_replaces_controls_and_direction_overrides() {
        assert_eq!(shown("a\u{0}b\u{202E}c\nd"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d");
        assert_eq!(shown("<script>"), "<script>");
        assert_eq!(shown(&"x".repeat(500)).chars().count(), 120);
    }
}
