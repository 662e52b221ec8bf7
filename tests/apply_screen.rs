//! The Apply screen as the kiosk draws it — title bar, text column and all — read back as
//! a phone would: cells → pixels on a dark margin (a dark terminal theme) → rqrr. The text
//! must equal the application URL at every size and in both cell modes. Plus the window
//! message for dates across the year.

mod common;

use common::kiosk::{Kiosk, PIN, text};
use common::pty::PtyKiosk;
use common::qr_decode::{Theme, decode_all, decode_qr_in_buffer};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
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

/// What a terminal shows after the bytes `raw`, as a ratatui buffer of `cols` x `rows`
/// (colours, reverse video and characters), so the QR decoder can read it.
fn terminal_buffer(raw: &[u8], cols: u16, rows: u16) -> Buffer {
    let size = |n: u16| std::num::NonZeroU16::new(n).expect("a screen is never 0 cells");
    let mut parser = vt100::Parser::new(size(rows), size(cols), 0);
    parser.process(raw);
    let screen = parser.screen();
    let colour = |c: vt100::Color| match c {
        vt100::Color::Default => Color::Reset,
        vt100::Color::Idx(i) => Color::Indexed(i),
        vt100::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
    };
    let mut buf = Buffer::empty(Rect::new(0, 0, cols, rows));
    for row in 0..rows {
        for col in 0..cols {
            let Some(cell) = screen.cell(row, col) else {
                continue;
            };
            let out = &mut buf[(col, row)];
            let symbol = cell.contents();
            out.set_symbol(if symbol.is_empty() { " " } else { symbol })
                .set_fg(colour(cell.fgcolor()))
                .set_bg(colour(cell.bgcolor()));
            if cell.inverse() {
                out.modifier.insert(Modifier::REVERSED);
            }
        }
    }
    buf
}

#[test]
fn under_no_color_the_real_kiosk_still_sends_the_codes_black_and_white() {
    // crossterm drops every colour sequence under NO_COLOR unless told otherwise; then
    // the code would reach the terminal as bare glyphs in default colours (a negative
    // on a dark theme). The real binary in a PTY, read back through a terminal emulator.
    for (cols, rows) in [(80, 24), (120, 40)] {
        let home = tempfile::tempdir().unwrap();
        let mut kiosk =
            PtyKiosk::start_with_env(&[], &[("NO_COLOR", "1")], cols, rows, home.path());
        kiosk.wait_for("Press any key");
        kiosk.send(b"x");
        kiosk.wait_for("How to apply");
        kiosk.send(b"4");
        kiosk.wait_for(URL);
        // The frame after the URL appeared is complete once the screen stops changing.
        let mut before = Vec::new();
        for _ in 0..100 {
            std::thread::sleep(std::time::Duration::from_millis(100));
            let now = kiosk.raw.lock().unwrap().clone();
            if now == before {
                break;
            }
            before = now;
        }
        let buf = terminal_buffer(&before, cols, rows);
        assert_eq!(
            decode_all(&buf, Theme::Dark),
            vec![URL.to_string()],
            "{cols}x{rows} NO_COLOR, dark terminal:\n{}",
            kiosk.screen()
        );
        assert_eq!(
            decode_all(&buf, Theme::Light),
            vec![URL.to_string()],
            "{cols}x{rows} NO_COLOR, light terminal"
        );
        // And the rest of the screen really has no colour (NO_COLOR is still honoured).
        let coloured_text = buf
            .content()
            .iter()
            .filter(|c| c.symbol().chars().any(char::is_alphanumeric))
            .filter(|c| c.fg != Color::Reset || c.bg != Color::Reset)
            .count();
        assert_eq!(coloured_text, 0, "text in colour under NO_COLOR");
    }
}

/// A kiosk on the bundled catalog with another application URL.
fn kiosk_with_url(url: &str, lang: roc_kiosk::i18n::Lang) -> Kiosk {
    let mut catalog = roc_kiosk::catalog::Catalog::bundled().unwrap();
    catalog.center.application.url = url.to_string();
    let start = std::time::Instant::now();
    let mut settings = roc_kiosk::app::Settings::new(jiff::civil::date(2026, 11, 24));
    settings.default_lang = lang;
    let app = roc_kiosk::app::App::new(
        std::sync::Arc::new(catalog),
        settings,
        std::sync::Arc::new(|pin: &str| (pin == PIN).into()),
        start,
    );
    Kiosk {
        app,
        start,
        elapsed: std::time::Duration::ZERO,
        effects: Vec::new(),
        hot: Default::default(),
    }
}

#[test]
fn the_code_always_comes_with_the_scan_label_in_both_languages() {
    use roc_kiosk::i18n::{Lang, t};
    // 78 bytes: the longest URL the catalog accepts; its code leaves no row under it
    // at 80x24, so the label moves to the text column.
    let long = format!("https://roc.kernhigh.org/{}", "a".repeat(53));
    assert!(roc_kiosk::qr::check_fits_small_screen(&long).is_ok());
    assert!(roc_kiosk::qr::check_fits_small_screen(&format!("{long}a")).is_err());
    for url in [URL, long.as_str()] {
        for lang in [Lang::En, Lang::Es] {
            for (w, h) in [(80, 24), (120, 40)] {
                let mut k = kiosk_with_url(url, lang);
                k.chars("x4");
                let buf = k.draw(w, h);
                let screen = text(&buf);
                assert_eq!(
                    decode_qr_in_buffer(&buf).as_deref(),
                    Some(url),
                    "{w}x{h}\n{screen}"
                );
                let words: Vec<&str> = screen.split_whitespace().collect();
                for word in t(lang).apply_scan.split_whitespace() {
                    assert!(
                        words.contains(&word),
                        "{lang:?} {w}x{h} {} bytes: {word:?} missing from\n{screen}",
                        url.len()
                    );
                }
                assert!(words.contains(&"roc.kernhigh.org"), "the host, {w}x{h}");
            }
        }
    }
}

#[test]
fn the_host_the_code_opens_is_printed_in_bold_on_its_own_line() {
    // A URL that reads like the district's site but opens another host (issue 18). The
    // catalog check refuses such URLs; the screen must still tell the truth if one
    // gets through.
    let evil = "https://roc.kernhigh.org@evil.example.com/apply";
    for (w, h) in [(80, 24), (120, 40)] {
        let mut k = kiosk_with_url(evil, roc_kiosk::i18n::Lang::En);
        k.chars("x4");
        let buf = k.draw(w, h);
        assert_eq!(decode_qr_in_buffer(&buf).as_deref(), Some(evil), "{w}x{h}");
        // The host's cells: alone between runs of at least two spaces, all bold.
        let host = "evil.example.com";
        let n = host.len() as u16;
        let found = (0..h).find_map(|y| {
            let at = |x: u16| buf[(x, y)].symbol();
            let blank = |x: u16| x >= w || at(x) == " ";
            (0..=w - n)
                .find(|&x| {
                    (0..n).map(|i| at(x + i)).collect::<String>() == host
                        && (x < 2 || (blank(x - 1) && blank(x - 2)))
                        && blank(x + n)
                        && blank(x + n + 1)
                })
                .map(|x| (x, y))
        });
        let (x, y) = found
            .unwrap_or_else(|| panic!("no line with only the host at {w}x{h}:\n{}", text(&buf)));
        let bold = (x..x + n).all(|x| buf[(x, y)].modifier.contains(Modifier::BOLD));
        assert!(bold, "the host is bold at {w}x{h}");
    }
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
