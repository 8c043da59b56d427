package server

import (
	"net/http"
	"strings"
)

// words are the pages' fixed words: zh-TW first, English second.
var words = map[string][2]string{
	"app":          {"職能基準文件產生器", "Competency standard documents"},
	"library":      {"職能基準", "Standards"},
	"check":        {"檢查", "Check"},
	"search":       {"搜尋代碼、名稱或職類", "Search code, name or category"},
	"find":         {"搜尋", "Search"},
	"code":         {"代碼", "Code"},
	"name":         {"名稱", "Name"},
	"level":        {"級別", "Level"},
	"category":     {"職類", "Category"},
	"none":         {"沒有符合的職能基準。", "No standard matches."},
	"table":        {"職能基準表", "Standard table"},
	"download":     {"下載", "Download"},
	"posting":      {"徵才公告", "Job posting"},
	"assessment":   {"評量表", "Assessment forms"},
	"checks":       {"檢查結果", "Check results"},
	"noproblem":    {"沒有問題。", "No problems."},
	"problems":     {"問題", "Problems"},
	"line":         {"第 %d 行", "line %d"},
	"preview":      {"預覽", "Preview"},
	"validate":     {"檢查欄位", "Check the fields"},
	"save":         {"儲存這些資料（下載 TOML）", "Save these details (TOML)"},
	"load":         {"載入資料", "Load details"},
	"loadfile":     {"先前儲存的資料檔（TOML）", "Details saved before (TOML)"},
	"format":       {"格式", "Format"},
	"company":      {"公司", "Company"},
	"place":        {"工作地點", "Place of work"},
	"pay":          {"薪資", "Pay"},
	"work":         {"工作條件", "Terms"},
	"contact":      {"聯絡方式", "Contact"},
	"dates":        {"日期", "Dates"},
	"duties":       {"工作內容", "Duties and tasks"},
	"reqs":         {"條件要求", "Requirements"},
	"lines":        {"一行一項", "one per line"},
	"allduties":    {"不勾選則包含全部職責與任務。", "Tick none to keep every duty and task."},
	"scope":        {"評量範圍", "Scope"},
	"allscope":     {"不勾選則評量全部任務。", "Tick none to assess every task."},
	"parts":        {"表單", "Parts"},
	"allparts":     {"不勾選則印出全部表單。", "Tick none to print every part."},
	"scale":        {"評分等級", "Rating scale"},
	"passfail":     {"達成／未達成", "pass / fail"},
	"points":       {"%d 級", "%d points"},
	"methods":      {"評量方法", "Methods"},
	"methodshint":  {"每行一項：任務代碼 = 方法、方法，例如 T1.1 = 實作觀察、口試", "One per line: task code = method, method, e.g. T1.1 = observation, oral"},
	"roster":       {"名冊（CSV：UTF-8、Big5 或 UTF-16）", "Roster (CSV: UTF-8, Big5 or UTF-16)"},
	"combine":      {"合併成一個 PDF（不勾選則每人一個檔案，以 ZIP 下載）", "One combined PDF (else a ZIP of one file per candidate)"},
	"blank":        {"沒有名冊則下載空白表單。", "Without a roster you get blank forms."},
	"make":         {"產生", "Make"},
	"checkintro":   {"貼上或上傳職能基準 TOML，檢查是否符合格式與規則。", "Paste or upload a standard's TOML to check it against the format and the rules."},
	"paste":        {"TOML 內容", "TOML text"},
	"upload":       {"或上傳檔案", "or upload a file"},
	"source":       {"原始內容", "Source"},
	"showtable":    {"顯示職能基準表", "Show the table"},
	"cannotrender": {"有錯誤，無法產生職能基準表。", "The standard has errors, so no table can be made."},
	"notfound":     {"找不到這個頁面。", "There is no such page."},
	"back":         {"回到職能基準列表", "Back to the standards"},
	"fix":          {"請修正以下問題：", "Please fix these problems:"},
	"ok":           {"所有欄位都沒有問題。", "Every field is fine."},
	"lang":         {"English", "中文"},
	"import":       {"匯入", "Import"},
	"importintro":  {"上傳官方公布的職能基準（PDF、Word、ODT 或表格的文字），轉成 ocs 的 TOML，並列出匯入時的判斷與檢查結果。", "Upload a published standard (its official PDF, a Word or ODT file, or the text of its table) to turn it into ocs TOML, with every judgement the import made and the check results."},
	"importfile":   {"職能基準檔案（PDF、DOCX、ODT 或文字）", "Standard file (PDF, DOCX, ODT or text)"},
	"importreport": {"匯入報告", "Import report"},
	"severity":     {"等級", "Severity"},
	"page":         {"頁", "Page"},
	"where":        {"位置", "Place"},
	"message":      {"說明", "Message"},
	"nofinding":    {"沒有需要注意的地方。", "Nothing to note."},
	"importerrors": {"匯入結果有錯誤：請下載 TOML 修正後再檢查。", "The import has errors: download the TOML, fix it and check it again."},
	"tocheck":      {"到檢查頁面", "Go on to the check page"},
}

// lang is the language of a page: "en" when asked for by ?lang=en or the
// form, else zh-TW (the language of the standards).
func pageLang(r *http.Request) string {
	l := r.FormValue("lang")
	if l == "" && strings.HasPrefix(strings.ToLower(r.Header.Get("Accept-Language")), "en") {
		l = "en"
	}
	if l == "en" {
		return "en"
	}
	return "zh-TW"
}

// word returns the word key in lang.
func word(lang, key string) string {
	w, ok := words[key]
	if !ok {
		return key
	}
	if lang == "en" {
		return w[1]
	}
	return w[0]
}
