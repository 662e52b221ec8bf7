//! Catalog loading and validation: the bundled catalog, a small good catalog, one broken
//! catalog per kind of mistake (tests/fixtures/bad-catalogs, made by
//! tests/fixtures/make_fixtures.py), several mistakes at once, oversized files, damaged
//! JSON, files that are devices or FIFOs, byte-order marks, and `roc-kiosk check`'s exit
//! codes and terminal-safe output.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::hostile::within_a_minute;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use roc_kiosk::catalog::load::{BUNDLED, MAX_FILE_BYTES};
use roc_kiosk::catalog::{Catalog, CatalogErrors};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn good_dir() -> PathBuf {
    fixtures().join("good-catalog")
}

/// 1-based line and column (in characters) of byte `offset`, computed independently of
/// the library.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.lines().count().max(1) + usize::from(before.ends_with('\n'));
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, column)
}

/// Display lines of every error.
fn lines(errors: &CatalogErrors) -> Vec<String> {
    errors.0.iter().map(|e| e.to_string()).collect()
}

/// Text edits that fail loudly when the fixture no longer holds what a test breaks.
trait Edit {
    /// Replaces the first occurrence of `from`, which must be there.
    fn edit(self, from: &str, to: &str) -> String;
}

impl Edit for String {
    fn edit(self, from: &str, to: &str) -> String {
        assert!(
            self.contains(from),
            "the fixture no longer contains {from:?}"
        );
        self.replacen(from, to, 1)
    }
}

/// A copy of the good catalog in a temporary directory, with `edit` applied to the
/// text of each file (by file name).
fn edited_good_catalog(edit: impl Fn(&str, String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, _) in BUNDLED {
        let text = fs::read_to_string(good_dir().join(name)).unwrap();
        fs::write(dir.path().join(name), edit(name, text)).unwrap();
    }
    dir
}

#[test]
fn bundled_catalog_validates() {
    match Catalog::bundled() {
        Ok(catalog) => println!(
            "bundled: {} programs, {} sectors",
            catalog.programs.len(),
            catalog.sectors.len()
        ),
        Err(errors) => panic!("the bundled catalog must validate:\n{errors}"),
    }
}

