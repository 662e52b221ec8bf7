//! A large generated catalog, for the scale benches, `scripts/compare-fzf.sh` (through
//! the hidden example `gen_catalog`) and `tests/scale.rs`: one generator, included by
//! each with `#[path]`, so the benches, the script and the test measure the same text.
//!
//! The bundled programs are cloned to `count`, each with a unique id and a unique
//! made-up word in its name (both languages), a few keywords and description words
//! borrowed from other programs, so the vocabulary grows as a real statewide catalog's
//! would. Every generated catalog passes `roc-kiosk check` (the test checks it).
#![allow(dead_code)]

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use roc_kiosk::catalog::load::BUNDLED;
use roc_kiosk::catalog::{Catalog, Program, Text};

const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mi", "ren", "to", "vas", "qui", "den", "sol", "mar", "ti", "bra", "nel", "zu",
    "po", "gar",
];

/// A made-up word unique to `i` ("ka", "lo", … "kalo", …).
fn made_up_word(i: usize) -> String {
    let mut word = String::new();
    let mut n = i;
    loop {
        word.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
        if n == 0 {
            return word;
        }
    }
}

/// `count` programs made from the bundled ones (the same for the same `count`).
pub fn programs(count: usize) -> Vec<Program> {
    let base = Catalog::bundled().expect("bundled catalog").programs;
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
    (0..count)
        .map(|i| {
            let mut p = base[i % base.len()].clone();
            let made_up = made_up_word(i);
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
        .collect()
}

/// The texts of a catalog of `count` programs, in the order of [`BUNDLED`]: the bundled
/// center, sectors and quiz files, and a generated `programs.json` written as the
/// bundled one is (pretty-printed).
pub fn catalog_texts(count: usize) -> [(&'static str, String); 4] {
    #[derive(serde::Serialize)]
    struct ProgramsFile {
        programs: Vec<Program>,
    }
    let programs = serde_json::to_string_pretty(&ProgramsFile {
        programs: programs(count),
    })
    .expect("programs serialize");
    BUNDLED.map(|(name, text)| {
        let text = if name == "programs.json" {
            programs.clone()
        } else {
            text.to_string()
        };
        (name, text)
    })
}

/// One line per program, as `fzf --filter` reads it: name, keywords and description
/// (English, then Spanish where there is one).
pub fn fzf_lines(catalog: &Catalog) -> String {
    let mut out = String::new();
    for p in &catalog.programs {
        let mut fields: Vec<&str> = p.name.all().collect();
        fields.extend(p.keywords.iter().map(String::as_str));
        fields.extend(p.description.all());
        out.push_str(&fields.join(" "));
        out.push('\n');
    }
    out
}
