//! The page's sections. Each is a `<section>`, which the print style puts on its own page.

use maud::{Markup, html};

use super::chart::{self, Column, Row};
use super::{PageInput, shown};
use crate::i18n::fill;
use crate::i18n::report::short_date;
use crate::stats::format::duration;
use crate::stats::summary::Summary;

/// Bars for visits and the quiz.
const BLUE: &str = "#1f6fb5";
/// Bars for searches that found nothing.
const AMBER: &str = "#c26a00";
/// Search, browse, quiz, attract (Okabe–Ito: told apart with colour-blind eyes, in print
/// and on screen).
const VIA_COLORS: [&str; 4] = ["#0072b2", "#e69f00", "#009e73", "#cc79a7"];
/// Rows in the programs and quiz charts; the rest are counted in a note.
const TOP_N: usize = 12;
/// Rows in a laptop's own programs chart.
const LAPTOP_TOP_N: usize = 5;

pub fn overview(input: &PageInput) -> Markup {
    let s = input.summary;
    let t = input.text();
    html! {
        section #overview {
            h2 { (t.overview) }
            (cards(input, s))
            h3 { (t.visits_by_hour) }
            (hours_chart(input, s))
            p.note { (t.hour_note) }
            h3 { (t.visits_by_day) }
            (days_chart(input, s))
        }
    }
}

pub fn programs(input: &PageInput) -> Markup {
    let s = input.summary;
    let t = input.text();
    html! {
        section #programs {
            h2 { (t.programs) }
            h3 { (t.top_programs) }
            @if s.program_views_by_via.is_empty() {
                p { (t.no_views) }
            } @else {
                (via_legend(input, s))
                (programs_chart(input, s, TOP_N))
                (more_note(input, s.program_views_by_via.len()))
            }
        }
    }
}

pub fn quiz(input: &PageInput) -> Markup {
    let s = input.summary;
    let t = input.text();
    let recommended: Vec<Row> = s
        .top_quiz_recommendations
        .iter()
        .take(TOP_N)
        .map(|(id, n)| {
            let name = input.program_name(id);
            Row {
                tip: fill(t.n_times, &[&name, n]),
                label: name,
                parts: vec![*n],
            }
        })
        .collect();
    html! {
        section #quiz {
            h2 { (t.quiz) }
            div.cards {
                (card(t.quizzes_finished, s.quizzes_finished.to_string(), false))
                (card(t.apply_shown, s.apply_shown.to_string(), false))
            }
            h3 { (t.quiz_recommended) }
            @if recommended.is_empty() {
                p { (t.quiz_none) }
            } @else {
                (chart::rows(t.quiz_recommended, &recommended, &[BLUE]))
                (more_note(input, s.top_quiz_recommendations.len()))
            }
        }
    }
}

