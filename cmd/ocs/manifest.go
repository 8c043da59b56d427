package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
)

// manifestName is the manifest's file name inside the output folder.
const manifestName = "manifest.json"

// manifest lists every output of a build: what it is, its size and
// sha256, and the sha256 of everything it was made from. It holds no
// times and is sorted, so two builds of the same inputs give the same
// bytes.
type manifest struct {
	Generator string   `json:"generator"`
	Outputs   []output `json:"outputs"`
}

// output is one file of a build.
type output struct {
	Path     string `json:"path"` // relative to the output folder, with slashes
	Standard string `json:"standard"`
	Source   string `json:"source"` // the input file, or bundled:NAME
	Kind     string `json:"kind"`
	Format   string `json:"format"`
	Size     int64  `json:"size"`
	SHA256   string `json:"sha256"`
	Inputs   string `json:"inputs_sha256"`
}

// readManifest reads dir's manifest; a missing or unreadable one is empty,
// which only means everything is rebuilt.
func readManifest(dir string) manifest {
	var m manifest
	data, err := os.ReadFile(filepath.Join(dir, manifestName))
	if err != nil {
		return m
	}
	if json.Unmarshal(data, &m) != nil {
		return manifest{}
	}
	return m
}

// write writes the manifest atomically, sorted by path.
func (m *manifest) write(dir string) error {
	sort.Slice(m.Outputs, func(i, j int) bool { return m.Outputs[i].Path < m.Outputs[j].Path })
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, manifestName), append(data, '\n'), nil)
}

// byPath indexes the outputs by path.
func (m *manifest) byPath() map[string]output {
	idx := make(map[string]output, len(m.Outputs))
	for _, o := range m.Outputs {
		idx[o.Path] = o
	}
	return idx
}

// upToDate reports whether the file of o in dir still has the manifest's
// size and hash, so it need not be made again for the same inputs (or may
// be deleted as stale). A file behind a symbolic link never is.
func upToDate(dir string, o output) bool {
	p, err := insideFolder(dir, o.Path)
	if err != nil {
		return false
	}
	data, err := os.ReadFile(p)
	if err != nil || int64(len(data)) != o.Size {
		return false
	}
	return sum(data) == o.SHA256
}

// sum is the hex sha256 of data.
func sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// generator names this program for the manifest and for input hashes: the
// version and, for a build from a source checkout, its commit. Any change
// to it rebuilds everything.
func generator() string {
	g := "ocs " + version
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return g
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if rev != "" {
		g += fmt.Sprintf(" (%s%s)", rev, dirty)
	}
	return g
}
