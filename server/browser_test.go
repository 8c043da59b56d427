package server

import (
	"archive/zip"
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/ocs-project/ocs/internal/testtool"
)

// browserCtx starts Debian's chromium headless, against a test server,
// with downloads going to a fresh folder.
func browserCtx(t *testing.T) (ctx context.Context, base, downloads string) {
	t.Helper()
	exe := testtool.Path(t, "chromium", "chromium")
	srv := newTestServer(t, Config{})
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1000),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancel3)
	downloads = t.TempDir()
	yes := true
	if _, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads, EventsEnabled: &yes}); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx, ts.URL, downloads
}

// shot saves a screenshot of the page as it is now into $OCS_SCREENSHOTS,
// when it is set.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("OCS_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 gives a PNG
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitDownload waits for a finished file with extension ext in dir.
func waitDownload(t *testing.T, dir, ext string) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		m, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
		if len(m) == 1 {
			return m[0]
		}
		time.Sleep(100 * time.Millisecond)
	}
	all, _ := filepath.Glob(filepath.Join(dir, "*"))
	t.Fatalf("no %s downloaded in 30 s (folder holds %v)", ext, all)
	return ""
}

func TestBrowserPosting(t *testing.T) {
	ctx, base, dl := browserCtx(t)
	pdftotext := testtool.Path(t, "pdftotext", "poppler-utils")
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/posting/THM2431-001v1?lang=en"),
		chromedp.SendKeys(chromedp.CSS(`#f-company`), "山嵐度假飯店"),
		chromedp.SendKeys(chromedp.CSS(`#f-contact\.email`), "hr@@example"),
		chromedp.Click(chromedp.CSS(`button[value=check]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-field="contact.email"] .error`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	shot(t, ctx, "flow-posting-bad-email")
	msg, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`[data-field="contact.email"] .error`)))
	if err != nil {
		t.Fatal(err)
	}
	// The message of rule J12, as the command line prints it.
	if !strings.Contains(msg, "J12") || !strings.Contains(msg, `"hr@@example" is not an e-mail address`) {
		t.Errorf("e-mail field says %q, want the J12 message", msg)
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`#f-contact\.email`), "hr@example.com"),
		chromedp.SetValue(chromedp.CSS(`#f-salary\.min`), "36000"),
		chromedp.SetValue(chromedp.CSS(`#f-salary\.max`), "45000"),
		chromedp.Click(chromedp.CSS(`#preview-button`)),
	)
	if err != nil {
		t.Fatalf("preview: %v", err)
	}
	preview, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const d = document.getElementById("preview").contentDocument; return d && d.body && d.body.innerText.includes("hr@example.com") ? d.body.innerText : false; })()`, chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		t.Fatalf("preview: %v", err)
	}
	shot(t, ctx, "flow-posting-preview")
	if !strings.Contains(preview, "hr@example.com") {
		t.Errorf("preview lacks the contact e-mail:\n%s", preview)
	}
	err = chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`#format`), "pdf"),
		chromedp.Click(chromedp.CSS(`#download`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	pdf := waitDownload(t, dl, ".pdf")
	if filepath.Base(pdf) != "THM2431-001v1-jobdesc.pdf" {
		t.Errorf("downloaded %s, want THM2431-001v1-jobdesc.pdf", filepath.Base(pdf))
	}
	out, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	for _, want := range []string{"山嵐度假飯店", "hr@example.com", "行銷業務專員"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
}

func TestBrowserRoster(t *testing.T) {
	ctx, base, dl := browserCtx(t)
	roster := filepath.Join(t.TempDir(), "cohort.csv")
	if err := os.WriteFile(roster, []byte("姓名,編號\n王小明,A001\n李美華,A002\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/assessment/THM2431-001v1"),
		chromedp.SetUploadFiles(chromedp.CSS(`input[name=roster]`), []string{roster}),
		chromedp.SetValue(chromedp.CSS(`#format`), "txt"),
		chromedp.Click(chromedp.CSS(`#make`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.OpenReader(waitDownload(t, dl, ".zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if got, want := strings.Join(names, " "), "A001_王小明.txt A002_李美華.txt"; got != want {
		t.Errorf("ZIP holds %q, want %q", got, want)
	}
}

func TestBrowserCheck(t *testing.T) {
	ctx, base, _ := browserCtx(t)
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/check?lang=en"),
		chromedp.SetValue(chromedp.CSS(`#standard`), "code = \"X\"\nname = [\n"),
		chromedp.Click(chromedp.CSS(`#check-button`)),
		chromedp.WaitVisible(chromedp.CSS(`ul.problems`)),
		chromedp.Click(chromedp.CSS(`ul.problems a[href="#L2"]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	shot(t, ctx, "flow-check")
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`ul.problems`)))
	if err != nil {
		t.Fatal(err)
	}
	attr, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`#L2`), "class"))
	if err != nil {
		t.Fatal(err)
	}
	class := attr.Value
	if !strings.Contains(text, "line 2") || !strings.Contains(text, "TOML syntax") {
		t.Errorf("problems say %q, want a TOML syntax error on line 2", text)
	}
	if class != "bad" {
		t.Errorf("source line 2 has class %q, want it marked bad", class)
	}
}

// TestBrowserScreenshots saves every page at phone and desktop widths
// into $OCS_SCREENSHOTS, for people to look at; it is skipped without it.
func TestBrowserScreenshots(t *testing.T) {
	dir := os.Getenv("OCS_SCREENSHOTS")
	if dir == "" {
		t.Skip("set OCS_SCREENSHOTS to a folder to save screenshots")
	}
	ctx, base, _ := browserCtx(t)
	pages := map[string]string{
		"library": "/", "standard": "/standards/THM2431-001v1", "posting": "/posting/THM2431-001v1",
		"assessment": "/assessment/THM2431-001v1", "check": "/check", "notfound": "/nope",
	}
	for name, path := range pages {
		for _, w := range []int64{390, 1280} {
			for _, lang := range []string{"zh-TW", "en"} {
				err := chromedp.Do(ctx,
					chromedp.EmulateViewport(w, 900),
					chromedp.Navigate(base+path+"?lang="+lang),
					chromedp.Sleep(1500*time.Millisecond),
				)
				if err != nil {
					t.Fatal(err)
				}
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 gives a PNG
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, name+"-"+lang+"-"+strconv.FormatInt(w, 10)+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// TestBrowserPhoneFits checks that no page is wider than a phone's
// screen (390 px): nothing makes the reader scroll sideways.
func TestBrowserPhoneFits(t *testing.T) {
	ctx, base, _ := browserCtx(t)
	for _, path := range []string{"/", "/standards/THM2431-001v1", "/posting/THM2431-001v1", "/assessment/THM2431-001v1", "/check", "/nope"} {
		for _, lang := range []string{"zh-TW", "en"} {
			err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 800), chromedp.Navigate(base+path+"?lang="+lang))
			if err != nil {
				t.Fatal(err)
			}
			w, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if w > 390 {
				wide, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll("body *")).filter(e => e.getBoundingClientRect().right > 391).slice(-3).map(e => e.tagName + "." + e.className + "#" + e.id).join(" ")`))
				t.Errorf("%s?lang=%s is %d px wide on a 390 px phone (widest: %s)", path, lang, w, wide)
			}
		}
	}
}

// TestBrowserCheckTable pastes a good standard and sees its table.
func TestBrowserCheckTable(t *testing.T) {
	ctx, base, _ := browserCtx(t)
	std, err := os.ReadFile("../standards/BAS1219-002v4.toml")
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/check?lang=zh-TW"), // chromium asks for English; the page keeps zh-TW
		chromedp.SetValue(chromedp.CSS(`#standard`), string(std)),
		chromedp.Click(chromedp.CSS(`#check-button`)),
		chromedp.WaitVisible(chromedp.CSS(`iframe[name=table]`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	table, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const d = document.querySelector("iframe[name=table]").contentDocument; return d && d.body && d.body.innerText.includes("BAS1219-002v4") ? d.body.innerText : false; })()`, chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		t.Fatalf("the table does not show: %v", err)
	}
	shot(t, ctx, "flow-check-table")
	if !strings.Contains(table, "職能基準代碼") {
		t.Errorf("the table lacks its header:\n%.500s", table)
	}
}

func TestBrowserImport(t *testing.T) {
	ctx, base, dl := browserCtx(t)
	seed, err := filepath.Abs(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	err = chromedp.Do(ctx,
		chromedp.Navigate(base+"/import?lang=en"),
		chromedp.SetUploadFiles(chromedp.CSS(`#file`), []string{seed}),
		chromedp.Click(chromedp.CSS(`#import-button`)),
		chromedp.WaitVisible(chromedp.CSS(`#report`)),
		chromedp.Click(chromedp.CSS(`#download-toml`)),
	)
	if err != nil {
		t.Fatal(err)
	}
	shot(t, ctx, "flow-import")
	data, err := os.ReadFile(waitDownload(t, dl, ".toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "和顧客有效溝通") {
		t.Errorf("the downloaded TOML lacks T1.1:\n%s", data)
	}
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#to-check`)),
		chromedp.WaitVisible(chromedp.CSS(`#check-button`)),
		chromedp.WaitVisible(chromedp.CSS(`ol.source`)),
	)
	if err != nil {
		t.Fatalf("go on to the check page: %v", err)
	}
}
