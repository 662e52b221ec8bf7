//! [`BoothLog`]: appends records to today's file. Never fails and never panics: a full
//! disk or read-only folder must not stop the kiosk in front of a line of students, so
//! problems are remembered for the technician menu instead.
//!
//! The file is kept open between events. Should someone delete or move it during the day,
//! the open file no longer has the name, and later visits would go into a file nobody can
//! find (the menu would count 0 students). So before each write the log checks that the
//! name still leads to the open file (same device and inode), and if not, creates the file
//! again and says so ([`BoothLog::recreated`]).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::record::{Event, Record, format_ts};
use crate::config::sanitize_laptop_id;

/// The booth log writer. See the module docs.
#[derive(Debug)]
pub struct BoothLog {
    /// `None` when logging is off.
    dir: Option<PathBuf>,
    laptop: String,
    /// Today's open file and its date; reopened when the date changes.
    current: Option<(Date, File)>,
    problem: Option<String>,
    /// Today's file was deleted or moved, and this one was started in its place.
    recreated: Option<PathBuf>,
    /// The last write may have left part of a line: start the next one on a fresh line so
    /// the fragment stays a separate (skipped) line instead of spoiling a good record.
    needs_newline: bool,
    written: u64,
    lost: u64,
}

impl BoothLog {
    /// A log in `dir` for `laptop` (sanitised for the file name). Creates the folder and
    /// checks that it can write there; any problem is kept for [`BoothLog::problem`].
    pub fn open(dir: &Path, laptop: &str) -> Self {
        let mut log = BoothLog {
            dir: Some(dir.to_path_buf()),
            laptop: sanitize_laptop_id(laptop),
            current: None,
            problem: None,
            recreated: None,
            needs_newline: false,
            written: 0,
            lost: 0,
        };
        if let Err(e) = probe_writable(dir) {
            log.problem = Some(format!("cannot write to {}: {e}", dir.display()));
        }
        log
    }

    /// A log that records nothing (`booth_log: false`).
    pub fn disabled() -> Self {
        BoothLog {
            dir: None,
            laptop: String::new(),
            current: None,
            problem: None,
            recreated: None,
            needs_newline: false,
            written: 0,
            lost: 0,
        }
    }

    /// The folder, when logging is on.
    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The sanitised laptop id used in file names and records.
    pub fn laptop(&self) -> &str {
        &self.laptop
    }

    /// Appends one event as one line: a single `write_all` on a file opened for append,
    /// then flushed. Errors are kept, never raised; the next call tries again (a full
    /// disk may have been cleared). No fsync: events come a few a minute and a stalled
    /// disk must not freeze the screen; the OS writes the data out within seconds.
    pub fn append(&mut self, session: &str, event: &Event, now: &jiff::Zoned) {
        let Some(dir) = &self.dir else { return };
        let record = Record {
            ts: format_ts(now),
            laptop: self.laptop.clone(),
            session: session.to_string(),
            event: event.clone(),
        };
        let mut line = match serde_json::to_string(&record) {
            Ok(json) => json,
            Err(e) => {
                self.fail(format!("cannot encode the event: {e}"));
                return;
            }
        };
        line.push('\n');
        if self.needs_newline {
            line.insert(0, '\n');
        }
        let date = now.date();
        let path = dir.join(file_name(date, &self.laptop));
        match &self.current {
            Some((d, _)) if *d != date => {
                self.current = None;
                // A new day, a new file: yesterday's recreation is no longer news.
                self.recreated = None;
            }
            Some((_, file)) if !names_file(&path, file) => {
                tracing::warn!(
                    "the booth log {} was deleted or moved; starting it again",
                    path.display()
                );
                self.current = None;
                self.recreated = Some(path.clone());
            }
            _ => {}
        }
        if self.current.is_none() {
            match open_for_append(&path) {
                Ok((file, ends_mid_line)) => {
                    if ends_mid_line && !self.needs_newline {
                        line.insert(0, '\n');
                    }
                    self.current = Some((date, file));
                }
                Err(e) => {
                    self.fail(format!("cannot open {}: {e}", path.display()));
                    return;
                }
            }
        }
        let Some((_, file)) = self.current.as_mut() else {
            return;
        };
        match file.write_all(line.as_bytes()).and_then(|()| file.flush()) {
            Ok(()) => {
                self.problem = None;
                self.needs_newline = false;
                self.written += 1;
            }
            Err(e) => {
                // Part of the line may be on disk; reopen next time in case the
                // folder was remounted or the file removed.
                self.needs_newline = true;
                self.current = None;
                self.fail(format!("cannot write the event: {e}"));
            }
        }
    }

    fn fail(&mut self, reason: String) {
        self.lost += 1;
        self.problem = Some(reason);
    }

    /// Why the log is not being saved right now, e.g. "cannot write to /x: Permission
    /// denied". The screen shows it as "Booth log is not being saved: <reason>". `None`
    /// once a write succeeds again (see [`BoothLog::lost_events`] for what was lost).
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// Today's file, when it had been deleted or moved during the day and was started
    /// again: the figures in the menu count only what is in the new file.
    pub fn recreated(&self) -> Option<&Path> {
        self.recreated.as_deref()
    }

    /// Events written since the log was opened.
    pub fn written_events(&self) -> u64 {
        self.written
    }

    /// Events that could not be written since the log was opened.
    pub fn lost_events(&self) -> u64 {
        self.lost
    }

    /// The file for `date` (an empty path when logging is off).
    pub fn path_for(&self, date: Date) -> PathBuf {
        match &self.dir {
            Some(dir) => dir.join(file_name(date, &self.laptop)),
            None => PathBuf::new(),
        }
    }
}

/// `booth-YYYY-MM-DD-<laptop>.jsonl`
pub fn file_name(date: Date, laptop: &str) -> String {
    format!("booth-{date}-{laptop}.jsonl")
}

/// Creates the folder and a throwaway file in it, so a read-only folder is reported at
/// start-up rather than at the first student.
fn probe_writable(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let probe = dir.join(format!(
        ".roc-kiosk-write-test-{}-{:08x}",
        std::process::id(),
        rand::random::<u32>()
    ));
    File::create_new(&probe)?;
    std::fs::remove_file(&probe)
}

/// Whether `path` still leads to the open `file` (not deleted, moved, or replaced).
fn names_file(path: &Path, file: &File) -> bool {
    let (Ok(named), Ok(open)) = (std::fs::metadata(path), file.metadata()) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        named.dev() == open.dev() && named.ino() == open.ino()
    }
    #[cfg(not(unix))]
    {
        // No inode to compare: at least the name must still be a file.
        let _ = open;
        named.is_file()
    }
}

/// Opens `path` for appending; also says whether the file ends without a newline (a line
/// torn by a crash or power cut). Anything but a regular file there (a FIFO, a device) is
/// refused at once, so the kiosk never waits on it.
fn open_for_append(path: &Path) -> Result<(File, bool), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    let mut file = crate::jsonloc::read::open_regular_for_append(path).map_err(|e| e.message())?;
    let ends_mid_line = ends_mid_line(&mut file);
    Ok((file, ends_mid_line))
}

fn ends_mid_line(file: &mut File) -> bool {
    let mut last_byte = || -> std::io::Result<Option<u8>> {
        if file.metadata()?.len() == 0 {
            return Ok(None);
        }
        // Reading moves the file position, but appends always go to the end.
        file.seek(SeekFrom::End(-1))?;
        let mut b = [0u8; 1];
        file.read_exact(&mut b)?;
        Ok(Some(b[0]))
    };
    matches!(last_byte(), Ok(Some(b)) if b != b'\n')
}
