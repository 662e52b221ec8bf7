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
use roc_kiosk::qr::{ColorDepth, EcLevel, QrMode, QrPlan, QrStyle, UrlCode};
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
        let svg = image.to_svg(10);
        let side = image.width_with_quiet_zone();
        // Rasterise our own SVG: a white square with runs "M{x},{y}h{n}v1h-{n}z".
        let mut dark = vec![false; side * side];
        let d = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        for run in d.split('M').skip(1) {
            let (xy, rest) = run.split_once('h').unwrap();
            let (x, y) = xy.split_once(',').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let n: usize = rest.split('v').next().unwrap().parse().unwrap();
            for i in x..x + n {
                dark[y * side + i] = true;
            }
        }
        let scale = 4;
        let mut img =
            rqrr::PreparedImage::prepare_from_bitmap(side * scale, side * scale, |x, y| {
                dark[(y / scale) * side + x / scale]
            });
        let decoded: Vec<String> = img
            .detect_grids()
            .into_iter()
            .filter_map(|g| g.decode().ok().map(|(_, t)| t))
            .collect();
        println!("svg {side}x{side} modules: {decoded:?}");
        assert_eq!(decoded, vec![url.to_string()]);
    }
}
