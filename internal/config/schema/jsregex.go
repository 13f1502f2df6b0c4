package schema

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// pattern is a JSON Schema "pattern". Schema patterns are ECMAScript
// regular expressions; most translate to RE2 directly. RE2 has no lookaround,
// but every lookahead in the reference schemas sits at one top-level position
// of an anchored pattern, ^P(?=…)(?!…)R, which can be decided exactly without
// backtracking: the string matches when, for some split s = s[:i] + s[i:],
// P matches all of s[:i] and, at s[i:], every lookahead holds and R matches
// from the start. P must have a bounded width, so there are few splits.
//
// The translation is checked when the schema is compiled, but the regular
// expressions themselves are built on first use: a config exercises a
// handful of the schema's patterns, and building all of them up front would
// be most of the cost of compiling a schema.
type pattern struct {
	source  string
	matcher func() *matcher
}

type matcher struct {
	re *regexp.Regexp // plain patterns: the whole translation

	// Lookahead form.
	prefix    *regexp.Regexp // ^(?:P)$, nil when P is empty
	prefixMax int            // most runes P can match
	looks     []lookahead
	rest      *regexp.Regexp // ^(?:R)
}

type lookahead struct {
	re     *regexp.Regexp // ^(?:X)
	negate bool
}

// plan is a checked translation, ready to build a matcher from.
type plan struct {
	whole     string // plain patterns
	prefix    string // lookahead form; "" when P is empty
	prefixMax int
	looks     []segment
	rest      string
}

