package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/standards"
)

// fontFlags are the font options shared by every command that draws text.
type fontFlags struct {
	config   fonts.Config
	noSystem bool
}

// addFontFlags registers --font, --font-bold, --latin-font,
// --fallback-font and --no-system-fonts on cmd.
func addFontFlags(cmd *cobra.Command, f *fontFlags) {
	fl := cmd.Flags()
	fl.StringVar(&f.config.Font, "font", "", "TrueType font for text: a .ttf file or a face of a collection, name.ttc#N (default: the embedded TW-Kai)")
	fl.StringVar(&f.config.Bold, "font-bold", "", "TrueType font for bold text (default: the regular font, emboldened)")
	fl.StringVar(&f.config.Latin, "latin-font", "", latinFontUsage)
	fl.StringArrayVar(&f.config.Fallbacks, "fallback-font", nil, "font for characters the main font lacks; repeat to add more, tried in order")
	fl.BoolVar(&f.noSystem, "no-system-fonts", false, "do not take missing characters from CJK fonts installed on this system (for reproducible builds)")
}

// latinFontUsage is the help of --latin-font.
const latinFontUsage = "TrueType font for Latin letters, digits and punctuation, kept with --font; " +
	`"none" draws them with the main font (default: the embedded OCS Serif, with the widths of Times New Roman)`

// load returns the configured font set. The PDF writer embeds OpenType
// (CFF) fonts and draws every character, CJK Extension B included.
func (f *fontFlags) load() (*fonts.Set, error) {
	c := f.config
	c.System = !f.noSystem
	c.CFF, c.MaxRune = true, unicode.MaxRune
	return c.Load()
}

func newFontsCmd(d flagDefs) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "fonts",
		Short: "Check that fonts have every character of a standard",
	}
	cmd.AddCommand(newFontsCheckCmd(d))
	return cmd
}

func newFontsCheckCmd(d flagDefs) *cobra.Command {
	var ff fontFlags
	cmd := &cobra.Command{
		Use:   "check [FILE|FOLDER]...",
		Short: "Report the characters of standards that the fonts lack",
		Long: `check lists, for each standard, every character that no font can draw and the fields it
occurs in, and which fallback font draws the characters the main font lacks.

The main font is the embedded TW-Kai subset unless --font names another. Characters it lacks
are taken from --fallback-font fonts, then from CJK TrueType fonts installed on this system
(such as the full TW-Kai, 標楷體 or 細明體), in a fixed order; --no-system-fonts turns that off,
so that the result depends only on the fonts given. PDF output cannot draw characters above
U+FFFF (CJK Extension B and later), whatever the font.

With no FILE, check the bundled standards. A FOLDER means every .toml file below it.
The exit status is 1 when a character is missing, 2 when a file cannot be read.`,
		Example: `  ocs fonts check standards/THM2431-001v1.toml
  ocs fonts check --no-system-fonts --fallback-font TW-Kai-98_1.ttf my-standards/
  ocs fonts check --font mingliu.ttc#1 THM2431-001v1.toml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := loadSettings(cmd)
			if err != nil {
				return err
			}
			st.applyFonts(cmd, &ff)
			set, err := ff.load()
			if err != nil {
				return err
			}
			return runFontsCheck(cmd.Context(), cmd.OutOrStdout(), set, args)
		},
	}
	d.add(cmd, func() {
		addFontFlags(cmd, &ff)
	})
	return cmd
}

// runFontsCheck writes the coverage report of each standard to w. When
// ctx is cancelled (Ctrl-C) it stops between standards.
func runFontsCheck(ctx context.Context, w io.Writer, set *fonts.Set, args []string) error {
	type source struct {
		name string
		load func() (*standard.Standard, error)
	}
	var sources []source
	if len(args) == 0 {
		for _, name := range standards.Names() {
			sources = append(sources, source{name, func() (*standard.Standard, error) {
				return standard.LoadFS(standards.FS, name)
			}})
		}
	} else {
		files, err := standard.FindFiles(args)
		if err != nil {
			return err
		}
		for _, name := range files {
			sources = append(sources, source{name, func() (*standard.Standard, error) {
				return standard.Load(name)
			}})
		}
	}
	status := 0
	for i, src := range sources {
		if ctx.Err() != nil {
			return interrupted(ctx, w, fmt.Sprintf("%d of %d standards checked", i, len(sources)))
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		s, err := src.load()
		if err != nil {
			fmt.Fprintf(w, "%s: cannot be read:\n%s\n", src.name, indent(firstLines(err.Error(), 10)))
			status = 2
			continue
		}
		rep := set.Cover(s.Walk)
		writeReport(w, src.name, rep)
		if !rep.OK() && status == 0 {
			status = 1
		}
	}
	if status != 0 {
		return exitError{status}
	}
	return nil
}

// writeReport writes one standard's coverage report.
func writeReport(w io.Writer, name string, rep *fonts.Report) {
	if rep.OK() {
		fmt.Fprintf(w, "%s: all %d characters are in the fonts\n", name, rep.Chars)
	} else {
		fmt.Fprintf(w, "%s: %d of %d characters are in none of the fonts\n", name, len(rep.Missing), rep.Chars)
	}
	for _, c := range rep.Missing {
		fmt.Fprintf(w, "  missing %s  %s\n", c, occurrences(c))
		if c.Holder != nil {
			fmt.Fprintf(w, "    %s has it, but PDF output cannot draw characters above U+FFFF\n", c.Holder)
		}
	}
	for _, u := range rep.Faces {
		fmt.Fprintf(w, "  %6d from %s\n", u.Chars, u.Face)
	}
	for _, c := range rep.Fallback {
		fmt.Fprintf(w, "  fallback %s from %s  %s\n", c, c.Face.Name, occurrences(c))
	}
	for _, s := range rep.Skipped {
		fmt.Fprintf(w, "  skipped system font: %s\n", s)
	}
}

// occurrences says where a character occurs: up to five fields, and how
// many times in all.
func occurrences(c fonts.Char) string {
	const most = 5
	paths := c.Paths
	more := ""
	if fields := max(c.Fields, len(paths)); fields > most {
		more = fmt.Sprintf(" and %d more fields", fields-most)
		paths = paths[:min(most, len(paths))]
	}
	times := ""
	if c.Count > 1 {
		times = fmt.Sprintf(" (%d times)", c.Count)
	}
	return "in " + strings.Join(paths, ", ") + more + times
}

// firstLines returns the first n lines of s and how many more there are.
func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) <= n {
		return strings.Join(lines, "\n")
	}
	return strings.Join(lines[:n], "\n") + fmt.Sprintf("\n… and %d more lines", len(lines)-n)
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ")
}
