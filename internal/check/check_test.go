package check

import (
	"strings"
	"testing"
)

func TestMatchID(t *testing.T) {
	tests := []struct {
		tmpl, id string
		want     bool
	}{
		{"gateway.bind_no_auth", "gateway.bind_no_auth", true},
		{"gateway.bind_no_auth", "gateway.bind_no_auth2", false},
		{"channels.<ch>.dm.open", "channels.telegram.dm.open", true},
		{"channels.<ch>.dm.open", "channels.dm.open", false},
		{"channels.<ch>.dm.open", "channels.a.b.dm.open", false},
		{"channels.<ch>.warning.<n>", "channels.telegram.warning.3", true},
		{"tools.elevated.allowFrom.<provider>.wildcard", "tools.elevated.allowFrom.whatsapp.wildcard", true},
		{"channels.dm.session_collision.<keys>", "channels.dm.session_collision.a.b.1", true},
	}
	for _, tt := range tests {
		if got := MatchID(tt.tmpl, tt.id); got != tt.want {
			t.Errorf("MatchID(%q, %q) = %v", tt.tmpl, tt.id, got)
		}
	}
}

func TestValidate(t *testing.T) {
	ok := func() *Check {
		return &Check{ID: "gateway.bind_no_auth", Severity: Critical, Title: "t", Doc: "d", Collector: CollectorGateway, Run: func(*Pass) error { return nil }}
	}
	if err := ok().Validate(); err != nil {
		t.Fatal(err)
	}
	bad := map[string]func(c *Check){
		"malformed id":      func(c *Check) { c.ID = "Gateway..x" },
		"bad severity":      func(c *Check) { c.Severity = "high" },
		"no title":          func(c *Check) { c.Title = " " },
		"no doc":            func(c *Check) { c.Doc = "" },
		"unknown collector": func(c *Check) { c.Collector = "nope" },
		"no Run":            func(c *Check) { c.Run = nil },
	}
	for want, mutate := range bad {
		c := ok()
		mutate(c)
		if err := c.Validate(); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v", want, err)
		}
	}
	if err := ValidateAll([]*Check{ok(), ok()}); err == nil || !strings.Contains(err.Error(), "duplicate") {
		t.Errorf("duplicate ids: got %v", err)
	}
}

func TestParseSeverity(t *testing.T) {
	for _, s := range []string{"critical", " WARN ", "Info"} {
		if _, err := ParseSeverity(s); err != nil {
			t.Error(err)
		}
	}
	if _, err := ParseSeverity("high"); err == nil {
		t.Error("high accepted")
	}
}
