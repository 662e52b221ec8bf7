//! When a district outgrows one laptop's report: the README's DuckDB query over many
//! laptops' `*.jsonl` files must count the same visits as `roc-kiosk report`.
//!
//! Runs with the `duckdb` Python package or the `duckdb` CLI, whichever is there. Without
//! either it prints why it skipped; with `ROC_REQUIRE_DUCKDB=1` (set by `.ci/run`, which
//! installs the package) a missing DuckDB fails instead, so CI cannot skip it silently.

mod sample_logs;

use std::path::Path;
use std::process::{Command, Stdio};

/// The query as the README shows it, between these markers, reading `logs/*.jsonl`.
const BEGIN: &str = "<!-- duckdb-visits -->";
const END: &str = "<!-- /duckdb-visits -->";
const README_GLOB: &str = "'logs/*.jsonl'";

fn readme_query() -> String {
    let readme = include_str!("../README.md");
    let start = readme.find(BEGIN).expect("the README has the DuckDB query") + BEGIN.len();
    let end = readme[start..]
        .find(END)
        .expect("the query block is closed")
        + start;
    let block = &readme[start..end];
    let sql = block
        .split("```sql")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a ```sql block between the markers");
    assert!(sql.contains(README_GLOB), "the query reads {README_GLOB}");
    sql.trim().to_string()
}

enum Engine {
    Python,
    Cli,
}

fn find_duckdb() -> Result<Engine, String> {
    let works = |cmd: &mut Command| {
        cmd.stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if works(Command::new("python3").args(["-c", "import duckdb"])) {
        Ok(Engine::Python)
    } else if works(Command::new("duckdb").arg("-version")) {
        Ok(Engine::Cli)
    } else {
        Err(
            "neither the duckdb Python package (python3 -c 'import duckdb' failed) \
             nor the duckdb CLI is installed; `pip install duckdb` runs this test"
                .into(),
        )
    }
}

/// The single number the query prints.
fn run_query(engine: &Engine, sql: &str) -> u64 {
    let out = match engine {
        Engine::Python => Command::new("python3")
            .args([
                "-c",
                "import duckdb, sys; print(duckdb.sql(sys.argv[1]).fetchall()[0][0])",
                sql,
            ])
            .output(),
        Engine::Cli => Command::new("duckdb")
            .args(["-noheader", "-csv", "-c", sql])
            .output(),
    }
    .expect("duckdb runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "duckdb failed: {}\n{sql}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("duckdb printed {stdout:?}"))
}

fn report_sessions(dir: &Path) -> u64 {
    let out = Command::new(env!("CARGO_BIN_EXE_roc-kiosk"))
        .args(["report", dir.to_str().unwrap(), "--json"])
        .env_remove("ROC_KIOSK_CONFIG")
        .output()
        .expect("report runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    doc["sessions"].as_u64().expect("sessions is a number")
}

#[test]
fn duckdb_counts_the_same_visits_as_report() {
    let sql = readme_query();
    let engine = match find_duckdb() {
        Ok(engine) => engine,
        Err(why) if std::env::var_os("ROC_REQUIRE_DUCKDB").is_some() => {
            panic!("ROC_REQUIRE_DUCKDB is set but {why}")
        }
        Err(why) => {
            eprintln!("SKIPPED duckdb_counts_the_same_visits_as_report: {why}");
            return;
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let written = sample_logs::write_fair(dir.path());
    // A third laptop's file with what real folders hold: a copy of another laptop's file
    // (its visits must not count twice), an unknown event kind, a clock in the future,
    // a line that is not a record and a line torn by a power cut.
    let first = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    std::fs::copy(&first, dir.path().join("booth-2026-10-14-copy.jsonl")).unwrap();
    std::fs::write(
        dir.path().join("booth-2026-10-14-booth-3.jsonl"),
        concat!(
            r#"{"ts":"2026-10-14T09:00:00.000-07:00","laptop":"booth-3","session":"a1","event":"session_start"}"#,
            "\n",
            r#"{"ts":"2026-10-14T09:02:00.000-07:00","laptop":"booth-3","session":"u1","event":"badge_scanned"}"#,
            "\n",
            r#"{"ts":"2099-01-01T09:00:00.000-07:00","laptop":"booth-3","session":"f1","event":"session_start"}"#,
            "\nnot a record\n",
            r#"{"ts":"2026-10-14T11:05:00.000-07:00","lap"#,
        ),
    )
    .unwrap();

    let report = report_sessions(dir.path());
    assert_eq!(report, written.sessions + 1, "report itself");
    let glob = format!("'{}/*.jsonl'", dir.path().display());
    let duckdb = run_query(&engine, &sql.replace(README_GLOB, &glob));
    assert_eq!(duckdb, report, "DuckDB and report disagree on the visits");
}
