package report

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/clawcheck/clawcheck/internal/check"
)

// locatedFuzzReport is fuzzReport with locations, so the renderers that
// show files, lines and excerpts get the fuzzer's strings there too.
func locatedFuzzReport(id, sev, title, detail, rem, reason, diag, compat string) *Report {
	r := fuzzReport(id, sev, title, detail, rem, reason, diag, compat)
	r.StateDir, r.ConfigPath = "/home/u/"+diag, "/home/u/"+diag+"/"+title
	r.Findings[0].Location = &check.Location{File: "/home/u/" + reason, Line: len(detail)%7 + 1, Col: 2, Path: id}
	r.Findings[1].Location = &check.Location{File: detail, Line: 1}
	return r
}

func FuzzWriteSARIF(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, id, sev, title, detail, rem, reason, diag, compat string) {
		r := locatedFuzzReport(id, sev, title, detail, rem, reason, diag, compat)
		// The catalogue is the program's own, never input: real ids, one a
		// template, with the fuzzer's text in the prose.
		checks := []*check.Check{
			{ID: "gateway.bind_no_auth", Severity: check.Critical, Title: title, Doc: detail, Remediation: rem},
			{ID: "channels.<ch>.dm.open", Severity: check.Warn, Title: reason, Doc: diag, Remediation: title},
		}
		var b bytes.Buffer
		if err := WriteSARIF(&b, r, SARIFOptions{Checks: checks, Version: diag, DocsURI: reason}); err != nil {
			return // refusing a report is allowed; writing a broken one is not
		}
		if !json.Valid(b.Bytes()) {
			t.Fatalf("invalid SARIF JSON:\n%s", b.Bytes())
		}
	})
}

var htmlTag = regexp.MustCompile(`<(/?[A-Za-z][A-Za-z0-9-]*)`)

// tags lists the element names of an HTML page in order.
func tags(page string) string {
	var out []string
	for _, m := range htmlTag.FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return strings.Join(out, " ")
}

// FuzzWriteHTML checks that no string from the report can add markup: the
// page's elements are the same as when the strings hold no markup
// characters at all.
func FuzzWriteHTML(f *testing.F) {
	addFuzzSeeds(f)
	f.Add("<script>alert(1)</script>", "critical", "<img src=x onerror=alert(1)>", "</pre><b>", "]]><!--", "<!--", "<svg/onload=x>", "2026.4")
	f.Fuzz(func(t *testing.T, id, sev, title, detail, rem, reason, diag, compat string) {
		render := func(fields []string) string {
			r := locatedFuzzReport(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7])
			var b strings.Builder
			err := WriteHTML(&b, r, HTMLOptions{Excerpt: func(loc *check.Location) *Excerpt {
				return &Excerpt{File: loc.File, First: 1, Focus: loc.Line, Lines: strings.Split(fields[3]+"\n"+fields[4], "\n")}
			}})
			if err != nil {
				t.Fatal(err)
			}
			return b.String()
		}
		fields := []string{id, sev, title, detail, rem, reason, diag, compat}
		inert := make([]string, len(fields))
		for i, s := range fields {
			inert[i] = strings.Map(func(r rune) rune {
				if r == '<' || r == '>' || r == '&' || r == '"' || r == '\'' {
					return '_'
				}
				return r
			}, s)
		}
		page := render(fields)
		if got, want := tags(page), tags(render(inert)); got != want {
			t.Fatalf("the report's strings changed the page's markup:\n got %s\nwant %s", got, want)
		}
	})
}

// FuzzWriteMarkdown checks that the Markdown report is valid UTF-8 without
// control characters, and deterministic.
func FuzzWriteMarkdown(f *testing.F) {
	addFuzzSeeds(f)
	f.Fuzz(func(t *testing.T, id, sev, title, detail, rem, reason, diag, compat string) {
		r := locatedFuzzReport(id, sev, title, detail, rem, reason, diag, compat)
		var a, b strings.Builder
		if err := WriteMarkdown(&a, r); err != nil {
			t.Fatal(err)
		}
		if err := WriteMarkdown(&b, locatedFuzzReport(id, sev, title, detail, rem, reason, diag, compat)); err != nil {
			t.Fatal(err)
		}
		out := a.String()
		if out != b.String() {
			t.Fatal("two renders of the same report differ")
		}
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8: %q", out)
		}
		for _, c := range out {
			if c != '\n' && c != '\t' && unicode.IsControl(c) {
				t.Fatalf("control character %U in %q", c, out)
			}
		}
	})
}