func (p *pattern) match(s string) bool {
	m := p.matcher()
	if m.re != nil {
		return m.re.MatchString(s)
	}
	if m.prefix == nil {
		return m.matchAt(s, 0)
	}
	i := 0
	for n := 0; n <= m.prefixMax; n++ {
		if m.prefix.MatchString(s[:i]) && m.matchAt(s, i) {
			return true
		}
		if i >= len(s) {
			break
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return false
}

func (m *matcher) matchAt(s string, i int) bool {
	tail := s[i:]
	for _, l := range m.looks {
		if l.re.MatchString(tail) == l.negate {
			return false
		}
	}
	return m.rest.MatchString(tail)
}

// compilePattern translates an ECMAScript pattern (as the reference evaluates
// it, with Unicode semantics) to RE2. It fails for constructs RE2 cannot
// express: backreferences, lookbehind, and lookaheads other than the
// top-level form described on pattern.
func compilePattern(src string) (*pattern, error) {
	pl, err := planPattern(src)
	if err != nil {
		return nil, err
	}
	return &pattern{source: src, matcher: sync.OnceValue(pl.build)}, nil
}

// build compiles a plan. Every expression in a plan has already been parsed
// with the flags regexp.Compile uses, and compiling a parsed expression
// cannot fail.
func (pl *plan) build() *matcher {
	m := &matcher{prefixMax: pl.prefixMax}
	if pl.looks == nil {
		m.re = regexp.MustCompile(pl.whole)
		return m
	}
	if pl.prefix != "" {
		m.prefix = regexp.MustCompile("^(?:" + pl.prefix + ")$")
	}
	for _, l := range pl.looks {
		m.looks = append(m.looks, lookahead{re: regexp.MustCompile("^(?:" + l.text + ")"), negate: l.negate})
	}
	m.rest = regexp.MustCompile("^(?:" + pl.rest + ")")
	return m
}

func planPattern(src string) (*plan, error) {
	segs, err := translateJS(src, true)
	if err != nil {
		return nil, err
	}
	// A trailing negative lookahead for "any character" is ECMAScript's way
	// of saying end of input, which is what RE2's $ means without the m flag.
	if n := len(segs); n > 0 && segs[n-1].look && segs[n-1].negate && isAnyChar(segs[n-1].jsBody) {
		segs[n-1] = segment{text: "$"}
	}
	var looks []segment
	var before, after strings.Builder
	for _, s := range segs {
		switch {
		case !s.look && len(looks) == 0:
			before.WriteString(s.text)
		case !s.look:
			after.WriteString(s.text)
		case after.Len() > 0:
			return nil, fmt.Errorf("lookaheads at more than one position")
		default:
			looks = append(looks, s)
		}
	}
	if len(looks) == 0 {
		if _, err := syntax.Parse(before.String(), syntax.Perl); err != nil {
			return nil, err
		}
		return &plan{whole: before.String()}, nil
	}
	head, rest := before.String(), after.String()
	if !strings.HasPrefix(head, "^") {
		return nil, fmt.Errorf("lookahead in an unanchored pattern")
	}
	// A top-level alternation would bind looser than the split.
	if topLevelAlternation(head) || topLevelAlternation(rest) {
		return nil, fmt.Errorf("lookahead next to a top-level alternation")
	}
	pl := &plan{prefix: head[1:], looks: looks, rest: rest}
	if pl.prefix != "" {
		t, err := syntax.Parse(pl.prefix, syntax.Perl)
		if err != nil {
			return nil, err
		}
		if pl.prefixMax = maxWidth(t); pl.prefixMax < 0 {
			return nil, fmt.Errorf("lookahead after an unbounded prefix")
		}
	}
	for _, l := range looks {
		if err := checkLookBody(l.text); err != nil {
			return nil, err
		}
	}
	if _, err := syntax.Parse(rest, syntax.Perl); err != nil {
		return nil, err
	}
	return pl, nil
}

// segment is a run of translated pattern text, or one top-level lookahead.
type segment struct {
	text   string
	look   bool
	negate bool
	jsBody string // the lookahead's original text, for isAnyChar
}

func isAnyChar(js string) bool {
	switch js {
	case `[\s\S]`, `[\S\s]`, `[^]`, `[\d\D]`, `[\w\W]`:
		return true
	}
	return false
}

// topLevelAlternation reports whether an RE2 text has a | outside groups and classes.
func topLevelAlternation(re string) bool {
	depth, class := 0, false
	for i := 0; i < len(re); i++ {
		switch c := re[i]; {
		case c == '\\':
			i++
		case class:
			if c == ']' {
				class = false
			}
		case c == '[':
			class = true
			if i+1 < len(re) && re[i+1] == '^' {
				i++
			}
			if i+1 < len(re) && re[i+1] == ']' {
				i++
			}
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			return true
		}
	}
	return false
}

// maxWidth is the most runes an expression can match, or -1 if unbounded.
func maxWidth(t *syntax.Regexp) int {
	switch t.Op {
	case syntax.OpLiteral:
		return len(t.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpQuest:
		return maxWidth(t.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return -1
	case syntax.OpRepeat:
		w := maxWidth(t.Sub[0])
		if t.Max < 0 || w < 0 {
			return -1
		}
		return w * t.Max
	case syntax.OpConcat:
		sum := 0
		for _, s := range t.Sub {
			w := maxWidth(s)
			if w < 0 {
				return -1
			}
			sum += w
		}
		return sum
	case syntax.OpAlternate:
		most := 0
		for _, s := range t.Sub {
			w := maxWidth(s)
			if w < 0 {
				return -1
			}
			most = max(most, w)
		}
		return most
	}
	return 0 // empty-width operators
}

// checkLookBody rejects lookahead bodies whose meaning depends on what lies
// before the split, which matching the tail alone cannot see.
func checkLookBody(re string) error {
	t, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return err
	}
	var bad bool
	var walk func(*syntax.Regexp)
	walk = func(t *syntax.Regexp) {
		switch t.Op {
		case syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
			bad = true
		}
		for _, s := range t.Sub {
			walk(s)
		}
	}
	walk(t)
	if bad {
		return fmt.Errorf("lookahead that looks behind the split")
	}
	return nil
}

// The characters ECMAScript's \s matches (WhiteSpace and LineTerminator);
// RE2's \s is ASCII only and lacks \v.
func jsSpace() [][2]rune {
	return [][2]rune{
		{0x09, 0x0d}, {0x20, 0x20}, {0xa0, 0xa0}, {0x1680, 0x1680}, {0x2000, 0x200a},
		{0x2028, 0x2029}, {0x202f, 0x202f}, {0x205f, 0x205f}, {0x3000, 0x3000}, {0xfeff, 0xfeff},
	}
}

func classRanges(ranges [][2]rune) string {
	var b strings.Builder
	for _, r := range ranges {
		fmt.Fprintf(&b, `\x{%x}`, r[0])
		if r[1] != r[0] {
			fmt.Fprintf(&b, `-\x{%x}`, r[1])
		}
	}
	return b.String()
}

func complementRanges(ranges [][2]rune) [][2]rune {
	var out [][2]rune
	next := rune(0)
	for _, r := range ranges {
		if r[0] > next {
			out = append(out, [2]rune{next, r[0] - 1})
		}
		next = r[1] + 1
	}
	if next <= utf8.MaxRune {
		out = append(out, [2]rune{next, utf8.MaxRune})
	}
	return out
}

// ECMAScript's . excludes every line terminator, RE2's only \n.
const jsDot = `[^\n\r\x{2028}\x{2029}]`

// translateJS converts ECMAScript pattern syntax to RE2 syntax. With top set,
// top-level lookaheads come back as their own segments; anywhere else they
// are an error.
func translateJS(src string, top bool) ([]segment, error) {
	t := &jsTranslator{src: src, top: top}
	if err := t.run(); err != nil {
		return nil, err
	}
	t.flush()
	return t.segs, nil
}

type jsTranslator struct {
	src   string
	pos   int
	top   bool
	depth int
	out   strings.Builder
	segs  []segment
}

func (t *jsTranslator) flush() {
	if t.out.Len() > 0 {
		t.segs = append(t.segs, segment{text: t.out.String()})
		t.out.Reset()
	}
}

func (t *jsTranslator) run() error {
	for t.pos < len(t.src) {
		c := t.src[t.pos]
		switch c {
		case '\\':
			if err := t.escape(); err != nil {
				return err
			}
		case '[':
			if err := t.class(); err != nil {
				return err
			}
		case '(':
			if err := t.group(); err != nil {
				return err
			}
		case ')':
			t.depth--
			t.out.WriteByte(')')
			t.pos++
		case '.':
			t.out.WriteString(jsDot)
			t.pos++
		default:
			r, w := utf8.DecodeRuneInString(t.src[t.pos:])
			t.out.WriteRune(r)
			t.pos += w
		}
	}
	if t.depth != 0 {
		return fmt.Errorf("unbalanced parentheses")
	}
	return nil
}

func (t *jsTranslator) group() error {
	rest := t.src[t.pos:]
	switch {
	case strings.HasPrefix(rest, "(?="), strings.HasPrefix(rest, "(?!"):
		if !t.top || t.depth > 0 {
			return fmt.Errorf("nested lookahead")
		}
		end := groupEnd(t.src, t.pos)
		if end < 0 {
			return fmt.Errorf("unbalanced parentheses")
		}
		body := t.src[t.pos+3 : end]
		inner, err := translateJS(body, false)
		if err != nil {
			return err
		}
		var text strings.Builder
		for _, s := range inner {
			text.WriteString(s.text)
		}
		t.flush()
		t.segs = append(t.segs, segment{text: text.String(), look: true, negate: rest[2] == '!', jsBody: body})
		t.pos = end + 1
		return nil
	case strings.HasPrefix(rest, "(?<=") || strings.HasPrefix(rest, "(?<!"):
		return fmt.Errorf("lookbehind")
	case strings.HasPrefix(rest, "(?<"):
		t.out.WriteString("(?P<")
		t.pos += 3
	case strings.HasPrefix(rest, "(?:"):
		t.out.WriteString("(?:")
		t.pos += 3
	case strings.HasPrefix(rest, "(?"):
		return fmt.Errorf("unsupported group")
	default:
		t.out.WriteByte('(')
		t.pos++
	}
	t.depth++
	return nil
}

// groupEnd finds the ) closing the group that opens at src[open].
func groupEnd(src string, open int) int {
	depth := 0
	for i := open; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '[':
			for i++; i < len(src) && src[i] != ']'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

func (t *jsTranslator) class() error {
	t.pos++ // [
	negated := false
	if t.pos < len(t.src) && t.src[t.pos] == '^' {
		negated = true
		t.pos++
	}
	// In ECMAScript a ] right after [ or [^ closes an empty class; in RE2 it
	// would be a literal.
	if t.pos < len(t.src) && t.src[t.pos] == ']' {
		t.pos++
		if negated {
			t.out.WriteString(`[\x{0}-\x{10ffff}]`)
		} else {
			t.out.WriteString(`[^\x{0}-\x{10ffff}]`)
		}
		return nil
	}
	var body strings.Builder
	for t.pos < len(t.src) {
		c := t.src[t.pos]
		switch c {
		case ']':
			t.pos++
			t.out.WriteByte('[')
			if negated {
				t.out.WriteByte('^')
			}
			t.out.WriteString(body.String())
			t.out.WriteByte(']')
			return nil
		case '\\':
			if err := t.classEscape(&body); err != nil {
				return err
			}
		case '[':
			body.WriteString(`\[`)
			t.pos++
		default:
			r, w := utf8.DecodeRuneInString(t.src[t.pos:])
			body.WriteRune(r)
			t.pos += w
		}
	}
	return fmt.Errorf("unterminated character class")
}

// escape translates an escape outside a character class.
func (t *jsTranslator) escape() error {
	if t.pos+1 >= len(t.src) {
		return fmt.Errorf("trailing backslash")
	}
	c := t.src[t.pos+1]
	switch c {
	case 's':
		t.out.WriteString("[" + classRanges(jsSpace()) + "]")
		t.pos += 2
		return nil
	case 'S':
		t.out.WriteString("[" + classRanges(complementRanges(jsSpace())) + "]")
		t.pos += 2
		return nil
	case 'b', 'B':
		t.out.WriteString(`\` + string(c))
		t.pos += 2
		return nil
	}
	s, err := t.commonEscape()
	if err != nil {
		return err
	}
	t.out.WriteString(s)
	return nil
}

func (t *jsTranslator) classEscape(body *strings.Builder) error {
	if t.pos+1 >= len(t.src) {
		return fmt.Errorf("trailing backslash")
	}
	switch c := t.src[t.pos+1]; c {
	case 's':
		body.WriteString(classRanges(jsSpace()))
		t.pos += 2
		return nil
	case 'S':
		body.WriteString(classRanges(complementRanges(jsSpace())))
		t.pos += 2
		return nil
	case 'b': // backspace inside a class
		body.WriteString(`\x08`)
		t.pos += 2
		return nil
	case 'B':
		return fmt.Errorf(`\B in a character class`)
	}
	s, err := t.commonEscape()
	if err != nil {
		return err
	}
	body.WriteString(s)
	return nil
}

// commonEscape handles the escapes that mean the same inside and outside a class.
func (t *jsTranslator) commonEscape() (string, error) {
	c := t.src[t.pos+1]
	switch {
	case strings.IndexByte("dDwWnrtfv", c) >= 0:
		t.pos += 2
		return `\` + string(c), nil
	case c == '0' && (t.pos+2 >= len(t.src) || t.src[t.pos+2] < '0' || t.src[t.pos+2] > '9'):
		t.pos += 2
		return `\x00`, nil
	case c >= '0' && c <= '9':
		return "", fmt.Errorf("backreference")
	case c == 'x':
		if t.pos+4 > len(t.src) || !isHex(t.src[t.pos+2:t.pos+4]) {
			return "", fmt.Errorf(`bad \x escape`)
		}
		s := `\x{` + t.src[t.pos+2:t.pos+4] + `}`
		t.pos += 4
		return s, nil
	case c == 'u':
		return t.unicodeEscape()
	case c == 'p' || c == 'P':
		end := strings.IndexByte(t.src[t.pos:], '}')
		if t.pos+2 >= len(t.src) || t.src[t.pos+2] != '{' || end < 0 {
			return "", fmt.Errorf(`bad \p escape`)
		}
		s := t.src[t.pos : t.pos+end+1]
		t.pos += end + 1
		return s, nil
	case c == 'c':
		if t.pos+2 < len(t.src) && isASCIILetter(t.src[t.pos+2]) {
			s := fmt.Sprintf(`\x{%x}`, t.src[t.pos+2]%32)
			t.pos += 3
			return s, nil
		}
		return "", fmt.Errorf(`bad \c escape`)
	case c < utf8.RuneSelf && !isASCIILetter(c) && !(c >= '0' && c <= '9'):
		// Escaped punctuation is literal in both dialects.
		t.pos += 2
		if c == '/' {
			return "/", nil
		}
		return `\` + string(c), nil
	}
	return "", fmt.Errorf(`unsupported escape \%c`, c)
}

func (t *jsTranslator) unicodeEscape() (string, error) {
	rest := t.src[t.pos+2:]
	if strings.HasPrefix(rest, "{") {
		end := strings.IndexByte(rest, '}')
		if end < 2 || !isHex(rest[1:end]) {
			return "", fmt.Errorf(`bad \u escape`)
		}
		t.pos += 2 + end + 1
		return `\x{` + rest[1:end] + `}`, nil
	}
	if len(rest) < 4 || !isHex(rest[:4]) {
		return "", fmt.Errorf(`bad \u escape`)
	}
	n, _ := strconv.ParseUint(rest[:4], 16, 32)
	t.pos += 6
	if n >= 0xd800 && n <= 0xdfff {
		if n <= 0xdbff && strings.HasPrefix(t.src[t.pos:], `\u`) && len(t.src) >= t.pos+6 && isHex(t.src[t.pos+2:t.pos+6]) {
			lo, _ := strconv.ParseUint(t.src[t.pos+2:t.pos+6], 16, 32)
			if lo >= 0xdc00 && lo <= 0xdfff {
				t.pos += 6
				r := 0x10000 + (n-0xd800)<<10 + (lo - 0xdc00)
				return fmt.Sprintf(`\x{%x}`, r), nil
			}
		}
		return "", fmt.Errorf("lone surrogate")
	}
	return fmt.Sprintf(`\x{%x}`, n), nil
}

func isHex(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
