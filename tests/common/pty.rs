//! The real binary in a pseudo-terminal: keys in, screen text out (portable-pty + vt100).

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long to wait for a screen; raise with `ROC_E2E_TIMEOUT_SECS` on a slow machine.
fn timeout() -> Duration {
    let secs = std::env::var("ROC_E2E_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    Duration::from_secs(secs)
}

pub struct PtyKiosk {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    _master: Box<dyn MasterPty + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the kiosk wrote, for checks on escape sequences.
    pub raw: Arc<Mutex<Vec<u8>>>,
}

impl PtyKiosk {
    /// Starts `roc-kiosk ARGS` at `cols`x`rows`, with its config and data under `home`.
    pub fn start(args: &[&str], cols: u16, rows: u16, home: &Path) -> PtyKiosk {
        Self::start_with_env(args, &[], cols, rows, home)
    }

    /// As [`PtyKiosk::start`], with extra environment variables.
    pub fn start_with_env(
        args: &[&str],
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
        home: &Path,
    ) -> PtyKiosk {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_roc-kiosk"));
        cmd.args(args);
        cmd.cwd(home);
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("ROC_KIOSK_PIN");
        cmd.env_remove("ROC_KIOSK_CONFIG");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn roc-kiosk");
        // The reader only sees EOF once no slave handle is left in this process.
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let size = |n: u16| NonZeroU16::new(n.max(1)).expect("non-zero");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        // Drain output all the time, or the kiosk blocks on a full pty buffer.
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        PtyKiosk {
            child,
            writer,
            _master: pair.master,
            parser,
            raw,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Waits until the screen shows `text`; panics with the screen if it never does.
    pub fn wait_for(&self, text: &str) {
        let end = Instant::now() + timeout();
        while Instant::now() < end {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "timed out waiting for {text:?}; the screen is:\n{}",
            self.screen()
        );
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Waits until the screen shows one of `texts`; returns which.
    pub fn wait_for_any(&self, texts: &[&str]) -> usize {
        let end = Instant::now() + timeout();
        while Instant::now() < end {
            let screen = self.screen();
            if let Some(i) = texts.iter().position(|t| screen.contains(t)) {
                return i;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "timed out waiting for any of {texts:?}; the screen is:\n{}",
            self.screen()
        );
    }

    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().expect("child status").is_none()
    }

    /// Waits for the kiosk to exit and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        let end = Instant::now() + timeout();
        while Instant::now() < end {
            if let Some(status) = self.child.try_wait().expect("child status") {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the kiosk did not exit; the screen is:\n{}", self.screen());
    }
}

impl Drop for PtyKiosk {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
