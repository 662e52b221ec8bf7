//! roc-kiosk: a full-screen career-fair kiosk for Kern High School District ROC and CTEC.
//!
//! The library holds everything testable; `main.rs` only calls [`cli::main`].
//! See `docs/ARCHITECTURE.md` for the map.

pub mod app;
pub mod apply;
pub mod booth;
pub mod catalog;
pub mod cli;
pub mod config;
pub mod i18n;
pub mod jsonloc;
pub mod qr;
pub mod quiz;
pub mod search;
pub mod stats;
pub mod text;
pub mod text_rules;
pub mod tui;
pub mod ui;
