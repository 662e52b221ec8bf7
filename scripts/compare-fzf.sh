#!/usr/bin/env bash
# Times a whole-process `roc-kiosk search` against `fzf --filter` over the same text, on
# a generated catalog of N programs (benches/catalog_gen, through the hidden example
# gen_catalog), and prints both CPU times, the ratio and both peak memories.
#
#   scripts/compare-fzf.sh [PROGRAMS] [QUERY] [RUNS]     # defaults: 10000 nurse 3
#
# fzf reads one line per program: name, keywords and description (both languages).
# Each run times the two side by side; the figures printed are the medians. Run it
# with `nice -n -5` on a busy machine. It installs nothing: it says what is missing.
set -euo pipefail

count=${1:-10000}
query=${2:-nurse}
runs=${3:-3}
cd "$(dirname "$0")/.."

missing=()
command -v fzf >/dev/null || missing+=("fzf (apt-get install fzf)")
[ -x /usr/bin/time ] || missing+=("/usr/bin/time (apt-get install time)")
command -v cargo >/dev/null || missing+=("cargo (a Rust toolchain)")
if [ ${#missing[@]} -gt 0 ]; then
    printf 'missing: %s\n' "${missing[@]}" >&2
    exit 1
fi

cargo build --release --quiet --bin roc-kiosk --example gen_catalog
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
target/release/examples/gen_catalog "$count" "$dir" >/dev/null

# "user+sys seconds peak-KB" of one command, from GNU time's verbose report.
measure() {
    /usr/bin/time -v "$@" >/dev/null 2>"$dir/time.txt" </dev/null || {
        cat "$dir/time.txt" >&2
        exit 1
    }
    awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} /Maximum resident/ {m=$2}
        END {printf "%.3f %d\n", u + s, m}' "$dir/time.txt"
}
measure_fzf() {
    /usr/bin/time -v fzf --filter "$query" <"$dir/fzf-lines.txt" >/dev/null 2>"$dir/time.txt" || true
    awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} /Maximum resident/ {m=$2}
        END {printf "%.3f %d\n", u + s, m}' "$dir/time.txt"
}

: >"$dir/kiosk.txt"
: >"$dir/fzf.txt"
for _ in $(seq "$runs"); do
    measure target/release/roc-kiosk search "$query" --catalog "$dir" --limit 10 >>"$dir/kiosk.txt"
    measure_fzf >>"$dir/fzf.txt"
done
median() { sort -n -k"$2" "$1" | awk -v k="$2" '{v[NR]=$k} END {print v[int((NR+1)/2)]}'; }
kiosk_cpu=$(median "$dir/kiosk.txt" 1)
kiosk_peak=$(median "$dir/kiosk.txt" 2)
fzf_cpu=$(median "$dir/fzf.txt" 1)
fzf_peak=$(median "$dir/fzf.txt" 2)
echo "programs: $count, query: '$query', runs: $runs (medians), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "roc-kiosk search: ${kiosk_cpu} s CPU (user+sys), peak $((kiosk_peak / 1024)) MB"
echo "fzf --filter:     ${fzf_cpu} s CPU (user+sys), peak $((fzf_peak / 1024)) MB"
# GNU time counts CPU in steps of 10 ms: below that there is no ratio to give.
awk -v k="$kiosk_cpu" -v f="$fzf_cpu" 'BEGIN {
    if (f > 0) printf "ratio (roc-kiosk / fzf CPU): %.2fx\n", k / f
    else print "ratio (roc-kiosk / fzf CPU): n/a (fzf under the 10 ms the clock counts)"
}'
