//! `roc-kiosk report` speed: read and summarise 1,000,000 booth-log lines.
//!
//! Run: `cargo bench --bench report`. Target: under 2 s on 2 cores (a whole season of
//! several laptops is far smaller; this is the headroom check). Also times drawing the
//! HTML page and the JSON document from that summary.

use std::hint::black_box;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use roc_kiosk::stats::{
    EndReason, Event, PageInput, Record, Via, format_ts, html_report, json_report, read_logs,
    summarize, summarize_files,
};

const LINES: usize = 1_000_000;
const LAPTOPS: usize = 4;
const PROGRAMS: [&str; 8] = [
    "auto-tech",
    "cosmetology",
    "medical-assisting",
    "welding",
    "culinary-arts",
    "computer-science",
    "dental-assisting",
    "fire-technology",
];

/// Writes `LINES` realistic records (sessions of a start, views, sometimes a quiz, the
/// apply screen or a search that found nothing, an end) across `LAPTOPS` files, a few
/// seconds apart over many days.
fn generate(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut rng = StdRng::seed_from_u64(42);
    let tz = jiff::tz::TimeZone::fixed(jiff::tz::offset(-7));
    let per_laptop = LINES / LAPTOPS;
    let mut files = Vec::new();
    for laptop_no in 0..LAPTOPS {
        let laptop = format!("booth-{laptop_no}");
        let path = dir.join(format!("booth-season-{laptop}.jsonl"));
        let mut out = BufWriter::new(std::fs::File::create(&path).unwrap());
        let mut now = jiff::civil::date(2025, 9, 1)
            .at(8, 0, 0, 0)
            .to_zoned(tz.clone())
            .unwrap();
        let mut written = 0;
        while written < per_laptop {
            let session = format!("{:016x}", rng.random::<u64>());
            let mut events = vec![Event::SessionStart];
            for _ in 0..rng.random_range(1..6) {
                events.push(Event::ProgramViewed {
                    program: PROGRAMS[rng.random_range(0..PROGRAMS.len())].into(),
                    via: Via::ALL[rng.random_range(0..4)],
                    search_terms: None,
                });
            }
            if rng.random_bool(0.3) {
                let top3 = (0..3)
                    .map(|_| PROGRAMS[rng.random_range(0..PROGRAMS.len())].to_string())
                    .collect();
                events.push(Event::QuizFinished { top3 });
            }
            if rng.random_bool(0.4) {
                events.push(Event::ApplyShown);
            }
            if rng.random_bool(0.15) {
                events.push(Event::SearchNoMatch { search_terms: None });
            }
            events.push(Event::SessionEnd {
                reason: EndReason::ALL[rng.random_range(0..4)],
                seconds: rng.random_range(10..600),
            });
            for event in events.into_iter().take(per_laptop - written) {
                now = now
                    .checked_add(jiff::SignedDuration::from_millis(
                        rng.random_range(500..30_000),
                    ))
                    .unwrap();
                let record = Record {
                    ts: format_ts(&now),
                    laptop: laptop.clone(),
                    session: session.clone(),
                    event,
                };
                serde_json::to_writer(&mut out, &record).unwrap();
                out.write_all(b"\n").unwrap();
                written += 1;
            }
        }
        out.flush().unwrap();
        files.push(path);
    }
    files
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let files = generate(dir.path());
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();
    let (summary, stats) = summarize_files(&files, None);
    assert_eq!(summary.records as usize, LINES);
    assert!(stats.warnings.is_empty());
    println!(
        "{LINES} lines, {} MB in {LAPTOPS} files, {} sessions",
        bytes / 1_000_000,
        summary.sessions
    );

    let mut group = c.benchmark_group("report_1m_lines");
    group.sample_size(10);
    group.measurement_time(std::time::Duration::from_secs(40));
    group.bench_function("summarize_files (streaming, what report runs)", |b| {
        b.iter(|| black_box(summarize_files(black_box(&files), None)))
    });
    group.bench_function("read_logs + summarize", |b| {
        b.iter(|| {
            let out = read_logs(black_box(&files));
            black_box(summarize(&out.records, None))
        })
    });
    group.finish();

    let catalog = roc_kiosk::catalog::Catalog::bundled().unwrap();
    let mut pages = c.benchmark_group("report_formats");
    pages.bench_function("html_report (4 laptops)", |b| {
        b.iter(|| {
            black_box(html_report(&PageInput {
                summary: black_box(&summary),
                read: &stats,
                lang: roc_kiosk::i18n::Lang::En,
                catalog: Some(&catalog),
                made_on: jiff::civil::date(2025, 12, 1),
            }))
        })
    });
    pages.bench_function("json_report (4 laptops)", |b| {
        b.iter(|| black_box(json_report(black_box(&summary), &stats)))
    });
    pages.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
