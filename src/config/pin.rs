//! The technician PIN: the rule a PIN follows, hashing, checking, and where the PIN comes
//! from.
//!
//! What the PIN protects: the technician menu (stats, exit) from students at the keyboard.
//! It does not protect the config file: a 4–8 digit PIN can be found from its hash by
//! trying every PIN. Argon2id only makes each try cost memory and time, and the salt stops
//! one precomputed table from serving every kiosk.
//!
//! New hashes are PHC strings, `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`, checked by
//! the `argon2` crate's verifier (a constant-time comparison). Configs written by earlier
//! versions hold `sha256:<rounds>:<salt hex>:<hash hex>`: those still unlock, and the first
//! successful unlock hands back an Argon2id hash to store instead ([`PinCheck::unlock`]).

use std::ops::RangeInclusive;

use argon2::{Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::Config;

/// The environment variable that overrides the configured PIN. For tests only.
pub const PIN_ENV: &str = "ROC_KIOSK_PIN";
/// How many digits a PIN has: the PIN prompt takes at most the upper bound.
pub const PIN_DIGITS: RangeInclusive<usize> = 4..=8;
/// Salt length of new hashes (the argon2 crate's recommended length).
const SALT_BYTES: usize = 16;
/// Largest Argon2 costs accepted when reading a hash, so a hand-edited config cannot make
/// each PIN check take minutes or all the laptop's memory. New hashes use the crate's
/// defaults (19 MiB, 2 passes, 1 lane), well inside these.
const MAX_M_COST_KIB: u32 = 256 * 1024;
const MAX_T_COST: u32 = 10;
const MAX_P_COST: u32 = 4;
/// The same guard for the old `sha256:` hashes.
const MAX_SHA256_ROUNDS: u32 = 1_000_000;

/// Where the PIN being checked came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinSource {
    /// `ROC_KIOSK_PIN`.
    Env,
    /// The config file's `pin_hash`.
    Config,
    /// No PIN anywhere: nothing verifies, and the kiosk starts on the technician set-up
    /// screen, which sets one ([`PinCheck::set_hash`]). There is no built-in PIN.
    Unset,
    /// The config's `pin_hash` is unreadable: nothing verifies (fail closed). `Config::load`
    /// rejects such files, so this only happens for a `Config` built in code.
    Unusable,
}

/// What an entered PIN led to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PinVerdict {
    pub accepted: bool,
    /// When the PIN was accepted against an old-style hash: its Argon2id hash, to be saved
    /// in the config in place of the old one.
    pub rehashed: Option<String>,
}

impl From<bool> for PinVerdict {
    fn from(accepted: bool) -> Self {
        PinVerdict {
            accepted,
            rehashed: None,
        }
    }
}

/// A PIN hash read from a config file.
#[derive(Clone)]
pub struct PinHash(StoredHash);

#[derive(Clone)]
enum StoredHash {
    /// A PHC string whose algorithm and costs have been checked.
    Argon2(String),
    /// Written by versions before Argon2: SHA-256 of salt and PIN, re-hashed with the salt
    /// `rounds - 1` more times.
    Sha256 {
        rounds: u32,
        salt: Vec<u8>,
        hash: [u8; 32],
    },
}

impl PinHash {
    /// True for the old `sha256:` form, which the next unlock replaces.
    pub fn is_legacy(&self) -> bool {
        matches!(self.0, StoredHash::Sha256 { .. })
    }
}

/// What a [`PinCheck`] compares against.
#[derive(Clone)]
enum Expected {
    /// `ROC_KIOSK_PIN`: plain text already, so hashing it would hide nothing and cost
    /// start-up time; compared in constant time all the same.
    Plain(String),
    Hash(StoredHash),
    /// Opens nothing.
    Nothing,
}

/// A ready-to-use PIN check.
#[derive(Clone)]
pub struct PinCheck {
    source: PinSource,
    expected: Expected,
}

