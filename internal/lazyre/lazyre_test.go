package lazyre

import "testing"

func TestNew(t *testing.T) {
	re := New(`^T(\d+)$`)
	first := re()
	if m := first.FindStringSubmatch("T12"); len(m) != 2 || m[1] != "12" {
		t.Errorf("FindStringSubmatch(T12) = %q", m)
	}
	if re() != first {
		t.Error("a second call compiled the expression again")
	}
}

func TestNewInvalid(t *testing.T) {
	re := New(`(`) // no panic before the first use
	defer func() {
		if recover() == nil {
			t.Error("an invalid expression did not panic on first use")
		}
	}()
	re()
}
