//! Kiosk settings a technician sets once per laptop: event name, idle timeout, PIN hash,
//! language, QR style, where the booth log goes.
//!
//! The settings live in a JSON file: `--config FILE`, else the file named by the
//! `ROC_KIOSK_CONFIG` environment variable, else `config.json` in the platform config
//! directory (`directories::ProjectDirs::from("org", "KHSD", "roc-kiosk")`). Command-line
//! flags override the file; the caller applies them on top of [`Config`].
//!
//! A broken file is never half-used: every problem comes back as a [`ConfigError`] that
//! names the file, line, column and setting, and says what to do, and the kiosk refuses to
//! start. An unattended kiosk that silently ignored a typo would run all day with the
//! wrong timeout or the default PIN.

mod pin;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::jsonloc::LocatedError;
use crate::jsonloc::read::{ReadError, follow_links, read_text};

pub use pin::{
    PIN_DIGITS, PIN_ENV, PinCheck, PinHash, PinSource, PinVerdict, check_pin_format, hash_pin,
    new_salt, parse_pin_hash,
};

/// The environment variable that may name the config file.
pub const CONFIG_ENV: &str = "ROC_KIOSK_CONFIG";
/// Allowed idle timeouts, in seconds.
pub const IDLE_TIMEOUT_RANGE: std::ops::RangeInclusive<u64> = 15..=3600;
pub const DEFAULT_IDLE_TIMEOUT_SECS: u64 = 90;
/// How many digits a technician PIN has: the one source for `set-pin`'s check and the
/// PIN field.
pub const PIN_LENGTH: std::ops::RangeInclusive<usize> = pin::PIN_DIGITS;
/// Longest event name / site shown in the header.
pub const MAX_LABEL_CHARS: usize = 80;
/// Longest laptop id (it goes into log file names).
pub const MAX_LAPTOP_ID_CHARS: usize = 32;
/// Config files larger than this are refused before parsing: a settings file is a few
/// hundred bytes, so anything this big is the wrong file.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// How the application QR code is drawn (`auto`, `full`, `half`): the QR module's own type.
pub use crate::qr::QrStyle as QrStyleSetting;

/// The settings file. Every field has a default, so `{}` is a valid config.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Shown in the header, e.g. "Bakersfield College Career Fair".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event_name: Option<String>,
    /// Where the booth is, e.g. "Foothill High School".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// Seconds without input before "Still there?" and a reset; 15..=3600.
    pub idle_timeout_secs: u64,
    /// Salted PIN hash written by `roc-kiosk set-pin` (see [`hash_pin`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pin_hash: Option<String>,
    /// The language the attract screen starts in.
    pub default_lang: Lang,
    pub qr_style: QrStyleSetting,
    /// Keep the anonymous booth log.
    pub booth_log: bool,
    /// Also log what students typed into search. Off by default: students type names.
    pub log_search_terms: bool,
    /// Where booth logs go (absolute path); default: the platform data directory.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_dir: Option<PathBuf>,
    /// Names this laptop in log files; default: the host name, sanitised.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub laptop_id: Option<String>,
}

/// Every setting name, in file order; used for "unknown setting" hints.
pub const KNOWN_FIELDS: [&str; 10] = [
    "event_name",
    "site",
    "idle_timeout_secs",
    "pin_hash",
    "default_lang",
    "qr_style",
    "booth_log",
    "log_search_terms",
    "data_dir",
    "laptop_id",
];

impl Default for Config {
    fn default() -> Self {
        Config {
            event_name: None,
            site: None,
            idle_timeout_secs: DEFAULT_IDLE_TIMEOUT_SECS,
            pin_hash: None,
            default_lang: Lang::En,
            qr_style: QrStyleSetting::Auto,
            booth_log: true,
            log_search_terms: false,
            data_dir: None,
            laptop_id: None,
        }
    }
}

/// A config and the file it came from (or would be saved to, when there was none yet).
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedConfig {
    pub config: Config,
    pub path: PathBuf,
    /// False when no file existed and the defaults are in use.
    pub from_file: bool,
}

