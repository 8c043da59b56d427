package assessment

import (
	"fmt"
	"strings"

	"github.com/ocs-project/ocs/standard"
	"github.com/ocs-project/ocs/templates"
)

// The parts of an assessment pack, in the order they are printed.
const (
	PartCover      = "cover"      // cover and candidate sheet
	PartChecklist  = "checklist"  // observation checklist: P and O rows
	PartKnowledge  = "knowledge"  // knowledge questions, one per K
	PartSkills     = "skills"     // skills checklist, one row per S
	PartAttitudes  = "attitudes"  // attitude observation (rating only)
	PartThirdParty = "thirdparty" // third-party (supervisor) report
	PartMapping    = "mapping"    // mapping matrix P/K/S × packInstruments
	PartResult     = "result"     // result sheet
)

// AssessmentParts() returns every part of an assessment pack in print order
// (a new slice on every call).
func AssessmentParts() []string {
	return []string{
		PartCover, PartChecklist, PartKnowledge, PartSkills,
		PartAttitudes, PartThirdParty, PartMapping, PartResult,
	}
}

// partTitle maps a part to the label key of its heading.
var partTitle = map[string]string{
	PartCover:      "part_cover",
	PartChecklist:  "part_checklist",
	PartKnowledge:  "part_knowledge",
	PartSkills:     "part_skills",
	PartAttitudes:  "part_attitudes",
	PartThirdParty: "part_thirdparty",
	PartMapping:    "part_mapping",
	PartResult:     "part_result",
}

// Assessment methods (評量方式). Options name them by these identifiers or
// by their printed names in either language (「實作觀察」, "observation").
const (
	MethodObservation = "observation" // 實作觀察
	MethodOral        = "oral"        // 口試
	MethodWritten     = "written"     // 筆試
	MethodPortfolio   = "portfolio"   // 書面審查 (作品、報告)
	MethodProduct     = "product"     // 工作產出審查
	MethodThirdParty  = "thirdparty"  // 第三方證明
)

// AssessmentMethods() returns every assessment method in print order (a new
// slice on every call).
func AssessmentMethods() []string {
	return []string{
		MethodObservation, MethodOral, MethodWritten,
		MethodPortfolio, MethodProduct, MethodThirdParty,
	}
}

// methodLabel maps a method to the label key of its printed name.
var methodLabel = map[string]string{
	MethodObservation: "method_observation",
	MethodOral:        "method_oral",
	MethodWritten:     "method_written",
	MethodPortfolio:   "method_portfolio",
	MethodProduct:     "method_product",
	MethodThirdParty:  "method_thirdparty",
}

// ParseMethod returns the identifier of an assessment method given by its
// identifier or by its printed name in any label language, e.g.
// "observation", 「實作觀察」 or "Workplace observation". Case and
// surrounding spaces do not matter.
func ParseMethod(name string) (string, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	for _, m := range AssessmentMethods() {
		if key == m {
			return m, nil
		}
	}
	var names []string
	for _, lang := range templates.Languages() {
		l, err := baseAssessmentLabels(lang)
		if err != nil {
			return "", err
		}
		for _, m := range AssessmentMethods() {
			printed := l[methodLabel[m]]
			if strings.ToLower(printed) == key {
				return m, nil
			}
			if lang == templates.Languages()[0] {
				names = append(names, fmt.Sprintf("%s (%s)", m, printed))
			}
		}
	}
	msg := fmt.Sprintf("unknown assessment method %q", name)
	if s := standard.Suggest(key, AssessmentMethods()); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return "", fmt.Errorf("%s; choose from %s", msg, strings.Join(names, ", "))
}

// parseAssessmentPart checks a part name and returns it in canonical form.
func parseAssessmentPart(name string) (string, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	for _, p := range AssessmentParts() {
		if key == p {
			return p, nil
		}
	}
	msg := fmt.Sprintf("unknown assessment part %q", name)
	if s := standard.Suggest(key, AssessmentParts()); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return "", fmt.Errorf("%s; choose from %s", msg, strings.Join(AssessmentParts(), ", "))
}

// Scale is the rating scale of the checklists. The zero value is the
// pass/fail scale 「達成／未達成」; Points from 2 to 10 give a rating from 1
// to Points, such as the common 1–5 scale.
type Scale struct {
	// Points is the number of rating points; 0 means pass/fail.
	Points int `toml:"points"`
	// Labels optionally name the points, lowest first (one per point),
	// e.g. ["未達成", "待加強", "尚可", "良好", "優異"]; they are printed in
	// the legend under each rated form.
	Labels []string `toml:"labels"`
	// Pass is the lowest point that counts as achieved; 0 means the middle
	// of the scale rounded up (3 of 5, 4 of 6).
	Pass int `toml:"pass"`
}

// PassFail reports whether the scale is the two-choice 達成／未達成.
func (sc Scale) PassFail() bool { return sc.Points == 0 }

// pass returns the lowest point counted as achieved.
func (sc Scale) pass() int {
	if sc.Pass > 0 {
		return sc.Pass
	}
	return sc.Points/2 + 1
}

// check reports a scale that cannot be printed.
func (sc Scale) check() error {
	switch {
	case sc.Points == 0:
		if len(sc.Labels) > 0 || sc.Pass != 0 {
			return fmt.Errorf("scale: labels and pass need points (e.g. points = 5); without points the scale is pass/fail")
		}
		return nil
	case sc.Points < 2 || sc.Points > 10:
		return fmt.Errorf("scale: points = %d, want 2 to 10 (or leave it out for pass/fail)", sc.Points)
	case len(sc.Labels) > 0 && len(sc.Labels) != sc.Points:
		return fmt.Errorf("scale: %d labels for %d points; give one label per point, lowest first", len(sc.Labels), sc.Points)
	case sc.Pass < 0 || sc.Pass > sc.Points:
		return fmt.Errorf("scale: pass = %d is outside 1–%d", sc.Pass, sc.Points)
	}
	return nil
}
