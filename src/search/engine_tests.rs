//! Behaviour of the whole engine on small in-test catalogs built from the bundled one.

use super::*;
use crate::catalog::{Program, Text};

fn text(en: &str, es: &str) -> Text {
    Text {
        en: en.to_string(),
        es: Some(es.to_string()),
    }
}

fn program(id: &str, name: Text, keywords: &[&str], description: &str) -> Program {
    let base = Catalog::bundled().expect("bundled catalog").programs[0].clone();
    Program {
        id: id.to_string(),
        name,
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        description: Text::en(description),
        summary: Text::en(""),
        careers: Vec::new(),
        certifications: Vec::new(),
        ..base
    }
}

fn catalog(programs: Vec<Program>) -> Catalog {
    let mut c = Catalog::bundled().expect("bundled catalog");
    c.programs = programs;
    c
}

fn small() -> Catalog {
    catalog(vec![
        program(
            "vet",
            text("Veterinary Technology", "Tecnología Veterinaria"),
            &["animals", "pets", "dogs", "animales", "mascotas"],
            "Care for animals in a teaching hospital.",
        ),
        program(
            "auto",
            text("Automotive Technology", "Tecnología Automotriz"),
            &["cars", "mechanic", "coches", "mecánico"],
            "Fix engines and brakes in a real shop.",
        ),
        program(
            "cosmo",
            text("Cosmetology", "Cosmetología"),
            &["hair", "nails", "makeup", "cabello"],
            "Cut and color hair; nails and skin care in a student salon.",
        ),
        program(
            "culinary",
            text("Culinary Arts", "Artes Culinarias"),
            &["cooking", "chef", "cocina"],
            "Cook and bake for a student-run café open to the public.",
        ),
    ])
}

fn ids(c: &Catalog, hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| c.programs[h.program].id.clone())
        .collect()
}

fn top(c: &Catalog, index: &SearchIndex, q: &str) -> Option<String> {
    index
        .search(q, Lang::En)
        .first()
        .map(|h| c.programs[h.program].id.clone())
}

#[test]
fn blank_query_returns_nothing() {
    let c = small();
    let index = SearchIndex::new(&c);
    for q in ["", "   ", "\t\n", "!!!", "--"] {
        assert!(index.search(q, Lang::En).is_empty(), "{q:?}");
    }
}

#[test]
fn nonsense_returns_nothing() {
    let c = small();
    let index = SearchIndex::new(&c);
    for q in ["xyzzy", "qqqq", "zzzz", "qwxv", "bbbbbbbb", "jjj kkk"] {
        let hits = index.search(q, Lang::En);
        assert!(hits.is_empty(), "{q:?} gave {:?}", ids(&c, &hits));
    }
}

#[test]
fn accents_and_case_are_ignored_both_ways() {
    let c = small();
    let index = SearchIndex::new(&c);
    for q in ["mecanico", "MECÁNICO", "Mecánico", "mecánico"] {
        assert_eq!(top(&c, &index, q).as_deref(), Some("auto"), "{q:?}");
    }
    for q in ["cosmetologia", "cosmetología", "COSMETOLOGÍA"] {
        assert_eq!(top(&c, &index, q).as_deref(), Some("cosmo"), "{q:?}");
    }
    // Decomposed input (e + combining accent) folds the same.
    assert_eq!(
        top(&c, &index, "mec\u{0061}\u{0301}nico").as_deref(),
        Some("auto")
    );
}

#[test]
fn every_word_must_match() {
    let c = small();
    let index = SearchIndex::new(&c);
    assert_eq!(ids(&c, &index.search("vet animals", Lang::En)), ["vet"]);
    // "vet" alone finds the vet program; "vet cars" matches no single program.
    assert!(index.search("vet cars", Lang::En).is_empty());
    // Filler and stop words do not break the AND.
    assert_eq!(
        top(&c, &index, "I want to work with animals").as_deref(),
        Some("vet")
    );
    assert_eq!(
        top(&c, &index, "quiero ser mecanico").as_deref(),
        Some("auto")
    );
}

#[test]
fn typos_of_names_and_keywords_still_match() {
    let c = small();
    let index = SearchIndex::new(&c);
    for (q, want) in [
        ("cosmetolgy", "cosmo"),
        ("cosmotology", "cosmo"),
        ("vetrinary", "vet"),
        ("veterinery", "vet"),
        ("culinery", "culinary"),
        ("automtive", "auto"),
        ("mechanics", "auto"),
        ("mecanic", "auto"),
        ("animales", "vet"),
        ("coche", "auto"),
    ] {
        assert_eq!(top(&c, &index, q).as_deref(), Some(want), "{q:?}");
    }
}

