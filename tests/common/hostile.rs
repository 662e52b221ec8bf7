//! For tests of input that could block a reader: a time limit that fails the test
//! instead of hanging the suite, and FIFOs made at test time.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// Runs `work` on its own thread and fails if it has not finished after a generous
/// wait (no timing is asserted: only that it does not block).
pub fn within_a_minute<T: Send + 'static>(
    what: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(work());
    });
    rx.recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("{what} was still blocked after 60 s"))
}

/// Makes a FIFO (named pipe) at `path`: opening it to read waits for a writer.
#[cfg(unix)]
pub fn make_fifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c_path = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file system entry.
    let status = unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) };
    assert_eq!(status, 0, "mkfifo {}", path.display());
}
