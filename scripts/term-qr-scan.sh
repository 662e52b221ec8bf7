#!/usr/bin/env bash
# term-qr-scan.sh: does the QR code a terminal program draws scan in a REAL terminal?
#
# For each theme (dark = white on black, light = black on white) and each size, it runs
# COMMAND in a terminal emulator (xterm by default) on a private Xvfb display, sends
# keys, takes a screenshot of the window and decodes it with zbarimg, an independent
# decoder, WITHOUT inverting the image: a code drawn light-on-dark (what default colours
# give on a dark theme) does not count, because many phone scanners reject it. With
# --pixel-check each screenshot must also pass scripts/qr-pixel-check.py
# (every module one colour: no seam over 1 px, no dark speck in light modules).
# It passes only if every combination passes.
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
#   --terminal NAME    xterm (default), urxvt, st, lxterminal, kitty or alacritty
#   --font NAME        font family (default "DejaVu Sans Mono")
#   --font-size PT     font size in points (default 12); the X server runs at 96 dpi
#   --colorterm VALUE  COLORTERM for COMMAND (e.g. truecolor); default: unset, but
#                      terminals that set it themselves (VTE, kitty, alacritty, urxvt) win
#   --pixel-check      also run qr-pixel-check.py on each screenshot; it must pass too
#   --results FILE     append one tab-separated line per combination: terminal, font,
#                      size pt, theme, COLSxROWS, decode, pixel check, verdict
#   --out DIR          keep screenshots here as THEME-COLSxROWS.png (default: temp dir)
#   --expect-fail      invert the verdict: pass only if every combination fails (does
#                      not decode TEXT, or fails --pixel-check); for negative controls
# exit: 0 all passed, 1 some combination failed, 2 harness error (missing tool, X failed)
#
# Every combination also checks that COMMAND really had COLSxROWS at the screenshot
# (`stty size` inside the terminal): a terminal that picks another size fails instead
# of passing quietly.
#
# Needs (Debian): apt-get install -y --no-install-recommends xvfb xterm xdotool \
#   x11-utils imagemagick zbar-tools fonts-dejavu-core xfonts-base fontconfig \
#   python3-pil (for --pixel-check) and the terminal you name (rxvt-unicode, stterm,
#   lxterminal, kitty, alacritty)
set -u
PROG=term-qr-scan
HERE=$(cd "$(dirname "$0")" && pwd)

die() { echo "$PROG: error: $*" >&2; exit 2; }
log() { echo "$PROG: $*" >&2; }

EXPECT= KEYS= WAIT=1 WAIT_AFTER=1 TRIES=6 SIZES="80x24 120x40" THEMES="dark light"
COLORTERM_VALUE= OUT= EXPECT_FAIL=0 TERMINAL=xterm FONT="DejaVu Sans Mono" FONTSIZE=12
PIXEL_CHECK=0 RESULTS=
while [ $# -gt 0 ]; do
    case $1 in
        --expect) EXPECT=${2-}; shift 2 || die "--expect needs a value" ;;
        --keys) KEYS=${2-}; shift 2 || die "--keys needs a value" ;;
        --wait) WAIT=${2-}; shift 2 || die "--wait needs a value" ;;
        --wait-after) WAIT_AFTER=${2-}; shift 2 || die "--wait-after needs a value" ;;
        --tries) TRIES=${2-}; shift 2 || die "--tries needs a value" ;;
        --sizes) SIZES=${2-}; shift 2 || die "--sizes needs a value" ;;
        --themes) THEMES=${2-}; shift 2 || die "--themes needs a value" ;;
        --terminal) TERMINAL=${2-}; shift 2 || die "--terminal needs a value" ;;
        --font) FONT=${2-}; shift 2 || die "--font needs a value" ;;
        --font-size) FONTSIZE=${2-}; shift 2 || die "--font-size needs a value" ;;
        --colorterm) COLORTERM_VALUE=${2-}; shift 2 || die "--colorterm needs a value" ;;
        --pixel-check) PIXEL_CHECK=1; shift ;;
        --results) RESULTS=${2-}; shift 2 || die "--results needs a value" ;;
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
[[ $FONTSIZE =~ ^[1-9][0-9]*$ ]] || die "--font-size must be a positive integer"
for s in $SIZES; do [[ $s =~ ^[0-9]+x[0-9]+$ ]] || die "bad size '$s' (want COLSxROWS)"; done
for t in $THEMES; do [ "$t" = dark ] || [ "$t" = light ] || die "bad theme '$t'"; done
case $TERMINAL in
    xterm) TERMINAL_BIN=xterm ;;
    urxvt) TERMINAL_BIN=urxvt ;;
    st) TERMINAL_BIN=st ;;
    lxterminal) TERMINAL_BIN=lxterminal ;;
    kitty) TERMINAL_BIN=kitty ;;
    alacritty) TERMINAL_BIN=alacritty ;;
    *) die "unknown terminal '$TERMINAL' (xterm, urxvt, st, lxterminal, kitty, alacritty)" ;;
