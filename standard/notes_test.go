package standard

import (
	"reflect"
	"testing"
)

func TestSplitNotes(t *testing.T) {
	tests := []struct {
		text string
		want []Part
	}{
		{"", nil},
		{"沒有註", []Part{{Text: "沒有註"}}},
		{"策略【註1】。", []Part{{Text: "策略"}, {Text: "【註1】", Note: 1}, {Text: "。"}}},
		{"【註 12】開頭", []Part{{Text: "【註12】", Note: 12}, {Text: "開頭"}}},
		{"a【註2】【註3】", []Part{{Text: "a"}, {Text: "【註2】", Note: 2}, {Text: "【註3】", Note: 3}}},
		{"全形空白【註\u30004\u3000】", []Part{{Text: "全形空白"}, {Text: "【註4】", Note: 4}}},
		{"不是註【註】【註一】【註0】【註5", []Part{{Text: "不是註【註】【註一】【註0】【註5"}}},
		{"【註x】然後【註7】", []Part{{Text: "【註x】然後"}, {Text: "【註7】", Note: 7}}},
	}
	for _, tt := range tests {
		if got := SplitNotes(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SplitNotes(%q) = %+v, want %+v", tt.text, got, tt.want)
		}
	}
}