#[test]
fn name_beats_keyword_beats_description() {
    let c = catalog(vec![
        program(
            "desc",
            Text::en("Alpha Program"),
            &[],
            "we talk about robots here",
        ),
        program("kw", Text::en("Beta Program"), &["robots"], "nothing"),
        program("name", Text::en("Robots Lab"), &[], "nothing"),
    ]);
    let index = SearchIndex::new(&c);
    let hits = index.search("robots", Lang::En);
    assert_eq!(ids(&c, &hits), ["name", "kw", "desc"]);
    assert_eq!(
        hits.iter().map(|h| h.field).collect::<Vec<_>>(),
        [
            MatchField::Name,
            MatchField::Keyword,
            MatchField::Description
        ]
    );
}

#[test]
fn ties_keep_catalog_order() {
    let twins: Vec<Program> = ["c", "a", "d", "b"]
        .iter()
        .map(|id| program(id, Text::en("Welding"), &["metal"], "Join metal."))
        .collect();
    let c = catalog(twins);
    let index = SearchIndex::new(&c);
    for q in ["welding", "metal", "weld", "wleding"] {
        let hits = index.search(q, Lang::En);
        assert_eq!(ids(&c, &hits), ["c", "a", "d", "b"], "{q:?}");
        assert!(hits.windows(2).all(|w| w[0].score == w[1].score));
    }
}

#[test]
fn description_typos_and_scattered_letters_do_not_match() {
    let c = catalog(vec![program(
        "p",
        Text::en("Alpha"),
        &[],
        "Students learn customer service, scheduling and teamwork in a modern office.",
    )]);
    let index = SearchIndex::new(&c);
    // "cat" is scattered through "customer service"... but no word starts with it.
    for q in ["cat", "sdt", "tmwrk", "custmer"] {
        assert!(index.search(q, Lang::En).is_empty(), "{q:?}");
    }
    // Whole words and prefixes of 4+ letters in descriptions do count.
    assert_eq!(index.search("teamwork", Lang::En).len(), 1);
    assert_eq!(index.search("sched", Lang::En).len(), 1);
}

#[test]
fn highlight_covers_matched_letters_of_an_accented_name() {
    let c = small();
    let index = SearchIndex::new(&c);
    let hits = index.search("tecnologia vet", Lang::Es);
    assert_eq!(ids(&c, &hits), ["vet"]);
    let name = c.programs[hits[0].program].name.get(Lang::Es);
    assert_eq!(name, "Tecnología Veterinaria");
    let spans: Vec<&str> = hits[0]
        .name_highlight
        .iter()
        .map(|r| &name[r.clone()])
        .collect();
    assert_eq!(spans, ["Tecnología", "Vet"]);
    // In English only what matched is lit: "tecnologia" matched the Spanish name
    // exactly, so it is not also treated as a typo of "Technology".
    let hits = index.search("tecnologia vet", Lang::En);
    let name = c.programs[hits[0].program].name.get(Lang::En);
    let spans: Vec<&str> = hits[0]
        .name_highlight
        .iter()
        .map(|r| &name[r.clone()])
        .collect();
    assert_eq!(spans, ["Vet"]);
}

#[test]
fn highlight_of_a_typo_and_a_prefix() {
    let c = small();
    let index = SearchIndex::new(&c);
    let lit = |q: &str| {
        let hits = index.search(q, Lang::En);
        let name = c.programs[hits[0].program].name.get(Lang::En);
        hits[0]
            .name_highlight
            .iter()
            .map(|r| &name[r.clone()])
            .collect::<Vec<_>>()
    };
    // Skim's indices: every typed letter, the skipped "e" left out.
    assert_eq!(lit("cosmtology"), ["Cosm", "tology"]);
    // A slip in the last letters matches the beginning of the word.
    assert_eq!(lit("cosmetolgy"), ["Cosmetol"]);
    let hits = index.search("culi", Lang::Es);
    let name = c.programs[hits[0].program].name.get(Lang::Es);
    assert_eq!(hits[0].name_highlight, vec![6..10]);
    assert_eq!(&name[6..10], "Culi");
}

#[test]
fn words_run_together_match_a_two_word_name() {
    let c = catalog(vec![
        program("game", Text::en("Video Game Design"), &[], "Make games."),
        program("video", Text::en("Video Production"), &[], "Film."),
    ]);
    let index = SearchIndex::new(&c);
    let hits = index.search("videogames", Lang::En);
    assert_eq!(ids(&c, &hits), ["game"]);
    let name = c.programs[hits[0].program].name.get(Lang::En);
    let lit: Vec<&str> = hits[0]
        .name_highlight
        .iter()
        .map(|r| &name[r.clone()])
        .collect();
    assert_eq!(lit, ["Video", "Game"]);
}

#[test]
fn a_keyword_of_its_own_beats_one_word_of_a_phrase() {
    let c = catalog(vec![
        program("medical", Text::en("Alpha"), &["blood draw"], ""),
        program("art", Text::en("Beta"), &["draw"], ""),
    ]);
    let index = SearchIndex::new(&c);
    assert_eq!(ids(&c, &index.search("draw", Lang::En)), ["art", "medical"]);
    assert_eq!(ids(&c, &index.search("blood draw", Lang::En)), ["medical"]);
}

