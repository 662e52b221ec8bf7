//! Opening a file someone named (a catalog file, the config, a booth log, a quiz answer
//! sheet) without trusting what it is.
//!
//! A path can lead to a FIFO (opening it waits for a writer forever), a device
//! (`/dev/zero` never ends and claims size 0), a folder or a loop of links. So:
//! - at most [`MAX_SYMLINKS`] links are followed;
//! - the file is opened without blocking, and what was opened (not what the path said a
//!   moment before) must be a regular file;
//! - [`read_text`] reads at most the limit plus one byte, so a size that lies cannot
//!   make it read for ever or fill the memory.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::LocatedError;

/// Symbolic links followed before giving up (the kernel allows 40; a person's setup
/// needs one or two).
pub const MAX_SYMLINKS: usize = 8;

/// A UTF-8 byte-order mark: some Windows editors start files with it. It is not part of
/// the JSON, so readers drop it.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// Opening or reading failed: missing, no permission…
    Io(std::io::Error),
    /// The path leads to something other than a regular file.
    NotRegular {
        /// "a folder", "a FIFO (named pipe)", "a character device"…
        kind: &'static str,
        /// Where the links led, when the path was a symbolic link.
        target: Option<PathBuf>,
    },
    /// More than [`MAX_SYMLINKS`] links in a row.
    TooManyLinks,
    /// Longer than the limit.
    TooBig {
        limit: u64,
        /// The size the file system reports, when that alone was over the limit.
        size: Option<u64>,
    },
    /// Not UTF-8 from this line and column (1-based, in characters) on.
    NotUtf8 { line: usize, column: usize },
}

impl ReadError {
    /// True when nothing exists at the path (a default config may be missing).
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }

    /// The problem in words, without the path (the caller names the file).
    pub fn message(&self) -> String {
        match self {
            ReadError::Io(e) => format!("cannot read the file: {e}"),
            ReadError::NotRegular { kind, target: None } => {
                format!("not a regular file: this is {kind}")
            }
            ReadError::NotRegular {
                kind,
                target: Some(target),
            } => format!(
                "not a regular file: it links to {}, which is {kind}",
                target.display()
            ),
            ReadError::TooManyLinks => format!(
                "not a regular file: more than {MAX_SYMLINKS} symbolic links in a row (a loop?)"
            ),
            ReadError::TooBig { limit, size } => {
                let limit_mb = limit / (1024 * 1024);
                match size {
                    Some(size) => {
                        format!("the file is {size} bytes, over the {limit_mb} MB limit")
                    }
                    None => format!("the file is over the {limit_mb} MB limit"),
                }
            }
            ReadError::NotUtf8 { .. } => "the file is not valid UTF-8".into(),
        }
    }

    /// This problem as an error about the file at `path`, located when it can be, with
    /// the caller's `hint` (what to do depends on what the file is for).
    pub fn located(&self, path: &Path, hint: &str) -> LocatedError {
        let error = LocatedError::whole_file(path.display().to_string(), self.message(), hint);
        match self {
            ReadError::NotUtf8 { line, column } => error.at((*line, *column)),
            _ => error,
        }
    }
}

impl From<std::io::Error> for ReadError {
    fn from(e: std::io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// Opens `path` for reading if, after at most [`MAX_SYMLINKS`] links, it is a regular
/// file. Never blocks on a FIFO or a device.
pub fn open_regular(path: &Path) -> Result<File, ReadError> {
    let resolved = follow_links(path)?;
    let file = open_nonblocking(&resolved)?;
    // What was opened decides, not what the path named a moment before.
    let file_type = file.metadata()?.file_type();
    if !file_type.is_file() {
        return Err(ReadError::NotRegular {
            kind: kind_of(file_type),
            target: (resolved != path).then_some(resolved),
        });
    }
    Ok(file)
}

/// Opens (creating it if need be) `path` for appending, and for reading its last byte, if
/// what is opened is a regular file. Never blocks: a FIFO or a device put where a log
/// file should be is refused at once instead of freezing the writer.
pub fn open_regular_for_append(path: &Path) -> Result<File, ReadError> {
    // Named first, so a FIFO with no reader is called a FIFO, not "no such device".
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return Err(ReadError::NotRegular {
            kind: kind_of(meta.file_type()),
            target: None,
        });
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true).append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // As in `open_nonblocking`: a FIFO with no reader fails at once (ENXIO) instead
        // of waiting, and a terminal never becomes this process's terminal.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let file_type = file.metadata()?.file_type();
    if !file_type.is_file() {
        return Err(ReadError::NotRegular {
            kind: kind_of(file_type),
            target: None,
        });
    }
    Ok(file)
}

/// Reads a whole text file of at most `limit` bytes (see [`open_regular`]), without a
/// leading byte-order mark.
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let file = open_regular(path)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Err(ReadError::TooBig {
            limit,
            size: Some(size),
        });
    }
    // The size the file system gives, plus the one byte below: one allocation, and the
    // text is not copied again (a statewide catalog is tens of MB).
    let mut bytes = Vec::with_capacity(size.min(limit) as usize + 1);
    // One byte past the limit tells a file that grew (or lied about its size) from one
    // that fits.
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooBig { limit, size: None });
    }
    if bytes.starts_with(UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
    }
    String::from_utf8(bytes).map_err(|e| {
        let body = e.as_bytes();
        let valid_up_to = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&body[..valid_up_to]).unwrap_or_default();
        let (line, column) = super::line_col(valid, valid.len());
        ReadError::NotUtf8 { line, column }
    })
}

