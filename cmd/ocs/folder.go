package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// insideFolder returns the path of rel (slash-separated, from a manifest)
// inside dir after checking that it stays there: not absolute, no "..",
// and no symbolic link on the way, so that writing or deleting it cannot
// reach outside dir. The file itself may be missing; when present it must
// be a regular file.
func insideFolder(dir, rel string) (string, error) {
	if rel == "" || strings.HasPrefix(rel, "/") || filepath.IsAbs(filepath.FromSlash(rel)) || strings.Contains(rel, `\`) {
		return "", fmt.Errorf("%q is not a path inside the output folder", rel)
	}
	parts := strings.Split(rel, "/")
	p := dir
	for i, part := range parts {
		if part == "" || part == "." || part == ".." {
			return "", fmt.Errorf("%q is not a path inside the output folder", rel)
		}
		p = filepath.Join(p, part)
		info, err := os.Lstat(p)
		if errors.Is(err, os.ErrNotExist) {
			return filepath.Join(dir, filepath.FromSlash(rel)), nil
		}
		if err != nil {
			return "", err
		}
		switch {
		case info.Mode()&os.ModeSymlink != 0:
			return "", fmt.Errorf("%s is a symbolic link: ocs does not write or delete through links in the output folder", p)
		case i < len(parts)-1 && !info.IsDir():
			return "", fmt.Errorf("%s is in the way: a file where ocs needs a folder", p)
		case i == len(parts)-1 && !info.Mode().IsRegular():
			return "", fmt.Errorf("%s is in the way: not a regular file", p)
		}
	}
	return p, nil
}

// lockName is the lock file a build keeps in its output folder.
const lockName = ".ocs-build.lock"

// lockOutput takes the output folder dir for one build: it creates the
// lock file holding this process's PID, or fails when another live ocs
// holds it. A lock left by a process that is gone is taken over. The
// returned function releases the lock.
func lockOutput(dir string) (func(), error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", dir, err)
	}
	path := filepath.Join(dir, lockName)
	temps.wait()
	for attempt := 0; ; attempt++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, werr := fmt.Fprintf(f, "%d\n", os.Getpid())
			if cerr := f.Close(); werr == nil {
				werr = cerr
			}
			if werr != nil {
				os.Remove(path)
				return nil, fmt.Errorf("lock %s: %w", dir, werr)
			}
			temps.add(path) // removed too when a second signal ends ocs at once
			return func() {
				os.Remove(path)
				temps.done(path)
			}, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("lock %s: %w", dir, err)
		}
		data, rerr := os.ReadFile(path)
		pid, perr := strconv.Atoi(strings.TrimSpace(string(data)))
		if rerr == nil && perr == nil && pid > 0 && (pid == os.Getpid() || processAlive(pid)) || attempt > 0 {
			return nil, fmt.Errorf("another ocs build is writing %s (process %s, see %s); wait for it to finish, or delete the lock file if no build is running",
				dir, strings.TrimSpace(string(data)), path)
		}
		// Stale (its process is gone) or unreadable after a crash: take it over.
		if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("lock %s: remove the stale lock: %w", dir, err)
		}
	}
}
