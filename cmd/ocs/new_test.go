package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
	"github.com/ocs-project/ocs/templates/assessment"
	"github.com/ocs-project/ocs/templates/jobdesc"
)

func fixToday(t *testing.T) {
	old := today
	today = func() time.Time { return time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { today = old })
}

// Every starting file passes the checks of its own kind as written.
func TestNewStartersPassTheirChecks(t *testing.T) {
	fixToday(t)
	dir := t.TempDir()
	for _, kind := range starterKinds {
		path := filepath.Join(dir, kind+".toml")
		if code, _, stderr := ocs(t, "new", kind, "-o", path); code != 0 {
			t.Fatalf("ocs new %s: exit %d: %s", kind, code, stderr)
		}
	}

	data, _ := os.ReadFile(filepath.Join(dir, "standard.toml"))
	if !strings.HasPrefix(string(data), "#:schema ") {
		t.Errorf("standard.toml does not start with a #:schema line for editors")
	}
	s, err := standard.Parse("standard.toml", data)
	if err != nil {
		t.Fatalf("the new standard does not load: %v", err)
	}
	if ps := standard.Validate(s); len(ps) != 0 {
		t.Errorf("the new standard has problems:\n%v", ps)
	}
	if n := len(s.Duties[0].Tasks); n != 2 || s.Name() != "客戶服務人員" {
		t.Errorf("new standard: %d tasks under T1, name %q", n, s.Name())
	}
	if code, out, _ := ocs(t, "check", filepath.Join(dir, "standard.toml")); code != 0 || !strings.Contains(out, "0 errors, 0 warnings") {
		t.Errorf("ocs check on the new standard: exit %d\n%s", code, out)
	}

	data, _ = os.ReadFile(filepath.Join(dir, "overlay.toml"))
	o, err := jobdesc.ParseOverlay(data, "overlay.toml")
	if err != nil {
		t.Fatalf("the new overlay does not load: %v", err)
	}
	if o.Standard != "THM2431-001v1" || !strings.Contains(string(data), "date_posted = 2026-12-02") {
		t.Errorf("new overlay is for %q, or lacks today's date:\n%s", o.Standard, data)
	}
	bdata, bname, err := standards.Open(o.Standard)
	if err != nil {
		t.Fatal(err)
	}
	bs, err := standard.Parse(bname, bdata)
	if err != nil {
		t.Fatal(err)
	}
	if errs := o.Validate(bs).Errors(); len(errs) != 0 {
		t.Errorf("the new overlay has errors:\n%v", errs)
	}

	data, _ = os.ReadFile(filepath.Join(dir, "assessment.toml"))
	if _, err := assessment.ParseAssessmentConfig(data, "assessment.toml"); err != nil {
		t.Errorf("the new assessment settings do not load: %v", err)
	}
}

func TestNewOptions(t *testing.T) {
	fixToday(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "posting.toml")
	if code, _, stderr := ocs(t, "new", "overlay", "--standard", "BAS1219-002v4", "-o", path); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), `standard = "BAS1219-002v4"`) {
		t.Errorf("--standard not written:\n%s", data)
	}
	// An existing file is kept unless --force.
	os.WriteFile(path, []byte("mine"), 0o644)
	code, _, stderr := ocs(t, "new", "overlay", "-o", path)
	if data, _ := os.ReadFile(path); code != 2 || string(data) != "mine" || !strings.Contains(stderr, "--force") {
		t.Errorf("overwrote an existing file without --force: exit %d, %q, stderr %s", code, data, stderr)
	}
	if code, _, _ := ocs(t, "new", "overlay", "-o", path, "--force"); code != 0 {
		t.Errorf("--force: exit %d", code)
	}
	// -o - writes to standard output.
	code, out, _ := ocs(t, "new", "assessment", "-o", "-")
	if code != 0 || !strings.Contains(out, "parts = [") {
		t.Errorf("-o -: exit %d, output %q", code, out)
	}
	// An unknown kind is a usage error naming the kinds.
	code, _, stderr = ocs(t, "new", "posting")
	if code != 2 || !strings.Contains(stderr, "standard, overlay, assessment") {
		t.Errorf("unknown kind: exit %d, %s", code, stderr)
	}
}
