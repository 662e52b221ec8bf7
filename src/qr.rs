//! QR codes for the application URL: encoding, choosing how big to draw the code in a
//! given area, the colours to draw it with, and an SVG for printed flyers.
//!
//! Pure: no terminal here. The widget that paints a [`QrPlan`] into a ratatui buffer is
//! `ui::qr_widget`; `roc-kiosk qr` prints the same widget's cells to stdout.
//!
//! How a code is drawn (the README's "The QR code" section has the measurements behind
//! each rule, in real terminals and fonts):
//! - every cell, quiet zone included, gets explicit black-on-white colours, because a
//!   code drawn in the theme's default colours turns into a negative on dark terminals
//!   and many phone scanners refuse negatives;
//! - **full-block** mode (one module = 2 columns x 1 row, painted as background colour
//!   on spaces) is preferred: it needs no block glyphs, so font seams and line spacing
//!   cannot break it, and its modules are twice as big;
//! - **half-block** mode (two modules per cell vertically) when full-block does not
//!   fit: same-colour pairs are coloured spaces, and only mixed cells get a `▀`/`▄`
//!   glyph, chosen so that a glyph a pixel short errs safely ([`CellPaint::half_block`]);
//! - error correction M, dropping to L only when that is what makes the code fit;
//! - never a clipped code: if nothing fits, the caller gets the size it would need.

/// Error-correction level, re-exported so callers need not name the qrcode crate.
pub use qrcode::EcLevel;
use qrcode::QrCode;
use ratatui::layout::Rect;
use serde::{Deserialize, Serialize};

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

// ---------------------------------------------------------------- encoding

/// One encoded QR code: a square matrix of modules, quiet zone NOT included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrImage {
    width: usize,
    /// Row-major, `width * width` entries, `true` = dark module.
    dark: Vec<bool>,
    ec: EcLevel,
}

impl QrImage {
    /// Encodes `text` (bytes as given) at error-correction level `ec`.
    pub fn encode(text: &str, ec: EcLevel) -> Result<QrImage, String> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), ec).map_err(|e| {
            format!(
                "cannot make a QR code of this {}-byte text at error correction {ec:?}: {e}",
                text.len()
            )
        })?;
        let dark = code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        Ok(QrImage {
            width: code.width(),
            dark,
            ec,
        })
    }

    /// Modules per side, quiet zone excluded (21, 25, 29, ...).
    pub fn width(&self) -> usize {
        self.width
    }

    /// Modules per side with the quiet zone on both sides.
    pub fn width_with_quiet_zone(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }

    pub fn ec_level(&self) -> EcLevel {
        self.ec
    }

    /// Whether the module at (`x`, `y`) is dark. Coordinates count the quiet zone
    /// (0..width_with_quiet_zone); anything in or beyond the quiet zone is light.
    pub fn is_dark_with_quiet_zone(&self, x: i64, y: i64) -> bool {
        let (x, y) = (x - QUIET_ZONE as i64, y - QUIET_ZONE as i64);
        let w = self.width as i64;
        (0..w).contains(&x) && (0..w).contains(&y) && self.dark[(y * w + x) as usize]
    }

    /// The code as a standalone SVG image for print: black modules on a white square
    /// with the quiet zone, `px_per_module` pixels per module at its natural size (it
    /// is vector art, so it scales without loss). Drawn by the qrcode crate's own SVG
    /// renderer.
    pub fn to_svg(&self, px_per_module: u32) -> String {
        let colors: Vec<qrcode::Color> = self
            .dark
            .iter()
            .map(|&dark| {
                if dark {
                    qrcode::Color::Dark
                } else {
                    qrcode::Color::Light
                }
            })
            .collect();
        qrcode::render::Renderer::<qrcode::render::svg::Color>::new(
            &colors,
            self.width,
            QUIET_ZONE as u32,
        )
        .quiet_zone(true)
        .module_dimensions(px_per_module.max(1), px_per_module.max(1))
        .dark_color(qrcode::render::svg::Color("#000000"))
        .light_color(qrcode::render::svg::Color("#ffffff"))
        .build()
    }
}

