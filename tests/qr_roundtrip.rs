//! The QR widget's output decodes back to the URL: cells -> pixels -> rqrr, on a dark
//! and a light terminal theme, at 80x24, 120x40 and 200x60, in both drawing modes.
//! Controls show the harness can fail: an inverted render, a render in default
//! colours on a dark theme, and a render without its quiet zone do not decode.

mod common;

use common::qr_decode::{Theme, decode_all, decode_qr_in_buffer};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use roc_kiosk::qr::{ColorDepth, EcLevel, QrImage, QrMode, QrPlan, QrStyle, UrlCode};
use roc_kiosk::ui::qr_widget::QrWidget;

const BUNDLED_URL: &str = "https://roc.kernhigh.org";
/// 70 bytes: version 5 at M, version 4 at L, so the L fallback is exercised.
const LONG_URL: &str = "https://example.org/apply/roc-kiosk/2026-27/application-form-abcdefghi";

fn render(plan: QrPlan<'_>, depth: ColorDepth, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(QrWidget::new(plan, depth), frame.area()))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// Renders both URLs at `w` x `h` in every style and colour depth, decodes each on a
/// dark and a light theme, and returns the (mode, EC level) pairs it exercised.
fn check_size(w: u16, h: u16) -> Vec<(QrMode, EcLevel)> {
    let mut seen = Vec::new();
    for url in [BUNDLED_URL, LONG_URL] {
        let code = UrlCode::encode(url).unwrap();
        for style in [QrStyle::Auto, QrStyle::Full, QrStyle::Half] {
            let plan = match code.plan(Rect::new(0, 0, w, h), style) {
                Ok(p) => p,
                Err(need) => {
                    println!("{w}x{h} {style:?} {} bytes: needs {need}", url.len());
                    assert!(need.cols > w || need.rows > h, "{need} fits {w}x{h}");
                    // Auto and half-block fit every size tried.
                    assert_eq!(style, QrStyle::Full, "{url} {w}x{h}");
                    continue;
                }
            };
            for depth in [ColorDepth::TrueColor, ColorDepth::Indexed256] {
                let buf = render(plan, depth, w, h);
                let dark = decode_all(&buf, Theme::Dark);
                let light = decode_all(&buf, Theme::Light);
                println!(
                    "{w}x{h} {style:?} {} bytes: {:?} {:?} {:?} cells, {depth:?}, dark theme {dark:?}, light theme {light:?}",
                    url.len(),
                    plan.mode(),
                    plan.image().ec_level(),
                    plan.size()
                );
                assert_eq!(dark, vec![url.to_string()], "dark theme");
                assert_eq!(light, vec![url.to_string()], "light theme");
                assert_eq!(decode_qr_in_buffer(&buf).as_deref(), Some(url));
            }
            seen.push((plan.mode(), plan.image().ec_level()));
        }
    }
    seen
}

// One test per size, so they decode in parallel.
#[test]
fn decodes_at_80x24() {
    check_size(80, 24);
}

#[test]
fn decodes_at_120x40() {
    check_size(120, 40);
}

#[test]
fn decodes_at_200x60() {
    check_size(200, 60);
}

#[test]
fn decodes_with_the_level_l_fallback_in_both_modes() {
    // 84x42: the long URL's full-block code fits only at L; 44x23: its half-block too.
    let seen = [check_size(84, 42), check_size(44, 23)].concat();
    for mode in [QrMode::Full, QrMode::Half] {
        assert!(
            seen.contains(&(mode, EcLevel::L)),
            "{mode:?} L not exercised"
        );
    }
}

/// A render of the bundled URL in half-block mode at 80x24 (the tightest case).
fn half_block_render() -> (Buffer, Rect) {
    let code = UrlCode::encode(BUNDLED_URL).unwrap();
    let plan = code
        .plan(Rect::new(0, 0, 80, 24), QrStyle::Half)
        .expect("fits");
    let buf = render(plan, ColorDepth::Indexed256, 80, 24);
    let rect = plan.rect_in(buf.area).unwrap();
    assert_eq!(decode_qr_in_buffer(&buf).as_deref(), Some(BUNDLED_URL));
    (buf, rect)
}

#[test]
fn an_inverted_render_does_not_decode() {
    let (mut buf, rect) = half_block_render();
    for y in rect.top()..rect.bottom() {
        for x in rect.left()..rect.right() {
            let cell = &mut buf[(x, y)];
            let (fg, bg) = (cell.fg, cell.bg);
            cell.set_fg(bg).set_bg(fg);
        }
    }
    assert_eq!(decode_qr_in_buffer(&buf), None);
}

#[test]
fn default_colours_decode_only_on_a_light_theme() {
    // What a widget that trusted the theme would draw (qrencode's UTF8i): each dark
    // module a glyph half in the default foreground, light ones the default background.
    let code = UrlCode::encode(BUNDLED_URL).unwrap();
    let plan = QrPlan::new(code.preferred(), QrMode::Half);
    let (w, h) = plan.size();
    let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
    for row in 0..h {
        for col in 0..w {
            let glyph = match plan.cell_modules(col, row) {
                (false, false) => " ",
                (true, false) => "▀",
                (false, true) => "▄",
                (true, true) => "█",
            };
            buf[(col + 10, row + 2)]
                .set_symbol(glyph)
                .set_fg(Color::Reset)
                .set_bg(Color::Reset);
        }
    }
    assert_eq!(
        decode_all(&buf, Theme::Light),
        vec![BUNDLED_URL.to_string()]
    );
    assert_eq!(decode_all(&buf, Theme::Dark), Vec::<String>::new());
}

#[test]
fn a_render_without_its_light_quiet_zone_does_not_decode_on_a_dark_theme() {
    let (mut buf, rect) = half_block_render();
    let light = ColorDepth::Indexed256.light();
    // The quiet zone: 4 module columns (= 4 cells) and 2 cell rows on each side.
    for y in rect.top()..rect.bottom() {
        for x in rect.left()..rect.right() {
            let in_zone = x < rect.left() + 4
                || x >= rect.right() - 4
                || y < rect.top() + 2
                || y >= rect.bottom() - 2;
            let cell = &mut buf[(x, y)];
            if in_zone && cell.symbol() == " " && cell.bg == light {
                cell.set_bg(Color::Reset);
            }
        }
    }
    assert_eq!(decode_qr_in_buffer(&buf), None);
}

#[test]
fn the_flyer_svg_decodes() {
    for url in [BUNDLED_URL, LONG_URL] {
        let image = UrlCode::encode(url).unwrap().preferred().clone();
        let px = 6;
        let svg = image.to_svg(px);
        let side = image.width_with_quiet_zone() * px as usize;
        assert!(svg.contains(&format!("width=\"{side}\" height=\"{side}\"")));
        // Rasterise the SVG: a white square, then the path's rectangles
        // "M{x} {y}h{w}v{h}H{x}V{y}" in black.
        let mut dark = vec![false; side * side];
        let d = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        for rect in d.split('M').skip(1) {
            let nums: Vec<usize> = rect
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .map(|n| n.parse().unwrap())
                .collect();
            let [x, y, w, h, ..] = nums[..] else {
                panic!("unexpected path part {rect:?}");
            };
            for row in y..y + h {
                dark[row * side + x..row * side + x + w].fill(true);
            }
        }
        let mut img =
            rqrr::PreparedImage::prepare_from_bitmap(side, side, |x, y| dark[y * side + x]);
        let decoded: Vec<String> = img
            .detect_grids()
            .into_iter()
            .filter_map(|g| g.decode().ok().map(|(_, t)| t))
            .collect();
        println!("svg {side}x{side} px: {decoded:?}");
        assert_eq!(decoded, vec![url.to_string()]);
    }
}

/// A font whose half-block glyph ends a pixel short of the cell's outer edge, as
/// DejaVu Sans Mono does in xterm (`▀` misses the top row at 14 and 18 pt, `▄` the
/// bottom row at 10 and 16 pt); the background colour shows through the gap.
#[derive(Debug, Clone, Copy)]
enum ShortGlyph {
    UpperMissesTop,
    LowerMissesBottom,
}

const SHORT_FONTS: [ShortGlyph; 2] = [ShortGlyph::UpperMissesTop, ShortGlyph::LowerMissesBottom];

/// Pixels per module side in the simulated font (xterm at 10 pt has 8 x 8.5; fewer
/// pixels make the one-pixel gap weigh more, and the test quicker).
const MODULE_PX: usize = 5;

/// The code's cells in `rect` as pixels drawn in `font`, every module `MODULE_PX`
/// square. Returns (side, dark pixels); rows beyond the square are left out.
fn rasterise(buf: &Buffer, rect: Rect, font: ShortGlyph) -> (usize, Vec<bool>) {
    let side = usize::from(rect.width) * MODULE_PX;
    let mut dark = vec![false; side * side];
    let light = ColorDepth::Indexed256.light();
    for row in 0..rect.height {
        for col in 0..rect.width {
            let cell = &buf[(rect.x + col, rect.y + row)];
            let (fg, bg) = (cell.fg != light, cell.bg != light);
            for py in 0..2 * MODULE_PX {
                let glyph_here = match (cell.symbol(), font) {
                    ("▀", ShortGlyph::UpperMissesTop) => (1..MODULE_PX).contains(&py),
                    ("▀", _) => py < MODULE_PX,
                    ("▄", ShortGlyph::LowerMissesBottom) => {
                        (MODULE_PX..2 * MODULE_PX - 1).contains(&py)
                    }
                    ("▄", _) => py >= MODULE_PX,
                    _ => false,
                };
                let y = usize::from(row) * 2 * MODULE_PX + py;
                if y >= side {
                    continue;
                }
                let x = usize::from(col) * MODULE_PX;
                dark[y * side + x..y * side + x + MODULE_PX].fill(if glyph_here { fg } else { bg });
            }
        }
    }
    (side, dark)
}

/// Pixels of colour `seen` inside modules of the other colour that are not on an
/// edge shared with a module of colour `seen`: dark specks in light modules
/// (`seen = true`) or light cracks through dark ones (`seen = false`).
fn cracks(image: &QrImage, side: usize, dark: &[bool], seen: bool) -> usize {
    let module = |x: usize, y: usize, dy: i64| {
        image.is_dark_with_quiet_zone((x / MODULE_PX) as i64, (y / MODULE_PX) as i64 + dy)
    };
    (0..side * side)
        .map(|i| (i % side, i / side))
        .filter(|&(x, y)| dark[y * side + x] == seen && module(x, y, 0) != seen)
        .filter(|&(x, y)| {
            let at_top = y % MODULE_PX == 0 && module(x, y, -1) == seen;
            let at_bottom = y % MODULE_PX == MODULE_PX - 1 && module(x, y, 1) == seen;
            !(at_top || at_bottom)
        })
        .count()
}

fn decode_pixels(side: usize, dark: &[bool]) -> Vec<String> {
    // A dark margin: a dark terminal theme around the code.
    let margin = 4 * MODULE_PX;
    let full = side + 2 * margin;
    let mut img = rqrr::PreparedImage::prepare_from_bitmap(full, full, |x, y| {
        let inside = (margin..side + margin).contains(&x) && (margin..side + margin).contains(&y);
        !inside || dark[(y - margin) * side + (x - margin)]
    });
    img.detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, t)| t))
        .collect()
}

