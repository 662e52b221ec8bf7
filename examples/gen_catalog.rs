//! Writes a generated catalog of N programs into DIR (the four files), and
//! `DIR/fzf-lines.txt` with one line per program for `fzf --filter`. Used by
//! `scripts/compare-fzf.sh`; the generator is shared with the benches and tests.
//!
//! `cargo run --release --example gen_catalog -- 10000 /tmp/statewide`

#[path = "../benches/catalog_gen/mod.rs"]
mod catalog_gen;

use std::path::PathBuf;

use roc_kiosk::catalog::Catalog;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(count), Some(dir)) = (args.next(), args.next()) else {
        eprintln!("usage: gen_catalog COUNT DIR");
        std::process::exit(2);
    };
    let count: usize = count.parse().expect("COUNT is a number of programs");
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("create DIR");
    for (name, text) in catalog_gen::catalog_texts(count) {
        std::fs::write(dir.join(name), text).expect("write a catalog file");
    }
    let catalog = Catalog::from_dir(&dir).unwrap_or_else(|e| panic!("generated catalog: {e}"));
    std::fs::write(dir.join("fzf-lines.txt"), catalog_gen::fzf_lines(&catalog))
        .expect("write fzf-lines.txt");
    println!("{} programs in {}", catalog.programs.len(), dir.display());
}
