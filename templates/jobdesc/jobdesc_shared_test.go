package jobdesc

import (
	"strings"
	"testing"

	"github.com/ocs-project/ocs/templates"
	"github.com/ocs-project/ocs/templates/internal/doctest"
)

// A job description of a standard whose tasks T1.1–T1.7 share one row
// lists each task, and with indicators shown lists the row's indicators
// once, under the last task sharing it; an overlay keeping two of the
// tasks lists those two and the row once.
func TestJobDescriptionSharedRows(t *testing.T) {
	s := doctest.SharedRows(t)
	o := jdOverlay()
	o.Standard = s.Code
	o.ShowIndicators = true
	text := jdBlocksText(jdBuild(t, s, o, templates.Options{}))
	titles := []string{"收發與登記公文", "管理紙本與電子檔案", "請購與盤點辦公用品", "安排會議場地與設備", "分送會議紀錄", "接待訪客與轉接電話", "維護辦公環境整潔"}
	last := -1
	for _, title := range titles {
		if n := strings.Count(text, title); n != 1 {
			t.Errorf("task %s listed %d times, want once", title, n)
		}
		if i := strings.Index(text, title); i < last {
			t.Errorf("task %s out of order", title)
		} else {
			last = i
		}
	}
	const p1, p5 = "依據機關公文處理規定", "依據來訪與來電性質"
	if n := strings.Count(text, p1); n != 1 || strings.Count(text, p5) != 1 {
		t.Errorf("the shared row's indicators are listed %d times, want once", n)
	}
	if strings.Index(text, p1) < strings.Index(text, "維護辦公環境整潔") {
		t.Error("the shared row's indicators come before the last task sharing it")
	}
	if n := strings.Count(text, "檔案管理法規與實務"); n != 1 {
		t.Errorf("the shared row's knowledge K02 is listed %d times, want once", n)
	}

	o.Include = []string{"T1.3", "T1.5"}
	text = jdBlocksText(jdBuild(t, s, o, templates.Options{}))
	if !strings.Contains(text, "請購與盤點辦公用品") || !strings.Contains(text, "分送會議紀錄") || strings.Contains(text, "收發與登記公文") {
		t.Errorf("overlay keeping T1.3 and T1.5:\n%s", text)
	}
	if n := strings.Count(text, p1); n != 1 {
		t.Errorf("the shared row's indicators are listed %d times for two kept tasks, want once", n)
	}
}
