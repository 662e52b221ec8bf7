#!/usr/bin/env bash
# qr-matrix.sh: the kiosk's Apply-screen QR code, scanned in real terminals and fonts.
#
# Each row of the matrix runs the kiosk in one terminal emulator with one font on a
# private Xvfb display (scripts/term-qr-scan.sh), wakes it, presses 4 (How to apply),
# and screenshots the Apply screen at 80x24 and 120x40 in a dark and a light terminal
# theme. A cell passes when zbarimg decodes the application URL from the screenshot
# as is (no inversion) AND scripts/qr-pixel-check.py finds every module one colour
# (no seam over 1 px, no dark speck in light modules) AND the kiosk really got
# the size asked for. Rows run in parallel, one Xvfb each.
#
# Three negative controls must FAIL, in xterm with DejaVu Sans Mono 14 pt at 80x24,
# which shows the matrix can fail: the code with black and white swapped (no decode);
# the code drawn with every glyph dark, as before issue 10 (no decode: light seams);
# and with every glyph light (dark specks: the pixel check refuses it). The last two
# redraw `roc-kiosk qr` output with scripts/qr-redraw.py.
#
# usage: scripts/qr-matrix.sh [--bin PATH] [--jobs N] [--out DIR] [--markdown FILE] [--only REGEX]
#   --bin PATH       the kiosk binary (default target/debug/roc-kiosk)
#   --jobs N         rows at once (default: number of CPUs + 1; most of a row is waiting)
#   --out DIR        screenshots and logs (default: a new temp dir, removed on success)
#   --markdown FILE  also write the result table there
#   --only REGEX     run only the rows whose "terminal|font|pt|env|what" line matches
#                    (grep -E; the rows are listed below)
# exit: 0 every cell passed and every control was refused as it must be, 1 otherwise
#
# Needs (Debian): apt-get install -y --no-install-recommends xvfb xdotool x11-utils \
#   imagemagick zbar-tools python3-pil fontconfig xfonts-base fonts-dejavu-core \
#   fonts-liberation2 xterm rxvt-unicode stterm lxterminal kitty alacritty
set -u
cd "$(dirname "$0")/.."
PROG=qr-matrix
die() { echo "$PROG: error: $*" >&2; exit 2; }

BIN=target/debug/roc-kiosk JOBS=$(($(nproc 2>/dev/null || echo 1) + 1)) OUT= MARKDOWN= ONLY=
while [ $# -gt 0 ]; do
    case $1 in
        --bin) BIN=${2-}; shift 2 || die "--bin needs a value" ;;
        --jobs) JOBS=${2-}; shift 2 || die "--jobs needs a value" ;;
        --out) OUT=${2-}; shift 2 || die "--out needs a value" ;;
        --markdown) MARKDOWN=${2-}; shift 2 || die "--markdown needs a value" ;;
        --only) ONLY=${2-}; shift 2 || die "--only needs a value" ;;
        -h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done
[[ $JOBS =~ ^[1-9][0-9]*$ ]] || die "--jobs must be a positive integer"
[ -x "$BIN" ] || die "no kiosk binary at '$BIN' (run cargo build, or pass --bin)"
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
KEEP_OUT=1
if [ -z "$OUT" ]; then OUT=$(mktemp -d -t roc-kiosk-qr-matrix.XXXXXX) || die "mktemp failed"; KEEP_OUT=0; fi
mkdir -p "$OUT" || die "cannot create '$OUT'"
OUT=$(cd "$OUT" && pwd)

URL=$(sed -n 's/^ *"url": *"\([^"]*\)".*/\1/p' catalog/center.json | head -n1)
[ -n "$URL" ] || die "cannot read application.url from catalog/center.json"