#[test]
fn good_fixture_catalog_validates() {
    let catalog = Catalog::from_dir(&good_dir()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(catalog.programs.len(), 2);
    assert_eq!(catalog.sectors.len(), 2);
}

#[test]
fn each_broken_catalog_gets_its_located_message() {
    let mut dirs: Vec<PathBuf> = fs::read_dir(fixtures().join("bad-catalogs"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 15, "only {} broken catalogs", dirs.len());
    let mut failures = Vec::new();
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let expected = fs::read_to_string(dir.join("expected.txt")).unwrap();
        let expected: Vec<&str> = expected.lines().filter(|l| !l.is_empty()).collect();
        let errors = match Catalog::from_dir(dir) {
            Ok(_) => {
                failures.push(format!("{name}: loaded without error"));
                continue;
            }
            Err(errors) => errors,
        };
        let shown = lines(&errors);
        // One single error line must hold every expected piece (file:line:col, id,
        // field, problem, what to do).
        if !shown
            .iter()
            .any(|line| expected.iter().all(|piece| line.contains(piece)))
        {
            failures.push(format!(
                "{name}: no error contains all of {expected:?}; got:\n  {}",
                shown.join("\n  ")
            ));
        }
        // Every error names its file and says what to do.
        for error in &errors.0 {
            assert!(
                BUNDLED.iter().any(|(file, _)| error.file.ends_with(file)),
                "{name}: {error}"
            );
            assert!(!error.hint.is_empty(), "{name}: no hint in {error}");
        }
        println!("{name}: {}", shown[0]);
    }
    println!("{} broken catalogs checked", dirs.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_error_in_one_catalog_is_reported() {
    let dir = edited_good_catalog(|name, text| match name {
        "center.json" => text.edit("\"url\": \"https://roc", "\"url\": \"http://roc"),
        "sectors.json" => text.edit(
            "\"es\": \"Hospitalidad, Turismo y Recreación\"",
            "\"es\": \"\"",
        ),
        "programs.json" => text
            .edit("\"hours\": null", "\"hours\": \"many\"")
            .edit("\"R\": 5.59", "\"R\": 0.5")
            .edit("\"campus\": \"roc\"", "\"campus\": \"kern\""),
        "quiz.json" => text.edit("\"choice\": 0.3", "\"choice\": -1"),
        _ => text,
    });
    let errors = Catalog::from_dir(dir.path()).unwrap_err();
    let shown = lines(&errors);
    println!("{errors}");
    let expected = [
        "field 'application.url': 'http://roc.kernhigh.org' is not https",
        "sector 'hospitality_tourism' field 'name.es': the Spanish text is missing",
        // A schema error in one program does not hide the other program's errors.
        "program 'nursing-assistant' field 'hours': wrong type",
        "program 'culinary-arts' field 'riasec.R': 0.5 is outside 1–7",
        "program 'culinary-arts' field 'campus': unknown campus 'kern'",
        "field 'weights.choice': -1.0 is not a usable weight",
    ];
    for piece in expected {
        assert!(
            shown.iter().any(|line| line.contains(piece)),
            "missing {piece:?} in:\n{}",
            shown.join("\n")
        );
    }
    assert_eq!(shown.len(), expected.len(), "{}", shown.join("\n"));
}

#[test]
fn oversized_file_is_refused_with_a_clear_error() {
    let dir = edited_good_catalog(|_, text| text);
    let path = dir.path().join("programs.json");
    // Valid JSON padded past the limit: the size alone must be the reason.
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str(&" ".repeat(MAX_FILE_BYTES as usize + 1));
    fs::write(&path, text).unwrap();
    let errors = Catalog::from_dir(dir.path()).unwrap_err();
    let shown = lines(&errors);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].contains("programs.json"), "{}", shown[0]);
    assert!(shown[0].contains("over the 64 MB limit"), "{}", shown[0]);
}

#[test]
fn center_and_quiz_report_entry_and_file_errors_together() {
    // Campuses and quiz items come before the application and the weights in their
    // files: an error in them must not hide the later ones.
    let dir = edited_good_catalog(|name, text| match name {
        "center.json" => text
            .edit("\"start\": \"07:30\"", "\"start\": \"7.30\"")
            .edit("\"address\": null", "\"address\": 5")
            .edit("\"approximate\": true", "\"approximate\": \"yes\""),
        "quiz.json" => text
            .edit("\"area\": \"S\"", "\"area\": \"s\"")
            .edit("\"riasec\": 1.0", "\"riasec\": -1.0"),
        _ => text,
    });
    let errors = Catalog::from_dir(dir.path()).unwrap_err();
    let shown = lines(&errors);
    println!("{errors}");
    let center = fs::read_to_string(dir.path().join("center.json")).unwrap();
    let (line, column) = line_col(&center, center.find("\"approximate\"").unwrap());
    for piece in [
        "session 'am' field 'start': '7.30' is not a time",
        &format!("center.json:{line}:{column}: field 'application.window.approximate': wrong type"),
        "campus 'ctec' field 'address': wrong type: found integer `5`",
        "quiz item 'help_sick' field 'area': unknown variant `s`",
        "field 'weights.riasec': -1.0 is not a usable weight",
    ] {
        assert!(
            shown.iter().any(|line| line.contains(piece)),
            "missing {piece:?} in:\n{}",
            shown.join("\n")
        );
    }
}

/// The bundled files, with programs.json replaced by `programs`.
fn with_programs(programs: &str) -> Result<Catalog, CatalogErrors> {
    let [center, sectors, _, quiz] = BUNDLED;
    Catalog::from_texts([center, sectors, ("programs.json", programs), quiz])
}

/// Byte offsets of JSON punctuation outside strings.
fn structural_offsets(text: &str) -> Vec<usize> {
    let (mut in_string, mut escaped) = (false, false);
    let mut offsets = Vec::new();
    for (i, c) in text.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                offsets.push(i);
            }
            '{' | '}' | '[' | ']' | ':' | ',' => offsets.push(i),
            _ => {}
        }
    }
    offsets
}

