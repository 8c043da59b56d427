package standards

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// raw is a bundled file decoded without the standard package: a generic
// map plus the TOML keys in file order.
type raw struct {
	doc  map[string]any
	keys []toml.Key
}

func decode(t *testing.T, name string) raw {
	t.Helper()
	data, err := FS.ReadFile(name)
	if err != nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	var doc map[string]any
	md, err := toml.Decode(string(data), &doc)
	if err != nil {
		t.Fatalf("decoding %s: %v", name, err)
	}
	return raw{doc: doc, keys: md.Keys()}
}

// tasks returns every task table in order, with its code T{i}.{j}.
func (r raw) tasks() (codes []string, tasks []map[string]any) {
	for i, d := range r.doc["duty"].([]map[string]any) {
		for j, task := range d["task"].([]map[string]any) {
			codes = append(codes, fmt.Sprintf("T%d.%d", i+1, j+1))
			tasks = append(tasks, task)
		}
	}
	return codes, tasks
}

func strs(v any) []string {
	list, _ := v.([]any)
	out := make([]string, len(list))
	for i, x := range list {
		out[i], _ = x.(string)
	}
	return out
}

// catalogueKeys returns the keys of a top-level table in file order.
func (r raw) catalogueKeys(table string) []string {
	var keys []string
	for _, k := range r.keys {
		if len(k) == 2 && k[0] == table {
			keys = append(keys, k[1])
		}
	}
	return keys
}

// walkStrings calls visit with every string value of v and its path.
func walkStrings(v any, path string, visit func(path, s string)) {
	switch x := v.(type) {
	case string:
		visit(path, x)
	case map[string]any:
		for k, e := range x {
			walkStrings(e, path+"."+k, visit)
		}
	case []map[string]any:
		for i, e := range x {
			walkStrings(e, fmt.Sprintf("%s[%d]", path, i), visit)
		}
	case []any:
		for i, e := range x {
			walkStrings(e, fmt.Sprintf("%s[%d]", path, i), visit)
		}
	}
}

func TestNames(t *testing.T) {
	want := []string{"BAS1219-002v4.toml", "THM2431-001v1.toml"}
	if got := Names(); !reflect.DeepEqual(got, want) {
		t.Errorf("Names() = %q, want %q", got, want)
	}
	if got := Codes(); !reflect.DeepEqual(got, []string{"BAS1219-002v4", "THM2431-001v1"}) {
		t.Errorf("Codes() = %q", got)
	}
}

func TestOpen(t *testing.T) {
	tests := []struct {
		code     string
		wantName string
	}{
		{"THM2431-001v1", "THM2431-001v1.toml"},
		{"BAS1219-002v4", "BAS1219-002v4.toml"},
		{"thm2431-001V1", "THM2431-001v1.toml"},
		{"BAS1219-002v4.toml", "BAS1219-002v4.toml"},
		{" BAS1219-002v4 ", "BAS1219-002v4.toml"},
	}
	for _, tt := range tests {
		data, name, err := Open(tt.code)
		if err != nil {
			t.Errorf("Open(%q): %v", tt.code, err)
			continue
		}
		if name != tt.wantName {
			t.Errorf("Open(%q) name = %q, want %q", tt.code, name, tt.wantName)
		}
		want, _ := FS.ReadFile(tt.wantName)
		if string(data) != string(want) {
			t.Errorf("Open(%q) returned other bytes than %s", tt.code, tt.wantName)
		}
	}
	for _, code := range []string{"", "THM2431-001", "THM2431-001v2", ".toml"} {
		_, _, err := Open(code)
		if err == nil {
			t.Errorf("Open(%q) succeeded, want an error", code)
			continue
		}
		msg := err.Error()
		if !strings.Contains(msg, "BAS1219-002v4, THM2431-001v1") {
			t.Errorf("Open(%q) error %q does not list the available codes", code, msg)
		}
	}
}

var noteRef = regexp.MustCompile(`【註\s*(\d+)】`)

