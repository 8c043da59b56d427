package pdf

import "github.com/ocs-project/ocs/render"

// watermarks prints the document's watermark (such as 「草稿」) in large
// bold type, centred in the top margin of every page.
func (f *flow) watermarks(mark string) {
	if mark == "" {
		return
	}
	st := newStyle(16, 1.2, 0, true, render.Center)
	top := max((f.top-f.band)/2-st.lead/2, 0)
	for _, pg := range f.pages {
		lines := layoutPara(f.t, para{runs: []render.Run{{Text: mark, Bold: true}}, style: st, align: render.Center}, f.width)
		for i := range lines {
			l := lines[i]
			l.avail = f.width
			pg.drawLine(f.t, f.left, top+float64(i)*st.lead, &l)
		}
	}
}
