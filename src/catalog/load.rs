//! Loading the catalog: the copy bundled into the binary, or a directory given with
//! `--catalog DIR`. Either way the whole catalog is parsed and validated before use.

use std::fmt;
use std::path::{Path, PathBuf};

use super::model::*;

/// The four catalog files, bundled at build time.
pub const BUNDLED: [(&str, &str); 4] = [
    ("center.json", include_str!("../../catalog/center.json")),
    ("sectors.json", include_str!("../../catalog/sectors.json")),
    ("programs.json", include_str!("../../catalog/programs.json")),
    ("quiz.json", include_str!("../../catalog/quiz.json")),
];

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Where a catalog comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogSource {
    Bundled,
    Dir(PathBuf),
}

/// One problem in the catalog, located as precisely as we can, with what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    /// File name (or path for a directory catalog).
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// What kind of entry the error is in ("program", "sector", "campus", "quiz item"...).
    pub what: Option<String>,
    /// The id of the program/sector/item the error is in, when there is one.
    pub id: Option<String>,
    /// The field, dotted ("riasec.R", "sessions[1]").
    pub field: Option<String>,
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ":")?;
        let mut named = false;
        if let Some(what) = &self.what {
            write!(f, " {what}")?;
            named = true;
        }
        if let Some(id) = &self.id {
            write!(f, " '{id}'")?;
            named = true;
        }
        if let Some(field) = &self.field {
            write!(f, " field '{field}':")?;
        } else if named {
            write!(f, ":")?;
        }
        write!(f, " {}", self.message)?;
        if !self.hint.is_empty() {
            write!(f, " — {}", self.hint)?;
        }
        Ok(())
    }
}

/// Every problem found in one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogErrors(pub Vec<CatalogError>);

impl fmt::Display for CatalogErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "The catalog has {} problem(s):", self.0.len())?;
        for e in &self.0 {
            writeln!(f, "  {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CatalogErrors {}

impl Catalog {
    /// The catalog bundled into the binary.
    pub fn bundled() -> Result<Catalog, CatalogErrors> {
        let files = BUNDLED.map(|(name, text)| (name.to_string(), Ok(text.to_string())));
        parse_and_validate(files)
    }

    /// A catalog directory holding the four files.
    pub fn from_dir(dir: &Path) -> Result<Catalog, CatalogErrors> {
        let files = BUNDLED.map(|(name, _)| {
            let path = dir.join(name);
            (path.display().to_string(), read_catalog_file(&path))
        });
        parse_and_validate(files)
    }

    /// A catalog from the texts of its four files, in the order of [`BUNDLED`] (center,
    /// sectors, programs, quiz), each with the file name to use in errors.
    pub fn from_texts(files: [(&str, &str); 4]) -> Result<Catalog, CatalogErrors> {
        parse_and_validate(files.map(|(name, text)| (name.to_string(), Ok(text.to_string()))))
    }

    pub fn load(source: &CatalogSource) -> Result<Catalog, CatalogErrors> {
        match source {
            CatalogSource::Bundled => Catalog::bundled(),
            CatalogSource::Dir(dir) => Catalog::from_dir(dir),
        }
    }
}

/// Reads one file, refusing oversized and non-UTF-8 files with a clear message.
// A large error type is fine here: at most four, once, at start-up.
#[allow(clippy::result_large_err)]
fn read_catalog_file(path: &Path) -> Result<String, CatalogError> {
    let file = path.display().to_string();
    let err = |message: String, hint: &str| CatalogError {
        file: file.clone(),
        line: None,
        column: None,
        what: None,
        id: None,
        field: None,
        message,
        hint: hint.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        err(
            format!("cannot read the file: {e}"),
            "the catalog directory needs center.json, sectors.json, programs.json and quiz.json",
        )
    })?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(err(
            format!("the file is {} bytes, over the 10 MB limit", meta.len()),
            "a catalog file should be a few hundred KB; check that this is the right file",
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| err(format!("cannot read the file: {e}"), ""))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let (line, column) =
            super::validate::line_col(&String::from_utf8_lossy(&e.as_bytes()[..offset]), offset);
        CatalogError {
            line: Some(line),
            column: Some(column),
            ..err(
                "the file is not valid UTF-8".into(),
                "save the file as UTF-8 (most editors have an encoding option)",
            )
        }
    })
}

/// Parses all four files and validates them together, collecting every error.
fn parse_and_validate(
    files: [(String, Result<String, CatalogError>); 4],
) -> Result<Catalog, CatalogErrors> {
    super::validate::parse_and_validate(files)
}
