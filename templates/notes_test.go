package templates

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ocs-project/ocs/render"
)

func TestRuns(t *testing.T) {
	plain := func(s string) render.Run { return render.Run{Text: s} }
	sup := func(s string) render.Run { return render.Run{Text: s, Super: true} }
	tests := []struct {
		in   string
		want []render.Run
	}{
		{"", nil},
		{"沒有註記。", []render.Run{plain("沒有註記。")}},
		{"使用策略【註1】。", []render.Run{plain("使用策略"), sup("【註1】"), plain("。")}},
		{"【註12】開頭", []render.Run{sup("【註12】"), plain("開頭")}},
		{"結尾【註 3】", []render.Run{plain("結尾"), sup("【註3】")}},
		{"甲【註1】乙【註2】", []render.Run{plain("甲"), sup("【註1】"), plain("乙"), sup("【註2】")}},
		{"相鄰【註1】【註2】", []render.Run{plain("相鄰"), sup("【註1】"), sup("【註2】")}},
		{"不是【註解】而是【註2】", []render.Run{plain("不是【註解】而是"), sup("【註2】")}},
		{"未閉合【註1", []render.Run{plain("未閉合【註1")}},
		{"空號【註】", []render.Run{plain("空號【註】")}},
	}
	for _, tt := range tests {
		got := Runs(tt.in)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Runs(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
		if strings.ReplaceAll(render.Texts(got), "【註3】", "【註 3】") != tt.in {
			t.Errorf("Runs(%q) loses text: %q", tt.in, render.Texts(got))
		}
	}
}