/// Redraws every mixed cell with its `glyph_dark` half as the glyph: `true` is what
/// the widget drew before issue 10, `false` what default-colour drawings do.
fn same_glyph_everywhere(buf: &mut Buffer, rect: Rect, glyph_dark: bool) {
    let (dark, light) = (
        ColorDepth::Indexed256.dark(),
        ColorDepth::Indexed256.light(),
    );
    let (glyph, other) = if glyph_dark {
        (dark, light)
    } else {
        (light, dark)
    };
    for y in rect.top()..rect.bottom() {
        for x in rect.left()..rect.right() {
            let cell = &mut buf[(x, y)];
            if matches!(cell.symbol(), "▀" | "▄") && cell.fg != glyph {
                let flipped = if cell.symbol() == "▀" { "▄" } else { "▀" };
                cell.set_symbol(flipped).set_fg(glyph).set_bg(other);
            }
        }
    }
}

/// Redraws the cells where no glyph is safe (a column `u u l l`) with the light half
/// as the glyph: the other choice the widget could have made there.
fn light_glyphs_where_no_glyph_is_safe(buf: &mut Buffer, image: &QrImage) {
    let (dark, light) = (
        ColorDepth::Indexed256.dark(),
        ColorDepth::Indexed256.light(),
    );
    for row in 0..buf.area.height {
        for col in 0..buf.area.width {
            let (x, y) = (i64::from(col), 2 * i64::from(row));
            let module = |dy: i64| image.is_dark_with_quiet_zone(x, y + dy);
            let (above, upper, lower, below) = (module(-1), module(0), module(1), module(2));
            if upper != lower && above == upper && below == lower {
                let glyph = if upper { "▄" } else { "▀" };
                buf[(col, row)].set_symbol(glyph).set_fg(light).set_bg(dark);
            }
        }
    }
}

