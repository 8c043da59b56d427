package standard

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ocs-project/ocs/diag"
	"github.com/ocs-project/ocs/internal/lazyre"
)

// badNoteRef finds references that look like notes but can name none:
// 【註0】, 【註-1】, 【註００】 (notes are numbered from 1).
var badNoteRef = lazyre.New(`【\s*註\s*([-－]\s*[0-9０-９]+|[0０]+)\s*】`)

// MaxText is the longest text a standard's field may hold, in characters.
// A cell of the official form holds a few hundred; a text of megabytes
// would only cost the layout time and memory.
const MaxText = 20000

// The years a standard's dates may name.
const (
	firstYear = 1970
	lastYear  = 2100
)

// bounds checks what no reader can make sense of: texts longer than
// MaxText (R00, an error), note references that
// name no possible note (R10, an error: the text would print a reference
// to nothing) and dates in years no standard was or will be written
// (R13, a warning, as for malformed dates).
func (v *validator) bounds() {
	v.s.Walk(func(path, text string) {
		if n := utf8.RuneCountInString(text); n > MaxText {
			v.add("R00", Error, path, "split it, or shorten it to what the form's cell says", "the text has %d characters; a field holds at most %d", n, MaxText)
		}
		for _, m := range badNoteRef().FindAllString(text, -1) {
			v.add("R10", Error, path, "number notes 1, 2, 3 … and refer to them as 【註1】", "%s is not a note reference: notes are numbered from 1", m)
		}
	})
	if why := notFileName(v.s.Code); why != "" {
		v.add("R01", Error, "code", "copy the code exactly from the published standard (THM2431-001v1), or leave it out for a company document",
			"職能基準代碼 %q cannot name the files made from it: %s", v.s.Code, why)
	}
	dates := []struct{ path, date string }{{"updated", v.s.Updated}}
	for i, h := range v.s.History {
		dates = append(dates, struct{ path, date string }{diag.Index("history", i) + ".date", h.Date})
	}
	for _, d := range dates {
		if !dateRe().MatchString(d.date) {
			continue // R13 reports the form
		}
		if y, _ := strconv.Atoi(d.date[:4]); y < firstYear || y > lastYear {
			v.add("R13", Warning, d.path, "write the date the standard gives, YYYY/MM/DD", "the date %s is in the year %s, outside %d–%d", d.date, d.date[:4], firstYear, lastYear)
		}
	}
}

// notFileName says why code cannot be a file name on Windows, macOS and
// Linux alike ("" when it can): output files and folders are named after
// it.
func notFileName(code string) string {
	switch {
	case code == "":
		return ""
	case len(code) > 200:
		return fmt.Sprintf("it is %d bytes long; file names hold at most 255, and the outputs add to it", len(code))
	case strings.ContainsAny(code, `<>:"/\|?*`):
		return `it holds one of < > : " / \ | ? *`
	case strings.IndexFunc(code, func(r rune) bool { return r < 0x20 || r == 0x7F }) >= 0:
		return "it holds a control character"
	case strings.HasSuffix(code, ".") || strings.HasSuffix(code, " ") || code == "." || code == "..":
		return "it ends with a dot or a space, which Windows drops"
	}
	base := strings.ToUpper(code)
	if i := strings.IndexByte(base, '.'); i >= 0 {
		base = base[:i]
	}
	switch base {
	case "CON", "PRN", "AUX", "NUL",
		"COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		return base + " is a device name on Windows"
	}
	return ""
}
