package pdf

import (
	"fmt"
	"math"
	"sort"

	"github.com/ocs-project/ocs/importer/grid"
)

// Tolerances, in points.
const (
	tolPos = 1.6 // rules this close across are the same line
	tolGap = 2.5 // collinear pieces this close along are joined
	tolHit = 2.0 // a rule ending this close to another still meets it
)

// maxLines bounds the merged rules of one direction on one page; the
// crossing test is quadratic in them.
const maxLines = 4000

// line is a merged rule: intervals along one axis at one position.
type line struct {
	pos    float64
	lo, hi float64
}

// merge clusters segments of one direction by position and joins
// collinear pieces that overlap or nearly touch.
func merge(segs []segment) []line {
	sort.Slice(segs, func(i, j int) bool {
		if segs[i].pos != segs[j].pos {
			return segs[i].pos < segs[j].pos
		}
		return segs[i].lo < segs[j].lo
	})
	var out []line
	for i := 0; i < len(segs); {
		j, sum := i, 0.0
		for j < len(segs) && segs[j].pos-segs[i].pos <= tolPos {
			sum += segs[j].pos
			j++
		}
		pos := sum / float64(j-i)
		group := append([]segment(nil), segs[i:j]...)
		sort.Slice(group, func(a, b int) bool { return group[a].lo < group[b].lo })
		cur := line{pos, group[0].lo, group[0].hi}
		for _, s := range group[1:] {
			if s.lo <= cur.hi+tolGap {
				cur.hi = math.Max(cur.hi, s.hi)
				continue
			}
			out = append(out, cur)
			cur = line{pos, s.lo, s.hi}
		}
		out = append(out, cur)
		i = j
	}
	return out
}

func crosses(h, v line) bool {
	return v.pos >= h.lo-tolHit && v.pos <= h.hi+tolHit && h.pos >= v.lo-tolHit && h.pos <= v.hi+tolHit
}

// covered reports whether the lines of one position cover [lo, hi].
func covered(ls []line, lo, hi float64) bool {
	for _, l := range ls {
		if l.lo <= lo && l.hi >= hi {
			return true
		}
	}
	return false
}

// coverage returns the share of [lo, hi] that the lines of one position
// cover.
func coverage(ls []line, lo, hi float64) float64 {
	if hi <= lo {
		return 0
	}
	c := 0.0
	for _, l := range ls {
		c += math.Max(0, math.Min(hi, l.hi)-math.Max(lo, l.lo))
	}
	return c / (hi - lo)
}

// union is a union-find over 0…n-1.
type union []int

func newUnion(n int) union {
	u := make(union, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u union) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u union) join(a, b int) { u[u.find(a)] = u.find(b) }

// table is one table found on a page.
type table struct {
	xs, ys []float64 // boundaries
	owner  [][]int   // band (row, col) → cell index or -1
	cells  []cell
}

type cell struct {
	r0, c0, r1, c1 int // bands [r0, r1) × [c0, c1)
	glyphs         []glyph
}

// positions clusters lines by position: the distinct positions, in
// order, and the lines at each.
func positions(ls []line) ([]float64, [][]line) {
	ls = append([]line(nil), ls...)
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].pos < ls[j].pos })
	var ps []float64
	var at [][]line
	for _, l := range ls {
		if len(ps) == 0 || l.pos-ps[len(ps)-1] > tolPos {
			ps = append(ps, l.pos)
			at = append(at, nil)
		}
		at[len(at)-1] = append(at[len(at)-1], l)
	}
	return ps, at
}

// tables finds the tables drawn by the rules of one page.
//
// Its work is charged to budget (the document's operator budget): the
// rule crossings it tests and the grid bands it builds.
func tables(segs []segment, budget *int) ([]*table, error) {
	var hs, vs []segment
	for _, s := range segs {
		if s.h {
			hs = append(hs, s)
		} else {
			vs = append(vs, s)
		}
	}
	H, V := merge(hs), merge(vs)
	if len(H) > maxLines || len(V) > maxLines {
		return nil, fmt.Errorf("%w: more than %d ruling lines on one page", ErrTooLarge, maxLines)
	}
	// Connected components of crossing rules.
	if *budget -= len(H) * len(V); *budget < 0 {
		return nil, errBudget
	}
	u := newUnion(len(H) + len(V))
	for i, h := range H {
		for j, v := range V {
			if crosses(h, v) {
				u.join(i, len(H)+j)
			}
		}
	}
	groups := map[int][2][]line{}
	var roots []int
	for i := range len(H) + len(V) {
		r := u.find(i)
		g, ok := groups[r]
		if !ok {
			roots = append(roots, r)
		}
		if i < len(H) {
			g[0] = append(g[0], H[i])
		} else {
			g[1] = append(g[1], V[i-len(H)])
		}
		groups[r] = g
	}
	var out []*table
	for _, r := range roots {
		g := groups[r]
		if len(g[0]) < 2 || len(g[1]) < 2 {
			continue
		}
		t, err := build(g[0], g[1], budget)
		if err != nil {
			return nil, err
		}
		if t != nil {
			out = append(out, t)
		}
	}
	return out, nil
}

// open is how far rules must run past the last crossing rule for the
// table to count as open there (a table cut by the page edge, whose
// last row has no bottom rule): the ends of the rules then close it.
const open = 3.0