# terminal | font | size pt | extra environment | what (kiosk: the Apply screen after any
# key and 4; cli: `roc-kiosk qr`, the technician's preview in a plain terminal)
ROWS=$(cat <<'EOF'
xterm|DejaVu Sans Mono|10|
xterm|DejaVu Sans Mono|12|
xterm|DejaVu Sans Mono|14|
xterm|DejaVu Sans Mono|16|
xterm|DejaVu Sans Mono|18|
xterm|Liberation Mono|10|
xterm|Liberation Mono|12|
xterm|Liberation Mono|14|
xterm|Liberation Mono|16|
xterm|Liberation Mono|18|
xterm|DejaVu Sans Mono|14|NO_COLOR=1
xterm|DejaVu Sans Mono|14||cli
urxvt|DejaVu Sans Mono|14|
urxvt|DejaVu Sans Mono|18|
st|DejaVu Sans Mono|14|
st|DejaVu Sans Mono|18|
lxterminal|DejaVu Sans Mono|14|
kitty|DejaVu Sans Mono|14|
alacritty|DejaVu Sans Mono|14|
EOF
)
if [ -n "$ONLY" ]; then
    ROWS=$(grep -E -- "$ONLY" <<<"$ROWS") || die "no row matches '$ONLY'"
fi

START=$SECONDS
echo "$PROG: $(echo "$ROWS" | wc -l) rows x 4 cells, $JOBS at once; output in $OUT"

