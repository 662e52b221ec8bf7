#!/bin/sh
# Builds the Debian package, target/debian/roc-kiosk_<version>-1_<arch>.deb, and prints its path.
#
# The release binary writes its own man pages, shell completions and desktop launcher
# (`roc-kiosk generate-assets`), so they always match the binary that is packaged; then
# cargo-deb packs them as [package.metadata.deb] in Cargo.toml lists.
# Needs cargo-deb: cargo install cargo-deb --locked
set -eu
cd "$(dirname "$0")/.."
command -v cargo-deb >/dev/null 2>&1 || {
    echo "cargo-deb is not installed: cargo install cargo-deb --locked" >&2
    exit 1
}
cargo build --release --locked
rm -rf target/assets
"${CARGO_TARGET_DIR:-target}/release/roc-kiosk" generate-assets target/assets >/dev/null
cargo deb --no-build "$@"
