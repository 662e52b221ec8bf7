//! The generated large catalog the scale benches and `scripts/compare-fzf.sh` measure
//! (`benches/catalog_gen`) is a valid catalog, and search finds its programs: the
//! figures in the README are for a catalog the kiosk accepts, not one it refuses.

#[path = "../benches/catalog_gen/mod.rs"]
mod catalog_gen;

use roc_kiosk::catalog::Catalog;
use roc_kiosk::i18n::Lang;
use roc_kiosk::search::SearchIndex;

#[test]
fn a_generated_catalog_of_a_thousand_programs_validates_and_searches() {
    let texts = catalog_gen::catalog_texts(1000);
    let catalog = Catalog::from_texts(texts.each_ref().map(|(name, text)| (*name, text.as_str())))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(catalog.programs.len(), 1000);
    let index = SearchIndex::new(&catalog);
    let hits = index.search("nurse", Lang::En);
    assert!(!hits.is_empty());
    // Every hit's name is a nursing program: the made-up words do not add noise.
    for hit in &hits[..5] {
        let name = &catalog.programs[hit.program].name.en;
        assert!(name.contains("Nurs"), "{name}");
    }
    // Each program's made-up word is in its name only, so it finds that one program.
    let last = &catalog.programs[999];
    let word = last.name.en.rsplit(' ').next().unwrap();
    let hits = index.search(word, Lang::En);
    assert_eq!(hits.first().map(|h| h.program), Some(999), "{word}");
}

#[test]
fn the_fzf_text_has_one_line_per_program() {
    let texts = catalog_gen::catalog_texts(40);
    let catalog = Catalog::from_texts(texts.each_ref().map(|(name, text)| (*name, text.as_str())))
        .unwrap_or_else(|e| panic!("{e}"));
    let lines = catalog_gen::fzf_lines(&catalog);
    assert_eq!(lines.lines().count(), 40);
    assert!(
        lines
            .lines()
            .next()
            .unwrap()
            .starts_with(&catalog.programs[0].name.en)
    );
}
