// Package standard holds the model of an occupational competency standard
// (職能基準), its TOML format, loading and validation.
//
// The TOML format (what a file says: one-block shorthand on tasks,
// optional codes, references by code) is described once, in schema.go,
// and decoded by decode.go. The model is what every reader gets:
// normalised, with every code set, references carrying their text, and
// blocks only (see Normalize). Load, Parse and the importer return it;
// templates only read it.
package standard

import "github.com/ocs-project/ocs/diag"

// Standard is one 職能基準.
type Standard struct {
	// Code is the 職能基準代碼 issued by iCAP, e.g. "THM2431-001v1".
	// Empty for company or draft documents: ocs never invents one.
	Code string
	// Occupation is the 職業 name; JobCategory the 職類 name. Exactly one is set.
	Occupation  string
	JobCategory string
	// Description is the 工作描述.
	Description string
	// Level is the 基準級別 (1–6); 0 when the standard defines no levels.
	Level int
	// NoLevels explains why a legacy standard has no levels, e.g.
	// "本項職能基準發展之初並未訂定職能級別". Printed where levels would be.
	NoLevels string
	// Updated is the 發展更新日期 of this version, "YYYY/MM/DD" or "YYYY-MM-DD".
	Updated string

	Category Categories
	Duties   []Duty

	// Catalogues, in the order written. TOML tables such as
	// [knowledge] K01 = "…" load into these lists in file order.
	Knowledge []Item
	Skills    []Item
	Attitudes []Attitude
	Notes     []Note

	// Prerequisites are the 建議擔任此職類/職業之學歷/經歷/或能力條件 lines;
	// several lines may be alternatives.
	Prerequisites []string
	// Supplements are 其他補充說明 lines without a 【註N】 number.
	Supplements []string
	// History is the 基準更新紀錄, newest or oldest first as written.
	History []Version

	// Source is where the standard was loaded from (a file path or a
	// bundled name); set by the loader, not by TOML.
	Source string
	// Lines maps field paths (as used in Problem.Path, e.g.
	// "duty[1].task[0].indicators[2]") to 1-based source lines where the
	// loader could find them. Set by the loader.
	Lines diag.Lines
}

// Name returns the standard's name (the occupation or the job category).
func (s *Standard) Name() string {
	if s.Occupation != "" {
		return s.Occupation
	}
	return s.JobCategory
}

// Categories are the 所屬類別 rows. Several rows of each kind are allowed.
type Categories struct {
	Job        []Class // 職類別 + 職類別代碼
	Occupation []Class // 職業別 + 職業別代碼
	Industry   []Class // 行業別 + 行業別代碼
}

// Class is one classification entry: a name and its code.
type Class struct {
	Name string
	Code string
}

// Duty is a 主要職責 (T1, T2, …).
type Duty struct {
	Code  string // e.g. "T1"; from position unless the file spells it out
	Title string
	Tasks []Task
}

// Task is a 工作任務 (T1.1, …): one or more row blocks. A file may write a
// one-block task's fields directly on the task; the model always has them
// in Blocks.
type Task struct {
	Code  string // e.g. "T1.1"; from position unless the file spells it out
	Title string
	// Level is the task's 職能級別 (0 = none). A block may override it.
	Level int
	// Attitudes are the A codes marked for this task in the task ×
	// attitude matrix (the task's column).
	Attitudes []string
	// Blocks are the task's row blocks; a normalised task has at least one.
	Blocks []Block
	// Shares is the code of an earlier task of the same duty whose row
	// blocks this task shares: published standards print such tasks
	// (e.g. T1.1–T1.7) in one merged row, the 工作任務 cell listing every
	// task, the outputs, indicators, level, K and S once. The file writes
	// shares = "T1.1" and no row of its own; a normalised sharing task
	// holds those blocks themselves (the same slice, with their codes: do
	// not modify them through it), so that a reader of one task sees its
	// content. Duty.RowGroups groups the tasks as the form prints them;
	// Duty.RowOwners tells shared blocks from a task's own.
	Shares string

	// Shorthand reports that the file wrote the task's only block directly
	// on the task (no [[duty.task.block]]), so field paths of its outputs,
	// indicators and references name the task, not block[0]. Set by the
	// loader.
	Shorthand bool
}

// Block is one row block of a task: its own level, outputs, indicators and
// K/S references. P numbering continues across the blocks of a task.
type Block struct {
	Level      int // 0 = the task's level
	Outputs    []Entry
	Indicators []Entry
	Knowledge  []Ref // K references
	Skills     []Ref // S references
	// SharesOutputs reports that the block's outputs are those of the
	// block above in the same task: printed once, in a 工作產出 cell
	// spanning both blocks. The file writes shares_outputs = true and no
	// outputs; a normalised block holds them (the same slice;
	// Task.OutputsOwners tells them from outputs of its own).
	SharesOutputs bool
}

// Ref is a task's reference to a knowledge or skill item. In TOML it is a
// code ("K01"), or a table {code = "K05", text = "…"} for a published
// standard that prints the same code with another text in this task. After
// loading, Text always holds the text to print (from the catalogue unless
// given inline).
type Ref struct {
	Code string
	Text string
}

// Entry is an output (工作產出) or indicator (行為指標). In TOML it is either
// a plain string, or a table {code = "P1.1", text = "…"} for a legacy
// document whose codes must be kept as printed.
type Entry struct {
	Code string // e.g. "P1.1.2"; from position unless the file spells it out
	Text string
}

// Item is an entry of the knowledge or skills catalogue.
type Item struct {
	Code string // e.g. "K01"
	Text string
}

// Attitude is an entry of the attitude catalogue (職能內涵 A).
type Attitude struct {
	Code       string // e.g. "A01"
	Name       string // e.g. "主動積極"
	Definition string // optional official definition
}

// Note is a numbered 【註N】 note: a term and its explanation.
type Note struct {
	N    int
	Term string
	Text string
}

// Version is one row of the 基準更新紀錄.
type Version struct {
	Version string // e.g. "V4"
	Code    string // e.g. "BAS1219-002v4"
	Name    string
	Status  string // 最新版本 / 歷史版本
	Note    string // 更新說明, e.g. 「已被《…》取代」
	Date    string // YYYY/MM/DD
}
