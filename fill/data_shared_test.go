package fill

import (
	"reflect"
	"testing"

	"github.com/ocs-project/ocs/standard"
)

// Tasks sharing a row block each have the row's data and name the task
// holding it in "shares"; the task holding it has "shares" empty.
func TestDataSharedRows(t *testing.T) {
	s, err := standard.Parse("shared.toml", []byte(`occupation = "測試"
description = "描述"
level = 3
[[duty]]
title = "職責"
  [[duty.task]]
  title = "任務一"
  level = 3
  outputs = ["產出"]
  indicators = ["指標一。", "指標二。"]
  [[duty.task]]
  title = "任務二"
  shares = "T1.1"
`))
	if err != nil {
		t.Fatal(err)
	}
	tasks := Data(s, nil, nil)["tasks"].([]any)
	t1, t2 := tasks[0].(map[string]any), tasks[1].(map[string]any)
	if t1["shares"] != "" || t2["shares"] != "T1.1" || t2["code"] != "T1.2" || t2["title"] != "任務二" || t2["level"] != 3 {
		t.Errorf("T1.1 %v\nT1.2 %v", t1, t2)
	}
	want := []any{map[string]any{"code": "P1.1.1", "text": "指標一。"}, map[string]any{"code": "P1.1.2", "text": "指標二。"}}
	if !reflect.DeepEqual(t2["indicators"], want) || !reflect.DeepEqual(t1["indicators"], want) {
		t.Errorf("indicators: T1.1 %v, T1.2 %v; want %v for both", t1["indicators"], t2["indicators"], want)
	}
}
