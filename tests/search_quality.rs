//! Search quality on the bundled catalog: realistic student queries and the program a
//! counselor would point them to.
//!
//! Four disjoint sets, each with its own asserted top-3 rate (a query appears in one set
//! only, compared after folding case, accents and spaces; a test checks it):
//!
//! - `TUNING` (50): used to improve the engine and to add real words to `keywords`. Its
//!   rate shows the tuning held, not how the kiosk does on unseen words. ("enfermeria"
//!   was dropped: it repeated "enfermería"; `accents_do_not_change_results` covers that.)
//! - `HELD_OUT` (44): written with `TUNING`, before any tuning, and never used to choose
//!   weights. Two of its misses, "barber" and "peluquería", were later fixed by adding
//!   those words to Cosmetology's keywords, so it is no longer fully unseen.
//! - `FRESH` (14): written after all tuning and never tuned against. It had 30 queries,
//!   16 of which repeated `TUNING` or `HELD_OUT` queries; they were removed, leaving the
//!   14 that are really new. Its rate is the honest estimate for unseen words, on a small
//!   set (one miss is 7 points).
//! - `NEW_PROGRAMS` (59): for the six programs of issue 12, written before they or any
//!   tuning for them existed. The programs are in the catalog now; the test fails if one
//!   goes missing.
//!
//! Run with `cargo test --test search_quality -- --nocapture` to see the figures.

use roc_kiosk::catalog::Catalog;
use roc_kiosk::i18n::Lang;
use roc_kiosk::search::{SearchIndex, is_stop_word};
use roc_kiosk::text::fold;

