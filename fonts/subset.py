"""Make the embedded TW-Kai subset (run by fonts/build.sh with Debian's python3-fonttools).

usage: subset.py SOURCE.ttf EXTRA-CHARS.txt OUTPUT.ttf [TOLERANCE [GRID [SCOPE [CACHE.ttf]]]]

SCOPE chooses the character set:
  bmp  (the default) every character of the Basic Multilingual Plane
       (U+0000-U+FFFF) the source font maps, except the Private Use Area:
       CJK Unified Ideographs, Extension A, compatibility ideographs,
       symbols and the other scripts TW-Kai draws;
  big5 the set described below (the embedded subset until December 2026);
  extra ASCII and EXTRA-CHARS.txt only: a quick build, to check that the
       script is deterministic.
Every scope includes the characters of EXTRA-CHARS.txt, and the script stops
if the source font lacks one of them.

The big5 set is the union of:
  * ASCII and Latin-1 (U+0020-U+007E, U+00A0-U+00FF);
  * every character the Python codecs 'big5' and 'cp950' decode from a
    two-byte code (lead 0x81-0xFE, trail 0x40-0x7E / 0xA1-0xFE): the Big5
    symbols, levels 1 and 2, and the CP950 additions such as the ETEN box
    drawing characters and the euro sign;
  * whole symbol blocks (CJK punctuation, fullwidth forms, enclosed
    numbers, check marks and boxes, ...), listed in BLOCKS below;
  * the characters of EXTRA-CHARS.txt (first field of each non-comment line).
Only characters the source font maps are kept; the rest are reported.

The outlines are then made lighter (see simplify_font): points TrueType
implies or that lie on a straight line are dropped, and every contour is
redrawn with as few quadratic curves as keep it within TOLERANCE font units
(default 4, of 1024 to the em) of the source outline, and its points are
moved to the nearest multiple of GRID units (default 4; see snap_contour).
TOLERANCE 0 keeps the outlines exact (no grid either) and only drops the
redundant points.
The output is deterministic: building twice gives the same bytes.

CACHE.ttf, when given, is a subset an earlier run made from the same
source font with the same tolerance and grid: the outlines of the characters it
has are taken from it instead of being simplified again, which gives the
same bytes in a fraction of the time (build.sh passes the current
TW-Kai-subset.ttf when CACHE=1).
"""

import math
import multiprocessing
import sys

import numpy as np  # element-wise arithmetic and sums only: the same bits every run
from fontTools import subset
from fontTools.misc.roundTools import otRound
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import GlyphCoordinates

# Blocks taken whole (each character only if the source font has it).
BLOCKS = [
    (0x2000, 0x206F),  # General Punctuation
    (0x2100, 0x214F),  # Letterlike Symbols (℃ №)
    (0x2150, 0x218F),  # Number Forms (Ⅰ Ⅱ ⅰ)
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical Operators (√)
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (① ⑴ ⒈)
    (0x2500, 0x257F),  # Box Drawing
    (0x2580, 0x259F),  # Block Elements
    (0x25A0, 0x25FF),  # Geometric Shapes (○ ● □ ■)
    (0x2600, 0x26FF),  # Miscellaneous Symbols (☐ ☑ ☒ ★)
    (0x2700, 0x27BF),  # Dingbats (✓ ✔ ✗)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3100, 0x312F),  # Bopomofo
    (0x31A0, 0x31BF),  # Bopomofo Extended
    (0x3200, 0x32FF),  # Enclosed CJK Letters and Months (㈠ ㊣)
    (0x3300, 0x33FF),  # CJK Compatibility (㎝ ㎏)
    (0xFE10, 0xFE1F),  # Vertical Forms
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms
    (0xFE50, 0xFE6F),  # Small Form Variants
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]

# Outline simplification (see simplify_font).
TOLERANCE = 4.0  # largest distance from the source outline, in font units
GRID = 4  # then every coordinate is rounded to a multiple of this
CORNER_COS = math.cos(math.radians(45))  # a sharper turn is a corner, kept
SAMPLE_STEP = 2.0  # font units between the points the fit is checked at
MARGIN = 0.05  # kept from the tolerance for the outline between those points
CURVE_SAMPLES = 4  # at least this many points checked on each source curve
ITERATIONS = 10  # fit/reparameterize rounds per attempt


