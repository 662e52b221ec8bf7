//! Search quality on the bundled catalog: realistic student queries and the program a
//! counselor would point them to.
//!
//! The queries are split in two. `TUNING` may be used to improve the engine and to add
//! real words to `keywords`; `HELD_OUT` was written at the same time, before any tuning,
//! and is never used to choose keywords or weights: its hit rate is the honest estimate
//! of how the kiosk does on queries nobody anticipated.
//!
//! Run with `cargo test --test search_quality -- --nocapture` to see the figures.

use roc_kiosk::catalog::Catalog;
use roc_kiosk::i18n::Lang;
use roc_kiosk::search::SearchIndex;

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
const HEALTH_CAREERS: &str = "introduction-to-health-careers";
const NETWORKING: &str = "cisco-networking-academy";
const ANIMATION: &str = "3d-animation";
const MOBILE_APPS: &str = "mobile-applications-development";
const GAME_DESIGN: &str = "video-game-design";
const VIDEO: &str = "video-production";
const EARLY_CHILDHOOD: &str = "early-childhood-education";
const LOGISTICS: &str = "logistics-and-distribution";

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
    ("enfermeria", &[NURSING]),
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
