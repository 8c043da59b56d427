package pdf

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
)

// A cancelled render stops at the next page: no bytes, the context's
// error, and far less work than the whole document.
func TestRenderContextCancelled(t *testing.T) {
	long := &render.Document{}
	for i := 0; i < 400; i++ {
		long.Blocks = append(long.Blocks, &render.Paragraph{Runs: []render.Run{{Text: strings.Repeat("職能基準行為指標。", 40)}}},
			&render.PageBreak{})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out, err := RenderContext(ctx, long, Options{})
	if !errors.Is(err, context.Canceled) || out != nil {
		t.Fatalf("cancelled render: %d bytes, error %v; want none and context.Canceled", len(out), err)
	}
	// The same document renders whole without cancellation.
	out, err = RenderContext(context.Background(), long, Options{})
	if err != nil || len(out) == 0 {
		t.Fatalf("render: %d bytes, %v", len(out), err)
	}
	// Allocation bound: a cancelled render costs a small part of a whole one.
	whole := testing.AllocsPerRun(1, func() { RenderContext(context.Background(), long, Options{}) })
	cut := testing.AllocsPerRun(1, func() { RenderContext(ctx, long, Options{}) })
	if cut*10 > whole {
		t.Errorf("a cancelled render allocates %.0f times, a whole one %.0f: it did not stop early", cut, whole)
	}
}
