//! Loading the catalog: the copy bundled into the binary, or a directory given with
//! `--catalog DIR`. Either way the whole catalog is parsed and validated before use.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::jsonloc::read::{ReadError, read_text};

use super::model::*;

/// The four catalog files, bundled at build time.
pub const BUNDLED: [(&str, &str); 4] = [
    ("center.json", include_str!("../../catalog/center.json")),
    ("sectors.json", include_str!("../../catalog/sectors.json")),
    ("programs.json", include_str!("../../catalog/programs.json")),
    ("quiz.json", include_str!("../../catalog/quiz.json")),
];

/// Files larger than this are refused before parsing. A statewide catalog (every ROCP,
/// 10,000 programs with full descriptions) is about 31 MB; a binary or a huge log past
/// this is refused by its size alone.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Where a catalog comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogSource {
    Bundled,
    Dir(PathBuf),
}

/// One problem in the catalog, located as precisely as we can, with what to do about it.
pub use crate::jsonloc::LocatedError as CatalogError;

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

/// Reads one file through the shared reader (a regular file, at most
/// [`MAX_FILE_BYTES`], UTF-8), turning its refusal into a catalog error.
// A large error type is fine here: at most four, once, at start-up.
#[allow(clippy::result_large_err)]
fn read_catalog_file(path: &Path) -> Result<String, CatalogError> {
    read_text(path, MAX_FILE_BYTES).map_err(|e| {
        let hint = match &e {
            ReadError::Io(_) => {
                "the catalog directory needs center.json, sectors.json, programs.json and quiz.json"
            }
            ReadError::NotRegular { .. } | ReadError::TooManyLinks => {
                "put the catalog file itself here (a copy of the bundled catalog/ file to edit)"
            }
            ReadError::TooBig { .. } => {
                "a catalog file is a few hundred KB, and even a statewide one a few tens of MB; check that this is the right file"
            }
            ReadError::NotUtf8 { .. } => {
                "save the file as UTF-8 (most editors have an encoding option)"
            }
        };
        e.located(path, hint)
    })
}

/// Parses all four files and validates them together, collecting every error.
fn parse_and_validate(
    files: [(String, Result<String, CatalogError>); 4],
) -> Result<Catalog, CatalogErrors> {
    super::validate::parse_and_validate(files)
}
