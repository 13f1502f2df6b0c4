package cli

import (
	"bytes"
	"testing"

	"github.com/clawcheck/clawcheck/internal/config"
)

func TestColorFor(t *testing.T) {
	tests := []struct {
		name      string
		env       config.Env
		noColor   bool
		color, tc bool
	}{
		{"pipe", config.Env{}, false, false, false},
		{"force", config.Env{"FORCE_COLOR": "1"}, false, true, false},
		{"force truecolor", config.Env{"FORCE_COLOR": "3", "COLORTERM": "truecolor"}, false, true, true},
		{"force zero", config.Env{"FORCE_COLOR": "0"}, false, false, false},
		{"force beats NO_COLOR", config.Env{"FORCE_COLOR": "1", "NO_COLOR": "1"}, false, true, false},
		{"NO_COLOR", config.Env{"NO_COLOR": ""}, false, false, false},
		{"flag beats force", config.Env{"FORCE_COLOR": "1"}, true, false, false},
	}
	for _, tt := range tests {
		inv := &Invocation{Env: tt.env, Stdout: &bytes.Buffer{}}
		c, tc := colorFor(inv, &rootOptions{noColor: tt.noColor})
		if c != tt.color || tc != tt.tc {
			t.Errorf("%s: color=%v truecolor=%v", tt.name, c, tc)
		}
	}
}
