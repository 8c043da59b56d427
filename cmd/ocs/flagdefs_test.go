package main

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// definedFlags lists the commands below root whose flags are defined.
func definedFlags(root *cobra.Command) []string {
	var out []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if sub.LocalNonPersistentFlags().HasFlags() {
				out = append(out, sub.CommandPath())
			}
			walk(sub)
		}
	}
	walk(root)
	return out
}

func TestFlagsDefinedForTheCommandRun(t *testing.T) {
	all := func() []string {
		root, d := newRoot(readEnv())
		d.defineAll()
		return definedFlags(root)
	}()
	if len(all) < 10 {
		t.Fatalf("flags of only %v", all)
	}
	for _, tc := range []struct {
		args []string
		want []string // nil: every command's
	}{
		{[]string{"--version"}, []string{}},
		{[]string{"--help"}, []string{}},
		{[]string{}, []string{}},
		{[]string{"version"}, []string{}},
		{[]string{"render", "standard", "THM2431-001v1", "-o", "x.pdf"}, []string{"ocs render"}},
		{[]string{"--settings", "s.toml", "check", "--strict"}, []string{"ocs check"}},
		{[]string{"fonts", "check", "--no-system-fonts"}, []string{"ocs fonts check"}},
		{[]string{"help", "render"}, nil},
		{[]string{"__complete", "render", "--"}, nil},
		{[]string{"completion", "bash"}, nil},
		{[]string{"rendr"}, nil},
	} {
		root, d := newRoot(readEnv())
		d.defineFor(root, tc.args)
		got := definedFlags(root)
		want := tc.want
		if want == nil {
			want = all
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%q: flags of %q, want %q", tc.args, got, want)
		}
	}
}

// Help, usage errors and completion see the flags of the command they
// are about.
func TestFlagsInHelpAndCompletion(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"help", "render"}, "--roster string"},
		{[]string{"render", "--help"}, "--roster string"},
		{[]string{"fonts", "check", "-h"}, "--no-system-fonts"},
		{[]string{"help", "fonts", "check"}, "--no-system-fonts"},
		{[]string{"--settings", "none.toml", "serve", "--help"}, "--max-renders int"},
		{[]string{"__complete", "render", "--ro"}, "--roster"},
		{[]string{"__complete", "fonts", "check", "--no"}, "--no-system-fonts"},
	} {
		_, stdout, stderr := ocs(t, tc.args...)
		if !strings.Contains(stdout+stderr, tc.want) {
			t.Errorf("ocs %s does not show %s:\n%s%s", strings.Join(tc.args, " "), tc.want, stdout, stderr)
		}
	}
}
