package pdf

import (
	"strconv"
	"strings"

	"github.com/ocs-project/ocs/render"
)

// footers draws the running footer of every page. {page} counts from 1
// in each section and {pages} is the number of pages of the section, so
// the footers wait until every page is laid out.
func (f *flow) footers() {
	count := make(map[int]int)
	for _, pg := range f.pages {
		count[pg.section]++
	}
	st := styleOf(render.Small)
	n := make(map[int]int)
	f.tags.el, f.tags.lbl = nil, nil // footers are artifacts
	for _, pg := range f.pages {
		pg.foot = len(pg.texts)
		n[pg.section]++
		r := strings.NewReplacer("{page}", strconv.Itoa(n[pg.section]), "{pages}", strconv.Itoa(count[pg.section]))
		top := f.pageH - f.bottom/2 - st.lead/2
		for i, s := range []string{pg.footer.Left, pg.footer.Center, pg.footer.Right} {
			if s == "" {
				continue
			}
			// A footer is one line: line breaks in it become spaces.
			text := strings.ReplaceAll(r.Replace(s), "\n", " ")
			align := []render.Align{render.Left, render.Center, render.Right}[i]
			lines := layoutPara(f.t, para{runs: []render.Run{{Text: text}}, style: st, align: align}, 1e6)
			l := lines[0]
			l.avail = f.width
			pg.drawLine(f.t, f.left, top, &l)
		}
	}
}