/// The damage must show as a located syntax error in programs.json (whatever else the
/// bundled catalog may have).
fn assert_located_syntax_error(result: Result<Catalog, CatalogErrors>, what: &str) {
    let errors = result.err().unwrap_or_else(|| panic!("{what}: no error"));
    let located = errors.0.iter().any(|e| {
        e.file == "programs.json"
            && e.line.is_some()
            && e.column.is_some()
            && e.message.starts_with("JSON syntax error")
    });
    assert!(located, "{what}: no located syntax error:\n{errors}");
}

#[test]
fn damaged_programs_json_never_panics_and_always_errs() {
    let text = BUNDLED[2].1;
    let last_brace = text.rfind('}').unwrap();
    // Cut anywhere before the closing brace: never valid JSON.
    let boundaries: Vec<usize> = (0..=last_brace)
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let step = (boundaries.len() / 150).max(1);
    let mut cuts = 0;
    for &cut in boundaries.iter().step_by(step) {
        assert_located_syntax_error(with_programs(&text[..cut]), &format!("cut at {cut}"));
        cuts += 1;
    }
    // Delete one piece of punctuation (or a quote): never valid JSON.
    let mut rng = StdRng::seed_from_u64(20261103);
    let structural = structural_offsets(text);
    for _ in 0..150 {
        let at = structural[rng.random_range(0..structural.len())];
        let damaged = format!("{}{}", &text[..at], &text[at + 1..]);
        assert_located_syntax_error(with_programs(&damaged), &format!("delete byte {at}"));
    }
    // Delete a few random characters anywhere: the result may even be valid, but
    // loading never panics, and a failure is located.
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut failed = 0;
    for _ in 0..100 {
        let mut damaged = text.to_string();
        for _ in 0..rng.random_range(1..=3) {
            let (at, c) = chars[rng.random_range(0..chars.len())];
            if at + c.len_utf8() <= damaged.len() && damaged.is_char_boundary(at) {
                let end = at + c.len_utf8();
                if damaged.is_char_boundary(end) {
                    damaged.replace_range(at..end, "");
                }
            }
        }
        if let Err(errors) = with_programs(&damaged) {
            failed += 1;
            assert!(
                errors
                    .0
                    .iter()
                    .all(|e| e.file == "programs.json" && e.line.is_some()),
                "{errors}"
            );
        }
    }
    println!(
        "{cuts} truncations and 150 punctuation deletions all gave located syntax errors; \
         {failed}/100 random deletions gave located errors, none panicked"
    );
}

#[test]
fn non_utf8_bytes_are_located() {
    let dir = edited_good_catalog(|_, text| text);
    let path = dir.path().join("quiz.json");
    let mut bytes = fs::read(&path).unwrap();
    let at = bytes.iter().position(|&b| b == b'{').unwrap() + 1;
    bytes.insert(at, 0xff);
    fs::write(&path, bytes).unwrap();
    let errors = Catalog::from_dir(dir.path()).unwrap_err();
    let shown = lines(&errors);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(
        shown[0].contains("quiz.json:1:2: the file is not valid UTF-8"),
        "{}",
        shown[0]
    );
}

fn check(dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_roc-kiosk"))
        .arg("check")
        .arg("--catalog")
        .arg(dir)
        .output()
        .unwrap()
}

#[test]
fn check_exits_zero_with_a_summary_on_a_good_catalog() {
    let out = check(&good_dir());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.starts_with("OK: 2 programs in 2 sectors"),
        "{stdout}"
    );
}

