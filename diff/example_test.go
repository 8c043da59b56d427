package diff_test

import (
	"fmt"

	"github.com/ocs-project/ocs/diff"
)

func ExampleText() {
	for _, s := range diff.Text("依需求排定優先順序。", "依風險與需求排定優先順序。") {
		fmt.Printf("%d %q\n", s.Op, s.Text)
	}
	// Output:
	// 0 "依"
	// 2 "風險與"
	// 0 "需求排定優先順序。"
}
