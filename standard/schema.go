package standard

import (
	"bytes"
	"encoding/json"
	"sync"
)

// The format is described once, here. The loader takes the allowed keys,
// expected types and examples for its messages from this description, and
// Schema turns it into a JSON Schema for editors, so the two cannot drift
// apart.

// kind is the TOML type of a value.
type kind int

const (
	kString  kind = iota
	kInteger      // an integer within [min, max]
	kArray        // an array of elem
	kTable        // a table with the listed fields
	kMap          // a table whose keys are free (matching keyPattern), values elem
	kTextOr       // a string, or the table elem
	kBool         // true or false
)

// node describes one value of the format.
type node struct {
	kind     kind
	name     string // how messages name it, e.g. "[[duty.task]]"
	desc     string
	example  string // a TOML line showing the right form
	fields   []field
	required []string
	elem     *node
	keyRegex string // kMap: keys must match
	min, max int    // kInteger: range when max > 0
}

type field struct {
	key  string
	node *node
}

// keys returns the field names of a table node.
func (n *node) keys() []string {
	out := make([]string, len(n.fields))
	for i, f := range n.fields {
		out[i] = f.key
	}
	return out
}

// field returns the node of a table's key, or nil.
func (n *node) field(key string) *node {
	for _, f := range n.fields {
		if f.key == key {
			return f.node
		}
	}
	return nil
}

func str(desc, example string) *node { return &node{kind: kString, desc: desc, example: example} }

func boolean(desc, example string) *node { return &node{kind: kBool, desc: desc, example: example} }

func strList(desc, example string) *node {
	return &node{kind: kArray, desc: desc, example: example, elem: &node{kind: kString}}
}

func level(desc, example string) *node {
	return &node{kind: kInteger, desc: desc, example: example, min: 1, max: 6}
}

// entry is an output or indicator: a text, or {code, text} for a legacy
// document's printed code.
func entry(example string) *node {
	t := table("an {code, text} entry", "An output or indicator with the code the published document prints.",
		field{"code", str("The code as printed, e.g. P1.1.", `code = "P1.1"`)},
		field{"text", str("The text.", `text = "…"`)},
	)
	t.required = []string{"text"}
	return &node{kind: kTextOr, desc: "A text, or {code, text} to keep a legacy document's printed code.", example: example, elem: t}
}

// ref is a K or S reference: a code, or {code, text} when the published
// standard prints another text for that code in this task.
func ref(letter string) *node {
	t := table("a {code, text} reference", "A reference that carries the text printed in this task.",
		field{"code", str("The catalogue code.", `code = "`+letter+`05"`)},
		field{"text", str("The text printed in this task.", `text = "…"`)},
	)
	t.required = []string{"code"}
	return &node{kind: kTextOr, desc: "A code into the catalogue, or {code, text} when the published standard prints another text for that code here.",
		example: `"` + letter + `01" or { code = "` + letter + `05", text = "…" }`, elem: t}
}

func table(name, desc string, fields ...field) *node {
	return &node{kind: kTable, name: name, desc: desc, fields: fields}
}

func arrayOf(desc, example string, elem *node) *node {
	return &node{kind: kArray, desc: desc, example: example, elem: elem}
}

// format is the description of the format: its top level, and the
// nodes the loader's messages compare with.
type format struct {
	root, task, block *node
}

