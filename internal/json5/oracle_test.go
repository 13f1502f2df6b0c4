package json5

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	oraclejson5 "github.com/titanous/json5"
)

// The oracle is an independent Go JSON5 decoder. It is older than the
// dialect we follow and wrong in places, so disagreements are checked
// against the list below: each is a place where the oracle departs from
// the reference (json5 2.2.3) and we follow the reference. Any other
// disagreement is a test failure.
var oracleDifferences = []struct {
	name    string
	example string
	why     string
}{
	{"space", "\u00a0\v\ufeff1\u2028", "the oracle accepts only ASCII space, tab, CR, LF (and \\f in some places); the reference accepts \\v, \\f, U+00A0, the BOM, U+2028, U+2029 and every Zs character"},
	{"comment-end", "// c\u20281", "the oracle does not end a line comment at U+2028 or U+2029"},
	{"comment-star-slash", "/* a * / b */1", "the oracle ends a block comment at the first '/' anywhere after a '*', as in /* a*b/c */"},
	{"unicode-key", "{ключ\\u0061:1}", "the oracle allows only ASCII identifier keys and no \\u escapes in them"},
	{"key-comment", "{a/**/:1}", "the oracle rejects a comment that touches the end of an unquoted key"},
	{"escape", `"\v\0\x41\q\` + "\u2028" + `"`, "the oracle rejects \\v, \\0, \\x, identity escapes and U+2028/U+2029 line continuations"},
	{"control", "\"a\tb\"", "the oracle, like JSON, rejects raw control characters in strings"},
	{"surrogate-continuation", "\"\\ud83d\\\n\\ude00\"", "a line continuation adds nothing to the string, so the reference pairs surrogates across it; the oracle does not"},
	{"number-range", "[1e400, 0x8000000000000000]", "the oracle rejects numbers beyond float64 and hex numbers from 2^63; the reference reads Infinity and rounds"},
	{"signed-nan", "-NaN", "the oracle rejects a sign before NaN"},
	{"signed-dot-zero", "[-.05, +.00]", "the oracle stops a signed number that starts with .0 after the 0"},
	{"trailing-comment", "1 /* open", "the oracle accepts an unterminated comment, or a lone '/', after the top-level value"},
	{"utf8", "\"\xff\"", "we reject invalid UTF-8 (the reference reads decoded text); the oracle replaces it"},
}

// oracle decodes src with the independent decoder, which must not crash
// our tests if it panics.
func oracle(src []byte) (v any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("oracle panicked: %v", r)
		}
	}()
	err = oraclejson5.Unmarshal(src, &v)
	return v, err
}

