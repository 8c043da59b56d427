// Package assessment builds the assessor's pack of a normalised standard as
// a render.Document (cover, checklists, knowledge questions, skills and
// attitude observation, third-party report, mapping matrix, result sheet),
// blank or for one candidate; it reads rosters (CSV, UTF-8 or Big5) and
// assessment settings files.
package assessment

import (
	"errors"
	"fmt"
	"slices"

	"github.com/ocs-project/ocs/render"
	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

// AssessmentOptions are the settings of an assessment pack.
type AssessmentOptions struct {
	templates.Options
	// Parts are the parts to print (see AssessmentParts()); empty means
	// every part that has something to show. Parts always print in the
	// order of AssessmentParts().
	Parts []string
	// Scope names the duties ("T1") and tasks ("T3.2") to assess; empty
	// means the whole standard. The K, S and A items follow the tasks.
	Scope []string
	// Scale is the rating scale; the zero value is 達成／未達成.
	Scale Scale
	// Methods gives the assessment methods of a task or of every task of
	// a duty, by code: {"T3.2": {"實作觀察", "口試"}}. Methods are named by
	// identifier (see AssessmentMethods()) or printed name. A task without
	// an entry gets observation and oral questioning, plus product review
	// when it has outputs (工作產出).
	Methods map[string][]string
}

// Assessment builds the assessment pack of s for a candidate: a cover and
// candidate sheet, an observation checklist of the indicators (P) and
// outputs (O), knowledge questions (K), a skills checklist (S), an
// attitude observation record (A), a third-party report, a mapping matrix
// showing which instrument covers each P, K and S, and a result sheet.
// Each part starts on a new page. A nil candidate gives blank forms with
// empty fill-in fields.
//
// Fixed words come from labels/assessment.toml in opt.Lang; the
// standard's own text is printed as written, with 【註N】 references as
// superscripts and the notes they refer to listed after each form.
func Assessment(s *standard.Standard, opt AssessmentOptions, c *Candidate) (*render.Document, error) {
	p, err := NewPack(s, opt)
	if err != nil {
		return nil, err
	}
	return p.Assessment(c), nil
}

// Pack is the assessment pack of a standard built once for a batch of
// candidates (a roster): its Assessment method makes a candidate's
// document making again only the blocks that name the candidate. The
// documents share the other blocks, which nothing may change. A Pack is
// safe for concurrent use.
type Pack struct {
	b *packBuilder
}

// NewPack builds the assessment pack of s for Pack.Assessment, with the
// errors of Assessment.
func NewPack(s *standard.Standard, opt AssessmentOptions) (*Pack, error) {
	b, explicit, err := newPackBuilder(s, opt)
	if err != nil {
		return nil, err
	}
	for _, p := range AssessmentParts() {
		if b.parts[p] && (explicit || !b.empty(p)) {
			b.part(p)
		}
	}
	return &Pack{b: b}, nil
}

// Assessment returns the pack's document for candidate c, the same as
// the package's Assessment function gives; a nil candidate gives blank
// forms.
func (p *Pack) Assessment(c *Candidate) *render.Document {
	b := p.b
	if c == nil {
		c = &Candidate{}
	}
	blocks := slices.Clone(b.blocks)
	for _, f := range b.fields {
		blocks[f.at] = f.build(c)
	}
	s := b.s
	title := b.f("pack_title", "{name}", s.Name())
	if c.Name != "" {
		title += candidateSep + c.Name
	}
	return &render.Document{
		Meta: render.Meta{
			Title:    title,
			Subject:  b.f("pack_subject", "{standard}", b.standardLine()),
			Keywords: packNonEmpty(s.Code, s.Name(), c.Name),
			Lang:     packLang(b.opt.Options),
			Date:     b.opt.Date,
		},
		Page:   render.Page{Landscape: b.opt.Landscape},
		Footer: render.Footer{Left: b.footerLeft(c), Right: b.l.Get("footer_pages")},
		Blocks: blocks,
	}
}

// candidateSep joins a pack's title and its candidate's name.
const candidateSep = " — "

// Check reports options that Assessment would reject for s: an unknown
// language, label, part or method, an unprintable scale, or a scope or
// methods entry naming a duty or task that s does not have. A batch can
// call it once before building a pack per candidate.
func (opt AssessmentOptions) Check(s *standard.Standard) error {
	_, _, err := newPackBuilder(s, opt)
	return err
}

// newPackBuilder checks the options and resolves the scope. It also
// reports whether the user chose the parts.
func newPackBuilder(s *standard.Standard, opt AssessmentOptions) (*packBuilder, bool, error) {
	if s == nil {
		return nil, false, errors.New("assessment pack: no standard given")
	}
	if err := s.CheckNormal(); err != nil {
		return nil, false, fmt.Errorf("assessment pack: %w", err)
	}
	l, err := assessmentLabels(opt.Options)
	if err != nil {
		return nil, false, err
	}
	if err := opt.Scale.check(); err != nil {
		return nil, false, err
	}
	parts, explicit, err := packSelectParts(opt.Parts)
	if err != nil {
		return nil, false, err
	}
	sc, err := packResolveScope(s, opt.Scope, opt.Methods)
	if err != nil {
		return nil, false, err
	}
	return &packBuilder{s: s, l: l, opt: opt, sc: sc, parts: parts}, explicit, nil
}

// footerLeft names the standard and the candidate: 「THM2431-001v1　王小明」.
func (b *packBuilder) footerLeft(c *Candidate) string {
	if c.Name == "" {
		return packFooterName(b.s)
	}
	return b.f("footer_candidate", "{standard}", packFooterName(b.s), "{name}", c.Name)
}

// packSelectParts returns the set of parts to print and whether the user chose
// them (then an empty part still prints, saying it is empty).
func packSelectParts(names []string) (map[string]bool, bool, error) {
	set := make(map[string]bool)
	if len(names) == 0 {
		for _, p := range AssessmentParts() {
			set[p] = true
		}
		return set, false, nil
	}
	for _, n := range names {
		p, err := parseAssessmentPart(n)
		if err != nil {
			return nil, false, err
		}
		set[p] = true
	}
	return set, true, nil
}

// packBuilder carries what every part of the pack needs and collects the
// blocks.
type packBuilder struct {
	s      *standard.Standard
	l      templates.Labels
	opt    AssessmentOptions
	sc     *packScope
	parts  map[string]bool
	blocks []render.Block
	fields []field // the blocks that name the candidate: nil in blocks

	nextTask map[string]string // task code → the next task of its duty
}

// empty reports whether a part has nothing to show for the scope.
func (b *packBuilder) empty(part string) bool {
	switch part {
	case PartKnowledge:
		return len(b.sc.knowledge) == 0
	case PartSkills:
		return len(b.sc.skills) == 0
	case PartAttitudes:
		return len(b.sc.attitudes) == 0
	}
	return false
}

// part appends one part, starting on a new page.
func (b *packBuilder) part(p string) {
	if len(b.blocks) > 0 {
		b.add(&render.PageBreak{})
	}
	switch p {
	case PartCover:
		b.cover()
	case PartChecklist:
		b.checklist()
	case PartKnowledge:
		b.knowledge()
	case PartSkills:
		b.skills()
	case PartAttitudes:
		b.attitudes()
	case PartThirdParty:
		b.thirdParty()
	case PartMapping:
		b.mapping()
	case PartResult:
		b.result()
	}
}

// add appends blocks.
func (b *packBuilder) add(blocks ...render.Block) { b.blocks = append(b.blocks, blocks...) }

// field is a block that names the candidate: the block at index at of a
// document's blocks is built from the candidate.
type field struct {
	at    int
	build func(c *Candidate) render.Block
}

// addField appends a block that names the candidate, built by build.
func (b *packBuilder) addField(build func(c *Candidate) render.Block) {
	b.fields = append(b.fields, field{at: len(b.blocks), build: build})
	b.blocks = append(b.blocks, nil)
}
