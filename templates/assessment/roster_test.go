package assessment

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// rosterCSV is a roster as Excel writes it: CRLF lines, a quoted value
// with a comma, extra columns, a row left blank.
const rosterCSV = "姓名,編號,單位,Email,班別,評量日期\r\n" +
	"王小明,A001,台北旅館,ming@example.com,日間班,2025/03/01\r\n" +
	",,,,,\r\n" +
	" 李美華 ,A002,\"高雄飯店,業務部\",,夜間班,\r\n"

// rosterTSV is rosterCSV as Excel's "Unicode text": tab-separated.
const rosterTSV = "姓名\t編號\t單位\tEmail\t班別\t評量日期\r\n" +
	"王小明\tA001\t台北旅館\tming@example.com\t日間班\t2025/03/01\r\n" +
	"\t\t\t\t\t\r\n" +
	" 李美華 \tA002\t高雄飯店,業務部\t\t夜間班\t\r\n"

// rosterWant is what rosterCSV holds.
var rosterWant = []Candidate{
	{Name: "王小明", ID: "A001", Organization: "台北旅館", Date: "2025/03/01",
		Extra: []Field{{"Email", "ming@example.com"}, {"班別", "日間班"}}, Line: 2},
	{Name: "李美華", ID: "A002", Organization: "高雄飯店,業務部",
		Extra: []Field{{"Email", ""}, {"班別", "夜間班"}}, Line: 4},
}

func readRoster(t *testing.T, data []byte) []Candidate {
	t.Helper()
	cs, err := ReadRoster(strings.NewReader(string(data)), "roster.csv")
	if err != nil {
		t.Fatalf("ReadRoster: %v", err)
	}
	return cs
}

func TestReadRosterEncodings(t *testing.T) {
	big5, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(rosterCSV))
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(rosterTSV))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"UTF-8", []byte(rosterCSV)},
		{"UTF-8 with BOM", append([]byte("\uFEFF"), rosterCSV...)},
		{"Big5 (CP950)", big5},
		{"UTF-16 tab-separated (Excel Unicode text)", utf16},
		{"LF line ends", []byte(strings.ReplaceAll(rosterCSV, "\r\n", "\n"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := readRoster(t, tc.data); !reflect.DeepEqual(got, rosterWant) {
				t.Errorf("got  %+v\nwant %+v", got, rosterWant)
			}
		})
	}
	if string(big5) == rosterCSV {
		t.Fatal("the Big5 test data is not Big5")
	}
}

