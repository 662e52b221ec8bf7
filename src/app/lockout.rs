//! Guessing costs time: the PIN prompt's lock. After [`FREE_TRIES`] wrong PINs the prompt
//! locks for [`FIRST_LOCK`], and each further wrong PIN doubles the wait, up to
//! [`LONGEST_LOCK`]. The lock lives in `TechState`, outside the student's state, so an
//! idle reset or Esc does not clear it; only the right PIN does.
//!
//! What that allows: 10 guesses in the first hour (3 at once, then after 30 s, 1, 2, 4,
//! 8 and 15 minutes, and every 15 minutes from then on) and 4 an hour after that, so
//! trying every 4-digit PIN (10,000) takes more than 100 days. `tests/lockout.rs` counts
//! the guesses a tireless attacker gets through `App::update`.

use std::time::{Duration, Instant};

/// Wrong PINs allowed before the first lock.
pub const FREE_TRIES: u32 = 3;
/// The lock after the third wrong PIN.
pub const FIRST_LOCK: Duration = Duration::from_secs(30);
/// The longest lock, which every wrong PIN after the eighth earns.
pub const LONGEST_LOCK: Duration = Duration::from_secs(15 * 60);

/// How long the prompt locks after the `wrong`th wrong PIN in a row (none before the
/// third).
pub fn lock_after(wrong: u32) -> Option<Duration> {
    let doublings = wrong.checked_sub(FREE_TRIES)?;
    // 30 s * 2^5 is already past the cap; the min keeps the shift small.
    let lock = FIRST_LOCK.saturating_mul(1 << doublings.min(6));
    Some(lock.min(LONGEST_LOCK))
}

/// Wrong PINs since the last unlock, and the lock they earned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PinLock {
    /// Wrong PINs entered since the last unlock.
    pub wrong: u32,
    /// The prompt takes no PIN before this.
    pub until: Option<Instant>,
}

impl PinLock {
    /// How long the prompt stays locked at `now`, if it is locked.
    pub fn remaining(&self, now: Instant) -> Option<Duration> {
        self.until
            .map(|until| until.saturating_duration_since(now))
            .filter(|left| !left.is_zero())
    }

    /// Counts a wrong PIN entered at `now`, locking the prompt when the rule says so.
    pub fn wrong_pin(&mut self, now: Instant) {
        self.wrong = self.wrong.saturating_add(1);
        self.until = lock_after(self.wrong).map(|lock| now + lock);
    }

    /// Wrong PINs left before the first lock (0 once it has locked).
    pub fn tries_before_lock(&self) -> u32 {
        FREE_TRIES.saturating_sub(self.wrong)
    }
}

/// "0:27", "14:59": a wait in minutes and seconds, rounded up so it never shows 0:00
/// while still locked.
pub fn minutes_seconds(left: Duration) -> String {
    let secs = left.as_millis().div_ceil(1000) as u64;
    format!("{}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_starts_at_the_third_wrong_pin_and_doubles_to_fifteen_minutes() {
        let secs = |n| lock_after(n).map(|d: Duration| d.as_secs());
        assert_eq!((secs(0), secs(1), secs(2)), (None, None, None));
        let locks: Vec<_> = (3..=10).map(|n| secs(n).unwrap()).collect();
        assert_eq!(locks, [30, 60, 120, 240, 480, 900, 900, 900]);
        assert_eq!(secs(u32::MAX), Some(900));
    }

    #[test]
    fn waits_read_as_minutes_and_seconds_rounded_up() {
        assert_eq!(minutes_seconds(Duration::from_millis(26_100)), "0:27");
        assert_eq!(minutes_seconds(Duration::from_secs(900)), "15:00");
        assert_eq!(minutes_seconds(Duration::from_millis(1)), "0:01");
    }
}