esac

# ImageMagick's real `import`, by full path: some machines put stand-ins first on PATH.
IMPORT=/usr/bin/import
for t in Xvfb "$TERMINAL_BIN" xdotool xwininfo zbarimg timeout; do
    command -v "$t" >/dev/null 2>&1 || die "missing '$t' (see the apt-get line in --help)"
done
[ -x "$IMPORT" ] || die "ImageMagick 'import' missing (apt-get install imagemagick)"
if command -v fc-list >/dev/null && ! fc-list : family | grep -qiF "$FONT"; then
    die "font '$FONT' is not installed (fc-list does not know it); the terminal would fall back to another"
fi
PYTHON=
if [ "$PIXEL_CHECK" = 1 ]; then
    # Debian's python3-pil belongs to /usr/bin/python3; a python3 earlier on PATH may lack it.
    for py in /usr/bin/python3 python3; do
        if "$py" -c 'import PIL' >/dev/null 2>&1; then PYTHON=$py; break; fi
    done
    [ -n "$PYTHON" ] || die "--pixel-check needs Pillow (apt-get install python3-pil)"
fi

if [ -z "$OUT" ]; then OUT=$(mktemp -d -t term-qr-scan.XXXXXX) || die "mktemp failed"; fi
mkdir -p "$OUT" || die "cannot create '$OUT'"
OUT=$(cd "$OUT" && pwd)

# ------------------------------------------------------------ process care
# Everything started here is stopped by PID: the terminal's descendants, the terminal, Xvfb.
XVFB_PID= TERM_PID=
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
stop_terminal() {
    local kids p
    [ -n "$TERM_PID" ] || return 0
    kids=$(descendants "$TERM_PID")
    stop_pid "$TERM_PID"
    for p in $kids; do stop_pid "$p"; done
    wait "$TERM_PID" 2>/dev/null
    TERM_PID=
}
cleanup() {
    trap - EXIT INT TERM HUP
    stop_terminal
    stop_pid "$XVFB_PID"
    wait 2>/dev/null
    rm -f "$OUT/.displayfd"
}
trap cleanup EXIT
trap 'log interrupted; exit 2' INT TERM HUP

# ---------------------------------------------------------------- X server
# Big enough for the largest size: a cell is at most about 1 x 2 points at 96 dpi.
SW=640 SH=480
for s in $SIZES; do
    c=${s%x*} r=${s#*x}
    [ $((c * FONTSIZE + 64)) -gt $SW ] && SW=$((c * FONTSIZE + 64))
    [ $((r * FONTSIZE * 2 + 64)) -gt $SH ] && SH=$((r * FONTSIZE * 2 + 64))
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
# GL terminals (kitty, alacritty) render with Mesa's software rasteriser on Xvfb.
export LIBGL_ALWAYS_SOFTWARE=1
log "Xvfb on $DISPLAY (${SW}x${SH}); $TERMINAL, $FONT $FONTSIZE pt; screenshots in $OUT"

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

# write_wrapper FILE THEME COLSxROWS CMD...: the script the terminal runs. It keeps a
# record of the terminal's size (every 0.2 s: some terminals start the command before
# they take their final size), sets the theme's colours where the terminal has no
# option for them (st), and runs COMMAND with the caller's XDG_CONFIG_HOME.
write_wrapper() {
    local file=$1 theme=$2 size=$3 fgbg
    shift 3
    {
        echo '#!/bin/sh'
        printf 'f=%q\n' "$OUT/tty-$theme-$size.txt"
        echo 'while stty size </dev/tty >"$f.new" 2>/dev/null && mv -f "$f.new" "$f"; do sleep 0.2; done &' 
        if [ "$TERMINAL" = st ]; then
            case $theme in
                dark) fgbg='\033]10;rgb:ff/ff/ff\007\033]11;rgb:00/00/00\007' ;;
                light) fgbg='\033]10;rgb:00/00/00\007\033]11;rgb:ff/ff/ff\007' ;;
            esac
            printf "printf '%s'\n" "$fgbg"
        fi
        if [ -n "${XDG_CONFIG_HOME+set}" ]; then
            printf 'export XDG_CONFIG_HOME=%q\n' "$XDG_CONFIG_HOME"
        else
            echo 'unset XDG_CONFIG_HOME'
        fi
        printf 'exec'
        printf ' %q' "$@"
        echo
    } >"$file"
    chmod +x "$file"
}