/// Half-block renders of 30 URLs (25 to 70 bytes) at EC levels M and L.
fn many_half_block_codes() -> Vec<(String, QrImage, Buffer)> {
    let letters = "abcdefghijklmnopqrstuvwxyz0123456789";
    let mut codes = Vec::new();
    for i in 0..30 {
        let path: String = letters
            .chars()
            .cycle()
            .skip(i * 7)
            .take(i * 5 % 50)
            .collect();
        let url = format!("https://roc.kernhigh.org/{path}");
        for ec in [EcLevel::M, EcLevel::L] {
            let image = QrImage::encode(&url, ec).unwrap();
            let plan = QrPlan::new(&image, QrMode::Half);
            let (w, h) = plan.size();
            let buf = render(plan, ColorDepth::Indexed256, w, h);
            codes.push((url.clone(), image, buf));
        }
    }
    codes
}

#[test]
fn a_short_glyph_never_leaves_a_dark_speck_in_light_modules() {
    let mut control_specks = 0;
    for (url, image, mut buf) in many_half_block_codes().into_iter().step_by(5) {
        let rect = buf.area;
        for font in SHORT_FONTS {
            let (side, dark) = rasterise(&buf, rect, font);
            assert_eq!(cracks(&image, side, &dark, true), 0, "{url} {font:?}");
        }
        // Control: light glyphs everywhere do leave dark specks.
        same_glyph_everywhere(&mut buf, rect, false);
        for font in SHORT_FONTS {
            let (side, dark) = rasterise(&buf, rect, font);
            control_specks += cracks(&image, side, &dark, true);
        }
    }
    assert!(control_specks > 0, "the speck count cannot fail");
}