/// A URL encoded once at both error-correction levels the kiosk uses (M, and L as
/// the fallback that may be smaller). Encode once per URL and keep it: planning the
/// layout for each frame is cheap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlCode {
    url: String,
    host: Option<String>,
    medium: QrImage,
    low: QrImage,
}

impl UrlCode {
    pub fn encode(url: &str) -> Result<UrlCode, String> {
        Ok(UrlCode {
            url: url.to_string(),
            host: host_of(url),
            medium: QrImage::encode(url, EcLevel::M)?,
            low: QrImage::encode(url, EcLevel::L)?,
        })
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    /// The host a phone's browser will open, as it parses the URL (WHATWG rules, like
    /// the browsers): `https://roc.kernhigh.org@evil.example.com` gives
    /// `evil.example.com`. `None` for text that is not a URL with a host.
    pub fn host(&self) -> Option<&str> {
        self.host.as_deref()
    }

    /// The preferred encoding (EC level M), e.g. for printing.
    pub fn preferred(&self) -> &QrImage {
        &self.medium
    }

    /// Chooses EC level and drawing mode for an area of `area.width` x `area.height`
    /// cells (the position is ignored: the widget centres the code where it is drawn).
    ///
    /// Preference order: full-block M, full-block L, half-block M, half-block L
    /// (restricted to one mode by `style`). Full-block L beats half-block M because on
    /// a screen (no stains or creases) bigger, glyph-free modules help a phone more
    /// than the extra error correction does.
    pub fn plan(&self, area: Rect, style: QrStyle) -> Result<QrPlan<'_>, NeedSize> {
        let modes: &[QrMode] = match style {
            QrStyle::Auto => &[QrMode::Full, QrMode::Half],
            QrStyle::Full => &[QrMode::Full],
            QrStyle::Half => &[QrMode::Half],
        };
        let images = [&self.medium, &self.low];
        let mut smallest: Option<NeedSize> = None;
        for &mode in modes {
            for image in images {
                let plan = QrPlan { image, mode };
                let (cols, rows) = plan.size();
                if cols <= area.width && rows <= area.height {
                    return Ok(plan);
                }
                // The last candidate tried is the smallest one (L in the last mode).
                smallest = Some(NeedSize { cols, rows });
            }
        }
        Err(smallest.unwrap_or(NeedSize {
            cols: u16::MAX,
            rows: u16::MAX,
        }))
    }
}

/// The host of `url` as a browser parses it (`url` follows the WHATWG URL Standard,
/// as browsers do, so user-info, backslashes and percent-escapes resolve the same way).
fn host_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    parsed.host_str().map(str::to_string)
}

// ---------------------------------------------------------------- layout

/// How the kiosk config asks for the code to be drawn (`qr_style` in the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QrStyle {
    /// Full-block when it fits, else half-block.
    #[default]
    Auto,
    /// Always full-block (2 columns x 1 row per module).
    Full,
    /// Always half-block (1 column x half a row per module).
    Half,
}

/// The drawing mode a plan settled on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrMode {
    /// One module = 2 columns x 1 row, painted as a coloured space.
    Full,
    /// One cell = 1 module wide, 2 modules tall (`▀`, `▄`, or a coloured space).
    Half,
}

/// The smallest area (cells) in which the code could be drawn in the requested style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeedSize {
    pub cols: u16,
    pub rows: u16,
}

impl std::fmt::Display for NeedSize {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}x{}", self.cols, self.rows)
    }
}

/// A code and the mode to draw it in: what `ui::qr_widget::QrWidget` paints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QrPlan<'a> {
    image: &'a QrImage,
    mode: QrMode,
}

