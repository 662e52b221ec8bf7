//! The report as text for people and as CSV for spreadsheets.

use std::fmt::Write;

use super::summary::Summary;

/// The CSV header. Copy this spec to the README.
///
/// ```text
/// metric,key,value
/// ```
///
/// One row per figure; `key` is empty when a metric has none. Rows come in this order,
/// lists highest count first then by key; text is quoted per RFC 4180 when needed.
///
/// | metric                | key                         | value                       |
/// |-----------------------|-----------------------------|-----------------------------|
/// | `sessions`            |                             | sessions (laptop + session) |
/// | `median_session_secs` |                             | seconds; empty if no ends   |
/// | `quizzes_finished`    |                             | count                       |
/// | `apply_shown`         |                             | count                       |
/// | `programs_viewed`     |                             | count, all programs         |
/// | `first_date`          |                             | YYYY-MM-DD; empty if none   |
/// | `last_date`           |                             | YYYY-MM-DD; empty if none   |
/// | `duplicates_ignored`  |                             | records seen twice          |
/// | `program_viewed`      | program id                  | views                       |
/// | `quiz_recommended`    | program id                  | times in a quiz's top 3     |
/// | `views_via`           | search, browse, quiz, attract | views                     |
/// | `session_end`         | idle, back_to_attract, technician, exit, terminal_closed | sessions |
/// | `sessions_by_hour`    | 00 … 23 (booth local time; all 24 rows) | sessions        |
/// | `sessions_by_day`     | YYYY-MM-DD                  | sessions                    |
/// | `sessions_by_laptop`  | laptop id                   | sessions                    |
/// | `search_terms`        | the terms (only if logged)  | times                       |
/// | `searches_no_match`   |                             | searches that found nothing |
/// | `searches_no_match_by_day` | YYYY-MM-DD (days with any) | searches                |
/// | `searches_no_match_terms` | the terms (only if logged) | times                    |
/// | `future_dated_skipped` |                            | records dated after the day after the report ran |
/// | `unknown_events_skipped` |                          | records of unknown kinds    |
pub const CSV_HEADER: &str = "metric,key,value";

/// The CSV report (see [`CSV_HEADER`]), ending in a newline.
pub fn csv_report(s: &Summary) -> String {
    let mut out = String::new();
    let mut row = |metric: &str, key: &str, value: String| {
        let _ = writeln!(out, "{metric},{},{}", csv_field(key), csv_field(&value));
    };
    row("sessions", "", s.sessions.to_string());
    row(
        "median_session_secs",
        "",
        s.median_session_secs
            .map(|v| v.to_string())
            .unwrap_or_default(),
    );
    row("quizzes_finished", "", s.quizzes_finished.to_string());
    row("apply_shown", "", s.apply_shown.to_string());
    row("programs_viewed", "", s.programs_viewed.to_string());
    let date = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    row("first_date", "", date(s.first_date));
    row("last_date", "", date(s.last_date));
    row("duplicates_ignored", "", s.duplicates_ignored.to_string());
    for (program, n) in &s.top_programs_viewed {
        row("program_viewed", program, n.to_string());
    }
    for (program, n) in &s.top_quiz_recommendations {
        row("quiz_recommended", program, n.to_string());
    }
    for (via, n) in &s.views_by_via {
        row("views_via", via.as_str(), n.to_string());
    }
    for (reason, n) in &s.session_ends {
        row("session_end", reason.as_str(), n.to_string());
    }
    for (hour, n) in s.sessions_by_hour.iter().enumerate() {
        row("sessions_by_hour", &format!("{hour:02}"), n.to_string());
    }
    for (day, n) in &s.sessions_by_day {
        row("sessions_by_day", &day.to_string(), n.to_string());
    }
    for (laptop, n) in &s.sessions_by_laptop {
        row("sessions_by_laptop", laptop, n.to_string());
    }
    for (terms, n) in &s.top_search_terms {
        row("search_terms", terms, n.to_string());
    }
    row("searches_no_match", "", s.searches_no_match.to_string());
    for (day, n) in &s.searches_no_match_by_day {
        row("searches_no_match_by_day", &day.to_string(), n.to_string());
    }
    for (terms, n) in &s.no_match_search_terms {
        row("searches_no_match_terms", terms, n.to_string());
    }
    row("future_dated_skipped", "", s.future_dated.to_string());
    row("unknown_events_skipped", "", s.unknown_events.to_string());
    format!("{CSV_HEADER}\n{out}")
}