// explainOracle returns the oracleDifferences entry that explains a
// disagreement about src, or "" if none does. d and err are our result.
func explainOracle(src []byte, d *Document, err error) string {
	if err != nil {
		if !utf8.Valid(src) {
			return "utf8"
		}
		if hasStarSlashComment(src) {
			return "comment-star-slash"
		}
		if hasSeparatorInLineComment(src) {
			return "comment-end"
		}
		// Our error is about a comment after a complete value.
		for i, tries := 0, 0; i < len(src) && tries < 64; i++ {
			if src[i] == '/' {
				tries++
				if _, perr := Parse("", src[:i]); perr == nil && strings.Contains(err.Error(), "comment") {
					return "trailing-comment"
				}
			}
		}
		return ""
	}
	var reasons []string
	add := func(r string) { reasons = append(reasons, r) }
	src = d.Src
	d.walkTrivia(d.Root, func(s Span) {
		for _, pc := range splitTrivia(src, s) {
			text := string(src[pc.Start:pc.End])
			switch pc.kind {
			case pieceSpace:
				if strings.Trim(text, " \t\r\n") != "" {
					add("space")
				}
			case pieceLineComment:
				if pc.End < len(src) && src[pc.End] >= utf8.RuneSelf {
					add("comment-end")
				}
			case pieceBlockComment:
				body := text[2 : len(text)-2]
				if i := strings.IndexByte(body, '*'); i >= 0 && strings.IndexByte(body[i:], '/') >= 0 {
					add("comment-star-slash")
				}
			}
		}
	})
	var visit func(n *Node)
	str := func(raw string) {
		for i := 0; i < len(raw); i++ {
			c := raw[i]
			if c < 0x20 {
				add("control")
			}
			if c != '\\' {
				continue
			}
			i++
			switch raw[i] {
			case '"', '\'', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u':
			case '\n', '\r':
				if strings.Contains(raw, `\u`) {
					add("surrogate-continuation")
				}
			default:
				add("escape")
			}
		}
	}
	visit = func(n *Node) {
		raw := string(src[n.Start:n.End])
		switch n.Kind {
		case String:
			str(raw)
		case Number:
			digits := strings.TrimLeft(raw, "+-")
			switch {
			case math.IsInf(n.Number, 0) && !strings.Contains(raw, "Infinity"):
				add("number-range")
			case strings.HasPrefix(strings.ToLower(digits), "0x") && math.Abs(n.Number) >= 1<<63:
				add("number-range")
			case math.IsNaN(n.Number) && digits != raw:
				add("signed-nan")
			case digits != raw && len(digits) > 2 && digits[:2] == ".0" && isDigit(digits[2]):
				add("signed-dot-zero")
			}
		case Object:
			for _, m := range n.Members {
				key := string(src[m.KeyStart:m.KeyEnd])
				if m.KeyQuote == 0 && (strings.Contains(key, `\`) || !isASCII(key)) {
					add("unicode-key")
				}
				if m.KeyQuote == 0 && src[m.KeyEnd] == '/' {
					add("key-comment")
				}
				if m.KeyQuote != 0 {
					str(key)
				}
				visit(m.Value)
			}
		case Array:
			for _, e := range n.Elems {
				visit(e)
			}
		}
	}
	visit(d.Root)
	return strings.Join(reasons, ",")
}

// hasStarSlashComment reports whether src seems to hold a block comment
// that the oracle would end early. It looks at raw text, strings and all,
// which is good enough to excuse a rejected input.
func hasStarSlashComment(src []byte) bool {
	s := string(src)
	for {
		i := strings.Index(s, "/*")
		if i < 0 {
			return false
		}
		body := s[i+2:]
		if end := strings.Index(body, "*/"); end >= 0 {
			body = body[:end]
		}
		if j := strings.IndexByte(body, '*'); j >= 0 && strings.IndexByte(body[j:], '/') >= 0 {
			return true
		}
		s = s[i+2:]
	}
}

// hasSeparatorInLineComment reports whether src seems to hold a line
// comment that U+2028 or U+2029 ends for us but not for the oracle.
func hasSeparatorInLineComment(src []byte) bool {
	for _, line := range strings.FieldsFunc(string(src), func(r rune) bool { return r == '\n' || r == '\r' }) {
		if i := strings.Index(line, "//"); i >= 0 && strings.ContainsAny(line[i:], "\u2028\u2029") {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// compareWithOracle returns a description of an unexplained disagreement.
func compareWithOracle(src []byte) string {
	d, err := Parse("", src)
	v, oerr := oracle(src)
	if oerr != nil && strings.Contains(oerr.Error(), "oracle panicked") {
		return ""
	}
	switch {
	case err == nil && oerr != nil:
		if explainOracle(src, d, err) == "" {
			return fmt.Sprintf("we accept %q as %s, the oracle rejects it: %v", src, show(plain(d.Root)), oerr)
		}
	case err != nil && oerr == nil:
		if explainOracle(src, d, err) == "" {
			return fmt.Sprintf("we reject %q (%v), the oracle accepts it as %s", src, err, show(v))
		}
	case err == nil && !sameValue(plain(d.Root), v, false):
		if explainOracle(src, d, err) == "" {
			return fmt.Sprintf("%q: we decode %s, the oracle %s", src, show(plain(d.Root)), show(v))
		}
	}
	return ""
}

func TestOracle(t *testing.T) {
	var inputs []string
	for _, c := range validCases {
		inputs = append(inputs, c.src)
	}
	for _, c := range errorCases {
		inputs = append(inputs, c.src)
	}
	for _, f := range readCorpus(t, corpusDir(t)) {
		inputs = append(inputs, string(f.src))
	}
	for _, in := range inputs {
		if msg := compareWithOracle([]byte(in)); msg != "" {
			t.Error(msg)
		}
	}
}

// TestOracleDifferences keeps the list honest: each example must still be
// a disagreement, and be explained by its own entry.
func TestOracleDifferences(t *testing.T) {
	for _, od := range oracleDifferences {
		src := []byte(od.example)
		d, err := Parse("", src)
		v, oerr := oracle(src)
		agree := (err == nil) == (oerr == nil) && (err != nil || sameValue(plain(d.Root), v, false))
		if agree {
			t.Errorf("%s: %q no longer differs from the oracle", od.name, od.example)
			continue
		}
		if got := explainOracle(src, d, err); !strings.Contains(got, od.name) {
			t.Errorf("%s: %q is explained as %q", od.name, od.example, got)
		}
	}
}
