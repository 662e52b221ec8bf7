//! Helpers shared by integration tests.

pub mod qr_decode;
