package pdf

import (
	"context"
	"fmt"
	"sync"

	"github.com/ocs-project/ocs/fonts"
	"github.com/ocs-project/ocs/internal/evict"
	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/render/pdf/pdfw"
)

// Renderer renders documents with one set of options, keeping what does
// not change from one document to the next: the parsed metrics of each
// face, each embedded font, compressed, by the characters it draws, the
// paragraphs and tables laid out and, with a template, the page bodies
// drawn.
// A batch that reuses one Renderer pays for a font subset once per
// distinct set of characters. It is safe for concurrent use, and the
// bytes of a document do not depend on what was rendered before or
// alongside it.
type Renderer struct {
	opt Options
	set *fonts.Set
	err error // loading the default fonts

	mu      sync.Mutex
	metrics map[*fonts.Face]*fonts.Metrics
	fonts   map[fontKey]*keptFont
	order   evict.Queue[fontKey] // fonts in the order they go

	// With a template: what it draws, read once, and the streams
	// compressed for earlier documents.
	tmplOnce sync.Once
	tmpl     *drawing
	tmplErr  error
	cache    *pdfw.Cache
	bodies   *bodyCache
	paras    *paraCache
	tables   *tableCache
}

// fontKey names an embedded font: the font file it is cut from and the
// characters it draws, in order.
type fontKey struct {
	data  *byte
	size  int
	name  string
	runes string
}

// keptFont is an embedded font a Renderer keeps, and whether a document
// took it since it was kept or last spared. Until done is closed it is
// being made, and f and err are not to be read.
type keptFont struct {
	f    *pdfw.Font
	err  error
	done chan struct{}
	used bool
}

// maxFonts bounds the embedded fonts a Renderer keeps (each is the
// size of its compressed font program, tens of kilobytes). Beyond, the
// oldest font no document took since it was kept goes first (a name's
// font), before those the documents share (the template's).
const maxFonts = 64

// NewRenderer returns a Renderer for the options. A nil opt.Fonts means
// the embedded TW-Kai set.
func NewRenderer(opt Options) *Renderer {
	r := &Renderer{opt: opt, set: opt.Fonts,
		metrics: make(map[*fonts.Face]*fonts.Metrics), fonts: make(map[fontKey]*keptFont),
		paras: newParaCache(), tables: newTableCache()}
	if r.set == nil {
		r.set, r.err = fonts.DefaultSet()
	}
	if opt.Template != nil {
		r.cache = pdfw.NewCache(cacheSize)
		r.bodies = newBodyCache()
	}
	return r
}

// cacheSize bounds the compressed streams a Renderer with a template
// keeps: what the documents share (some 100 KB for the THM2431 pack) and
// the latest documents' own pages, which go first. 8 MB gave a
// 500-candidate roster a peak RSS of 123 MB, 2 MB one of 103 MB.
const cacheSize = 2 << 20

// drawing is what a template draws: its characters and its texts, by
// font.
type drawing struct {
	runes map[fontRef][]rune
	texts map[fontRef]map[string]bool
}

// template returns what the template draws, laying the template out the
// first time; nil without a template.
func (r *Renderer) template() (*drawing, error) {
	if r.opt.Template == nil {
		return nil, nil
	}
	r.tmplOnce.Do(func() {
		f, _, err := layout(context.Background(), r.opt.Template, r.opt.AllowMissing, r.set, r)
		if err != nil {
			r.tmplErr = fmt.Errorf("template: %w", err)
			return
		}
		group, runes := drawn(f)
		d := &drawing{runes: make(map[fontRef][]rune), texts: make(map[fontRef]map[string]bool)}
		for g, set := range runes {
			if group[g] == g && set != nil {
				d.runes[f.t.entries[g].ref] = set.sorted()
			}
		}
		for _, pg := range f.pages {
			for _, o := range pg.texts {
				ref := f.t.entries[o.ent].ref
				if d.texts[ref] == nil {
					d.texts[ref] = make(map[string]bool)
				}
				d.texts[ref][o.text] = true
			}
		}
		r.tmpl = d
	})
	return r.tmpl, r.tmplErr
}

