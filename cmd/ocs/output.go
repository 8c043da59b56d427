package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// writeFile writes data to path atomically: it writes a hidden temporary
// file in the same folder, syncs it to disk and renames it into place, so
// an error, a full disk or a signal never leaves a partial file behind.
// path "-" writes to w (standard output).
func writeFile(path string, data []byte, w io.Writer) error {
	if path == "-" {
		_, err := w.Write(data)
		return err
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("%s is a folder: name a file to write, e.g. %s", path, filepath.Join(path, "out.pdf"))
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create folder for %s: %w", path, err)
	}
	name, err := writeTemp(dir, "."+filepath.Base(path), data)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	defer temps.done(name)
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return fmt.Errorf("write %s: %w", path, unwrapPath(err))
	}
	syncDir(dir)
	return nil
}

// writeTemp writes data to a new hidden file in dir named after prefix,
// syncs it and returns its path; the file is registered in temps until the
// caller calls temps.done. On error nothing is left.
func writeTemp(dir, prefix string, data []byte) (string, error) {
	var rnd [6]byte
	rand.Read(rnd[:])
	name := filepath.Join(dir, prefix+"."+hex.EncodeToString(rnd[:])+".tmp")
	if !temps.add(name) {
		return "", errors.New("interrupted")
	}
	if err := createSynced(name, data); err != nil {
		temps.done(name)
		return "", err
	}
	return name, nil
}

// createSynced creates the new file name with data and syncs it to disk.
// On error the file is removed.
func createSynced(name string, data []byte) error { return create(name, data, true) }

// create creates the new file name with data, synced to disk when sync is
// set. On error the file is removed.
func create(name string, data []byte, sync bool) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil && sync {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}

// syncDir makes a rename in dir durable; file systems that cannot sync a
// folder are not an error.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// syncFiles syncs the written files names to disk, several at once: the
// file system then commits them together, which for the 500 files of a
// roster costs a fraction of syncing each as it is written. It returns the
// first error, naming its file.
func syncFiles(names []string) error {
	const at = 8 // syncs in flight
	errs := make([]error, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(at, len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f, err := os.Open(names[i])
				if err == nil {
					err = f.Sync()
					f.Close()
				}
				errs[i] = err
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}
