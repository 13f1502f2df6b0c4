package json5

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Edit replaces the bytes [Start, End) of a source with New. An insertion
// has Start == End. Edits are data so that a fix can be previewed as a diff,
// checked for conflicts with other fixes, and applied by one function.
type Edit struct {
	Start, End int
	New        string
}

// Apply applies edits to src and returns the result in a new slice. Edits
// may come in any order, and identical edits count once. Edits that
// overlap, or fall outside src, are an error and nothing is applied. Two
// different insertions at one offset overlap too: which goes first would
// be a guess, and two fixes that each append a member after the same one
// would each add a comma there.
func Apply(src []byte, edits []Edit) ([]byte, error) {
	sorted := slices.Clone(edits)
	slices.SortStableFunc(sorted, func(a, b Edit) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(a.End, b.End); c != 0 {
			return c
		}
		return cmp.Compare(a.New, b.New)
	})
	sorted = slices.Compact(sorted)
	size := len(src)
	last := 0
	for i, e := range sorted {
		if e.Start < 0 || e.Start > e.End || e.End > len(src) {
			return nil, fmt.Errorf("edit [%d,%d) is outside the source of %d bytes", e.Start, e.End, len(src))
		}
		if i > 0 {
			p := sorted[i-1]
			if e.Start < last || e.Start == e.End && p.Start == e.Start && p.End == e.End {
				return nil, fmt.Errorf("edits [%d,%d) and [%d,%d) overlap", p.Start, p.End, e.Start, e.End)
			}
		}
		last = e.End
		size += len(e.New) - (e.End - e.Start)
	}
	out := make([]byte, 0, size)
	pos := 0
	for _, e := range sorted {
		out = append(out, src[pos:e.Start]...)
		out = append(out, e.New...)
		pos = e.End
	}
	return append(out, src[pos:]...), nil
}

// ReplaceValue returns the edit that replaces the text of n, leaving the
// trivia around it alone.
func (d *Document) ReplaceValue(n *Node, newText string) Edit {
	return Edit{Start: n.Start, End: n.End, New: newText}
}

// SetMember returns the edits that give obj the member key: valueText. If
// the key exists, its last occurrence (the one that wins) has its value
// replaced. Otherwise a member is appended after the last one, written in
// the style of its neighbours: same indentation, same key quoting, same
// spacing around the colon, and a trailing comma if the object had one.
// Comments after the last member stay above the new one. valueText is used
// verbatim. It returns nil if obj is not an object.
func (d *Document) SetMember(obj *Node, key string, valueText string) []Edit {
	if obj == nil || obj.Kind != Object {
		return nil
	}
	if m := obj.Lookup(key); m != nil {
		return []Edit{d.ReplaceValue(m.Value, valueText)}
	}
	if len(obj.Members) == 0 {
		return d.insertIntoEmpty(obj, key, valueText)
	}
	src := d.Src
	last := obj.Members[len(obj.Members)-1]
	member := d.keyText(last, key) + colonText(src, last) + valueText
	trailing := last.Comma >= 0

	if !hasLineBreak(src, last.Before) {
		// The members share a line: continue it.
		sep := " "
		if len(obj.Members) > 1 && isBlank(src, last.Before) {
			sep = string(src[last.Before.Start:last.Before.End])
		}
		if trailing {
			return []Edit{{Start: last.Comma + 1, End: last.Comma + 1, New: sep + member + ","}}
		}
		return []Edit{{Start: last.Value.End, End: last.Value.End, New: "," + sep + member}}
	}

	// One member per line: the new one goes on a line of its own after the
	// last member and any comments that follow it.
	text := lastBreak(src, last.Before) + lineIndent(src, last.KeyStart) + member
	after := last.Value.After
	if trailing {
		after = obj.Tail
		text += ","
	}
	at := after.Start
	if c, ok := lastComment(src, after); ok {
		at = c.End
	}
	if trailing {
		return []Edit{{Start: at, End: at, New: text}}
	}
	if at == last.Value.End {
		return []Edit{{Start: at, End: at, New: "," + text}}
	}
	return []Edit{
		{Start: last.Value.End, End: last.Value.End, New: ","},
		{Start: at, End: at, New: text},
	}
}

