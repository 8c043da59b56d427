package zipfile

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestMember(t *testing.T) {
	data, err := Pack([2]string{"a.xml", "<a/>"}, [2]string{"b.xml", "<b/>"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Member(data, "b.xml", "Word")
	if err != nil || string(got) != "<b/>" {
		t.Errorf("Member = %q, %v", got, err)
	}
	if _, err := Member(data, "c.xml", "Word"); !errors.Is(err, ErrMissing) || !strings.Contains(err.Error(), "the Word file has no c.xml") {
		t.Errorf("a missing member: %v", err)
	}
	if _, err := Member([]byte("PK\x03\x04"), "a.xml", "Word"); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("a broken archive: %v", err)
	}
}

// A member that inflates past MaxMember is refused, whatever its header
// says, after reading no more than the cap.
func TestZipBomb(t *testing.T) {
	if testing.Short() {
		t.Skip("compresses 65 MB")
	}
	data, err := Pack([2]string{"word/document.xml", strings.Repeat(" ", MaxMember+1)})
	if err != nil {
		t.Fatal(err)
	}
	if len(data) > 1<<20 {
		t.Fatalf("the bomb is %d bytes compressed", len(data))
	}
	if _, err := Member(data, "word/document.xml", "Word"); err == nil || !strings.Contains(err.Error(), "inflates to more than 64 MiB") {
		t.Errorf("error %v", err)
	}
}

func TestTooManyMembers(t *testing.T) {
	members := make([][2]string, MaxMembers+1)
	for i := range members {
		members[i] = [2]string{fmt.Sprint(i), ""}
	}
	data, err := Pack(members...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(data, "Word"); err == nil || !strings.Contains(err.Error(), "parts") {
		t.Errorf("error %v", err)
	}
}
