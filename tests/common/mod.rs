//! Helpers shared by the integration tests. Each test file uses only some of them.
#![allow(dead_code)]

pub mod hostile;
pub mod kiosk;
#[cfg(unix)]
pub mod pty;
pub mod qr_decode;

/// The PIN the tests' kiosks unlock with: the `App` tests' verifier, and `ROC_KIOSK_PIN`
/// (for tests only) for every kiosk `pty::PtyKiosk` starts. The kiosk has no built-in PIN.
/// A test of a config's own PIN, or of the set-up screen a kiosk with no PIN starts on,
/// starts it with `PtyKiosk::start_without_test_pin` (`ROC_KIOSK_PIN` empty, which counts
/// as unset).
pub const TEST_PIN: &str = "5713";

/// The programs added to the catalog together (issue 12), which some tests single out.
pub const ADDED_PROGRAMS: [&str; 6] = [
    "welding",
    "drone-piloting",
    "automotive-collision-refinishing",
    "computer-technologies",
    "digital-marketing-media-design",
    "take-flight-aviation",
];
pub mod quiz_driver;