impl<'a> QrPlan<'a> {
    /// A plan for one image in one mode, without checking any area.
    pub fn new(image: &'a QrImage, mode: QrMode) -> QrPlan<'a> {
        QrPlan { image, mode }
    }

    pub fn image(&self) -> &'a QrImage {
        self.image
    }

    pub fn mode(&self) -> QrMode {
        self.mode
    }

    /// Size in cells (columns, rows), quiet zone included.
    pub fn size(&self) -> (u16, u16) {
        let side = self.image.width_with_quiet_zone();
        let (cols, rows) = match self.mode {
            QrMode::Full => (2 * side, side),
            QrMode::Half => (side, side.div_ceil(2)),
        };
        (
            u16::try_from(cols).unwrap_or(u16::MAX),
            u16::try_from(rows).unwrap_or(u16::MAX),
        )
    }

    /// Where the code goes when centred in `area`; `None` when it does not fit whole.
    pub fn rect_in(&self, area: Rect) -> Option<Rect> {
        let (cols, rows) = self.size();
        if cols > area.width || rows > area.height {
            return None;
        }
        Some(Rect::new(
            area.x + (area.width - cols) / 2,
            area.y + (area.height - rows) / 2,
            cols,
            rows,
        ))
    }

    /// The two modules a cell at (`col`, `row`) of the code (0-based, relative to the
    /// code's top-left corner, quiet zone included) shows: (upper, lower) dark flags.
    /// In full-block mode both halves are the same module.
    pub fn cell_modules(&self, col: u16, row: u16) -> (bool, bool) {
        let (col, row) = (i64::from(col), i64::from(row));
        match self.mode {
            QrMode::Full => {
                let dark = self.image.is_dark_with_quiet_zone(col / 2, row);
                (dark, dark)
            }
            QrMode::Half => (
                self.image.is_dark_with_quiet_zone(col, 2 * row),
                self.image.is_dark_with_quiet_zone(col, 2 * row + 1),
            ),
        }
    }

    /// How the cell at (`col`, `row`) (as in [`QrPlan::cell_modules`]) is painted.
    pub fn cell_paint(&self, col: u16, row: u16) -> CellPaint {
        let (upper, lower) = self.cell_modules(col, row);
        match self.mode {
            QrMode::Full => CellPaint::Solid { dark: upper },
            QrMode::Half => {
                let (x, y) = (i64::from(col), 2 * i64::from(row));
                let above = self.image.is_dark_with_quiet_zone(x, y - 1);
                let below = self.image.is_dark_with_quiet_zone(x, y + 2);
                CellPaint::half_block(above, upper, lower, below)
            }
        }
    }
}

// ---------------------------------------------------------------- cells

/// What one terminal cell of the code shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellPaint {
    /// A space in one background colour: no glyph, so no font can get it wrong.
    Solid { dark: bool },
    /// `▀` in the upper module's colour over the lower module's colour.
    UpperHalf { upper_dark: bool },
    /// `▄` in the lower module's colour over the upper module's colour.
    LowerHalf { lower_dark: bool },
}

