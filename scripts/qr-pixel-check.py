#!/usr/bin/env python3
"""qr-pixel-check.py: are a terminal screenshot's QR modules each one colour?

usage: qr-pixel-check.py [--max-seam PX] [--max-dark-speck PX] [--marked OUT.png] IMAGE

Finds the QR code in a screenshot by its three finder patterns (nothing about the
program that drew it is assumed), fits the module grid to the finder patterns'
edges, reads each module's colour at its centre, and checks that the reading is a
QR code (finder and timing patterns where they belong). Then every pixel of the
code and of a one-module ring of quiet zone around it is compared with the colour
of the module it lies in. Wrong pixels are what a seam, a short glyph or a gap
between cells leaves. The seam width is the side of the largest square made only
of wrong pixels; the check fails when it is more than --max-seam pixels (default 1:
an edge moved by one pixel, or one antialiased row, is tolerated; a seam two pixels
thick is not).

Wrong pixels are also sorted: one within 1.5 px of a module of the colour it shows is
an edge that moved; any other is a crack: a dark speck in light modules or a light
crack through dark ones. The kiosk's drawing lets a short glyph leave only light
cracks (a dark speck can join an alignment pattern's centre to its ring), so the
check also fails when there are more than --max-dark-speck dark speck pixels
(default 0). Light cracks are counted, not limited: the seam width limits them.

Pixels are dark when their luma is below 128, the way a decoder's binariser would
see them; the image is used as is (never inverted).

Prints one line: `pixel-check: ok|FAIL modules=N grid=W.WxH.H seam_px=S edge_px=E
dark_speck_px=D light_crack_px=L modules_touched=T/M` and exits 0 (ok), 1 (a seam too
wide, a dark speck, or no code found), 2 (bad usage or unreadable image). --marked writes a copy with wrong pixels in red.

Needs Pillow (Debian: python3-pil).
"""

import argparse
import sys

try:
    from PIL import Image
except ImportError:  # pragma: no cover - depends on the machine
    print("pixel-check: error: Pillow missing (apt-get install python3-pil)", file=sys.stderr)
    sys.exit(2)

DARK_BELOW = 128


def runs(line):
    """(value, start, length) for each run of equal values in a sequence."""
    out = []
    start = 0
    for i in range(1, len(line) + 1):
        if i == len(line) or line[i] != line[start]:
            out.append((line[start], start, i - start))
            start = i
    return out


def finder_runs(line):
    """Runs dark-light-dark-light-dark in ratio 1:1:3:1:1: (start, end, unit, edges)."""
    found = []
    rs = runs(line)
    for k in range(len(rs) - 4):
        if not rs[k][0]:
            continue
        widths = [r[2] for r in rs[k : k + 5]]
        unit = sum(widths) / 7.0
        if unit < 2:
            continue
        want = (1, 1, 3, 1, 1)
        if all(abs(w - m * unit) <= 0.5 * unit + 1 for w, m in zip(widths, want)):
            edges = [rs[k + i][1] for i in range(5)] + [rs[k + 4][1] + rs[k + 4][2]]
            found.append((edges[0], edges[-1], unit, edges))
    return found


def _close_gaps(line):
    out = list(line)
    for i in range(1, len(line) - 1):
        if line[i - 1] == line[i + 1] != line[i]:
            out[i] = line[i - 1]
    return out


class Bitmap:
    def __init__(self, image):
        grey = image.convert("L")
        self.w, self.h = grey.size
        data = grey.tobytes()
        self.rows = [
            [v < DARK_BELOW for v in data[y * self.w : (y + 1) * self.w]] for y in range(self.h)
        ]

    def column(self, x):
        return [row[x] for row in self.rows]

    def despeckled(self):
        """A copy with every one-pixel run between two runs of the other colour
        flipped, rows then columns: finding the finder patterns and reading module
        centres must not depend on the thin seams the check is there to measure."""
        copy = Bitmap.__new__(Bitmap)
        copy.w, copy.h = self.w, self.h
        copy.rows = [_close_gaps(row) for row in self.rows]
        cols = [_close_gaps([row[x] for row in copy.rows]) for x in range(self.w)]
        copy.rows = [[cols[x][y] for x in range(self.w)] for y in range(self.h)]
        return copy

    def dark(self, x, y):
        return 0 <= x < self.w and 0 <= y < self.h and self.rows[y][x]


