//! Turning a problem found at a path into a located [`CatalogError`].

use crate::catalog::load::CatalogError;
use crate::jsonloc::{Dotted, Lines, Seg, SpanIndex};

/// One parsed catalog file: its name, text, where each value is and where lines start.
pub struct Doc {
    pub file: String,
    pub text: String,
    pub spans: SpanIndex,
    pub lines: Lines,
}

impl Doc {
    pub fn new(file: String, text: String) -> Doc {
        let spans = SpanIndex::build(&text);
        let lines = Lines::new(&text);
        Doc {
            file,
            text,
            spans,
            lines,
        }
    }

    /// A document with no text and no positions, for the fast path (`fast.rs`), which
    /// only counts problems and leaves locating them to the located path.
    pub fn unindexed() -> Doc {
        Doc {
            file: String::new(),
            text: String::new(),
            spans: SpanIndex::default(),
            lines: Lines::default(),
        }
    }

    /// Line and column of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }

    /// Line and column of `path`, or of its nearest ancestor in the file.
    pub fn locate(&self, path: &[Seg]) -> Option<(usize, usize)> {
        let span = self.spans.nearest(path)?;
        Some(self.line_col(span.anchor()))
    }

    /// A whole-file error with no path (a syntax error, a wrong top-level shape).
    pub fn error_at_offset(&self, offset: usize, message: String, hint: &str) -> CatalogError {
        CatalogError::whole_file(self.file.clone(), message, hint).at(self.line_col(offset))
    }
}

/// The entry an error is about: "program 'vet-tech'" at `programs[3]`.
#[derive(Debug, Clone)]
pub struct Entry {
    /// "program", "sector", "campus"...; `None` for file-level fields (center.json).
    pub what: Option<String>,
    pub id: Option<String>,
    pub path: Vec<Seg>,
}

impl Entry {
    /// A file-level entry: fields are reported from the top of the file.
    pub fn file() -> Entry {
        Entry {
            what: None,
            id: None,
            path: Vec::new(),
        }
    }

    /// An element of a list, named by its id, or by its position when it has none.
    pub fn element(what: &str, id: Option<&str>, path: Vec<Seg>) -> Entry {
        let position = match path.last() {
            Some(Seg::Index(i)) => format!("{what} #{}", i + 1),
            _ => what.to_string(),
        };
        Entry {
            what: Some(if id.is_some() {
                what.to_string()
            } else {
                position
            }),
            id: id.map(str::to_string),
            path,
        }
    }
}

/// Collects the errors of one file.
pub struct Reporter<'a> {
    pub doc: &'a Doc,
    pub errors: &'a mut Vec<CatalogError>,
}

impl Reporter<'_> {
    /// Reports a problem in `field` (relative to the entry) of `entry`.
    pub fn field(&mut self, entry: &Entry, field: &[Seg], message: String, hint: &str) {
        let mut path = entry.path.clone();
        path.extend_from_slice(field);
        let location = self.doc.locate(&path);
        self.errors.push(CatalogError {
            file: self.doc.file.clone(),
            line: location.map(|l| l.0),
            column: location.map(|l| l.1),
            what: entry.what.clone(),
            id: entry.id.clone(),
            field: (!field.is_empty()).then(|| Dotted(field).to_string()),
            message,
            hint: hint.to_string(),
        });
    }
}

/// A relative path from keys and indices, as an array: `rel!["riasec", "R"]`.
macro_rules! rel {
    ($($seg:expr),* $(,)?) => {
        [$($crate::jsonloc::Seg::from($seg)),*]
    };
}
pub(crate) use rel;
