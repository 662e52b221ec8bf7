//! Search speed: one query (first letter, one word, a typo, two words, Spanish, no match)
//! on the bundled catalog and on a generated 10,000-program catalog, through
//! `search_or_closest` as the kiosk calls it on every keystroke. Targets on the 2-core
//! booth laptop: under 50 µs per keystroke on the bundled catalog, under 5 ms at 10,000
//! programs.
//!
//! `cargo bench --bench search -- --quick` for a fast run.

use std::hint::black_box;

#[path = "catalog_gen/mod.rs"]
mod catalog_gen;

use criterion::{Criterion, criterion_group, criterion_main};
use roc_kiosk::catalog::Catalog;
use roc_kiosk::i18n::Lang;
use roc_kiosk::search::SearchIndex;

const QUERIES: [(&str, &str); 6] = [
    ("first_letter", "c"),
    ("one_word", "nurse"),
    // Goes through the typo pass (Skim + edit distance): no word starts with it.
    ("typo", "vetrinary"),
    ("two_words", "vet animals"),
    ("spanish", "enfermería"),
    // Matches nothing, so it also runs the closest-programs pass over the whole vocabulary.
    ("no_match", "xyzzy"),
];

/// The bundled catalog with its programs replaced by `count` generated ones (the
/// generator `benches/scale.rs`, `scripts/compare-fzf.sh` and `tests/scale.rs` share).
fn generated_catalog(count: usize) -> Catalog {
    let mut catalog = Catalog::bundled().expect("bundled catalog");
    catalog.programs = catalog_gen::programs(count);
    catalog
}

fn bench_search(c: &mut Criterion) {
    let bundled = Catalog::bundled().expect("bundled catalog");
    let bundled_index = SearchIndex::new(&bundled);
    let large = generated_catalog(10_000);
    let large_index = SearchIndex::new(&large);

    let mut group = c.benchmark_group(format!("bundled_{}", bundled.programs.len()));
    for (kind, query) in QUERIES {
        group.bench_function(kind, |b| {
            b.iter(|| bundled_index.search_or_closest(black_box(query), Lang::En))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("generated_10000");
    for (kind, query) in QUERIES {
        group.bench_function(kind, |b| {
            b.iter(|| large_index.search_or_closest(black_box(query), Lang::En))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("build_index");
    group.sample_size(10);
    group.bench_function("bundled", |b| {
        b.iter(|| SearchIndex::new(black_box(&bundled)))
    });
    group.bench_function("generated_10000", |b| {
        b.iter(|| SearchIndex::new(black_box(&large)))
    });
    group.finish();
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
