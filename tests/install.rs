//! Installing on a booth laptop, through the real binary: `launch` with a fake terminal
//! (found on the PATH, restarted on failure, stopped by an Exit), `autostart on|off` in a
//! temporary XDG_CONFIG_HOME, and the packaging assets `generate-assets` writes.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::pty::PtyKiosk;
use roc_kiosk::config::{Config, hash_pin, new_salt};

const BIN: &str = env!("CARGO_BIN_EXE_roc-kiosk");

/// Writes an executable shell script.
fn script(path: &Path, body: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::write(path, format!("#!/bin/sh\n{body}")).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// `roc-kiosk ARGS` with a PATH of `path` (plus /usr/bin:/bin for the scripts' tools), a
/// display that looks present, and its settings in `home`.
fn roc_kiosk(args: &[&str], path: &Path, home: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env("PATH", format!("{}:/usr/bin:/bin", path.display()))
        .env("DISPLAY", ":99")
        .env_remove("WAYLAND_DISPLAY")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_RUNTIME_DIR", home)
        .env_remove("ROC_KIOSK_PIN")
        .env_remove("ROC_KIOSK_CONFIG")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fake xfce4-terminal (the first terminal `launch` looks for) that records each call
/// and plays the kiosk's part: the Nth call leaves the Nth word of $FAKE_STATUSES in the
/// status file, or nothing for "none" (a window closed by hand).
const FAKE_TERMINAL: &str = r#"dir=$(dirname "$0")
echo "$*" >> "$dir/calls"
n=$(wc -l < "$dir/calls")
status=$(echo "$FAKE_STATUSES" | cut -d' ' -f"$n")
while [ $# -gt 0 ]; do
    if [ "$1" = --status-file ]; then file=$2; fi
    shift
done
[ "$status" = none ] || echo "$status" > "$file"
"#;

#[test]
fn launch_restarts_after_failures_and_stops_at_an_exit() {
    let home = tempfile::tempdir().unwrap();
    let bin = home.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    script(&bin.join("xfce4-terminal"), FAKE_TERMINAL);

    let out = roc_kiosk(
        &["launch", "--", "--lang", "es"],
        &bin,
        home.path(),
        &[("FAKE_STATUSES", "1 none 0 1")],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let calls = std::fs::read_to_string(bin.join("calls")).unwrap();
    let calls: Vec<&str> = calls.lines().collect();
    assert_eq!(
        calls.len(),
        3,
        "two restarts, then the Exit ends it: {calls:?}"
    );
    for call in &calls {
        assert!(call.starts_with("--disable-server --fullscreen"), "{call}");
        assert!(
            call.contains(&format!("--execute {BIN} launch --status-file ")),
            "{call}"
        );
        assert!(call.ends_with(" -- --lang es"), "{call}");
    }
    assert!(stderr.contains("ended with status 1"), "{stderr}");
    assert!(stderr.contains("ended with no status"), "{stderr}");
    assert!(stderr.contains("after 2 restart(s)"), "{stderr}");
}

#[test]
fn a_kiosk_that_refuses_to_start_is_not_restarted_and_says_why() {
    let home = tempfile::tempdir().unwrap();
    let bin = home.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    // This terminal really runs what comes after --execute, so the command inside the
    // window and the kiosk itself run; the kiosk cannot read its catalog and exits 2.
    script(
        &bin.join("xfce4-terminal"),
        "echo called >> \"$(dirname \"$0\")/calls\"\nwhile [ \"$1\" != --execute ]; do shift; done\nshift\nexec \"$@\"\n",
    );
    let missing = home.path().join("no-such-catalog");
    let out = roc_kiosk(
        &["launch", "--", "--catalog", missing.to_str().unwrap()],
        &bin,
        home.path(),
        &[],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("no-such-catalog"),
        "the kiosk's own message: {stderr}"
    );
    assert!(
        stderr.contains("Press Enter to close this window"),
        "{stderr}"
    );
    assert!(stderr.contains("refused to start"), "{stderr}");
    let calls = std::fs::read_to_string(bin.join("calls")).unwrap();
    assert_eq!(calls.lines().count(), 1, "not restarted");

    // `--here` runs it in this terminal under the same rule.
    let out = roc_kiosk(
        &[
            "launch",
            "--here",
            "--",
            "--catalog",
            missing.to_str().unwrap(),
        ],
        &bin,
        home.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

#[test]
fn launch_says_what_to_install_when_no_terminal_or_display_is_there() {
    let home = tempfile::tempdir().unwrap();
    let empty = home.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let mut cmd = Command::new(BIN);
    let out = cmd
        .arg("launch")
        .env("PATH", &empty)
        .env("DISPLAY", ":99")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("no terminal found") && stderr.contains("apt install xterm"),
        "{stderr}"
    );

    let bin = home.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    script(&bin.join("xterm"), "exit 0\n");
    let out = Command::new(BIN)
        .arg("launch")
        .env("PATH", &bin)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--here"), "{stderr}");
}

#[test]
fn autostart_on_writes_an_xdg_entry_and_off_removes_it() {
    let home = tempfile::tempdir().unwrap();
    let entry = home.path().join("config/autostart/roc-kiosk.desktop");

    let out = roc_kiosk(
        &["autostart", "on", "--", "--lang", "es"],
        home.path(),
        home.path(),
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("autostart off"));
    let written = std::fs::read_to_string(&entry).unwrap();
    assert!(written.starts_with("[Desktop Entry]\n"), "{written}");
    assert!(
        written.contains(&format!("\nExec={BIN} launch -- --lang es\n")),
        "{written}"
    );
    assert!(written.contains(&format!("\nTryExec={BIN}\n")), "{written}");
    assert!(
        written.contains("\nX-GNOME-Autostart-enabled=true\n"),
        "{written}"
    );

    let out = roc_kiosk(&["autostart", "off"], home.path(), home.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(!entry.exists());
    let out = roc_kiosk(&["autostart", "off"], home.path(), home.path(), &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stdout).contains("was not set"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn generate_assets_writes_man_pages_completions_and_the_launcher() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .arg("generate-assets")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    let man = std::fs::read_to_string(dir.path().join("man/roc-kiosk.1")).unwrap();
    assert!(
        man.contains(".TH roc-kiosk 1"),
        "{}",
        &man[..200.min(man.len())]
    );
    // roff writes each '-' as '\-'.
    let roff = |name: &str| name.replace('-', "\\-");
    for subcommand in ["check", "set-pin", "launch", "autostart"] {
        assert!(
            man.contains(&roff(&format!("roc-kiosk-{subcommand}(1)"))),
            "the main page lists {subcommand}"
        );
        let page = dir.path().join(format!("man/roc-kiosk-{subcommand}.1"));
        assert!(page.exists(), "{}", page.display());
    }
    assert!(
        !man.contains(&roff("generate-assets")) && !man.contains("generate-assets"),
        "the packaging command stays hidden"
    );
    assert!(!dir.path().join("man/roc-kiosk-generate-assets.1").exists());
    assert!(!man.contains("2468"), "no PIN in the manual");

    for file in ["roc-kiosk.bash", "_roc-kiosk", "roc-kiosk.fish"] {
        let completion =
            std::fs::read_to_string(dir.path().join("completions").join(file)).unwrap();
        assert!(completion.contains("autostart"), "{file}");
    }
    let desktop = std::fs::read_to_string(dir.path().join("roc-kiosk.desktop")).unwrap();
    assert!(desktop.contains("\nExec=roc-kiosk launch\n"), "{desktop}");
    assert!(desktop.contains("\nTerminal=false\n"), "{desktop}");
}

#[test]
fn help_gives_no_pin() {
    let out = Command::new(BIN).arg("--help").output().unwrap();
    let help = text(&out.stdout);
    assert!(help.contains("set-pin"), "{help}");
    assert!(!help.contains("2468"), "{help}");
}

/// The kiosk process `launch --here` is running now, if any.
fn kiosk_child(launcher: u32) -> Option<u32> {
    std::fs::read_to_string(format!("/proc/{launcher}/task/{launcher}/children"))
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

#[test]
fn launch_here_restarts_a_killed_kiosk_and_ends_at_the_technician_exit() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("booth.json");
    let cfg = Config {
        pin_hash: Some(hash_pin("13579", &new_salt())),
        ..Config::default()
    };
    cfg.save(&config).unwrap();
    let config = config.to_str().unwrap();
    // The config's own PIN, so no ROC_KIOSK_PIN.
    let mut launcher = PtyKiosk::start_without_test_pin(
        &["launch", "--here", "--", "--config", config],
        home.path(),
    );
    launcher.wait_for("Press any key");
    let launcher_pid = launcher.pid().unwrap();
    let first = kiosk_child(launcher_pid).expect("the kiosk runs under the launcher");

    // A crash the kiosk cannot recover from itself: the launcher starts a new one.
    let killed = Command::new("kill")
        .args(["-9", &first.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let end = Instant::now() + Duration::from_secs(30);
    loop {
        match kiosk_child(launcher_pid) {
            Some(pid) if pid != first => break,
            _ if Instant::now() > end => {
                panic!("no new kiosk; the screen is:\n{}", launcher.screen())
            }
            _ => std::thread::sleep(Duration::from_millis(100)),
        }
    }
    assert!(launcher.is_running());

    // The new kiosk answers keys, and its technician Exit ends the launcher with 0.
    assert!(
        launcher.exit_with_pin("13579"),
        "the launcher ends with status 0 after an Exit"
    );
}