/// One problem in a config file, located, with what to do about it. Boxed: the config
/// returns it by value, and a small `Result` keeps every caller cheap.
pub type ConfigError = Box<LocatedError>;

/// Where the config file is, and whether someone named it (a named file must exist).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigLocation {
    pub path: PathBuf,
    pub explicit: bool,
}

impl ConfigLocation {
    /// `--config FILE` beats `ROC_KIOSK_CONFIG`, which beats the platform default.
    pub fn resolve(explicit: Option<&Path>, env_value: Option<&str>) -> ConfigLocation {
        if let Some(path) = explicit {
            return ConfigLocation {
                path: path.to_path_buf(),
                explicit: true,
            };
        }
        if let Some(env) = env_value.filter(|v| !v.trim().is_empty()) {
            return ConfigLocation {
                path: PathBuf::from(env),
                explicit: true,
            };
        }
        ConfigLocation {
            path: default_config_path(),
            explicit: false,
        }
    }
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("org", "KHSD", "roc-kiosk")
}

/// `config.json` in the platform config directory; `./config.json` on a system with no
/// home directory (the only case where `ProjectDirs` has no answer).
pub fn default_config_path() -> PathBuf {
    project_dirs()
        .map(|d| d.config_dir().join("config.json"))
        .unwrap_or_else(|| PathBuf::from("config.json"))
}

impl Config {
    /// Loads the config named by `explicit` (`--config`), else by `ROC_KIOSK_CONFIG`,
    /// else the platform default. A missing default file means defaults; a missing file
    /// that someone named is an error.
    pub fn load(explicit: Option<&Path>) -> Result<LoadedConfig, ConfigError> {
        let env = std::env::var(CONFIG_ENV).ok();
        Config::load_from(&ConfigLocation::resolve(explicit, env.as_deref()))
    }

    pub fn load_from(location: &ConfigLocation) -> Result<LoadedConfig, ConfigError> {
        let path = &location.path;
        let text = match read_text(path, MAX_CONFIG_BYTES) {
            Ok(text) => text,
            Err(e) if e.is_not_found() && !location.explicit => {
                return Ok(LoadedConfig {
                    config: Config::default(),
                    path: path.clone(),
                    from_file: false,
                });
            }
            Err(e) => return Err(read_error(path, e)),
        };
        let config = Config::parse(&path.display().to_string(), &text)?;
        Ok(LoadedConfig {
            config,
            path: path.clone(),
            from_file: true,
        })
    }

    /// Parses and checks config text; `file` is only used in error messages.
    pub fn parse(file: &str, text: &str) -> Result<Config, ConfigError> {
        parse::parse_config(file, text)
    }