// closeEdges adds the missing outer rules of a table whose rules run on past
// its first or last crossing rule.
func closeEdges(H, V []line) ([]line, []line) {
	ext := func(ls []line) (pmin, pmax, lo, hi float64) {
		pmin, pmax, lo, hi = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
		for _, l := range ls {
			pmin, pmax = math.Min(pmin, l.pos), math.Max(pmax, l.pos)
			lo, hi = math.Min(lo, l.lo), math.Max(hi, l.hi)
		}
		return
	}
	ymin, ymax, _, _ := ext(H)
	xmin, xmax, vlo, vhi := ext(V)
	if vhi > ymax+open {
		H = append(H, line{vhi, xmin, xmax})
	}
	if vlo < ymin-open {
		H = append(H, line{vlo, xmin, xmax})
	}
	ymin, ymax, hlo, hhi := ext(H)
	if hhi > xmax+open {
		V = append(V, line{hhi, ymin, ymax})
	}
	if hlo < xmin-open {
		V = append(V, line{hlo, ymin, ymax})
	}
	return H, V
}

// build makes the cell grid of one component of crossing rules.
func build(H, V []line, budget *int) (*table, error) {
	H, V = closeEdges(H, V)
	ys, hAt := positions(H)
	xs, vAt := positions(V)
	if len(xs) < 2 || len(ys) < 2 {
		return nil, nil
	}
	nr, nc := len(ys)-1, len(xs)-1
	if *budget -= nr * nc; *budget < 0 {
		return nil, errBudget
	}
	id := func(r, c int) int { return r*nc + c }
	u := newUnion(nr * nc)
	inset := func(a, b float64) (float64, float64) {
		e := math.Min(tolHit, (b-a)/4)
		return a + e, b - e
	}
	for r := range nr {
		for c := range nc {
			if c+1 < nc {
				lo, hi := inset(ys[r], ys[r+1])
				if !covered(vAt[c+1], lo, hi) {
					u.join(id(r, c+1), id(r, c))
				}
			}
			if r+1 < nr {
				lo, hi := inset(xs[c], xs[c+1])
				if !covered(hAt[r+1], lo, hi) {
					u.join(id(r+1, c), id(r, c))
				}
			}
		}
	}
	// Regions → cells: the bounding bands of each region; a region whose
	// four sides are not drawn is outside the table (around a narrower
	// part of it) and holds no cell.
	t := &table{xs: xs, ys: ys}
	region := map[int]int{}
	var boxes [][4]int
	for r := range nr {
		for c := range nc {
			root := u.find(id(r, c))
			k, ok := region[root]
			if !ok {
				k = len(boxes)
				region[root] = k
				boxes = append(boxes, [4]int{r, c, r + 1, c + 1})
			}
			b := &boxes[k]
			b[0], b[1] = min(b[0], r), min(b[1], c)
			b[2], b[3] = max(b[2], r+1), max(b[3], c+1)
		}
	}
	t.owner = make([][]int, nr)
	for r := range nr {
		t.owner[r] = make([]int, nc)
	}
	cellOf := make([]int, len(boxes))
	for k, b := range boxes {
		x0, x1, y0, y1 := xs[b[1]], xs[b[3]], ys[b[0]], ys[b[2]]
		if coverage(vAt[b[1]], y0, y1) < 0.5 || coverage(vAt[b[3]], y0, y1) < 0.5 ||
			coverage(hAt[b[0]], x0, x1) < 0.5 || coverage(hAt[b[2]], x0, x1) < 0.5 {
			cellOf[k] = -1
			continue
		}
		cellOf[k] = len(t.cells)
		t.cells = append(t.cells, cell{r0: b[0], c0: b[1], r1: b[2], c1: b[3]})
	}
	if len(t.cells) == 0 {
		return nil, nil
	}
	for r := range nr {
		for c := range nc {
			t.owner[r][c] = cellOf[region[u.find(id(r, c))]]
		}
	}
	return t, nil
}

// at returns the cell holding point (x, y), or -1.
func (t *table) at(x, y float64) int {
	c := sort.SearchFloat64s(t.xs, x) - 1
	r := sort.SearchFloat64s(t.ys, y) - 1
	if r < 0 || c < 0 || r >= len(t.owner) || c >= len(t.owner[r]) {
		return -1
	}
	return t.owner[r][c]
}

// grid turns t into a grid table, dropping boundaries that no cell
// starts or ends at (short stubs of rules).
func (t *table) grid(page int) *grid.Table {
	useR := make([]bool, len(t.ys))
	useC := make([]bool, len(t.xs))
	for _, c := range t.cells {
		useR[c.r0], useR[c.r1], useC[c.c0], useC[c.c1] = true, true, true, true
	}
	rowIdx, colIdx := index(useR), index(useC)
	order := make([]int, len(t.cells))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ca, cb := t.cells[order[a]], t.cells[order[b]]
		if ca.r0 != cb.r0 {
			return ca.r0 < cb.r0
		}
		return ca.c0 < cb.c0
	})
	gt := &grid.Table{Page: page}
	for _, k := range order {
		c := t.cells[k]
		r := rowIdx[c.r0]
		for len(gt.Rows) <= r {
			gt.Rows = append(gt.Rows, grid.Row{Page: page})
		}
		gt.Rows[r].Cells = append(gt.Rows[r].Cells, grid.Cell{
			Text:    text(c.glyphs),
			Col:     colIdx[c.c0],
			ColSpan: colIdx[c.c1] - colIdx[c.c0],
			RowSpan: rowIdx[c.r1] - rowIdx[c.r0],
			Page:    page,
			Box:     &grid.Box{X0: round(t.xs[c.c0]), Y0: round(t.ys[c.r0]), X1: round(t.xs[c.c1]), Y1: round(t.ys[c.r1])},
		})
	}
	return gt
}

// index maps each used boundary to its rank among the used ones.
func index(use []bool) []int {
	out := make([]int, len(use))
	n := 0
	for i, u := range use {
		out[i] = n
		if u {
			n++
		}
	}
	return out
}

// round keeps boxes to a hundredth of a point, so they print stably.
func round(v float64) float64 { return math.Round(v*100) / 100 }
