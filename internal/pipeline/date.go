package pipeline

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The dates a document may carry: ZIP (and so DOCX) cannot hold a date
// before 1980, and PDF and DOCX dates have four-digit years.
var (
	minDate = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	maxDate = time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
)

// ParseEpoch reads a SOURCE_DATE_EPOCH value: a whole number of seconds
// since 1970-01-01 UTC, from 1980-01-01 to the end of 9999. An empty value
// gives the zero time, which backends replace by their fixed default.
func ParseEpoch(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a whole number of seconds since 1970-01-01 (e.g. %d for %s)",
			v, minDate.Unix(), minDate.Format("2006-01-02"))
	}
	if n < minDate.Unix() || n > maxDate.Unix() {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%s is outside the dates a document can carry: use %d (%s) to %d (%s)",
			v, minDate.Unix(), minDate.Format("2006-01-02"), maxDate.Unix(), maxDate.Format("2006-01-02 15:04:05"))
	}
	return time.Unix(n, 0).UTC(), nil
}
