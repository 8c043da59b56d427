package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"
)

// file is a parsed PDF: every object found by one forward scan of the
// bytes (so damaged cross-reference tables, incremental updates and
// object streams all read the same way: the definition latest in the file
// wins) and the trailer.
type file struct {
	data    []byte
	opt     Options
	objs    map[int]entry
	trailer dict
	left    int64 // decompressed bytes still allowed
	decoded map[*stream][]byte
	crypt   *decrypter // nil unless the document is encrypted
}

type entry struct {
	obj object
	pos int // byte offset of the definition (of its object stream)
}

var (
	kwObj       = []byte("obj")
	kwStream    = []byte("stream")
	kwEndstream = []byte("endstream")
	kwTrailer   = []byte("trailer")
)

// parse scans data for objects and trailers. Work is linear in len(data):
// the scan never goes back before the end of what it has read.
func parse(data []byte, opt Options) (*file, error) {
	f := &file{data: data, opt: opt, objs: map[int]entry{}, left: opt.MaxDecompressed, decoded: map[*stream][]byte{}}
	type trailer struct {
		pos int
		d   dict
	}
	var trailers []trailer
	p := 0
	for p < len(data) {
		i := bytes.Index(data[p:], kwObj)
		if i < 0 {
			break
		}
		k := p + i
		num, gen, ok := objHeader(data, k)
		if !ok {
			p = k + len(kwObj)
			continue
		}
		l := lexer{b: data, p: k + len(kwObj)}
		o, err := l.object()
		if err != nil {
			p = max(l.p, k+len(kwObj))
			continue
		}
		p = l.p
		l.skip()
		if d, ok := o.(dict); ok && bytes.HasPrefix(data[l.p:], kwStream) {
			s, end := streamAt(data, l.p+len(kwStream), d)
			s.num, s.gen = num, gen
			o, p = s, end
		}
		if len(f.objs) >= opt.MaxObjects {
			return nil, fmt.Errorf("%w: more than %d objects", ErrTooLarge, opt.MaxObjects)
		}
		f.objs[num] = entry{o, k}
		if s, ok := o.(*stream); ok && s.dict["Type"] == name("XRef") {
			trailers = append(trailers, trailer{k, s.dict})
		}
	}
	for p := 0; p < len(data); {
		i := bytes.Index(data[p:], kwTrailer)
		if i < 0 {
			break
		}
		l := lexer{b: data, p: p + i + len(kwTrailer)}
		o, err := l.object()
		p = max(l.p, p+i+len(kwTrailer))
		if d, ok := o.(dict); ok && err == nil {
			trailers = append(trailers, trailer{p, d})
		}
	}
	// The latest trailer with a /Root wins; /Encrypt in any means the
	// document is encrypted.
	sort.SliceStable(trailers, func(i, j int) bool { return trailers[i].pos < trailers[j].pos })
	var enc dict
	var id []byte
	for _, t := range trailers {
		if t.d["Encrypt"] != nil {
			if enc = f.dict(t.d["Encrypt"]); enc == nil {
				return nil, fmt.Errorf("%w (its encryption dictionary is missing)", ErrEncrypted)
			}
			if ids := f.array(t.d["ID"]); len(ids) > 0 {
				id, _ = f.resolve(ids[0]).([]byte)
			}
		}
		if t.d["Root"] != nil {
			f.trailer = t.d
		}
	}
	if enc != nil {
		var err error
		if f.crypt, err = f.newDecrypter(enc, id); err != nil {
			return nil, err
		}
	}
	if err := f.objectStreams(); err != nil {
		return nil, err
	}
	return f, nil
}

// objHeader reports whether "obj" at k is preceded by "num gen " and
// returns num and gen.
func objHeader(data []byte, k int) (num, gen int, ok bool) {
	if k+3 < len(data) && isRegular(data[k+3]) {
		return 0, 0, false
	}
	j := k - 1
	if j < 0 || !isSpace(data[j]) {
		return 0, 0, false
	}
	var nums [2]int
	for i := 1; i >= 0; i-- {
		for j >= 0 && isSpace(data[j]) {
			j--
		}
		end := j
		for j >= 0 && end-j < 10 && data[j] >= '0' && data[j] <= '9' {
			j--
		}
		if j == end || (j >= 0 && isRegular(data[j])) {
			return 0, 0, false
		}
		for _, c := range data[j+1 : end+1] {
			nums[i] = nums[i]*10 + int(c-'0')
		}
	}
	return nums[0], nums[1], true
}

// streamAt reads the stream data starting after the "stream" keyword at
// s, using a direct /Length when it is consistent with an "endstream"
// there, else the next "endstream". It returns the stream and the offset
// after it.
func streamAt(data []byte, s int, d dict) (*stream, int) {
	if s < len(data) && data[s] == '\r' {
		s++
	}
	if s < len(data) && data[s] == '\n' {
		s++
	}
	if n, ok := d["Length"].(int); ok && n >= 0 && n <= len(data)-s {
		e := s + n
		l := lexer{b: data, p: e}
		l.skip()
		if bytes.HasPrefix(data[l.p:], kwEndstream) {
			return &stream{dict: d, raw: data[s:e:e]}, l.p + len(kwEndstream)
		}
	}
	i := bytes.Index(data[s:], kwEndstream)
	if i < 0 {
		return &stream{dict: d, raw: data[s:len(data):len(data)]}, len(data)
	}
	e := s + i
	return &stream{dict: d, raw: data[s:e:e]}, e + len(kwEndstream)
}

