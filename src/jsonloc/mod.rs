//! JSON files people edit by hand, read safely and reported precisely. The catalog's
//! validation and the config both stand on this module:
//!
//! - [`read`]: opening a named file that must be a regular file, reading at most a size
//!   limit, as UTF-8 without a byte-order mark.
//! - [`spans`]: the span index, which says where (byte offsets) each value of a JSON text
//!   is, by path (`programs[3].riasec.R`).
//! - [`Lines`]: byte offsets to line and column, and serde_json's positions to offsets.
//! - [`LocatedError`]: one problem with its file, line, column, entry, field and what to do.

mod error;
mod lines;
pub mod read;
pub mod spans;

pub use error::{LocatedError, without_position};
pub use lines::{Lines, line_col};
pub use spans::{Dotted, Seg, Span, SpanIndex};

/// `text` without a leading byte-order mark (U+FEFF), which some editors write and JSON
/// does not allow.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}