def find_finders(bm):
    """Finder patterns: horizontal 1:1:3:1:1 bands confirmed by a vertical scan."""
    bands = []  # [x0, x1, y_first, y_last, unit, [edges...]]
    for y in range(bm.h):
        for x0, x1, unit, edges in finder_runs(bm.rows[y]):
            for band in bands:
                if abs(band[0] - x0) <= 2 and abs(band[1] - x1) <= 2 and y - band[3] <= 2:
                    band[3] = y
                    band[5].append(edges)
                    break
            else:
                bands.append([x0, x1, y, y, unit, [edges]])
    finders = []
    for x0, x1, y_first, y_last, unit, hedges in bands:
        # The centre square is three modules tall; a band much thinner is text.
        if y_last - y_first + 1 < 1.5 * unit * 0.5:
            continue
        cx = (x0 + x1) // 2
        cy = (y_first + y_last) // 2
        col = bm.column(cx)
        for y0, y1, vunit, vedges in finder_runs(col):
            if y0 <= cy < y1 and y0 <= y_first and y_last < y1:
                mid = hedges[len(hedges) // 2]
                finders.append(
                    {"x0": x0, "x1": x1, "y0": y0, "y1": y1, "hedges": mid, "vedges": vedges}
                )
                break
    return finders


def pick_three(finders):
    """Top-left, top-right and bottom-left finders of the largest code."""
    best = None
    for tl in finders:
        size = tl["x1"] - tl["x0"]
        for tr in finders:
            if tr is tl or tr["x0"] <= tl["x1"] or abs(tr["y0"] - tl["y0"]) > size / 7:
                continue
            for bl in finders:
                if bl is tl or bl is tr or bl["y0"] <= tl["y1"] or abs(bl["x0"] - tl["x0"]) > size / 7:
                    continue
                span = tr["x1"] - tl["x0"]
                if best is None or span > best[0]:
                    best = (span, tl, tr, bl)
    return None if best is None else best[1:]


def fit(points):
    """Least squares: position = origin + index * step."""
    n = len(points)
    sk = sum(k for k, _ in points)
    sp = sum(p for _, p in points)
    skk = sum(k * k for k, _ in points)
    skp = sum(k * p for k, p in points)
    step = (n * skp - sk * sp) / (n * skk - sk * sk)
    return (sp - step * sk) / n, step


FINDER_EDGE_MODULES = (0, 1, 2, 5, 6, 7)


def grid(tl, tr, bl):
    """(x origin, module width, y origin, module height, modules per side)."""
    unit_w = (tl["x1"] - tl["x0"]) / 7.0
    n_est = (tr["x1"] - tl["x0"]) / unit_w
    # QR sizes are 21, 25, 29, ... (17 + 4 * version).
    n = min(range(21, 178, 4), key=lambda s: abs(s - n_est))
    hpoints = [(k, e) for k, e in zip(FINDER_EDGE_MODULES, tl["hedges"])]
    hpoints += [(n - 7 + k, e) for k, e in zip(FINDER_EDGE_MODULES, tr["hedges"])]
    vpoints = [(k, e) for k, e in zip(FINDER_EDGE_MODULES, tl["vedges"])]
    vpoints += [(n - 7 + k, e) for k, e in zip(FINDER_EDGE_MODULES, bl["vedges"])]
    x0, mw = fit(hpoints)
    y0, mh = fit(vpoints)
    return x0, mw, y0, mh, n


def module_matrix(bm, x0, mw, y0, mh, n):
    """Each module's colour: the majority of the 3x3 pixels at its centre."""
    m = []
    for j in range(n):
        row = []
        cy = int(y0 + (j + 0.5) * mh)
        for i in range(n):
            cx = int(x0 + (i + 0.5) * mw)
            votes = sum(bm.dark(cx + dx, cy + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1))
            row.append(votes >= 5)
        m.append(row)
    return m


def structure_errors(m, n):
    """Modules that contradict the finder, separator and timing patterns."""
    errors = 0
    for ox, oy in ((0, 0), (n - 7, 0), (0, n - 7)):
        for j in range(-1, 8):
            for i in range(-1, 8):
                x, y = ox + i, oy + j
                if not (0 <= x < n and 0 <= y < n):
                    continue
                ring = max(abs(i - 3), abs(j - 3))
                want = ring in (0, 1, 3) if ring <= 3 else False
                errors += m[y][x] != want
    for k in range(8, n - 8):
        errors += m[6][k] != (k % 2 == 0)
        errors += m[k][6] != (k % 2 == 0)
    return errors


def check(bm, x0, mw, y0, mh, n, m):
    """Wrong pixels in the code and a one-module ring of quiet zone around it.

    Returns (seam width, where, edge pixels, crack pixels, modules touched, box,
    wrong-pixel rows). A wrong pixel within 1.5 px of a module of its own colour
    is an edge that moved ("edge"); any other is a crack inside a module or between
    two modules of one colour ("crack")."""

    def expected(i, j):
        return 0 <= i < n and 0 <= j < n and m[j][i]

    left = max(0, int(round(x0 - mw)))
    right = min(bm.w, int(round(x0 + (n + 1) * mw)))
    top = max(0, int(round(y0 - mh)))
    bottom = min(bm.h, int(round(y0 + (n + 1) * mh)))
    xs = range(left, right)
    cols = [int((x + 0.5 - x0) // mw) for x in xs]
    wrong = []
    touched = set()
    edges = 0
    cracks = {True: 0, False: 0}  # by the colour seen: dark specks, light cracks
    for y in range(top, bottom):
        j = int((y + 0.5 - y0) // mh)
        row = bm.rows[y]
        line = [row[x] != expected(i, j) for x, i in zip(xs, cols)]
        for x, i, bad in zip(xs, cols, line):
            if not bad:
                continue
            touched.add((i, j))
            seen = not expected(i, j)
            fx = x + 0.5 - (x0 + i * mw)
            fy = y + 0.5 - (y0 + j * mh)
            near = [
                (i - 1, j, fx <= 1.5),
                (i + 1, j, mw - fx <= 1.5),
                (i, j - 1, fy <= 1.5),
                (i, j + 1, mh - fy <= 1.5),
            ]
            if any(close and expected(a, b) == seen for a, b, close in near):
                edges += 1
            else:
                cracks[seen] += 1
        wrong.append(line)
    # The seam width: the side of the largest square made only of wrong pixels
    # (dynamic programming over bottom-right corners). A one-pixel line of any
    # length, or an L of two such lines, is 1; a seam two pixels thick is 2.
    thickest, where = 0, None
    above = [0] * (right - left + 1)
    for y, line in enumerate(wrong):
        here = [0] * (right - left + 1)
        for x, bad in enumerate(line):
            if bad:
                here[x + 1] = 1 + min(here[x], above[x], above[x + 1])
                if here[x + 1] > thickest:
                    thickest, where = here[x + 1], (left + x, top + y)
        above = here
    return thickest, where, edges, cracks, touched, (left, top, right, bottom), wrong


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("image")
    ap.add_argument("--max-seam", type=int, default=1)
    ap.add_argument("--max-dark-speck", type=int, default=0)
    ap.add_argument("--marked")
    args = ap.parse_args()
    try:
        image = Image.open(args.image)
        image.load()
    except OSError as e:
        print(f"pixel-check: error: cannot read {args.image}: {e}", file=sys.stderr)
        return 2
    bm = Bitmap(image)
    clean = bm.despeckled()
    three = pick_three(find_finders(clean))
    if three is None:
        print(f"pixel-check: FAIL no QR finder patterns found in {args.image}")
        return 1
    x0, mw, y0, mh, n = grid(*three)
    m = module_matrix(clean, x0, mw, y0, mh, n)
    bad = structure_errors(m, n)
    if bad:
        print(
            f"pixel-check: FAIL modules={n} grid={mw:.1f}x{mh:.1f} at ({x0:.1f},{y0:.1f}): "
            f"{bad} modules contradict the finder/timing patterns (grid not found)"
        )
        return 1
    thickest, where, edges, cracks, touched, box, wrong = check(bm, x0, mw, y0, mh, n, m)
    dark_cracks, light_cracks = cracks[True], cracks[False]
    if args.marked:
        marked = image.convert("RGB")
        left, top, _, _ = box
        for dy, line in enumerate(wrong):
            for dx, w in enumerate(line):
                if w:
                    marked.putpixel((left + dx, top + dy), (255, 0, 0))
        marked.save(args.marked)
    ok = thickest <= args.max_seam and dark_cracks <= args.max_dark_speck
    total = (n + 2) * (n + 2)
    at = f" at pixel {where[0]},{where[1]}" if where and not ok else ""
    print(
        f"pixel-check: {'ok' if ok else 'FAIL'} modules={n} grid={mw:.1f}x{mh:.1f} "
        f"seam_px={thickest}{at} edge_px={edges} dark_speck_px={dark_cracks} "
        f"light_crack_px={light_cracks} "
        f"modules_touched={len(touched)}/{total}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