impl std::fmt::Debug for PinCheck {
    // Never print the PIN or its hash: Debug output can end up in a log file.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PinCheck")
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for PinHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PinHash")
            .field("legacy", &self.is_legacy())
            .finish_non_exhaustive()
    }
}

impl PinCheck {
    /// Precedence: `env_pin` (the caller reads `ROC_KIOSK_PIN` once at start-up) >
    /// the config's `pin_hash` > no PIN at all ([`PinSource::Unset`]: nothing unlocks until
    /// the set-up screen sets one). An empty `env_pin` counts as unset; one
    /// that breaks the PIN rule ([`check_pin_format`]) is refused, with a message that
    /// says what to do (it never repeats the value).
    pub fn from_config(cfg: &Config, env_pin: Option<String>) -> Result<Self, String> {
        if let Some(pin) = env_pin
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
        {
            check_pin_format(&pin).map_err(|why| {
                format!(
                    "{PIN_ENV} is set, but {why}. {PIN_ENV} is for tests only: unset it, and set the booth's PIN with `roc-kiosk set-pin`"
                )
            })?;
            return Ok(PinCheck {
                source: PinSource::Env,
                expected: Expected::Plain(pin),
            });
        }
        Ok(match cfg.pin_hash.as_deref().map(parse_pin_hash) {
            Some(Ok(PinHash(stored))) => PinCheck {
                source: PinSource::Config,
                expected: Expected::Hash(stored),
            },
            Some(Err(_)) => PinCheck {
                source: PinSource::Unusable,
                expected: Expected::Nothing,
            },
            None => PinCheck {
                source: PinSource::Unset,
                expected: Expected::Nothing,
            },
        })
    }

    /// True when `entered` is the PIN. Every comparison is constant-time.
    pub fn verify(&self, entered: &str) -> bool {
        match &self.expected {
            Expected::Plain(pin) => entered.as_bytes().ct_eq(pin.as_bytes()).into(),
            Expected::Hash(StoredHash::Argon2(phc)) => PasswordHash::new(phc).is_ok_and(|hash| {
                Argon2::default()
                    .verify_password(entered.as_bytes(), &hash)
                    .is_ok()
            }),
            Expected::Hash(StoredHash::Sha256 { rounds, salt, hash }) => {
                sha256_rounds(entered, salt, *rounds).ct_eq(hash).into()
            }
            Expected::Nothing => false,
        }
    }

    /// [`verify`](Self::verify), and when the PIN is right but stored in the old form,
    /// switches this check to a new Argon2id hash and returns that hash for saving. Later
    /// unlocks then use the new hash and ask for nothing more.
    pub fn unlock(&mut self, entered: &str) -> PinVerdict {
        let accepted = self.verify(entered);
        let legacy = matches!(self.expected, Expected::Hash(StoredHash::Sha256 { .. }));
        if !(accepted && legacy) {
            return accepted.into();
        }
        // If hashing fails (out of memory), the old hash stays and still works.
        let rehashed = try_hash_pin(entered, &new_salt()).ok();
        if let Some(phc) = &rehashed {
            self.expected = Expected::Hash(StoredHash::Argon2(phc.clone()));
        }
        PinVerdict { accepted, rehashed }
    }

    /// True when no PIN is set: the kiosk must start on the set-up screen.
    pub fn needs_setup(&self) -> bool {
        self.source == PinSource::Unset
    }

    /// Switches this check to `phc` (a hash just written by the set-up screen or read
    /// again from the config after `set-pin`). `ROC_KIOSK_PIN` still wins: it is for
    /// tests, which must be able to rely on it.
    pub fn set_hash(&mut self, phc: &str) -> Result<(), String> {
        if self.source == PinSource::Env {
            return Ok(());
        }
        let PinHash(stored) = parse_pin_hash(phc)?;
        self.source = PinSource::Config;
        self.expected = Expected::Hash(stored);
        Ok(())
    }

    pub fn source(&self) -> PinSource {
        self.source
    }
}

