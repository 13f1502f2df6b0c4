package json5

import (
	"fmt"
	"sort"
	"unicode/utf8"
)

// Position is a location in a Document's source. Line and Col are 1-based;
// Col counts Unicode code points from the start of the line.
type Position struct {
	Offset, Line, Col int
}

func (p Position) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// SyntaxError is a parse failure at a position in the source.
type SyntaxError struct {
	File              string
	Offset, Line, Col int
	Msg               string
}

func (e *SyntaxError) Error() string {
	if e.File == "" {
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// lineBreakLen returns the length of the line terminator at src[i], or 0.
// CRLF counts as one terminator so that it ends only one line.
func lineBreakLen(src []byte, i int) int {
	switch c := src[i]; {
	case c == '\n':
		return 1
	case c == '\r':
		if i+1 < len(src) && src[i+1] == '\n' {
			return 2
		}
		return 1
	case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9):
		return 3 // U+2028, U+2029
	}
	return 0
}

// lineStarts returns the offset at which each line of src starts.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i := 0; i < len(src); {
		if n := lineBreakLen(src, i); n > 0 {
			i += n
			starts = append(starts, i)
			continue
		}
		i++
	}
	return starts
}

func clampOffset(off, n int) int {
	if off < 0 {
		return 0
	}
	if off > n {
		return n
	}
	return off
}

func positionFromStarts(src []byte, starts []int, off int) Position {
	off = clampOffset(off, len(src))
	// The last line start that is <= off.
	line := sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
	return Position{
		Offset: off,
		Line:   line + 1,
		Col:    utf8.RuneCount(src[starts[line]:off]) + 1,
	}
}

// positionIn computes a position without a line table, for errors.
func positionIn(src []byte, off int) Position {
	off = clampOffset(off, len(src))
	line, start := 1, 0
	for i := 0; i < off; {
		if n := lineBreakLen(src, i); n > 0 {
			// The LF of a CRLF at off still belongs to the CR's line.
			if i+n > off {
				break
			}
			i += n
			line++
			start = i
			continue
		}
		i++
	}
	return Position{Offset: off, Line: line, Col: utf8.RuneCount(src[start:off]) + 1}
}

// Position returns the line and column of a byte offset in d.Src. Offsets
// outside the source are clamped to it.
func (d *Document) Position(offset int) Position {
	if d.lineStarts == nil {
		return positionIn(d.Src, offset)
	}
	offset = clampOffset(offset, len(d.Src))
	d.pos.Lock()
	defer d.pos.Unlock()
	if last := d.pos.last; d.pos.valid {
		// On the line of the previous call, count only the runes in between
		// (either way), not the whole line again.
		line := last.Line - 1
		if runeStart(d.Src, offset) && runeStart(d.Src, last.Offset) && d.lineStarts[line] <= offset && (line+1 >= len(d.lineStarts) || d.lineStarts[line+1] > offset) {
			p := Position{Offset: offset, Line: last.Line}
			if offset >= last.Offset {
				p.Col = last.Col + utf8.RuneCount(d.Src[last.Offset:offset])
			} else {
				p.Col = last.Col - utf8.RuneCount(d.Src[offset:last.Offset])
			}
			d.pos.last = p
			return p
		}
	}
	p := positionFromStarts(d.Src, d.lineStarts, offset)
	d.pos.last, d.pos.valid = p, true
	return p
}

// runeStart reports whether off is at the start of a character (or the end
// of src): the cache's rune arithmetic holds only between such offsets.
func runeStart(src []byte, off int) bool { return off >= len(src) || utf8.RuneStart(src[off]) }

// ErrorAt returns a SyntaxError for a problem found at offset by a caller
// that interprets the document, so that its messages read like the parser's.
func (d *Document) ErrorAt(offset int, format string, args ...any) *SyntaxError {
	p := d.Position(offset)
	return &SyntaxError{File: d.Filename, Offset: p.Offset, Line: p.Line, Col: p.Col, Msg: fmt.Sprintf(format, args...)}
}
