package schema

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// jval is a JSON constant from a schema (a const or enum value). The schema
// is read with a small reader of our own rather than encoding/json because
// the compiler needs object members in document order (suggestions list keys
// in the order the reference declares them) and because decoding the whole
// document into map[string]any first would cost several times as much.
type jval struct {
	kind jkind
	b    bool
	n    float64
	s    string
	arr  []*jval
	obj  []jmember
}

type jkind uint8

const (
	jNull jkind = iota
	jBool
	jNum
	jStr
	jArr
	jObj
)

type jmember struct {
	key string
	val *jval
}

// text renders a scalar for messages and Allowed lists: strings as they are,
// everything else as JSON.
func (v *jval) text() string {
	switch v.kind {
	case jNull:
		return "null"
	case jBool:
		return strconv.FormatBool(v.b)
	case jNum:
		return formatNum(v.n)
	case jStr:
		return v.s
	case jArr:
		return "[…]"
	}
	return "{…}"
}

// quoted is text with strings in double quotes, for messages.
func (v *jval) quoted() string {
	if v.kind == jStr {
		return strconv.Quote(v.s)
	}
	return v.text()
}

func formatNum(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// jparser reads JSON from a byte slice. The schema compiler drives it
// token by token, so the schema documents are never held as a generic tree;
// only constants (const, enum) become jvals.
type jparser struct {
	// src is the document as a string so that keys, names and patterns can
	// be substrings of it instead of copies. The compiled schema keeps the
	// document's memory alive through them, which costs less than the tens
	// of thousands of small allocations copying would take.
	src  string
	pos  int
	vals slab[jval]
}

// slab hands out values from shared chunks: the schemas have tens of
// thousands of small parts, and allocating each separately would dominate
// compilation.
type slab[T any] struct{ free []T }

func (s *slab[T]) new() *T {
	if len(s.free) == 0 {
		s.free = make([]T, 256)
	}
	p := &s.free[0]
	s.free = s.free[1:]
	return p
}

func (p *jparser) newVal(v jval) *jval {
	n := p.vals.new()
	*n = v
	return n
}

func (p *jparser) errorf(format string, args ...any) error {
	return fmt.Errorf("json offset %d: %s", p.pos, fmt.Sprintf(format, args...))
}

func (p *jparser) space() {
	for p.pos < len(p.src) {
		switch p.src[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// peek returns the next significant byte, or 0 at the end.
func (p *jparser) peek() byte {
	p.space()
	if p.pos >= len(p.src) {
		return 0
	}
	return p.src[p.pos]
}

// maxDepth bounds recursion; the reference schemas nest about forty levels.
const maxDepth = 1000

// beginObject consumes the { of an object; nextKey then walks its members.
func (p *jparser) beginObject() error {
	if p.peek() != '{' {
		return p.errorf("expected an object")
	}
	p.pos++
	return nil
}

// nextKey reads the separator before a member and the member's key, leaving
// the reader at the value. ok is false after the closing }.
func (p *jparser) nextKey(first *bool) (key string, ok bool, err error) {
	c := p.peek()
	switch {
	case c == '}' && *first:
		p.pos++
		return "", false, nil
	case *first:
		*first = false
	case c == '}':
		p.pos++
		return "", false, nil
	case c == ',':
		p.pos++
	default:
		return "", false, p.errorf("expected ',' or '}'")
	}
	if p.peek() != '"' {
		return "", false, p.errorf("expected object key")
	}
	if key, err = p.str(); err != nil {
		return "", false, err
	}
	if p.peek() != ':' {
		return "", false, p.errorf("expected ':'")
	}
	p.pos++
	p.space()
	return key, true, nil
}

// beginArray consumes the [ of an array; nextElem then walks its elements.
func (p *jparser) beginArray() error {
	if p.peek() != '[' {
		return p.errorf("expected an array")
	}
	p.pos++
	return nil
}

// nextElem reads the separator before an element, leaving the reader at it.
// It returns false after the closing ].
func (p *jparser) nextElem(first *bool) (bool, error) {
	c := p.peek()
	switch {
	case c == ']':
		p.pos++
		return false, nil
	case *first:
		*first = false
	case c == ',':
		p.pos++
	default:
		return false, p.errorf("expected ',' or ']'")
	}
	p.space()
	return true, nil
}

func (p *jparser) value(depth int) (*jval, error) {
	if depth > maxDepth {
		return nil, p.errorf("nesting too deep")
	}
	switch c := p.peek(); {
	case c == '{':
		v := p.newVal(jval{kind: jObj})
		p.pos++
		for first := true; ; {
			key, ok, err := p.nextKey(&first)
			if err != nil {
				return nil, err
			}
			if !ok {
				return v, nil
			}
			el, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			v.obj = append(v.obj, jmember{key: key, val: el})
		}
	case c == '[':
		v := p.newVal(jval{kind: jArr})
		p.pos++
		for first := true; ; {
			ok, err := p.nextElem(&first)
			if err != nil {
				return nil, err
			}
			if !ok {
				return v, nil
			}
			el, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			v.arr = append(v.arr, el)
		}
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return p.newVal(jval{kind: jStr, s: s}), nil
	case c == 't':
		return p.newVal(jval{kind: jBool, b: true}), p.word("true")
	case c == 'f':
		return p.newVal(jval{kind: jBool}), p.word("false")
	case c == 'n':
		return p.newVal(jval{kind: jNull}), p.word("null")
	case c == '-' || (c >= '0' && c <= '9'):
		f, err := p.num()
		if err != nil {
			return nil, err
		}
		return p.newVal(jval{kind: jNum, n: f}), nil
	case c == 0:
		return nil, p.errorf("unexpected end of input")
	default:
		return nil, p.errorf("unexpected %q", c)
	}
}

// skip reads past one value without keeping it.
func (p *jparser) skip(depth int) error {
	if depth > maxDepth {
		return p.errorf("nesting too deep")
	}
	switch c := p.peek(); {
	case c == '{':
		p.pos++
		for first := true; ; {
			_, ok, err := p.nextKey(&first)
			if err != nil || !ok {
				return err
			}
			if err := p.skip(depth + 1); err != nil {
				return err
			}
		}
	case c == '[':
		p.pos++
		for first := true; ; {
			ok, err := p.nextElem(&first)
			if err != nil || !ok {
				return err
			}
			if err := p.skip(depth + 1); err != nil {
				return err
			}
		}
	case c == '"':
		_, err := p.str()
		return err
	case c == 't':
		return p.word("true")
	case c == 'f':
		return p.word("false")
	case c == 'n':
		return p.word("null")
	case c == '-' || (c >= '0' && c <= '9'):
		_, err := p.num()
		return err
	case c == 0:
		return p.errorf("unexpected end of input")
	default:
		return p.errorf("unexpected %q", c)
	}
}

func (p *jparser) word(w string) error {
	if !strings.HasPrefix(p.src[p.pos:], w) {
		return p.errorf("invalid literal")
	}
	p.pos += len(w)
	return nil
}

func (p *jparser) num() (float64, error) {
	p.space()
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
			p.pos++
			continue
		}
		break
	}
	f, err := strconv.ParseFloat(p.src[start:p.pos], 64)
	if err != nil || start == p.pos {
		return 0, p.errorf("invalid number")
	}
	return f, nil
}

// str reads a string. Without escapes it is a substring of the input.
func (p *jparser) str() (string, error) {
	if p.peek() != '"' {
		return "", p.errorf("expected a string")
	}
	p.pos++
	start := p.pos
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '"' {
			p.pos++
			return p.src[start : p.pos-1], nil
		}
		if c == '\\' {
			break
		}
		p.pos++
	}
	buf := []byte(p.src[start:p.pos])
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		switch {
		case c == '"':
			p.pos++
			return string(buf), nil
		case c == '\\':
			if p.pos+1 >= len(p.src) {
				return "", p.errorf("invalid escape")
			}
			e := p.src[p.pos+1]
			p.pos += 2
			switch e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r, ok := p.hex4()
				if !ok {
					return "", p.errorf("invalid escape")
				}
				if utf16.IsSurrogate(r) && strings.HasPrefix(p.src[p.pos:], `\u`) {
					save := p.pos
					p.pos += 2
					if r2, ok := p.hex4(); ok && utf16.DecodeRune(r, r2) != utf8.RuneError {
						r = utf16.DecodeRune(r, r2)
					} else {
						p.pos = save
					}
				}
				buf = utf8.AppendRune(buf, r)
			default:
				return "", p.errorf("invalid escape")
			}
		default:
			buf = append(buf, c)
			p.pos++
		}
	}
	return "", p.errorf("unterminated string")
}

func (p *jparser) hex4() (rune, bool) {
	if p.pos+4 > len(p.src) {
		return 0, false
	}
	n, err := strconv.ParseUint(p.src[p.pos:p.pos+4], 16, 32)
	if err != nil {
		return 0, false
	}
	p.pos += 4
	return rune(n), true
}