/// The Argon2id PHC string of `pin` with `salt` (the crate's default costs).
pub fn hash_pin(pin: &str, salt: &[u8; SALT_BYTES]) -> String {
    try_hash_pin(pin, salt).expect("a 16-byte salt and the default Argon2 costs are valid")
}

fn try_hash_pin(
    pin: &str,
    salt: &[u8; SALT_BYTES],
) -> Result<String, argon2::password_hash::Error> {
    Ok(Argon2::default()
        .hash_password_with_salt(pin.as_bytes(), salt)?
        .to_string())
}

/// Reads a `pin_hash` value: an Argon2id PHC string, or the old `sha256:` form. Says why
/// one cannot be used.
pub fn parse_pin_hash(text: &str) -> Result<PinHash, String> {
    let bad = |why: &str| Err(format!("is not a PIN hash written by set-pin: {why}"));
    if text.starts_with('$') {
        let Ok(hash) = PasswordHash::new(text) else {
            return bad("it is not a PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash)");
        };
        if hash.algorithm != argon2::ARGON2ID_IDENT {
            return bad("it is not an argon2id hash");
        }
        let Ok(params) = Params::try_from(&hash) else {
            return bad("its Argon2 costs are not valid");
        };
        if params.m_cost() > MAX_M_COST_KIB
            || params.t_cost() > MAX_T_COST
            || params.p_cost() > MAX_P_COST
        {
            return bad("its Argon2 costs are too high for a kiosk (at most m=262144, t=10, p=4)");
        }
        if hash.salt.is_none() || hash.hash.is_none() {
            return bad("it has no salt or no hash");
        }
        return Ok(PinHash(StoredHash::Argon2(text.to_string())));
    }
    let parts: Vec<&str> = text.split(':').collect();
    let [scheme, rounds, salt, hash] = parts[..] else {
        return bad("expected an argon2id PHC string ($argon2id$…)");
    };
    if scheme != "sha256" {
        return bad("expected an argon2id PHC string ($argon2id$…)");
    }
    let Ok(rounds) = rounds.parse::<u32>() else {
        return bad("the rounds are not a number");
    };
    if rounds == 0 || rounds > MAX_SHA256_ROUNDS {
        return bad("the rounds are out of range");
    }
    let Some(salt) = from_hex(salt).filter(|s| !s.is_empty()) else {
        return bad("the salt is not hexadecimal");
    };
    let Some(hash) = from_hex(hash).and_then(|h| <[u8; 32]>::try_from(h).ok()) else {
        return bad("the hash is not 64 hexadecimal digits");
    };
    Ok(PinHash(StoredHash::Sha256 { rounds, salt, hash }))
}

/// The one rule for what a PIN looks like: 4 to 8 ASCII digits. `set-pin` and
/// `ROC_KIOSK_PIN` both follow it, and the PIN prompt takes nothing else.
pub fn check_pin_format(pin: &str) -> Result<(), String> {
    if !PIN_DIGITS.contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err("the PIN must be 4 to 8 digits (0-9)".into());
    }
    Ok(())
}

/// A fresh random salt for [`hash_pin`].
pub fn new_salt() -> [u8; SALT_BYTES] {
    rand::random()
}

/// The old `sha256:` scheme, kept only to read configs written before Argon2.
fn sha256_rounds(pin: &str, salt: &[u8], rounds: u32) -> [u8; 32] {
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
    fn hex_reads_pairs_of_digits_only() {
        assert_eq!(from_hex("0001abff").unwrap(), [0u8, 1, 0xab, 0xff]);
        assert!(from_hex("abc").is_none());
        assert!(from_hex("zz").is_none());
    }

    #[test]
    fn the_pin_rule_is_4_to_8_ascii_digits() {
        for ok in ["1357", "9753", "00000000"] {
            assert!(check_pin_format(ok).is_ok(), "{ok}");
        }
        for bad in ["12", "123", "123456789", "12a4", "abcd", "", "١٢٣٤", "12 4"] {
            assert!(check_pin_format(bad).is_err(), "{bad}");
        }
    }
}