// TestConsistency checks every bundled file on its own: the code matches
// the file name, every K/S/A reference is defined, catalogues are numbered
// in order, and 【註N】 references and notes match one to one.
func TestConsistency(t *testing.T) {
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			r := decode(t, name)
			if got := r.doc["code"]; got != strings.TrimSuffix(name, ".toml") {
				t.Errorf("code = %v, want the file name's %q", got, strings.TrimSuffix(name, ".toml"))
			}
			for _, c := range []struct{ table, prefix, field string }{
				{"knowledge", "K", "knowledge"},
				{"skills", "S", "skills"},
				{"attitudes", "A", "attitudes"},
			} {
				keys := r.catalogueKeys(c.table)
				if len(keys) == 0 {
					t.Errorf("[%s] is empty", c.table)
				}
				for i, k := range keys {
					if want := fmt.Sprintf("%s%02d", c.prefix, i+1); k != want {
						t.Errorf("[%s] key %d is %s, want %s", c.table, i+1, k, want)
					}
				}
				cat := r.doc[c.table].(map[string]any)
				used := map[string]bool{}
				codes, tasks := r.tasks()
				for i, task := range tasks {
					for _, ref := range strs(task[c.field]) {
						used[ref] = true
						if _, ok := cat[ref]; !ok {
							t.Errorf("%s %s: %s is not in [%s]", codes[i], c.field, ref, c.table)
						}
					}
				}
				// Attitudes are optional per task (BAS1219 has no matrix);
				// every K and S item is used by some task.
				if c.table != "attitudes" {
					for _, k := range keys {
						if !used[k] {
							t.Errorf("[%s] %s is used by no task", c.table, k)
						}
					}
				}
			}

			notes, _ := r.doc["notes"].(map[string]any)
			referenced := map[string]bool{}
			walkStrings(r.doc, "", func(path, s string) {
				for _, m := range noteRef.FindAllStringSubmatch(s, -1) {
					if strings.Contains(m[0], " ") {
						t.Errorf("%s: write %s without the space", path, m[0])
					}
					referenced[m[1]] = true
					if _, ok := notes[m[1]]; !ok {
						t.Errorf("%s: %s has no note", path, m[0])
					}
				}
			})
			for i := 1; i <= len(notes); i++ {
				if _, ok := notes[strconv.Itoa(i)]; !ok {
					t.Errorf("note %d is missing (notes must be numbered 1..%d)", i, len(notes))
				}
			}
			for n := range notes {
				if !referenced[n] {
					t.Errorf("note %s is referenced nowhere", n)
				}
			}
		})
	}
}