# start_terminal THEME COLSxROWS WRAPPER LOG: starts the terminal, sets TERM_PID (each
# branch execs, so the background job's PID is the terminal's own).
start_terminal() {
    local theme=$1 size=$2 wrapper=$3 logfile=$4 fg bg cols=${2%x*} rows=${2#*x} conf
    case $theme in dark) fg=white bg=black ;; light) fg=black bg=white ;; esac
    local hex_fg hex_bg
    case $theme in dark) hex_fg='#ffffff' hex_bg='#000000' ;; light) hex_fg='#000000' hex_bg='#ffffff' ;; esac
    case $TERMINAL in
        xterm)
            exec xterm -fa "$FONT" -fs "$FONTSIZE" -geometry "${size}+0+0" -fg "$fg" -bg "$bg" \
                -u8 +sb -T "$PROG" -xrm 'XTerm*allowTitleOps: false' -e "$wrapper" ;;
        urxvt)
            exec urxvt -fn "xft:$FONT:size=$FONTSIZE" -geometry "${size}+0+0" -fg "$fg" -bg "$bg" \
                +sb -T "$PROG" -e "$wrapper" ;;
        st)
            exec st -f "$FONT:size=$FONTSIZE" -g "${size}+0+0" -t "$PROG" -e "$wrapper" ;;
        lxterminal)
            # Font and colours only come from its config file: give it a private one.
            conf="$OUT/lxterminal-$theme"
            mkdir -p "$conf/lxterminal"
            printf '%s\n' '[general]' "fontname=$FONT $FONTSIZE" \
                "fgcolor=$hex_fg" "bgcolor=$hex_bg" hidescrollbar=true hidemenubar=true \
                cursorblinks=false '[shortcut]' >"$conf/lxterminal/lxterminal.conf"
            XDG_CONFIG_HOME=$conf exec lxterminal --no-remote --geometry="$size" -t "$PROG" -e "$wrapper" ;;
        kitty)
            exec kitty --config NONE -o "font_family=$FONT" -o "font_size=$FONTSIZE" \
                -o remember_window_size=no -o "initial_window_width=${cols}c" \
                -o "initial_window_height=${rows}c" -o window_padding_width=0 \
                -o "foreground=$hex_fg" -o "background=$hex_bg" -o linux_display_server=x11 \
                -o update_check_interval=0 -T "$PROG" "$wrapper" ;;
        alacritty)
            exec alacritty --config-file /dev/null -o "font.normal.family=\"$FONT\"" \
                -o "font.size=$FONTSIZE" -o "window.dimensions.columns=$cols" \
                -o "window.dimensions.lines=$rows" -o "colors.primary.foreground=\"$hex_fg\"" \
                -o "colors.primary.background=\"$hex_bg\"" -t "$PROG" -e "$wrapper" ;;
    esac >"$logfile" 2>&1 </dev/null &
    TERM_PID=$!
}

# find_window: the terminal's mapped window (some terminals also own hidden ones).
find_window() {
    local w
    for w in $(timeout 5 xdotool search --pid "$TERM_PID" 2>/dev/null); do
        if timeout 5 xwininfo -id "$w" 2>/dev/null | grep -q IsViewable; then
            echo "$w"
            return 0
        fi
    done
    return 1
}

