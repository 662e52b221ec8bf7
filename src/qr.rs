//! QR codes for the application URL: encoding, and whether a code fits the screen.

use qrcode::{EcLevel, QrCode};

/// Light modules around the code, on every side. Phones need them, and they must be
/// painted light (not the terminal's background), see `docs/ARCHITECTURE.md`.
pub const QUIET_ZONE: usize = 4;

/// The widest code (modules, quiet zone excluded) the Apply screen shows at 80x24:
/// 21 terminal rows of half-blocks hold 42 module rows, less 8 for the quiet zone
/// = 34, and the next smaller QR size is version 4 (33 modules).
pub const MAX_MODULES_AT_80X24: usize = 33;

/// Checks at catalog load time that `url` can be shown as a QR code on an 80x24
/// screen. Returns the code's width in modules, or a message that says the limit.
pub fn check_fits_small_screen(url: &str) -> Result<usize, String> {
    let too_long = || {
        format!(
            "the URL is {} bytes; its QR code must fit an 80x24 screen, which allows at most a \
             {MAX_MODULES_AT_80X24}x{MAX_MODULES_AT_80X24} code (about 78 bytes)",
            url.len()
        )
    };
    let code =
        QrCode::with_error_correction_level(url.as_bytes(), EcLevel::L).map_err(|_| too_long())?;
    if code.width() > MAX_MODULES_AT_80X24 {
        return Err(too_long());
    }
    Ok(code.width())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_url_fits_and_a_long_one_does_not() {
        assert!(check_fits_small_screen("https://roc.kernhigh.org").is_ok());
        let long = format!("https://roc.kernhigh.org/{}", "a".repeat(100));
        let err = check_fits_small_screen(&long).unwrap_err();
        assert!(err.contains("80x24"), "{err}");
    }
}