impl CellPaint {
    /// The paint for a half-block cell showing modules `upper` and `lower` (`true` =
    /// dark), given the module just `above` the cell and the one just `below` it.
    ///
    /// Same-colour halves are a space in that colour. A mixed cell needs a glyph, and
    /// fonts draw `▀`/`▄` up to a pixel short of the cell's outer edge (in xterm with
    /// DejaVu Sans Mono, `▀` misses the top pixel row at 14 and 18 pt, `▄` the bottom
    /// row at 10 and 16 pt); the background shows through that gap. So the glyph is
    /// the half whose outer neighbour has the other colour: whatever leaks through is
    /// then the neighbour's colour, and the edge between two modules of different
    /// colours merely moves by a pixel instead of a seam opening.
    ///
    /// Only when both neighbours match their halves (a column `u u l l`) can no glyph
    /// be safe, and then the glyph is the dark half, so a gap leaks light: a thin light
    /// crack between two dark modules. The other way, a dark speck between two light
    /// modules, can join an alignment pattern's dark centre to its dark ring, and
    /// decoders that find patterns by their connected regions (quirc, rqrr) then miss
    /// them. In `tests/qr_roundtrip.rs` (30 URLs at EC M and L, in a font whose `▀`
    /// or `▄` misses one pixel row) rqrr decodes 120 of 120 codes drawn this way, 88
    /// with dark specks instead, and 60 as drawn before issue 10 (every glyph dark, so
    /// every mixed cell under a dark module cracked).
    pub fn half_block(above: bool, upper: bool, lower: bool, below: bool) -> CellPaint {
        if upper == lower {
            CellPaint::Solid { dark: upper }
        } else if above != upper {
            CellPaint::UpperHalf { upper_dark: upper }
        } else if below != lower {
            CellPaint::LowerHalf { lower_dark: lower }
        } else if upper {
            CellPaint::UpperHalf { upper_dark: true }
        } else {
            CellPaint::LowerHalf { lower_dark: true }
        }
    }

    /// The character to print: a space, `▀` or `▄`.
    pub fn symbol(self) -> &'static str {
        match self {
            CellPaint::Solid { .. } => " ",
            CellPaint::UpperHalf { .. } => "▀",
            CellPaint::LowerHalf { .. } => "▄",
        }
    }

    /// (foreground dark, background dark). They always differ: a space's unused
    /// foreground is set to the opposite of its background, so every cell carries both
    /// colours explicitly.
    pub fn fg_bg_dark(self) -> (bool, bool) {
        let fg_dark = match self {
            CellPaint::Solid { dark } => !dark,
            CellPaint::UpperHalf { upper_dark } => upper_dark,
            CellPaint::LowerHalf { lower_dark } => lower_dark,
        };
        (fg_dark, !fg_dark)
    }

    /// The (upper, lower) halves a correct font shows: dark flags.
    pub fn halves(self) -> (bool, bool) {
        match self {
            CellPaint::Solid { dark } => (dark, dark),
            CellPaint::UpperHalf { upper_dark } => (upper_dark, !upper_dark),
            CellPaint::LowerHalf { lower_dark } => (!lower_dark, lower_dark),
        }
    }
}

// ---------------------------------------------------------------- colours

/// What colours the terminal can show, chosen by the caller (see [`ColorDepth::detect`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorDepth {
    /// 24-bit colour: pure `Rgb(0,0,0)` / `Rgb(255,255,255)`.
    TrueColor,
    /// 256 colours: `Indexed(16)` / `Indexed(231)`, the colour cube's black and white,
    /// which themes rarely remap (unlike ANSI 0/7/15).
    Indexed256,
}

impl ColorDepth {
    /// From the environment: `COLORTERM=truecolor|24bit` means true colour. `NO_COLOR`
    /// is deliberately ignored: the code is an image that must stay black on white.
    pub fn detect() -> ColorDepth {
        ColorDepth::from_colorterm(std::env::var("COLORTERM").ok().as_deref())
    }

    pub fn from_colorterm(colorterm: Option<&str>) -> ColorDepth {
        match colorterm.map(|v| v.trim().to_ascii_lowercase()) {
            Some(v) if v == "truecolor" || v == "24bit" => ColorDepth::TrueColor,
            _ => ColorDepth::Indexed256,
        }
    }

    /// The colour of dark modules.
    pub fn dark(self) -> ratatui::style::Color {
        match self {
            ColorDepth::TrueColor => ratatui::style::Color::Rgb(0, 0, 0),
            ColorDepth::Indexed256 => ratatui::style::Color::Indexed(16),
        }
    }