#[test]
fn check_exits_non_zero_and_lists_every_error() {
    let dir = edited_good_catalog(|name, text| match name {
        "programs.json" => text
            .edit("\"es\": \"Artes Culinarias\"", "\"es\": \" \"")
            .edit("\"es\": \"Asistente de Enfermería\"", "\"es\": \"\""),
        _ => text,
    });
    let out = check(dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_ne!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert!(stderr.contains("The catalog has 2 problem(s)"), "{stderr}");
    assert!(
        stderr.contains("program 'nursing-assistant' field 'name.es'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("program 'culinary-arts' field 'name.es'"),
        "{stderr}"
    );
}

#[test]
fn check_fails_on_a_missing_directory() {
    let out = check(Path::new("/nonexistent/roc-kiosk-catalog"));
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("center.json"), "{stderr}");
    assert!(stderr.contains("cannot read the file"), "{stderr}");
}

/// Every URL the bundled catalog lists: center, figures, sectors, programs (sources and
/// info pages).
fn catalog_urls(catalog: &Catalog) -> std::collections::BTreeSet<String> {
    let center = &catalog.center;
    let mut urls: std::collections::BTreeSet<String> = center.sources.iter().cloned().collect();
    urls.extend(center.figures.iter().map(|f| f.source.clone()));
    for sector in &catalog.sectors {
        urls.extend(sector.sources.iter().cloned());
    }
    for program in &catalog.programs {
        urls.extend(program.sources.iter().cloned());
        urls.extend(program.info_url.iter().cloned());
    }
    urls
}

/// The URL cells of docs/SOURCES.md's tables (the second column of each row).
fn sources_md_urls() -> std::collections::BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/SOURCES.md");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|line| line.starts_with('|'))
        .filter_map(|line| line.split('|').nth(2))
        .map(str::trim)
        .filter(|cell| cell.starts_with("http://") || cell.starts_with("https://"))
        .map(String::from)
        .collect()
}

#[test]
fn sources_md_lists_every_url_of_the_catalog_and_no_other() {
    let catalog = Catalog::bundled().unwrap_or_else(|e| panic!("{e}"));
    let used = catalog_urls(&catalog);
    let listed = sources_md_urls();
    let missing: Vec<&String> = used.difference(&listed).collect();
    let unused: Vec<&String> = listed.difference(&used).collect();
    println!(
        "{} URLs in the catalog, {} in docs/SOURCES.md",
        used.len(),
        listed.len()
    );
    assert!(
        missing.is_empty(),
        "add these to the table in docs/SOURCES.md: {missing:#?}"
    );
    assert!(
        unused.is_empty(),
        "docs/SOURCES.md lists URLs no catalog entry uses: {unused:#?}"
    );
}

/// The good catalog with its programs.json changed as JSON by `change`.
fn good_catalog_with_programs(change: impl Fn(&mut [serde_json::Value])) -> tempfile::TempDir {
    let dir = edited_good_catalog(|_, text| text);
    let path = dir.path().join("programs.json");
    let mut root: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    change(root["programs"].as_array_mut().unwrap());
    fs::write(&path, serde_json::to_string_pretty(&root).unwrap()).unwrap();
    dir
}

#[test]
fn unknown_campus_and_sessions_may_be_null_and_partners_load() {
    use serde_json::{Value, json};
    let make_partner = |programs: &mut [Value], sessions: Value| {
        programs[0]["kind"] = json!("partner");
        programs[0]["campus"] = Value::Null;
        programs[0]["sessions"] = sessions;
        programs[1]["campus"] = Value::Null;
    };
    // A partner that still lists the center's sessions: that, and only that, is an error.
    let dir = good_catalog_with_programs(|p| make_partner(p, json!(["am", "pm"])));
    let shown = lines(&Catalog::from_dir(dir.path()).unwrap_err());
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(
        shown[0].contains("program 'nursing-assistant' field 'sessions': a partner program"),
        "{}",
        shown[0]
    );
    // With its sessions unknown, it loads; so does a center program with no campus.
    let dir = good_catalog_with_programs(|p| make_partner(p, Value::Null));
    let catalog = Catalog::from_dir(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let nursing = &catalog.programs[0];
    assert_eq!(nursing.id, "nursing-assistant");
    assert_eq!(nursing.kind, roc_kiosk::catalog::ProgramKind::Partner);
    assert_eq!((&nursing.campus, &nursing.sessions), (&None, &None));
    assert_eq!(catalog.programs[1].campus, None);
}

fn check_on(dir: &Path, today: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_roc-kiosk"))
        .args(["check", "--today", today, "--catalog"])
        .arg(dir)
        .output()
        .unwrap()
}

#[test]
fn check_warns_about_stale_dates_without_failing() {
    let dir = edited_good_catalog(|name, text| {
        match name {
        "center.json" => text
            .edit(
                "\"facts_checked\": \"2026-11-29\"",
                "\"facts_checked\": \"2025-01-15\"",
            )
            .edit(
                "\"exact\": []",
                "\"exact\": [{\"school_year\": \"2025-26\", \"opens\": \"2025-11-03\", \"closes\": \"2026-03-06\"}]",
            ),
        _ => text,
    }
    });
    // Within a year of the check and in the window's own school year: no warning.
    let fresh = check_on(dir.path(), "2026-01-10");
    assert!(fresh.status.success());
    assert!(
        fresh.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&fresh.stderr)
    );
    // A year and a half later, in the next school year: two warnings, exit 0.
    let stale = check_on(dir.path(), "2026-08-01");
    let stderr = String::from_utf8_lossy(&stale.stderr);
    let stdout = String::from_utf8_lossy(&stale.stdout);
    println!("{stdout}{stderr}");
    assert!(stale.status.success(), "{stderr}");
    assert!(stdout.starts_with("OK: 2 programs"), "{stdout}");
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .collect();
    assert_eq!(warnings.len(), 2, "{stderr}");
    assert!(
        warnings[0].contains("facts_checked is 2025-01-15, more than a year before 2026-08-01"),
        "{stderr}"
    );
    assert!(
        warnings[1].contains("2025-26 (2025-11-03 to 2026-03-06) belong to a past school year"),
        "{stderr}"
    );
}

