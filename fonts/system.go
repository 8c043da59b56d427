package fonts

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// systemCandidates are the file names of CJK TrueType fonts tried as
// system fallbacks, in the order they are tried: Kai faces first, since
// the embedded face is a Kai, then Ming (Sung) faces, then sans faces.
// Names compare without regard to case. The Ext-B and Plus files of the
// 全字庫 fonts hold characters above U+FFFF only; PDF output cannot draw
// those, but coverage reports name the font that has them.
var systemCandidates = []string{
	"TW-Kai-98_1.ttf",           // 全字庫正楷體, Debian fonts-cns11643-kai
	"kaiu.ttf",                  // 標楷體, Windows
	"ukai.ttc",                  // AR PL UKai, Debian fonts-arphic-ukai
	"TW-Sung-98_1.ttf",          // 全字庫正宋體, Debian fonts-cns11643-sung
	"mingliu.ttc",               // 細明體, Windows
	"uming.ttc",                 // AR PL UMing, Debian fonts-arphic-uming
	"msjh.ttc",                  // 微軟正黑體, Windows
	"DroidSansFallbackFull.ttf", // Debian fonts-droid-fallback
	"wqy-zenhei.ttc",            // WenQuanYi Zen Hei
	"wqy-microhei.ttc",          // WenQuanYi Micro Hei
	"TW-Kai-Ext-B-98_1.ttf",
	"TW-Kai-Plus-98_1.ttf",
	"TW-Sung-Ext-B-98_1.ttf",
	"TW-Sung-Plus-98_1.ttf",
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

// FindSystemFonts returns the paths of the known CJK TrueType fonts found
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
	paths func() []string
	mu    sync.Mutex
	faces map[string]func() (*Face, error)
}

func newSystemFonts(dirs []string, skip map[string]bool, limit int64) *systemFonts {
	sf := &systemFonts{dirs: dirs, skip: skip, limit: limit, faces: map[string]func() (*Face, error){}}
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

// load returns the face at path, loading it on the first call.
func (sf *systemFonts) load(path string) (*Face, error) {
	sf.mu.Lock()
	fn := sf.faces[path]
	if fn == nil {
		fn = sync.OnceValues(func() (*Face, error) { return loadFile(path, sf.limit) })
		sf.faces[path] = fn
	}
	sf.mu.Unlock()
	return fn()
}

// cleanPath returns an absolute, clean form of path for comparisons.
func cleanPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}
