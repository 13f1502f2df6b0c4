package audit

import (
	"bytes"
	"path/filepath"
	"sort"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/json5"
	"github.com/clawcheck/clawcheck/internal/report"
)

// excerptMask replaces the string value of a credential-named key in an
// excerpt, whatever its length.
const excerptMask = `"[redacted]"`

// Excerpt returns up to context lines either side of a finding's location in
// the config file (or include) that holds it, for renderers that show
// config text. String values of credential-named keys are masked, and every
// line also goes through redact, so an excerpt never shows a secret.
func (r *Result) Excerpt(loc *check.Location, context int, redact func(string) string) *report.Excerpt {
	if r == nil || r.Config == nil || loc == nil || loc.File == "" || loc.Line < 1 {
		return nil
	}
	var doc *json5.Document
	for _, f := range r.Config.Files {
		if f.Doc != nil && (f.Path == loc.File || f.RealPath == loc.File) {
			doc = f.Doc
			break
		}
	}
	if doc == nil {
		return nil
	}
	src := maskSecrets(doc)
	lines := bytes.Split(src, []byte("\n"))
	if loc.Line > len(lines) {
		return nil
	}
	first := max(1, loc.Line-context)
	last := min(len(lines), loc.Line+context)
	ex := &report.Excerpt{File: filepath.Clean(loc.File), First: first, Focus: loc.Line}
	for n := first; n <= last; n++ {
		line := string(bytes.TrimRight(lines[n-1], "\r"))
		if redact != nil {
			line = redact(line)
		}
		ex.Lines = append(ex.Lines, line)
	}
	return ex
}

// maskSecrets returns the document's text with the string values of
// credential-named members replaced by excerptMask.
func maskSecrets(doc *json5.Document) []byte {
	type span struct{ start, end int }
	var spans []span
	var walk func(n *json5.Node, depth int)
	walk = func(n *json5.Node, depth int) {
		if n == nil || depth > 512 {
			return
		}
		for _, m := range n.Members {
			if m.Value != nil && m.Value.Kind == json5.String && config.IsSecretKey(m.Key) {
				spans = append(spans, span{m.Value.Start, m.Value.End})
				continue
			}
			walk(m.Value, depth+1)
		}
		for _, e := range n.Elems {
			walk(e, depth+1)
		}
	}
	walk(doc.Root, 0)
	if len(spans) == 0 {
		return doc.Src
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var b bytes.Buffer
	at := 0
	for _, s := range spans {
		if s.start < at || s.end > len(doc.Src) {
			continue
		}
		b.Write(doc.Src[at:s.start])
		// Keep the value's line breaks (a string with line continuations) so
		// line numbers after it stay right.
		b.WriteString(excerptMask)
		b.Write(bytes.Repeat([]byte("\n"), bytes.Count(doc.Src[s.start:s.end], []byte("\n"))))
		at = s.end
	}
	b.Write(doc.Src[at:])
	return b.Bytes()
}
