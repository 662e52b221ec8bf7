//! Word wrapping with a hanging indent, and cutting a line to a width with an ellipsis.
//! ratatui's own wrapping cannot indent the lines after the first, which makes bullet
//! lists and paragraphs under headings hard to read on a narrow screen.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wraps `text` to `width` columns. Every line starts with `indent`; words longer than a
/// line are broken. Always returns at least one line.
pub fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    let room = width.saturating_sub(indent.width()).max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = word.width();
        if used > 0 && used + 1 + w > room {
            lines.push(format!("{indent}{line}"));
            line.clear();
            used = 0;
        }
        if w > room {
            // A word wider than the line: break it by characters.
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > room && used > 0 {
                    lines.push(format!("{indent}{line}"));
                    line.clear();
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
            continue;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        line.push_str(word);
        used += w;
    }
    lines.push(format!("{indent}{line}"));
    lines
}

/// A heading line followed by `body` wrapped under it with `indent`: a list entry with a
/// sentence or two below its title.
pub fn titled<'a>(
    title: ratatui::text::Line<'a>,
    body: &str,
    width: usize,
    indent: &str,
) -> Vec<ratatui::text::Line<'a>> {
    std::iter::once(title)
        .chain(
            wrap(body, width, indent)
                .into_iter()
                .map(ratatui::text::Line::raw),
        )
        .collect()
}

/// `text` cut to `width` columns, ending in "…" when anything was cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw + 1 > width {
            break;
        }
        out.push(c);
        used += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_with_a_hanging_indent() {
        assert_eq!(
            wrap("one two three four", 12, "  "),
            vec!["  one two", "  three four"]
        );
        assert_eq!(wrap("", 10, "  "), vec!["  "]);
        assert_eq!(wrap("abcdefghij", 6, " "), vec![" abcde", " fghij"]);
        assert_eq!(wrap("x", 0, "  "), vec!["  x"]);
    }

    #[test]
    fn fits_by_display_width() {
        assert_eq!(fit("Enfermería", 20), "Enfermería");
        assert_eq!(fit("Enfermería y más", 8), "Enferme…");
        assert_eq!(fit("中文中文", 5), "中文…");
        assert_eq!(fit("abc", 0), "");
    }
}
