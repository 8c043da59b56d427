package standard

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileSchema compiles Schema() with a real JSON Schema implementation,
// which also checks it against the draft-07 meta-schema.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("ocs.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("ocs.schema.json")
	if err != nil {
		t.Fatalf("schema does not compile: %v", err)
	}
	return sch
}

// asJSON decodes TOML into a generic map and re-reads it as JSON, the way
// an editor validates a TOML file against a JSON Schema.
func asJSON(t *testing.T, src []byte) any {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode(string(src), &m); err != nil {
		t.Fatalf("TOML: %v", err)
	}
	js, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// The bundled standards and every fixture without errors conform to the
// schema.
func TestSchemaAcceptsValidFiles(t *testing.T) {
	sch := compileSchema(t)
	files, _ := filepath.Glob("../standards/*.toml")
	if len(files) < 2 {
		t.Fatalf("bundled standards missing: %v", files)
	}
	fixtures, _ := filepath.Glob("testdata/rules/*.toml")
	files = append(append(files, "testdata/valid.toml", "testdata/shared.toml"), fixtures...)
	checked := 0
	for _, f := range files {
		s, ps := Check(f)
		if s == nil || len(ps.Errors()) > 0 {
			continue
		}
		checked++
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(asJSON(t, data)); err != nil {
			t.Errorf("%s does not conform to the schema: %v", f, err)
		}
	}
	if checked < 15 {
		t.Errorf("only %d files checked", checked)
	}
}

// What the loader rejects for its structure, the schema rejects too, so an
// editor flags it while typing.
func TestSchemaRejectsWhatLoadRejects(t *testing.T) {
	sch := compileSchema(t)
	const head = "occupation = \"測試\"\ndescription = \"描述\"\nlevel = 3\n"
	const task = "[[duty]]\ntitle = \"職責\"\n  [[duty.task]]\n  title = \"任務\"\n"
	// (A TOML date where text belongs is not here: JSON has no date type, so
	// editors see dates as strings; the loader reports it.)
	tests := map[string]string{
		"unknown top-level key":    head + task + "colour = \"red\"\n",
		"unknown task key":         head + task + "  indicator = [\"x\"]\n",
		"quoted level":             "occupation = \"測試\"\ndescription = \"描述\"\nlevel = \"3\"\n" + task,
		"string for a list":        head + task + "  outputs = \"x\"\n",
		"single category table":    head + "[category.job]\nname = \"x\"\n" + task,
		"number as indicator":      head + task + "  indicators = [3]\n",
		"unknown entry key":        head + task + "  indicators = [{ code = \"P1.1\", txt = \"x\" }]\n",
		"note key not a number":    head + task + "[notes]\none = \"x\"\n",
		"knowledge not a text":     head + task + "[knowledge]\nK01 = 5\n",
		"remarks at top level":     head + task + "prerequisites = [\"x\"]\n",
		"quoted shares_outputs":    head + task + "    [[duty.task.block]]\n    indicators = [\"x\"]\n    [[duty.task.block]]\n    shares_outputs = \"true\"\n",
		"shares_outputs on a task": head + task + "  shares_outputs = true\n",
		"shares a list":            head + task + "  shares = [\"T1.1\"]\n",
	}
	for name, src := range tests {
		if _, err := Parse("x.toml", []byte(src)); err == nil {
			t.Errorf("%s: the loader accepts it", name)
		}
		if err := sch.Validate(asJSON(t, []byte(src))); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
	// Rule errors an editor can see from the structure alone.
	for name, src := range map[string]string{
		"level 7":           "occupation = \"測試\"\ndescription = \"描述\"\nlevel = 7\n" + task,
		"no name":           "description = \"描述\"\nlevel = 3\n" + task,
		"both names":        head + "job_category = \"x\"\n" + task,
		"no description":    "occupation = \"測試\"\n" + task,
		"task and no title": head + "[[duty]]\ntitle = \"職責\"\n  [[duty.task]]\n  level = 3\n",
	} {
		if err := sch.Validate(asJSON(t, []byte(src))); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

func TestSchemaDescribesEveryField(t *testing.T) {
	seen := make(map[*node]bool)
	var walk func(path string, n *node)
	walk = func(path string, n *node) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		if n.desc == "" {
			t.Errorf("%s has no description", path)
		}
		for _, f := range n.fields {
			if f.node.example == "" {
				t.Errorf("%s.%s has no example", path, f.key)
			}
			walk(path+"."+f.key, f.node)
		}
		if n.elem != nil && n.kind != kArray {
			walk(path+".*", n.elem)
		} else if n.elem != nil && n.elem.kind != kString {
			walk(path+"[]", n.elem)
		}
	}
	walk("root", formatOf().root)
	if a, b := Schema(), Schema(); !bytes.Equal(a, b) {
		t.Error("Schema() is not deterministic")
	}
	if !strings.Contains(string(Schema()), `"additionalProperties": false`) {
		t.Error("schema does not forbid unknown keys")
	}
}