/// A query and the program ids a counselor would accept as the answer (most queries
/// have exactly one; a few everyday words honestly fit two programs).
type Case = (&'static str, &'static [&'static str]);

const AUTO: &str = "automotive-technology";
const COSMETOLOGY: &str = "cosmetology";
const CULINARY: &str = "culinary-arts";
const VET: &str = "veterinary-technology";
const CONSTRUCTION: &str = "construction-trades";
const DIESEL: &str = "ag-diesel-mechanics";
const FIRE: &str = "fire-technology";
const LAW: &str = "law-enforcement";
const OFFICE: &str = "administrative-office-assistant";
const SMALL_BUSINESS: &str = "small-business-entrepreneurship";
const BANKING: &str = "business-banking-finance";
const ROBOTICS: &str = "robotics-engineering";
const NURSING: &str = "nursing-assistant";
const MEDICAL: &str = "medical-assistant";
const DENTAL: &str = "dental-assistant";
const PHARMACY: &str = "pharmacy-technician";
const SPORTS_MED: &str = "sports-medicine";
const HEALTH_CAREERS: &str = "intro-health-careers";
const NETWORKING: &str = "cisco-networking-academy";
const ANIMATION: &str = "animation-3d";
const MOBILE_APPS: &str = "mobile-app-development";
const GAME_DESIGN: &str = "video-game-design";
const VIDEO: &str = "video-production";
const EARLY_CHILDHOOD: &str = "early-childhood-education";
const LOGISTICS: &str = "logistics-distribution";

/// Queries the engine and keywords may be tuned against.
const TUNING: &[Case] = &[
    ("cars", &[AUTO]),
    ("car repair", &[AUTO]),
    ("mechanic", &[AUTO, DIESEL]),
    ("hair", &[COSMETOLOGY]),
    ("nails", &[COSMETOLOGY]),
    ("makeup", &[COSMETOLOGY]),
    ("cosmetolgy", &[COSMETOLOGY]),
    ("cooking", &[CULINARY]),
    ("chef", &[CULINARY]),
    ("baking", &[CULINARY]),
    ("culinery", &[CULINARY]),
    ("vet", &[VET]),
    ("animals", &[VET]),
    ("dogs", &[VET]),
    ("vetrinary", &[VET]),
    ("nurse", &[NURSING]),
    ("cna", &[NURSING]),
    ("nursing asistant", &[NURSING]),
    ("dentist", &[DENTAL]),
    ("teeth", &[DENTAL]),
    ("pharmacy", &[PHARMACY]),
    ("athletic trainer", &[SPORTS_MED]),
    ("sports", &[SPORTS_MED]),
    ("firefighter", &[FIRE]),
    ("police", &[LAW]),
    ("cop", &[LAW]),
    ("build houses", &[CONSTRUCTION]),
    ("carpenter", &[CONSTRUCTION]),
    ("diesel", &[DIESEL]),
    ("tractors", &[DIESEL]),
    ("robots", &[ROBOTICS]),
    ("computers", &[NETWORKING, MOBILE_APPS]),
    ("networking", &[NETWORKING]),
    ("video games", &[GAME_DESIGN]),
    ("animation", &[ANIMATION]),
    ("apps", &[MOBILE_APPS]),
    ("film", &[VIDEO]),
    ("teacher", &[EARLY_CHILDHOOD]),
    ("kids", &[EARLY_CHILDHOOD]),
    ("warehouse", &[LOGISTICS]),
    ("bank", &[BANKING]),
    ("receptionist", &[OFFICE]),
    ("health", &[HEALTH_CAREERS]),
    ("enfermería", &[NURSING]),
    ("mecánico", &[AUTO, DIESEL]),
    ("cocina", &[CULINARY]),
    ("cabello", &[COSMETOLOGY]),
    ("bomberos", &[FIRE]),
    ("animales", &[VET]),
    ("coches", &[AUTO]),
];

/// Written before tuning; never used to choose keywords or weights.
const HELD_OUT: &[Case] = &[
    ("auto shop", &[AUTO]),
    ("fix cars", &[AUTO]),
    ("hairstylist", &[COSMETOLOGY]),
    ("barber", &[COSMETOLOGY]),
    ("restaurant", &[CULINARY]),
    ("pastry", &[CULINARY]),
    ("pets", &[VET]),
    ("animal hospital", &[VET]),
    ("dental", &[DENTAL]),
    ("dentel", &[DENTAL]),
    ("medical asistant", &[MEDICAL]),
    ("pharmasy", &[PHARMACY]),
    ("physical therapy", &[SPORTS_MED]),
    ("emt", &[FIRE]),
    ("sheriff", &[LAW]),
    ("criminal justice", &[LAW]),
    ("construction", &[CONSTRUCTION]),
    ("farm equipment", &[DIESEL]),
    ("robotica", &[ROBOTICS]),
    ("coding", &[MOBILE_APPS, GAME_DESIGN]),
    ("game design", &[GAME_DESIGN]),
    ("youtube", &[VIDEO]),
    ("3d", &[ANIMATION]),
    ("preschool", &[EARLY_CHILDHOOD]),
    ("daycare", &[EARLY_CHILDHOOD]),
    ("entrepreneur", &[SMALL_BUSINESS]),
    ("start my own business", &[SMALL_BUSINESS]),
    ("money", &[BANKING]),
    ("shipping", &[LOGISTICS]),
    ("forklift", &[LOGISTICS]),
    ("secretary", &[OFFICE]),
    ("peluquería", &[COSMETOLOGY]),
    ("cocinero", &[CULINARY]),
    ("veterinario", &[VET]),
    ("policía", &[LAW]),
    ("dentista", &[DENTAL]),
    ("enfermera", &[NURSING]),
    ("maestra", &[EARLY_CHILDHOOD]),
    ("camiones", &[DIESEL]),
    ("computadoras", &[NETWORKING, MOBILE_APPS]),
    ("negocio", &[SMALL_BUSINESS]),
    ("mecanico diesel", &[DIESEL]),
    ("farmacia", &[PHARMACY]),
    ("videojuegos", &[GAME_DESIGN]),
];

/// Top-N a counselor would accept: the kiosk shows at least three results at once.
const TOP_N: usize = 3;

fn bundled() -> (Catalog, SearchIndex) {
    let catalog = Catalog::bundled().expect("the bundled catalog is valid");
    let index = SearchIndex::new(&catalog);
    (catalog, index)
}

/// Runs `cases`, prints each miss with what came back, returns (hits, total).
fn evaluate(label: &str, catalog: &Catalog, index: &SearchIndex, cases: &[Case]) -> (usize, usize) {
    let mut hits = 0;
    for (query, accepted) in cases {
        let results = index.search(query, Lang::En);
        let top: Vec<&str> = results
            .iter()
            .take(TOP_N)
            .map(|h| catalog.programs[h.program].id.as_str())
            .collect();
        if top.iter().any(|id| accepted.contains(id)) {
            hits += 1;
        } else {
            println!("  MISS [{label}] {query:?}: wanted {accepted:?}, got {top:?}");
        }
    }
    let rate = hits as f64 / cases.len().max(1) as f64;
    println!(
        "{label}: {hits}/{} in top {TOP_N} ({:.1}%)",
        cases.len(),
        rate * 100.0
    );
    (hits, cases.len())
}

/// A second unseen set, written after all tuning was done and recorded here before it was
/// first run. Nothing has been changed to make these pass: its rate is reported as is.
/// (Queries that repeated `TUNING` or `HELD_OUT` were removed: they measured nothing new.)
const FRESH: &[Case] = &[
    ("taller mecanico", &[AUTO]),
    ("frenos", &[AUTO]),
    ("tractor", &[DIESEL]),
    ("semi truck", &[DIESEL]),
    ("puppies", &[VET]),
    ("gatos", &[VET]),
    ("bakery", &[CULINARY]),
    ("pasteles", &[CULINARY]),
    ("medicinas", &[PHARMACY]),
    ("fisioterapia", &[SPORTS_MED]),
    ("game developer", &[GAME_DESIGN]),
    ("animacion", &[ANIMATION]),
    ("camara", &[VIDEO]),
    ("start a business", &[SMALL_BUSINESS]),
];

// The six programs of issue 12, not in the bundled catalog yet.
const WELDING: &str = "welding";
const DRONE: &str = "drone-piloting";
const COLLISION: &str = "automotive-collision-refinishing";
const COMPUTER_TECH: &str = "computer-technologies";
const MARKETING: &str = "digital-marketing-media-design";
const AVIATION: &str = "take-flight-aviation";

/// Queries for the six new programs of issue 12, in English and Spanish, written before
/// those programs or any tuning for them existed, from what a student at the booth would
/// type. Never tune keywords or the engine against this set: its rate is the estimate of
/// how the new programs are found.
const NEW_PROGRAMS: &[Case] = &[
    ("welding", &[WELDING]),
    ("welder", &[WELDING]),
    ("weld metal", &[WELDING]),
    ("learn to weld", &[WELDING]),
    ("metal fabrication", &[WELDING]),
    ("weldng", &[WELDING]),
    ("soldar", &[WELDING]),
    ("soldador", &[WELDING]),
    ("soldadura", &[WELDING]),
    ("fly drones", &[DRONE]),
    ("drone", &[DRONE]),
    ("drone pilot", &[DRONE]),
    ("aerial photography", &[DRONE, VIDEO]),
    ("volar drones", &[DRONE]),
    ("dron", &[DRONE]),
    ("piloto de drones", &[DRONE]),
    ("paint cars", &[COLLISION]),
    ("body shop", &[COLLISION]),
    ("auto body", &[COLLISION]),
    ("car paint", &[COLLISION]),
    ("fix dents", &[COLLISION]),
    ("collision repair", &[COLLISION]),
    ("body work", &[COLLISION]),
    ("pintar carros", &[COLLISION]),
    ("carroceria", &[COLLISION]),
    ("hojalateria", &[COLLISION]),
    ("fix computers", &[COMPUTER_TECH, NETWORKING]),
    ("build a pc", &[COMPUTER_TECH, NETWORKING]),
    ("computer repair", &[COMPUTER_TECH, NETWORKING]),
    ("tech support", &[COMPUTER_TECH, NETWORKING]),
    ("it technician", &[COMPUTER_TECH, NETWORKING]),
    ("computer technologies", &[COMPUTER_TECH]),
    ("arreglar computadoras", &[COMPUTER_TECH, NETWORKING]),
    ("reparar computadoras", &[COMPUTER_TECH, NETWORKING]),
    ("tecnico en computacion", &[COMPUTER_TECH, NETWORKING]),
    ("instagram", &[MARKETING]),
    ("social media", &[MARKETING]),
    ("marketing", &[MARKETING]),
    ("markting", &[MARKETING]),
    ("graphic design", &[MARKETING]),
    ("advertising", &[MARKETING]),
    ("logo design", &[MARKETING]),
    ("tiktok", &[MARKETING]),
    ("influencer", &[MARKETING]),
    ("redes sociales", &[MARKETING]),
    ("publicidad", &[MARKETING]),
    ("diseño gráfico", &[MARKETING]),
    ("pilot", &[AVIATION, DRONE]),
    ("piloto", &[AVIATION, DRONE]),
    ("fly planes", &[AVIATION]),
    ("airplanes", &[AVIATION]),
    ("aviation", &[AVIATION]),
    ("aviaton", &[AVIATION]),
    ("flight school", &[AVIATION]),
    ("airline pilot", &[AVIATION]),
    ("take flight", &[AVIATION]),
    ("aviones", &[AVIATION]),
    ("aviación", &[AVIATION]),
    ("volar aviones", &[AVIATION]),
];

/// Required top-3 rates. The tuning set was tuned to pass, so it must stay near perfect;
/// the unseen sets allow a few honest misses.
const TUNING_REQUIRED_RATE: f64 = 0.95;
const HELD_OUT_REQUIRED_RATE: f64 = 0.90;
const FRESH_REQUIRED_RATE: f64 = 0.90;
const NEW_PROGRAMS_REQUIRED_RATE: f64 = 0.90;

/// Every set by name, for the checks that span them all.
const SETS: [(&str, &[Case]); 4] = [
    ("tuning", TUNING),
    ("held-out", HELD_OUT),
    ("fresh", FRESH),
    ("new programs", NEW_PROGRAMS),
];

/// A query as the disjointness check compares it: case, accents and spacing folded.
fn normalized(query: &str) -> String {
    fold(query).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs `cases` and fails if fewer than `required` of them have an accepted program in
/// the top 3. Misses are printed first, so a failure shows what came back.
fn assert_rate(label: &str, cases: &[Case], required: f64) {
    let (catalog, index) = bundled();
    let (hits, total) = evaluate(label, &catalog, &index, cases);
    let rate = hits as f64 / total.max(1) as f64;
    assert!(
        rate >= required,
        "{label}: {hits}/{total} ({:.1}%) in the top {TOP_N}, below the required {:.0}% \
         (misses listed above; run with --nocapture)",
        rate * 100.0,
        required * 100.0
    );
}

#[test]
fn no_query_appears_in_two_sets() {
    let mut seen: Vec<(String, &str, &str)> = Vec::new();
    let mut repeats = Vec::new();
    for (set, cases) in SETS {
        for (query, _) in cases {
            let key = normalized(query);
            match seen.iter().find(|(k, _, _)| *k == key) {
                Some((_, other_set, other)) => {
                    repeats.push(format!("{query:?} ({set}) repeats {other:?} ({other_set})"))
                }
                None => seen.push((key, set, query)),
            }
        }
    }
    assert!(
        repeats.is_empty(),
        "queries in two sets (or twice in one): {repeats:#?}"
    );
}

#[test]
fn the_disjointness_check_folds_case_accents_and_spaces() {
    assert_eq!(
        normalized("  Enfermería\tAsistente "),
        normalized("enfermeria asistente")
    );
    assert_ne!(normalized("nurse"), normalized("nurses"));
}

#[test]
fn expected_programs_exist_in_the_bundled_catalog() {
    let (catalog, _) = bundled();
    let mut unknown: Vec<&str> = TUNING
        .iter()
        .chain(HELD_OUT)
        .chain(FRESH)
        .flat_map(|(_, ids)| ids.iter().copied())
        .filter(|id| !catalog.programs.iter().any(|p| p.id == *id))
        .collect();
    unknown.sort_unstable();
    unknown.dedup();
    assert!(
        unknown.is_empty(),
        "the quality cases name programs missing from catalog/programs.json: {unknown:?}"
    );
}

#[test]
fn tuning_queries_find_the_expected_program() {
    assert_rate("tuning", TUNING, TUNING_REQUIRED_RATE);
}

#[test]
fn held_out_queries_find_the_expected_program() {
    assert_rate("held-out", HELD_OUT, HELD_OUT_REQUIRED_RATE);
}

#[test]
fn fresh_queries_find_the_expected_program() {
    assert_rate("fresh", FRESH, FRESH_REQUIRED_RATE);
}

#[test]
fn new_programs_are_found_by_everyday_words() {
    let (catalog, _) = bundled();
    let missing: Vec<&str> = [
        WELDING,
        DRONE,
        COLLISION,
        COMPUTER_TECH,
        MARKETING,
        AVIATION,
    ]
    .into_iter()
    .filter(|id| !catalog.programs.iter().any(|p| p.id == *id))
    .collect();
    assert!(
        missing.is_empty(),
        "catalog/programs.json lacks the new programs {missing:?}"
    );
    assert!(NEW_PROGRAMS.len() >= 40);
    assert_rate("new programs", NEW_PROGRAMS, NEW_PROGRAMS_REQUIRED_RATE);
}

/// Queries that used to find a program only through letters inside one of its words:
/// the query, the program it should still find first, and programs it must not find.
const INSIDE_A_WORD: &[(&str, Option<&str>, &[&str])] = &[
    // "sacar sangre" run together is "sacarsangre".
    ("cars", Some(AUTO), &[MEDICAL]),
    // "credit", "college credit".
    ("edit", Some(VIDEO), &[BANKING, HEALTH_CAREERS]),
    // "medicine", "medicinas", "cocinero".
    ("cine", Some(VIDEO), &[SPORTS_MED, PHARMACY, CULINARY]),
    // "esports".
    ("sports", Some(SPORTS_MED), &[GAME_DESIGN]),
    // "warehouse".
    ("house", Some(CONSTRUCTION), &[LOGISTICS]),
    // "técnico de" run together is "tecnicode".
    ("code", Some(MOBILE_APPS), &[PHARMACY]),
    // "dental assistant", "medical assistant" run together.
    ("alas", None, &[DENTAL, MEDICAL]),
    // "banking", "networking", "cooking"; and one edit from "kind" in "kindergarten".
    (
        "king",
        None,
        &[BANKING, NETWORKING, CULINARY, EARLY_CHILDHOOD],
    ),
];

#[test]
fn no_match_lands_inside_a_longer_word() {
    let (catalog, index) = bundled();
    for (query, first, never) in INSIDE_A_WORD {
        let ids: Vec<&str> = index
            .search(query, Lang::En)
            .iter()
            .map(|h| catalog.programs[h.program].id.as_str())
            .collect();
        if let Some(first) = first {
            assert_eq!(ids.first(), Some(first), "{query:?} gave {ids:?}");
        }
        for id in *never {
            assert!(
                !ids.contains(id),
                "{query:?} found {id} inside a word: {ids:?}"
            );
        }
    }
}

#[test]
fn nonsense_finds_nothing_in_the_bundled_catalog() {
    let (catalog, index) = bundled();
    for query in [
        "xyzzy",
        "qqqq",
        "zzzz",
        "asdfgh",
        "qwerty uiop",
        "jjjjjj",
        "xkcd",
    ] {
        let hits = index.search(query, Lang::En);
        let ids: Vec<&str> = hits
            .iter()
            .map(|h| catalog.programs[h.program].id.as_str())
            .collect();
        assert!(
            ids.is_empty(),
            "{query:?} should find nothing, found {ids:?}"
        );
    }
}

#[test]
fn accents_do_not_change_results() {
    let (_, index) = bundled();
    for (plain, accented) in [
        ("enfermeria", "enfermería"),
        ("mecanico", "mecánico"),
        ("policia", "policía"),
        ("peluqueria", "peluquería"),
        ("ENFERMERIA", "Enfermería"),
    ] {
        for lang in [Lang::En, Lang::Es] {
            let a: Vec<(usize, i64)> = index
                .search(plain, lang)
                .iter()
                .map(|h| (h.program, h.score))
                .collect();
            let b: Vec<(usize, i64)> = index
                .search(accented, lang)
                .iter()
                .map(|h| (h.program, h.score))
                .collect();
            assert_eq!(a, b, "{plain:?} vs {accented:?}");
        }
    }
    assert!(!index.search("enfermeria", Lang::En).is_empty());
}

#[test]
fn every_name_finds_its_program_with_valid_highlights() {
    let (catalog, index) = bundled();
    for (i, program) in catalog.programs.iter().enumerate() {
        for lang in [Lang::En, Lang::Es] {
            let name = program.name.get(lang);
            let hits = index.search(name, lang);
            let hit = hits
                .iter()
                .find(|h| h.program == i)
                .unwrap_or_else(|| panic!("{name:?} does not find {}", program.id));
            assert_eq!(
                hits[0].score, hit.score,
                "{name:?}: its own name is not first"
            );
            // Searching the whole name lights up every word of it except stop words
            // ("de", "las"), which search ignores.
            let lit = |at: usize| hit.name_highlight.iter().any(|r| r.contains(&at));
            let mut word_start = None;
            for (at, c) in name.char_indices().chain([(name.len(), ' ')]) {
                match (c.is_alphanumeric(), word_start) {
                    (true, None) => word_start = Some(at),
                    (false, Some(start)) => {
                        let word = &name[start..at];
                        if !is_stop_word(word) {
                            assert!(
                                word.char_indices().all(|(i, _)| lit(start + i)),
                                "{name:?}: {word:?} not lit by {:?}",
                                hit.name_highlight
                            );
                        }
                        word_start = None;
                    }
                    _ => {}
                }
            }
            for r in &hit.name_highlight {
                assert!(name.is_char_boundary(r.start) && name.is_char_boundary(r.end));
            }
        }
    }
}

#[test]
fn odd_input_never_panics_on_the_bundled_catalog() {
    let (catalog, index) = bundled();
    let paste = "enfermería 🚑 ".repeat(800);
    let control: String = (0u8..32).map(char::from).chain("nurse".chars()).collect();
    for query in [
        paste.as_str(),
        control.as_str(),
        "😀😀😀",
        "مرحبا بالعالم",
        "\u{202e}esrun",
        "n\u{0303}\u{0303}",
        "\u{feff}nurse\u{200b}",
    ] {
        for lang in [Lang::En, Lang::Es] {
            for hit in index.search(query, lang) {
                let name = catalog.programs[hit.program].name.get(lang);
                for r in &hit.name_highlight {
                    assert!(r.end <= name.len());
                    assert!(name.is_char_boundary(r.start) && name.is_char_boundary(r.end));
                }
            }
        }
    }
}
