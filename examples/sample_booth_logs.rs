//! Writes the generated two-laptop sample fair (the one in the README's picture) into a
//! folder, to try `roc-kiosk report` on:
//!
//! ```sh
//! cargo run --example sample_booth_logs -- /tmp/fair
//! cargo run -- report /tmp/fair --html /tmp/fair/report.html
//! ```

#[path = "../tests/sample_logs/mod.rs"]
mod sample_logs;

fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: sample_booth_logs DIR");
        return std::process::ExitCode::from(2);
    };
    let dir = std::path::PathBuf::from(dir);
    let written = sample_logs::write_fair(&dir);
    println!(
        "{}: {} visits on {} laptops",
        dir.display(),
        written.sessions,
        sample_logs::LAPTOPS.len()
    );
    std::process::ExitCode::SUCCESS
}