# run_row N TERMINAL FONT PT ENV WHAT: one term-qr-scan.sh run (4 cells) into $OUT/row-N.*
run_row() {
    local n=$1 terminal=$2 font=$3 pt=$4 extra=$5 what=$6 home="$OUT/home-$1"
    mkdir -p "$home"
    # A kiosk with no PIN starts on its set-up screen; ROC_KIOSK_PIN (for tests only) gives
    # this throwaway one a PIN, so it starts at the attract screen as a set-up booth does.
    local envs=(XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" ROC_KIOSK_PIN=5713)
    [ -n "$extra" ] && envs+=("$extra")
    local how=(--keys "x sleep:0.5 4" --wait 1.5 -- env "${envs[@]}" "$BIN")
    if [ "$what" = cli ]; then
        how=(-- env "${envs[@]}" sh -c '"$0" qr; sleep 60' "$BIN")
    fi
    scripts/term-qr-scan.sh --expect "$URL" --terminal "$terminal" --font "$font" \
        --font-size "$pt" --pixel-check --results "$OUT/row-$n.tsv" --out "$OUT/row-$n" \
        "${how[@]}" >"$OUT/row-$n.log" 2>&1
    echo $? >"$OUT/row-$n.rc"
}

# Waits until fewer than JOBS rows run.
wait_for_slot() { while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n; done; }

n=0
while IFS='|' read -r terminal font pt extra what; do
    n=$((n + 1))
    wait_for_slot
    run_row "$n" "$terminal" "$font" "$pt" "$extra" "${what:-kiosk}" &
done <<<"$ROWS"
# Negative controls, alongside the rows: each must fail (see the table's end).
run_control() {
    local name=$1
    shift
    scripts/term-qr-scan.sh --expect "$URL" --expect-fail --tries 2 --sizes 80x24 \
        --themes dark --font-size 14 --pixel-check --results "$OUT/control-$name.tsv" \
        --out "$OUT/control-$name" -- sh -c "$*; sleep 60" >"$OUT/control-$name.log" 2>&1
    echo $? >"$OUT/control-$name.rc"
}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
wait_for_slot
run_control inverted "'$BIN' qr | sed -e 's/38;5;16;48;5;231/@SWAP@/g; s/38;5;231;48;5;16/38;5;16;48;5;231/g; s/@SWAP@/38;5;231;48;5;16/g'" &
wait_for_slot
run_control dark-glyphs "'$BIN' qr | $PY scripts/qr-redraw.py --glyphs dark" &
wait_for_slot
run_control light-glyphs "'$BIN' qr | $PY scripts/qr-redraw.py --glyphs light" &
wait

# ------------------------------------------------------------------- table
FAILED=0
field() { # field KEY "pixel-check text" -> the number after KEY=
    local v=${2#*"$1"=}
    [ "$v" = "$2" ] && { echo -; return; }
    echo "${v%% *}"
}
result() { # result TSV THEME SIZE -> that cell's line of term-qr-scan.sh --results
    awk -F'\t' -v t="$2" -v s="$3" '$4 == t && $5 == s' "$1" 2>/dev/null | tail -n1
}
cell() { # cell LINE -> "ok" or "FAIL: why"
    local decode pixel verdict
    if [ -z "$1" ]; then echo "ERROR (see log)"; return; fi
    IFS=$'\t' read -r _ _ _ _ _ decode pixel verdict <<<"$1"
    if [ "$verdict" = ok ]; then echo ok; return; fi
    local why=()
    [ "$decode" = decoded ] || why+=("no decode")
    case $pixel in ok*) ;; *) why+=("pixels: ${pixel#FAIL }") ;; esac
    [ ${#why[@]} -gt 0 ] || why+=("wrong terminal size")
    echo "FAIL: ${why[*]}"
}
max() { local m=- v; for v in "$@"; do [ "$v" = - ] && continue; if [ "$m" = - ] || [ "$v" -gt "$m" ]; then m=$v; fi; done; echo "$m"; }

TABLE="$OUT/table.md"
{
    echo "| terminal | font | 80x24 dark | 80x24 light | 120x40 dark | 120x40 light | seam px | dark speck px | light crack px |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
} >"$TABLE"
n=0
while IFS='|' read -r terminal font pt extra what; do
    n=$((n + 1))
    label=$terminal
    [ -n "$extra" ] && label="$terminal, $extra"
    [ "${what:-kiosk}" = cli ] && label="$label, \`roc-kiosk qr\`"
    row="| $label | $font $pt pt"
    seams=() darks=() lights=()
    for size in 80x24 120x40; do
        for theme in dark light; do
            line=$(result "$OUT/row-$n.tsv" "$theme" "$size")
            c=$(cell "$line")
            pixel=$(cut -f7 <<<"$line")
            seams+=("$(field seam_px "$pixel")") darks+=("$(field dark_speck_px "$pixel")")
            lights+=("$(field light_crack_px "$pixel")")
            [ "$c" = ok ] || FAILED=$((FAILED + 1))
            row="$row | $c"
        done
    done
    [ "$(cat "$OUT/row-$n.rc" 2>/dev/null)" = 2 ] && { FAILED=$((FAILED + 1)); row="$row (harness error)"; }
    echo "$row | $(max "${seams[@]}") | $(max "${darks[@]}") | $(max "${lights[@]}") |" >>"$TABLE"
done <<<"$ROWS"

echo
echo "QR scan matrix: the kiosk's Apply screen (any key, then 4), $URL"
cat "$TABLE"
echo
echo "seam px: thickest run of wrong pixels (a square of that side); dark speck px / light crack px:"
echo "wrong pixels away from any edge, dark in light modules / light in dark modules (largest of the row's 4 cells)."
CONTROLS_OK=1
# control name : how it must fail (the decode or the pixel check)
for control in inverted:decode dark-glyphs:decode light-glyphs:pixels; do
    name=${control%%:*} must=${control#*:}
    rc=$(cat "$OUT/control-$name.rc" 2>/dev/null)
    IFS=$'\t' read -r _ _ _ _ _ decode pixel _ <"$OUT/control-$name.tsv" 2>/dev/null
    case $must in
        decode) [ "${decode-}" = no ] && failed_as_it_must=1 || failed_as_it_must=0 ;;
        pixels) case ${pixel-} in FAIL*) failed_as_it_must=1 ;; *) failed_as_it_must=0 ;; esac ;;
    esac
    if [ "$rc" = 0 ] && [ "$failed_as_it_must" = 1 ]; then
        echo "negative control '$name': refused by the $must check, as it must be (decode: ${decode-}; pixels: ${pixel-})"
    else
        echo "negative control '$name': PROBLEM: the $must check did not refuse it (exit ${rc:-none}; decode: ${decode-}; pixels: ${pixel-}; see $OUT/control-$name.log)"
        CONTROLS_OK=0
    fi
done
[ -n "$MARKDOWN" ] && cp "$TABLE" "$MARKDOWN"
echo "$PROG: $FAILED failed cells; $((SECONDS - START)) s"
if [ "$FAILED" = 0 ] && [ "$CONTROLS_OK" = 1 ]; then
    [ "$KEEP_OUT" = 0 ] && rm -rf "$OUT"
    exit 0
fi
echo "$PROG: screenshots and logs kept in $OUT"
exit 1
