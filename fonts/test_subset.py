"""Tests of the outline simplification in subset.py.

Run with Debian's Python (it has fontTools and numpy):

    /usr/bin/python3 -m unittest discover -s fonts -p 'test_*.py'

Distances between outlines are measured on points 0.1 font unit apart, so
they are exact to 0.05.
"""

import math
import os
import sys
import unittest

import numpy as np

try:
    import scipy.spatial  # noqa: F401  (measures distances between outlines)
except ImportError:
    raise unittest.SkipTest("no scipy: apt-get install python3-scipy")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import subset  # noqa: E402  (fonts/subset.py, not fontTools.subset)

SOURCE = "/usr/share/fonts/truetype/cns11643/TW-Kai-98_1.ttf"


def outline(points, step=0.1):
    """Dense points along a TrueType contour [(x, y, on)], computed here
    independently of subset.py."""
    pts = list(points)
    if not any(p[2] for p in pts):
        a, b = pts[-1], pts[0]
        pts.insert(0, ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, 1))
    k = next(i for i, p in enumerate(pts) if p[2])
    pts = pts[k:] + pts[:k]
    out, prev, ctrl = [], pts[0], None

    def segment(p0, c, p1):
        if c is None:
            length = math.dist(p0[:2], p1[:2])
        else:
            length = math.dist(p0[:2], c[:2]) + math.dist(c[:2], p1[:2])
        t = np.arange(max(1, int(length / step) + 1)) / max(1, int(length / step) + 1)
        if c is None:
            c = ((p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2)
        s = 1 - t
        out.append(np.stack([s * s * p0[0] + 2 * s * t * c[0] + t * t * p1[0],
                             s * s * p0[1] + 2 * s * t * c[1] + t * t * p1[1]], 1))
    for p in pts[1:] + pts[:1]:
        if p[2]:
            segment(prev, ctrl, p)
            prev, ctrl = p, None
            continue
        if ctrl is not None:
            mid = ((ctrl[0] + p[0]) / 2, (ctrl[1] + p[1]) / 2)
            segment(prev, ctrl, mid)
            prev = mid
        ctrl = p
    return np.concatenate(out)


def distance(a, b):
    """The largest distance from a point of one contour to the other."""
    from scipy.spatial import cKDTree
    pa, pb = outline(a), outline(b)
    return max(float(cKDTree(pb).query(pa)[0].max()), float(cKDTree(pa).query(pb)[0].max()))


def circle(r, n, cx=500, cy=400):
    """A circle drawn as an n-gon of integer on-curve points, the way the
    source font draws many curves."""
    return [(round(cx + r * math.cos(2 * math.pi * i / n)),
             round(cy + r * math.sin(2 * math.pi * i / n)), 1) for i in range(n)]


class ContourNodesTest(unittest.TestCase):
    def test_implied_nodes(self):
        pts = [(0, 0, 1), (100, 0, 0), (100, 100, 0), (0, 100, 1)]
        nodes, ctrls = subset.contour_nodes(pts)
        self.assertEqual(nodes, [(0, 0, True), (100, 50.0, False), (0, 100, True)])
        self.assertEqual(ctrls, [(100, 0), (100, 100), None])

    def test_off_curve_only(self):
        pts = [(0, 0, 0), (10, 0, 0), (10, 10, 0), (0, 10, 0)]
        nodes, ctrls = subset.contour_nodes(pts)
        self.assertEqual(len(nodes), 4)
        self.assertFalse(any(n[2] for n in nodes))
        self.assertEqual(ctrls, [(0, 0), (10, 0), (10, 10), (0, 10)])

    def test_repeats_dropped(self):
        pts = [(0, 0, 1), (0, 0, 1), (10, 0, 1), (10, 0, 0), (10, 10, 1), (0, 0, 1)]
        nodes, ctrls = subset.contour_nodes(pts)
        self.assertEqual([n[:2] for n in nodes], [(0, 0), (10, 0), (10, 10)])
        self.assertEqual(ctrls, [None, None, None])


class DropRedundantTest(unittest.TestCase):
    cases = [
        ("implied midpoint", [(0, 0, 1), (10, 0, 0), (20, 5, 1), (30, 10, 0), (30, 30, 1)],
         [(0, 0, 1), (10, 0, 0), (30, 10, 0), (30, 30, 1)]),
        ("not a midpoint", [(0, 0, 1), (10, 0, 0), (21, 5, 1), (30, 10, 0), (30, 30, 1)],
         [(0, 0, 1), (10, 0, 0), (21, 5, 1), (30, 10, 0), (30, 30, 1)]),
        ("collinear", [(0, 0, 1), (10, 10, 1), (20, 20, 1), (20, 0, 1)],
         [(0, 0, 1), (20, 20, 1), (20, 0, 1)]),
        ("spike kept", [(0, 0, 1), (20, 20, 1), (10, 10, 1), (20, 0, 1)],
         [(0, 0, 1), (20, 20, 1), (10, 10, 1), (20, 0, 1)]),
    ]

    def test_cases(self):
        for name, pts, want in self.cases:
            with self.subTest(name):
                got = subset.drop_redundant(pts)
                self.assertEqual(got, want)
                self.assertLess(distance(pts, got), 0.1)


class SimplifyContourTest(unittest.TestCase):
    def test_tolerance_zero_is_exact(self):
        pts = circle(300, 120)
        pts[5:5] = [pts[5]]  # a repeated point
        got = subset.simplify_contour(pts, 0)
        self.assertLess(len(got), len(pts))
        self.assertLess(distance(pts, got), 0.1)

    def test_polygon_circle(self):
        pts = circle(300, 160)
        for tol in (1.0, 2.0):
            with self.subTest(tol=tol):
                got = subset.simplify_contour(pts, tol)
                self.assertTrue(all(isinstance(v, int) for p in got for v in p[:2]))
                self.assertLessEqual(len(got), len(pts) // 4)
                self.assertLessEqual(distance(pts, got), tol)
                self.assertGreater(subset.contour_area(got) * subset.contour_area(pts), 0)

    def test_corners_kept(self):
        # a square drawn with points every 10 units along its sides
        side = [(x, 0, 1) for x in range(0, 200, 10)]
        pts = (side + [(200, y, 1) for y in range(0, 200, 10)]
               + [(x, 200, 1) for x in range(200, 0, -10)] + [(0, y, 1) for y in range(200, 0, -10)])
        got = subset.simplify_contour(pts, 2.0)
        self.assertEqual(sorted(got), [(0, 0, 1), (0, 200, 1), (200, 0, 1), (200, 200, 1)])

    def test_small_dot_survives(self):
        pts = circle(2, 8, 100, 100)
        got = subset.simplify_contour(pts, 2.0)
        self.assertGreaterEqual(len(got), 3)
        self.assertGreater(subset.contour_area(got) * subset.contour_area(pts), 0)

    def test_deterministic(self):
        job = ([p[:2] for p in circle(250, 90)], [1] * 90, [89], 2.0)
        self.assertEqual(subset.simplify_glyph(job), subset.simplify_glyph(job))


class SnapContourTest(unittest.TestCase):
    def test_on_grid_within_half_step(self):
        pts = subset.simplify_contour(circle(300, 160), 4.0)
        for grid in (2, 4):
            with self.subTest(grid=grid):
                got = subset.snap_contour(pts, grid)
                self.assertTrue(all(v % grid == 0 for p in got for v in p[:2]))
                # every point moves at most grid/2 along each axis
                self.assertLessEqual(distance(pts, got), grid / 2 * math.sqrt(2))

    def test_snapping_twice_changes_nothing(self):
        pts = subset.simplify_contour(circle(300, 160), 4.0)
        once = subset.snap_contour(pts, 4)
        self.assertEqual(subset.snap_contour(once, 4), once)

    def test_points_that_draw_nothing_dropped(self):
        # (5, 1) lands on (4, 0), and (9, 11) on the line from (8, 0) to (8, 20)
        pts = [(0, 0, 1), (5, 1, 1), (8, 0, 1), (9, 11, 1), (8, 20, 1), (0, 20, 1)]
        got = subset.snap_contour(pts, 4)
        self.assertEqual(got, [(0, 0, True), (8, 0, True), (8, 20, True), (0, 20, True)])

    def test_grid_one_and_small_dot_kept(self):
        pts = circle(2, 8, 101, 101)
        self.assertEqual(subset.snap_contour(pts, 1), pts)
        # on a grid of 8 units the dot would collapse onto a line or a point
        self.assertEqual(subset.snap_contour(pts, 8), pts)


@unittest.skipUnless(os.path.exists(SOURCE), SOURCE + " missing (apt-get install fonts-cns11643-kai)")
class SourceGlyphTest(unittest.TestCase):
    def test_dense_characters(self):
        from fontTools.ttLib import TTFont
        font = TTFont(SOURCE, lazy=True)
        cmap = font.getBestCmap()
        for ch in "行業職能鬱":
            with self.subTest(ch):
                g = font["glyf"][cmap[ord(ch)]]
                coords, flags = list(g.coordinates), [f & 1 for f in g.flags]
                ends = list(g.endPtsOfContours)
                fitted = subset.simplify_glyph((coords, flags, ends, subset.TOLERANCE))
                snapped = subset.snap_glyph(fitted, subset.GRID)
                bound = subset.TOLERANCE + subset.GRID / 2 * math.sqrt(2)
                for got, tol in ((fitted, subset.TOLERANCE), (snapped, bound)):
                    self.assertEqual(len(got[2]), len(ends))
                    self.assertLess(len(got[0]), len(coords) * 0.45)
                    start = start_out = 0
                    for end, end_out in zip(ends, got[2]):
                        a = [(x, y, f) for (x, y), f in zip(coords[start:end + 1], flags[start:end + 1])]
                        b = [(x, y, f) for (x, y), f in
                             zip(got[0][start_out:end_out + 1], got[1][start_out:end_out + 1])]
                        self.assertLessEqual(distance(a, b), tol)
                        start, start_out = end + 1, end_out + 1


if __name__ == "__main__":
    unittest.main()