// formatOf returns the description of the format, built on first use
// rather than at the start of every run of ocs, whatever the command.
var formatOf = sync.OnceValue(func() *format {
	classNode := table("a category row", "A classification row: its name and code.",
		field{"name", str("Name of the class.", `name = "廣告及行銷專業人員"`)},
		field{"code", str("Code of the class (leave out when none was issued).", `code = "2431"`)},
	)
	rowFields := []field{
		{"outputs", arrayOf("工作產出 outputs (O codes); may be empty for action-type tasks.", `outputs = ["溝通紀錄"]`,
			entry(`"溝通紀錄" or { code = "O1.1", text = "溝通紀錄" }`))},
		{"indicators", arrayOf("行為指標 indicators (P codes); may reference notes as 【註N】.", `indicators = ["辨識使用合宜的溝通策略【註1】。"]`,
			entry(`"根據既有程序【註2】進行訪談。" or { code = "P1.1", text = "…" }`))},
		{"knowledge", arrayOf("職能內涵 K: codes from [knowledge].", `knowledge = ["K01", "K02"]`, ref("K"))},
		{"skills", arrayOf("職能內涵 S: codes from [skills].", `skills = ["S01", "S02"]`, ref("S"))},
	}
	blockNode := table("[[duty.task.block]]", "A row block of a task: its own outputs, indicators and K/S; P numbering continues across blocks.",
		append(append([]field{{"level", level("職能級別 of this block when it differs from the task's (1–6).", "level = 4")}}, rowFields...),
			field{"shares_outputs", boolean("The block's 工作產出 are those of the block above (one cell spanning both blocks, as the form prints it): write true and no outputs.", "shares_outputs = true")})...)
	taskNode := table("[[duty.task]]", "工作任務 (T1.1, …). A task with one row block writes outputs, indicators, knowledge and skills directly; otherwise it uses [[duty.task.block]].",
		append(append([]field{
			{"code", str("Explicit task code for legacy documents; normally derived from position.", `code = "T1.1"`)},
			{"title", str("工作任務 name.", `title = "和顧客有效溝通"`)},
			{"level", level("職能級別 (1–6).", "level = 3")},
			{"attitudes", strList("A codes marked for this task in the task × attitude matrix.", `attitudes = ["A01", "A02"]`)},
			{"shares", str("Code of an earlier task of this duty whose row block this task shares: the form prints them in one merged row (工作任務 cell listing both tasks, the other cells once). Write no level, outputs, indicators, knowledge, skills or blocks with it.", `shares = "T1.1"`)},
		}, rowFields...),
			field{"block", arrayOf("Row blocks of the task.", "[[duty.task.block]]", blockNode)})...)
	dutyNode := table("[[duty]]", "主要職責 (T1, T2, …).",
		field{"code", str("Explicit duty code for legacy documents; normally derived from position.", `code = "T1"`)},
		field{"title", str("主要職責 name.", `title = "人際溝通與協調"`)},
		field{"task", arrayOf("工作任務 of this duty.", "[[duty.task]]", taskNode)},
	)
	attitudeNode := &node{kind: kTextOr, desc: "An attitude: a bare name, or {name, definition}.",
		example: `A01 = { name = "主動積極", definition = "…" }`,
		elem: table("an attitude table", "An attitude with its definition.",
			field{"name", str("Name, e.g. 主動積極.", `name = "主動積極"`)},
			field{"definition", str("Official definition.", `definition = "…"`)},
		)}
	noteNode := &node{kind: kTextOr, desc: "A 【註N】 note: {term, text}, or just its text.",
		example: `1 = { term = "策略", text = "…" }`,
		elem: table("a note table", "A note: the term it explains and the explanation.",
			field{"term", str("The term, e.g. 策略.", `term = "策略"`)},
			field{"text", str("The explanation.", `text = "…"`)},
		)}
	versionNode := table("[[history]]", "A row of the 基準更新紀錄.",
		field{"version", str("Version, e.g. V4.", `version = "V4"`)},
		field{"code", str("職能基準代碼 of that version.", `code = "BAS1219-002v4"`)},
		field{"name", str("Name of the standard in that version.", `name = "企劃人員"`)},
		field{"status", str("最新版本 or 歷史版本.", `status = "最新版本"`)},
		field{"note", str("更新說明, e.g. 已被《BAS1219-002v4》取代.", `note = ""`)},
		field{"date", str("發展更新日期, YYYY/MM/DD.", `date = "2024/12/15"`)},
	)
	catalogue := func(desc, example string) *node {
		return &node{kind: kMap, desc: desc, example: example, elem: str("The item's text.", example)}
	}
	rootNode := &node{kind: kTable, name: "the top level", desc: "An occupational competency standard (職能基準) for ocs.",
		required: []string{"description", "duty"},
		fields: []field{
			{"code", str("職能基準代碼 issued by iCAP, e.g. THM2431-001v1; leave out for company documents.", `code = "THM2431-001v1"`)},
			{"occupation", str("職業 name (set this or job_category).", `occupation = "行銷業務專員"`)},
			{"job_category", str("職類 name (set this or occupation).", `job_category = "冷凍空調"`)},
			{"description", str("工作描述.", `description = "依照不同客戶型態…"`)},
			{"level", level("基準級別 (1–6); leave out and set no_levels for a standard without levels.", "level = 3")},
			{"no_levels", str("Why a legacy standard has no levels, printed where levels would be.", `no_levels = "本項職能基準發展之初並未訂定職能級別"`)},
			{"updated", str("發展更新日期, YYYY/MM/DD.", `updated = "2024/12/15"`)},
			{"category", table("[category]", "所屬類別 rows.",
				field{"job", arrayOf("職類別 rows.", "[[category.job]]", classNode)},
				field{"occupation", arrayOf("職業別 rows.", "[[category.occupation]]", classNode)},
				field{"industry", arrayOf("行業別 rows.", "[[category.industry]]", classNode)},
			)},
			{"duty", arrayOf("主要職責, in order.", "[[duty]]", dutyNode)},
			{"knowledge", catalogue("職能內涵 K catalogue: code = text, in order.", `K01 = "有效的溝通策略和技巧"`)},
			{"skills", catalogue("職能內涵 S catalogue: code = text, in order.", `S01 = "溝通協調能力"`)},
			{"attitudes", &node{kind: kMap, desc: "職能內涵 A catalogue, in order.", example: `A01 = { name = "主動積極", definition = "…" }`, elem: attitudeNode}},
			{"notes", &node{kind: kMap, desc: "【註N】 notes by number.", example: `1 = { term = "策略", text = "…" }`, elem: noteNode, keyRegex: "^[1-9][0-9]*$"}},
			{"remarks", table("[remarks]", "說明與補充事項.",
				field{"prerequisites", strList("建議擔任此職類/職業之學歷/經歷/或能力條件 (several lines may be alternatives).", `prerequisites = ["大專以上畢業。"]`)},
				field{"supplements", strList("其他補充說明 lines without a 【註】 number.", `supplements = ["…"]`)},
			)},
			{"history", arrayOf("基準更新紀錄 rows.", "[[history]]", versionNode)},
		},
	}
	for _, n := range []*node{taskNode, dutyNode} {
		n.required = []string{"title"}
	}
	rootNode.field("category").example = "[[category.job]], [[category.occupation]] and [[category.industry]] tables"
	rootNode.field("remarks").example = `[remarks] with prerequisites = ["…"] and supplements = ["…"]`
	classNode.required = []string{"name"}
	attitudeNode.elem.required = []string{"name"}
	noteNode.elem.required = []string{"text"}
	return &format{root: rootNode, task: taskNode, block: blockNode}
})

