package json5

import (
	"bytes"
	"errors"
	"math"
	"sort"
	"strconv"
	"unicode/utf8"
)

// Limits bound the work a parse may do. A zero or negative field means the
// default. Exceeding a limit is a SyntaxError, never a crash.
type Limits struct {
	MaxBytes int // largest accepted input
	MaxDepth int // deepest nesting of arrays and objects; the root container is depth 1
}

const (
	defaultMaxBytes = 16 << 20
	defaultMaxDepth = 256
	// maxDepthCap bounds recursion whatever the caller asks for: the parser,
	// Text and the edit helpers recurse once per nesting level.
	maxDepthCap = 10000
)

// DefaultLimits are the limits Parse applies: 16 MiB and 256 levels. Parse
// does not read this variable, so assigning to it changes nothing.
var DefaultLimits = Limits{MaxBytes: defaultMaxBytes, MaxDepth: defaultMaxDepth}

// Parse parses src as JSON5 with DefaultLimits. filename only labels errors.
// The Document refers to src, which must not be modified afterwards.
func Parse(filename string, src []byte) (*Document, error) {
	return ParseLimits(filename, src, Limits{})
}

// ParseLimits is Parse with explicit limits. MaxDepth is capped at 10000.
// Errors are always *SyntaxError.
func ParseLimits(filename string, src []byte, lim Limits) (*Document, error) {
	if lim.MaxBytes <= 0 {
		lim.MaxBytes = defaultMaxBytes
	}
	if lim.MaxDepth <= 0 {
		lim.MaxDepth = defaultMaxDepth
	}
	lim.MaxDepth = min(lim.MaxDepth, maxDepthCap)

	p := &parser{file: filename, src: src, maxDepth: lim.MaxDepth, strict: true}
	if len(src) > lim.MaxBytes {
		return nil, p.errorf(lim.MaxBytes, "input is %d bytes, larger than the limit of %d bytes", len(src), lim.MaxBytes)
	}
	if !utf8.Valid(src) {
		return nil, p.errorf(firstInvalidUTF8(src), "invalid UTF-8 encoding")
	}
	root, err := p.document()
	if err != nil {
		return nil, err
	}
	sort.SliceStable(p.dups, func(i, j int) bool { return p.dups[i].Second.KeyStart < p.dups[j].Second.KeyStart })
	return &Document{
		Filename:   filename,
		Src:        src,
		Root:       root,
		StrictJSON: p.strict,
		Duplicates: p.dups,
		lineStarts: lineStarts(src),
	}, nil
}

func firstInvalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(src)
}

type parser struct {
	file     string
	src      []byte
	pos      int
	depth    int
	maxDepth int
	// strict stays true while everything read so far is also strict JSON.
	strict bool
	dups   []Duplicate
}

func (p *parser) errorf(off int, format string, args ...any) error {
	d := Document{Filename: p.file, Src: p.src}
	return d.ErrorAt(off, format, args...)
}

// describe names the character at off for an error message.
func (p *parser) describe(off int) string {
	if off >= len(p.src) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(p.src[off:])
	return "character " + strconv.QuoteRune(r)
}

// unexpected reports the character at p.pos where something else was wanted.
func (p *parser) unexpected(want string) error {
	if p.pos >= len(p.src) {
		return p.errorf(p.pos, "unexpected end of input, expected %s", want)
	}
	return p.errorf(p.pos, "invalid %s, expected %s", p.describe(p.pos), want)
}

func (p *parser) document() (*Node, error) {
	before, err := p.trivia()
	if err != nil {
		return nil, err
	}
	if p.pos >= len(p.src) {
		return nil, p.errorf(p.pos, "unexpected end of input, expected a value")
	}
	root, err := p.value()
	if err != nil {
		return nil, err
	}
	after, err := p.trivia()
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.src) {
		return nil, p.errorf(p.pos, "invalid %s after the top-level value", p.describe(p.pos))
	}
	root.Before, root.After = before, after
	return root, nil
}

// trivia skips whitespace and comments and returns their span.
func (p *parser) trivia() (Span, error) {
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch c {
		case ' ', '\t', '\n', '\r':
			p.pos++
			continue
		case '\v', '\f':
			p.strict = false
			p.pos++
			continue
		case '/':
			if err := p.comment(); err != nil {
				return Span{}, err
			}
			p.strict = false
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, n := utf8.DecodeRune(p.src[p.pos:])
		if !isSpace(r) {
			break
		}
		p.strict = false
		p.pos += n
	}
	return Span{start, p.pos}, nil
}

