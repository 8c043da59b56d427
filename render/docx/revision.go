package docx

import (
	"bytes"
	"strconv"
	"time"

	"github.com/ocs-project/ocs/render"
)

// revisionAuthor is the author of every tracked change ocs writes.
const revisionAuthor = "ocs"

// revisions numbers the tracked changes of one document.
type revisions struct {
	n    int       // changes written so far; the next w:id is n+1
	date time.Time // the document's date, the date of every change
}

// runs writes the runs of a paragraph. Runs marked inserted or deleted
// (a redline) become tracked changes, w:ins and w:del with author "ocs"
// and the document's date, so Word's review pane can accept or reject
// each of them; deleted text is written in w:delText as WordprocessingML
// requires.
func (w *writer) runs(runs []render.Run) {
	for i := range runs {
		r := &runs[i]
		if r.Change == render.Unchanged || r.Text == "" && !r.Box {
			w.b = appendRun(w.b, r)
			continue
		}
		tag := "w:ins"
		if r.Change == render.Deleted {
			tag = "w:del"
		}
		w.revs.n++
		w.b = append(w.b, `<`+tag+` w:id="`...)
		w.b = strconv.AppendInt(w.b, int64(w.revs.n), 10)
		w.b = append(w.b, `" w:author="`+revisionAuthor+`" w:date="`...)
		w.b = w.revs.date.UTC().AppendFormat(w.b, "2006-01-02T15:04:05Z")
		w.b = append(w.b, `">`...)
		start := len(w.b)
		w.b = appendRun(w.b, r)
		if r.Change == render.Deleted {
			// Text is escaped, so "<w:t" can only be the element itself.
			del := bytes.ReplaceAll(w.b[start:], []byte("<w:t>"), []byte("<w:delText>"))
			del = bytes.ReplaceAll(del, []byte(`<w:t xml:space=`), []byte(`<w:delText xml:space=`))
			del = bytes.ReplaceAll(del, []byte("</w:t>"), []byte("</w:delText>"))
			w.b = append(w.b[:start], del...)
		}
		w.b = append(w.b, `</`+tag+`>`...)
	}
}