// Schema returns a JSON Schema (draft-07) of the TOML format, for editors
// such as Taplo / Even Better TOML: put `#:schema ./ocs.schema.json` at the
// top of a standard to get completion and checking as you type.
func Schema() []byte {
	root := jsonNode(formatOf().root)
	root = append(obj{
		{"$schema", "http://json-schema.org/draft-07/schema#"},
		{"title", "ocs occupational competency standard (職能基準)"},
	}, root...)
	root = append(root, kv{"oneOf", []any{
		obj{{"required", []string{"occupation"}}, {"not", obj{{"required", []string{"job_category"}}}}},
		obj{{"required", []string{"job_category"}}, {"not", obj{{"required", []string{"occupation"}}}}},
	}})
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		panic(err) // the schema is static data: this cannot fail
	}
	return b.Bytes()
}

// jsonNode turns a node into a JSON Schema object.
func jsonNode(n *node) obj {
	var o obj
	if n.desc != "" {
		o = append(o, kv{"description", n.desc})
	}
	switch n.kind {
	case kString:
		o = append(o, kv{"type", "string"})
	case kBool:
		o = append(o, kv{"type", "boolean"})
	case kInteger:
		o = append(o, kv{"type", "integer"})
		if n.max > 0 {
			o = append(o, kv{"minimum", n.min}, kv{"maximum", n.max})
		}
	case kArray:
		o = append(o, kv{"type", "array"}, kv{"items", jsonNode(n.elem)})
	case kTable:
		props := make(obj, len(n.fields))
		for i, f := range n.fields {
			props[i] = kv{f.key, jsonNode(f.node)}
		}
		o = append(o, kv{"type", "object"}, kv{"properties", props}, kv{"additionalProperties", false})
		if len(n.required) > 0 {
			o = append(o, kv{"required", n.required})
		}
	case kMap:
		o = append(o, kv{"type", "object"}, kv{"additionalProperties", jsonNode(n.elem)})
		if n.keyRegex != "" {
			o = append(o, kv{"propertyNames", obj{{"pattern", n.keyRegex}}})
		}
	case kTextOr:
		o = append(o, kv{"anyOf", []any{obj{{"type", "string"}}, jsonNode(n.elem)}})
	}
	return o
}

// obj is a JSON object that keeps its keys in order.
type obj []kv

type kv struct {
	key string
	val any
}

// MarshalJSON writes the keys in order.
func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.key)
		b.Write(k)
		b.WriteByte(':')
		v, err := json.Marshal(p.val)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
