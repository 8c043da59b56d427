package fonts

import (
	"encoding/binary"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// systemCandidates are the file names of CJK fonts tried as system
// fallbacks, in the order they are tried. Names compare without regard
// to case. The embedded face is a Kai, so Kai faces come first (the 全字庫
// Ext-B and Plus files hold the characters above U+FFFF); then the faces
// made for Taiwan (Ming/Sung and sans faces, and the Taiwanese face of
// collections that hold several regions' faces, see taiwanFace); then
// faces of other regions. Fonts with CFF outlines (the Noto CJK
// collections) are used only when Config.CFF allows them.
var systemCandidates = []string{
	// Kai
	"TW-Kai-98_1.ttf",       // 全字庫正楷體, Debian fonts-cns11643-kai
	"TW-Kai-Ext-B-98_1.ttf", // its CJK Extension B characters
	"TW-Kai-Plus-98_1.ttf",  // its characters in planes 15 and 16
	"kaiu.ttf",              // 標楷體, Windows
	"ukai.ttc",              // AR PL UKai (TW face), Debian fonts-arphic-ukai
	// Taiwan
	"TW-Sung-98_1.ttf", // 全字庫正宋體, Debian fonts-cns11643-sung
	"TW-Sung-Ext-B-98_1.ttf",
	"TW-Sung-Plus-98_1.ttf",
	"mingliu.ttc",                // 細明體, Windows
	"uming.ttc",                  // AR PL UMing (TW face), Debian fonts-arphic-uming
	"msjh.ttc",                   // 微軟正黑體, Windows
	"NotoSerifCJK-Regular.ttc",   // Noto Serif CJK (TC face), Debian fonts-noto-cjk; CFF
	"NotoSansCJK-Regular.ttc",    // Noto Sans CJK (TC face), Debian fonts-noto-cjk; CFF
	"NotoSerifCJKtc-Regular.otf", // Noto Serif CJK TC; CFF
	"NotoSansCJKtc-Regular.otf",  // Noto Sans CJK TC; CFF
	// others
	"DroidSansFallbackFull.ttf", // Debian fonts-droid-fallback
	"wqy-zenhei.ttc",            // WenQuanYi Zen Hei
	"wqy-microhei.ttc",          // WenQuanYi Micro Hei
}

// SystemFontDirs returns the usual font folders of this system, user
// folders first.
func SystemFontDirs() []string {
	home, _ := os.UserHomeDir()
	var dirs []string
	add := func(parts ...string) {
		if parts[0] != "" {
			dirs = append(dirs, filepath.Join(parts...))
		}
	}
	switch runtime.GOOS {
	case "windows":
		add(os.Getenv("LOCALAPPDATA"), "Microsoft", "Windows", "Fonts")
		windir := os.Getenv("WINDIR")
		if windir == "" {
			windir = os.Getenv("SystemRoot")
		}
		add(windir, "Fonts")
	case "darwin":
		add(home, "Library", "Fonts")
		add("/Library/Fonts")
		add("/System/Library/Fonts")
	default:
		data := os.Getenv("XDG_DATA_HOME")
		if data == "" && home != "" {
			data = filepath.Join(home, ".local", "share")
		}
		add(data, "fonts")
		add(home, ".fonts")
		add("/usr/local/share/fonts")
		add("/usr/share/fonts")
	}
	return dirs
}

// FindSystemFonts returns the paths of the known CJK fonts found
// in dirs (searched in order, each in lexical order), in the order they
// are tried as fallbacks. The result depends only on the files present.
func FindSystemFonts(dirs []string) []string {
	found := map[string]string{}
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // unreadable folder: skip it
			}
			if d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0 {
				name := strings.ToLower(d.Name())
				if _, ok := found[name]; !ok {
					found[name] = path
				}
			}
			return nil
		})
	}
	var paths []string
	for _, name := range systemCandidates {
		if p, ok := found[strings.ToLower(name)]; ok {
			paths = append(paths, p)
		}
	}
	return paths
}

// systemFonts finds and loads system fallback faces on first use only,
// once per process, and is safe for concurrent use.
type systemFonts struct {
	dirs  []string
	skip  map[string]bool // paths already in the set
	limit int64           // the font file size limit
	cff   bool            // accept faces with CFF outlines
	paths func() []string
	mu    sync.Mutex
	faces map[string]func() (*Face, error)
}

func newSystemFonts(dirs []string, skip map[string]bool, limit int64, cff bool) *systemFonts {
	sf := &systemFonts{dirs: dirs, skip: skip, limit: limit, cff: cff, faces: map[string]func() (*Face, error){}}
	sf.paths = sync.OnceValue(func() []string {
		var out []string
		for _, p := range FindSystemFonts(sf.dirs) {
			if !sf.skip[cleanPath(p)] {
				out = append(out, p)
			}
		}
		return out
	})
	return sf
}

// load returns the face at path, loading it on the first call: the
// Taiwanese face of a collection (see taiwanFace). A face with CFF
// outlines when they are not accepted is an error wrapping ErrCFF.
func (sf *systemFonts) load(path string) (*Face, error) {
	sf.mu.Lock()
	fn := sf.faces[path]
	if fn == nil {
		fn = sync.OnceValues(func() (*Face, error) { return loadSystemFont(path, sf.limit, sf.cff) })
		sf.faces[path] = fn
	}
	sf.mu.Unlock()
	return fn()
}

// loadSystemFont loads the font at path, or the Taiwanese face of a
// collection (see LoadFile), refusing CFF outlines unless cff.
func loadSystemFont(path string, limit int64, cff bool) (*Face, error) {
	f, err := loadFile(path, limit)
	if err != nil {
		return nil, err
	}
	if f.CFF() && !cff {
		return nil, fmt.Errorf("font %s: %w", f.Source, ErrCFF)
	}
	return f, nil
}

// taiwanFace returns the index of the face of a collection made for
// Taiwan: the first face whose family name has the word TC, TW or Taiwan
// (Noto Sans CJK TC, AR PL UKai TW), else the first with a Traditional
// Chinese (Taiwan) name record, else the first whose name says HK or MO,
// else 0. Collections of one region's faces (細明體) give 0.
func taiwanFace(data []byte) int {
	n, err := collectionCount(data)
	if err != nil {
		return 0
	}
	best, bestRank := 0, 0
	for i := 0; i < n && i < 64; i++ {
		recs, err := readDirectory(data, binary.BigEndian.Uint32(data[12+4*i:]))
		if err != nil {
			continue
		}
		name := tableData(data, recs, "name")
		rank := 0
		for _, word := range strings.FieldsFunc(familyName(name), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
			switch strings.ToUpper(word) {
			case "TC", "TW", "TAIWAN":
				rank = max(rank, 3)
			case "HK", "MO":
				rank = max(rank, 1)
			}
		}
		if rank < 3 && hasNameLanguage(name, langTaiwan) {
			rank = 2
		}
		if rank > bestRank {
			best, bestRank = i, rank
		}
	}
	return best
}

// cleanPath returns an absolute, clean form of path for comparisons.
func cleanPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}
