//! Word wrapping with a hanging indent, and cutting a line to a width with an ellipsis.
//! ratatui's own wrapping cannot indent the lines after the first, which makes bullet
//! lists and paragraphs under headings hard to read on a narrow screen; `textwrap` can.

use textwrap::{Options, WordSplitter, WrapAlgorithm};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Wraps `text` to `width` columns. Every line starts with `indent`; runs of whitespace
/// count as one space; words longer than a line are broken (never at hyphens, which
/// `textwrap` would do by default). Always returns at least one line.
pub fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // At least one column for text, however narrow the screen.
    let width = indent.width() + width.saturating_sub(indent.width()).max(1);
    let options = Options::new(width)
        .initial_indent(indent)
        .subsequent_indent(indent)
        .break_words(true)
        .word_splitter(WordSplitter::NoHyphenation)
        .wrap_algorithm(WrapAlgorithm::FirstFit);
    let lines: Vec<String> = textwrap::wrap(&words, options)
        .into_iter()
        .map(|line| line.into_owned())
        .collect();
    if lines.is_empty() || words.is_empty() {
        return vec![indent.to_string()];
    }
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
        // Whitespace runs and newlines are one space; hyphens are not break points.
        assert_eq!(
            wrap("full-time  day\nprogram", 12, ""),
            vec!["full-time", "day program"]
        );
        assert_eq!(
            wrap("año escuela", 6, "· "),
            vec!["· año", "· escu", "· ela"]
        );
    }

    #[test]
    fn fits_by_display_width() {
        assert_eq!(fit("Enfermería", 20), "Enfermería");
        assert_eq!(fit("Enfermería y más", 8), "Enferme…");
        assert_eq!(fit("中文中文", 5), "中文…");
        assert_eq!(fit("abc", 0), "");
    }
}
