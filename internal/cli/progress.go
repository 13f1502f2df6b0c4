package cli

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/clawcheck/clawcheck/internal/report"
)

// progress shows, on a terminal's stderr only, which check an audit that
// takes a while is running (the leaked-secrets scan of a large state dir,
// say). Nothing is shown for the first progressDelay, nothing reaches a pipe
// or a file, and the line is erased before the report is printed.
type progress struct {
	w     io.Writer
	start time.Time
	now   func() time.Time

	mu    sync.Mutex
	last  time.Time
	shown bool
}

const (
	progressDelay = 500 * time.Millisecond
	progressEvery = 100 * time.Millisecond
)

// newProgress returns nil (no progress) unless stderr is a terminal and
// CLAWCHECK_NO_PROGRESS is unset.
func newProgress(inv *Invocation) *progress {
	if inv.Env.Get("CLAWCHECK_NO_PROGRESS") != "" {
		return nil
	}
	f, ok := inv.Stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return &progress{w: inv.Stderr, start: time.Now(), now: time.Now}
}

// update is the engine's progress callback.
func (p *progress) update(done, total int, checkID string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	t := p.now()
	if t.Sub(p.start) < progressDelay || t.Sub(p.last) < progressEvery {
		return
	}
	p.last, p.shown = t, true
	fmt.Fprintf(p.w, "\r\x1b[Kclawcheck: auditing… %d/%d %s", done, total, report.SafeText(checkID))
}

// clear erases the progress line, if one was shown.
func (p *progress) clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// callback returns the engine callback, or nil when there is no progress.
func (p *progress) callback() func(done, total int, checkID string) {
	if p == nil {
		return nil
	}
	return p.update
}
