package main

import "github.com/spf13/cobra"

// flagDefs holds, for each subcommand whose flags are not defined yet,
// the function that defines them.
//
// One run of ocs runs one command, but defining the flags of all of them
// took about half a millisecond of every start (some 330 allocations and
// 70 KB, nearly all of it in pflag). So newRoot builds every command with
// its name, help texts and run function, and a command's flags are
// defined only when that run needs them: see defineFor.
type flagDefs map[*cobra.Command]func()

// add has define define cmd's flags when they are needed.
func (d flagDefs) add(cmd *cobra.Command, define func()) {
	d[cmd] = define
}

// define defines cmd's flags unless they are defined already, and
// reports whether it defined them now.
func (d flagDefs) define(cmd *cobra.Command) bool {
	f, ok := d[cmd]
	if !ok {
		return false
	}
	delete(d, cmd)
	f()
	return true
}

// defineAll defines the flags of every command.
func (d flagDefs) defineAll() {
	for cmd := range d {
		d.define(cmd)
	}
}

// defineFor defines the flags that running root with args needs: those
// of the command args name and of its parents, found as cobra finds them
// (again after each definition, since a command's flags tell cobra which
// arguments are flag values). When args name no command, which is how
// cobra first sees help, completion and mistyped commands, it defines the
// flags of every command. Without any word, as in "ocs --version" or
// "ocs --help", root's own flags, always defined, are all it takes.
func (d flagDefs) defineFor(root *cobra.Command, args []string) {
	for {
		cmd, _, err := root.Find(args)
		if err != nil {
			d.defineAll()
			return
		}
		defined := false
		for c := cmd; c != nil; c = c.Parent() {
			if d.define(c) {
				defined = true
			}
		}
		if !defined {
			return
		}
	}
}
