package standard

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Each file in testdata/rules is a small standard that triggers one rule;
// its "# want: SEVERITY RULE PATH" comments list exactly the problems
// Check must report, no more and no fewer.
func TestRuleFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/rules/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no rule fixtures: %v", err)
	}
	covered := make(map[string]bool)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			want := wantedProblems(t, file)
			s, ps := Check(file)
			if s == nil {
				t.Fatalf("load failed:\n%v", ps)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.Severity.String()+" "+p.Rule+" "+p.Path)
				if p.Message == "" || p.Hint == "" || p.File != file {
					t.Errorf("problem without message, hint or file: %#v", p)
				}
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("problems differ\n got: %q\nwant: %q\nfull:\n%v", got, want, ps)
			}
			rule := strings.SplitN(filepath.Base(file), "-", 2)[0]
			for _, p := range ps {
				if p.Rule == rule {
					covered[rule] = true
				}
			}
		})
	}
	for _, r := range []string{"R00", "R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R09", "R10", "R11", "R12", "R13", "R14", "R15"} {
		if !covered[r] {
			t.Errorf("no fixture triggers %s", r)
		}
	}
}

func wantedProblems(t *testing.T, file string) []string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if w, ok := strings.CutPrefix(sc.Text(), "# want: "); ok {
			want = append(want, strings.TrimSpace(w))
		}
	}
	return want
}

// The clean fixture and the bundled standards trigger no rule except the
// notes (info) they should get. BAS1219-002v4 uses S14 before S13: K/S
// codes need not appear in first-use order.
func TestCleanFiles(t *testing.T) {
	tests := []struct {
		file string
		want []string // every problem, as "severity rule path"
	}{
		{"testdata/valid.toml", nil},
		{"../standards/THM2431-001v1.toml", []string{
			// T1.2, T2.1, T2.2 and T3.1 print no 工作產出.
			"info R08 duty[0].task[1]", "info R08 duty[1].task[0]",
			"info R08 duty[1].task[1]", "info R08 duty[2].task[0]",
		}},
		{"../standards/BAS1219-002v4.toml", []string{"info R08 duty[0].task[0]"}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			s, ps := Check(tt.file)
			if s == nil {
				t.Fatalf("load failed:\n%v", ps)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.Severity.String()+" "+p.Rule+" "+p.Path)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems differ\n got: %q\nwant: %q\nfull:\n%v", got, tt.want, ps)
			}
		})
	}
}

// A standard built in Go (no Lines, no Source) validates without panics
// and reports problems without lines.
func TestValidateBuiltStandard(t *testing.T) {
	s := &Standard{
		Occupation:  "測試",
		Description: "描述",
		Level:       3,
		Duties: []Duty{{Code: "T1", Title: "職責", Tasks: []Task{{
			Code: "T1.1", Title: "任務", Level: 3,
			Blocks: []Block{{
				Indicators: []Entry{{Code: "P1.1.1", Text: "指標【註1】。"}},
				Knowledge:  []Ref{{Code: "K01", Text: "知識"}},
			}},
		}}}},
		Knowledge: []Item{{Code: "K01", Text: "知識"}},
	}
	ps := Validate(s)
	var got []string
	for _, p := range ps {
		got = append(got, p.Severity.String()+" "+p.Rule+" "+p.Path)
		if p.Line != 0 {
			t.Errorf("line %d without source", p.Line)
		}
	}
	want := []string{
		"info R08 duty[0].task[0]", "info R08 duty[0].task[0]",
		"error R10 duty[0].task[0].block[0].indicators[0]",
		"warning R12 remarks.prerequisites",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