func TestReadRosterFile(t *testing.T) {
	f, err := os.Open("testdata/assessment/roster.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cs, err := ReadRoster(f, "roster.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 3 || cs[0].Name != "王小明" || cs[2].Assessor != "陳評審" || cs[1].Place != "高雄訓練中心" {
		t.Errorf("testdata roster read as %+v", cs)
	}
}

func TestReadRosterHeaders(t *testing.T) {
	for _, tc := range []struct {
		header string
		want   Candidate
	}{
		{"Name,ID,Organisation,Date,Location,Assessor", Candidate{Name: "a", ID: "b", Organization: "c", Date: "d", Place: "e", Assessor: "f", Line: 2}},
		{" NAME , id ,COMPANY,assessment date,venue,Examiner", Candidate{Name: "a", ID: "b", Organization: "c", Date: "d", Place: "e", Assessor: "f", Line: 2}},
		{"考生姓名,學號,服務單位,日期,地點,評量人員", Candidate{Name: "a", ID: "b", Organization: "c", Date: "d", Place: "e", Assessor: "f", Line: 2}},
		{"備註,姓名,,email,電話,x", Candidate{Name: "b", Extra: []Field{{"備註", "a"}, {"email", "d"}, {"電話", "e"}, {"x", "f"}}, Line: 2}},
	} {
		t.Run(tc.header, func(t *testing.T) {
			row := "a,b,c,d,e,f"
			if strings.Contains(tc.header, ",,") {
				row = "a,b,,d,e,f"
			}
			got := readRoster(t, []byte(tc.header+"\n"+row+"\n"))
			if len(got) != 1 || !reflect.DeepEqual(got[0], tc.want) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestReadRosterErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		data string
		want []string
	}{
		{"empty file", "", []string{"roster.csv", "empty"}},
		{"only a BOM", "\uFEFF", []string{"empty"}},
		{"header only", "姓名,編號\r\n", []string{"roster.csv", "no candidates", "below line 1"}},
		{"header and blank rows", "姓名,編號\n,\n\n", []string{"no candidates"}},
		{"no name column", "編號,單位\nA1,x\n", []string{"roster.csv:1", "no name column", "姓名", `"編號", "單位"`}},
		{"duplicate header", "姓名,單位,name\n王,x,王\n", []string{"roster.csv:1", `columns 1 ("姓名") and 3 ("name")`}},
		{"duplicate extra header", "姓名,電話,電話\n王,1,2\n", []string{"roster.csv:1", `columns 2 ("電話") and 3 ("電話")`}},
		{"malformed quote", "姓名,單位\n王,x\n李,\"高雄\"飯店\n", []string{"roster.csv:3:", "malformed CSV", "quote"}},
		{"unterminated quote", "姓名,單位\n王,x\n李,\"高雄\n", []string{"roster.csv:3:", "malformed CSV"}},
		{"empty name", "姓名,編號\n王,1\n,2\n", []string{"roster.csv:3", "name is empty"}},
		{"blank name", "姓名,編號\n王,1\n  ,2\n", []string{"roster.csv:3", "name is empty"}},
		{"too many fields", "姓名,編號\n王,1\n李,2,高雄\n", []string{"roster.csv:4", "3 fields", "2 columns"}},
		{"value under no header", "姓名,,編號\n王,x,1\n", []string{"roster.csv:2", "column 2", `"x"`}},
		{"latin-1 bytes", "姓名\n\xe9\xe9\xff\n", []string{"roster.csv:2", "neither UTF-8 nor Big5", "iconv -f CP950 -t UTF-8", "CSV UTF-8"}},
		{"bad UTF-8 after a BOM", "\uFEFF姓名\n\xff\n", []string{"roster.csv:2", "not valid UTF-8"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.data
			if tc.name == "too many fields" {
				data = "姓名,編號\n王,1\n\n李,2,高雄\n" // the blank line still counts
			}
			_, err := ReadRoster(strings.NewReader(data), "roster.csv")
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestFileNames(t *testing.T) {
	long := strings.Repeat("長", 60) // 180 bytes
	for _, tc := range []struct {
		name  string
		cands []Candidate
		want  []string
	}{
		{"id and name", []Candidate{{ID: "A001", Name: "王小明"}, {Name: "李美華"}},
			[]string{"A001_王小明", "李美華"}},
		{"path traversal", []Candidate{{Name: "../../etc/passwd"}, {ID: "..", Name: `..\..\win`}, {Name: "a/b\\c:d"}},
			[]string{"etc_passwd", "win", "a_b_c_d"}},
		{"reserved Windows names", []Candidate{{Name: "CON"}, {Name: "nul.txt"}, {Name: "Com1"}, {Name: "COM0"}, {ID: "LPT9", Name: "x"}},
			[]string{"_CON", "_nul.txt", "_Com1", "COM0", "_LPT9_x"}},
		{"nothing printable", []Candidate{{Name: ""}, {Name: "..."}, {Name: "\x00\x1f"}, {Name: " "}},
			[]string{"candidate-1", "candidate-2", "candidate-3", "candidate-4"}},
		{"duplicates", []Candidate{{Name: "王小明"}, {Name: "王小明"}, {Name: "王小明-2"}, {Name: "Ann"}, {Name: "ANN"}, {Name: "王小明"}},
			[]string{"王小明", "王小明-3", "王小明-2", "Ann", "ANN-2", "王小明-4"}},
		{"spaces and reserved characters", []Candidate{{Name: "  Ann   Lee  "}, {Name: `a*b?c"d<e>f|g`}, {Name: "-rf"}, {Name: "王\u3000小明"}, {Name: "a\u200bb"}},
			[]string{"Ann_Lee", "a_b_c_d_e_f_g", "rf", "王_小明", "ab"}},
		{"length", []Candidate{{Name: long}, {Name: long}},
			[]string{strings.Repeat("長", 33), strings.Repeat("長", 32) + "-2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := FileNames(tc.cands)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("FileNames = %q, want %q", got, tc.want)
			}
			seen := map[string]bool{}
			for _, n := range got {
				if len(n) == 0 || len(n) > rosterMaxStem || strings.ContainsAny(n, `/\:*?"<>|`) || strings.HasPrefix(n, ".") {
					t.Errorf("unsafe file name %q", n)
				}
				if seen[strings.ToLower(n)] {
					t.Errorf("file name %q repeats", n)
				}
				seen[strings.ToLower(n)] = true
			}
		})
	}
}

// FuzzReadRoster checks that no input makes the reader panic, and that
// what it accepts has a name on every row and safe, unique file names.
func FuzzReadRoster(f *testing.F) {
	for _, s := range []string{rosterCSV, rosterTSV, "", "姓名\n\"", "name\n\xff\xfe", "\xff\xfea\x00", "姓名,,\n王,,\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, err := ReadRoster(strings.NewReader(string(data)), "f.csv")
		if err != nil {
			return
		}
		for _, c := range cs {
			if c.Name == "" || c.Line < 2 {
				t.Fatalf("accepted candidate %+v", c)
			}
		}
		names := FileNames(cs)
		seen := map[string]bool{}
		for _, n := range names {
			if n == "" || strings.ContainsAny(n, `/\`) || seen[strings.ToLower(n)] {
				t.Fatalf("file name %q", n)
			}
			seen[strings.ToLower(n)] = true
		}
	})
}
