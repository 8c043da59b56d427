package pdfw

import "testing"

func TestAppendNum(t *testing.T) {
	tests := []struct {
		x    float64
		want string
	}{
		{0, "0"}, {12, "12"}, {12.5, "12.5"}, {0.25, "0.25"}, {-3.1, "-3.1"},
		{595.2756, "595.28"}, {0.004, "0"}, {-0.004, "0"}, {0.005, "0.01"}, {841.889, "841.89"}, {-12.345, "-12.35"},
	}
	for _, tc := range tests {
		if got := string(appendNum(nil, tc.x)); got != tc.want {
			t.Errorf("appendNum(%v) = %q, want %q", tc.x, got, tc.want)
		}
	}
}

func TestAppendText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ocs", "(ocs)"},
		{"a(b)c\\", `(a\(b\)c\\)`},
		{"職能", "<FEFF807780FD>"},
		{"𡘙", "<FEFFD845DE19>"},
		{"line\nbreak", "<FEFF006C0069006E0065000A0062007200650061006B>"},
	}
	for _, tc := range tests {
		if got := string(appendText(nil, tc.in)); got != tc.want {
			t.Errorf("appendText(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestAppendName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"F1", "/F1"}, {"A B", "/A#20B"}, {"a/b#c", "/a#2Fb#23c"}, {"(x)", "/#28x#29"},
	}
	for _, tc := range tests {
		if got := string(appendName(nil, tc.in)); got != tc.want {
			t.Errorf("appendName(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestPSName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"TW-Kai", "TW-Kai"}, {"Noto Sans CJK TC", "Noto-Sans-CJK-TC"}, {"全字庫正楷體", "Font"}, {"A(B)", "A-B-"},
	}
	for _, tc := range tests {
		if got := psName(tc.in); got != tc.want {
			t.Errorf("psName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
