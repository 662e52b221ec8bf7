//! The technician PIN: hashing, checking, and where the PIN comes from.
//!
//! What the PIN protects: the technician menu (stats, exit) from students at the keyboard.
//! It does not protect the config file: a 4–8 digit PIN can be found from its hash by
//! trying every PIN. The salt and the repeated hashing only make that slower and stop one
//! precomputed table from serving every kiosk.

use sha2::{Digest, Sha256};

use super::Config;

/// The PIN when neither `ROC_KIOSK_PIN` nor the config sets one (documented in --help).
pub const DEFAULT_PIN: &str = "2468";
/// The environment variable that overrides the configured PIN.
pub const PIN_ENV: &str = "ROC_KIOSK_PIN";
/// Hash rounds written by [`hash_pin`].
pub const PIN_HASH_ROUNDS: u32 = 10_000;
/// Upper bound accepted when reading a hash, so a hand-edited config cannot make each
/// PIN check take minutes.
const MAX_ROUNDS: u32 = 1_000_000;
const SALT_BYTES: usize = 16;

/// Where the PIN being checked came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinSource {
    /// `ROC_KIOSK_PIN`.
    Env,
    /// The config file's `pin_hash`.
    Config,
    /// [`DEFAULT_PIN`]: the technician menu should say to change it.
    Default,
    /// The config's `pin_hash` is unreadable: nothing verifies (fail closed). `Config::load`
    /// rejects such files, so this only happens for a `Config` built in code.
    Unusable,
}

/// A ready-to-use PIN check. Every source is kept as a salted hash so the entered PIN is
/// always compared the same way, in constant time.
#[derive(Clone)]
pub struct PinCheck {
    source: PinSource,
    rounds: u32,
    salt: Vec<u8>,
    hash: [u8; 32],
}

impl std::fmt::Debug for PinCheck {
    // Never print the hash: Debug output can end up in a log file.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PinCheck")
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}

impl PinCheck {
    /// Precedence: `env_pin` (the caller reads `ROC_KIOSK_PIN` once at startup) >
    /// the config's `pin_hash` > [`DEFAULT_PIN`]. An empty `env_pin` counts as unset.
    pub fn from_config(cfg: &Config, env_pin: Option<String>) -> Self {
        if let Some(pin) = env_pin
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
        {
            return PinCheck::from_plain(PinSource::Env, &pin);
        }
        match cfg.pin_hash.as_deref().map(parse_pin_hash) {
            Some(Ok((rounds, salt, hash))) => PinCheck {
                source: PinSource::Config,
                rounds,
                salt,
                hash,
            },
            Some(Err(_)) => PinCheck {
                source: PinSource::Unusable,
                rounds: 1,
                salt: Vec::new(),
                hash: [0; 32],
            },
            None => PinCheck::from_plain(PinSource::Default, DEFAULT_PIN),
        }
    }

    fn from_plain(source: PinSource, pin: &str) -> Self {
        let salt: [u8; SALT_BYTES] = rand::random();
        PinCheck {
            source,
            rounds: PIN_HASH_ROUNDS,
            salt: salt.to_vec(),
            hash: digest(pin, &salt, PIN_HASH_ROUNDS),
        }
    }

    /// True when `entered` is the PIN.
    pub fn verify(&self, entered: &str) -> bool {
        if self.source == PinSource::Unusable {
            return false;
        }
        constant_time_eq(&digest(entered, &self.salt, self.rounds), &self.hash)
    }

    /// True when the PIN is still the published default.
    pub fn is_default(&self) -> bool {
        self.source == PinSource::Default
    }

    pub fn source(&self) -> PinSource {
        self.source
    }
}

/// `"sha256:<rounds>:<salt hex>:<hash hex>"` where the hash is SHA-256 of salt and PIN,
/// then re-hashed with the salt `rounds - 1` more times.
pub fn hash_pin(pin: &str, salt: &[u8]) -> String {
    let hash = digest(pin, salt, PIN_HASH_ROUNDS);
    format!(
        "sha256:{PIN_HASH_ROUNDS}:{}:{}",
        to_hex(salt),
        to_hex(&hash)
    )
}

/// Reads a [`hash_pin`] string: (rounds, salt, hash), or why it cannot be used.
pub fn parse_pin_hash(text: &str) -> Result<(u32, Vec<u8>, [u8; 32]), String> {
    let bad = |why: &str| Err(format!("is not a PIN hash written by set-pin: {why}"));
    let parts: Vec<&str> = text.split(':').collect();
    let [scheme, rounds, salt, hash] = parts[..] else {
        return bad("expected sha256:<rounds>:<salt>:<hash>");
    };
    if scheme != "sha256" {
        return bad("it does not start with 'sha256:'");
    }
    let Ok(rounds) = rounds.parse::<u32>() else {
        return bad("the rounds are not a number");
    };
    if rounds == 0 || rounds > MAX_ROUNDS {
        return bad("the rounds are out of range");
    }
    let Some(salt) = from_hex(salt).filter(|s| !s.is_empty()) else {
        return bad("the salt is not hexadecimal");
    };
    let Some(hash) = from_hex(hash).and_then(|h| <[u8; 32]>::try_from(h).ok()) else {
        return bad("the hash is not 64 hexadecimal digits");
    };
    Ok((rounds, salt, hash))
}

/// Checks a new PIN for `set-pin`: 4–8 digits, and not the published default.
pub fn check_new_pin(pin: &str) -> Result<(), String> {
    if !(4..=8).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err("the PIN must be 4 to 8 digits (0-9)".into());
    }
    if pin == DEFAULT_PIN {
        return Err(format!(
            "{DEFAULT_PIN} is the published default PIN; choose another"
        ));
    }
    Ok(())
}

/// A fresh random salt for [`hash_pin`].
pub fn new_salt() -> [u8; SALT_BYTES] {
    rand::random()
}

fn digest(pin: &str, salt: &[u8], rounds: u32) -> [u8; 32] {
    let mut hash: [u8; 32] = Sha256::new()
        .chain_update(salt)
        .chain_update(pin.as_bytes())
        .finalize()
        .into();
    for _ in 1..rounds {
        hash = Sha256::new()
            .chain_update(hash)
            .chain_update(salt)
            .finalize()
            .into();
    }
    hash
}

/// Compares without stopping at the first difference, so timing says nothing about how
/// much of a guess was right.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn to_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn from_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip() {
        let bytes = [0u8, 1, 0xab, 0xff];
        assert_eq!(from_hex(&to_hex(&bytes)).unwrap(), bytes);
        assert!(from_hex("abc").is_none());
        assert!(from_hex("zz").is_none());
    }

    #[test]
    fn constant_time_eq_compares() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
