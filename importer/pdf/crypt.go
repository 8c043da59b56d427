package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
)

// decrypter decrypts the streams of a document encrypted by the standard
// security handler (revisions 2–4: RC4 or AES-128; 5–6: AES-256) whose
// user password is empty: a file that opens without a password but restricts copying or
// printing, as many published PDFs are. Strings outside streams are not
// decrypted; the reader uses none.
type decrypter struct {
	key    []byte
	aes    bool
	aes256 bool // the file key is every object's key
}

// padding is the password padding string of the standard security
// handler (ISO 32000-1, 7.6.3.3).
var padding = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

// newDecrypter opens an encryption dictionary with the empty user
// password, or says why it cannot (ErrEncrypted).
func (f *file) newDecrypter(enc dict, id []byte) (*decrypter, error) {
	if fl, _ := f.resolve(enc["Filter"]).(name); fl != "Standard" {
		return nil, fmt.Errorf("%w (security handler %q)", ErrEncrypted, fl)
	}
	v, _ := f.resolve(enc["V"]).(int)
	r, _ := f.resolve(enc["R"]).(int)
	if v == 5 && (r == 5 || r == 6) {
		return f.newDecrypterAES256(enc, r)
	}
	if r < 2 || r > 4 || v < 1 || v > 4 || v == 3 {
		return nil, fmt.Errorf("%w (standard security revision %d, version %d: not read)", ErrEncrypted, r, v)
	}
	n := 5
	if l, ok := f.resolve(enc["Length"]).(int); ok && v >= 2 {
		n = l / 8
	}
	d := &decrypter{}
	if v == 4 {
		stmf, _ := f.resolve(enc["StmF"]).(name)
		if stmf == "" || stmf == "Identity" {
			return nil, nil // streams are not encrypted
		}
		cf := f.dict(f.dict(enc["CF"])[stmf])
		switch m, _ := f.resolve(cf["CFM"]).(name); m {
		case "AESV2":
			d.aes, n = true, 16
		case "V2":
			if l, ok := f.resolve(cf["Length"]).(int); ok {
				n = l
				if n > 16 {
					n /= 8
				}
			}
		default:
			return nil, fmt.Errorf("%w (crypt filter method %q: not read)", ErrEncrypted, m)
		}
	}
	if n < 5 || n > 16 {
		return nil, fmt.Errorf("%w (key length %d bytes: not read)", ErrEncrypted, n)
	}
	o, _ := f.resolve(enc["O"]).([]byte)
	u, _ := f.resolve(enc["U"]).([]byte)
	p, _ := f.resolve(enc["P"]).(int)
	h := md5.New()
	h.Write(padding)
	h.Write(o)
	binary.Write(h, binary.LittleEndian, uint32(int32(p)))
	h.Write(id)
	if r >= 4 && f.resolve(enc["EncryptMetadata"]) == false {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	key := h.Sum(nil)
	if r >= 3 {
		for range 50 {
			s := md5.Sum(key[:n])
			key = s[:]
		}
	}
	d.key = key[:n]
	// The empty user password opens the file only if it gives back U.
	var check []byte
	if r == 2 {
		check = rc4xor(d.key, padding)
	} else {
		s := md5.Sum(append(append([]byte(nil), padding...), id...))
		check = s[:]
		for i := range 20 {
			k := make([]byte, len(d.key))
			for j := range k {
				k[j] = d.key[j] ^ byte(i)
			}
			check = rc4xor(k, check)
		}
		u = u[:min(len(u), 16)]
		check = check[:len(u)]
	}
	if len(u) == 0 || !bytes.Equal(check, u[:min(len(u), len(check))]) {
		return nil, fmt.Errorf("%w: it needs a password to open", ErrEncrypted)
	}
	return d, nil
}

func rc4xor(key, b []byte) []byte {
	c, err := rc4.NewCipher(key)
	if err != nil {
		return nil
	}
	out := make([]byte, len(b))
	c.XORKeyStream(out, b)
	return out
}

// stream decrypts the raw data of stream object num, gen.
func (d *decrypter) stream(num, gen int, b []byte) ([]byte, error) {
	key := d.key
	if !d.aes256 {
		k := append(append([]byte(nil), d.key...), byte(num), byte(num>>8), byte(num>>16), byte(gen), byte(gen>>8))
		if d.aes {
			k = append(k, "sAlT"...)
		}
		s := md5.Sum(k)
		key = s[:min(len(d.key)+5, 16)]
	}
	if !d.aes {
		return rc4xor(key, b), nil
	}
	if len(b) < 2*aes.BlockSize || len(b)%aes.BlockSize != 0 {
		if len(b) == 0 {
			return nil, nil
		}
		return nil, fmt.Errorf("%w: an encrypted stream (object %d) has a broken length", ErrMalformed, num)
	}
	c, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	out := make([]byte, len(b)-aes.BlockSize)
	cipher.NewCBCDecrypter(c, b[:aes.BlockSize]).CryptBlocks(out, b[aes.BlockSize:])
	if pad := int(out[len(out)-1]); pad >= 1 && pad <= aes.BlockSize && pad <= len(out) {
		out = out[:len(out)-pad]
	}
	return out, nil
}

// newDecrypterAES256 opens revision 5 or 6 (AES-256) with the empty user
// password (ISO 32000-2, 7.6.4.3.3–4).
func (f *file) newDecrypterAES256(enc dict, r int) (*decrypter, error) {
	u, _ := f.resolve(enc["U"]).([]byte)
	ue, _ := f.resolve(enc["UE"]).([]byte)
	if len(u) < 48 || len(ue) != 32 {
		return nil, fmt.Errorf("%w (its AES-256 keys are damaged)", ErrEncrypted)
	}
	if !bytes.Equal(hash2B(r, u[32:40]), u[:32]) {
		return nil, fmt.Errorf("%w: it needs a password to open", ErrEncrypted)
	}
	c, err := aes.NewCipher(hash2B(r, u[40:48]))
	if err != nil {
		return nil, err
	}
	key := make([]byte, 32)
	cipher.NewCBCDecrypter(c, make([]byte, aes.BlockSize)).CryptBlocks(key, ue)
	return &decrypter{key: key, aes: true, aes256: true}, nil
}

// hash2B is the password hash of revisions 5 and 6 for the empty
// password and no owner data.
func hash2B(r int, salt []byte) []byte {
	k := sha256.Sum256(salt)
	key := k[:]
	if r == 5 {
		return key
	}
	for i := 0; ; i++ {
		k1 := bytes.Repeat(key, 64)
		c, _ := aes.NewCipher(key[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(c, key[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		switch sum % 3 {
		case 0:
			s := sha256.Sum256(e)
			key = s[:]
		case 1:
			s := sha512.Sum384(e)
			key = s[:]
		default:
			s := sha512.Sum512(e)
			key = s[:]
		}
		if i >= 63 && int(e[len(e)-1]) <= i+1-32 {
			break
		}
	}
	return key[:32]
}
