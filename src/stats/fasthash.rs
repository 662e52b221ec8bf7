//! Hashing for the report's tables. The standard SipHash guards against hostile keys,
//! which a report over the booth's own files does not need, and it was the largest cost
//! in reading a million lines. These hashers are for this module's maps only.

use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hash (as used in rustc): a rotate, xor and multiply per 8 bytes.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The length goes in the free top byte, so "a" and "a\0" differ.
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            word[7] = rest.len() as u8;
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FxBuild = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;

/// For keys that already are good hashes (the record fingerprints): uses the low
/// 64 bits as they are.
#[derive(Debug, Default, Clone, Copy)]
pub struct PrehashedHasher {
    hash: u64,
}

impl Hasher for PrehashedHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Only reached for key types other than u128; fold them in rather than lose them.
        for &b in bytes {
            self.hash = (self.hash.rotate_left(8) ^ u64::from(b)).wrapping_mul(SEED);
        }
    }

    #[inline]
    fn write_u128(&mut self, n: u128) {
        self.hash = n as u64;
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type PrehashedSet = std::collections::HashSet<u128, BuildHasherDefault<PrehashedHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    #[test]
    fn fx_distinguishes_near_keys() {
        let h = |s: &str| FxBuild::default().hash_one(s);
        assert_ne!(h("ab"), h("ba"));
        assert_ne!(h("a"), h("a\0"));
        assert_eq!(h("welding"), h("welding"));
    }

    #[test]
    fn prehashed_uses_low_bits() {
        let mut hasher = PrehashedHasher::default();
        ((7u128 << 64) | 42).hash(&mut hasher);
        assert_eq!(hasher.finish(), 42);
    }
}
