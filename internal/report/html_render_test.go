package report

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// chromium returns the headless browser to render with: CLAWCHECK_CHROMIUM
// (set by `make test` through scripts/chromium.sh, which installs it), else
// Debian's /usr/bin/chromium when present. Without either the render test is
// skipped, so plain `go test ./...` needs no browser.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CLAWCHECK_CHROMIUM"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	t.Skip("no Chromium: set CLAWCHECK_CHROMIUM or run make test, which installs it")
	return ""
}

// TestHTMLRendersInChromium opens the HTML report of the full golden report
// in headless Chromium, takes a screenshot and checks that the page really
// rendered: the screenshot has the window's size, is not blank, and shows the
// critical colour of the summary card and the findings.
func TestHTMLRendersInChromium(t *testing.T) {
	browser := chromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	var b bytes.Buffer
	if err := WriteHTML(&b, fullReport(), HTMLOptions{Excerpt: goldenExcerpt}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "shot.png")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--hide-scrollbars",
		"--window-size=1000,1400", "--screenshot="+shot, "file://"+page)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v\n%s", err, out)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got != (image.Point{1000, 1400}) {
		t.Errorf("screenshot is %v, want 1000x1400", got)
	}
	var critical, nonBackground int
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 2 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			r8, g8, b8 := r>>8, g>>8, bl>>8
			if near(r8, 0xc6) && near(g8, 0x28) && near(b8, 0x28) {
				critical++
			}
			if !(near(r8, 0xf6) && near(g8, 0xf7) && near(b8, 0xf9)) {
				nonBackground++
			}
		}
	}
	if critical < 50 {
		t.Errorf("only %d pixels of the critical colour: the page did not render its findings", critical)
	}
	if nonBackground < 5000 {
		t.Errorf("only %d pixels differ from the background: the page looks blank", nonBackground)
	}
}

func near(a, b uint32) bool { return a+6 >= b && b+6 >= a }
