package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates/jobdesc"
)

func newSchemaCmd(d flagDefs) *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "schema [standard|overlay|assessment|settings]",
		Short: "Print the JSON Schema of a TOML file kind, for editors",
		Long: `schema prints a JSON Schema (draft-07) of the TOML format of one kind of file: a
standard (the default), a company overlay, assessment settings or a settings file.
Editors that understand JSON Schema for TOML (Taplo, the Even Better TOML extension of
VS Code) then complete keys, show what each field means and flag unknown keys and wrong
types as you type.

Save it next to your files and point to it from the first line of a file:

  #:schema ./ocs-overlay.schema.json

ocs check also reads that line: a schema file name containing overlay, assessment or
settings tells it which rules to check the file with. The schema checks the structure
only; run ocs check for the rules.`,
		Example: `  ocs schema -o ocs-standard.schema.json
  ocs schema overlay -o ocs-overlay.schema.json`,
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: []string{"standard", "overlay", "assessment", "settings"},
		RunE: func(cmd *cobra.Command, args []string) error {
			kind := kindStandard
			if len(args) == 1 {
				kind = fileKind(args[0])
			}
			data, err := schemaOf(kind)
			if err != nil {
				return err
			}
			return writeFile(output, data, cmd.OutOrStdout())
		},
	}
	d.add(cmd, func() {
		cmd.Flags().StringVarP(&output, "output", "o", "-", "write the schema to this file instead of standard output")
	})
	return cmd
}

// schemaOf returns the JSON Schema of a kind of file.
func schemaOf(kind fileKind) ([]byte, error) {
	var root map[string]any
	switch kind {
	case kindStandard:
		return standard.Schema(), nil
	case kindOverlay:
		root = structSchema(reflect.TypeFor[jobdesc.Overlay]())
		root["title"] = "ocs company overlay (job description and posting)"
	case kindAssessment:
		root = assessmentSchema()
	case kindSettings:
		root = structSchema(reflect.TypeFor[settings]())
		root["title"] = "ocs settings file (.ocs.toml)"
	default:
		names := make([]string, len(fileKinds))
		for i, k := range fileKinds {
			names[i] = string(k)
		}
		return nil, fmt.Errorf("unknown file kind %q: choose one of %s", kind, strings.Join(names, ", "))
	}
	root["$schema"] = "http://json-schema.org/draft-07/schema#"
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// structSchema returns the schema of a struct decoded from TOML: its
// fields with a toml tag are the only keys allowed.
func structSchema(t reflect.Type) map[string]any {
	props := map[string]any{}
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		props[name] = typeSchema(f.Type)
	}
	return map[string]any{"type": "object", "properties": props, "additionalProperties": false}
}

// typeSchema returns the schema of a Go type as TOML decodes it.
func typeSchema(t reflect.Type) map[string]any {
	if t == reflect.TypeFor[jobdesc.Date]() {
		return map[string]any{"type": "string", "format": "date"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return typeSchema(t.Elem())
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32:
		return map[string]any{"type": "integer"}
	case reflect.Float64, reflect.Float32:
		return map[string]any{"type": "number"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": typeSchema(t.Elem())}
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": typeSchema(t.Elem())}
	case reflect.Struct:
		return structSchema(t)
	}
	return map[string]any{}
}

// assessmentSchema is the schema of assessment settings (see
// templates.ParseAssessmentConfig).
func assessmentSchema() map[string]any {
	str := map[string]any{"type": "string"}
	strs := map[string]any{"type": "array", "items": str}
	return map[string]any{
		"title": "ocs assessment settings (--config)",
		"type":  "object",
		"properties": map[string]any{
			"lang":      map[string]any{"type": "string", "enum": []string{"zh-TW", "en"}},
			"landscape": map[string]any{"type": "boolean"},
			"parts":     strs,
			"scope":     strs,
			"scale": map[string]any{"type": "object", "additionalProperties": false, "properties": map[string]any{
				"points": map[string]any{"type": "integer", "minimum": 2},
				"labels": strs,
				"pass":   map[string]any{"type": "integer", "minimum": 1},
			}},
			"methods": map[string]any{"type": "object", "additionalProperties": strs},
			"labels":  map[string]any{"type": "object", "additionalProperties": str},
		},
		"additionalProperties": false,
	}
}