    /// Writes the config so that it can always be loaded again, and only by its owner:
    /// - a config the file's own checks would refuse (an event name with a control
    ///   character, say) is not written;
    /// - the file is written as a temporary file in the same folder, then renamed over the
    ///   old one, so a crash or a full disk leaves the old file or the new one, never half;
    /// - the file is readable by its owner only (0600 on Unix: it holds the PIN hash);
    /// - when `path` is a symbolic link, the file it points to is replaced and the link
    ///   stays; anything there that is not a regular file is left alone.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        use std::io::{Error, ErrorKind, Write};
        if let Some((field, problem)) = parse::check_values(self) {
            return Err(Error::new(
                ErrorKind::InvalidInput,
                format!("{field} {problem}"),
            ));
        }
        let target = follow_links(path).map_err(|e| match e {
            ReadError::Io(io) => io,
            other => Error::other(other.message()),
        })?;
        match std::fs::symlink_metadata(&target) {
            Ok(meta) if !meta.is_file() => {
                return Err(Error::other(format!(
                    "{} is not a regular file",
                    target.display()
                )));
            }
            Err(e) if e.kind() != ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir)?;
        let mut text = serde_json::to_string_pretty(self).map_err(Error::other)?;
        text.push('\n');
        let file_name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "config.json".into());
        let tmp = dir.join(format!(
            ".{file_name}.tmp-{}-{:08x}",
            std::process::id(),
            rand::random::<u32>()
        ));
        let result = (|| {
            let mut f = owner_only_new_file(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
            drop(f);
            std::fs::rename(&tmp, &target)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }

    /// Where booth logs go: the configured folder, else the platform data directory,
    /// else `./roc-kiosk-data` on a system with no home directory.
    pub fn data_dir(&self) -> PathBuf {
        self.data_dir.clone().unwrap_or_else(|| {
            project_dirs()
                .map(|d| d.data_dir().to_path_buf())
                .unwrap_or_else(|| PathBuf::from("roc-kiosk-data"))
        })
    }

    /// The configured laptop id, else the host name made safe for a file name.
    pub fn laptop_id(&self) -> String {
        match &self.laptop_id {
            Some(id) => sanitize_laptop_id(id),
            None => sanitize_laptop_id(&hostname().unwrap_or_default()),
        }
    }
}

/// A new file only its owner can read and write (0600 on Unix).
fn owner_only_new_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// The rule for the event name and the site, in the file and in the technician's
/// editor: at most [`MAX_LABEL_CHARS`] characters, and the text rules
/// ([`crate::text_rules`]: no control, bidirectional or invisible characters).
pub fn check_label(text: &str) -> Result<(), String> {
    crate::text_rules::check(text)?;
    let n = text.chars().count();
    if n > MAX_LABEL_CHARS {
        return Err(format!("is {n} characters, over {MAX_LABEL_CHARS}"));
    }
    Ok(())
}

/// Whether the technician's editor may add `c` to `label`: [`check_label`] one key at
/// a time, so what is typed is always a name the config can save and load again.
pub fn label_accepts(label: &str, c: char) -> bool {
    label.chars().count() < MAX_LABEL_CHARS && crate::text_rules::classify(c).is_none()
}

/// Makes a string safe for a log file name: ASCII letters, digits, '-' and '_' kept,
/// everything else becomes '-', at most [`MAX_LAPTOP_ID_CHARS`], never empty ("kiosk").
pub fn sanitize_laptop_id(raw: &str) -> String {
    let mut out = String::new();
    for c in raw.trim().chars() {
        if out.len() >= MAX_LAPTOP_ID_CHARS {
            break;
        }
        if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        "kiosk".to_string()
    } else {
        trimmed.to_string()
    }
}

/// The machine's host name, without a crate: Windows sets COMPUTERNAME; Linux has it in
/// /proc; macOS and other Unixes answer the `hostname` command.
fn hostname() -> Option<String> {
    let non_empty = |s: String| {
        let s = s.trim().to_string();
        (!s.is_empty()).then_some(s)
    };
    if let Some(name) = std::env::var("COMPUTERNAME").ok().and_then(non_empty) {
        return Some(name);
    }
    for file in ["/proc/sys/kernel/hostname", "/etc/hostname"] {
        if let Some(name) = std::fs::read_to_string(file).ok().and_then(non_empty) {
            return Some(name);
        }
    }
    std::process::Command::new("hostname")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| non_empty(String::from_utf8_lossy(&o.stdout).into_owned()))
}

/// Why the config file could not be read, as a config error with what to do.
fn read_error(path: &Path, e: ReadError) -> ConfigError {
    let hint = match &e {
        ReadError::Io(io) if io.kind() == std::io::ErrorKind::NotFound => {
            "check the path given with --config or ROC_KIOSK_CONFIG"
        }
        ReadError::Io(_) => "check the file's permissions",
        ReadError::NotRegular {
            kind: "a folder", ..
        } => "give the path of config.json itself",
        ReadError::NotRegular { .. } | ReadError::TooManyLinks => {
            "the config must be a plain file; point --config at one"
        }
        ReadError::TooBig { .. } => {
            "a config file is a few hundred bytes; check that this is the right file"
        }
        ReadError::NotUtf8 { .. } => {
            "save the file as UTF-8 (most editors have an encoding option)"
        }
    };
    Box::new(e.located(path, hint))
}

mod parse;
