//! A scrolling list of rows of one or more lines, some selectable (programs) and some not
//! (group headings). Shared by search results, browse and quiz results.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::Hotspots;
use crate::app::Target;

pub struct Row<'a> {
    pub lines: Vec<Line<'a>>,
    /// The row's index for `Target::Row`, or `None` for a heading.
    pub target: Option<usize>,
}

/// Draws `rows` into `area`, scrolled so the selected row is fully visible, and registers
/// each visible selectable row as a hotspot.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    rows: &[Row],
    selected: usize,
    selected_style: Style,
    hot: &mut Hotspots,
) {
    if area.is_empty() || rows.is_empty() {
        return;
    }
    let heights: Vec<u16> = rows.iter().map(|r| r.lines.len().max(1) as u16).collect();
    let selected_at = rows
        .iter()
        .position(|r| r.target == Some(selected))
        .unwrap_or(0);
    let first = first_visible(&heights, selected_at, area.height);

    let mut y = area.y;
    for (row, height) in rows.iter().zip(&heights).skip(first) {
        if y >= area.bottom() {
            break;
        }
        let rect = Rect {
            x: area.x,
            y,
            width: area.width,
            height: (*height).min(area.bottom() - y),
        };
        let paragraph = if row.target == Some(selected) {
            Paragraph::new(
                row.lines
                    .iter()
                    .map(|l| highlight(l, selected_style))
                    .collect::<Vec<_>>(),
            )
            .style(selected_style)
        } else {
            Paragraph::new(row.lines.clone())
        };
        frame.render_widget(paragraph, rect);
        if let Some(i) = row.target {
            hot.add(rect, Target::Row(i));
        }
        y = y.saturating_add(*height);
    }
}

/// `line` with `selected` laid over every span. A span's own style wins over the row's,
/// so styling only the row would leave the text itself unhighlighted; patching keeps a
/// span's modifiers (the underlined letters a search matched) under the highlight.
fn highlight<'a>(line: &Line<'a>, selected: Style) -> Line<'a> {
    let mut out = line.clone();
    out.style = out.style.patch(selected);
    for span in &mut out.spans {
        span.style = span.style.patch(selected);
    }
    out
}

/// The first row to draw so that row `selected` fits: keep the top when it already fits,
/// otherwise scroll just enough, and show a heading right above the selection when it fits.
fn first_visible(heights: &[u16], selected: usize, room: u16) -> usize {
    let mut first = 0;
    let end_of_selected =
        |first: usize| -> u32 { heights[first..=selected].iter().map(|&h| h as u32).sum() };
    while first < selected && end_of_selected(first) > room as u32 {
        first += 1;
    }
    first
}

#[cfg(test)]
mod tests {
    use super::first_visible;

    #[test]
    fn scrolls_only_as_far_as_needed() {
        let heights = [1, 2, 2, 2, 2, 2];
        assert_eq!(first_visible(&heights, 0, 4), 0);
        assert_eq!(first_visible(&heights, 1, 4), 0);
        assert_eq!(first_visible(&heights, 2, 4), 1);
        assert_eq!(first_visible(&heights, 5, 4), 4);
        // A room smaller than the row still shows the selected row first.
        assert_eq!(first_visible(&heights, 3, 1), 3);
    }
}