#[test]
fn codes_drawn_in_a_font_with_short_glyphs_still_decode() {
    let (mut decoded, mut decoded_before, mut decoded_specks, mut total) = (0, 0, 0, 0);
    let (mut light_cracks, mut light_cracks_before) = (0, 0);
    for (url, image, mut buf) in many_half_block_codes() {
        let rect = buf.area;
        // The other choice where no glyph is safe: dark specks instead of light cracks.
        let mut specks = buf.clone();
        light_glyphs_where_no_glyph_is_safe(&mut specks, &image);
        for font in SHORT_FONTS {
            let (side, dark) = rasterise(&specks, rect, font);
            decoded_specks += usize::from(decode_pixels(side, &dark) == [url.clone()]);
        }
        for font in SHORT_FONTS {
            let (side, dark) = rasterise(&buf, rect, font);
            total += 1;
            light_cracks += cracks(&image, side, &dark, false);
            if decode_pixels(side, &dark) == [url.clone()] {
                decoded += 1;
            } else {
                println!("not decoded: {url} {:?} {font:?}", image.ec_level());
            }
        }
        // What the widget drew before issue 10, in the same fonts.
        same_glyph_everywhere(&mut buf, rect, true);
        for font in SHORT_FONTS {
            let (side, dark) = rasterise(&buf, rect, font);
            light_cracks_before += cracks(&image, side, &dark, false);
            decoded_before += usize::from(decode_pixels(side, &dark) == [url.clone()]);
        }
    }
    println!(
        "rqrr decodes {decoded} of {total} codes in fonts with short glyphs ({light_cracks} \
         light crack px); with dark specks where no glyph is safe: {decoded_specks}; \
         drawn as before issue 10: {decoded_before} ({light_cracks_before} px)"
    );
    assert_eq!(decoded, total);
    assert!(
        decoded_before < total,
        "this test cannot tell the drawings apart"
    );
}
