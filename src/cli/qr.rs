//! `roc-kiosk qr [--svg FILE] [--catalog DIR]`: the application URL's QR code, printed
//! to this terminal (the same widget the kiosk draws, explicit black on white), or
//! written as an SVG for printed flyers.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::Args;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::Widget;

use super::CatalogArg;
use super::output::{CliError, print, print_raw};
use crate::i18n::{Lang, t};
use crate::qr::{ColorDepth, QrImage, QrStyle, UrlCode};
use crate::ui::qr_widget::QrWidget;

/// Pixels per module in the SVG's default size (a 33-module code with its quiet zone
/// is 410 px); SVG scales without loss, so this only sets the size viewers open it at.
const SVG_PX_PER_MODULE: u32 = 10;

#[derive(Debug, Args)]
pub struct QrArgs {
    /// Write the code as an SVG file (for printed flyers) instead of printing it.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    #[command(flatten)]
    pub catalog: CatalogArg,
}

pub fn run(args: QrArgs) -> Result<(), CliError> {
    let catalog = args.catalog.load()?;
    let url = catalog.center.application.url;
    let code = UrlCode::encode(&url).map_err(|e| {
        CliError::failed(format!(
            "qr: center.json application.url: {e}; use a shorter URL"
        ))
    })?;
    match args.svg {
        Some(path) => write_svg(&path, code.preferred(), &url),
        None => print_to_terminal(&code),
    }
}

fn write_svg(path: &Path, image: &QrImage, url: &str) -> Result<(), CliError> {
    std::fs::write(path, image.to_svg(SVG_PX_PER_MODULE)).map_err(|e| {
        CliError::failed(format!(
            "qr: cannot write {}: {e}; check that the folder exists and is writable",
            path.display()
        ))
    })?;
    print(&format!(
        "wrote {} ({n}x{n} modules + quiet zone, error correction {:?}) for {url}\n",
        path.display(),
        image.ec_level(),
        n = image.width(),
    ))
}

fn print_to_terminal(code: &UrlCode) -> Result<(), CliError> {
    let (cols, rows) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let depth = ColorDepth::detect();
    match terminal_text(code, cols, rows, depth) {
        // The colours are the program's own escape codes; the URL in the text passed
        // the catalog's text and URL rules.
        Ok(text) => print_raw(&text),
        Err(message) => {
            print(&format!("{}\n", code.url()))?;
            Err(CliError::failed(message))
        }
    }
}

/// The code as text with SGR colours for a terminal of `cols` x `rows`, with the lines
/// the Apply screen shows under it (the scan label, the host in bold, the URL), in
/// English (the technician's). One row stays free for the shell prompt, so the code's
/// top row does not scroll away. When the code fits only without the label and host,
/// the URL alone goes under it.
pub fn terminal_text(
    code: &UrlCode,
    cols: u16,
    rows: u16,
    depth: ColorDepth,
) -> Result<String, String> {
    let mut caption = vec![t(Lang::En).apply_scan.to_string()];
    if let Some(host) = code.host() {
        caption.push(format!("\x1b[1m{host}\x1b[0m"));
    }
    caption.push(code.url().to_string());
    let with_caption = Rect::new(0, 0, cols, rows.saturating_sub(caption.len() as u16 + 1));
    let plan = match code.plan(with_caption, QrStyle::Auto) {
        Ok(plan) => plan,
        Err(_) => {
            caption = vec![code.url().to_string()];
            let area = Rect::new(0, 0, cols, rows.saturating_sub(2));
            code.plan(area, QrStyle::Auto).map_err(|need| {
                format!(
                    "qr: this terminal is {cols}x{rows}; the code needs {}x{} (plus 2 rows for \
                     the URL and prompt). Make the window bigger or the font smaller, or use \
                     --svg FILE.",
                    need.cols,
                    need.rows.saturating_add(2)
                )
            })?
        }
    };
    let (w, h) = plan.size();
    // Render the kiosk's own widget into a buffer exactly the code's size, then
    // print its cells: one source of truth for how the code looks.
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    QrWidget::new(plan, depth).render(buf.area, &mut buf);
    let indent = " ".repeat(usize::from((cols - w) / 2));
    let mut text = String::new();
    for y in 0..h {
        text.push_str(&indent);
        let mut last = None;
        for x in 0..w {
            let cell = &buf[(x, y)];
            if last != Some((cell.fg, cell.bg)) {
                let _ = write!(text, "\x1b[{};{}m", sgr(cell.fg, 38), sgr(cell.bg, 48));
                last = Some((cell.fg, cell.bg));
            }
            text.push_str(cell.symbol());
        }
        text.push_str("\x1b[0m\n");
    }
    for line in caption {
        let visible = line.replace("\x1b[1m", "").replace("\x1b[0m", "");
        let pad = usize::from(cols).saturating_sub(visible.chars().count()) / 2;
        let _ = writeln!(text, "{}{line}", " ".repeat(pad));
    }
    Ok(text)
}

/// The SGR parameters that select colour `c`; `base` is 38 (foreground) or 48
/// (background). The widget only uses Rgb and Indexed colours.
fn sgr(c: Color, base: u8) -> String {
    match c {
        Color::Rgb(r, g, b) => format!("{base};2;{r};{g};{b}"),
        Color::Indexed(i) => format!("{base};5;{i}"),
        _ => format!("{}", base + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_has_explicit_colours_on_every_code_line_then_label_host_and_url() {
        let code = UrlCode::encode("https://roc.kernhigh.org").unwrap();
        let text = terminal_text(&code, 80, 24, ColorDepth::Indexed256).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.len() <= 23, "{} lines", lines.len());
        let n = lines.len();
        assert_eq!(lines[n - 3].trim(), "Scan with your phone's camera");
        assert_eq!(lines[n - 2].trim(), "\x1b[1mroc.kernhigh.org\x1b[0m");
        assert_eq!(lines[n - 1].trim(), "https://roc.kernhigh.org");
        for line in &lines[..n - 3] {
            assert!(line.trim_start().starts_with("\x1b[38;5;"), "{line:?}");
            assert!(line.ends_with("\x1b[0m"));
        }
        let err = terminal_text(&code, 20, 10, ColorDepth::Indexed256).unwrap_err();
        assert!(err.contains("20x10") && err.contains("--svg"), "{err}");
        // The longest URL the catalog accepts: at 80x24 only the URL fits under the code.
        let long = format!("https://roc.kernhigh.org/{}", "a".repeat(53));
        let code = UrlCode::encode(&long).unwrap();
        let text = terminal_text(&code, 80, 24, ColorDepth::Indexed256).unwrap();
        assert_eq!(text.lines().last().unwrap().trim(), long);
        assert!(!text.contains("Scan with"));
    }
}