// comment skips the comment starting at p.pos, which holds '/'.
func (p *parser) comment() error {
	start := p.pos
	if p.pos+1 >= len(p.src) || p.src[p.pos+1] != '/' && p.src[p.pos+1] != '*' {
		return p.errorf(p.pos, "invalid character '/', comments start with // or /*")
	}
	if p.src[p.pos+1] == '/' {
		p.pos += 2
		for p.pos < len(p.src) && lineBreakLen(p.src, p.pos) == 0 {
			p.pos++
		}
		return nil
	}
	end := bytes.Index(p.src[p.pos+2:], []byte("*/"))
	if end < 0 {
		p.pos = len(p.src)
		return p.errorf(p.pos, "unterminated comment (opened at %s)", positionIn(p.src, start))
	}
	p.pos += 2 + end + 2
	return nil
}

func (p *parser) value() (*Node, error) {
	if p.pos >= len(p.src) {
		return nil, p.errorf(p.pos, "unexpected end of input, expected a value")
	}
	switch c := p.src[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"' || c == '\'':
		n := &Node{Kind: String, Start: p.pos, Quote: c, Comma: -1}
		s, err := p.string()
		if err != nil {
			return nil, err
		}
		n.Str, n.End = s, p.pos
		return n, nil
	case c == '-' || c == '+' || c == '.' || isDigit(c):
		return p.number()
	case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		return p.word()
	}
	return nil, p.unexpected("a value")
}

// word reads a value spelled with letters: true, false, null, Infinity, NaN.
func (p *parser) word() (*Node, error) {
	start := p.pos
	end := start
	for end < len(p.src) {
		c := p.src[end]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c) || c == '_' || c == '$') {
			break
		}
		end++
	}
	n := &Node{Start: start, End: end, Comma: -1}
	switch string(p.src[start:end]) {
	case "true":
		n.Kind, n.Bool = Bool, true
	case "false":
		n.Kind = Bool
	case "null":
		n.Kind = Null
	case "Infinity":
		n.Kind, n.Number = Number, math.Inf(1)
		p.strict = false
	case "NaN":
		n.Kind, n.Number = Number, math.NaN()
		p.strict = false
	default:
		const maxShown = 40
		w := string(p.src[start:min(end, start+maxShown)])
		return nil, p.errorf(start, "invalid value %q, expected a value (strings must be quoted)", w)
	}
	p.pos = end
	return n, nil
}

// number reads a numeric literal with the reference's grammar: optional
// sign, then Infinity, NaN, a hex integer, or a decimal with optional
// leading or trailing point and exponent. Leading zeros are not allowed.
func (p *parser) number() (*Node, error) {
	src := p.src
	start := p.pos
	i := start
	neg := false
	if src[i] == '+' || src[i] == '-' {
		neg = src[i] == '-'
		if !neg {
			p.strict = false
		}
		i++
	}
	n := &Node{Kind: Number, Start: start, Comma: -1}
	fail := func(at int, what string) (*Node, error) {
		if at >= len(src) {
			return nil, p.errorf(at, "unexpected end of input in number, expected %s", what)
		}
		return nil, p.errorf(at, "invalid %s in number, expected %s", p.describe(at), what)
	}
	if i >= len(src) {
		return fail(i, "a digit")
	}
	leadingDot := false
	switch c := src[i]; {
	case c == 'I' || c == 'N':
		word := "Infinity"
		if c == 'N' {
			word = "NaN"
		}
		for k := 0; k < len(word); k++ {
			if i+k >= len(src) || src[i+k] != word[k] {
				return fail(i+k, strconv.Quote(word))
			}
		}
		p.strict = false
		n.End = i + len(word)
		p.pos = n.End
		if c == 'N' {
			n.Number = math.NaN()
		} else {
			n.Number = math.Inf(1)
			if neg {
				n.Number = math.Inf(-1)
			}
		}
		return n, nil
	case c == '0' && i+1 < len(src) && (src[i+1] == 'x' || src[i+1] == 'X'):
		i += 2
		digits := i
		for i < len(src) && hexVal(src[i]) >= 0 {
			i++
		}
		if i == digits {
			return fail(i, "a hexadecimal digit")
		}
		p.strict = false
		// ParseFloat wants a binary exponent on hex input; it then rounds to
		// nearest even, as the reference's Number() does for long literals.
		f, err := strconv.ParseFloat("0x"+string(src[digits:i])+"p0", 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return nil, p.errorf(start, "invalid number %q", src[start:i])
		}
		if neg {
			f = -f
		}
		n.Number, n.End, p.pos = f, i, i
		return n, nil
	case c == '0':
		i++
		if i < len(src) && isDigit(src[i]) {
			return nil, p.errorf(i, "invalid number: leading zeros are not allowed")
		}
	case '1' <= c && c <= '9':
		for i < len(src) && isDigit(src[i]) {
			i++
		}
	case c == '.':
		i++
		if i >= len(src) || !isDigit(src[i]) {
			return fail(i, "a digit after '.'")
		}
		p.strict = false
		leadingDot = true
		for i < len(src) && isDigit(src[i]) {
			i++
		}
	default:
		return fail(i, "a digit")
	}
	if !leadingDot && i < len(src) && src[i] == '.' {
		i++
		if i >= len(src) || !isDigit(src[i]) {
			p.strict = false // "5." is JSON5 only
		}
		for i < len(src) && isDigit(src[i]) {
			i++
		}
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		i++
		if i < len(src) && (src[i] == '+' || src[i] == '-') {
			i++
		}
		if i >= len(src) || !isDigit(src[i]) {
			return fail(i, "a digit in the exponent")
		}
		for i < len(src) && isDigit(src[i]) {
			i++
		}
	}
	f, err := strconv.ParseFloat(string(src[start:i]), 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return nil, p.errorf(start, "invalid number %q", src[start:i])
	}
	n.Number, n.End, p.pos = f, i, i
	return n, nil
}

