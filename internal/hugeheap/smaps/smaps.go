// Package smaps reads what /proc/self/smaps says of this process's
// mappings, for the tests of the huge-page packages.
package smaps

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// Mapping returns the fields of the mapping of this process holding
// addr, from /proc/self/smaps: "Size", "Rss", "VmFlags" and the others, and the
// mapping's path under "path".
func Mapping(t testing.TB, addr uintptr) map[string]string {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var fields map[string]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		head := strings.Fields(line)
		if from, to, ok := strings.Cut(head[0], "-"); ok && !strings.HasSuffix(head[0], ":") {
			lo, err1 := strconv.ParseUint(from, 16, 64)
			hi, err2 := strconv.ParseUint(to, 16, 64)
			if err1 == nil && err2 == nil {
				if fields != nil {
					return fields
				}
				if uint64(addr) >= lo && uint64(addr) < hi {
					fields = map[string]string{"path": strings.Join(head[5:], " ")}
				}
				continue
			}
		}
		if k, v, ok := strings.Cut(line, ":"); ok && fields != nil {
			fields[k] = strings.TrimSpace(v)
		}
	}
	if fields == nil {
		t.Fatalf("no mapping holds %#x", addr)
	}
	return fields
}