def big5_chars():
    """Every character a two-byte Big5 or CP950 code decodes to."""
    trails = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    chars = set()
    for codec in ("big5", "cp950"):
        for lead in range(0x81, 0xFF):
            for trail in trails:
                try:
                    s = bytes([lead, trail]).decode(codec)
                except UnicodeDecodeError:
                    continue
                if len(s) == 1:
                    chars.add(ord(s))
    return chars


def extra_chars(path):
    """The first character of every non-comment line of path."""
    chars = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                chars.add(ord(line[0]))
    return chars


# ------------------------------------------------------------------ contours
#
# A contour is a cyclic list of points (x, y, on). For fitting it is read as
# nodes (its on-curve points, with the ones TrueType implies between two
# off-curve points made explicit) joined by segments, each a line or a
# quadratic curve with one control point.


def contour_nodes(points):
    """The nodes and segment controls of a contour.

    nodes[i] is (x, y, explicit): explicit is False for an on-curve point
    TrueType implies (the midpoint of two off-curve points, coordinates
    possibly halves). ctrls[i] is the control point of the segment from
    nodes[i] to nodes[i+1] (the last one closes the contour), or None for
    a line. Repeated points and controls lying on an end of their segment
    (which draw a straight line) are left out.
    """
    pts = []
    for p in points:
        if pts and p[:2] == pts[-1][:2] and (p[2] or not pts[-1][2]):
            continue
        pts.append(p)
    while len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    n = len(pts)
    pts = [p for i, p in enumerate(pts)
           if p[2] or not any(q[2] and q[:2] == p[:2] for q in (pts[i - 1], pts[(i + 1) % n]))]
    if not pts:
        return [], []
    start = next((i for i, p in enumerate(pts) if p[2]), None)
    if start is None:  # off-curve points only: start at an implied node
        a, b = pts[-1], pts[0]
        pts = [((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, 2)] + pts
        start = 0
    pts = pts[start:] + pts[:start]
    nodes, ctrls, ctrl = [(pts[0][0], pts[0][1], pts[0][2] == 1)], [], None
    for p in pts[1:] + pts[:1]:
        if p[2]:
            ctrls.append(ctrl)
            nodes.append((p[0], p[1], p[2] == 1))
            ctrl = None
            continue
        if ctrl is not None:
            ctrls.append(ctrl)
            nodes.append(((ctrl[0] + p[0]) / 2, (ctrl[1] + p[1]) / 2, False))
        ctrl = p[:2]
    nodes.pop()  # the first node, reached again
    return nodes, ctrls


def is_corner(nodes, ctrls, i):
    """Whether the outline turns by more than 45 degrees at nodes[i]."""
    x, y = nodes[i][:2]
    a = ctrls[i - 1] or nodes[i - 1]
    b = ctrls[i] or nodes[(i + 1) % len(nodes)]
    ix, iy, ox, oy = x - a[0], y - a[1], b[0] - x, b[1] - y
    norm = math.sqrt((ix * ix + iy * iy) * (ox * ox + oy * oy))
    return norm == 0 or (ix * ox + iy * oy) < CORNER_COS * norm


def contour_area(pts):
    """The signed area a contour of integer points encloses."""
    nodes, ctrls = contour_nodes(pts)
    area = 0.0
    for i, (x0, y0, _) in enumerate(nodes):
        x1, y1 = nodes[(i + 1) % len(nodes)][:2]
        area += (x0 * y1 - x1 * y0) / 2
        c = ctrls[i]
        if c is not None:  # a parabola adds 2/3 of its control triangle
            area += ((c[0] - x0) * (y1 - y0) - (c[1] - y0) * (x1 - x0)) / 3
    return area


def drop_redundant(pts):
    """The contour without the points that draw nothing: on-curve points
    exactly halfway between two off-curve points (TrueType implies them)
    and on-curve points on the straight line between their on-curve
    neighbours. The outline is unchanged."""
    while len(pts) > 3:
        n = len(pts)
        keep = [True] * n
        for i, (x, y, on) in enumerate(pts):
            a, b = pts[i - 1], pts[(i + 1) % n]
            if not on or not keep[i - 1]:
                continue
            if not a[2] and not b[2]:
                keep[i] = a[0] + b[0] != 2 * x or a[1] + b[1] != 2 * y
                continue
            if a[2] and b[2]:
                cross = (x - a[0]) * (b[1] - y) - (y - a[1]) * (b[0] - x)
                dot = (x - a[0]) * (b[0] - x) + (y - a[1]) * (b[1] - y)
                keep[i] = cross != 0 or dot <= 0
        if all(keep):
            break
        pts = [p for p, k in zip(pts, keep) if k]
    return pts


def source_points(nodes, ctrls, a, b):
    """The points of the contour after node a up to node b (indexes
    wrap), without the implied ones."""
    out = []
    for i in range(a, b):
        i %= len(nodes)
        j = (i + 1) % len(nodes)
        if ctrls[i] is not None:
            out.append((ctrls[i][0], ctrls[i][1], False))
        if nodes[j][2]:
            out.append((nodes[j][0], nodes[j][1], True))
    return out


# ------------------------------------------------------------------ fitting
#
# A stretch of outline is checked at sample points about SAMPLE_STEP apart.
# A quadratic spline ("chain": on-curve end, n off-curve points, on-curve
# end, with implied on-curve points between) is fitted to them by least
# squares for given curve parameters u, which are then moved to the nearest
# point of the curve (a Newton step), and again. The distance of each sample
# to the curve at its parameter bounds its distance to the curve, so a fit
# whose largest such distance, with the control points rounded, is within
# the tolerance is accepted.


class Stretch:
    """Sample points z (complex: x + iy) of the outline from node p0 to
    node p3 (complex too)."""

    def __init__(self, z, p0, p3):
        self.z, self.p0, self.p3 = z, p0, p3

    def chord_params(self):
        d = np.diff(self.z)
        u = np.concatenate(([0.0], np.cumsum(np.sqrt(d.real * d.real + d.imag * d.imag))))
        return u / u[-1]

    def line_error(self):
        """The largest distance of the samples to the straight line p0-p3,
        or inf when they leave the span between its ends."""
        v = self.p3 - self.p0
        length2 = v.real * v.real + v.imag * v.imag
        if length2 == 0:
            return math.inf
        r = (self.z - self.p0) * v.conjugate()  # along + i * across, times |v|
        along = r.real / length2
        if float(np.min(along)) < -1e-9 or float(np.max(along)) > 1 + 1e-9:
            return math.inf
        return float(np.max(np.abs(r.imag))) / math.sqrt(length2)


def sample_segment(p0, c, p1, out):
    """Append points of a segment about SAMPLE_STEP apart, without p0."""
    if c is None:
        length = math.sqrt((p1[0] - p0[0]) ** 2 + (p1[1] - p0[1]) ** 2)
    else:
        length = (math.sqrt((c[0] - p0[0]) ** 2 + (c[1] - p0[1]) ** 2)
                  + math.sqrt((p1[0] - c[0]) ** 2 + (p1[1] - c[1]) ** 2))
    k = max(2 if c is None else CURVE_SAMPLES, int(math.ceil(length / SAMPLE_STEP)))
    for j in range(1, k + 1):
        t = j / k
        if c is None:
            out.append((p0[0] + (p1[0] - p0[0]) * t, p0[1] + (p1[1] - p0[1]) * t))
        else:
            s = 1 - t
            out.append((s * s * p0[0] + 2 * s * t * c[0] + t * t * p1[0],
                        s * s * p0[1] + 2 * s * t * c[1] + t * t * p1[1]))


def fit_quad(st, u):
    """The least-squares control point of one quadratic from st.p0 to
    st.p3, or None."""
    s = 1 - u
    w = 2 * s * u
    den = float(np.sum(w * w))
    if den <= 1e-12:
        return None
    c = complex(np.sum(w * (st.z - (s * s) * st.p0 - (u * u) * st.p3))) / den
    return c.real, c.imag


def fit_chain(st, u, n):
    """The least-squares off-curve points of an n-segment chain from st.p0
    to st.p3, segment i drawing parameters [i/n, (i+1)/n]; None if the
    samples do not determine them."""
    last = n - 1
    un = u * n
    i = np.minimum(un.astype(np.int64), last)
    t = un - i
    s = 1 - t
    ss, tt = s * s, t * t
    first, final = i == 0, i == last
    wp = np.where(first, 0.0, ss / 2)  # weight of the previous off-curve point
    wn = np.where(final, 0.0, tt / 2)  # weight of the next one
    ws = 2 * s * t + wp + wn  # weight of the segment's own
    w0, w3 = np.where(first, ss, 0.0), np.where(final, tt, 0.0)
    r = st.z - w0 * st.p0 - w3 * st.p3
    dx, dy = r.real, r.imag
    ip, inx = np.maximum(i - 1, 0), np.minimum(i + 1, last)

    def total(index, w):
        return np.bincount(index, w, n)
    # normal equations: a symmetric band matrix of width 2, two right sides
    band = [total(i, ws * ws) + total(ip, wp * wp) + total(inx, wn * wn),
            total(ip, wp * ws) + total(i, ws * wn),
            total(ip, wp * wn)]
    m = [[0.0] * n for _ in range(n)]
    for k, diag in enumerate(band):
        for j, v in enumerate(diag.tolist()[:n - k]):
            m[j][j + k] = m[j + k][j] = v
    rx = (total(i, ws * dx) + total(ip, wp * dx) + total(inx, wn * dx)).tolist()
    ry = (total(i, ws * dy) + total(ip, wp * dy) + total(inx, wn * dy)).tolist()
    for c in range(n):
        if m[c][c] <= 1e-9:
            return None
        for r in range(c + 1, min(n, c + 3)):
            f = m[r][c] / m[c][c]
            for q in range(c, min(n, c + 3)):
                m[r][q] -= f * m[c][q]
            rx[r] -= f * rx[c]
            ry[r] -= f * ry[c]
    xs, ys = [0.0] * n, [0.0] * n
    for c in range(n - 1, -1, -1):
        ax, ay = rx[c], ry[c]
        for q in range(c + 1, min(n, c + 3)):
            ax -= m[c][q] * xs[q]
            ay -= m[c][q] * ys[q]
        xs[c], ys[c] = ax / m[c][c], ay / m[c][c]
    return list(zip(xs, ys))


def reproject(offs, st, u, tol):
    """Move each parameter one Newton step towards the nearest point of
    the chain of off-curve points offs; return the new parameters and the
    largest distance of a sample to the chain at its parameter. When that
    is within tol, the distance of the chain's points halfway between two
    samples' parameters to the outline between the samples counts too."""
    n = len(offs)
    c = [complex(x, y) for x, y in offs]
    # segment k is a + t * (b1 + t * b2), t in [0, 1]
    a = [st.p0] + [(c[k - 1] + c[k]) / 2 for k in range(1, n)]
    b = [(c[k] + c[k + 1]) / 2 for k in range(n - 1)] + [st.p3]
    coef = [(a[k], 2 * (c[k] - a[k]), a[k] - 2 * c[k] + b[k]) for k in range(n)]

    def split(u):
        if n == 1:
            return u, coef[0]
        un = u * n
        i = np.minimum(un.astype(np.int64), n - 1)
        return un - i, np.array(coef)[i].T
    t, (a0, b1, b2) = split(u)
    e = a0 + t * (b1 + t * b2) - st.z
    d1 = b1 + (2 * t) * b2
    num = (e * d1.conjugate()).real
    den = (d1 * d1.conjugate()).real + (e * (2 * b2).conjugate()).real
    den = np.where(den > 0, den, np.inf)
    u = np.minimum(np.maximum(u - num / den / n, 0.0), 1.0)
    t, (a0, b1, b2) = split(u)
    e = a0 + t * (b1 + t * b2) - st.z
    worst = float(np.max(e.real * e.real + e.imag * e.imag))
    if worst <= tol * tol:
        # The curve between two samples' points must stay near the
        # outline between the samples, too.
        t, (a0, b1, b2) = split((u[:-1] + u[1:]) / 2)
        w = a0 + t * (b1 + t * b2) - st.z[:-1]
        v = np.diff(st.z)
        along = (w * v.conjugate()).real / np.maximum((v * v.conjugate()).real, 1e-12)
        e = w - np.minimum(np.maximum(along, 0.0), 1.0) * v
        worst = max(worst, float(np.max(e.real * e.real + e.imag * e.imag)))
    return u, math.sqrt(worst)


class Contour:
    """Fits a contour, given as nodes and controls, within tol."""

    def __init__(self, nodes, ctrls, tol):
        self.nodes, self.ctrls, self.tol = nodes, ctrls, tol
        self.limit = tol - MARGIN  # what the samples may be off by
        self.n = len(nodes)
        pts, self.at = [nodes[0][:2]], [0]
        for i in range(self.n):
            sample_segment(nodes[i], ctrls[i], nodes[(i + 1) % self.n], pts)
            self.at.append(len(pts) - 1)
        self.laps = len(pts) - 1  # samples in one lap
        self.z = np.array([complex(x, y) for x, y in pts[:-1] * 2 + pts[:1]])

    def stretch(self, a, b):
        """The samples from node a to node b (a < b <= a + n)."""
        if a >= self.n:
            a, b = a - self.n, b - self.n
        lo = self.at[a]
        hi = self.at[b] if b <= self.n else self.laps + self.at[b - self.n]
        p0, p3 = self.nodes[a], self.nodes[b % self.n]
        return Stretch(self.z[lo:hi + 1], complex(p0[0], p0[1]), complex(p3[0], p3[1]))

    def original(self, a, b):
        """The source points after node a up to node b."""
        return source_points(self.nodes, self.ctrls, a, b)

    def chain(self, st, n):
        """Rounded off-curve points of an n-segment chain within tol of
        the stretch st, or None."""
        u, prev = st.chord_params(), math.inf
        for it in range(ITERATIONS):
            offs = [fit_quad(st, u)] if n == 1 else fit_chain(st, u, n)
            if offs is None or offs[0] is None:
                return None
            offs = [(otRound(x), otRound(y)) for x, y in offs]
            u, err = reproject(offs, st, u, self.limit)
            if err <= self.limit:
                return offs
            if err > prev * 0.95 or (it >= 1 and err > self.tol * 4):
                return None
            prev = err
        return None

    def fit(self, a, b):
        """A line or a single quadratic after node a up to node b within
        tol, or None."""
        st = self.stretch(a, b)
        end = self.nodes[b % self.n][:2] + (True,)
        if st.line_error() <= self.limit:
            return [end]
        offs = self.chain(st, 1)
        return None if offs is None else [(offs[0][0], offs[0][1], False), end]

    def run(self, a, b):
        """Pieces (start, end, points, fitted) drawing the outline from
        node a to node b, a < b <= a + n, ending at explicit nodes."""
        stops = [i for i in range(a + 1, b) if self.nodes[i % self.n][2]] + [b]
        pieces = []
        while True:
            fits = {}

            def fits_to(k):
                if k not in fits:
                    fits[k] = self.fit(a, stops[k])
                return fits[k] is not None
            # the farthest stop one piece reaches: double, then bisect
            k = -1
            if fits_to(0):
                lo, hi, step = 0, len(stops), 1
                while lo + step < hi and fits_to(lo + step):
                    lo, step = lo + step, step * 2
                hi = min(hi, lo + step)
                while hi - lo > 1:
                    mid = (lo + hi) // 2
                    lo, hi = (mid, hi) if fits_to(mid) else (lo, mid)
                k = lo
            orig = self.original(a, stops[max(k, 0)])
            if k < 0 or len(orig) <= len(fits[k]):
                pieces.append((a, stops[max(k, 0)], orig, False))
            else:
                pieces.append((a, stops[k], fits[k], True))
            a = pieces[-1][1]
            if a == b:
                return self.merge(pieces)
            stops = stops[max(k, 0) + 1:]

    def merge(self, pieces):
        """Join neighbouring fitted pieces into one chain where it fits,
        which drops the on-curve point between them (and one more
        off-curve point where that fits too)."""
        out = [pieces[0]]
        for p in pieces[1:]:
            q = out[-1]
            offs = None
            n = sum(1 for pt in q[2] + p[2] if not pt[2])
            if q[3] and p[3] and n >= 1:
                st = self.stretch(q[0], p[1])
                if n >= 2:
                    offs = self.chain(st, n - 1)
                if offs is None:
                    offs = self.chain(st, n)
            if offs is None:
                out.append(p)
                continue
            end = self.nodes[p[1] % self.n][:2] + (True,)
            out[-1] = (q[0], p[1], [(x, y, False) for x, y in offs] + [end], True)
        return out

    def points(self):
        """The fitted contour, or None if it cannot be fitted."""
        explicit = [i for i in range(self.n) if self.nodes[i][2]]
        corners = [i for i in explicit if is_corner(self.nodes, self.ctrls, i)] or explicit[:1]
        if not corners:
            return None
        pts = []
        for k, a in enumerate(corners):
            b = corners[(k + 1) % len(corners)]
            for piece in self.run(a, b if b > a else b + self.n):
                pts += piece[2]
        return pts


def simplify_contour(points, tol):
    """The contour [(x, y, on)] drawn with fewer points, within tol font
    units of the original (exactly the same outline when tol is 0)."""
    nodes, ctrls = contour_nodes(points)
    if len(nodes) < 2:
        return points
    exact = drop_redundant(source_points(nodes, ctrls, 0, len(nodes)))
    if tol <= 0 or len(exact) <= 3:
        return exact
    pts = Contour(nodes, ctrls, tol).points()
    if pts is None:
        return exact
    pts = drop_redundant(pts)
    # A contour too small for the tolerance must not vanish or turn over.
    area, was = contour_area(pts), contour_area(exact)
    if len(pts) >= len(exact) or len(pts) < 3 or area * was <= 0 or not 0.5 < area / was < 2:
        return exact
    return pts


def snap_contour(points, grid):
    """The contour [(x, y, on)] with every point moved to the nearest
    multiple of grid font units (at most grid/2 along each axis), less the
    points that then draw nothing. Coordinates on a coarse grid repeat
    more, which the deflate of a PDF's font stream turns into fewer
    bytes. The contour is returned as it is when grid is 1 or less, or
    when snapping would make it vanish, turn over or change its area by
    half or more."""
    if grid <= 1:
        return points
    pts = []
    for x, y, on in points:
        p = (grid * otRound(x / grid), grid * otRound(y / grid), bool(on))
        if not pts or p != pts[-1]:
            pts.append(p)
    while len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    pts = drop_redundant(pts)
    area, was = contour_area(pts), contour_area(points)
    if len(pts) < 3 or area * was <= 0 or not 0.5 < area / was < 2:
        return points
    return pts


def snap_glyph(glyph, grid):
    """snap_contour for every contour of a glyph given as (coordinates,
    on-curve flags, contour end indexes); the same three back."""
    coords, flags, ends = glyph
    out_coords, out_flags, out_ends, start = [], [], [], 0
    for end in ends:
        pts = [(x, y, on) for (x, y), on in zip(coords[start:end + 1], flags[start:end + 1])]
        start = end + 1
        for x, y, on in snap_contour(pts, grid):
            out_coords.append((x, y))
            out_flags.append(1 if on else 0)
        out_ends.append(len(out_coords) - 1)
    return out_coords, out_flags, out_ends


def simplify_glyph(job):
    """simplify_contour for every contour of a glyph given as (coordinates,
    on-curve flags, contour end indexes, tol); the same three back."""
    coords, flags, ends, tol = job
    out_coords, out_flags, out_ends, start = [], [], [], 0
    for end in ends:
        pts = [(x, y, on) for (x, y), on in zip(coords[start:end + 1], flags[start:end + 1])]
        start = end + 1
        for x, y, on in simplify_contour(pts, tol):
            out_coords.append((x, y))
            out_flags.append(1 if on else 0)
        out_ends.append(len(out_coords) - 1)
    return out_coords, out_flags, out_ends


def cached_glyphs(font, cache):
    """The simplified outlines of a previous build (the font file cache,
    made from the same source font by this script with the same
    tolerance and grid), keyed by the glyph names of font: for each glyph of font
    that a character maps to, the outline cache maps that character to.
    The outlines are those simplify_glyph and snap_glyph returned, and
    snapping them again changes nothing, so a build that takes them gives
    the same bytes as one that does not, only sooner."""
    if not cache:
        return {}
    old = TTFont(cache, lazy=True)
    old_cmap, old_glyf = old.getBestCmap(), old["glyf"]
    out = {}
    for c, name in font.getBestCmap().items():
        g = old_glyf[old_cmap[c]] if c in old_cmap else None
        if g is None or g.isComposite() or g.numberOfContours <= 0:
            continue
        out[name] = (list(g.coordinates), [f & 1 for f in g.flags], list(g.endPtsOfContours))
    return out


def simplify_font(font, tol, grid, cache=""):
    """Redraw every simple glyph of font with fewer points, within tol
    font units of its outline, snap them to the grid (when tol is not 0),
    and keep the side bearings in step. Glyphs in the cache font (see
    cached_glyphs) are taken from it. Returns the number of points before
    and after."""
    glyf = font["glyf"]
    names = [g for g in font.getGlyphOrder()
             if not glyf[g].isComposite() and glyf[g].numberOfContours > 0]
    done = cached_glyphs(font, cache)
    jobs, todo = [], []
    for name in names:
        g = glyf[name]
        jobs.append((list(g.coordinates), [f & 1 for f in g.flags], list(g.endPtsOfContours), tol))
        if name not in done:
            todo.append(jobs[-1])
    before = sum(len(j[0]) for j in jobs)
    print("%d glyphs to simplify, %d from %s" % (len(todo), len(jobs) - len(todo), cache or "no cache"),
          file=sys.stderr)
    fresh = []
    with multiprocessing.Pool() as pool:
        for r in pool.imap(simplify_glyph, todo, chunksize=16):
            fresh.append(r)
            if len(fresh) % 2000 == 0:
                print("simplified %d of %d glyphs" % (len(fresh), len(todo)), file=sys.stderr)
    fresh.reverse()
    results = [done[name] if name in done else fresh.pop() for name in names]
    if tol > 0 and grid > 1:
        results = [snap_glyph(r, grid) for r in results]
    after = 0
    vmtx = font["vmtx"] if "vmtx" in font else None
    for name, (coords, flags, ends) in zip(names, results):
        g = glyf[name]
        top = g.yMax
        g.coordinates = GlyphCoordinates(coords)
        g.flags = bytearray(flags)
        g.endPtsOfContours = ends
        g.numberOfContours = len(ends)
        g.recalcBounds(glyf)
        after += len(coords)
        width, _ = font["hmtx"][name]
        font["hmtx"][name] = (width, g.xMin)
        if vmtx is not None:
            height, tsb = vmtx[name]
            vmtx[name] = (height, tsb + top - g.yMax)
    return before, after


def wanted_chars(scope, cmap, extras):
    """The code points scope asks for (see the module doc)."""
    wanted = set(range(0x20, 0x7F)) | extras
    if scope == "bmp":
        wanted |= {c for c in cmap if c <= 0xFFFF and not 0xE000 <= c <= 0xF8FF}
    elif scope == "big5":
        wanted |= set(range(0xA0, 0x100)) | big5_chars()
        for lo, hi in BLOCKS:
            wanted |= set(range(lo, hi + 1))
    elif scope != "extra":
        sys.exit("unknown scope %r: want bmp, big5 or extra" % scope)
    return wanted


def main(src, extra, out, tol=TOLERANCE, grid=GRID, scope="bmp", cache=""):
    tol, grid = float(tol), int(grid)
    if grid < 1:
        sys.exit("grid %d: want a whole number of font units, 1 or more" % grid)
    extras = extra_chars(extra)
    font = TTFont(src, recalcTimestamp=False)
    cmap = font.getBestCmap()
    wanted = wanted_chars(scope, cmap, extras)
    missing_extras = sorted(c for c in extras if c not in cmap)
    if missing_extras:
        sys.exit("source font lacks listed extra characters: "
                 + " ".join("U+%04X" % c for c in missing_extras))
    unicodes = sorted(c for c in wanted if c in cmap)

    opts = subset.Options()
    opts.hinting = False
    opts.layout_features = []
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "FFTM", "gasp"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.recalc_timestamp = False
    opts.prune_unicode_ranges = True

    sub = subset.Subsetter(options=opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    before, after = simplify_font(font, tol, grid, cache)
    font.save(out, reorderTables=True)

    kept = TTFont(out, lazy=True)
    print("characters: %d (of %d wanted; %d not in the source font)"
          % (len(kept.getBestCmap()), len(wanted), len(wanted) - len(unicodes)))
    print("glyphs: %d" % kept["maxp"].numGlyphs)
    print("outline points: %d, %d before simplifying (tolerance %g, grid %d font units of %d)"
          % (after, before, tol, grid if tol > 0 else 1, kept["head"].unitsPerEm))


if __name__ == "__main__":
    if len(sys.argv) not in range(4, 9):
        sys.exit(__doc__)
    main(*sys.argv[1:])
