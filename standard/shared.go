package standard

import "slices"

// Shared rows. Published standards print some tasks in one merged row
// (several tasks sharing one row block, Task.Shares) and some outputs in
// one cell spanning two blocks of a task (Block.SharesOutputs). The file
// writes the shared content once; Normalize gives the sharing tasks and
// blocks the shared content itself (the same slices, not copies: memory
// stays linear in the file however many tasks share a row), so that a
// reader of one task or block sees it. The helpers below tell shared
// content from content of its own, in linear time, so that a printer
// prints it once and the validator checks it once.

// shareTargets returns, for each task of d, the index of the earlier task
// of d it names in Shares (the first of that code), or -1 when it names
// none, or no earlier task.
func (d *Duty) shareTargets() []int {
	first := make(map[string]int, len(d.Tasks))
	out := make([]int, len(d.Tasks))
	for j := range d.Tasks {
		t := &d.Tasks[j]
		out[j] = -1
		if i, ok := first[t.Shares]; ok && t.Shares != "" {
			out[j] = i
		}
		if _, ok := first[t.Code]; !ok {
			first[t.Code] = j
		}
	}
	return out
}

// RowOwners returns, for each task of d, the index of the task whose row
// blocks it prints: the task it shares them with (see Task.Shares; through
// a chain T1.3 → T1.2 → T1.1, the task holding them), or the task itself
// when it shares none, names no earlier task of d, or has blocks of its
// own (an error the validator reports; they are printed as they are, so
// no text is lost).
func (d *Duty) RowOwners() []int {
	targets := d.shareTargets()
	owners := make([]int, len(d.Tasks))
	for j := range d.Tasks {
		owners[j] = j
		if targets[j] < 0 {
			continue
		}
		root := owners[targets[j]]
		if t := &d.Tasks[j]; emptyBlocks(t.Blocks) || sameBlocks(t.Blocks, d.Tasks[root].Blocks) {
			owners[j] = root
		}
	}
	return owners
}

// RowGroups returns the tasks of d as the standard table prints them, as
// indices into d.Tasks: each group is a task followed by the tasks that
// share its row blocks and stand right after it. A sharing task that is
// not next to the task it shares with (an error the validator reports)
// makes a group of its own.
func (d *Duty) RowGroups() [][]int {
	owners := d.RowOwners()
	var groups [][]int
	for j := range d.Tasks {
		if n := len(groups); n > 0 && owners[j] != j && owners[j] == groups[n-1][0] {
			groups[n-1] = append(groups[n-1], j)
			continue
		}
		groups = append(groups, []int{j})
	}
	return groups
}

// OutputsOwners returns, for each block of t, the index of the block whose
// outputs it prints: the first of the blocks above it that share one
// output cell (Block.SharesOutputs), or the block itself when it shares
// none, is the first block, or has outputs of its own (an error the
// validator reports).
func (t *Task) OutputsOwners() []int {
	owners := make([]int, len(t.Blocks))
	for b := range t.Blocks {
		owners[b] = b
		if b == 0 || !t.Blocks[b].SharesOutputs {
			continue
		}
		if out, above := t.Blocks[b].Outputs, t.Blocks[b-1].Outputs; len(out) == 0 || sameEntries(out, above) {
			owners[b] = owners[b-1]
		}
	}
	return owners
}

// outputsShared reports whether block b of t prints the outputs of the
// block above (OutputsOwners()[b] != b), in constant time after Normalize.
func (t *Task) outputsShared(b int) bool {
	if b == 0 || !t.Blocks[b].SharesOutputs {
		return false
	}
	out := t.Blocks[b].Outputs
	return len(out) == 0 || sameEntries(out, t.Blocks[b-1].Outputs)
}

// shareRows completes the shared content of s: a block that shares the
// outputs of the block above gets them, and a task that shares the row
// blocks of an earlier task gets those blocks (and their level when it
// sets none). Codes are already set, so the shared content carries the
// codes printed. Content of a block or task's own is kept.
func shareRows(s *Standard) {
	for i := range s.Duties {
		d := &s.Duties[i]
		for j := range d.Tasks {
			t := &d.Tasks[j]
			for b, o := range t.OutputsOwners() {
				if o != b {
					t.Blocks[b].Outputs = t.Blocks[o].Outputs
				}
			}
		}
		for j, owner := range d.RowOwners() {
			if owner == j {
				continue
			}
			t, o := &d.Tasks[j], &d.Tasks[owner]
			t.Blocks = o.Blocks
			if t.Level == 0 {
				t.Level = o.Level
			}
		}
	}
}

// emptyBlocks reports whether blocks hold nothing: no level, outputs,
// indicators or references (what a sharing task without a row of its own
// has before Normalize gives it the shared blocks).
func emptyBlocks(blocks []Block) bool {
	for _, b := range blocks {
		if b.Level != 0 || b.SharesOutputs || len(b.Outputs)+len(b.Indicators)+len(b.Knowledge)+len(b.Skills) > 0 {
			return false
		}
	}
	return true
}

// sameBlocks reports whether two lists of blocks are the same: the same
// slice, as Normalize leaves shared blocks (checked in constant time), or
// equal content.
func sameBlocks(a, b []Block) bool {
	if len(a) != len(b) {
		return false
	}
	if len(a) == 0 || &a[0] == &b[0] {
		return true
	}
	return slices.EqualFunc(a, b, func(x, y Block) bool {
		return x.Level == y.Level && x.SharesOutputs == y.SharesOutputs &&
			sameEntries(x.Outputs, y.Outputs) && sameEntries(x.Indicators, y.Indicators) &&
			slices.Equal(x.Knowledge, y.Knowledge) && slices.Equal(x.Skills, y.Skills)
	})
}

// sameEntries is sameBlocks for outputs or indicators.
func sameEntries(a, b []Entry) bool {
	if len(a) != len(b) {
		return false
	}
	return len(a) == 0 || &a[0] == &b[0] || slices.Equal(a, b)
}
