package pdf

import (
	"strconv"

	"github.com/ocs-project/ocs/render"
)

// Geometry of lists and signature lines, in mm.
const (
	markerGap  = 1.5 // between a list marker and the item text
	itemGap    = 0.8 // between list items
	signSpace  = 8.0 // room above a signature line to sign in
	signRule   = 30  // shortest signature rule
	signMargin = 5.0 // space after each signature field
)

// keyValueTable turns a key-value grid, which render.Check has checked,
// into a table: each pair is a shaded label cell and a value cell; a
// short last row's value cell spans the columns left.
func keyValueTable(kv *render.KeyValue) *render.Table {
	cols := max(kv.Columns, 1)
	lw := kv.LabelWidth
	if lw == 0 {
		lw = 0.3
	}
	t := &render.Table{Style: render.TableText}
	for range cols {
		t.Widths = append(t.Widths, lw, 1-lw)
	}
	for i := 0; i < len(kv.Pairs); i += cols {
		var row render.Row
		n := min(cols, len(kv.Pairs)-i)
		for j := 0; j < n; j++ {
			p := kv.Pairs[i+j]
			value := render.Cell{Paras: p.Value, VAlign: render.Middle}
			if j == n-1 && n < cols {
				value.ColSpan = 1 + 2*(cols-n)
			}
			row.Cells = append(row.Cells,
				render.Cell{Paras: []render.Paragraph{render.Text(p.Label)}, Align: render.Center, VAlign: render.Middle, Shade: true},
				value)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// listMarkers returns the marker of each item of a list.
func listMarkers(l *render.List) []string {
	m := make([]string, len(l.Items))
	for i := range m {
		if l.Bullet != "" {
			m[i] = l.Bullet
		} else {
			m[i] = strconv.Itoa(i+1) + "."
		}
	}
	return m
}

// listMarkerChars returns the characters the markers of l draw.
func listMarkerChars(l *render.List) string {
	if l.Bullet != "" {
		return l.Bullet
	}
	return "0123456789."
}

// prepareList lays out a list: markers hang in front of the item text,
// which wraps with a hanging indent.
func (f *flow) prepareList(l *render.List) *paraItem {
	st := styleOf(l.Style)
	markers := listMarkers(l)
	mlines := make([][]tline, len(markers))
	mw := 0.0
	for i, m := range markers {
		mlines[i] = layoutPara(f.t, para{runs: []render.Run{{Text: m}}, style: st}, f.width)
		for _, ml := range mlines[i] {
			mw = max(mw, ml.width)
		}
	}
	indent := mw + markerGap
	item := &paraItem{after: st.after, tag: "L", items: []int{}}
	for i, runs := range l.Items {
		lines := layoutPara(f.t, para{runs: runs, style: st, indent: indent}, f.width)
		if len(lines) == 0 {
			continue
		}
		var marker []frag
		for _, ml := range mlines[i] {
			for _, fr := range ml.frags {
				fr.x -= indent
				fr.lbl = true
				marker = append(marker, fr)
			}
		}
		lines[0].frags = append(marker, lines[0].frags...)
		item.items = append(item.items, len(item.lines))
		if i > 0 {
			lines[0].space = itemGap
		}
		item.lines = append(item.lines, lines...)
	}
	return item
}

// sigItem is a line of signature fields: labels followed by a rule.
type sigItem struct {
	rows  [][]sigField
	share float64 // width of a field
	lead  float64
}

type sigField struct{ label []tline }

func (s *sigItem) keep() bool { return false }
func (s *sigItem) head() float64 {
	if len(s.rows) == 0 {
		return 0
	}
	return s.rowHeight(0)
}

func (s *sigItem) rowHeight(i int) float64 {
	h := 0.0
	for _, fl := range s.rows[i] {
		h = max(h, linesHeight(fl.label))
	}
	return signSpace + h
}

// prepareSignature lays out signature fields across the text width, as
// many to a row as leave each rule at least signRule mm.
func (f *flow) prepareSignature(sg *render.Signature) *sigItem {
	st := styleOf(render.Normal)
	fields := make([]sigField, len(sg.Fields))
	widest := 0.0
	for i, label := range sg.Fields {
		fields[i].label = layoutPara(f.t, para{runs: []render.Run{{Text: label}}, style: st}, f.width-signRule)
		for _, l := range fields[i].label {
			widest = max(widest, l.width)
		}
	}
	per := max(len(fields), 1)
	for per > 1 && f.width/float64(per) < widest+signRule+signMargin {
		per--
	}
	s := &sigItem{share: f.width / float64(per), lead: st.lead}
	for i := 0; i < len(fields); i += per {
		s.rows = append(s.rows, fields[i:min(i+per, len(fields))])
	}
	return s
}

func (s *sigItem) place(f *flow) {
	for i, row := range s.rows {
		h := s.rowHeight(i)
		f.ready(h)
		top := f.y + signSpace
		for k, fl := range row {
			f.tags.el = f.tags.add("P")
			x := f.left + float64(k)*s.share
			y := top
			end := x
			for j := range fl.label {
				l := &fl.label[j]
				f.pg.drawLine(f.t, x, y, l)
				end = x + l.left + l.width
				y += l.height()
			}
			if n := len(fl.label); n > 0 {
				last := &fl.label[n-1]
				base := y - last.lead + last.asc + 0.8
				f.pg.line(end+1.5, base, x+s.share-signMargin, base, borderWidth)
			}
		}
		f.y += h
		f.fresh = false
	}
	f.tags.el = nil
	f.y += blockGap
}
