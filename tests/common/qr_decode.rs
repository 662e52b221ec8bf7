//! Read a QR code back from a rendered ratatui buffer, as a phone would from the screen.
//!
//! Each cell becomes 1 pixel wide and 2 pixels tall (terminal cells are about 1:2), so
//! a half-block module and a full-block module (2 cells wide) both come out square.
//! A half is dark iff the colour painting it is dark: the foreground for the half a
//! glyph covers (`▀` upper, `▄` lower, `█` both), the background otherwise.
//! Default colours (`Color::Reset`) resolve through a terminal theme, and the image
//! is surrounded by a margin of the theme's background: on a dark theme, a code
//! without its own light quiet zone, or drawn in default colours, does not decode.
//!
//! Used by `tests/qr_roundtrip.rs` and the Apply-screen tests (`mod common;`).

#![allow(dead_code)] // each test crate uses a different part

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// The terminal's default colours, which `Color::Reset` stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Light text on a black background.
    Dark,
    /// Dark text on a white background.
    Light,
}

/// Margin (pixels, before scaling) of theme background around the buffer.
const MARGIN: usize = 12;
/// Upscaling, so rqrr's finder-pattern search has several pixels per module.
const SCALE: usize = 3;

/// Decodes every QR code visible in `buf` on a dark theme; the first payload, if any.
pub fn decode_qr_in_buffer(buf: &Buffer) -> Option<String> {
    decode_all(buf, Theme::Dark).into_iter().next()
}

/// Every payload that decodes from `buf` shown on a terminal with `theme`.
pub fn decode_all(buf: &Buffer, theme: Theme) -> Vec<String> {
    let (w, h, dark) = buffer_to_pixels(buf, theme);
    let (sw, sh) = ((w + 2 * MARGIN) * SCALE, (h + 2 * MARGIN) * SCALE);
    let margin_dark = theme == Theme::Dark;
    let mut img = rqrr::PreparedImage::prepare_from_bitmap(sw, sh, |x, y| {
        let (x, y) = (x / SCALE, y / SCALE);
        if x < MARGIN || y < MARGIN || x >= w + MARGIN || y >= h + MARGIN {
            margin_dark
        } else {
            dark[(y - MARGIN) * w + (x - MARGIN)]
        }
    });
    img.detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .collect()
}

/// The buffer as a `w x h` bitmap (`true` = dark), 1x2 pixels per cell.
pub fn buffer_to_pixels(buf: &Buffer, theme: Theme) -> (usize, usize, Vec<bool>) {
    let area = buf.area;
    let (w, h) = (usize::from(area.width), 2 * usize::from(area.height));
    let mut dark = vec![false; w * h];
    for row in 0..area.height {
        for col in 0..area.width {
            let cell = &buf[(area.x + col, area.y + row)];
            let (mut fg, mut bg) = (
                is_dark(cell.fg, theme, Layer::Fg),
                is_dark(cell.bg, theme, Layer::Bg),
            );
            if cell.modifier.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            let (upper, lower) = match cell.symbol() {
                "▀" => (fg, bg),
                "▄" => (bg, fg),
                "█" => (fg, fg),
                // Spaces and text: mostly background.
                _ => (bg, bg),
            };
            let (x, y) = (usize::from(col), 2 * usize::from(row));
            dark[y * w + x] = upper;
            dark[(y + 1) * w + x] = lower;
        }
    }
    (w, h, dark)
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    Fg,
    Bg,
}

/// Whether `color` looks dark (luminance below half) on a terminal with `theme`.
pub fn is_dark(color: Color, theme: Theme, layer: Layer) -> bool {
    let (r, g, b) = match color {
        Color::Reset => {
            // Dark theme: light text on dark; light theme: the opposite.
            return (theme == Theme::Dark) == (layer == Layer::Bg);
        }
        Color::Rgb(r, g, b) => (r, g, b),
        Color::Indexed(i) => indexed_rgb(i),
        Color::Black => (0, 0, 0),
        Color::Red => (205, 0, 0),
        Color::Green => (0, 205, 0),
        Color::Yellow => (205, 205, 0),
        Color::Blue => (0, 0, 238),
        Color::Magenta => (205, 0, 205),
        Color::Cyan => (0, 205, 205),
        Color::Gray => (229, 229, 229),
        Color::DarkGray => (127, 127, 127),
        Color::LightRed => (255, 0, 0),
        Color::LightGreen => (0, 255, 0),
        Color::LightYellow => (255, 255, 0),
        Color::LightBlue => (92, 92, 255),
        Color::LightMagenta => (255, 0, 255),
        Color::LightCyan => (0, 255, 255),
        Color::White => (255, 255, 255),
    };
    // ITU-R BT.601 luma.
    299 * u32::from(r) + 587 * u32::from(g) + 114 * u32::from(b) < 128 * 1000
}

/// xterm's 256-colour palette.
fn indexed_rgb(i: u8) -> (u8, u8, u8) {
    const BASIC: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ];
    match i {
        0..=15 => BASIC[usize::from(i)],
        16..=231 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            let v = i - 16;
            (level(v / 36), level((v / 6) % 6), level(v % 6))
        }
        _ => {
            let g = 8 + 10 * (i - 232);
            (g, g, g)
        }
    }
}
