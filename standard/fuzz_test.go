package standard

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzLoad feeds arbitrary bytes to Parse and Validate: they must never
// panic, a failed load must explain itself with Problems, and a loaded
// standard must hold the loader's promises.
func FuzzLoad(f *testing.F) {
	var seeds []string
	for _, pattern := range []string{"../standards/*.toml", "testdata/*.toml", "testdata/rules/*.toml"} {
		files, _ := filepath.Glob(pattern)
		seeds = append(seeds, files...)
	}
	for _, file := range seeds {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{"", "a = 1", "[[duty]]\n[[duty.task]]\n[[duty.task.block]]", "notes = { 1 = 'x【註1】' }",
		"[[duty]]\ncode = 'T9'\n[[duty.task]]\nindicators = [{code = 'P9.1'}, '', 'x']"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.toml", data)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 || s != nil {
				t.Fatalf("load failed without problems: %v, %v", err, s)
			}
			for _, p := range ps {
				if p.Severity != Error || p.Rule == "" || p.Message == "" || p.File != "fuzz.toml" {
					t.Fatalf("bad load problem %#v", p)
				}
			}
			return
		}
		checkLoaded(t, s, data)
		ps := Validate(s)
		lines := bytes.Count(data, []byte("\n")) + 1
		for i, p := range ps {
			if p.Rule == "" || p.Message == "" || p.Hint == "" || p.Line < 0 || p.Line > lines {
				t.Fatalf("bad problem %#v", p)
			}
			if i > 0 && ps[i-1].Line > p.Line {
				t.Fatalf("problems not sorted by line: %v", ps)
			}
		}
		if again := Validate(s); !reflect.DeepEqual(ps, again) {
			t.Fatal("Validate is not deterministic")
		}
		s.Walk(func(path, text string) {
			if path == "" || text == "" {
				t.Fatalf("Walk gave path %q text %q", path, text)
			}
		})
	})
}

// checkLoaded asserts what Parse promises about a loaded standard.
func checkLoaded(t *testing.T, s *Standard, data []byte) {
	t.Helper()
	if s.Source != "fuzz.toml" || s.Lines == nil {
		t.Fatalf("source %q, lines %v", s.Source, s.Lines != nil)
	}
	for _, d := range s.Duties {
		if d.Code == "" {
			t.Fatal("duty without code")
		}
		for _, task := range d.Tasks {
			if task.Code == "" || len(task.Blocks) == 0 || (task.Shorthand && len(task.Blocks) != 1) {
				t.Fatalf("task %q: shorthand %v with %d blocks", task.Code, task.Shorthand, len(task.Blocks))
			}
			for _, b := range task.Blocks {
				for _, e := range append(b.Outputs, b.Indicators...) {
					if e.Code == "" {
						t.Fatal("entry without code")
					}
				}
			}
		}
	}
}

// BenchmarkLoadTHM2431 loads and validates the bundled THM2431-001v1.
func BenchmarkLoadTHM2431(b *testing.B) {
	data, err := os.ReadFile(thm)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		s, err := Parse(thm, data)
		if err != nil {
			b.Fatal(err)
		}
		if ps := Validate(s); len(ps.Errors()) > 0 {
			b.Fatal(ps)
		}
	}
}
