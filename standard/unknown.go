package standard

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/ocs-project/ocs/diag"
)

// unknownKey reports a key the format does not have at this place, with
// the likely intended key or the table where it belongs.
func (d *decoder) unknownKey(path, key string, n *node) {
	msg := fmt.Sprintf("unknown key %q in %s", key, n.name)
	// A key written verbatim in another table is more likely misplaced
	// than abbreviated: that hint goes before a suggestion by prefix.
	var hint, suggestion string
	if s := diag.Nearest(key, n.keys()); s != "" {
		suggestion = s
	} else if f := formatOf(); n == f.block && f.task.field(key) != nil {
		hint = fmt.Sprintf("keys after a [[duty.task.block]] header belong to that block: write the task's %s before its first block", key)
	} else if where := keyHomes()[key]; len(where) > 0 {
		hint = fmt.Sprintf("%q belongs in %s", key, orList(where))
	} else if s := diag.SharesStart(key, n.keys()); s != "" {
		suggestion = s
	} else {
		hint = "keys allowed here: " + strings.Join(n.keys(), ", ")
	}
	d.errorAt(path, msg, hint)
	d.probs[len(d.probs)-1].Suggestion = suggestion
}

// keyHomes maps each key of the format to the tables that have it.
var keyHomes = sync.OnceValue(func() map[string][]string {
	homes := make(map[string][]string)
	var walk func(n *node)
	seen := make(map[*node]bool)
	walk = func(n *node) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		if n.kind == kTable {
			for _, f := range n.fields {
				if !slices.Contains(homes[f.key], n.name) {
					homes[f.key] = append(homes[f.key], n.name)
				}
			}
			for _, f := range n.fields {
				walk(f.node)
			}
		}
		walk(n.elem)
	}
	walk(formatOf().root)
	return homes
})

// orList joins names as "a", "a or b", "a, b or c".
func orList(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