/// Quotes a field when it holds a comma, quote or line break (RFC 4180). Also quotes a
/// field starting with `=`, `+`, `-` or `@` and prefixes `'`, so a spreadsheet does not
/// run a program id edited into a formula.
fn csv_field(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@']);
    if formula || text.contains([',', '"', '\n', '\r']) {
        let body = if formula {
            format!("'{text}")
        } else {
            text.to_string()
        };
        format!("\"{}\"", body.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// How many entries of each ranked list the text report shows.
pub const TEXT_TOP_N: usize = 10;

/// The text report. `program_name` turns a program id into a readable name when known.
pub fn text_report(s: &Summary, program_name: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let period = match (s.first_date, s.last_date) {
        (Some(a), Some(b)) if a == b => format!("{a}"),
        (Some(a), Some(b)) => format!("{a} to {b}"),
        _ => "no records".to_string(),
    };
    let _ = writeln!(
        out,
        "Booth report: {period}, {} laptop(s)",
        s.sessions_by_laptop.len()
    );
    let _ = writeln!(out);
    let line = |out: &mut String, label: &str, value: String| {
        let _ = writeln!(out, "  {label:<24} {value}");
    };
    line(&mut out, "Sessions", s.sessions.to_string());
    line(
        &mut out,
        "Median session length",
        s.median_session_secs
            .map(duration)
            .unwrap_or_else(|| "-".into()),
    );
    line(&mut out, "Quizzes finished", s.quizzes_finished.to_string());
    line(&mut out, "Apply screens shown", s.apply_shown.to_string());
    line(
        &mut out,
        "Searches with no match",
        s.searches_no_match.to_string(),
    );
    let via: Vec<String> = s
        .views_by_via
        .iter()
        .map(|(v, n)| format!("{} {n}", v.as_str()))
        .collect();
    line(
        &mut out,
        "Program views",
        format!("{} ({})", s.programs_viewed, via.join(", ")),
    );
    let ends: Vec<String> = s
        .session_ends
        .iter()
        .map(|(r, n)| format!("{} {n}", r.as_str().replace('_', " ")))
        .collect();
    line(&mut out, "Sessions ended", ends.join(", "));
    if s.duplicates_ignored > 0 {
        line(
            &mut out,
            "Duplicate records",
            format!("{} ignored (same file read twice?)", s.duplicates_ignored),
        );
    }
    if s.future_dated > 0 {
        let after = s.skip_after.map(|d| d.to_string()).unwrap_or_default();
        line(
            &mut out,
            "Future-dated records",
            format!(
                "{} skipped (dated after {after}: a laptop's clock?)",
                s.future_dated
            ),
        );
    }
    if s.unknown_events > 0 {
        let kinds: Vec<&str> = s.unknown_kinds.iter().map(|(k, _)| k.as_str()).collect();
        line(
            &mut out,
            "Unknown event kinds",
            format!("{} skipped ({})", s.unknown_events, kinds.join(", ")),
        );
    }

    let ranked = |out: &mut String, title: &str, list: &[(String, u64)], names: bool| {
        let _ = writeln!(out, "\n{title}");
        if list.is_empty() {
            let _ = writeln!(out, "  (none)");
        }
        for (i, (key, n)) in list.iter().take(TEXT_TOP_N).enumerate() {
            let label = match program_name(key).filter(|_| names) {
                Some(name) => format!("{name} ({key})"),
                None => key.clone(),
            };
            let _ = writeln!(out, "  {:>2}. {n:>6}  {label}", i + 1);
        }
        if list.len() > TEXT_TOP_N {
            let _ = writeln!(out, "      … {} more (see --csv)", list.len() - TEXT_TOP_N);
        }
    };
    ranked(
        &mut out,
        "Top programs viewed",
        &s.top_programs_viewed,
        true,
    );
    ranked(
        &mut out,
        "Top quiz recommendations",
        &s.top_quiz_recommendations,
        true,
    );
    if !s.top_search_terms.is_empty() {
        ranked(&mut out, "Top search terms", &s.top_search_terms, false);
    }
    if !s.no_match_search_terms.is_empty() {
        ranked(
            &mut out,
            "Searches with no match",
            &s.no_match_search_terms,
            false,
        );
    }

    let _ = writeln!(out, "\nSessions by hour (booth local time)");
    let busiest = s.sessions_by_hour.iter().copied().max().unwrap_or(0);
    let hours: Vec<usize> = (0..24).filter(|h| s.sessions_by_hour[*h] > 0).collect();
    match (hours.first(), hours.last()) {
        (Some(&first), Some(&last)) => {
            for hour in first..=last {
                let n = s.sessions_by_hour[hour];
                let bar = "#".repeat(bar_len(n, busiest, 40));
                let _ = writeln!(out, "  {hour:02}:00  {n:>6}  {bar}");
            }
        }
        _ => {
            let _ = writeln!(out, "  (none)");
        }
    }
    if s.sessions_by_day.len() > 1 {
        let _ = writeln!(out, "\nSessions by day");
        for (day, n) in &s.sessions_by_day {
            let _ = writeln!(out, "  {day}  {n:>6}");
        }
    }
    if s.sessions_by_laptop.len() > 1 {
        let _ = writeln!(out, "\nSessions by laptop");
        for (laptop, n) in &s.sessions_by_laptop {
            let _ = writeln!(out, "  {n:>6}  {laptop}");
        }
    }
    out
}

/// "1 min 23 s", "45 s", "1 h 2 min".
pub fn duration(secs: u64) -> String {
    match secs {
        0..60 => format!("{secs} s"),
        60..3600 => format!("{} min {} s", secs / 60, secs % 60),
        _ => format!("{} h {} min", secs / 3600, (secs % 3600) / 60),
    }
}

/// Bar length scaled to `width` for the busiest value; at least 1 for any non-zero count.
fn bar_len(n: u64, max: u64, width: u64) -> usize {
    if n == 0 || max == 0 {
        return 0;
    }
    usize::try_from((n * width).div_ceil(max).max(1)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("auto-tech"), "auto-tech");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=cmd()"), "\"'=cmd()\"");
    }

    #[test]
    fn durations() {
        assert_eq!(duration(45), "45 s");
        assert_eq!(duration(83), "1 min 23 s");
        assert_eq!(duration(3720), "1 h 2 min");
    }

    #[test]
    fn csv_of_empty_summary_has_header_and_24_hours() {
        let csv = csv_report(&Summary::default());
        assert!(csv.starts_with("metric,key,value\nsessions,,0\n"), "{csv}");
        assert_eq!(csv.matches("sessions_by_hour,").count(), 24);
        assert!(csv.contains("\nsearches_no_match,,0\n"), "{csv}");
    }
}
