package importer

import "strconv"

// groupLabels name groups of header rows and carry no value.
var groupLabels = map[string]bool{"職能基準名稱(擇一填寫)": true, "職能基準名稱（擇一填寫）": true, "職能基準名稱": true, "所屬類別": true}

func (in *interp) headerRow(vals []string, page int, where string) {
	for i := 0; i < len(vals); i++ {
		label := squash(vals[i])
		if label == "" || groupLabels[label] {
			continue
		}
		if !headerLabels[label] {
			in.add(Error, page, where, vals[i], "text in the header block under no known label, not imported")
			continue
		}
		value := ""
		for j := i + 1; j < len(vals); j++ {
			v := squash(vals[j])
			if v == "" {
				continue
			}
			if !headerLabels[v] && !groupLabels[v] {
				value, i = vals[j], j
			}
			break
		}
		in.headerValue(label, value, page, where)
	}
}

func (in *interp) headerValue(label, raw string, page int, where string) {
	v := in.clean(raw, page, label)
	d := &in.d
	last := func(cs []Class) *Class {
		if len(cs) == 0 {
			return nil
		}
		return &cs[len(cs)-1]
	}
	setCode := func(cs []Class, add func()) {
		if c := last(cs); c != nil && c.Code == "" {
			c.Code = v
			return
		}
		add()
	}
	switch label {
	case "職能基準代碼":
		d.Code = v
	case "職類":
		d.JobCategory = v
	case "職業":
		d.Occupation = v
	case "職類別":
		d.Jobs = append(d.Jobs, Class{Name: v})
	case "職業別":
		d.Occupations = append(d.Occupations, Class{Name: v})
	case "行業別":
		d.Industries = append(d.Industries, Class{Name: v})
	case "職類別代碼":
		setCode(d.Jobs, func() { d.Jobs = append(d.Jobs, Class{Code: v}) })
	case "職業別代碼":
		setCode(d.Occupations, func() { d.Occupations = append(d.Occupations, Class{Code: v}) })
	case "行業別代碼":
		setCode(d.Industries, func() { d.Industries = append(d.Industries, Class{Code: v}) })
	case "工作描述":
		d.Description = v
	case "發展更新日期":
		d.Updated = v
	case "基準級別":
		if n, err := strconv.Atoi(v); err == nil {
			d.Level = n
		} else if v != "" {
			d.NoLevels = v
			in.add(Warning, page, where, v, "基準級別 is not a number; kept as the reason the standard has no levels (no_levels)")
		}
	}
}
