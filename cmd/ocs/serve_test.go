package main

import "testing"

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"20MB", 20 << 20, true}, {"20mb", 20 << 20, true}, {"512KB", 512 << 10, true}, {"1GiB", 1 << 30, true},
		{"1000", 1000, true}, {"7 M", 7 << 20, true}, {"0", 0, false}, {"-1MB", 0, false}, {"MB", 0, false},
		{"twenty", 0, false}, {"99999999999GB", 0, false},
	} {
		got, err := parseSize(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestDisplayAddr(t *testing.T) {
	for in, want := range map[string]string{
		"127.0.0.1:8080": "127.0.0.1:8080", "0.0.0.0:80": "localhost:80", "[::]:8080": "localhost:8080", "[::1]:9": "[::1]:9",
	} {
		if got := displayAddr(in); got != want {
			t.Errorf("displayAddr(%q) = %q, want %q", in, got, want)
		}
	}
}