// string reads a quoted string at p.pos and returns its decoded value.
func (p *parser) string() (string, error) {
	src := p.src
	quote := src[p.pos]
	if quote == '\'' {
		p.strict = false
	}
	open := p.pos
	p.pos++
	// Fast path: most strings have no escapes and decode to their own bytes.
	for i := p.pos; i < len(src); i++ {
		c := src[i]
		if c == quote {
			s := string(src[p.pos:i])
			p.pos = i + 1
			return s, nil
		}
		if c == '\\' || c == '\n' || c == '\r' {
			break
		}
		if c < 0x20 {
			p.strict = false // JSON wants control characters escaped
		}
	}
	var b strBuilder
	for {
		if p.pos >= len(src) {
			return "", p.errorf(p.pos, "unterminated string (opened at %s)", positionIn(src, open))
		}
		c := src[p.pos]
		switch {
		case c == quote:
			p.pos++
			return b.String(), nil
		case c == '\\':
			if err := p.escape(&b); err != nil {
				return "", err
			}
			continue
		case c == '\n' || c == '\r':
			return "", p.errorf(p.pos, "unterminated string: line break inside a string (write \\n, or end the line with \\ to continue it)")
		}
		// Copy the run of plain bytes in one go.
		j := p.pos
		for j < len(src) && src[j] != quote && src[j] != '\\' && src[j] != '\n' && src[j] != '\r' {
			if src[j] < 0x20 {
				p.strict = false
			}
			j++
		}
		b.appendRaw(src[p.pos:j])
		p.pos = j
	}
}

// escape decodes the escape sequence at p.pos, which holds '\'.
func (p *parser) escape(b *strBuilder) error {
	src := p.src
	at := p.pos
	p.pos++
	if p.pos >= len(src) {
		return p.errorf(p.pos, "unterminated string: end of input after '\\'")
	}
	c := src[p.pos]
	p.pos++
	switch c {
	case '"', '\\', '/':
		b.appendRune(rune(c))
	case 'b':
		b.appendRune('\b')
	case 'f':
		b.appendRune('\f')
	case 'n':
		b.appendRune('\n')
	case 'r':
		b.appendRune('\r')
	case 't':
		b.appendRune('\t')
	case 'u':
		v, err := p.hexDigits(4, `\u`)
		if err != nil {
			return err
		}
		b.appendUnit(rune(v))
	default:
		p.strict = false
		switch c {
		case 'v':
			b.appendRune('\v')
		case '0':
			if p.pos < len(src) && isDigit(src[p.pos]) {
				return p.errorf(at, "invalid escape sequence '\\0%c': \\0 must not be followed by a digit", src[p.pos])
			}
			b.appendRune(0)
		case '1', '2', '3', '4', '5', '6', '7', '8', '9':
			return p.errorf(at, "invalid escape sequence '\\%c': octal escapes are not allowed", c)
		case 'x':
			v, err := p.hexDigits(2, `\x`)
			if err != nil {
				return err
			}
			b.appendRune(rune(v))
		case '\n':
			// A line continuation adds nothing to the value.
		case '\r':
			if p.pos < len(src) && src[p.pos] == '\n' {
				p.pos++
			}
		default:
			// Any other character escapes to itself, U+2028 and U+2029
			// included; those two are line continuations that add nothing.
			r, n := utf8.DecodeRune(src[p.pos-1:])
			p.pos += n - 1
			if r != 0x2028 && r != 0x2029 {
				b.appendRune(r)
			}
		}
	}
	return nil
}

