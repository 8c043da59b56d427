package pdfw

import (
	"bytes"
	"crypto/md5"
	"encoding/binary"
	"strconv"
)

// Ref is the number of an indirect object.
type Ref int

// object is one indirect object: a dictionary or other value, or, when
// stream is set, a stream with that dictionary (without /Length).
type object struct {
	body   []byte
	data   []byte
	stream bool
	shared bool // data is a cached font program, left out of the file identifier
	// later gives the data of a shared stream that may still be in the
	// making (a font program being compressed): bytes asks for it only
	// once every object that needs no waiting is made.
	later func() []byte
	// late marks an object that differs from one document of a batch to
	// the next (the information dictionary, font dictionaries with their
	// subset tags): with a Cache, such objects go in the last object
	// streams, so that the others come out the same and are compressed
	// once per batch.
	late bool
}

// file collects indirect objects and writes them as a PDF file.
type file struct {
	objs  []object // objs[i] is object i+1
	cache *Cache   // compressed streams of earlier documents, or nil
}

// alloc reserves an object number.
func (f *file) alloc() Ref {
	f.objs = append(f.objs, object{})
	return Ref(len(f.objs))
}

// set gives object r its value.
func (f *file) set(r Ref, body []byte) { f.objs[r-1] = object{body: body} }

// add allocates an object with the given value.
func (f *file) add(body []byte) Ref {
	r := f.alloc()
	f.set(r, body)
	return r
}

// addLate allocates an object with the given value, marked late.
func (f *file) addLate(body []byte) Ref {
	r := f.add(body)
	f.objs[r-1].late = true
	return r
}

// encoded is the data of a stream as the file holds it, and the filter
// that decodes it: "/Filter/FlateDecode", or "" for data as it is.
type encoded struct {
	filter string
	data   []byte
}

// encode compresses data for a stream, through c, unless that does not
// make it smaller.
func encode(c *Cache, data []byte) encoded {
	level := levelLarge
	if len(data) < smallStream {
		level = levelSmall
	}
	if z := c.deflate(data, level); len(z)+16 < len(data) {
		return encoded{"/Filter/FlateDecode", z}
	}
	return encoded{"", data}
}

// smallStream is the size below which a stream takes the fastest level:
// levels above 1 clear 640 KB of tables to start, which costs more than a
// page footer gains from them (a few bytes).
const smallStream = 2048

// setRaw makes r a stream of data as given, already encoded as dict says.
func (f *file) setRaw(r Ref, dict string, data []byte) {
	f.objs[r-1] = object{body: []byte(dict), data: data, stream: true}
}

// setShared makes r a stream of the data later gives, encoded as dict
// says, for data a Font made once and shares: a font program, named by its
// subset tag, so the file identifier need not hash it again. later is
// called when the file is written, after the object streams are made, so
// that a program still being compressed holds nothing else back.
func (f *file) setShared(r Ref, dict string, later func() []byte) {
	f.objs[r-1] = object{body: []byte(dict), later: later, stream: true, shared: true}
}

// addEncoded allocates a stream object of data already encoded; dict
// holds the other keys of its dictionary.
func (f *file) addEncoded(dict string, e encoded) Ref {
	r := f.alloc()
	f.setRaw(r, e.filter+dict, e.data)
	return r
}

// addStream allocates a stream object of data, compressed unless that
// does not make it smaller; dict holds the other keys of its dictionary.
func (f *file) addStream(dict string, data []byte) Ref {
	return f.addEncoded(dict, encode(f.cache, data))
}

// perObjStm is the most objects one object stream holds.
const perObjStm = 200

