//! The real binary in a pseudo-terminal: keys in, screen text out (portable-pty + vt100).
//! Also what the terminal-loss tests need: closing the terminal under the kiosk, a terminal
//! that stops reading (frozen), its termios (raw or cooked), and the kiosk's CPU time.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::os::fd::{BorrowedFd, RawFd};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use rustix::event::{PollFd, PollFlags, Timespec, poll};

/// How long to wait for a screen; raise with `ROC_E2E_TIMEOUT_SECS` on a slow machine.
pub fn timeout() -> Duration {
    let secs = std::env::var("ROC_E2E_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    Duration::from_secs(secs)
}

pub struct PtyKiosk {
    child: Box<dyn Child + Send + Sync>,
    /// `None` once the terminal is closed ([`PtyKiosk::close_terminal`]).
    writer: Option<Box<dyn Write + Send>>,
    master: Option<Box<dyn MasterPty + Send>>,
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the kiosk wrote, for checks on escape sequences.
    pub raw: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    stop_reading: Arc<AtomicBool>,
    /// While set, the terminal reads nothing, like a frozen terminal window.
    frozen: Arc<AtomicBool>,
}

impl PtyKiosk {
    /// Starts `roc-kiosk ARGS` at `cols`x`rows`, with its config and data under `home`.
    pub fn start(args: &[&str], cols: u16, rows: u16, home: &Path) -> PtyKiosk {
        Self::start_with_env(args, &[], cols, rows, home)
    }

    /// As [`PtyKiosk::start`] at 80x24, without the tests' `ROC_KIOSK_PIN`: the kiosk
    /// unlocks with its config's own PIN, and starts on the set-up screen when it has none.
    pub fn start_without_test_pin(args: &[&str], home: &Path) -> PtyKiosk {
        Self::start_with_env(args, &[("ROC_KIOSK_PIN", "")], 80, 24, home)
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
        cmd.env("ROC_KIOSK_PIN", super::TEST_PIN);
        cmd.env_remove("ROC_KIOSK_CONFIG");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn roc-kiosk");
        // The reader only sees EOF once no slave handle is left in this process.
        drop(pair.slave);
        let reader = pair.master.try_clone_reader().expect("pty reader");
        let master_fd = pair.master.as_raw_fd().expect("a unix pty");
        let writer = pair.master.take_writer().expect("pty writer");
        let size = |n: u16| NonZeroU16::new(n.max(1)).expect("non-zero");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let stop_reading = Arc::new(AtomicBool::new(false));
        let frozen = Arc::new(AtomicBool::new(false));
        let output = Output {
            parser: Arc::clone(&parser),
            raw: Arc::clone(&raw),
            stop: Arc::clone(&stop_reading),
            frozen: Arc::clone(&frozen),
        };
        // Drain output all the time, or the kiosk blocks on a full pty buffer.
        let reader = std::thread::spawn(move || output.pump(reader, master_fd));
        PtyKiosk {
            child,
            writer: Some(writer),
            master: Some(pair.master),
            parser,
            raw,
            reader: Some(reader),
            stop_reading,
            frozen,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Everything the kiosk wrote since `from` bytes, as text.
    pub fn raw_since(&self, from: usize) -> String {
        let raw = self.raw.lock().unwrap();
        String::from_utf8_lossy(&raw[from.min(raw.len())..]).into_owned()
    }

    /// How many bytes the kiosk has written so far.
    pub fn raw_len(&self) -> usize {
        self.raw.lock().unwrap().len()
    }

    pub fn send(&mut self, bytes: &[u8]) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(bytes).expect("write to pty");
        writer.flush().expect("flush pty");
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

    /// Waits for Attract, wakes it with `key` and waits for Home.
    pub fn wake(&mut self, key: &[u8]) {
        self.wait_for("Press any key");
        self.send(key);
        self.wait_for("What would you like to do?");
    }

    /// Ctrl-T, which opens the PIN prompt from any screen.
    pub fn open_pin_prompt(&mut self) {
        self.send(b"\x14");
        self.wait_for("Enter the PIN");
    }

    /// Types `pin` and Enter into the open PIN prompt.
    pub fn type_pin(&mut self, pin: &str) {
        self.send(format!("{pin}\r").as_bytes());
    }

    /// Types `pin` into the open PIN prompt and waits for it to be refused.
    pub fn type_wrong_pin(&mut self, pin: &str) {
        self.type_pin(pin);
        self.wait_for("Wrong PIN");
    }

    /// Types `pin` into the open PIN prompt and waits for the technician menu.
    pub fn type_right_pin(&mut self, pin: &str) {
        self.type_pin(pin);
        self.wait_for("Technician menu");
    }

    /// Ctrl-T and `pin`: the technician menu.
    pub fn unlock(&mut self, pin: &str) {
        self.open_pin_prompt();
        self.type_right_pin(pin);
    }

    /// Exit in the technician menu (item 5, then y to confirm); whether the kiosk then
    /// ends with status 0.
    pub fn exit_from_menu(&mut self) -> bool {
        self.send(b"5y");
        self.wait_exit()
    }

    /// Ctrl-T, `pin` and Exit; whether the kiosk then ends with status 0.
    pub fn exit_with_pin(&mut self, pin: &str) -> bool {
        self.unlock(pin);
        self.exit_from_menu()
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
        self.wait_exit_code() == 0
    }

    /// Waits for the kiosk to exit and returns its exit status.
    pub fn wait_exit_code(&mut self) -> u32 {
        let end = Instant::now() + timeout();
        while Instant::now() < end {
            if let Some(status) = self.child.try_wait().expect("child status") {
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the kiosk did not exit; the screen is:\n{}", self.screen());
    }

    /// Sends `signal` (a name `kill` knows: TERM, HUP, TSTP, …) to the kiosk.
    pub fn signal(&self, signal: &str) {
        let pid = self.pid().expect("pid");
        let status = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{signal} {pid}");
    }

    /// The kiosk's state letter from `/proc/PID/stat` (`S` sleeping, `R` running, `T`
    /// stopped, …).
    pub fn process_state(&self) -> char {
        proc_stat(self.pid().expect("pid"))[0]
            .chars()
            .next()
            .unwrap_or('?')
    }

    /// CPU time the kiosk has used so far (user + system), from `/proc/PID/stat`.
    pub fn cpu_time(&self) -> Duration {
        let fields = proc_stat(self.pid().expect("pid"));
        // After the name: state is field 3, utime 14 and stime 15 (`man 5 proc`).
        let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
        let per_sec = rustix::param::clock_ticks_per_second();
        Duration::from_secs_f64(ticks as f64 / per_sec as f64)
    }

    /// Closes the terminal under the kiosk, as closing its window does: every handle on
    /// the pty's master side goes, so the kiosk's side hangs up.
    pub fn close_terminal(&mut self) {
        self.stop_reader();
        self.writer = None;
        self.master = None;
    }

    /// Stops (or resumes) reading the kiosk's output, like a terminal window that froze.
    /// Once the pty's buffer is full, the kiosk's writes block.
    pub fn freeze(&self, frozen: bool) {
        self.frozen.store(frozen, Ordering::SeqCst);
    }

    /// Resizes the terminal (the kiosk gets SIGWINCH and redraws everything).
    pub fn resize(&self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .expect("the terminal is open")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pty");
    }

    /// The kiosk side's terminal settings.
    pub fn termios(&self) -> rustix::termios::Termios {
        rustix::termios::tcgetattr(self.master_fd()).expect("tcgetattr")
    }

    /// Puts the terminal back in cooked mode (line editing, echo, Ctrl-C/Ctrl-Z as
    /// signals), as a shell does when it takes the terminal back from a stopped job.
    pub fn set_cooked(&self) {
        use rustix::termios::{InputModes, LocalModes, OptionalActions, OutputModes};
        let mut t = self.termios();
        t.local_modes |= LocalModes::ICANON | LocalModes::ECHO | LocalModes::ISIG;
        t.input_modes |= InputModes::ICRNL;
        t.output_modes |= OutputModes::OPOST;
        rustix::termios::tcsetattr(self.master_fd(), OptionalActions::Now, &t).expect("tcsetattr");
    }

    fn master_fd(&self) -> BorrowedFd<'_> {
        let fd = self
            .master
            .as_ref()
            .and_then(|m| m.as_raw_fd())
            .expect("the terminal is open");
        // SAFETY: the descriptor belongs to `self.master`, which the borrow keeps alive.
        unsafe { BorrowedFd::borrow_raw(fd) }
    }

    fn stop_reader(&mut self) {
        self.stop_reading.store(true, Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
    }
}

impl Drop for PtyKiosk {
    fn drop(&mut self) {
        self.freeze(false);
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.stop_reader();
    }
}

/// The fields of `/proc/PID/stat` after the process name (state first).
fn proc_stat(pid: u32) -> Vec<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("read /proc/PID/stat");
    let after_name = stat.rsplit_once(')').expect("stat has a name").1;
    after_name.split_whitespace().map(str::to_string).collect()
}

/// The terminal's side: what the kiosk writes goes into the vt100 screen and `raw`.
struct Output {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    stop: Arc<AtomicBool>,
    frozen: Arc<AtomicBool>,
}

impl Output {
    /// Reads until the kiosk's side closes or `stop` is set. It waits in poll(2) with a
    /// short limit rather than in `read`, so that `stop` is seen and the master can be
    /// closed (the kiosk's side only hangs up once no handle on the master is left).
    fn pump(self, mut reader: Box<dyn Read + Send>, master_fd: RawFd) {
        let mut buf = [0u8; 8192];
        let limit = Timespec {
            tv_sec: 0,
            tv_nsec: 20_000_000,
        };
        while !self.stop.load(Ordering::SeqCst) {
            if self.frozen.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(20));
                continue;
            }
            // SAFETY: the master stays open until this thread is joined (`stop_reader`
            // runs before the master is dropped).
            let fd = unsafe { BorrowedFd::borrow_raw(master_fd) };
            let mut fds = [PollFd::from_borrowed_fd(fd, PollFlags::IN)];
            match poll(&mut fds, Some(&limit)) {
                Ok(0) | Err(rustix::io::Errno::INTR) => continue,
                Ok(_) => {}
                Err(_) => break,
            }
            let revents = fds[0].revents();
            if revents.contains(PollFlags::IN) {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        self.parser.lock().unwrap().process(&buf[..n]);
                        self.raw.lock().unwrap().extend_from_slice(&buf[..n]);
                    }
                }
            } else if revents.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                break;
            }
        }
    }
}
