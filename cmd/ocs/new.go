package main

import (
	"embed"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/ocs-project/ocs/standards"
)

// starters are the commented starting files `ocs new` writes. Each passes
// its own checks as written (tests make sure).
//
//go:embed starters/*.toml
var starters embed.FS

// starterKinds are the kinds of file `ocs new` can start.
var starterKinds = []string{"standard", "overlay", "assessment"}

// today is the date a new overlay's date_posted starts at; a variable so
// tests can fix it.
var today = func() time.Time { return time.Now() }

// starter returns the starting file of a kind, with the standard it is
// for (overlay, assessment) filled in.
func starter(kind, std string) ([]byte, error) {
	data, err := starters.ReadFile("starters/" + kind + ".toml")
	if err != nil {
		return nil, fmt.Errorf("unknown kind %q: ocs new makes %s", kind, strings.Join(starterKinds, ", "))
	}
	s := strings.ReplaceAll(string(data), "{{STANDARD}}", std)
	s = strings.ReplaceAll(s, "{{DATE}}", today().Format("2006-01-02"))
	return []byte(s), nil
}

func newNewCmd(d flagDefs) *cobra.Command {
	var out, std string
	var force bool
	cmd := &cobra.Command{
		Use:   "new standard|overlay|assessment [-o FILE]",
		Short: "Write a commented starting file: a standard, a company overlay or assessment settings",
		Long: `new writes a commented starting file that passes ocs check as it is, for you to edit:

  standard     a new standard (職能基準) in TOML, with every section of the official form
  overlay      a company overlay for job postings (ocs render jobdesc --overlay)
  assessment   assessment settings (ocs render assessment --config)

The file is KIND.toml in the current folder unless -o names another (-o - writes to standard
output). An existing file is not overwritten unless --force.`,
		Example: `  ocs new standard -o my-standard.toml
  ocs new overlay --standard BAS1219-002v4 -o posting.toml
  ocs new assessment -o -`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: starterKinds,
		RunE: func(cmd *cobra.Command, args []string) error {
			kind := args[0]
			data, err := starter(kind, std)
			if err != nil {
				return err
			}
			if out == "" {
				out = kind + ".toml"
			}
			if out != "-" && !force {
				if _, err := os.Stat(out); err == nil {
					return fmt.Errorf("%s exists; choose another name with -o, or overwrite it with --force", out)
				} else if !errors.Is(err, os.ErrNotExist) {
					return err
				}
			}
			if err := writeFile(out, data, cmd.OutOrStdout()); err != nil {
				return err
			}
			if out != "-" {
				fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s; check it with: ocs check %s\n", out, out)
			}
			return nil
		},
	}
	d.add(cmd, func() {
		fl := cmd.Flags()
		fl.StringVarP(&out, "output", "o", "", "file to write (default KIND.toml; - for standard output)")
		fl.StringVar(&std, "standard", firstBundled(), "the standard an overlay or assessment settings are for (a bundled code or a TOML path)")
		fl.BoolVar(&force, "force", false, "overwrite an existing file")
	})
	return cmd
}

// firstBundled names the standard new overlays and settings start from:
// the newest-coded bundled standard (THM2431-001v1, the project's seed).
func firstBundled() string {
	if c := standards.Codes(); len(c) > 0 {
		return c[len(c)-1]
	}
	return ""
}
