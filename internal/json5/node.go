package json5

import (
	"fmt"
	"sync"
)

// Kind is the type of a JSON5 value.
type Kind uint8

// The zero Kind is deliberately invalid so that an unset Node is noticed.
const (
	Null Kind = iota + 1
	Bool
	Number
	String
	Array
	Object
)

func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "boolean"
	case Number:
		return "number"
	case String:
		return "string"
	case Array:
		return "array"
	case Object:
		return "object"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Span is a half-open byte range [Start, End) of Document.Src. Spans that
// hold trivia contain only whitespace and comments.
type Span struct {
	Start, End int
}

// Len is the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Node is one value of the tree.
//
// Besides the decoded value, a node records the trivia around it inside the
// slot its parent gives it, so that the tree alone can reproduce the source.
type Node struct {
	Kind Kind
	// Start and End span the value's own text: the quotes of a string, the
	// sign of a number, the brackets of an array or object.
	Start, End int

	Bool   bool
	Number float64 // hex, Infinity and NaN decoded; -0 keeps its sign
	Str    string  // decoded string value
	// Quote is the quote character of a String: '"' or '\''.
	Quote byte

	Members []*Member // Object, in source order, duplicates included
	Elems   []*Node   // Array

	// Before is the trivia in front of the value: after '[' or the previous
	// comma for an array element, after the colon for a member value, from
	// the start of the file for the root.
	Before Span
	// After is the trivia behind the value, up to the following comma or
	// closing bracket (or the end of the file for the root).
	After Span
	// Comma is the offset of the comma that follows an array element, or -1.
	Comma int
	// Tail is the trivia of an Array or Object between the last comma (or
	// the opening bracket when empty) and the closing bracket. When the last
	// element has no comma its After holds that trivia and Tail is empty.
	Tail Span
}

// Member is one key: value pair of an object.
type Member struct {
	Key              string // decoded
	KeyStart, KeyEnd int    // the key token, quotes included
	// KeyQuote is '"' or '\'' for a quoted key and 0 for an identifier.
	KeyQuote byte
	// Before is the trivia in front of the key, after '{' or the previous comma.
	Before Span
	// AfterKey is the trivia between the key and the colon.
	AfterKey Span
	Colon    int
	Value    *Node
	// Comma is the offset of the comma that follows the member, or -1.
	Comma int
}

// Duplicate records a key that appears more than once in one object. The
// parser keeps every occurrence in Node.Members; Lookup returns the last.
type Duplicate struct {
	Key    string
	Object *Node
	// First is the first occurrence of Key in Object, Second a later one.
	// A key written three times yields two Duplicates sharing First.
	First, Second *Member
}

// Document is a parsed JSON5 text.
type Document struct {
	Filename string
	Src      []byte
	Root     *Node
	// StrictJSON reports whether Src is also valid RFC 8259 JSON, the
	// reference's first attempt before it falls back to JSON5. The decoded
	// values are the same either way.
	StrictJSON bool
	// Duplicates lists repeated keys in source order of the repetition.
	Duplicates []Duplicate

	lineStarts []int
	// pos remembers the last position computed, so that walking a document
	// in source order counts each long line's runes once, not once per value.
	pos struct {
		sync.Mutex
		valid bool
		last  Position
	}
}

// Lookup returns the last member of an object with the given key, matching
// the "last one wins" rule, or nil if o is not an object or has no such key.
func (o *Node) Lookup(key string) *Member {
	if o == nil || o.Kind != Object {
		return nil
	}
	for i := len(o.Members) - 1; i >= 0; i-- {
		if o.Members[i].Key == key {
			return o.Members[i]
		}
	}
	return nil
}

// Span returns the span of the value's own text.
func (o *Node) Span() Span { return Span{o.Start, o.End} }
