//! Byte offsets to what a person reads (line and column) and back from serde_json's
//! positions.

/// Where each line of a text starts, for line/column look-ups in both directions.
#[derive(Debug, Clone, Default)]
pub struct Lines {
    starts: Vec<usize>,
    len: usize,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines {
            starts,
            len: text.len(),
        }
    }

    /// 1-based line and column (in characters, as an editor counts) of byte `offset` of
    /// `text`, which must be the text these lines were built from. An offset inside a
    /// character or past the end is taken back to the nearest character start.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line = self.starts.partition_point(|&start| start <= offset).max(1);
        let line_start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = text
            .get(line_start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        (line, column)
    }

    /// Byte offset of a serde_json position: a 1-based line, and a column that counts the
    /// bytes consumed on that line, so the byte serde complains about is the one before.
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.len);
        (start + column.saturating_sub(1)).min(self.len)
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`, for a single
/// look-up (build a [`Lines`] for many).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    Lines::new(text).line_col(text, offset)
}

/// The largest character boundary at or before `offset` (`str::floor_char_boundary` is
/// newer than this crate's minimum Rust).
fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_lines_start_at_one() {
        let text = "ab\nñé x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // "x" is byte 8 (ñ and é are two bytes each) and character 4 of line 2.
        assert_eq!(line_col(text, 8), (2, 4));
        // Inside "é": the character's own column.
        assert_eq!(line_col(text, 6), (2, 2));
        assert_eq!(line_col(text, 999), (3, 1));
        assert_eq!(line_col("", 5), (1, 1));
    }

    #[test]
    fn serde_positions_map_to_the_byte_before() {
        let text = "ab\ncdef\ng";
        let lines = Lines::new(text);
        assert_eq!(lines.offset_of(1, 1), 0);
        assert_eq!(lines.offset_of(2, 3), 5);
        assert_eq!(lines.offset_of(3, 1), 8);
        assert_eq!(lines.offset_of(9, 9), text.len());
        assert_eq!(lines.offset_of(0, 0), 0);
    }
}
