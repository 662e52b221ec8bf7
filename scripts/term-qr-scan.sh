#!/usr/bin/env bash
# term-qr-scan.sh: does the QR code a terminal program draws scan in a REAL terminal?
#
# For each theme (dark = white on black, light = black on white) and each size, it runs
# COMMAND in xterm (DejaVu Sans Mono 12) on a private Xvfb display, sends keys, takes a
# screenshot of the window and decodes it with zbarimg, an independent decoder, WITHOUT
# inverting the image: a code drawn light-on-dark (what default colours give on a dark
# theme) does not count, because many phone scanners reject it. It passes only if every
# combination decodes exactly the expected text.
#
# usage: scripts/term-qr-scan.sh --expect TEXT [options] -- COMMAND [ARGS...]
#   --expect TEXT      the payload every screenshot must decode to (required)
#   --keys "KEYSEQ"    keys sent after --wait: xdotool key names/chords separated by
#                      spaces (Return q Escape ctrl+c ...), text:STRING types STRING,
#                      sleep:SECS pauses
#   --wait S           seconds between the window appearing and the keys (default 1)
#   --wait-after S     seconds after the keys before the first screenshot (default 1)
#   --tries N          screenshots per combination, 0.5 s apart, until it decodes (default 6)
#   --sizes "CxR ..."  terminal sizes (default "80x24 120x40")
#   --themes "..."     dark and/or light (default "dark light")
#   --colorterm VALUE  COLORTERM for COMMAND (e.g. truecolor); default: unset
#   --out DIR          keep screenshots here as THEME-COLSxROWS.png (default: temp dir)
#   --expect-fail      invert the verdict: pass only if NO combination decodes TEXT
#                      (for the harness's own negative control)
# exit: 0 all passed, 1 some combination failed, 2 harness error (missing tool, X failed)
#
# Needs (Debian): apt-get install -y --no-install-recommends xvfb xterm xdotool \
#   x11-utils imagemagick zbar-tools fonts-dejavu-core xfonts-base fontconfig
set -u
PROG=term-qr-scan

die() { echo "$PROG: error: $*" >&2; exit 2; }
log() { echo "$PROG: $*" >&2; }

EXPECT= KEYS= WAIT=1 WAIT_AFTER=1 TRIES=6 SIZES="80x24 120x40" THEMES="dark light"
COLORTERM_VALUE= OUT= EXPECT_FAIL=0
while [ $# -gt 0 ]; do
    case $1 in
        --expect) EXPECT=${2-}; shift 2 || die "--expect needs a value" ;;
        --keys) KEYS=${2-}; shift 2 || die "--keys needs a value" ;;
        --wait) WAIT=${2-}; shift 2 || die "--wait needs a value" ;;
        --wait-after) WAIT_AFTER=${2-}; shift 2 || die "--wait-after needs a value" ;;
        --tries) TRIES=${2-}; shift 2 || die "--tries needs a value" ;;
        --sizes) SIZES=${2-}; shift 2 || die "--sizes needs a value" ;;
        --themes) THEMES=${2-}; shift 2 || die "--themes needs a value" ;;
        --colorterm) COLORTERM_VALUE=${2-}; shift 2 || die "--colorterm needs a value" ;;
        --out) OUT=${2-}; shift 2 || die "--out needs a value" ;;
        --expect-fail) EXPECT_FAIL=1; shift ;;
        -h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        --) shift; break ;;
        *) die "unknown option '$1' (put the command after --; see --help)" ;;
    esac
