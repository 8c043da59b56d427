package main

import (
	"strings"
	"testing"
)

// stream is a hand-written go test -json stream: one package with a pass,
// a skip that names its tool and a failure; one package without tests;
// one that does not build.
const stream = `{"Action":"start","Package":"example.com/a"}
{"Action":"run","Package":"example.com/a","Test":"TestPass"}
{"Action":"output","Package":"example.com/a","Test":"TestPass","Output":"=== RUN   TestPass\n"}
{"Action":"output","Package":"example.com/a","Test":"TestPass","Output":"--- PASS: TestPass (0.00s)\n"}
{"Action":"pass","Package":"example.com/a","Test":"TestPass","Elapsed":0}
{"Action":"run","Package":"example.com/a","Test":"TestPDF"}
{"Action":"output","Package":"example.com/a","Test":"TestPDF","Output":"=== RUN   TestPDF\n"}
{"Action":"output","Package":"example.com/a","Test":"TestPDF","Output":"    pdf_test.go:12: pdftotext is not available (install: apt-get install poppler-utils)\n"}
{"Action":"output","Package":"example.com/a","Test":"TestPDF","Output":"--- SKIP: TestPDF (0.00s)\n"}
{"Action":"skip","Package":"example.com/a","Test":"TestPDF","Elapsed":0}
{"Action":"run","Package":"example.com/a","Test":"TestWrong"}
{"Action":"output","Package":"example.com/a","Test":"TestWrong","Output":"=== RUN   TestWrong\n"}
{"Action":"output","Package":"example.com/a","Test":"TestWrong","Output":"    a_test.go:30: got 【註1, want 【註1】\n"}
{"Action":"output","Package":"example.com/a","Test":"TestWrong","Output":"--- FAIL: TestWrong (0.01s)\n"}
{"Action":"fail","Package":"example.com/a","Test":"TestWrong","Elapsed":0.01}
{"Action":"output","Package":"example.com/a","Output":"FAIL\n"}
{"Action":"output","Package":"example.com/a","Output":"FAIL\texample.com/a\t0.020s\n"}
{"Action":"fail","Package":"example.com/a","Elapsed":0.02}
{"Action":"start","Package":"example.com/b"}
{"Action":"output","Package":"example.com/b","Output":"?   \texample.com/b\t[no test files]\n"}
{"Action":"skip","Package":"example.com/b","Elapsed":0}
{"ImportPath":"example.com/c [example.com/c.test]","Action":"build-output","Output":"# example.com/c\n"}
{"ImportPath":"example.com/c [example.com/c.test]","Action":"build-output","Output":"c/c.go:3:1: syntax error\n"}
{"ImportPath":"example.com/c [example.com/c.test]","Action":"build-fail"}
{"Action":"start","Package":"example.com/c"}
{"Action":"output","Package":"example.com/c","Output":"FAIL\texample.com/c [build failed]\n"}
{"Action":"fail","Package":"example.com/c","Elapsed":0,"FailedBuild":"example.com/c [example.com/c.test]"}
`

func TestSummarise(t *testing.T) {
	var out strings.Builder
	ok, err := summarise(strings.NewReader(stream), &out)
	if err != nil {
		t.Fatal(err)
	}
	if ok {
		t.Error("ok = true for a stream with a failed test and a failed build")
	}
	want := `=== RUN   TestWrong
    a_test.go:30: got 【註1, want 【註1】
--- FAIL: TestWrong (0.01s)
# example.com/c
c/c.go:3:1: syntax error

1 tests passed, 1 failed, 1 skipped
SKIP example.com/a TestPDF: pdf_test.go:12: pdftotext is not available (install: apt-get install poppler-utils)
FAIL	example.com/a	0.020s
?   	example.com/b	[no test files]
FAIL	example.com/c [build failed]
`
	if got := out.String(); got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
}

func TestSummariseOK(t *testing.T) {
	in := `{"Action":"run","Package":"p","Test":"TestA"}
{"Action":"output","Package":"p","Test":"TestA","Output":"=== RUN   TestA\n"}
{"Action":"pass","Package":"p","Test":"TestA"}
{"Action":"output","Package":"p","Output":"PASS\n"}
{"Action":"output","Package":"p","Output":"ok  \tp\t0.1s\n"}
{"Action":"pass","Package":"p"}
`
	var out strings.Builder
	ok, err := summarise(strings.NewReader(in), &out)
	if err != nil || !ok {
		t.Fatalf("ok = %v, err = %v for a passing run", ok, err)
	}
	want := "\n1 tests passed, 0 failed, 0 skipped\nok  \tp\t0.1s\n"
	if out.String() != want {
		t.Errorf("report = %q, want %q", out.String(), want)
	}
}

// A stream without a single event (go test could not even start) is a
// failure, and plain-text lines pass through.
func TestSummariseEmpty(t *testing.T) {
	var out strings.Builder
	ok, err := summarise(strings.NewReader("no Go files in /x\n"), &out)
	if err != nil {
		t.Fatal(err)
	}
	if ok {
		t.Error("ok = true for a stream without events")
	}
	if !strings.HasPrefix(out.String(), "no Go files in /x\n") {
		t.Errorf("plain text not passed through: %q", out.String())
	}
}
