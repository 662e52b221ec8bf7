#!/usr/bin/env python3
"""qr-redraw.py: redraw `roc-kiosk qr` output with one glyph rule, for the scan
matrix's negative controls.

usage: roc-kiosk qr | qr-redraw.py --glyphs dark|light

Reads the ANSI text `roc-kiosk qr` prints on stdin and writes it back with every
half-block cell drawn with the same half as its glyph, whatever the kiosk chose:
  dark   the dark half is the glyph, on light (how the kiosk drew codes before
         issue 10): a glyph a pixel short opens a light seam between dark modules;
         in xterm with DejaVu Sans Mono 14 pt the code must fail to scan.
  light  the light half is the glyph, on dark: a short glyph leaves dark specks
         in light modules, which the pixel check must refuse.

Only the SGR colour forms the kiosk prints are understood: 38;5;N / 48;5;N,
38;2;R;G;B / 48;2;R;G;B, and 0 (reset).
"""

import argparse
import re
import sys

SGR = re.compile(r"\x1b\[([0-9;]*)m")
LIGHT = {"5;231", "2;255;255;255"}


def cells(text):
    """(fg, bg, char) for each character, fg/bg as the kiosk wrote them."""
    fg = bg = None
    pos = 0
    for m in SGR.finditer(text):
        for ch in text[pos : m.start()]:
            yield fg, bg, ch
        params = m.group(1).split(";")
        i = 0
        while i < len(params):
            p = params[i]
            if p in ("38", "48"):
                n = 3 if params[i + 1] == "5" else 5
                value = ";".join(params[i + 1 : i + n])
                if p == "38":
                    fg = value
                else:
                    bg = value
                i += n
            else:
                if p in ("0", ""):
                    fg = bg = None
                i += 1
        pos = m.end()
    for ch in text[pos:]:
        yield fg, bg, ch


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--glyphs", choices=("dark", "light"), required=True)
    want_light_glyph = ap.parse_args().glyphs == "light"
    out = []
    for fg, bg, ch in cells(sys.stdin.read()):
        if ch in "▀▄" and (fg in LIGHT) != want_light_glyph:
            # Draw the other half as the glyph, in the other colour.
            ch = "▄" if ch == "▀" else "▀"
            fg, bg = bg, fg
        if ch == "\n" or fg is None:
            out.append("\x1b[0m" + ch)
        else:
            out.append(f"\x1b[38;{fg};48;{bg}m{ch}")
    sys.stdout.write("".join(out) + "\x1b[0m")
    return 0


if __name__ == "__main__":
    sys.exit(main())
