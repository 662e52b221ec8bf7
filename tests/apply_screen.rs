//! The Apply screen as the kiosk draws it — title bar, text column and all — read back as
//! a phone would: cells → pixels on a dark margin (a dark terminal theme) → rqrr. The text
//! must equal the application URL at every size and in both cell modes. Plus the window
//! message for dates across the year.

mod common;

use common::kiosk::{Kiosk, text};
use common::qr_decode::{Theme, decode_all, decode_qr_in_buffer};
use roc_kiosk::qr::{ColorDepth, QrStyle};

const URL: &str = "https://roc.kernhigh.org";

fn apply_screen(style: QrStyle, depth: ColorDepth) -> Kiosk {
    let mut k = Kiosk::with_settings(|s| {
        s.qr_style = style;
        s.color_depth = depth;
    });
    k.chars("x4");
    k
}

#[test]
fn the_apply_screen_code_decodes_at_every_size_and_mode() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        for style in [QrStyle::Auto, QrStyle::Half, QrStyle::Full] {
            for depth in [ColorDepth::Indexed256, ColorDepth::TrueColor] {
                let mut k = apply_screen(style, depth);
                let buf = k.draw(w, h);
                let screen = text(&buf);
                if style == QrStyle::Full && w == 80 {
                    // Full blocks do not fit 80x24: the screen must say so, not clip.
                    assert!(screen.contains("needs a bigger window"), "{screen}");
                    continue;
                }
                assert_eq!(
                    decode_qr_in_buffer(&buf).as_deref(),
                    Some(URL),
                    "{w}x{h} {style:?} {depth:?}:\n{screen}"
                );
                assert_eq!(
                    decode_all(&buf, Theme::Light),
                    vec![URL.to_string()],
                    "light theme too, {w}x{h} {style:?}"
                );
                assert!(screen.contains(URL), "the URL is printed as text, {w}x{h}");
            }
        }
    }
}

#[test]
fn a_render_in_the_themes_default_colours_does_not_decode_on_a_dark_theme() {
    // Negative control: strip the code's explicit colours, as a widget that relied on the
    // theme would draw it. On a dark theme that is an inverted code, which must fail.
    let mut k = apply_screen(QrStyle::Half, ColorDepth::Indexed256);
    let mut buf = k.draw(80, 24);
    for cell in buf.content.iter_mut() {
        if matches!(cell.symbol(), "▀" | "▄" | "█") || cell.bg == ColorDepth::Indexed256.light()
        {
            cell.fg = ratatui::style::Color::Indexed(231);
            cell.bg = ratatui::style::Color::Indexed(16);
        }
    }
    assert_eq!(decode_qr_in_buffer(&buf), None);
}

#[test]
fn the_window_message_follows_the_date() {
    let cases = [
        ((2026, 10, 31), "Applications open November 1, 2026."),
        ((2026, 11, 1), "Applications are open until March 1, 2027."),
        ((2027, 2, 20), "10 days left!"),
        ((2027, 3, 1), "Today is the last day!"),
        (
            (2027, 3, 2),
            "This year's applications closed March 1, 2027. The next window opens November 1, 2027.",
        ),
    ];
    for ((y, m, d), expected) in cases {
        let mut k = Kiosk::with_settings(|s| s.today = jiff::civil::date(y, m, d));
        k.chars("x4");
        let screen = text(&k.draw(120, 40))
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join(" ");
        let screen = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            screen.contains(expected),
            "{y}-{m}-{d}: expected {expected:?} in\n{screen}"
        );
    }
}