#[test]
fn long_and_odd_input_never_panics() {
    let c = small();
    let index = SearchIndex::new(&c);
    let long = "a".repeat(10_000);
    let pasted = "cars ".repeat(2_000);
    let inputs = [
        long.as_str(),
        pasted.as_str(),
        "\u{0}\u{1}\u{7}\u{1b}[31mcars\u{1b}[0m",
        "🚗🚗 cars 🐶",
        "🐶",
        "שלום עולם",
        "مرحبا",
        "\u{202e}srac",
        "e\u{0301}\u{0301}\u{0301}",
        "\u{0301}",
        "İıſﬁ",
        "汽车",
    ];
    for q in inputs {
        for lang in [Lang::En, Lang::Es] {
            for hit in index.search(q, lang) {
                let name = c.programs[hit.program].name.get(lang);
                for r in &hit.name_highlight {
                    assert!(name.is_char_boundary(r.start) && name.is_char_boundary(r.end));
                    assert!(r.start < r.end && r.end <= name.len());
                }
            }
        }
    }
    // A huge paste is capped, so it still finds what its first words say.
    assert_eq!(top(&c, &index, &pasted).as_deref(), Some("auto"));
}

#[test]
fn empty_catalog_is_fine() {
    let c = catalog(Vec::new());
    let index = SearchIndex::new(&c);
    assert!(index.search("cars", Lang::En).is_empty());
}

#[test]
fn closest_matches_stand_in_only_when_no_program_matches_every_word() {
    let catalog = Catalog::bundled().unwrap();
    let index = SearchIndex::new(&catalog);
    let id = |h: &Hit| catalog.programs[h.program].id.as_str();
    assert!(
        index.search("makeup artist", Lang::En).is_empty(),
        "strict search needs every word"
    );
    let (hits, found) = index.search_or_closest("makeup artist", Lang::En);
    assert_eq!(found, Found::SomeWords);
    assert_eq!(hits.first().map(id), Some("cosmetology"));
    // When every word matches, nothing changes.
    let (hits, found) = index.search_or_closest("vet animals", Lang::En);
    assert_eq!(found, Found::Every);
    assert_eq!(hits, index.search("vet animals", Lang::En));
    // No word as typed, but one typo away, the first letter included.
    assert!(index.search("mursing", Lang::En).is_empty());
    let (hits, found) = index.search_or_closest("mursing", Lang::En);
    assert_eq!(found, Found::Closest);
    assert_eq!(hits.first().map(id), Some("nursing-assistant"));
    // Nonsense stays nothing.
    assert_eq!(
        index.search_or_closest("xyzzy qqqq", Lang::En),
        (Vec::new(), Found::Nothing)
    );
}

#[test]
fn no_match_starts_inside_a_word() {
    let c = catalog(vec![
        program(
            "medical",
            Text::en("Alpha"),
            &["sacar sangre", "dental assistant"],
            "",
        ),
        program("bank", Text::en("Beta"), &["credit", "banking"], ""),
        program(
            "health",
            Text::en("Gamma"),
            &["medicine", "kindergarten"],
            "",
        ),
    ]);
    let index = SearchIndex::new(&c);
    // "cars" is inside "sacarsangre" (the keyword run together), "edit" inside "credit",
    // "cine" inside "medicine", "king" inside "banking", "alas" across "dental assistant".
    for q in ["cars", "edit", "cine", "king", "alas", "tant"] {
        let hits = index.search(q, Lang::En);
        assert!(hits.is_empty(), "{q:?} found {:?}", ids(&c, &hits));
    }
    // Word starts still match: a prefix, the second word of a phrase, a run-together pair.
    for (q, want) in [
        ("sangr", "medical"),
        ("assist", "medical"),
        ("bank", "bank"),
    ] {
        assert_eq!(top(&c, &index, q).as_deref(), Some(want), "{q:?}");
    }
    assert_eq!(top(&c, &index, "sacarsangre").as_deref(), Some("medical"));
}

#[test]
fn a_typo_matches_a_whole_word_or_a_long_beginning() {
    let c = catalog(vec![
        program("kids", Text::en("Alpha"), &["kindergarten"], ""),
        program("cosmo", Text::en("Cosmetology"), &[], ""),
        program("vet", Text::en("Veterinary Technology"), &[], ""),
        program("dental", Text::en("Beta"), &["dental"], ""),
    ]);
    let index = SearchIndex::new(&c);
    // One edit from the first four letters of a longer word is a fragment, not a word.
    assert!(index.search("king", Lang::En).is_empty());
    // Five letters of a beginning, or a whole word, are enough.
    assert_eq!(top(&c, &index, "kindre").as_deref(), Some("kids"));
    assert_eq!(top(&c, &index, "vetrin").as_deref(), Some("vet"));
    assert_eq!(top(&c, &index, "cosmo").as_deref(), Some("cosmo"));
    assert_eq!(top(&c, &index, "dentl").as_deref(), Some("dental"));
}