    /// The colour of light modules and the quiet zone.
    pub fn light(self) -> ratatui::style::Color {
        match self {
            ColorDepth::TrueColor => ratatui::style::Color::Rgb(255, 255, 255),
            ColorDepth::Indexed256 => ratatui::style::Color::Indexed(231),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://roc.kernhigh.org";

    #[test]
    fn bundled_url_fits_and_a_long_one_does_not() {
        assert!(check_fits_small_screen(URL).is_ok());
        let long = format!("https://roc.kernhigh.org/{}", "a".repeat(100));
        let err = check_fits_small_screen(&long).unwrap_err();
        assert!(err.contains("80x24"), "{err}");
    }

    #[test]
    fn image_matches_the_qrcode_crate_and_has_a_light_quiet_zone() {
        let image = QrImage::encode(URL, EcLevel::M).unwrap();
        let code = QrCode::with_error_correction_level(URL, EcLevel::M).unwrap();
        assert_eq!(image.width(), code.width());
        let n = image.width() as i64;
        let q = QUIET_ZONE as i64;
        // Finder pattern corner is dark; every quiet-zone module and beyond is light.
        assert!(image.is_dark_with_quiet_zone(q, q));
        for i in -2..n + 2 * q + 2 {
            for edge in [0, q - 1, n + q, n + 2 * q - 1, -1] {
                assert!(!image.is_dark_with_quiet_zone(i, edge));
                assert!(!image.is_dark_with_quiet_zone(edge, i));
            }
        }
        let darks = (0..n)
            .flat_map(|y| (0..n).map(move |x| (x, y)))
            .filter(|&(x, y)| image.is_dark_with_quiet_zone(x + q, y + q))
            .count();
        let expected = code
            .to_colors()
            .iter()
            .filter(|c| **c == qrcode::Color::Dark)
            .count();
        assert_eq!(darks, expected);
    }

    fn sizes(code: &UrlCode) -> (usize, usize) {
        (code.medium.width(), code.low.width())
    }

    #[test]
    fn plan_prefers_full_then_level_l_then_half() {
        // 70 bytes: M is version 5 (37 modules), L version 4 (33): the L fallback matters.
        let url = "https://example.org/apply/roc-kiosk/2026-27/application-form-abcdefghi";
        let code = UrlCode::encode(url).unwrap();
        let (m, l) = sizes(&code);
        assert!(l < m, "L {l} should be smaller than M {m}");
        let plan_at = |w: u16, h: u16, style| code.plan(Rect::new(0, 0, w, h), style);
        let full_m = (2 * (m + 8)) as u16;
        let full_l = (2 * (l + 8)) as u16;
        let p = plan_at(full_m, (m + 8) as u16, QrStyle::Auto).unwrap();
        assert_eq!((p.mode(), p.image().ec_level()), (QrMode::Full, EcLevel::M));
        let p = plan_at(full_m - 1, (m + 8) as u16, QrStyle::Auto).unwrap();
        assert_eq!((p.mode(), p.image().ec_level()), (QrMode::Full, EcLevel::L));
        assert_eq!(p.size(), (full_l, (l + 8) as u16));
        let p = plan_at(full_l - 1, 100, QrStyle::Auto).unwrap();
        assert_eq!((p.mode(), p.image().ec_level()), (QrMode::Half, EcLevel::M));
        assert_eq!(p.size(), ((m + 8) as u16, (m + 8).div_ceil(2) as u16));
        let p = plan_at((m + 7) as u16, 100, QrStyle::Auto).unwrap();
        assert_eq!((p.mode(), p.image().ec_level()), (QrMode::Half, EcLevel::L));
        let need = plan_at((l + 7) as u16, 100, QrStyle::Auto).unwrap_err();
        assert_eq!(
            need,
            NeedSize {
                cols: (l + 8) as u16,
                rows: (l + 8).div_ceil(2) as u16
            }
        );
        // Forced styles.
        let p = plan_at(500, 500, QrStyle::Half).unwrap();
        assert_eq!((p.mode(), p.image().ec_level()), (QrMode::Half, EcLevel::M));
        let need = plan_at(80, 24, QrStyle::Full).unwrap_err();
        assert_eq!(need.to_string(), format!("{full_l}x{}", l + 8));
        assert!(plan_at(0, 0, QrStyle::Auto).is_err());
    }

    #[test]
    fn bundled_url_at_80x24_is_half_block_and_at_120x40_full_block() {
        let code = UrlCode::encode(URL).unwrap();
        let p = code.plan(Rect::new(0, 0, 80, 24), QrStyle::Auto).unwrap();
        println!(
            "80x24: {:?} {:?} {:?}",
            p.mode(),
            p.image().ec_level(),
            p.size()
        );
        assert_eq!(p.mode(), QrMode::Half);
        let p = code.plan(Rect::new(0, 0, 120, 40), QrStyle::Auto).unwrap();
        println!(
            "120x40: {:?} {:?} {:?}",
            p.mode(),
            p.image().ec_level(),
            p.size()
        );
        assert_eq!((p.mode(), p.image().ec_level()), (QrMode::Full, EcLevel::M));
    }

    #[test]
    fn rect_in_centres_and_refuses_to_clip() {
        let code = UrlCode::encode(URL).unwrap();
        let plan = QrPlan::new(code.preferred(), QrMode::Half);
        let (w, h) = plan.size();
        let r = plan.rect_in(Rect::new(10, 5, w + 10, h + 3)).unwrap();
        assert_eq!(r, Rect::new(15, 6, w, h));
        assert_eq!(plan.rect_in(Rect::new(0, 0, w - 1, h)), None);
        assert_eq!(plan.rect_in(Rect::new(0, 0, w, h - 1)), None);
    }

    #[test]
    fn half_block_cells_pair_module_rows_and_pad_the_last_row_light() {
        let image = QrImage::encode(URL, EcLevel::M).unwrap();
        let plan = QrPlan::new(&image, QrMode::Half);
        let q = QUIET_ZONE as u16;
        // Row 2 holds module rows 4 and 5: the finder's top edge (dark) and its
        // white ring (light except at the left/right edges).
        assert_eq!(plan.cell_modules(q, q / 2), (true, true));
        assert_eq!(plan.cell_modules(q + 1, q / 2), (true, false));
        let (_, rows) = plan.size();
        for col in 0..plan.size().0 {
            assert_eq!(plan.cell_modules(col, rows - 1), (false, false));
        }
        let full = QrPlan::new(&image, QrMode::Full);
        assert_eq!(full.cell_modules(2 * q, q), (true, true));
        assert_eq!(full.cell_modules(2 * q - 1, q), (false, false));
    }

    #[test]
    fn half_block_cells_show_the_right_modules_and_leak_only_safely() {
        for bits in 0..16u8 {
            let [above, upper, lower, below] = [8, 4, 2, 1].map(|b| bits & b != 0);
            let paint = CellPaint::half_block(above, upper, lower, below);
            // With a correct font, every cell shows exactly its two modules.
            assert_eq!(paint.halves(), (upper, lower), "{paint:?}");
            let (fg, bg) = paint.fg_bg_dark();
            assert_ne!(fg, bg);
            // A glyph a pixel short at its outer edge shows the background there.
            let leak = match paint {
                CellPaint::Solid { dark } => {
                    assert_eq!(upper, lower);
                    assert_eq!(dark, upper);
                    continue;
                }
                CellPaint::UpperHalf { .. } => (bg, above),
                CellPaint::LowerHalf { .. } => (bg, below),
            };
            let (leaked, neighbour) = leak;
            let tie = above == upper && below == lower;
            if leaked != neighbour {
                // Only when no glyph can be safe, and then the leak is light.
                assert!(tie, "{bits:04b}: avoidable leak with {paint:?}");
                assert!(!leaked, "{bits:04b}: a dark speck between light modules");
            }
        }
    }

    #[test]
    fn full_block_cells_are_always_spaces() {
        let image = QrImage::encode(URL, EcLevel::M).unwrap();
        let plan = QrPlan::new(&image, QrMode::Full);
        let (w, h) = plan.size();
        for row in 0..h {
            for col in 0..w {
                let (dark, _) = plan.cell_modules(col, row);
                assert_eq!(plan.cell_paint(col, row), CellPaint::Solid { dark });
            }
        }
    }

    #[test]
    fn host_is_what_a_browser_opens() {
        let host = |url: &str| UrlCode::encode(url).unwrap().host().map(str::to_string);
        assert_eq!(host(URL).as_deref(), Some("roc.kernhigh.org"));
        let cases = [
            (
                "https://roc.kernhigh.org@evil.example.com/apply",
                "evil.example.com",
            ),
            (
                "https://roc.kernhigh.org:pw@evil.example.com",
                "evil.example.com",
            ),
            (
                "https://evil.example.com\\@roc.kernhigh.org",
                "evil.example.com",
            ),
            ("https://ROC.KernHigh.org:443/a?b#c", "roc.kernhigh.org"),
            ("https://ro%63.kernhigh.org/", "roc.kernhigh.org"),
        ];
        for (url, expected) in cases {
            assert_eq!(host(url).as_deref(), Some(expected), "{url}");
        }
        assert_eq!(host("not a url"), None);
        assert_eq!(host("mailto:someone@example.org"), None);
    }

    #[test]
    fn colour_depth_from_colorterm() {
        assert_eq!(
            ColorDepth::from_colorterm(Some("truecolor")),
            ColorDepth::TrueColor
        );
        assert_eq!(
            ColorDepth::from_colorterm(Some("24bit")),
            ColorDepth::TrueColor
        );
        assert_eq!(ColorDepth::from_colorterm(Some("")), ColorDepth::Indexed256);
        assert_eq!(ColorDepth::from_colorterm(None), ColorDepth::Indexed256);
    }

    #[test]
    fn qr_style_reads_lowercase_names() {
        let s: QrStyle = serde_json::from_str("\"half\"").unwrap();
        assert_eq!(s, QrStyle::Half);
        assert!(serde_json::from_str::<QrStyle>("\"Half\"").is_err());
        assert_eq!(QrStyle::default(), QrStyle::Auto);
    }

    #[test]
    fn svg_is_black_on_white_with_the_quiet_zone_and_every_dark_module() {
        let image = QrImage::encode(URL, EcLevel::M).unwrap();
        let svg = image.to_svg(8);
        let side = image.width_with_quiet_zone() * 8;
        assert!(
            svg.contains(&format!("viewBox=\"0 0 {side} {side}\"")),
            "{svg}"
        );
        assert!(svg.contains("fill=\"#ffffff\"") && svg.contains("fill=\"#000000\""));
        // Each dark module is one 8x8 square path ("M{x} {y}h8v8H{x}V{y}") off the quiet zone.
        let d = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let squares: Vec<(usize, usize)> = d
            .split('M')
            .skip(1)
            .map(|part| {
                let mut nums = part
                    .split(|c: char| !c.is_ascii_digit())
                    .filter(|s| !s.is_empty());
                let x = nums.next().unwrap().parse().unwrap();
                let y = nums.next().unwrap().parse().unwrap();
                (x, y)
            })
            .collect();
        let q = QUIET_ZONE as i64;
        for &(x, y) in &squares {
            assert!(
                x >= QUIET_ZONE * 8 && y >= QUIET_ZONE * 8,
                "{x},{y} in the quiet zone"
            );
            assert!(image.is_dark_with_quiet_zone((x / 8) as i64, (y / 8) as i64));
        }
        let n = image.width() as i64;
        let dark = (0..n * n)
            .filter(|i| image.is_dark_with_quiet_zone(i % n + q, i / n + q))
            .count();
        assert_eq!(squares.len(), dark);
    }
}