done
[ $# -gt 0 ] || die "no COMMAND given (see --help)"
[ -n "$EXPECT" ] || die "--expect TEXT is required"
for v in "$WAIT" "$WAIT_AFTER"; do [[ $v =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "not a number: '$v'"; done
[[ $TRIES =~ ^[1-9][0-9]*$ ]] || die "--tries must be a positive integer"
for s in $SIZES; do [[ $s =~ ^[0-9]+x[0-9]+$ ]] || die "bad size '$s' (want COLSxROWS)"; done
for t in $THEMES; do [ "$t" = dark ] || [ "$t" = light ] || die "bad theme '$t'"; done

# ImageMagick's real `import`, by full path: some machines put stand-ins first on PATH.
IMPORT=/usr/bin/import
for t in Xvfb xterm xdotool xwininfo zbarimg timeout; do
    command -v "$t" >/dev/null 2>&1 || die "missing '$t' (see the apt-get line in --help)"
done
[ -x "$IMPORT" ] || die "ImageMagick 'import' missing (apt-get install imagemagick)"
FONT="DejaVu Sans Mono" FONTSIZE=12
if command -v fc-list >/dev/null && ! fc-list : family | grep -qiF "$FONT"; then
    log "warning: font '$FONT' missing; xterm falls back to another (apt-get install fonts-dejavu-core)"
fi

if [ -z "$OUT" ]; then OUT=$(mktemp -d -t term-qr-scan.XXXXXX) || die "mktemp failed"; fi
mkdir -p "$OUT" || die "cannot create '$OUT'"
OUT=$(cd "$OUT" && pwd)

# ------------------------------------------------------------ process care
# Everything started here is stopped by PID: the xterm's descendants, the xterm, Xvfb.
XVFB_PID= XTERM_PID=
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
descendants() {
    ps -e -o pid=,ppid= | awk -v root="$1" '
        { kids[$2] = kids[$2] " " $1 }
        function walk(p,   n, a, i) { n = split(kids[p], a, " ");
            for (i = 1; i <= n; i++) { print a[i]; walk(a[i]) } }
        END { walk(root) }'
}
stop_pid() {
    local i
    alive "$1" || return 0
    kill -TERM "$1" 2>/dev/null
    for i in $(seq 20); do alive "$1" || return 0; sleep 0.1; done
    kill -KILL "$1" 2>/dev/null
}
stop_xterm() {
    local kids p
    [ -n "$XTERM_PID" ] || return 0
    kids=$(descendants "$XTERM_PID")
    stop_pid "$XTERM_PID"
    for p in $kids; do stop_pid "$p"; done
    wait "$XTERM_PID" 2>/dev/null
    XTERM_PID=
}
cleanup() {
    trap - EXIT INT TERM HUP
    stop_xterm
    stop_pid "$XVFB_PID"
    wait 2>/dev/null
    rm -f "$OUT/.displayfd"
}
trap cleanup EXIT
trap 'log interrupted; exit 2' INT TERM HUP

# ---------------------------------------------------------------- X server
# Big enough for the largest size: cells are about 10x19 px at 12 pt, 96 dpi.
SW=640 SH=480
for s in $SIZES; do
    c=${s%x*} r=${s#*x}
    [ $((c * 11 + 64)) -gt $SW ] && SW=$((c * 11 + 64))
    [ $((r * 21 + 64)) -gt $SH ] && SH=$((r * 21 + 64))
done
# -displayfd: the server picks a free display itself, so parallel runs cannot collide.
Xvfb -displayfd 3 -nolisten tcp -noreset -dpi 96 -screen 0 "${SW}x${SH}x24" \
    3>"$OUT/.displayfd" >"$OUT/xvfb.log" 2>&1 </dev/null &
XVFB_PID=$!
DISPNUM=
for _ in $(seq 100); do
    DISPNUM=$(head -n1 "$OUT/.displayfd" 2>/dev/null)
    [[ $DISPNUM =~ ^[0-9]+$ ]] && break
    DISPNUM=
    alive "$XVFB_PID" || break
    sleep 0.1
done
[ -n "$DISPNUM" ] || { cat "$OUT/xvfb.log" >&2; die "Xvfb did not start"; }
export DISPLAY=":$DISPNUM"
# Block characters need a UTF-8 locale.
[ "$(locale charmap 2>/dev/null)" = UTF-8 ] || export LANG=C.UTF-8 LC_ALL=
if [ -n "$COLORTERM_VALUE" ]; then export COLORTERM=$COLORTERM_VALUE; else unset COLORTERM; fi
log "Xvfb on $DISPLAY (${SW}x${SH}); screenshots in $OUT"

send_keys() {
    local tok
    for tok in $KEYS; do
        case $tok in
            sleep:*) sleep "${tok#sleep:}" ;;
            text:*) timeout 10 xdotool type --delay 40 -- "${tok#text:}" ;;
            *) timeout 5 xdotool key --delay 40 -- "$tok" ;;
        esac || log "warning: could not send '$tok'"
    done
}

# run_one THEME COLSxROWS -> 0 decoded EXPECT, 1 not, 2 harness error
run_one() {
    local theme=$1 size=$2 fg bg wid png got try
    shift 2
    case $theme in dark) fg=white bg=black ;; light) fg=black bg=white ;; esac
    png="$OUT/$theme-$size.png"
    rm -f "$png"
    xterm -fa "$FONT" -fs "$FONTSIZE" -geometry "${size}+0+0" -fg "$fg" -bg "$bg" \
        -u8 +sb -T "$PROG" -xrm 'XTerm*allowTitleOps: false' -e "$@" \
        >"$OUT/xterm-$theme-$size.log" 2>&1 </dev/null &
    XTERM_PID=$!
    wid=
    for _ in $(seq 100); do
        alive "$XTERM_PID" || break
        wid=$(timeout 5 xdotool search --pid "$XTERM_PID" 2>/dev/null | head -n1)
        if [ -n "$wid" ] && timeout 5 xwininfo -id "$wid" 2>/dev/null | grep -q IsViewable; then break; fi
        wid=
        sleep 0.1
    done
    if [ -z "$wid" ]; then
        cat "$OUT/xterm-$theme-$size.log" >&2
        log "$theme $size: xterm window did not appear (did COMMAND exit at once?)"
        stop_xterm
        return 2
    fi
    sleep "$WAIT"
    if [ -n "$KEYS" ]; then
        # No window manager: focus the window, then send through XTEST.
        timeout 5 xdotool windowfocus "$wid" 2>/dev/null
        timeout 5 xdotool mousemove --window "$wid" 5 5 2>/dev/null
        send_keys
        sleep "$WAIT_AFTER"
    fi
    got=
    for try in $(seq "$TRIES"); do
        if ! alive "$XTERM_PID"; then
            log "$theme $size: COMMAND exited before the screenshot (keep it running, e.g. '; sleep 30')"
            stop_xterm
            return 2
        fi
        timeout 15 "$IMPORT" -silent -window "$wid" "$png" 2>>"$OUT/import.log" || {
            log "$theme $size: screenshot failed"; stop_xterm; return 2; }
        # zbarimg: 0 = found, 4 = none. The image as is: no negation, no -Stest-inverted.
        got=$(timeout 20 zbarimg --nodbus -q --raw -Sdisable -Sqrcode.enable "$png" 2>/dev/null)
        [ "$got" = "$EXPECT" ] && break
        [ "$try" -lt "$TRIES" ] && sleep 0.5
    done
    stop_xterm
    echo "$got" >"$OUT/$theme-$size.txt"
    if [ "$got" = "$EXPECT" ]; then
        log "$theme $size: decoded '$got' ($png)"
        return 0
    fi
    log "$theme $size: did not decode '$EXPECT' (got: '${got//$'\n'/ | }') ($png)"
    return 1
}

PASSED=0 FAILED=0
for theme in $THEMES; do
    for size in $SIZES; do
        run_one "$theme" "$size" "$@"
        rc=$?
        [ $rc = 2 ] && exit 2
        if { [ $rc = 0 ] && [ $EXPECT_FAIL = 0 ]; } || { [ $rc = 1 ] && [ $EXPECT_FAIL = 1 ]; }; then
            echo "ok    $theme $size"
            PASSED=$((PASSED + 1))
        else
            echo "FAIL  $theme $size"
            FAILED=$((FAILED + 1))
        fi
    done
done
echo "$PROG: $PASSED passed, $FAILED failed$([ $EXPECT_FAIL = 1 ] && echo ' (expecting no decode)')"
[ $FAILED = 0 ]
