package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/ocs-project/ocs/diag"
	"github.com/ocs-project/ocs/templates"
	"github.com/spf13/cobra"
)

// settingsFile is the settings file ocs reads from the current folder
// when --settings does not name another.
const settingsFile = ".ocs.toml"

// settings are defaults for every command, from a TOML file, so that a
// team sets its fonts and wording once:
//
//	lang = "zh-TW"
//	[fonts]
//	font = "fonts/kaiu.ttf"          # .ttf, or name.ttc#N
//	bold = ""
//	latin = ""                       # Latin letters and digits; "none" = the main font
//	fallbacks = ["fonts/TW-Kai-98_1.ttf"]
//	system = false                   # take missing characters from system fonts
//	[docx]
//	east_asia_font = "標楷體"
//	ascii_font = "Times New Roman"
//	embed_fonts = true               # carry the used characters of the fonts
//	reference = "templates/company.dotx"  # styles, page, header and footer
//	[brand]                          # house style (off by default)
//	name = "範例股份有限公司"
//	logo = "logo.png"
//	color = "#1F4E79"
//	[labels]
//	knowledge = "職能內涵（K=knowledge 知識）"
//
// Flags given on the command line win over the file.
type settings struct {
	Lang  string `toml:"lang"`
	Fonts struct {
		Font      string   `toml:"font"`
		Bold      string   `toml:"bold"`
		Latin     string   `toml:"latin"`
		Fallbacks []string `toml:"fallbacks"`
		System    *bool    `toml:"system"`
	} `toml:"fonts"`
	DOCX struct {
		EastAsiaFont string `toml:"east_asia_font"`
		ASCIIFont    string `toml:"ascii_font"`
		EmbedFonts   *bool  `toml:"embed_fonts"`
		Reference    string `toml:"reference"`
	} `toml:"docx"`
	// RawLabels is the [labels] table as written; Labels the checked
	// overrides (see templates.LabelOverrides).
	RawLabels any               `toml:"labels"`
	Labels    map[string]string `toml:"-"`
	Brand     struct {
		Name   string `toml:"name"`
		Line   string `toml:"line"`
		Footer string `toml:"footer"`
		Logo   string `toml:"logo"`
		Color  string `toml:"color"`
	} `toml:"brand"`
	// Draft renders standards with errors as drafts (--draft).
	Draft bool `toml:"draft"`
}

// addSettingsFlag registers --settings on the root command.
func addSettingsFlag(root *cobra.Command) {
	root.PersistentFlags().String("settings", "", "settings file (default: "+settingsFile+" in the current folder, when present)")
}

// loadSettings reads the settings named by --settings, or the default file
// when it exists; no file gives empty settings.
func loadSettings(cmd *cobra.Command) (*settings, error) {
	path, _ := cmd.Flags().GetString("settings")
	explicit := path != ""
	if !explicit {
		path = settingsFile
	}
	data, err := os.ReadFile(path)
	if err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			return &settings{}, nil
		}
		return nil, fmt.Errorf("read settings: %w", err)
	}
	return parseSettings(path, data)
}

// parseSettings decodes a settings file strictly, through diag.Decode:
// bounded, wrong types and unknown keys (with a suggestion) reported at
// their lines, and every label checked against the document kinds.
func parseSettings(path string, data []byte) (*settings, error) {
	var st settings
	doc, ps := diag.Decode(path, data, &st, diag.Limits{})
	if ps != nil {
		return nil, ps
	}
	ps = doc.UnknownKeys()
	labels, lps := templates.LabelOverrides(doc, "labels", st.RawLabels)
	if ps = append(ps, lps...); len(ps) > 0 {
		ps.Sort()
		return nil, ps
	}
	st.Labels = labels
	return &st, nil
}

// applyFonts fills the font flags the user did not give from the settings.
func (st *settings) applyFonts(cmd *cobra.Command, f *fontFlags) {
	fl := cmd.Flags()
	if !fl.Changed("font") && st.Fonts.Font != "" {
		f.config.Font = st.Fonts.Font
	}
	if !fl.Changed("font-bold") && st.Fonts.Bold != "" {
		f.config.Bold = st.Fonts.Bold
	}
	if !fl.Changed("latin-font") && st.Fonts.Latin != "" {
		f.config.Latin = st.Fonts.Latin
	}
	if !fl.Changed("fallback-font") && len(st.Fonts.Fallbacks) > 0 {
		f.config.Fallbacks = st.Fonts.Fallbacks
	}
	if st.Fonts.System != nil {
		if fl.Lookup("no-system-fonts") != nil && !fl.Changed("no-system-fonts") {
			f.noSystem = !*st.Fonts.System
		}
	}
}

// lang returns the label language: the flag when given, else the settings,
// else the flag's default.
func (st *settings) lang(cmd *cobra.Command, flag string) string {
	if !cmd.Flags().Changed("lang") && st.Lang != "" {
		return st.Lang
	}
	return flag
}