// objectStreams adds the objects held in object streams, unless a later
// definition in the file replaces them.
func (f *file) objectStreams() error {
	var nums []int
	for n, e := range f.objs {
		if s, ok := e.obj.(*stream); ok && s.dict["Type"] == name("ObjStm") {
			nums = append(nums, n)
		}
	}
	sort.Ints(nums)
	for _, n := range nums {
		e := f.objs[n]
		s := e.obj.(*stream)
		data, err := f.decode(s)
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return err
			}
			continue // a damaged object stream: its objects are missing
		}
		count, _ := f.resolve(s.dict["N"]).(int)
		first, _ := f.resolve(s.dict["First"]).(int)
		if count < 0 || first < 0 || first > len(data) {
			continue
		}
		head := lexer{b: data[:first]}
		for range count {
			num, ok1 := head.uint()
			off, ok2 := head.uint()
			if !ok1 || !ok2 {
				break
			}
			if old, ok := f.objs[num]; ok && old.pos > e.pos {
				continue
			}
			if first+off > len(data) {
				continue
			}
			l := lexer{b: data, p: first + off}
			o, err := l.object()
			if err != nil {
				continue
			}
			if len(f.objs) >= f.opt.MaxObjects {
				return fmt.Errorf("%w: more than %d objects", ErrTooLarge, f.opt.MaxObjects)
			}
			f.objs[num] = entry{o, e.pos}
		}
	}
	return nil
}

// resolve follows references; a missing object or a cycle of references
// gives nil.
func (f *file) resolve(o object) object {
	for range 32 {
		r, ok := o.(ref)
		if !ok {
			return o
		}
		o = f.objs[r.num].obj
	}
	return nil
}

func (f *file) dict(o object) dict {
	switch v := f.resolve(o).(type) {
	case dict:
		return v
	case *stream:
		return v.dict
	}
	return nil
}

func (f *file) array(o object) []object {
	a, _ := f.resolve(o).([]object)
	return a
}

func (f *file) num(o object) (float64, bool) { return num(f.resolve(o)) }

// pages walks the page tree from the catalog, inheriting resources and
// boxes, refusing cycles and trees deeper than maxDepth.
func (f *file) pages() ([]page, error) {
	root := f.dict(f.trailer["Root"])
	if root == nil {
		// No usable trailer: the latest catalog in the file.
		best := -1
		for _, e := range f.objs {
			if d, ok := e.obj.(dict); ok && d["Type"] == name("Catalog") && e.pos > best {
				root, best = d, e.pos
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("%w: no document catalog found", ErrMalformed)
	}
	var out []page
	seen := map[int]bool{}
	var walk func(o object, res dict, box [4]float64, rot, depth int) error
	walk = func(o object, res dict, box [4]float64, rot, depth int) error {
		if r, ok := o.(ref); ok {
			if seen[r.num] {
				return fmt.Errorf("%w: the page tree refers back to itself (object %d)", ErrMalformed, r.num)
			}
			seen[r.num] = true
		}
		if depth > maxDepth {
			return fmt.Errorf("%w: the page tree is more than %d levels deep", ErrMalformed, maxDepth)
		}
		d := f.dict(o)
		if d == nil {
			return nil
		}
		if r := f.dict(d["Resources"]); r != nil {
			res = r
		}
		if b := f.array(d["MediaBox"]); len(b) == 4 {
			for i := range 4 {
				box[i], _ = f.num(b[i])
			}
		}
		if b := f.array(d["CropBox"]); len(b) == 4 {
			for i := range 4 {
				box[i], _ = f.num(b[i])
			}
		}
		if r, ok := f.resolve(d["Rotate"]).(int); ok {
			rot = ((r%360)/90*90 + 360) % 360
		}
		if kids, ok := f.resolve(d["Kids"]).([]object); ok && d["Type"] != name("Page") {
			for _, k := range kids {
				if err := walk(k, res, box, rot, depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		if len(out) >= f.opt.MaxPages {
			return fmt.Errorf("%w: more than %d pages", ErrTooLarge, f.opt.MaxPages)
		}
		box[0], box[2] = math.Min(box[0], box[2]), math.Max(box[0], box[2])
		box[1], box[3] = math.Min(box[1], box[3]), math.Max(box[1], box[3])
		pg := page{res: res, box: box, rotate: rot}
		switch c := f.resolve(d["Contents"]).(type) {
		case *stream:
			pg.contents = []*stream{c}
		case []object:
			for _, o := range c {
				if s, ok := f.resolve(o).(*stream); ok {
					pg.contents = append(pg.contents, s)
				}
			}
		}
		out = append(out, pg)
		return nil
	}
	if err := walk(root["Pages"], nil, [4]float64{0, 0, 612, 792}, 0, 0); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: the document has no pages", ErrMalformed)
	}
	return out, nil
}
