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

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

pub use pin::{
    DEFAULT_PIN, PIN_DIGITS, PIN_ENV, PinCheck, PinHash, PinSource, PinVerdict, check_new_pin,
    check_pin_format, hash_pin, new_salt, parse_pin_hash,
};

/// The environment variable that may name the config file.
pub const CONFIG_ENV: &str = "ROC_KIOSK_CONFIG";
/// Allowed idle timeouts, in seconds.
pub const IDLE_TIMEOUT_RANGE: std::ops::RangeInclusive<u64> = 15..=3600;
pub const DEFAULT_IDLE_TIMEOUT_SECS: u64 = 90;
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

/// One problem in a config file, located, with what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    /// 1-based. `u32` keeps the error small enough to return by value (clippy's
    /// result_large_err); config files are capped at 1 MB anyway.
    pub line: Option<u32>,
    /// 1-based, in characters.
    pub column: Option<u32>,
    /// The setting the problem is in, when there is one.
    pub field: Option<String>,
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ":")?;
        if let Some(field) = &self.field {
            write!(f, " field '{field}':")?;
        }
        write!(f, " {}", self.message)?;
        if !self.hint.is_empty() {
            write!(f, " — {}", self.hint)?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigError {}

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
        let file = path.display().to_string();
        let whole_file_error = |message: String, hint: &str| ConfigError {
            file: file.clone(),
            line: None,
            column: None,
            field: None,
            message,
            hint: hint.to_string(),
        };
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !location.explicit => {
                return Ok(LoadedConfig {
                    config: Config::default(),
                    path: path.clone(),
                    from_file: false,
                });
            }
            Err(e) => {
                return Err(whole_file_error(
                    format!("cannot read the config file: {e}"),
                    "check the path given with --config or ROC_KIOSK_CONFIG",
                ));
            }
        };
        if meta.is_dir() {
            return Err(whole_file_error(
                "this is a folder, not a config file".into(),
                "give the path of config.json itself",
            ));
        }
        if meta.len() > MAX_CONFIG_BYTES {
            return Err(whole_file_error(
                format!("the file is {} bytes, over the 1 MB limit", meta.len()),
                "a config file is a few hundred bytes; check that this is the right file",
            ));
        }
        let bytes = std::fs::read(path).map_err(|e| {
            whole_file_error(
                format!("cannot read the config file: {e}"),
                "check the file's permissions",
            )
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let (line, column) =
                line_col(&String::from_utf8_lossy(&e.as_bytes()[..offset]), offset);
            ConfigError {
                line: Some(line),
                column: Some(column),
                ..whole_file_error(
                    "the file is not valid UTF-8".into(),
                    "save the file as UTF-8 (most editors have an encoding option)",
                )
            }
        })?;
        let config = Config::parse(&file, &text)?;
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

    /// Writes the config atomically: a temporary file in the same folder, then a rename,
    /// so a crash or full disk leaves the old file or the new one, never half of one.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        use std::io::Write;
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir)?;
        let mut text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        text.push('\n');
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "config.json".into());
        let tmp = dir.join(format!(
            ".{file_name}.tmp-{}-{:08x}",
            std::process::id(),
            rand::random::<u32>()
        ));
        let result = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
            drop(f);
            std::fs::rename(&tmp, path)
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

/// 1-based line and column (in characters) of byte `offset` in `text`.
fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (to_u32(line), to_u32(column))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

mod parse;