func (d *Document) insertIntoEmpty(obj *Node, key, valueText string) []Edit {
	src := d.Src
	model := d.firstMember()
	colon := ": "
	if model != nil {
		colon = colonText(src, model)
	}
	member := d.keyText(model, key) + colon + valueText
	at := obj.Start + 1
	if c, ok := lastComment(src, obj.Tail); ok {
		at = c.End
	}
	switch {
	case hasLineBreak(src, obj.Tail):
		return []Edit{{Start: at, End: at, New: lastBreak(src, obj.Tail) + lineIndent(src, obj.Start) + d.indentUnit() + member}}
	case obj.Tail.Len() == 0:
		return []Edit{{Start: at, End: at, New: member}}
	default:
		return []Edit{{Start: at, End: at, New: " " + member}}
	}
}

// RemoveMember returns the edits that delete m, with its comma, from obj.
// A member that has lines of its own loses those lines, comments at their
// ends included; comments on any other line are kept. When the last member
// goes, the comma before it goes too, so that an object written without a
// trailing comma stays so. It returns nil if m is not a member of obj.
func (d *Document) RemoveMember(obj *Node, m *Member) []Edit {
	if obj == nil || obj.Kind != Object || m == nil {
		return nil
	}
	i := slices.Index(obj.Members, m)
	if i < 0 {
		return nil
	}
	src := d.Src
	var edits []Edit
	end, following := m.Value.End, m.Value.After
	if m.Comma >= 0 {
		end, following = m.Comma+1, obj.Tail
		if i+1 < len(obj.Members) {
			following = obj.Members[i+1].Before
		}
	} else if i > 0 {
		prev := obj.Members[i-1]
		edits = append(edits, Edit{Start: prev.Comma, End: prev.Comma + 1})
	}

	if start, ok := ownLineStart(src, m.Before); ok {
		if stop, ok := ownLineEnd(src, following); ok {
			return append(edits, Edit{Start: start, End: stop})
		}
	}
	start := blankBack(src, m.Before, m.KeyStart)
	if m.Comma >= 0 {
		// When a key or comment follows on the line, it takes the member's
		// place: "a: 1, b: 2" loses "a: 1, ". Otherwise the blanks before
		// the member go with it: "a: 1, b: 2," loses " b: 2,".
		fwd := blankFwd(src, following, end)
		if fwd == following.End && i+1 < len(obj.Members) || fwd < following.End && src[fwd] == '/' {
			start, end = m.KeyStart, fwd
		}
	}
	return append(edits, Edit{Start: start, End: end})
}

// ownLineStart reports whether the trivia before a key ends with a line
// break followed only by blanks, and if so where that line starts.
func ownLineStart(src []byte, before Span) (int, bool) {
	lineStart := -1
	for i := before.Start; i < before.End; {
		if n := lineBreakLen(src, i); n > 0 {
			i += n
			lineStart = i
			continue
		}
		i++
	}
	if lineStart < 0 || !isBlank(src, Span{lineStart, before.End}) {
		return 0, false
	}
	return lineStart, true
}

// ownLineEnd reports whether the trivia after a member reaches a line break
// with only blanks and comments that start and end on the member's line
// before it, and if so the offset just past that break.
func ownLineEnd(src []byte, after Span) (int, bool) {
	for _, pc := range splitTrivia(src, after) {
		if pc.kind == pieceBlockComment {
			if hasLineBreak(src, pc.Span) {
				return 0, false
			}
			continue
		}
		if pc.kind != pieceSpace {
			continue
		}
		for i := pc.Start; i < pc.End; i++ {
			if n := lineBreakLen(src, i); n > 0 {
				return i + n, true
			}
		}
	}
	return 0, false
}

// blankBack moves from off back over spaces and tabs, staying inside s.
func blankBack(src []byte, s Span, off int) int {
	for off > s.Start && (src[off-1] == ' ' || src[off-1] == '\t') {
		off--
	}
	return off
}

// blankFwd moves from off forward over spaces and tabs, staying inside s.
func blankFwd(src []byte, s Span, off int) int {
	for off < s.End && (src[off] == ' ' || src[off] == '\t') {
		off++
	}
	return off
}

func isBlank(src []byte, s Span) bool {
	return blankFwd(src, s, s.Start) == s.End
}

func hasLineBreak(src []byte, s Span) bool {
	for i := s.Start; i < s.End; i++ {
		if lineBreakLen(src, i) > 0 {
			return true
		}
	}
	return false
}