// shared keeps a Renderer per Options for Render, so that a batch calling
// Render document by document shares the work too. Options hold a font
// set pointer: a program loads a handful of sets at most.
var shared struct {
	sync.Mutex
	m map[Options]*Renderer
}

// maxShared bounds the Renderers Render keeps.
const maxShared = 8

// Render lays out doc on A4 pages and returns the PDF. The same document
// and options give the same bytes. Errors name the block at fault; a
// document tree never makes Render panic. Calls with the same options
// share one Renderer.
func Render(doc *render.Document, opt Options) ([]byte, error) {
	return RenderContext(context.Background(), doc, opt)
}

// RenderContext is Render that stops at the next page when ctx is done.
func RenderContext(ctx context.Context, doc *render.Document, opt Options) ([]byte, error) {
	shared.Lock()
	r := shared.m[opt]
	if r == nil {
		if shared.m == nil || len(shared.m) >= maxShared {
			shared.m = make(map[Options]*Renderer)
		}
		r = NewRenderer(opt)
		shared.m[opt] = r
	}
	shared.Unlock()
	return r.RenderContext(ctx, doc)
}

// Render lays out doc on A4 pages and returns the PDF.
func (r *Renderer) Render(doc *render.Document) ([]byte, error) {
	return r.RenderContext(context.Background(), doc)
}

// RenderContext is Render that stops at the next page when ctx is done,
// returning ctx's error and no bytes.
func (r *Renderer) RenderContext(ctx context.Context, doc *render.Document) (out []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			out, err = nil, fmt.Errorf("pdf: internal error (please report it with the input): %v", v)
		}
	}()
	if r.err != nil {
		return nil, fmt.Errorf("pdf: %w", r.err)
	}
	f, in, err := layout(ctx, doc, r.opt.AllowMissing, r.set, r)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	out, err = r.write(f, in)
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return out, nil
}

// faceMetrics returns the metrics of a face, reading them once.
func (r *Renderer) faceMetrics(f *fonts.Face) (*fonts.Metrics, error) {
	r.mu.Lock()
	m := r.metrics[f]
	r.mu.Unlock()
	if m != nil {
		return m, nil
	}
	m, err := f.Metrics()
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	r.metrics[f] = m
	r.mu.Unlock()
	return m, nil
}

// font returns the embedded font of face e drawing runes (sorted,
// without repeats), making it when no document made it before. A caller
// asking for a font another goroutine is making waits for it.
func (r *Renderer) font(e *faceEntry, runes []rune) (*pdfw.Font, error) {
	kf, key, mine := r.claim(e, runes)
	if mine {
		r.makeFont(kf, key, e, runes)
	}
	<-kf.done
	return kf.f, kf.err
}

