//! Bar charts as inline SVG, written with maud like the rest of the page.
//!
//! Drawn by hand rather than with a plotting crate: a report needs two shapes (columns
//! and horizontal stacked rows), and a hundred lines give exact control over what matters
//! here: crisp text that scales with the page and prints, every count written on its bar
//! (so nobody reads values off an axis), a tooltip per bar, and the same auto-escaping as
//! the page for labels that come from the logs. Every element is closed (`<rect></rect>`),
//! so each chart is also well-formed XML.

use maud::{Markup, html};

/// Chart width in SVG units; the page scales it to the column width.
const WIDTH: f64 = 720.0;
/// Font size of labels and counts, in SVG units.
const FONT: f64 = 13.0;
/// A rough average glyph width at [`FONT`], for spacing labels that must not overlap.
const GLYPH: f64 = 7.4;
const INK: &str = "#1b1f24";
const MUTED: &str = "#57606a";
const AXIS: &str = "#8c959f";

/// One vertical bar.
pub struct Column {
    pub label: String,
    pub value: u64,
    /// The bar's tooltip, e.g. "10:00: 23 visits".
    pub tip: String,
}

/// Vertical bars, each with its count on top and its label below. Labels that would
/// overlap are thinned (every second, third … label shows); every bar keeps its tooltip.
pub fn columns(title: &str, cols: &[Column], color: &str) -> Markup {
    const HEIGHT: f64 = 210.0;
    const TOP: f64 = 22.0;
    const BOTTOM: f64 = 26.0;
    let plot = HEIGHT - TOP - BOTTOM;
    let n = cols.len().max(1) as f64;
    let slot = ((WIDTH - 16.0) / n).min(72.0);
    let left = (WIDTH - slot * n) / 2.0;
    let bar = slot * 0.72;
    let max = cols.iter().map(|c| c.value).max().unwrap_or(0).max(1) as f64;
    let widest = cols
        .iter()
        .map(|c| c.label.chars().count())
        .max()
        .unwrap_or(0);
    let label_every = ((widest as f64 * GLYPH + 8.0) / slot).ceil().max(1.0) as usize;
    let counts_fit = slot >= 7.0 + digits(max as u64) as f64 * GLYPH * 0.9;
    let base = TOP + plot;
    let body = html! {
        @for (i, col) in cols.iter().enumerate() {
            @let cx = left + slot * (i as f64 + 0.5);
            @let h = if col.value == 0 { 0.0 } else { (col.value as f64 / max * plot).max(1.5) };
            g {
                title { (col.tip) }
                @if col.value > 0 {
                    rect x=(r1(cx - bar / 2.0)) y=(r1(base - h)) width=(r1(bar)) height=(r1(h))
                        rx="2" fill=(color) {}
                    @if counts_fit {
                        text x=(r1(cx)) y=(r1(base - h - 5.0)) text-anchor="middle" fill=(INK) {
                            (col.value)
                        }
                    }
                }
                @if i % label_every == 0 {
                    text x=(r1(cx)) y=(r1(base + 18.0)) text-anchor="middle" fill=(MUTED) {
                        (col.label)
                    }
                }
            }
        }
        line x1=(r1(left)) x2=(r1(left + slot * n)) y1=(base) y2=(base) stroke=(AXIS)
            stroke-width="1" {}
    };
    svg(title, HEIGHT, body)
}

/// One horizontal bar, made of parts drawn left to right in the chart's colours.
pub struct Row {
    pub label: String,
    pub parts: Vec<u64>,
    pub tip: String,
}

/// Horizontal bars, longest first as given, label on the left and the total at the end.
/// `colors[i]` paints part `i` of every row.
pub fn rows(title: &str, rows: &[Row], colors: &[&str]) -> Markup {
    const ROW: f64 = 28.0;
    const BAR: f64 = 18.0;
    const LABEL_END: f64 = 262.0;
    const BAR_START: f64 = 272.0;
    const LABEL_CHARS: usize = 34;
    let height = ROW * rows.len() as f64 + 6.0;
    let total = |row: &Row| row.parts.iter().sum::<u64>();
    let max = rows.iter().map(total).max().unwrap_or(0).max(1) as f64;
    let room = WIDTH - BAR_START - 8.0 - (digits(max as u64) as f64 * GLYPH + 6.0);
    let body = html! {
        @for (i, row) in rows.iter().enumerate() {
            @let top = 3.0 + ROW * i as f64;
            @let mid = top + ROW / 2.0;
            g {
                title { (row.tip) }
                text x=(LABEL_END) y=(r1(mid + FONT * 0.35)) text-anchor="end" fill=(INK) {
                    (ellipsis(&row.label, LABEL_CHARS))
                }
                @for (x, w, color) in segments(row, max, room, colors) {
                    rect x=(r1(BAR_START + x)) y=(r1(mid - BAR / 2.0)) width=(r1(w))
                        height=(BAR) fill=(color) {}
                }
                text x=(r1(BAR_START + total(row) as f64 / max * room + 6.0))
                    y=(r1(mid + FONT * 0.35)) fill=(INK) {
                    (total(row))
                }
            }
        }
    };
    svg(title, height, body)
}

/// The chart's frame: its size, its title for screen readers and tooltips, its font.
fn svg(title: &str, height: f64, body: Markup) -> Markup {
    html! {
        svg.chart xmlns="http://www.w3.org/2000/svg" role="img" aria-label=(title)
            viewBox=(format!("0 0 {WIDTH} {height}")) font-family="system-ui, sans-serif"
            font-size=(FONT) {
            title { (title) }
            (body)
        }
    }
}

/// (x, width, colour) of each non-empty part of `row`, scaled so `max` fills `room`.
fn segments<'a>(row: &Row, max: f64, room: f64, colors: &[&'a str]) -> Vec<(f64, f64, &'a str)> {
    let mut x = 0.0;
    let mut out = Vec::new();
    for (i, &part) in row.parts.iter().enumerate() {
        if part == 0 {
            continue;
        }
        let w = part as f64 / max * room;
        out.push((x, w, colors.get(i).copied().unwrap_or(AXIS)));
        x += w;
    }
    out
}

/// One decimal is plenty at this size and keeps the markup short.
fn r1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn digits(n: u64) -> usize {
    n.to_string().len()
}

/// `text` cut to `max` characters with "…", so a long name cannot run into the bars
/// (the full name stays in the tooltip).
pub fn ellipsis(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ellipsis_cuts_long_text_only() {
        assert_eq!(ellipsis("Welding", 34), "Welding");
        assert_eq!(ellipsis("abcdef", 4), "abc…");
    }

    #[test]
    fn segments_skip_empty_parts_and_fill_the_room_at_max() {
        let row = Row {
            label: String::new(),
            parts: vec![3, 0, 1],
            tip: String::new(),
        };
        let parts = segments(&row, 4.0, 100.0, &["a", "b", "c"]);
        assert_eq!(parts, [(0.0, 75.0, "a"), (75.0, 25.0, "c")]);
    }

    #[test]
    fn zero_bars_draw_no_rectangle() {
        let cols = [
            Column {
                label: "08".into(),
                value: 0,
                tip: "none".into(),
            },
            Column {
                label: "09".into(),
                value: 4,
                tip: "four".into(),
            },
        ];
        let svg = columns("t", &cols, "#000").into_string();
        assert_eq!(svg.matches("<rect").count(), 1, "{svg}");
        assert!(svg.contains(">4</text>"), "{svg}");
    }
}
