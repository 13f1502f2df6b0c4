package json5

// Text rebuilds the source from the tree: every token and every span of
// trivia the parser attributed to a node, in order. It equals Src exactly;
// the tests hold it to that, which proves no byte of the input is left
// unaccounted for by the tree that edits are computed from.
func (d *Document) Text() []byte {
	if d.Root == nil {
		return nil
	}
	b := make([]byte, 0, len(d.Src))
	return d.appendSlot(b, d.Root)
}

func (d *Document) appendSpan(b []byte, s Span) []byte {
	return append(b, d.Src[s.Start:s.End]...)
}

func (d *Document) appendSlot(b []byte, n *Node) []byte {
	b = d.appendSpan(b, n.Before)
	b = d.appendValue(b, n)
	return d.appendSpan(b, n.After)
}

func (d *Document) appendValue(b []byte, n *Node) []byte {
	switch n.Kind {
	case Object:
		b = append(b, '{')
		for _, m := range n.Members {
			b = d.appendSpan(b, m.Before)
			b = append(b, d.Src[m.KeyStart:m.KeyEnd]...)
			b = d.appendSpan(b, m.AfterKey)
			b = append(b, ':')
			b = d.appendSlot(b, m.Value)
			if m.Comma >= 0 {
				b = append(b, ',')
			}
		}
		b = d.appendSpan(b, n.Tail)
		return append(b, '}')
	case Array:
		b = append(b, '[')
		for _, e := range n.Elems {
			b = d.appendSlot(b, e)
			if e.Comma >= 0 {
				b = append(b, ',')
			}
		}
		b = d.appendSpan(b, n.Tail)
		return append(b, ']')
	}
	return append(b, d.Src[n.Start:n.End]...)
}

// Comment is one comment in the source. A line comment's span stops before
// its line terminator; a block comment's span includes "*/".
type Comment struct {
	Span
	Block bool
}

// Comments returns every comment of the document in source order.
func (d *Document) Comments() []Comment {
	var out []Comment
	if d.Root == nil {
		return nil
	}
	d.walkTrivia(d.Root, func(s Span) {
		for _, pc := range splitTrivia(d.Src, s) {
			if pc.kind != pieceSpace {
				out = append(out, Comment{Span: pc.Span, Block: pc.kind == pieceBlockComment})
			}
		}
	})
	return out
}

// walkTrivia calls f for each trivia span of the slot n in source order.
func (d *Document) walkTrivia(n *Node, f func(Span)) {
	f(n.Before)
	switch n.Kind {
	case Object:
		for _, m := range n.Members {
			f(m.Before)
			f(m.AfterKey)
			d.walkTrivia(m.Value, f)
		}
		f(n.Tail)
	case Array:
		for _, e := range n.Elems {
			d.walkTrivia(e, f)
		}
		f(n.Tail)
	}
	f(n.After)
}

type pieceKind uint8

const (
	pieceSpace pieceKind = iota
	pieceLineComment
	pieceBlockComment
)

type piece struct {
	Span
	kind pieceKind
}

// splitTrivia cuts a trivia span, which the parser has already validated,
// into runs of whitespace and single comments.
func splitTrivia(src []byte, s Span) []piece {
	var out []piece
	i := s.Start
	for i < s.End {
		start := i
		switch {
		case src[i] == '/' && i+1 < s.End && src[i+1] == '/':
			for i < s.End && lineBreakLen(src, i) == 0 {
				i++
			}
			out = append(out, piece{Span{start, i}, pieceLineComment})
		case src[i] == '/' && i+1 < s.End && src[i+1] == '*':
			i += 2
			for i+1 < s.End && !(src[i] == '*' && src[i+1] == '/') {
				i++
			}
			i = min(i+2, s.End)
			out = append(out, piece{Span{start, i}, pieceBlockComment})
		default:
			for i < s.End && src[i] != '/' {
				i++
			}
			out = append(out, piece{Span{start, i}, pieceSpace})
		}
	}
	return out
}
