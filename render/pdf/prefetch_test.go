package pdf

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/render/pdf/pdfw"
)

// kaiFonts returns the characters of each TW-Kai font r keeps, made or
// being made.
func kaiFonts(r *Renderer) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for k := range r.fonts {
		if k.name == "TW-Kai" {
			out = append(out, k.runes)
		}
	}
	return out
}

// cjkDoc is a table of CJK text in plain and bold, with page numbers in
// its footer: more than prefetchRunes characters of TW-Kai.
func cjkDoc() *render.Document {
	var plain, bold []rune
	for r := rune(0x4E00); len(bold) < 60; r++ {
		if len(plain) < 200 {
			plain = append(plain, r)
		} else {
			bold = append(bold, r)
		}
	}
	return &render.Document{
		Meta:   render.Meta{Title: "職能基準", Lang: "zh-TW"},
		Footer: render.Footer{Right: "第 {page} 頁／共 {pages} 頁"},
		Blocks: []render.Block{
			&render.Heading{Level: 1, Runs: []render.Run{{Text: string(bold), Bold: true}}},
			&render.Paragraph{Runs: []render.Run{{Text: string(plain)}}},
			longTable(3, 2, 2),
		},
	}
}

func TestPrefetch(t *testing.T) {
	// The font made ahead, while the pages are laid out, from what the
	// coverage check found, is the one the pages draw with: a CJK
	// document (bold headings among its text, page numbers in its footer)
	// leaves one TW-Kai font behind, not a guessed one and the one drawn.
	doc := cjkDoc()
	r := NewRenderer(Options{Fonts: testSet(t)})
	f, _, err := layout(context.Background(), doc, false, r.set, r)
	if err != nil {
		t.Fatal(err)
	}
	ahead := kaiFonts(r)
	if len(ahead) != 1 || len([]rune(ahead[0])) < prefetchRunes {
		t.Fatalf("after layout the renderer has %d TW-Kai fonts, want 1 made ahead", len(ahead))
	}
	if _, err := r.embed(f, pdfw.New(pdfw.Info{})); err != nil {
		t.Fatal(err)
	}
	if keys := kaiFonts(r); len(keys) != 1 || keys[0] != ahead[0] {
		t.Errorf("after embedding the renderer has %d TW-Kai fonts, want only the one made ahead", len(keys))
	}
	// A render making its font ahead gives the bytes of one taking it
	// from the cache.
	first, err := NewRenderer(Options{Fonts: testSet(t)}).Render(doc)
	if err != nil {
		t.Fatal(err)
	}
	if again, err := r.Render(doc); err != nil || string(again) != string(first) {
		t.Errorf("the render with its font cached gives other bytes (%v)", err)
	}
	// With fewer characters than prefetchRunes, nothing is made ahead.
	small := &render.Document{Blocks: []render.Block{&render.Paragraph{Runs: []render.Run{{Text: "甲乙丙"}}}}}
	r = NewRenderer(Options{Fonts: testSet(t)})
	if _, _, err := layout(context.Background(), small, false, r.set, r); err != nil {
		t.Fatal(err)
	}
	if keys := kaiFonts(r); len(keys) != 0 {
		t.Errorf("made %d fonts ahead for three characters", len(keys))
	}
}

func TestFontOnce(t *testing.T) {
	// Goroutines asking at once for the same font get one font, made
	// once: the later ones wait for the first.
	set := testSet(t)
	r := NewRenderer(Options{Fonts: set})
	tab := newFaceTable(set, r.faceMetrics)
	e := tab.entries[tab.lookup('甲', false)]
	runes := []rune("甲乙丙丁戊己庚辛")
	const n = 8
	got := make([]*pdfw.Font, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			f, err := r.font(&e, runes)
			if err != nil {
				t.Error(err)
			}
			got[i] = f
		})
	}
	wg.Wait()
	for i, f := range got {
		if f == nil || f != got[0] {
			t.Fatalf("goroutine %d got font %p, goroutine 0 %p", i, f, got[0])
		}
	}
	if keys := kaiFonts(r); len(keys) != 1 {
		t.Errorf("the renderer keeps %d fonts, want 1", len(keys))
	}
}

func TestIncludes(t *testing.T) {
	tests := []struct {
		all, some string
		want      bool
	}{
		{"abc", "ac", true},
		{"abc", "", true},
		{"", "", true},
		{"abc", "d", false},
		{"bc", "ab", false},
		{"ab", "abc", false},
		{"ac", "b", false},
	}
	for _, tc := range tests {
		if got := includes([]rune(tc.all), []rune(tc.some)); got != tc.want {
			t.Errorf("includes(%q, %q) = %v, want %v", tc.all, tc.some, got, tc.want)
		}
	}
}

func TestFontPanicLetsWaitersGo(t *testing.T) {
	// A font whose making panics (here a face entry without metrics, so
	// that the widths cannot be read) is an error for its maker and for
	// every caller waiting for it, made on the caller's goroutine or on
	// prefetch's, and it is not kept.
	set := testSet(t)
	r := NewRenderer(Options{Fonts: set})
	e := faceEntry{face: set.Regular, ref: fontRef{family: "TW-Kai"}}
	runes := []rune("甲乙丙")
	kf, key, mine := r.claim(&e, runes)
	if !mine {
		t.Fatal("a new renderer already had the font")
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			_, err := r.font(&e, runes)
			errs <- err
		}()
	}
	go r.makeFont(kf, key, &e, runes)
	for range 4 {
		select {
		case err := <-errs:
			if err == nil || !strings.Contains(err.Error(), "internal error embedding font TW-Kai") {
				t.Errorf("a waiter got %v, want the internal error", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("a waiter still waits for a font whose making panicked")
		}
	}
	if keys := kaiFonts(r); len(keys) != 0 {
		t.Errorf("the renderer keeps %d fonts after the panics", len(keys))
	}
}
