package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/clawcheck/clawcheck/internal/check"
)

// The JSON output must be byte-identical to what the reference prints with
// JSON.stringify(value, undefined, 2). encoding/json cannot produce that on
// its own: it orders keys by struct field (fine) but escapes U+2028 and
// U+2029, which JavaScript writes literally. So documents are written
// compactly by hand, with explicit key order and JavaScript's string
// escaping, and then laid out by IndentJSON.

// WriteJSON writes the plain --json document in one Write.
//
// The summary is recomputed from r.Findings, so it can never disagree with
// the findings it describes. Finding.Location and Finding.Group are not part
// of the reference's shape and are not written.
func WriteJSON(w io.Writer, r *Report) error {
	b, err := MarshalJSON(r)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("report: write json: %w", err)
	}
	return nil
}

// MarshalJSON returns the document WriteJSON writes, final newline included.
func MarshalJSON(r *Report) ([]byte, error) {
	b := append(make([]byte, 0, 512), '{')
	b = appendReportFields(b, r)
	b = append(b, `,"secretDiagnostics":`...)
	b = AppendJSONStrings(b, r.SecretDiagnostics)
	// compat is ours; it goes last so that the reference's keys keep their
	// positions for anyone comparing documents line by line.
	b = append(b, `,"compat":`...)
	b = AppendJSONString(b, string(r.Compat))
	b = append(b, '}')
	return IndentJSON(b)
}

// AppendReportObject appends the compact report object without
// secretDiagnostics and compat:
//
//	{"ts":…,"summary":{…},"findings":[…],"suppressedFindings":[…],"deep":{…}}
//
// with suppressedFindings only when non-empty and deep only with --deep. This is the "report" member
// of the --fix --json envelope, where secretDiagnostics sits at the top
// level. Compose the envelope compactly and pass it to IndentJSON.
func AppendReportObject(dst []byte, r *Report) []byte {
	dst = append(dst, '{')
	dst = appendReportFields(dst, r)
	return append(dst, '}')
}

func appendReportFields(dst []byte, r *Report) []byte {
	s := summaryOf(r)
	dst = append(dst, `"ts":`...)
	dst = strconv.AppendInt(dst, r.TS, 10)
	dst = append(dst, `,"summary":{"critical":`...)
	dst = strconv.AppendInt(dst, int64(s.Critical), 10)
	dst = append(dst, `,"warn":`...)
	dst = strconv.AppendInt(dst, int64(s.Warn), 10)
	dst = append(dst, `,"info":`...)
	dst = strconv.AppendInt(dst, int64(s.Info), 10)
	dst = append(dst, `},"findings":[`...)
	for i := range r.Findings {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '{')
		dst = appendFindingFields(dst, &r.Findings[i])
		dst = append(dst, '}')
	}
	dst = append(dst, ']')
	if len(r.Suppressed) > 0 {
		dst = append(dst, `,"suppressedFindings":[`...)
		for i := range r.Suppressed {
			sup := &r.Suppressed[i]
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, '{')
			dst = appendFindingFields(dst, &sup.Finding)
			dst = append(dst, `,"suppression":{`...)
			if sup.Reason != "" {
				dst = append(dst, `"reason":`...)
				dst = AppendJSONString(dst, sup.Reason)
			}
			dst = append(dst, "}}"...)
		}
		dst = append(dst, ']')
	}
	if r.Deep != nil {
		dst = append(dst, `,"deep":`...)
		dst = appendDeep(dst, r.Deep)
	}
	return dst
}

func appendFindingFields(dst []byte, f *check.Finding) []byte {
	dst = append(dst, `"checkId":`...)
	dst = AppendJSONString(dst, f.CheckID)
	dst = append(dst, `,"severity":`...)
	dst = AppendJSONString(dst, string(f.Severity))
	dst = append(dst, `,"title":`...)
	dst = AppendJSONString(dst, f.Title)
	dst = append(dst, `,"detail":`...)
	dst = AppendJSONString(dst, f.Detail)
	// The reference leaves the key out when a check has no remediation;
	// scripts test for its presence, so an empty string would mislead them.
	if f.Remediation != "" {
		dst = append(dst, `,"remediation":`...)
		dst = AppendJSONString(dst, f.Remediation)
	}
	return dst
}

// summaryOf counts r's findings without touching r: renderers only read.
func summaryOf(r *Report) Summary {
	c := Report{Findings: r.Findings}
	c.Count()
	return c.Summary
}

// AppendJSONStrings appends a compact JSON array of strings; nil is [].
func AppendJSONStrings(dst []byte, ss []string) []byte {
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = AppendJSONString(dst, s)
	}
	return append(dst, ']')
}

// AppendJSONString appends s as a JSON string literal escaped the way
// JavaScript's JSON.stringify escapes it: the quote, the backslash and the
// C0 controls only, with the short forms \b \t \n \f \r and lower-case
// \u00xx for the rest. Everything else, U+2028, U+2029, <, > and & included,
// is written literally. Bytes that are not UTF-8 become U+FFFD, one per
// byte, as a JavaScript string cannot hold them.
func AppendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0 // s[start:i] is pending, to be copied unchanged
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, s[start:i]...)
				dst = append(dst, "\uFFFD"...)
				i++
				start = i
				continue
			}
			i += size
			continue
		}
		if c >= 0x20 && c != '"' && c != '\\' {
			i++
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\f':
			dst = append(dst, '\\', 'f')
		case '\r':
			dst = append(dst, '\\', 'r')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		i++
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// IndentJSON lays out a compact JSON document as JSON.stringify(v,
// undefined, 2) does, plus the final newline the reference prints: two-space
// indent, ": " after keys, and [] and {} for empty containers.
// json.Indent does exactly that and copies string contents byte for byte,
// so the JavaScript escaping chosen by AppendJSONString survives.
func IndentJSON(compact []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(compact) * 2)
	if err := json.Indent(&buf, compact, "", "  "); err != nil {
		return nil, fmt.Errorf("report: indent json: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