// bytes writes the file: the streams as objects of their own, every
// other object in object streams, then a cross-reference stream naming
// root and info.
func (f *file) bytes(root, info Ref) []byte {
	var out bytes.Buffer
	// The file identifier is a digest of the file but the shared font
	// programs: the same content gives the same identifier.
	id := md5.New()
	hashed := 0 // bytes of out hashed so far
	n := len(f.objs)
	type entry struct {
		kind byte
		a    uint32 // offset, or object stream number
		b    uint16 // index in the object stream
	}
	xref := make([]entry, n+1)
	var plain, late, streams []Ref
	for i := range f.objs {
		r := Ref(i + 1)
		o := &f.objs[i]
		switch {
		case o.stream:
			streams = append(streams, r)
		case o.late && f.cache != nil:
			late = append(late, r)
		default:
			plain = append(plain, r)
		}
	}
	// Object streams: a header of "number offset" pairs, then the objects;
	// the late ones in streams of their own, after the others. They are
	// made first, written last.
	type objStm struct {
		dict string
		data []byte
	}
	var objStms []objStm
	for len(plain) > 0 || len(late) > 0 {
		if len(plain) == 0 {
			plain, late = late, nil
		}
		k := min(len(plain), perObjStm)
		chunk := plain[:k]
		plain = plain[k:]
		stm := Ref(n + 1 + len(objStms))
		n := 0
		for _, r := range chunk {
			n += len(f.objs[r-1].body) + 1
		}
		head, body := make([]byte, 0, 12*len(chunk)), make([]byte, 0, n)
		for j, r := range chunk {
			head = strconv.AppendInt(head, int64(r), 10)
			head = append(head, ' ')
			head = strconv.AppendInt(head, int64(len(body)), 10)
			head = append(head, ' ')
			body = append(body, f.objs[r-1].body...)
			body = append(body, '\n')
			xref[r] = entry{kind: 2, a: uint32(stm), b: uint16(j)}
		}
		data := append(head, body...) // one copy of the body, at most
		dict := "/Filter/FlateDecode/Type/ObjStm/N " + strconv.Itoa(k) + "/First " + strconv.Itoa(len(head))
		objStms = append(objStms, objStm{dict, f.cache.deflate(data, levelLarge)})
	}
	// Only now are the font programs still being compressed waited for,
	// and the file's size known.
	size := 1024 + 16*len(xref)
	for _, r := range streams {
		o := &f.objs[r-1]
		if o.later != nil {
			o.data, o.later = o.later(), nil
		}
		size += len(o.body) + len(o.data) + 64
	}
	for _, stm := range objStms {
		size += len(stm.dict) + len(stm.data) + 64
	}
	out.Grow(size)
	out.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	for _, r := range streams {
		o := &f.objs[r-1]
		xref[r] = entry{kind: 1, a: uint32(out.Len())}
		writeStream(&out, r, o.body, o.data)
		if o.shared {
			id.Write(out.Bytes()[hashed : out.Len()-len(o.data)-len("\nendstream\nendobj\n")])
			hashed = out.Len()
		}
	}
	for i, stm := range objStms {
		xref = append(xref, entry{kind: 1, a: uint32(out.Len())})
		writeStream(&out, Ref(n+1+i), []byte(stm.dict), stm.data)
	}
	// The cross-reference stream: type (1 byte), offset or object
	// stream (4 bytes), generation or index (2 bytes).
	self := Ref(len(xref))
	xref = append(xref, entry{kind: 1, a: uint32(out.Len())})
	// Each row is stored as its difference from the row above (PNG
	// predictor Up), which leaves mostly zeros to compress.
	rows := make([]byte, 0, 8*len(xref))
	var prev, row [7]byte
	for i, e := range xref {
		row = [7]byte{0, 0, 0, 0, 0, 0xff, 0xff}
		if i > 0 {
			row[0] = e.kind
			binary.BigEndian.PutUint32(row[1:], e.a)
			binary.BigEndian.PutUint16(row[5:], e.b)
		}
		rows = append(rows, 2) // PNG filter type Up
		for k := range row {
			rows = append(rows, row[k]-prev[k])
		}
		prev = row
	}
	id.Write(out.Bytes()[hashed:])
	hex := make([]byte, 0, 34)
	hex = append(hex, '<')
	for _, c := range id.Sum(nil) {
		hex = append(hex, hexDigits[c>>4], hexDigits[c&15])
	}
	hex = append(hex, '>')
	dict := []byte("/Filter/FlateDecode/Type/XRef/Size ")
	dict = strconv.AppendInt(dict, int64(len(xref)), 10)
	dict = append(dict, "/W[1 4 2]/DecodeParms<</Predictor 12/Columns 7>>/Root "...)
	dict = appendRef(dict, root)
	if info != 0 {
		dict = append(dict, "/Info "...)
		dict = appendRef(dict, info)
	}
	dict = append(dict, "/ID["...)
	dict = append(dict, hex...)
	dict = append(dict, hex...)
	dict = append(dict, ']')
	start := out.Len()
	writeStream(&out, self, dict, deflate(rows, levelLarge))
	out.WriteString("startxref\n")
	out.WriteString(strconv.Itoa(start))
	out.WriteString("\n%%EOF\n")
	return out.Bytes()
}

// writeStream writes a stream object.
func writeStream(out *bytes.Buffer, r Ref, dict, data []byte) {
	out.WriteString(strconv.Itoa(int(r)))
	out.WriteString(" 0 obj\n<<")
	out.Write(dict)
	out.WriteString("/Length ")
	out.WriteString(strconv.Itoa(len(data)))
	out.WriteString(">>\nstream\n")
	out.Write(data)
	out.WriteString("\nendstream\nendobj\n")
}
