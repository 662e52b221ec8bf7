//! (being built)

pub mod qr_widget;
