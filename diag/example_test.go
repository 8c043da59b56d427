package diag_test

import (
	"fmt"

	"github.com/ocs-project/ocs/diag"
)

// Decode a small settings file into a struct: a value of the wrong type is
// told in words at its line; unknown keys come with a suggestion.
func ExampleDecode() {
	type settings struct {
		Lang  string `toml:"lang"`
		Fonts struct {
			Font   string `toml:"font"`
			System bool   `toml:"system"`
		} `toml:"fonts"`
	}
	var st settings
	_, probs := diag.Decode("team.toml", []byte("lang = \"en\"\n[fonts]\nsystem = \"yes\"\n"), &st, diag.Limits{})
	fmt.Println(probs)

	doc, _ := diag.Decode("team.toml", []byte("lnag = \"en\"\n[fonts]\nfnt = \"kaiu.ttf\"\n"), &st, diag.Limits{})
	for _, p := range doc.UnknownKeys() {
		fmt.Println(p.Line, p.Path, p.Suggestion)
	}
	// Output:
	// team.toml:3:1: error TOML: system must be true or false, not a string ("yes") (fonts.system)
	// 1 lnag lang
	// 3 fonts.fnt font
}
