//! PIN check speed: what the technician waits for after Enter. An Argon2id hash at the
//! parameters `set-pin` writes (m=19456 KiB, t=2, p=1) must verify in well under a second on
//! a slow laptop; the one-time upgrade of an old `sha256:` hash costs a check plus a hash.
//!
//! `cargo bench --bench pin -- --warm-up-time 1 --measurement-time 5`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use roc_kiosk::config::{Config, PinCheck, hash_pin, new_salt};

fn check_for(hash: String) -> PinCheck {
    let cfg = Config {
        pin_hash: Some(hash),
        ..Config::default()
    };
    PinCheck::from_config(&cfg, None).expect("no ROC_KIOSK_PIN is passed")
}

fn pin(c: &mut Criterion) {
    let argon2 = check_for(hash_pin("13579", &new_salt()));
    let mut group = c.benchmark_group("pin");
    group.sample_size(20);
    group.bench_function("verify_argon2id_right", |b| {
        b.iter(|| assert!(argon2.verify(black_box("13579"))))
    });
    group.bench_function("verify_argon2id_wrong", |b| {
        b.iter(|| assert!(!argon2.verify(black_box("97531"))))
    });
    group.bench_function("hash_argon2id", |b| {
        b.iter(|| hash_pin(black_box("13579"), &new_salt()))
    });
    group.finish();
}

criterion_group!(benches, pin);
criterion_main!(benches);
