package report

import (
	"strings"
	"testing"
)

func TestFixBlockLines(t *testing.T) {
	in := []string{"", "FIX", "  chmod 700 ~/.openclaw", "  error: \x1b[2Jboom"}
	plain := FixBlockLines(in, TextOptions{})
	if got := strings.Join(plain, "\n"); got != "\nFIX\n  chmod 700 ~/.openclaw\n  error: \\x1b[2Jboom" {
		t.Errorf("plain: %q", got)
	}
	colored := FixBlockLines(in, TextOptions{Color: true})
	if colored[0] != "" || !strings.Contains(colored[1], "\x1b[") || !strings.Contains(colored[2], "\x1b[") {
		t.Errorf("colour: %q", colored)
	}
	if strings.Contains(colored[3], "\x1b[2J") {
		t.Errorf("control sequence from the input survived: %q", colored[3])
	}
}