/// The O*NET interest ratings docs/SOURCES.md lists: code -> [R, I, A, S, E, C].
fn sources_md_ratings() -> std::collections::BTreeMap<String, [f64; 6]> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/SOURCES.md");
    let text = fs::read_to_string(path).unwrap();
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            // | code | occupation | R | I | A | S | E | C | used by |
            let code = cells.get(1)?;
            let is_code = code.len() == 10 && code.as_bytes()[2] == b'-';
            let values: Vec<f64> = cells
                .get(3..9)?
                .iter()
                .filter_map(|c| c.parse().ok())
                .collect();
            (is_code && values.len() == 6).then(|| (code.to_string(), values.try_into().unwrap()))
        })
        .collect()
}

#[test]
fn riasec_of_programs_with_listed_ratings_is_their_mean() {
    let catalog = Catalog::bundled().unwrap_or_else(|e| panic!("{e}"));
    let ratings = sources_md_ratings();
    assert!(ratings.len() >= 10, "only {} rating rows", ratings.len());
    let mut checked = Vec::new();
    for program in &catalog.programs {
        let Some(rows) = program
            .onet
            .iter()
            .map(|code| ratings.get(code))
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        for (area, value) in program.riasec.as_array().iter().enumerate() {
            let mean = rows.iter().map(|r| r[area]).sum::<f64>() / rows.len() as f64;
            // Two decimals, rounded.
            assert!(
                (mean - value).abs() <= 0.005 + 1e-9,
                "{}: RIASEC letter {area} is {value}, the mean of its O*NET rows is {mean:.4}",
                program.id
            );
        }
        checked.push(program.id.as_str());
    }
    println!("RIASEC means checked against docs/SOURCES.md: {checked:?}");
    for id in common::ADDED_PROGRAMS {
        assert!(checked.contains(&id), "{id} was not checked");
    }
}

/// `roc-kiosk check --catalog DIR`, killed (and the test failed) if it is still running
/// after a minute.
fn check_within_a_minute(dir: &Path) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_roc-kiosk"))
        .arg("check")
        .arg("--catalog")
        .arg(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("roc-kiosk check was still running after 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn center_json_linked_to_dev_zero_is_refused_at_once() {
    let dir = edited_good_catalog(|_, text| text);
    let center = dir.path().join("center.json");
    fs::remove_file(&center).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &center).unwrap();
    let path = dir.path().to_path_buf();
    let errors = within_a_minute(
        "loading a catalog whose center.json is /dev/zero",
        move || Catalog::from_dir(&path).unwrap_err(),
    );
    let shown = lines(&errors);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(
        shown[0].contains(&format!(
            "{}: not a regular file: it links to /dev/zero, which is a character device",
            center.display()
        )),
        "{}",
        shown[0]
    );
}

