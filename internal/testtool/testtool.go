// Package testtool finds the external programs that tests use to check
// output the way a user would (pdftotext, qpdf, python-docx, LibreOffice,
// chromium, fonts).
//
// On a laptop a missing tool skips the test that needs it. With
// OCS_REQUIRE_TOOLS=1 (set by .ci/run) a missing tool fails the test
// instead, so CI can never pass by checking nothing.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Required reports whether missing tools fail tests (OCS_REQUIRE_TOOLS=1)
// rather than skip them.
func Required() bool {
	v := os.Getenv("OCS_REQUIRE_TOOLS")
	return v != "" && v != "0" && v != "false"
}

// Missing skips the test, or fails it when tools are required, saying what
// is missing and how to install it.
func Missing(t testing.TB, what, install string) {
	t.Helper()
	msg := what + " is not available (install: " + install + ")"
	if Required() {
		t.Fatal("OCS_REQUIRE_TOOLS is set: " + msg)
	}
	t.Skip(msg)
}

// Path returns the full path of the program name, or skips (fails when
// required) with the Debian package that provides it.
func Path(t testing.TB, name, debianPackage string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name, "apt-get install "+debianPackage)
	}
	return p
}

// DebianPython is the interpreter with Debian's python3-docx; a python3
// earlier on PATH may be another interpreter without it.
const DebianPython = "/usr/bin/python3"

// PythonDocx returns DebianPython after checking that it can import docx,
// or skips (fails when required).
func PythonDocx(t testing.TB) string {
	t.Helper()
	return PythonModule(t, "docx", "python3-docx")
}

// PythonModule returns DebianPython after checking that it can import
// module (from the Debian package pkg), or skips (fails when required).
func PythonModule(t testing.TB, module, pkg string) string {
	t.Helper()
	if err := exec.Command(DebianPython, "-c", "import "+module).Run(); err != nil {
		Missing(t, module+" for "+DebianPython, "apt-get install "+pkg)
	}
	return DebianPython
}
