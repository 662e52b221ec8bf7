//! Helpers shared by the integration tests. Each test file uses only some of them.
#![allow(dead_code)]

pub mod kiosk;
pub mod pty;
pub mod qr_decode;
pub mod quiz_driver;
