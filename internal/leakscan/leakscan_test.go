package leakscan

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"net/url"
	"strings"
	"testing"
	"time"
)

func scanString(s *Scanner, text string, knownOnly bool) FileResult {
	buf := make([]byte, s.chunk+overlap)
	return s.scanReader(strings.NewReader(text), -1, knownOnly, Options{}, buf)
}

func ruleIDs(res FileResult) []string {
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.Rule)
	}
	return ids
}

// TestRuleExamples runs each rule alone over its own examples.
func TestRuleExamples(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules {
		if seen[r.ID] {
			t.Errorf("duplicate rule id %s", r.ID)
		}
		seen[r.ID] = true
		if len(r.Match) == 0 || len(r.NoMatch) == 0 {
			t.Errorf("%s: every rule needs examples that match and that do not", r.ID)
		}
		if r.Pattern.NumSubexp() < 1 {
			t.Errorf("%s: the pattern needs a group for the credential", r.ID)
		}
		s := New(nil, []*Rule{r})
		for _, ex := range r.Match {
			if res := scanString(s, ex, false); len(res.Hits) != 1 || res.Hits[0].Rule != r.ID {
				t.Errorf("%s: must match %q, got %v", r.ID, ex, ruleIDs(res))
			}
		}
		for _, ex := range r.NoMatch {
			if res := scanString(s, ex, false); len(res.Hits) != 0 {
				t.Errorf("%s: must not match %q, got %v", r.ID, ex, ruleIDs(res))
			}
		}
	}
}

// TestRulesTogether runs every rule over every example: an example of one
// rule matches no other rule.
func TestRulesTogether(t *testing.T) {
	s := New(nil, Rules)
	for _, r := range Rules {
		for _, ex := range r.Match {
			res := scanString(s, ex, false)
			if len(res.Hits) != 1 || res.Hits[0].Rule != r.ID {
				t.Errorf("%s: %q gave %v", r.ID, ex, ruleIDs(res))
			}
		}
	}
}

func TestEncodingsFoundInContext(t *testing.T) {
	secret := "tok_9fK2mQ7xL4vR8wZ1pN6sT3yB"
	s := New([]Secret{{Name: "gateway.auth.token", Value: secret}}, nil)
	for _, prefix := range []string{"", "a", "ab", "abc"} {
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding} {
			text := "Authorization: Basic " + enc.EncodeToString([]byte(prefix+secret+"!tail")) + "\n"
			res := scanString(s, text, true)
			if len(res.Hits) != 1 || res.Hits[0].Form != Base64 {
				t.Errorf("base64 with prefix %q: %+v", prefix, res.Hits)
			}
		}
	}
	special := "p@ss/w0rd+with space&more"
	s = New([]Secret{{Name: "gateway.auth.password", Value: special}}, nil)
	for _, text := range []string{
		"GET /x?password=" + url.QueryEscape(special) + "&a=b",
		"url https://u:" + url.PathEscape(special) + "@host/",
	} {
		res := scanString(s, text, true)
		if len(res.Hits) != 1 || res.Hits[0].Form != URLEncoded {
			t.Errorf("%q: %+v", text, res.Hits)
		}
	}
}

func TestShortSecretsSkipped(t *testing.T) {
	s := New([]Secret{{Name: "x", Value: "hunter2"}}, nil)
	if res := scanString(s, "my password is hunter2", true); len(res.Hits) != 0 {
		t.Errorf("a %d-byte secret was searched for: %+v", len("hunter2"), res.Hits)
	}
}

func TestPreviewNeverHoldsTheSecret(t *testing.T) {
	for _, v := range []string{"sk-ant-api03-abcdefghijklmnop", "short-secret", "ünïcödé-secret-value-long"} {
		p := Preview(v)
		if strings.Contains(p, v) || (len(v) >= 16 && strings.Contains(p, v[:8])) {
			t.Errorf("Preview(%q) = %q", v, p)
		}
	}
	if got := Preview("sk-ant-api03-abcdefghijklmnop"); got != "sk-a… (29 chars)" {
		t.Errorf("Preview = %q", got)
	}
	if got := Preview("0123456789"); got != "(10 chars)" {
		t.Errorf("Preview = %q", got)
	}
}