// claim returns the kept font of face e drawing runes, and whether the
// caller is to make it: when r had none, claim keeps a new
// one, not made yet (makeFont).
func (r *Renderer) claim(e *faceEntry, runes []rune) (kf *keptFont, key fontKey, mine bool) {
	key = fontKey{size: len(e.face.Data), name: e.ref.family, runes: string(runes)}
	if len(e.face.Data) > 0 {
		key.data = &e.face.Data[0]
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if kf := r.fonts[key]; kf != nil {
		kf.used = true
		return kf, key, false
	}
	r.order.Evict(func() bool { return r.order.Len() >= maxFonts },
		func(k fontKey) bool {
			kf := r.fonts[k]
			used := kf.used
			kf.used = false
			return used
		},
		func(k fontKey) { delete(r.fonts, k) })
	kf = &keptFont{done: make(chan struct{})}
	r.fonts[key] = kf
	r.order.Push(key)
	return kf, key, true
}

// makeFont makes the font kf, claimed under key, and lets those waiting for
// it go on. A font that could not be made, or whose making panicked, is
// not kept, and its error is theirs.
func (r *Renderer) makeFont(kf *keptFont, key fontKey, e *faceEntry, runes []rune) {
	defer func() {
		// A font that cannot be made must still let its waiters go, and,
		// made on a goroutine of its own, must not take the program down.
		if v := recover(); v != nil {
			kf.f, kf.err = nil, fmt.Errorf("internal error embedding font %s (please report it with the input): %v", e.ref.family, v)
		}
		close(kf.done)
		if kf.err != nil {
			r.mu.Lock()
			if r.fonts[key] == kf {
				delete(r.fonts, key)
				r.order.Remove(key)
			}
			r.mu.Unlock()
		}
	}()
	kf.f, kf.err = embedFont(e, runes)
}

// prefetch starts making, on other goroutines, the fonts of the faces
// the coverage check found drawing many characters (ahead), while the
// pages are laid out. Documents drawn from a template take their fonts
// another way (embed), and are left alone.
func (r *Renderer) prefetch(t *faceTable) {
	if r.opt.Template != nil {
		return
	}
	for g, list := range t.ahead() {
		if list == nil {
			continue
		}
		e := t.entries[g] // a copy: layout goes on adding entries and widths
		if kf, key, mine := r.claim(&e, list); mine {
			go r.makeFont(kf, key, &e, list)
		}
	}
}

// embedFont cuts face e down to runes and makes the font to embed. The
// widths are the ones the layout measured with. An OpenType font with CFF
// outlines keeps its glyph codes (CIDs) through fonts.Program.SubsetCFF.
func embedFont(e *faceEntry, runes []rune) (*pdfw.Font, error) {
	name := e.ref.family
	if e.ref.style == "B" {
		name += "-Bold"
	}
	if e.face.CFF() {
		p, err := e.face.Program()
		if err != nil {
			return nil, fmt.Errorf("embedding font %s: %w", e.face, err)
		}
		m, err := e.face.Metrics()
		if err != nil {
			return nil, fmt.Errorf("embedding font %s: %w", e.face, err)
		}
		gids := make([]int, 0, len(runes))
		for _, r := range runes {
			if e.face.Has(r) {
				gids = append(gids, m.Glyph(r))
			}
		}
		cff, err := p.SubsetCFF(gids)
		if err != nil {
			return nil, fmt.Errorf("embedding font %s: %w", e.face, err)
		}
		return pdfw.NewCFF(name, e.face.Data, cff, e.chars(runes, func(r rune) int { return p.CID(m.Glyph(r)) }))
	}
	sub, err := e.face.Subset(runes)
	if err != nil {
		return nil, fmt.Errorf("embedding font %s: %w", e.face, err)
	}
	m, err := sub.Metrics()
	if err != nil {
		return nil, fmt.Errorf("embedding font %s: %w", e.face, err)
	}
	prog, err := fonts.TablesForPDF(sub.Data)
	if err != nil {
		return nil, fmt.Errorf("embedding font %s: %w", e.face, err)
	}
	return pdfw.NewTrueType(name, prog, e.chars(runes, m.Glyph))
}

// chars lists the characters to embed with the glyph code glyph gives and
// the width the layout measured. An allowed missing character is drawn as
// .notdef one em wide, as the layout measured it, and extracts as itself.
func (e *faceEntry) chars(runes []rune, glyph func(rune) int) []pdfw.Char {
	chars := make([]pdfw.Char, 0, len(runes))
	for _, c := range runes {
		if !e.face.Has(c) {
			chars = append(chars, pdfw.Char{Rune: c, Width: 1000})
			continue
		}
		chars = append(chars, pdfw.Char{Rune: c, Glyph: uint16(glyph(c)), Width: e.units(c)})
	}
	return chars
}
