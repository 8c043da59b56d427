package diff

// Assessment forms, the values of FormItem.Form: the parts of the
// assessor's pack (ocs render assessment) an item of the standard becomes.
const (
	Checklist     = "checklist" // one row per indicator (P)
	KnowledgeQuiz = "knowledge" // one question per knowledge item (K)
	SkillsItems   = "skills"    // one item per skill (S)
	AttitudeRows  = "attitude"  // one row per attitude (A)
)

// FormItem is an assessment item that is new, gone, renumbered or changed
// between two versions: what a centre must replace in its forms.
type FormItem struct {
	// Form is checklist, knowledge, skills or attitude.
	Form string `json:"form"`
	// Action is added (a new item to assess), removed (an item to drop),
	// moved (the same item under a new code) or changed (reworded).
	Action  Action `json:"action"`
	OldCode string `json:"old_code,omitempty"`
	NewCode string `json:"new_code,omitempty"`
	Old     string `json:"old,omitempty"`
	New     string `json:"new,omitempty"`
	// Task is the task of a checklist row, in the new version when it has one.
	Task string `json:"task,omitempty"`
}

// formOf maps the kinds of items to the forms that assess them.
var formOf = map[string]string{
	Indicator: Checklist,
	Knowledge: KnowledgeQuiz,
	Skill:     SkillsItems,
	Attitude:  AttitudeRows,
}

// Assessment lists the assessment items that a revision adds, removes,
// renumbers or rewords, in the order of the change list. A renumbered
// task renumbers its checklist rows: each of them is listed as moved.
func (r *Result) Assessment() []FormItem {
	var out []FormItem
	moved := map[string]string{} // old task code → new task code
	for _, c := range r.Changes {
		if c.Item == Task && c.Action == Moved {
			moved[c.OldCode] = c.NewCode
		}
	}
	for _, c := range r.Changes {
		form, ok := formOf[c.Item]
		if !ok {
			continue
		}
		fi := FormItem{Form: form, Action: c.Action, OldCode: c.OldCode, NewCode: c.NewCode, Old: c.Old, New: c.New}
		if c.Item == Indicator {
			fi.Task = c.Parent
		}
		out = append(out, fi)
	}
	// Rows renumbered with their task, and not otherwise reported.
	seen := map[string]bool{}
	for _, fi := range out {
		if fi.Form == Checklist && fi.OldCode != "" {
			seen[fi.OldCode] = true
		}
	}
	for _, pair := range r.tasks {
		if _, ok := moved[pair.old.Code]; !ok {
			continue
		}
		oe, ne := entries(pair.old, true), entries(pair.new, true)
		for k := range oe {
			if k >= len(ne) || seen[oe[k].Code] || oe[k].Text != ne[k].Text || oe[k].Code == ne[k].Code {
				continue
			}
			out = append(out, FormItem{Form: Checklist, Action: Moved, OldCode: oe[k].Code, NewCode: ne[k].Code, Old: oe[k].Text, New: ne[k].Text, Task: pair.new.Code})
		}
	}
	return out
}
