package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// signalCause is the cause of a context cancelled by a signal.
type signalCause struct{ sig os.Signal }

func (c signalCause) Error() string { return "interrupted by " + c.sig.String() }

// exitStatus is the shell's status for a process ended by the signal:
// 128 + its number (130 for SIGINT, 143 for SIGTERM).
func (c signalCause) exitStatus() int {
	if s, ok := c.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}

// interruptCode is the exit status of a command whose context ctx was
// cancelled: 128 + the signal, or 130 (as for Ctrl-C) when no signal says.
func interruptCode(ctx context.Context) int {
	var c signalCause
	if errors.As(context.Cause(ctx), &c) {
		return c.exitStatus()
	}
	return 130
}

// interrupted tells the user how far a command got and returns the exit
// status for the interruption.
func interrupted(ctx context.Context, w io.Writer, what string) error {
	fmt.Fprintf(w, "interrupted: %s\n", what)
	return exitError{interruptCode(ctx)}
}

// notifySignals returns a context that the first SIGINT or SIGTERM
// cancels: commands stop scheduling work, cancel what is running, clean up
// and exit 130 or 143. A second signal exits at once, after removing the
// temporary files still registered, so that no partial file is left.
//
// The handlers are installed on a goroutine of their own: the runtime
// starts a thread for them, a millisecond or more that the command need
// not wait for. Until they are in place a signal ends the program as it
// would any other, and no temporary file is made before then (temps.add
// waits for them).
func notifySignals(parent context.Context, stderr io.Writer) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 2)
	installed := make(chan struct{})
	temps.waitFor(installed)
	done := make(chan struct{})
	go func() {
		signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
		close(installed)
		select {
		case sig := <-ch:
			cancel(signalCause{sig})
		case <-done:
			return
		}
		select {
		case sig := <-ch:
			temps.removeAll()
			fmt.Fprintln(stderr, "ocs: stopped at once; partial files removed")
			os.Exit(signalCause{sig}.exitStatus())
		case <-done:
		}
	}()
	return ctx, func() {
		<-installed
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}

// temps are the temporary files and folders in flight, removed when a
// second signal ends the program at once.
var temps = &tempSet{paths: map[string]bool{}}

// tempSet is a set of temporary paths, safe for concurrent use.
type tempSet struct {
	mu      sync.Mutex
	paths   map[string]bool
	closing bool
	ready   <-chan struct{} // closed once signals are caught; nil: no wait
}

// waitFor makes add wait until ready is closed: the signal handlers that
// remove the registered paths are in place.
func (t *tempSet) waitFor(ready <-chan struct{}) {
	t.mu.Lock()
	t.ready = ready
	t.mu.Unlock()
}

// wait waits until the signal handlers are in place (see waitFor): a
// caller about to make a file that a signal must not leave behind calls
// it first, when it can register the path only once made.
func (t *tempSet) wait() {
	t.mu.Lock()
	ready := t.ready
	t.mu.Unlock()
	if ready != nil {
		<-ready
	}
}

// add registers path, once the signal handlers are in place; it reports
// false when the program is ending and nothing new may start.
func (t *tempSet) add(path string) bool {
	t.wait()
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closing {
		return false
	}
	t.paths[path] = true
	return true
}

// done forgets path: it was renamed into place or removed.
func (t *tempSet) done(path string) {
	t.mu.Lock()
	delete(t.paths, path)
	t.mu.Unlock()
}

// removeAll removes every registered path and refuses new ones.
func (t *tempSet) removeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.closing = true
	for p := range t.paths {
		os.RemoveAll(p)
	}
	t.paths = map[string]bool{}
}
