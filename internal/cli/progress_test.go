package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/config"
)

// A pipe or a buffer never gets progress.
func TestProgressOnlyOnATerminal(t *testing.T) {
	var b bytes.Buffer
	if p := newProgress(&Invocation{Env: config.Env{}, Stderr: &b}); p != nil {
		t.Fatal("progress on a non-terminal")
	}
	var nilp *progress
	nilp.update(1, 2, "x") // a nil progress is a no-op
	nilp.clear()
	if nilp.callback() != nil {
		t.Fatal("nil progress has a callback")
	}
}

// Progress waits before showing, throttles, escapes the id and erases its line.
func TestProgressLine(t *testing.T) {
	var b bytes.Buffer
	now := time.Unix(100, 0)
	p := &progress{w: &b, start: now, now: func() time.Time { return now }}
	p.update(1, 10, "early.check")
	if b.Len() != 0 {
		t.Fatalf("shown before the delay: %q", b.String())
	}
	now = now.Add(time.Second)
	p.update(2, 10, "secrets.transcript_leak\x1b[31m")
	now = now.Add(10 * time.Millisecond)
	p.update(3, 10, "throttled.check")
	out := b.String()
	if !strings.Contains(out, "2/10 secrets.transcript_leak\\x1b[31m") || strings.Contains(out, "throttled") || strings.Contains(out, "\x1b[31m") {
		t.Fatalf("progress line = %q", out)
	}
	p.clear()
	if !strings.HasSuffix(b.String(), "\r\x1b[K") {
		t.Fatalf("line not erased: %q", b.String())
	}
}
