package fonts

import (
	"encoding/binary"
	"errors"
)

// Embedding permissions of a font file: the OS/2 table's fsType values
// that decide how a document may carry it.
const (
	FSInstallable = 0x0000 // may be installed where it is embedded
	FSPreview     = 0x0004 // preview & print: documents carrying it open read-only
	FSEditable    = 0x0008 // documents carrying it may be edited
)

// FSType returns a TrueType file's OS/2 fsType, and false when the file
// cannot be read or has no OS/2 table.
func FSType(data []byte) (uint16, bool) {
	recs, err := readDirectory(data, 0)
	if err != nil {
		return 0, false
	}
	os2 := tableData(data, recs, "OS/2")
	if len(os2) < 10 {
		return 0, false
	}
	return binary.BigEndian.Uint16(os2[8:]), true
}

// Editable reports whether a document may carry the font and still be
// edited: fsType installable or editable, per the OpenType specification.
// Word and LibreOffice refuse to use an embedded font that is not.
func Editable(data []byte) bool {
	v, ok := FSType(data)
	if !ok {
		return true // no OS/2 table: no restriction stated
	}
	return v&0x000F == FSInstallable || v&0x000F == FSEditable
}

// WithFSType returns a copy of a TrueType file whose OS/2 fsType is v, with
// the table and file checksums made right again; data itself is not
// changed. Use it only on fonts whose licence allows modification: the
// embedded TW-Kai (OGDL-TW-1.0) and OCS Serif (SIL OFL 1.1) do.
func WithFSType(data []byte, v uint16) ([]byte, error) {
	recs, err := readDirectory(data, 0)
	if err != nil {
		return nil, err
	}
	var os2, head *record
	for i := range recs {
		switch recs[i].tag {
		case "OS/2":
			os2 = &recs[i]
		case "head":
			head = &recs[i]
		}
	}
	if os2 == nil || os2.len < 10 {
		return nil, errors.New("font has no OS/2 table")
	}
	out := append([]byte(nil), data...)
	be := binary.BigEndian
	be.PutUint16(out[os2.off+8:], v)
	if head != nil && head.len >= 12 {
		be.PutUint32(out[head.off+8:], 0)
	}
	for i, r := range recs {
		be.PutUint32(out[12+16*i+4:], checksum(out[r.off:r.off+r.len]))
	}
	if head != nil && head.len >= 12 {
		be.PutUint32(out[head.off+8:], 0xB1B0AFBA-checksum(out))
	}
	return out, nil
}