// hexDigits reads exactly n hex digits at p.pos.
func (p *parser) hexDigits(n int, esc string) (int, error) {
	v := 0
	for k := 0; k < n; k++ {
		if p.pos >= len(p.src) {
			return 0, p.errorf(p.pos, "unterminated string: end of input in %s escape", esc)
		}
		h := hexVal(p.src[p.pos])
		if h < 0 {
			return 0, p.errorf(p.pos, "invalid %s in %s escape, expected %d hexadecimal digits", p.describe(p.pos), esc, n)
		}
		v = v<<4 | h
		p.pos++
	}
	return v, nil
}

// strBuilder accumulates a decoded string with the reference's UTF-16
// semantics: a \u escape of a high surrogate pairs with an immediately
// following low-surrogate escape (line continuations in between add
// nothing, so they do not break the pair); any surrogate left unpaired
// becomes U+FFFD.
type strBuilder struct {
	buf []byte
	hi  rune
}

func (b *strBuilder) flush() {
	if b.hi != 0 {
		b.buf = utf8.AppendRune(b.buf, utf8.RuneError)
		b.hi = 0
	}
}

func (b *strBuilder) appendRaw(s []byte) {
	if len(s) > 0 {
		b.flush()
		b.buf = append(b.buf, s...)
	}
}

func (b *strBuilder) appendRune(r rune) {
	b.flush()
	b.buf = utf8.AppendRune(b.buf, r)
}

func (b *strBuilder) appendUnit(u rune) {
	switch {
	case 0xDC00 <= u && u <= 0xDFFF && b.hi != 0:
		b.buf = utf8.AppendRune(b.buf, 0x10000+(b.hi-0xD800)<<10+(u-0xDC00))
		b.hi = 0
	case 0xD800 <= u && u <= 0xDBFF:
		b.flush()
		b.hi = u
	default:
		// utf8.AppendRune writes U+FFFD for a lone low surrogate.
		b.appendRune(u)
	}
}

func (b *strBuilder) String() string {
	b.flush()
	return string(b.buf)
}

func (p *parser) enter() error {
	p.depth++
	if p.depth > p.maxDepth {
		return p.errorf(p.pos, "nesting depth exceeds the limit of %d", p.maxDepth)
	}
	return nil
}

func (p *parser) object() (*Node, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	n := &Node{Kind: Object, Start: p.pos, Comma: -1}
	p.pos++
	for {
		before, err := p.trivia()
		if err != nil {
			return nil, err
		}
		if p.pos < len(p.src) && p.src[p.pos] == '}' {
			if len(n.Members) > 0 {
				p.strict = false // trailing comma
			}
			n.Tail = before
			break
		}
		m, err := p.member(before)
		if err != nil {
			return nil, err
		}
		n.Members = append(n.Members, m)
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			m.Comma = p.pos
			p.pos++
			continue
		}
		if p.pos < len(p.src) && p.src[p.pos] == '}' {
			n.Tail = Span{p.pos, p.pos}
			break
		}
		return nil, p.unexpected("',' or '}' after an object member")
	}
	p.pos++
	n.End = p.pos
	p.findDuplicates(n)
	return n, nil
}