func TestTHM2431(t *testing.T) {
	r := decode(t, "THM2431-001v1.toml")
	codes, tasks := r.tasks()
	if len(r.doc["duty"].([]map[string]any)) != 5 || len(tasks) != 13 {
		t.Fatalf("got %d duties and %d tasks, want 5 and 13", len(r.doc["duty"].([]map[string]any)), len(tasks))
	}

	wantP := []int{9, 5, 4, 4, 2, 6, 2, 4, 3, 3, 3, 4, 4}
	wantO := []int{1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1}
	wantLevel := []int64{3, 3, 3, 3, 4, 3, 3, 3, 3, 4, 4, 3, 3}
	// The task × attitude matrix of the seed, one column per task.
	wantA := [][]string{
		{"A01", "A02", "A04"},
		{"A02", "A03"},
		{"A01", "A03", "A04", "A05", "A06"},
		{"A01", "A04", "A05", "A06"},
		{"A01", "A02", "A03"},
		{"A02", "A03", "A06"},
		{"A01", "A03", "A04", "A05"},
		{"A01", "A02", "A03", "A04", "A05"},
		{"A01", "A04", "A05", "A06"},
		{"A01"},
		{"A01", "A02"},
		{"A02", "A04", "A05"},
		{"A03", "A04", "A05", "A06"},
	}
	totalP, totalO := 0, 0
	for i, task := range tasks {
		p, o := len(strs(task["indicators"])), len(strs(task["outputs"]))
		totalP += p
		totalO += o
		if p != wantP[i] {
			t.Errorf("%s has %d indicators, want %d", codes[i], p, wantP[i])
		}
		if o != wantO[i] {
			t.Errorf("%s has %d outputs, want %d", codes[i], o, wantO[i])
		}
		if task["level"] != wantLevel[i] {
			t.Errorf("%s level = %v, want %d", codes[i], task["level"], wantLevel[i])
		}
		if got := strs(task["attitudes"]); !slices.Equal(got, wantA[i]) {
			t.Errorf("%s attitudes = %q, want %q", codes[i], got, wantA[i])
		}
	}
	if totalP != 53 || totalO != 9 {
		t.Errorf("got %d indicators and %d outputs, want 53 and 9", totalP, totalO)
	}
	for table, n := range map[string]int{"knowledge": 29, "skills": 18, "attitudes": 6, "notes": 16} {
		if got := len(r.doc[table].(map[string]any)); got != n {
			t.Errorf("[%s] has %d entries, want %d", table, got, n)
		}
	}

	// Merged K/S cells: every task of a duty lists the same codes.
	wantKS := []struct{ k, s string }{
		{"K01-K07", "S01-S06"},
		{"K08-K15", "S07-S11"},
		{"K16-K19", "S01-S06"},
		{"K20-K25", "S01-S06 S12"},
		{"K26-K29", "S13-S18"},
	}
	for i, task := range tasks {
		duty := codes[i][1] - '1'
		if got, want := strs(task["knowledge"]), expand(wantKS[duty].k); !slices.Equal(got, want) {
			t.Errorf("%s knowledge = %q, want %q", codes[i], got, want)
		}
		if got, want := strs(task["skills"]), expand(wantKS[duty].s); !slices.Equal(got, want) {
			t.Errorf("%s skills = %q, want %q", codes[i], got, want)
		}
	}

	exact := []struct{ what, got, want string }{
		{"P1.1.9", strs(tasks[0]["indicators"])[8], "以個人的能力、技巧和組織定位，在權責範圍內，依解決問題的規範流程進行溝通。"},
		{"P4.2.1", strs(tasks[8]["indicators"])[0], "詳細檢閱客戶說明，以分析和記錄活動需求。"},
		{"P4.2.3", strs(tasks[8]["indicators"])[2], "以活動的概念在活動提案書中發展多項方案，方案【註7】可能包含各種異業結合模式。"},
		{"P5.3.3", strs(tasks[11]["indicators"])[2], "定期檢討工作活動，以確保滿足客戶的需求。"},
		{"T4.2", lookup(tasks[8], "title"), "研擬活動企劃書"},
		{"O4.2.1", strs(tasks[8]["outputs"])[0], "活動企劃書"},
		{"S04", lookup(r.doc, "skills", "S04"), "知道何時必須轉介以解決衝突和進行調解"},
		{"S02", lookup(r.doc, "skills", "S02"), "使用策略以因應特定溝通需求/問題"},
		{"K24", lookup(r.doc, "knowledge", "K24"), "活動籌辦的主要環境和社會影響【註13】，以及降低影響的程序"},
		{"K26", lookup(r.doc, "knowledge", "K26"), "與下列項目相關的公司政策與流程\n■客戶服務\n■客戶資料庫的維護\n■難纏客戶的處理\n■分配職責"},
		{"A06", lookup(r.doc, "attitudes", "A06", "definition"), "在成敗後果不能確定的情境下，對成功機會少但成功後報酬高的事情勇於嘗試的傾向。"},
		{"note 16", lookup(r.doc, "notes", "16", "text"), "提問、表達、傾聽，正確提出問題並確實提供清楚資訊，了解職場工作指示或進一步釐清職場工作指示，視不同顧客群可能需要外語能力。"},
		{"note 14 term", lookup(r.doc, "notes", "14", "term"), "特定組織及特定族群客戶"},
		{"industry", r.doc["category"].(map[string]any)["industry"].([]map[string]any)[0]["code"].(string), "I55"},
		{"job category", r.doc["category"].(map[string]any)["job"].([]map[string]any)[0]["name"].(string), "休閒與觀光旅遊/旅館管理"},
	}
	for _, e := range exact {
		if e.got != e.want {
			t.Errorf("%s = %q, want %q", e.what, e.got, e.want)
		}
	}
}