// TestChunkBoundaries plants secrets at every offset around a chunk
// boundary: each is found exactly once, with the right line.
func TestChunkBoundaries(t *testing.T) {
	secret := "Zq8LmN3vXc7BtR1yWp5KdF9hJs2Ga6Ue"
	telegram := "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1"
	for _, plant := range []string{secret, telegram} {
		for shift := -80; shift <= 80; shift++ {
			s := New([]Secret{{Name: "t", Value: secret}}, Rules)
			s.chunk = 4096
			// The first step reports up to chunk, the second up to
			// 2*chunk-context.
			pos := s.chunk + shift
			if shift%2 != 0 {
				pos = 2*s.chunk - context + shift
			}
			var b strings.Builder
			line := 1
			for b.Len() < pos {
				b.WriteString("filler text, nothing here\n")
				line++
			}
			text := b.String()[:pos]
			line = strings.Count(text, "\n") + 1
			text += " " + plant + " \n" + strings.Repeat("tail line\n", 2000)
			res := scanString(s, text, false)
			if len(res.Hits) != 1 {
				t.Fatalf("shift %d, %s: %d hits %+v", shift, plant[:6], len(res.Hits), res.Hits)
			}
			h := res.Hits[0]
			if h.Line != line || h.Offset != int64(pos+1) {
				t.Fatalf("shift %d: line %d offset %d, want %d %d", shift, h.Line, h.Offset, line, pos+1)
			}
		}
	}
}

func TestBudgetAndDeadline(t *testing.T) {
	secret := "Zq8LmN3vXc7BtR1yWp5KdF9hJs2Ga6Ue"
	s := New([]Secret{{Name: "t", Value: secret}}, nil)
	s.chunk = 1024
	body := strings.Repeat("x", 5000) + secret + "\n"
	open := func() (io.ReadCloser, int64, error) {
		return io.NopCloser(strings.NewReader(body)), int64(len(body)), nil
	}
	targets := []Target{{Open: open, Size: int64(len(body))}, {Open: open, Size: int64(len(body))}}
	res := s.Scan(targets, Options{MaxBytes: int64(len(body)) + 100})
	if len(res[0].Hits) != 1 || res[0].Cut != CutNone {
		t.Errorf("first file: %+v", res[0])
	}
	if len(res[1].Hits) != 0 || res[1].Cut != CutBudget || res[1].Scanned != 100 {
		t.Errorf("second file: hits %d cut %q scanned %d", len(res[1].Hits), res[1].Cut, res[1].Scanned)
	}
	res = s.Scan(targets, Options{Deadline: time.Now().Add(-time.Second)})
	if res[0].Cut != CutDeadline {
		t.Errorf("deadline: %+v", res[0])
	}
	fail := Target{Open: func() (io.ReadCloser, int64, error) { return nil, 0, fmt.Errorf("boom") }}
	if res := s.Scan([]Target{fail}, Options{}); res[0].Err == nil {
		t.Errorf("open error lost")
	}
}

func TestMaxHits(t *testing.T) {
	secret := "Zq8LmN3vXc7BtR1yWp5KdF9hJs2Ga6Ue"
	s := New([]Secret{{Name: "t", Value: secret}}, nil)
	text := strings.Repeat(secret+"\n", 250)
	buf := make([]byte, s.chunk+overlap)
	res := s.scanReader(strings.NewReader(text), -1, true, Options{MaxHits: 10}, buf)
	if len(res.Hits) != 10 || res.More != 240 || res.Hits[9].Line != 10 {
		t.Errorf("hits %d more %d", len(res.Hits), res.More)
	}
}

// TestHostileInput: binary noise and keyword floods neither panic nor
// report garbage.
func TestHostileInput(t *testing.T) {
	s := New([]Secret{{Name: "t", Value: "Zq8LmN3vXc7BtR1yWp5KdF9hJs2Ga6Ue"}}, Rules)
	var b bytes.Buffer
	for i := 0; i < 200000; i++ {
		b.WriteByte(byte(i * 7919 >> 3))
	}
	b.WriteString(strings.Repeat("AKIA:AAsk-ant-PRIVATE KEY-----", 5000))
	if res := scanString(s, b.String(), false); len(res.Hits) != 0 {
		t.Errorf("hits in noise: %+v", res.Hits[0])
	}
}