// member reads key: value and the trivia after the value.
func (p *parser) member(before Span) (*Member, error) {
	m := &Member{Before: before, KeyStart: p.pos, Comma: -1}
	if p.pos >= len(p.src) {
		return nil, p.unexpected("a key or '}'")
	}
	switch c := p.src[p.pos]; {
	case c == '"' || c == '\'':
		key, err := p.string()
		if err != nil {
			return nil, err
		}
		m.Key, m.KeyQuote = key, c
	default:
		r, _ := utf8.DecodeRune(p.src[p.pos:])
		if r != '\\' && !isIDStart(r) {
			return nil, p.unexpected("a key or '}'")
		}
		p.strict = false
		key, err := p.identifier()
		if err != nil {
			return nil, err
		}
		m.Key = key
	}
	m.KeyEnd = p.pos
	var err error
	if m.AfterKey, err = p.trivia(); err != nil {
		return nil, err
	}
	if p.pos >= len(p.src) || p.src[p.pos] != ':' {
		return nil, p.unexpected("':' after the key")
	}
	m.Colon = p.pos
	p.pos++
	valueBefore, err := p.trivia()
	if err != nil {
		return nil, err
	}
	if m.Value, err = p.slot(valueBefore); err != nil {
		return nil, err
	}
	return m, nil
}

// slot reads a value and the trivia after it; before is the trivia that
// preceded it.
func (p *parser) slot(before Span) (*Node, error) {
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	after, err := p.trivia()
	if err != nil {
		return nil, err
	}
	v.Before, v.After = before, after
	return v, nil
}

// identifier reads an unquoted key, which may contain \uXXXX escapes that
// must themselves name identifier characters.
func (p *parser) identifier() (string, error) {
	src := p.src
	start := p.pos
	var buf []byte
	escaped := false
	first := true
	for p.pos < len(src) {
		var r rune
		n := 0
		esc := src[p.pos] == '\\'
		if esc {
			if p.pos+1 >= len(src) || src[p.pos+1] != 'u' {
				return "", p.errorf(p.pos, "invalid escape in unquoted key, only \\uXXXX is allowed")
			}
			at := p.pos
			p.pos += 2
			v, err := p.hexDigits(4, `\u`)
			if err != nil {
				return "", err
			}
			p.pos = at
			r, n = rune(v), 6
		} else {
			r, n = utf8.DecodeRune(src[p.pos:])
		}
		ok := isIDContinue(r)
		if first {
			ok = isIDStart(r)
		}
		if !ok {
			if esc {
				return "", p.errorf(p.pos, "invalid escape in unquoted key: %s cannot appear in an identifier", strconv.QuoteRune(r))
			}
			break
		}
		if esc && !escaped {
			buf = append(buf, src[start:p.pos]...)
			escaped = true
		}
		if escaped {
			buf = utf8.AppendRune(buf, r)
		}
		p.pos += n
		first = false
	}
	if escaped {
		return string(buf), nil
	}
	return string(src[start:p.pos]), nil
}

func (p *parser) array() (*Node, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	n := &Node{Kind: Array, Start: p.pos, Comma: -1}
	p.pos++
	for {
		before, err := p.trivia()
		if err != nil {
			return nil, err
		}
		if p.pos < len(p.src) && p.src[p.pos] == ']' {
			if len(n.Elems) > 0 {
				p.strict = false // trailing comma
			}
			n.Tail = before
			break
		}
		e, err := p.slot(before)
		if err != nil {
			return nil, err
		}
		n.Elems = append(n.Elems, e)
		if p.pos < len(p.src) && p.src[p.pos] == ',' {
			e.Comma = p.pos
			p.pos++
			continue
		}
		if p.pos < len(p.src) && p.src[p.pos] == ']' {
			n.Tail = Span{p.pos, p.pos}
			break
		}
		return nil, p.unexpected("',' or ']' after an array element")
	}
	p.pos++
	n.End = p.pos
	return n, nil
}

// findDuplicates records repeated keys of one object. Small objects, the
// common case, are scanned without allocating a map.
func (p *parser) findDuplicates(obj *Node) {
	ms := obj.Members
	if len(ms) < 2 {
		return
	}
	if len(ms) <= 16 {
		for j := 1; j < len(ms); j++ {
			for k := 0; k < j; k++ {
				if ms[k].Key == ms[j].Key {
					p.dups = append(p.dups, Duplicate{Key: ms[j].Key, Object: obj, First: ms[k], Second: ms[j]})
					break
				}
			}
		}
		return
	}
	first := make(map[string]*Member, len(ms))
	for _, m := range ms {
		if f, ok := first[m.Key]; ok {
			p.dups = append(p.dups, Duplicate{Key: m.Key, Object: obj, First: f, Second: m})
			continue
		}
		first[m.Key] = m
	}
}