func TestBAS1219(t *testing.T) {
	r := decode(t, "BAS1219-002v4.toml")
	codes, tasks := r.tasks()
	if len(r.doc["duty"].([]map[string]any)) != 2 || len(tasks) != 5 {
		t.Fatalf("got %d duties and %d tasks, want 2 and 5", len(r.doc["duty"].([]map[string]any)), len(tasks))
	}
	want := []struct {
		p, o int
		k, s string
	}{
		{3, 0, "K01-K05", "S01-S03"},
		{3, 1, "K01-K06", "S02-S08"},
		{2, 1, "K02-K04 K06", "S02-S07 S09"},
		{3, 2, "K03 K04 K07", "S03 S05 S10 S11 S12 S14"},
		{1, 1, "K07", "S01 S02 S03 S07 S13"},
	}
	for i, task := range tasks {
		w := want[i]
		if p, o := len(strs(task["indicators"])), len(strs(task["outputs"])); p != w.p || o != w.o {
			t.Errorf("%s has %d indicators and %d outputs, want %d and %d", codes[i], p, o, w.p, w.o)
		}
		if task["level"] != int64(3) {
			t.Errorf("%s level = %v, want 3", codes[i], task["level"])
		}
		if got := strs(task["knowledge"]); !slices.Equal(got, expand(w.k)) {
			t.Errorf("%s knowledge = %q, want %q", codes[i], got, expand(w.k))
		}
		if got := strs(task["skills"]); !slices.Equal(got, expand(w.s)) {
			t.Errorf("%s skills = %q, want %q", codes[i], got, expand(w.s))
		}
	}
	for table, n := range map[string]int{"knowledge": 7, "skills": 14, "attitudes": 6} {
		if got := len(r.doc[table].(map[string]any)); got != n {
			t.Errorf("[%s] has %d entries, want %d", table, got, n)
		}
	}
	if got := strs(tasks[3]["indicators"])[0]; got != "依企劃資源清單，進行活動前置確認(含場地、設備、人員、流程及安全等行前說明)。" {
		t.Errorf("P2.2.1 = %q", got)
	}
	if got := r.doc["attitudes"].(map[string]any)["A06"]; got != "團隊意識" {
		t.Errorf("A06 = %v, want the bare name 團隊意識", got)
	}

	history := r.doc["history"].([]map[string]any)
	var versions []string
	latest := 0
	for _, h := range history {
		versions = append(versions, h["version"].(string))
		switch h["status"] {
		case "最新版本":
			latest++
			if h["code"] != r.doc["code"] {
				t.Errorf("最新版本 row has code %v, want %v", h["code"], r.doc["code"])
			}
		case "歷史版本":
			if h["note"] != "已被《BAS1219-002v4》取代" {
				t.Errorf("%s note = %v", h["version"], h["note"])
			}
		default:
			t.Errorf("%s status = %v", h["version"], h["status"])
		}
	}
	if latest != 1 || !slices.Equal(versions, []string{"V4", "V3", "V2", "V1"}) {
		t.Errorf("history versions %q with %d 最新版本 rows", versions, latest)
	}
}

// lookup follows keys through nested tables and returns the string found,
// or "" when a key is missing or the value is not a string.
func lookup(v any, keys ...string) string {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[k]
	}
	s, _ := v.(string)
	return s
}

// expand turns "K01-K05 K07" into K01 … K05 K07.
func expand(spec string) []string {
	var out []string
	for _, part := range strings.Fields(spec) {
		lo, hi, isRange := strings.Cut(part, "-")
		if !isRange {
			out = append(out, part)
			continue
		}
		a, _ := strconv.Atoi(lo[1:])
		b, _ := strconv.Atoi(hi[1:])
		for n := a; n <= b; n++ {
			out = append(out, fmt.Sprintf("%c%02d", lo[0], n))
		}
	}
	return out
}