pub fn unmet_demand(input: &PageInput) -> Markup {
    let s = input.summary;
    let t = input.text();
    let days: Vec<Column> = s
        .searches_no_match_by_day
        .iter()
        .map(|(day, n)| Column {
            label: short_date(input.lang, *day),
            value: *n,
            tip: fill(t.n_searches, &[&input.long_date(*day), n]),
        })
        .collect();
    html! {
        section #unmet-demand {
            h2 { (t.unmet) }
            div.cards {
                (card(t.searches_no_match, s.searches_no_match.to_string(), true))
            }
            p.note { (t.unmet_explain) }
            @if s.searches_no_match == 0 {
                p { (t.unmet_none) }
            } @else {
                h3 { (t.unmet_by_day) }
                (chart::columns(t.unmet_by_day, &days, AMBER))
                h3 { (t.unmet_words) }
                @if s.no_match_search_terms.is_empty() {
                    p { (t.unmet_words_off) }
                } @else {
                    table {
                        thead { tr { th { (t.words) } th.n { (t.times) } } }
                        tbody {
                            @for (words, n) in s.no_match_search_terms.iter().take(30) {
                                tr { td.id { (shown(words)) } td.n { (n) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One laptop's own figures, when several laptops' logs were merged.
pub fn laptop(input: &PageInput, laptop: &str, own: &Summary) -> Markup {
    let t = input.text();
    let title = fill(t.laptop, &[&shown(laptop)]);
    html! {
        section.laptop {
            h2.id { (title) }
            (cards(input, own))
            h3 { (t.visits_by_hour) }
            (hours_chart(input, own))
            h3 { (t.top_five) }
            @if own.program_views_by_via.is_empty() {
                p { (t.no_views) }
            } @else {
                (via_legend(input, own))
                (programs_chart(input, own, LAPTOP_TOP_N))
            }
        }
    }
}

/// What was left out and why, with the reader's first warnings (file and line).
pub fn skipped(input: &PageInput) -> Markup {
    let s = input.summary;
    let read = input.read;
    let t = input.text();
    let invalid = read.lines_skipped.saturating_sub(read.torn_lines);
    let kinds: Vec<String> = s.unknown_kinds.iter().map(|(k, _)| shown(k)).collect();
    let after = s.skip_after.map(|d| input.long_date(d)).unwrap_or_default();
    html! {
        section #skipped {
            h2 { (t.skipped) }
            ul.skipped {
                @if read.torn_lines > 0 { li { (fill(t.skipped_torn, &[&read.torn_lines])) } }
                @if invalid > 0 { li { (fill(t.skipped_invalid, &[&invalid])) } }
                @if s.unknown_events > 0 {
                    li { (fill(t.skipped_unknown, &[&s.unknown_events, &kinds.join(", ")])) }
                }
                @if s.future_dated > 0 { li { (fill(t.skipped_future, &[&after, &s.future_dated])) } }
                @if s.duplicates_ignored > 0 {
                    li { (fill(t.skipped_duplicates, &[&s.duplicates_ignored])) }
                }
                @if read.files_failed > 0 { li { (fill(t.skipped_files, &[&read.files_failed])) } }
            }
            @if !read.warnings.is_empty() {
                h3 { (t.skipped_details) }
                ul.warnings {
                    @for warning in read.warnings.iter().take(20) { li { (shown(warning)) } }
                }
            }
        }
    }
}

/// "… and 13 more", under a chart of the first [`TOP_N`] of `listed` programs.
fn more_note(input: &PageInput, listed: usize) -> Markup {
    html! {
        @if listed > TOP_N {
            p.note { (fill(input.text().more_programs, &[&(listed - TOP_N)])) }
        }
    }
}

fn cards(input: &PageInput, s: &Summary) -> Markup {
    let t = input.text();
    let median = s
        .median_session_secs
        .map_or_else(|| "–".to_string(), duration);
    html! {
        div.cards.six {
            (card(t.visits, s.sessions.to_string(), false))
            (card(t.median_visit, median, false))
            (card(t.program_views, s.programs_viewed.to_string(), false))
            (card(t.quizzes_finished, s.quizzes_finished.to_string(), false))
            (card(t.apply_shown, s.apply_shown.to_string(), false))
            (card(t.searches_no_match, s.searches_no_match.to_string(), true))
        }
    }
}

fn card(label: &str, value: String, unmet: bool) -> Markup {
    html! {
        div.card.unmet[unmet] {
            div.n { (value) }
            div.k { (label) }
        }
    }
}

/// Visits by the hour they started, from the first busy hour to the last (one quiet hour
/// either side), so a booth open 8 to 3 does not draw 17 empty bars.
fn hours_chart(input: &PageInput, s: &Summary) -> Markup {
    let t = input.text();
    let busy: Vec<usize> = (0..24).filter(|&h| s.sessions_by_hour[h] > 0).collect();
    let (Some(&first), Some(&last)) = (busy.first(), busy.last()) else {
        return html! {};
    };
    let cols: Vec<Column> = (first.saturating_sub(1)..=(last + 1).min(23))
        .map(|hour| {
            let n = s.sessions_by_hour[hour];
            Column {
                label: format!("{hour:02}:00"),
                value: n,
                tip: fill(t.n_visits, &[&format!("{hour:02}:00–{hour:02}:59"), &n]),
            }
        })
        .collect();
    chart::columns(t.visits_by_hour, &cols, BLUE)
}

fn days_chart(input: &PageInput, s: &Summary) -> Markup {
    let t = input.text();
    let cols: Vec<Column> = s
        .sessions_by_day
        .iter()
        .map(|(day, n)| Column {
            label: short_date(input.lang, *day),
            value: *n,
            tip: fill(t.n_visits, &[&input.long_date(*day), n]),
        })
        .collect();
    chart::columns(t.visits_by_day, &cols, BLUE)
}

/// The colours of "how students got there", each with its total.
fn via_legend(input: &PageInput, s: &Summary) -> Markup {
    let t = input.text();
    html! {
        div.legend {
            span.k { (t.reached_by) ":" }
            @for (i, (_, n)) in s.views_by_via.iter().enumerate() {
                span {
                    span.swatch style=(format!("background:{}", VIA_COLORS[i])) {}
                    (t.via[i]) " " (n)
                }
            }
        }
    }
}

/// The most viewed programs as stacked bars by how students reached them.
fn programs_chart(input: &PageInput, s: &Summary, top: usize) -> Markup {
    let t = input.text();
    let rows: Vec<Row> = s
        .program_views_by_via
        .iter()
        .take(top)
        .map(|(id, via)| {
            let name = input.program_name(id);
            let total: u64 = via.iter().sum();
            let parts: Vec<String> = via
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(i, n)| format!("{} {n}", t.via[i]))
                .collect();
            Row {
                tip: format!(
                    "{} ({})",
                    fill(t.n_views, &[&name, &total]),
                    parts.join(", ")
                ),
                label: name,
                parts: via.to_vec(),
            }
        })
        .collect();
    chart::rows(t.top_programs, &rows, &VIA_COLORS)
}
