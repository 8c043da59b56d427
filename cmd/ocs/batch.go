package main

import (
	"context"
	"io"
	"runtime"
	"sync"

	"github.com/schollz/progressbar/v3"
)

// parallel runs fn(i) for i in [0, n) on workers goroutines (0 = one per
// CPU) and returns the error of each call by index, so results do not
// depend on the number of workers. After ctx is cancelled no new call
// starts; those not started get ctx's error.
func parallel(ctx context.Context, workers, n int, fn func(i int) error) []error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > n {
		workers = n
	}
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = fn(i)
			}
		}()
	}
	i := 0
feed:
	for ; i < n; i++ {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	for ; i < n; i++ {
		errs[i] = ctx.Err()
	}
	return errs
}

// progress is a progress bar on a terminal and silence elsewhere.
type progress struct {
	bar *progressbar.ProgressBar
	mu  sync.Mutex
}

// newProgress shows a bar of n steps on w when w is a terminal.
func newProgress(w io.Writer, n int, what string) *progress {
	if !isTerminal(w) || n < 2 {
		return &progress{}
	}
	if e, ok := w.(*escaper); ok {
		w = e.w // the bar's own control sequences go to the terminal as they are
	}
	return &progress{bar: progressbar.NewOptions(n,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100_000_000),
	)}
}

// step advances the bar by one.
func (p *progress) step() {
	if p.bar == nil {
		return
	}
	p.mu.Lock()
	p.bar.Add(1)
	p.mu.Unlock()
}

// done removes the bar.
func (p *progress) done() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