# run_one THEME COLSxROWS -> 0 passed, 1 not, 2 harness error, 3 the terminal gave the
# command another size (a failure even with --expect-fail); sets DECODE PIXEL TTY
run_one() {
    local theme=$1 size=$2 wid png got try wrapper tlog
    shift 2
    png="$OUT/$theme-$size.png" wrapper="$OUT/run-$theme-$size.sh" tlog="$OUT/$TERMINAL-$theme-$size.log"
    DECODE=- PIXEL=- TTY=-
    rm -f "$png" "$OUT/tty-$theme-$size.txt"
    write_wrapper "$wrapper" "$theme" "$size" "$@"
    start_terminal "$theme" "$size" "$wrapper" "$tlog"
    wid=
    for _ in $(seq 150); do
        alive "$TERM_PID" || break
        wid=$(find_window) && break
        wid=
        sleep 0.1
    done
    if [ -z "$wid" ]; then
        cat "$tlog" >&2
        log "$theme $size: $TERMINAL window did not appear (did COMMAND exit at once?)"
        stop_terminal
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
        if ! alive "$TERM_PID"; then
            log "$theme $size: COMMAND exited before the screenshot (keep it running, e.g. '; sleep 30')"
            stop_terminal
            return 2
        fi
        timeout 15 "$IMPORT" -silent -window "$wid" "$png" 2>>"$OUT/import.log" || {
            log "$theme $size: screenshot failed"; stop_terminal; return 2; }
        # zbarimg: 0 = found, 4 = none. The image as is: no negation, no -Stest-inverted.
        got=$(timeout 20 zbarimg --nodbus -q --raw -Sdisable -Sqrcode.enable "$png" 2>/dev/null)
        [ "$got" = "$EXPECT" ] && break
        [ "$try" -lt "$TRIES" ] && sleep 0.5
    done
    # The size the terminal had at the screenshot (the sampler's last record).
    TTY=$(awk 'NF == 2 { print $2 "x" $1 }' "$OUT/tty-$theme-$size.txt" 2>/dev/null)
    [ -n "$TTY" ] || TTY=unknown
    stop_terminal
    echo "$got" >"$OUT/$theme-$size.txt"
    if [ "$got" = "$EXPECT" ]; then DECODE=decoded; else DECODE=no; fi
    if [ "$TTY" != "$size" ]; then
        log "$theme $size: the command got a ${TTY} terminal, not $size ($png)"
        return 3
    fi
    local verdict=0
    if [ "$got" = "$EXPECT" ]; then
        log "$theme $size: decoded '$got' ($png)"
    else
        log "$theme $size: did not decode '$EXPECT' (got: '${got//$'\n'/ | }') ($png)"
        verdict=1
    fi
    if [ "$PIXEL_CHECK" = 1 ]; then
        local report
        report=$(timeout 120 "$PYTHON" "$HERE/qr-pixel-check.py" \
            --marked "$OUT/$theme-$size-marked.png" "$png" 2>&1)
        case $? in
            0) PIXEL=${report#pixel-check: } ;;
            1) PIXEL=${report#pixel-check: }; verdict=1 ;;
            *) log "$theme $size: pixel check error: $report"; return 2 ;;
        esac
        log "$theme $size: $report"
    fi
    return $verdict
}

PASSED=0 FAILED=0
for theme in $THEMES; do
    for size in $SIZES; do
        run_one "$theme" "$size" "$@"
        rc=$?
        [ $rc = 2 ] && exit 2
        if { [ $rc = 0 ] && [ $EXPECT_FAIL = 0 ]; } || { [ $rc = 1 ] && [ $EXPECT_FAIL = 1 ]; }; then
            verdict=ok
            PASSED=$((PASSED + 1))
        else
            verdict=FAIL
            FAILED=$((FAILED + 1))
        fi
        printf '%-5s %s %s\n' "$verdict" "$theme" "$size"
        if [ -n "$RESULTS" ]; then
            printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$TERMINAL" "$FONT" "$FONTSIZE" "$theme" \
                "$size" "$DECODE" "$PIXEL" "$verdict" >>"$RESULTS"
        fi
    done
done
echo "$PROG: $PASSED passed, $FAILED failed$([ $EXPECT_FAIL = 1 ] && echo ' (expecting failures)')"
[ $FAILED = 0 ]