/// The path the links from `path` lead to, following at most [`MAX_SYMLINKS`]; the
/// last one need not exist (a file about to be written).
pub fn follow_links(path: &Path) -> Result<PathBuf, ReadError> {
    let mut current = path.to_path_buf();
    for _ in 0..=MAX_SYMLINKS {
        let is_link = match std::fs::symlink_metadata(&current) {
            Ok(meta) => meta.file_type().is_symlink(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(e) => return Err(e.into()),
        };
        if !is_link {
            return Ok(current);
        }
        let target = std::fs::read_link(&current)?;
        // A relative target is relative to the link's folder; `join` keeps an absolute one.
        current = match current.parent() {
            Some(dir) => dir.join(target),
            None => target,
        };
    }
    Err(ReadError::TooManyLinks)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting.
    // O_NOCTTY: opening a terminal device never makes it this process's terminal.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// What a file type is, in words.
fn kind_of(file_type: std::fs::FileType) -> &'static str {
    if file_type.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_small_file_without_its_byte_order_mark() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, b"\xEF\xBB\xBF{\"a\": 1}").unwrap();
        assert_eq!(read_text(&path, 100).unwrap(), "{\"a\": 1}");
    }

    #[test]
    fn refuses_what_is_over_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        std::fs::write(&path, vec![b' '; 2 * 1024 * 1024 + 1]).unwrap();
        let err = read_text(&path, 2 * 1024 * 1024).unwrap_err();
        assert_eq!(
            err.message(),
            "the file is 2097153 bytes, over the 2 MB limit"
        );
        assert!(read_text(&path, 3 * 1024 * 1024).is_ok());
    }

    #[test]
    fn locates_the_first_byte_that_is_not_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.json");
        std::fs::write(&path, b"{\n  \"caf\xe9\"}").unwrap();
        let err = read_text(&path, 100).unwrap_err();
        assert_eq!(
            err.located(&path, "save it as UTF-8").to_string(),
            format!(
                "{}:2:7: the file is not valid UTF-8 — save it as UTF-8",
                path.display()
            )
        );
    }

    #[test]
    fn refuses_a_folder_and_names_a_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_text(dir.path(), 100).unwrap_err();
        assert_eq!(err.message(), "not a regular file: this is a folder");
        let missing = read_text(&dir.path().join("nope"), 100).unwrap_err();
        assert!(missing.is_not_found(), "{missing:?}");
    }

    #[cfg(unix)]
    #[test]
    fn follows_a_few_links_but_not_a_loop() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        std::fs::write(&real, "{}").unwrap();
        std::os::unix::fs::symlink("real.json", dir.path().join("one")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("one"), dir.path().join("two")).unwrap();
        assert_eq!(read_text(&dir.path().join("two"), 10).unwrap(), "{}");
        std::os::unix::fs::symlink("loop-b", dir.path().join("loop-a")).unwrap();
        std::os::unix::fs::symlink("loop-a", dir.path().join("loop-b")).unwrap();
        let err = read_text(&dir.path().join("loop-a"), 10).unwrap_err();
        assert!(matches!(err, ReadError::TooManyLinks), "{err:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_device_names_where_it_leads() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("center.json");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        let err = read_text(&link, 10).unwrap_err();
        assert_eq!(
            err.message(),
            "not a regular file: it links to /dev/null, which is a character device"
        );
    }
}
