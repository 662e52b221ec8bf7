//! A statewide catalog: load + validate, build the search index, and one keystroke's
//! search at the bundled size, 1,000 and 10,000 programs (the generated catalog of
//! `benches/catalog_gen`, which `scripts/compare-fzf.sh` and `tests/scale.rs` share).
//! Targets at 10,000 programs: index under 50 ms, a keystroke's search under 2 ms.
//!
//! `cargo bench --bench scale -- --warm-up-time 1 --measurement-time 4`

#[path = "catalog_gen/mod.rs"]
mod catalog_gen;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use roc_kiosk::catalog::Catalog;
use roc_kiosk::catalog::load::BUNDLED;
use roc_kiosk::i18n::Lang;
use roc_kiosk::search::SearchIndex;

/// The bundled catalog, then generated ones.
const SIZES: [usize; 3] = [0, 1_000, 10_000];

/// What a student types, letter by letter: the keystroke searches of one word.
const KEYSTROKES: [&str; 3] = ["n", "nur", "nurse"];

fn bench_scale(c: &mut Criterion) {
    for size in SIZES {
        let texts: [(&str, String); 4] = match size {
            0 => BUNDLED.map(|(name, text)| (name, text.to_string())),
            n => catalog_gen::catalog_texts(n),
        };
        let borrowed = texts.each_ref().map(|(name, text)| (*name, text.as_str()));
        let catalog = Catalog::from_texts(borrowed).expect("a valid catalog");
        let label = format!("programs_{}", catalog.programs.len());
        let mut group = c.benchmark_group(&label);
        group.sample_size(10);
        group.bench_function("load_validate", |b| {
            b.iter(|| Catalog::from_texts(black_box(borrowed)).expect("a valid catalog"))
        });
        group.bench_function("build_index", |b| {
            b.iter(|| SearchIndex::new(black_box(&catalog)))
        });
        let index = SearchIndex::new(&catalog);
        for query in KEYSTROKES {
            group.bench_function(format!("search_{query}"), |b| {
                b.iter(|| index.search_or_closest(black_box(query), Lang::En))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench_scale);
criterion_main!(benches);
