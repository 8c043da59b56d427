package standard

import "slices"

// Shared rows. Published standards print some tasks in one merged row
// (several tasks sharing one row block, Task.Shares) and some outputs in
// one cell spanning two blocks of a task (Block.SharesOutputs). The file
// writes the shared content once; Normalize copies it to where it is
// shared, so that a reader of one task or block sees it, and the helpers
// below tell a copy from content of its own, so that a printer prints it
// once and the validator checks it once.

// shareTarget returns the index of the task that task j of d names in
// Shares, or -1 when it names none, or no earlier task of d.
func (d *Duty) shareTarget(j int) int {
	code := d.Tasks[j].Shares
	if code == "" {
		return -1
	}
	for i := range j {
		if d.Tasks[i].Code == code {
			return i
		}
	}
	return -1
}

// shareRoot follows Shares from task j through earlier tasks of d to the
// task that holds the blocks (a chain T1.3 → T1.2 → T1.1 ends at T1.1); it
// returns -1 when task j names no earlier task of d. Each step goes to an
// earlier task, so the walk ends.
func (d *Duty) shareRoot(j int) int {
	root := d.shareTarget(j)
	if root < 0 {
		return -1
	}
	for {
		next := d.shareTarget(root)
		if next < 0 {
			return root
		}
		root = next
	}
}

// RowOwner returns the index of the task whose row blocks task j of d
// prints: the task it shares them with (see Task.Shares), or j itself
// when it shares none, names no earlier task of d, or has blocks of its
// own (an error the validator reports; the blocks are printed as they
// are, so no text is lost).
func (d *Duty) RowOwner(j int) int {
	root := d.shareRoot(j)
	if root < 0 {
		return j
	}
	if t := &d.Tasks[j]; emptyBlocks(t.Blocks) || equalBlocks(t.Blocks, d.Tasks[root].Blocks) {
		return root
	}
	return j
}

// RowGroups returns the tasks of d as the standard table prints them, as
// indices into d.Tasks: each group is a task followed by the tasks that
// share its row blocks and stand right after it. A sharing task that is
// not next to the task it shares with (an error the validator reports)
// makes a group of its own.
func (d *Duty) RowGroups() [][]int {
	var groups [][]int
	for j := range d.Tasks {
		if n := len(groups); n > 0 {
			g := groups[n-1]
			if owner := d.RowOwner(j); owner != j && owner == g[0] {
				groups[n-1] = append(g, j)
				continue
			}
		}
		groups = append(groups, []int{j})
	}
	return groups
}

// OutputsOwner returns the index of the block whose outputs block b of t
// prints: the first of the blocks above it that share one output cell
// (Block.SharesOutputs), or b itself when it shares none, is the first
// block, or has outputs of its own (an error the validator reports).
func (t *Task) OutputsOwner(b int) int {
	owner := b
	for owner > 0 {
		blk := &t.Blocks[owner]
		above := &t.Blocks[owner-1]
		if !blk.SharesOutputs || (len(blk.Outputs) > 0 && !slices.Equal(blk.Outputs, above.Outputs)) {
			break
		}
		owner--
	}
	return owner
}

// shareRows completes the shared content of s: a block that shares the
// outputs of the block above gets a copy of them, and a task that shares
// the row blocks of an earlier task gets a copy of those blocks (and their
// level when it sets none). Codes are already set, so the copies carry the
// codes printed. Content of a block or task's own is kept.
func shareRows(s *Standard) {
	for i := range s.Duties {
		for j := range s.Duties[i].Tasks {
			t := &s.Duties[i].Tasks[j]
			for b := range t.Blocks {
				if o := t.OutputsOwner(b); o != b {
					t.Blocks[b].Outputs = slices.Clone(t.Blocks[o].Outputs)
				}
			}
		}
	}
	for i := range s.Duties {
		d := &s.Duties[i]
		for j := range d.Tasks {
			owner := d.RowOwner(j)
			if owner == j {
				continue
			}
			t, o := &d.Tasks[j], &d.Tasks[owner]
			t.Blocks = cloneBlocks(o.Blocks)
			if t.Level == 0 {
				t.Level = o.Level
			}
		}
	}
}

// emptyBlocks reports whether blocks hold nothing: no level, outputs,
// indicators or references (what a sharing task without a row of its own
// has before Normalize copies the shared blocks).
func emptyBlocks(blocks []Block) bool {
	for _, b := range blocks {
		if b.Level != 0 || b.SharesOutputs || len(b.Outputs)+len(b.Indicators)+len(b.Knowledge)+len(b.Skills) > 0 {
			return false
		}
	}
	return true
}

// equalBlocks reports whether two lists of blocks hold the same content.
func equalBlocks(a, b []Block) bool {
	return slices.EqualFunc(a, b, func(x, y Block) bool {
		return x.Level == y.Level && x.SharesOutputs == y.SharesOutputs &&
			slices.Equal(x.Outputs, y.Outputs) && slices.Equal(x.Indicators, y.Indicators) &&
			slices.Equal(x.Knowledge, y.Knowledge) && slices.Equal(x.Skills, y.Skills)
	})
}

// cloneBlocks returns a copy of blocks that shares no memory with them.
func cloneBlocks(blocks []Block) []Block {
	out := make([]Block, len(blocks))
	for i, b := range blocks {
		b.Outputs = slices.Clone(b.Outputs)
		b.Indicators = slices.Clone(b.Indicators)
		b.Knowledge = slices.Clone(b.Knowledge)
		b.Skills = slices.Clone(b.Skills)
		out[i] = b
	}
	return out
}
