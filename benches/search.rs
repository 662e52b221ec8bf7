//! Search speed: one query (first letter, one word, a typo, two words, Spanish, no match)
//! on the bundled catalog and on a generated 10,000-program catalog, through
//! `search_or_closest` as the kiosk calls it on every keystroke. Targets on the 2-core
//! booth laptop: under 50 µs per keystroke on the bundled catalog, under 5 ms at 10,000
//! programs.
//!
//! `cargo bench --bench search -- --quick` for a fast run.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use roc_kiosk::catalog::{Catalog, Text};
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

const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mi", "ren", "to", "vas", "qui", "den", "sol", "mar", "ti", "bra", "nel", "zu",
    "po", "gar",
];

/// The bundled programs cloned to `count`, each with a unique id and a unique made-up
/// word in its name, and keywords and description words borrowed from other programs,
/// so the vocabulary grows as a real large catalog's would.
fn generated_catalog(count: usize) -> Catalog {
    let mut catalog = Catalog::bundled().expect("bundled catalog");
    let base = catalog.programs.clone();
    let all_keywords: Vec<String> = base.iter().flat_map(|p| p.keywords.clone()).collect();
    let all_words: Vec<String> = base
        .iter()
        .flat_map(|p| {
            p.description
                .en
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let mut rng = StdRng::seed_from_u64(2026);
    catalog.programs = (0..count)
        .map(|i| {
            let mut p = base[i % base.len()].clone();
            let mut made_up = String::new();
            let mut n = i;
            loop {
                made_up.push_str(SYLLABLES[n % SYLLABLES.len()]);
                n /= SYLLABLES.len();
                if n == 0 {
                    break;
                }
            }
            p.id = format!("{}-{i}", p.id);
            p.name = Text {
                en: format!("{} {made_up}", p.name.en),
                es: p.name.es.as_ref().map(|es| format!("{es} {made_up}")),
            };
            for _ in 0..rng.random_range(0..4) {
                if let Some(k) = all_keywords.choose(&mut rng) {
                    p.keywords.push(k.clone());
                }
            }
            let extra: Vec<&str> = (0..rng.random_range(0..10))
                .filter_map(|_| all_words.choose(&mut rng).map(String::as_str))
                .collect();
            p.description.en = format!("{} {}", p.description.en, extra.join(" "));
            p
        })
        .collect();
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
