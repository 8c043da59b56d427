package importer

import (
	"fmt"
	"slices"

	"github.com/ocs-project/ocs/importer/grid"
)

// placed records where a row of the duty/task table went and which K and
// S cells covered it.
type placed struct {
	duty, task, block int
	k, s              *grid.Cell
	afterBreak        bool // the row is the first after a repeated header
	newTask           bool
}

// acrossBreaks rejoins K and S cells that a page break cut in two in a
// file that shows merges (a PDF without 「（續）」 marks, as LibreOffice
// and Word print them): the first row after the break starts a task of
// the same duty, its cell is another cell than the one above, and its
// codes continue the codes above, rising. Then the two pieces are one
// cell, and every block either piece covered gets all of its codes.
func (in *interp) acrossBreaks() {
	for i := 1; i < len(in.placed); i++ {
		cur, prev := in.placed[i], in.placed[i-1]
		if !cur.afterBreak || cur.duty != prev.duty {
			continue
		}
		for _, kind := range []struct {
			cell func(placed) *grid.Cell
			refs func(*Block) *[]Entry
		}{
			{func(p placed) *grid.Cell { return p.k }, func(b *Block) *[]Entry { return &b.Knowledge }},
			{func(p placed) *grid.Cell { return p.s }, func(b *Block) *[]Entry { return &b.Skills }},
		} {
			a, b := kind.cell(prev), kind.cell(cur)
			if a == nil || b == nil || a == b {
				continue
			}
			ra, rb := *kind.refs(in.block(prev)), *kind.refs(in.block(cur))
			all := append(slices.Clone(ra), rb...)
			if len(ra) == 0 || len(rb) == 0 || !rising(all) {
				continue
			}
			var first, last string
			for _, p := range in.placed {
				if c := kind.cell(p); c == a || c == b {
					*kind.refs(in.block(p)) = slices.Clone(all)
					code := in.d.Duties[p.duty].Tasks[p.task].Code
					if first == "" {
						first = code
					}
					last = code
				}
			}
			d := &in.d.Duties[cur.duty]
			msg := fmt.Sprintf("%s read as one cell merged over %s–%s and cut by a page break; every task lists them",
				ranges(all), first, last)
			d.Comments = append(d.Comments, "import: "+msg)
			in.add(Warning, 0, d.Code, "", "%s", msg)
		}
	}
}

func (in *interp) block(p placed) *Block {
	return &in.d.Duties[p.duty].Tasks[p.task].Blocks[p.block]
}
