//! `roc-kiosk report --html / --json / --csv` on the generated two-laptop fair and on bad
//! input: what the page shows, that it fetches nothing, that its charts are well-formed
//! SVG, that log text cannot become markup, and the JSON document's field names.

mod sample_logs;

use std::path::Path;
use std::process::Command;

use sample_logs::{LAPTOPS, Written, write_fair};

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

fn report(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_roc-kiosk"))
        .arg("report")
        .args(args)
        .env_remove("ROC_KIOSK_CONFIG")
        .output()
        .expect("the binary runs");
    Run {
        stdout: String::from_utf8(out.stdout).expect("utf-8"),
        stderr: String::from_utf8(out.stderr).expect("utf-8"),
        code: out.status.code().unwrap_or(-1),
    }
}

/// Runs `report DIR --html page.html` plus `extra` and returns the page.
fn html_page(dir: &Path, extra: &[&str]) -> String {
    let page = dir.join("page.html");
    let mut args = vec![dir.to_str().unwrap(), "--html", page.to_str().unwrap()];
    args.extend_from_slice(extra);
    let run = report(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::read_to_string(page).expect("the page was written")
}

fn json_doc(dir: &Path) -> serde_json::Value {
    let run = report(&[dir.to_str().unwrap(), "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("--json prints one JSON document")
}

fn fair() -> (tempfile::TempDir, Written) {
    let dir = tempfile::tempdir().unwrap();
    let written = write_fair(dir.path());
    (dir, written)
}

fn application_url() -> String {
    roc_kiosk::catalog::Catalog::bundled()
        .unwrap()
        .center
        .application
        .url
}

/// Every complete `<svg …>…</svg>` in the page.
fn svgs(page: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..].find("</svg>").expect("every svg is closed") + start + 6;
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

/// The names and values of every attribute of every tag. The page's own markup is the
/// only place a `<` stands unescaped, so this sees exactly what a browser would load.
fn attributes(page: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for tag in page.split('<').skip(1) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let mut rest =
            tag.trim_start_matches(|c: char| c.is_alphanumeric() || c == '/' || c == '!');
        while let Some(eq) = rest.find('=') {
            let name = rest[..eq]
                .trim()
                .rsplit(' ')
                .next()
                .unwrap_or("")
                .to_lowercase();
            let after = rest[eq + 1..].trim_start();
            let (value, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = after[1..].find(q).map_or(after.len(), |i| i + 1);
                    (&after[1..close], &after[(close + 1).min(after.len())..])
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            out.push((name, value.to_string()));
            rest = next;
        }
    }
    out
}

/// The page asks the network for nothing: no script, stylesheet, image, frame or font
/// link, no CSS `url(` or `@import`, and the only `http` link is the application's.
fn assert_fetches_nothing(page: &str) {
    let lower = page.to_lowercase();
    for banned in [
        "<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "url(",
    ] {
        assert!(!lower.contains(banned), "the page contains {banned}");
    }
    let app = application_url();
    for (name, value) in attributes(page) {
        if matches!(name.as_str(), "src" | "href" | "srcset" | "action" | "data") {
            let v = value.trim().to_lowercase();
            let remote = v.starts_with("http") || v.starts_with("//");
            assert!(!remote || value == app, "{name}={value} would be fetched");
        }
    }
}

fn assert_charts_are_xml(page: &str) -> usize {
    let charts = svgs(page);
    for svg in &charts {
        let doc = roxmltree::Document::parse(svg)
            .unwrap_or_else(|e| panic!("a chart is not well-formed XML: {e}\n{svg}"));
        assert_eq!(doc.root_element().tag_name().name(), "svg");
    }
    charts.len()
}

#[test]
fn two_laptops_give_a_page_with_every_chart_and_a_section_per_laptop() {
    let (dir, written) = fair();
    let page = html_page(dir.path(), &[]);
    assert!(page.starts_with("<!DOCTYPE html>"));
    for heading in [
        "Visits by hour of day",
        "Visits by day",
        "Most viewed programs, and how students got there",
        "Programs the quiz recommended",
        "Quizzes finished",
        "Apply screens shown",
        "Median visit length",
        "What students looked for and did not find",
    ] {
        assert!(page.contains(heading), "no {heading:?}");
    }
    // How programs were reached: the legend names every way in.
    for via in ["Search", "Browse", "Quiz", "Attract screen"] {
        assert!(page.contains(&format!("{via} ")), "no {via} in the legend");
    }
    // Names from the catalog, not ids.
    assert!(page.contains("Robotics Engineering") || page.contains("Medical Assistant"));
    assert_eq!(
        page.matches("<section class=\"laptop\"").count(),
        LAPTOPS.len()
    );
    for laptop in &LAPTOPS {
        assert!(page.contains(&format!("Laptop {}", laptop.id)));
    }
    // The figures on the cards are the ones written.
    assert!(page.contains(&format!("<div class=\"n\">{}</div>", written.sessions)));
    let unmet = format!("<div class=\"n\">{}</div>", written.searches_no_match);
    assert!(page.contains(&unmet));
    // The words of booth-1 (which logs them), never invented for booth-2.
    assert!(page.contains("welding") || page.contains("hvac"));
    // Prints one section per page and with no dark backgrounds.
    assert!(page.contains("@media print"));
    assert!(page.contains("break-before: page"));
    // Overview (hours, days), programs, quiz, unmet by day, and per laptop (hours, programs).
    assert_eq!(assert_charts_are_xml(&page), 5 + 2 * LAPTOPS.len());
    assert_fetches_nothing(&page);
}

#[test]
fn the_page_speaks_spanish() {
    let (dir, _) = fair();
    let page = html_page(dir.path(), &["--lang", "es"]);
    assert!(page.contains("<html lang=\"es\">"));
    for text in [
        "Informe del stand",
        "Visitas por hora del día",
        "Lo que buscaron y no encontraron",
        "Portátil booth-1",
        "14 de octubre de 2026",
    ] {
        assert!(page.contains(text), "no {text:?}");
    }
    assert!(!page.contains("Visits by hour"));
    assert_charts_are_xml(&page);
}

#[test]
fn the_network_check_can_fail() {
    let app = application_url();
    assert_fetches_nothing(&format!("<p><a href=\"{app}\">apply</a></p>"));
    for bad in [
        "<img src=\"https://example.org/x.png\">",
        "<a href='http://example.org'>x</a>",
        "<p style=\"background:url(x)\"></p>",
        "<div data=//cdn.example.org/x></div>",
    ] {
        let caught = std::panic::catch_unwind(|| assert_fetches_nothing(bad)).is_err();
        assert!(caught, "{bad} was not caught");
    }
}

/// A booth log line written by hand, as a foreign or edited file could hold.
fn line(ts: &str, laptop: &str, session: &str, event: &str) -> String {
    let record =
        serde_json::json!({"ts": ts, "laptop": laptop, "session": session, "event": event});
    format!("{record}\n")
}

const ODD_LAPTOP: &str = "<script>alert(\"x\")</script> 'booth' & \u{202E}2";

#[test]
fn log_text_is_escaped_and_cannot_become_markup() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for (laptop, session) in [(ODD_LAPTOP, "s1"), ("booth-2", "s2")] {
        text += &line(
            "2026-10-14T10:00:00.000-07:00",
            laptop,
            session,
            "session_start",
        );
        let words = serde_json::json!({
            "ts": "2026-10-14T10:01:00.000-07:00", "laptop": laptop, "session": session,
            "event": "search_no_match", "search_terms": "<img src=https://x.example/a> \"q\"",
        });
        text += &format!("{words}\n");
    }
    std::fs::write(dir.path().join("booth-2026-10-14-odd.jsonl"), text).unwrap();
    let page = html_page(dir.path(), &[]);
    assert!(!page.contains("<script>"), "a laptop id became a script");
    assert!(!page.contains("<img"), "search words became an image");
    assert!(page.contains("Laptop &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assert!(page.contains("&lt;img src=https://x.example/a&gt; &quot;q&quot;"));
    assert!(
        !page.contains('\u{202E}'),
        "a direction override reached the page"
    );
    assert_charts_are_xml(&page);
    assert_fetches_nothing(&page);
    // The JSON and CSV keep the id exactly (they are data, not markup).
    let doc = json_doc(dir.path());
    let laptops: Vec<&str> = doc["laptops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["laptop"].as_str().unwrap())
        .collect();
    assert!(laptops.contains(&ODD_LAPTOP), "{laptops:?}");
}

#[test]
fn bad_lines_still_render_and_the_page_names_what_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    text += &line(
        "2026-10-14T09:00:00.000-07:00",
        "booth-1",
        "s1",
        "session_start",
    );
    text += &line(
        "2026-10-14T09:02:00.000-07:00",
        "booth-1",
        "s1",
        "badge_scanned",
    );
    text += &line(
        "2099-01-01T09:00:00.000-07:00",
        "booth-1",
        "s9",
        "session_start",
    );
    text += "this is not a record\n";
    text += &line(
        "2026-10-14T11:00:00.000-07:00",
        "booth-1",
        "s2",
        "session_start",
    );
    text += "{\"ts\":\"2026-10-14T11:05:00.000-07:00\",\"lap"; // torn by a power cut
    std::fs::write(dir.path().join("booth-2026-10-14-booth-1.jsonl"), text).unwrap();
    let page = html_page(dir.path(), &[]);
    assert!(
        page.contains("<div class=\"n\">2</div>"),
        "two good visits counted"
    );
    assert!(page.contains("What this report skipped"));
    assert!(page.contains("Lines torn when the kiosk stopped while writing them: 1"));
    assert!(page.contains("Lines that are not booth-log records: 1"));
    assert!(page.contains("does not know: 1 (badge_scanned)"));
    assert!(page.contains("(a laptop's clock may be wrong): 1"));
    assert!(
        page.contains("booth-2026-10-14-booth-1.jsonl:4"),
        "the bad line is located"
    );
    assert!(!page.contains("2099"), "the future visit is not drawn");
    assert_charts_are_xml(&page);

    let doc = json_doc(dir.path());
    assert_eq!(doc["sessions"], 2);
    let skipped = &doc["skipped"];
    assert_eq!(skipped["torn_lines"], 1);
    assert_eq!(skipped["invalid_lines"], 1);
    assert_eq!(skipped["future_dated"], 1);
    assert_eq!(skipped["unknown_events"], 1);
    assert_eq!(skipped["unknown_kinds"][0]["kind"], "badge_scanned");
}

#[test]
fn no_logs_give_a_page_that_says_there_is_no_data_yet() {
    let dir = tempfile::tempdir().unwrap();
    let page = html_page(dir.path(), &[]);
    assert!(page.contains("No data yet"));
    assert!(!page.contains("<svg"), "no empty charts");
    assert!(!page.contains("What this report skipped"));
    assert_fetches_nothing(&page);
    // Logs whose every line was skipped: no data, and the page says what was skipped.
    std::fs::write(
        dir.path().join("booth-2026-10-14-x.jsonl"),
        "garbage\n{\"ts\":\"2026-10",
    )
    .unwrap();
    let page = html_page(dir.path(), &["--lang", "es"]);
    assert!(page.contains("Todavía no hay datos"));
    assert!(page.contains("Líneas cortadas porque el quiosco se detuvo al escribirlas: 1"));
    assert!(!page.contains("<svg"));
}

#[test]
fn json_is_one_document_with_the_documented_names() {
    let (dir, written) = fair();
    let doc = json_doc(dir.path());
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let figures = [
        "apply_shown",
        "first_date",
        "last_date",
        "median_session_secs",
        "program_views",
        "programs_viewed",
        "quiz_recommended",
        "quizzes_finished",
        "search_terms",
        "searches_no_match",
        "searches_no_match_by_day",
        "searches_no_match_terms",
        "session_ends",
        "sessions",
        "sessions_by_day",
        "sessions_by_hour",
        "views_via",
    ];
    let mut top: Vec<&str> = figures.to_vec();
    top.extend(["format", "laptops", "skipped", "version"]);
    top.sort();
    assert_eq!(keys(&doc), top);
    let mut laptop: Vec<&str> = figures.to_vec();
    laptop.push("laptop");
    laptop.sort();
    assert_eq!(keys(&doc["laptops"][0]), laptop);
    assert_eq!(
        keys(&doc["skipped"]),
        [
            "duplicates_ignored",
            "files_failed",
            "files_read",
            "future_after",
            "future_dated",
            "invalid_lines",
            "torn_lines",
            "unknown_events",
            "unknown_kinds",
            "warnings"
        ]
    );
    assert_eq!(
        keys(&doc["program_views"][0]),
        ["attract", "browse", "program", "quiz", "search", "views"]
    );
    assert_eq!(
        keys(&doc["views_via"]),
        ["attract", "browse", "quiz", "search"]
    );
    assert_eq!(
        keys(&doc["session_ends"]),
        ["back_to_attract", "exit", "idle", "technician"]
    );
    assert_eq!(keys(&doc["sessions_by_day"][0]), ["date", "sessions"]);
    assert_eq!(
        keys(&doc["searches_no_match_by_day"][0]),
        ["date", "searches"]
    );
    assert_eq!(keys(&doc["searches_no_match_terms"][0]), ["terms", "times"]);
    assert_eq!(keys(&doc["quiz_recommended"][0]), ["program", "times"]);
    assert_eq!(doc["format"], "roc-kiosk-report");
    assert_eq!(doc["version"], 1);

    // The figures are the ones written, and the laptops add up to the booth.
    assert_eq!(doc["sessions"], written.sessions);
    assert_eq!(doc["searches_no_match"], written.searches_no_match);
    assert_eq!(doc["quizzes_finished"], written.quizzes);
    assert_eq!(doc["apply_shown"], written.apply_shown);
    let laptops = doc["laptops"].as_array().unwrap();
    assert_eq!(laptops.len(), LAPTOPS.len());
    let sum = |field: &str| -> u64 { laptops.iter().map(|l| l[field].as_u64().unwrap()).sum() };
    assert_eq!(sum("sessions"), written.sessions);
    assert_eq!(sum("searches_no_match"), written.searches_no_match);
    let by_day: u64 = doc["searches_no_match_by_day"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["searches"].as_u64().unwrap())
        .sum();
    assert_eq!(by_day, written.searches_no_match);
    // Only booth-1 logs words; booth-2's searches are counted without them.
    let words = |l: &serde_json::Value| l["searches_no_match_terms"].as_array().unwrap().len();
    assert!(words(&laptops[0]) > 0);
    assert_eq!(words(&laptops[1]), 0);
    assert!(laptops[1]["searches_no_match"].as_u64().unwrap() > 0);
}

#[test]
fn csv_has_the_unmet_demand_rows() {
    let (dir, written) = fair();
    let run = report(&[dir.path().to_str().unwrap(), "--csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("metric,key,value\n"));
    let rows: Vec<(&str, &str, &str)> = run
        .stdout
        .lines()
        .skip(1)
        .map(|l| {
            let mut p = l.splitn(3, ',');
            (p.next().unwrap(), p.next().unwrap(), p.next().unwrap())
        })
        .collect();
    let value = |metric: &str| rows.iter().find(|r| r.0 == metric).map(|r| r.2);
    assert_eq!(
        value("searches_no_match"),
        Some(&*written.searches_no_match.to_string())
    );
    let by_day: Vec<&(&str, &str, &str)> = rows
        .iter()
        .filter(|r| r.0 == "searches_no_match_by_day")
        .collect();
    assert_eq!(by_day.len(), sample_logs::DAYS.len());
    let total: u64 = by_day.iter().map(|r| r.2.parse::<u64>().unwrap()).sum();
    assert_eq!(total, written.searches_no_match);
    assert!(
        rows.iter()
            .any(|r| r.0 == "searches_no_match_terms" && r.1 == "welding")
    );
}

#[test]
fn csv_and_json_cannot_be_asked_for_together() {
    let dir = tempfile::tempdir().unwrap();
    let run = report(&[dir.path().to_str().unwrap(), "--csv", "--json"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
fn the_xml_check_can_fail() {
    // What maud writes for a void element (`rect;`): fine in HTML, not well-formed XML, and
    // inside SVG it swallows the next shapes.
    let page = "<p><svg xmlns=\"http://www.w3.org/2000/svg\"><rect x=\"1\"></svg></p>";
    assert!(std::panic::catch_unwind(|| assert_charts_are_xml(page)).is_err());
}