#[cfg(unix)]
#[test]
fn a_catalog_file_that_is_a_fifo_is_refused_at_once() {
    let dir = edited_good_catalog(|_, text| text);
    let programs = dir.path().join("programs.json");
    fs::remove_file(&programs).unwrap();
    common::hostile::make_fifo(&programs);
    let path = dir.path().to_path_buf();
    let errors = within_a_minute(
        "loading a catalog whose programs.json is a FIFO",
        move || Catalog::from_dir(&path).unwrap_err(),
    );
    let shown = lines(&errors);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(
        shown[0].contains("programs.json: not a regular file: this is a FIFO (named pipe)"),
        "{}",
        shown[0]
    );
    // The same through the binary, with a link in between: exit 2 with the path.
    let quiz = dir.path().join("quiz.json");
    fs::remove_file(&quiz).unwrap();
    std::os::unix::fs::symlink("programs.json", &quiz).unwrap();
    let out = check_within_a_minute(dir.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("The catalog has 2 problem(s)"), "{stderr}");
    assert!(
        stderr.contains("quiz.json: not a regular file: it links to"),
        "{stderr}"
    );
}

#[test]
fn a_byte_order_mark_is_accepted_in_every_file() {
    let dir = edited_good_catalog(|_, text| format!("\u{feff}{text}"));
    let catalog = Catalog::from_dir(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(catalog.programs.len(), 2);
    // Errors after a byte-order mark are located as an editor shows them.
    let dir = edited_good_catalog(|name, text| match name {
        "quiz.json" => format!("\u{feff}{}", text.edit("{", "{,")),
        _ => text,
    });
    let shown = lines(&Catalog::from_dir(dir.path()).unwrap_err());
    assert!(
        shown[0].contains("quiz.json:1:2: JSON syntax error"),
        "{shown:?}"
    );
}

/// Characters a terminal acts on, or that reorder or hide text.
fn has_terminal_codes(text: &str) -> bool {
    text.chars()
        .any(|c| c != '\n' && roc_kiosk::text_rules::classify(c).is_some())
}

#[test]
fn check_prints_bad_catalogs_without_terminal_codes() {
    let mut checked = 0;
    for entry in fs::read_dir(fixtures().join("bad-catalogs")).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let raw: String = BUNDLED
            .iter()
            .filter_map(|(name, _)| fs::read(dir.join(name)).ok())
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .collect();
        let decoded = raw.replace("\\u001b", "\u{1b}").replace("\\u0007", "\u{7}");
        if !has_terminal_codes(&decoded) {
            continue;
        }
        let out = check(&dir);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            !has_terminal_codes(&stderr),
            "{}: {stderr:?}",
            dir.display()
        );
        assert!(stderr.contains("characters are not allowed"), "{stderr}");
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} catalogs with terminal codes");
}

#[test]
fn the_kiosk_refuses_to_start_on_a_catalog_with_escape_sequences() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("cat");
    fs::create_dir(&dir).unwrap();
    for (name, text) in BUNDLED {
        let text = match name {
            // Clear the screen, set the window title, write the clipboard, leave the
            // alternate screen, and a one-character CSI: none of it may reach the terminal.
            "programs.json" => text.to_string().edit(
                "\"en\": \"Cosmetology\"",
                "\"en\": \"Cosmetology\\u001b[2J\\u001b]0;PWNED\\u0007\\u001b]52;c;cm0gLXJmIC8=\\u0007\\u001b[?1049l\u{9b}31mRED\"",
            ),
            _ => text.to_string(),
        };
        fs::write(dir.join(name), text).unwrap();
    }
    let mut kiosk =
        common::pty::PtyKiosk::start(&["--catalog", dir.to_str().unwrap()], 80, 24, home.path());
    assert!(
        !kiosk.wait_exit(),
        "the kiosk started on a catalog with escape sequences"
    );
    kiosk.wait_for("control characters are not allowed");
    let screen = kiosk.screen();
    assert!(
        screen.contains("program 'cosmetology' field 'name.en'"),
        "{screen}"
    );
    let raw = String::from_utf8_lossy(&kiosk.raw.lock().unwrap()).to_string();
    for code in [
        "\x1b[?1049h",
        "\x1b[2J",
        "\x1b]0;PWNED",
        "\x1b]52;",
        "\u{9b}",
    ] {
        assert!(
            !raw.contains(code),
            "{code:?} reached the terminal: {raw:?}"
        );
    }
}
