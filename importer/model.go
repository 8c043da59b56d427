package importer

// Draft is a standard as the interpreter read it, before it becomes TOML:
// a small value of its own so the importer does not depend on the shape of
// package standard's model. Codes are kept as printed; Notes on the parts
// are the judgements the interpreter made, written as TOML comments.
type Draft struct {
	Code        string
	Occupation  string // 職業 name, or
	JobCategory string // 職類 name
	Description string
	Level       int
	Updated     string
	NoLevels    string
	Jobs        []Class // 職類別
	Occupations []Class // 職業別
	Industries  []Class // 行業別
	HeaderNotes []string

	Duties    []Duty
	Knowledge []Item
	Skills    []Item
	Attitudes []Attitude
	Notes     []Note

	Prerequisites []string
	Supplements   []string
	History       []Version
}

// Class is a 所屬類別 row: a name and its code.
type Class struct{ Name, Code, Comment string }

// Duty is a 主要職責 with its printed code.
type Duty struct {
	Code, Title string
	Comments    []string
	Tasks       []Task
}

// Task is a 工作任務 with its printed code and row blocks.
type Task struct {
	Code, Title string
	Level       int
	Comments    []string
	Blocks      []Block
	Attitudes   []string // A codes marked in the task × attitude matrix
	Matrix      bool     // the task has a column in the matrix
	// Shares is the code of the task whose row block this one shares: the
	// form printed both in one 工作任務 cell. Such a task has no blocks.
	Shares string
}

// Block is one row block of a task.
type Block struct {
	Level      int
	Outputs    []Entry
	Indicators []Entry
	Knowledge  []Entry // Code = the K code; Text set only when it differs from the catalogue's
	Skills     []Entry
	// SharesOutputs: the block's 工作產出 cell is the one of the block
	// above, merged over both; Outputs is empty.
	SharesOutputs bool
}

// Entry is a coded text as printed: an output, an indicator, a reference.
// Explicit marks an output or indicator whose printed code is not the one
// its position gives, so the TOML must spell it out.
type Entry struct {
	Code, Text string
	Explicit   bool
}

// Item is a K or S catalogue entry.
type Item struct{ Code, Text, Comment string }

// Attitude is an A catalogue entry.
type Attitude struct{ Code, Name, Definition, Comment string }

// Note is a numbered 【註N】 note.
type Note struct {
	N          int
	Term, Text string
	Comment    string
}

// Version is a row of the 基準更新紀錄.
type Version struct{ Version, Code, Name, Status, Note, Date string }