// lastBreak returns the last line terminator in s, so that inserted lines
// end the way the surrounding ones do; "\n" if s has none.
func lastBreak(src []byte, s Span) string {
	brk := "\n"
	for i := s.Start; i < s.End; {
		if n := lineBreakLen(src, i); n > 0 {
			brk = string(src[i : i+n])
			i += n
			continue
		}
		i++
	}
	return brk
}

func lastComment(src []byte, s Span) (piece, bool) {
	pieces := splitTrivia(src, s)
	for i := len(pieces) - 1; i >= 0; i-- {
		if pieces[i].kind != pieceSpace {
			return pieces[i], true
		}
	}
	return piece{}, false
}

// lineIndent returns the spaces and tabs that start the line holding off.
func lineIndent(src []byte, off int) string {
	start := off
	for start > 0 {
		if c := src[start-1]; c == '\n' || c == '\r' {
			break
		}
		if start >= 3 && src[start-3] == 0xE2 && src[start-2] == 0x80 && (src[start-1] == 0xA8 || src[start-1] == 0xA9) {
			break
		}
		start--
	}
	end := blankFwd(src, Span{start, off}, start)
	return string(src[start:end])
}

// colonText is the text from the end of a key to the start of its value
// when that is only blanks around the colon, else ": ".
func colonText(src []byte, m *Member) string {
	before, after := "", " "
	if isBlank(src, m.AfterKey) {
		before = string(src[m.AfterKey.Start:m.AfterKey.End])
	}
	if isBlank(src, m.Value.Before) {
		after = string(src[m.Value.Before.Start:m.Value.Before.End])
	}
	return before + ":" + after
}

// keyText writes key the way model's key is written: unquoted if model's is
// and key is an identifier, in single quotes if model's is, else in double
// quotes. With no model it uses double quotes, valid in JSON as well.
func (d *Document) keyText(model *Member, key string) string {
	if model == nil {
		return Quote(key)
	}
	switch model.KeyQuote {
	case 0:
		if isIdentifierName(key) {
			return key
		}
	case '\'':
		return quoteWith(key, '\'')
	}
	return Quote(key)
}

// firstMember finds a member anywhere in the document to copy style from.
func (d *Document) firstMember() *Member {
	var found *Member
	var visit func(n *Node) bool
	visit = func(n *Node) bool {
		switch n.Kind {
		case Object:
			if len(n.Members) > 0 {
				found = n.Members[0]
				return true
			}
		case Array:
			for _, e := range n.Elems {
				if visit(e) {
					return true
				}
			}
		}
		return false
	}
	if d.Root != nil {
		visit(d.Root)
	}
	return found
}

// indentUnit guesses one level of indentation from the first container
// whose first entry sits on its own line deeper than the container's line.
func (d *Document) indentUnit() string {
	unit := ""
	var visit func(n *Node) bool
	check := func(container *Node, before Span, start int) bool {
		if _, ok := ownLineStart(d.Src, before); !ok {
			return false
		}
		outer, inner := lineIndent(d.Src, container.Start), lineIndent(d.Src, start)
		if len(inner) > len(outer) && strings.HasPrefix(inner, outer) {
			unit = inner[len(outer):]
			return true
		}
		return false
	}
	visit = func(n *Node) bool {
		switch n.Kind {
		case Object:
			if len(n.Members) > 0 && check(n, n.Members[0].Before, n.Members[0].KeyStart) {
				return true
			}
			for _, m := range n.Members {
				if visit(m.Value) {
					return true
				}
			}
		case Array:
			if len(n.Elems) > 0 && check(n, n.Elems[0].Before, n.Elems[0].Start) {
				return true
			}
			for _, e := range n.Elems {
				if visit(e) {
					return true
				}
			}
		}
		return false
	}
	if d.Root != nil && visit(d.Root) {
		return unit
	}
	return "  "
}

// Quote returns s as a double-quoted JSON string literal, valid in JSON and
// JSON5. Unlike encoding/json it does not escape <, > and &, which only
// matter inside HTML. Invalid UTF-8 becomes U+FFFD.
func Quote(s string) string { return quoteWith(s, '"') }

func quoteWith(s string, q byte) string {
	var b bytes.Buffer
	b.Grow(len(s) + 2)
	b.WriteByte(q)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r < 0x20 || r == 0x2028 || r == 0x2029:
			// U+2028 and U+2029 are legal in strings but end lines for
			// positions, so escaping them keeps line numbers stable.
			b.WriteString(`\u`)
			b.WriteString(fmt.Sprintf("%04x", r))
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}
