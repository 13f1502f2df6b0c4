package config

import (
	"math"
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/json5"
)

// Kind is the JSON type of a Value: the parser's kinds, so a value keeps the
// kind it was read with.
type Kind = json5.Kind

const (
	Null   = json5.Null
	Bool   = json5.Bool
	Number = json5.Number
	String = json5.String
	Array  = json5.Array
	Object = json5.Object
)

// Origin says where a value was written: the file, the byte span of the value's
// text in that file, and the 1-based line and column (in characters) of its
// first byte. A zero Origin means the value was not read from a file (a default
// or a value synthesised by the loader).
type Origin struct {
	File  string
	Start int
	End   int
	Line  int
	Col   int
}

// IsZero reports whether the origin is unknown.
func (o Origin) IsZero() bool { return o.File == "" }

// String renders the origin as file:line:col.
func (o Origin) String() string {
	if o.IsZero() {
		return ""
	}
	return o.File + ":" + strconv.Itoa(o.Line) + ":" + strconv.Itoa(o.Col)
}

// Value is one node of the resolved configuration: includes merged, ${VAR}
// substituted. A nil *Value means "absent"; every accessor is nil-safe so that
// checks can write cfg.Get("gateway", "auth", "mode").Str() without guards.
type Value struct {
	Kind    Kind
	Bool    bool
	Num     float64
	Str     string   // String: the value after ${VAR} substitution
	Raw     string   // String: the text before substitution, when it differs
	Elems   []*Value // Array
	Members []Member // Object, in order of first appearance; keys unique (last write wins)
	Origin  Origin
}

// Member is one key of an object.
type Member struct {
	Key       string
	KeyOrigin Origin
	Value     *Value
}

// Get walks object keys. It returns nil as soon as a step is absent or not an object.
func (v *Value) Get(keys ...string) *Value {
	cur := v
	for _, k := range keys {
		if cur == nil || cur.Kind != Object {
			return nil
		}
		cur = cur.member(k)
	}
	return cur
}

func (v *Value) member(key string) *Value {
	for i := range v.Members {
		if v.Members[i].Key == key {
			return v.Members[i].Value
		}
	}
	return nil
}

// Has reports whether the object has the key (whatever its value).
func (v *Value) Has(key string) bool { return v.Get(key) != nil }

// Index returns the i-th element of an array, or nil.
func (v *Value) Index(i int) *Value {
	if v == nil || v.Kind != Array || i < 0 || i >= len(v.Elems) {
		return nil
	}
	return v.Elems[i]
}

// Len is the number of array elements or object members; 0 for anything else.
func (v *Value) Len() int {
	if v == nil {
		return 0
	}
	switch v.Kind {
	case Array:
		return len(v.Elems)
	case Object:
		return len(v.Members)
	}
	return 0
}

// Present reports whether the value exists and is not null.
func (v *Value) Present() bool { return v != nil && v.Kind != Null }

// IsObject, IsArray and IsString test the kind of a possibly absent value.
func (v *Value) IsObject() bool { return v != nil && v.Kind == Object }
func (v *Value) IsArray() bool  { return v != nil && v.Kind == Array }
func (v *Value) IsString() bool { return v != nil && v.Kind == String }

// IsTrue is JavaScript's `=== true`.
func (v *Value) IsTrue() bool { return v != nil && v.Kind == Bool && v.Bool }

// IsFalse is JavaScript's `=== false`.
func (v *Value) IsFalse() bool { return v != nil && v.Kind == Bool && !v.Bool }

// Truthy is JavaScript truthiness.
func (v *Value) Truthy() bool {
	if v == nil {
		return false
	}
	switch v.Kind {
	case Null:
		return false
	case Bool:
		return v.Bool
	case Number:
		return v.Num != 0 && !math.IsNaN(v.Num)
	case String:
		return v.Str != ""
	}
	return true
}

// String returns the string and true when the value is a string.
func (v *Value) String() (string, bool) {
	if v == nil || v.Kind != String {
		return "", false
	}
	return v.Str, true
}

// StringOr returns the string value, or def when the value is absent or not a string.
func (v *Value) StringOr(def string) string {
	if s, ok := v.String(); ok {
		return s
	}
	return def
}

// Trimmed returns the trimmed string value, or "" when absent or not a string.
func (v *Value) Trimmed() string {
	s, _ := v.String()
	return strings.TrimSpace(s)
}

// Number returns the number and true when the value is a number.
func (v *Value) Number() (float64, bool) {
	if v == nil || v.Kind != Number {
		return 0, false
	}
	return v.Num, true
}

// Strings returns the string elements of an array, skipping non-strings.
func (v *Value) Strings() []string {
	if v == nil || v.Kind != Array {
		return nil
	}
	out := make([]string, 0, len(v.Elems))
	for _, e := range v.Elems {
		if s, ok := e.String(); ok {
			out = append(out, s)
		}
	}
	return out
}

// Pairs returns the members of an object, or nil for anything else (also
// for an absent value), so callers can range over it without guards.
func (v *Value) Pairs() []Member {
	if v == nil || v.Kind != Object {
		return nil
	}
	return v.Members
}

// Items returns the elements of an array, or nil for anything else.
func (v *Value) Items() []*Value {
	if v == nil || v.Kind != Array {
		return nil
	}
	return v.Elems
}

// Keys returns the object's keys in order.
func (v *Value) Keys() []string {
	if v == nil || v.Kind != Object {
		return nil
	}
	out := make([]string, len(v.Members))
	for i, m := range v.Members {
		out[i] = m.Key
	}
	return out
}

// Set stores key in an object value, replacing an existing member in place
// (keeping its position) or appending a new one. It is for the loader.
func (v *Value) Set(key string, val *Value, keyOrigin Origin) {
	for i := range v.Members {
		if v.Members[i].Key == key {
			v.Members[i].Value = val
			v.Members[i].KeyOrigin = keyOrigin
			return
		}
	}
	v.Members = append(v.Members, Member{Key: key, KeyOrigin: keyOrigin, Value: val})
}

// setAt is Set for an object being built, with at mapping each key to its
// index in v.Members, so that building an object of n keys costs O(n).
func (v *Value) setAt(at map[string]int, key string, val *Value, keyOrigin Origin) {
	if i, ok := at[key]; ok {
		v.Members[i].Value = val
		v.Members[i].KeyOrigin = keyOrigin
		return
	}
	at[key] = len(v.Members)
	v.Members = append(v.Members, Member{Key: key, KeyOrigin: keyOrigin, Value: val})
}

// Delete removes key from an object value.
func (v *Value) Delete(key string) {
	if v == nil || v.Kind != Object {
		return
	}
	for i := range v.Members {
		if v.Members[i].Key == key {
			v.Members = append(v.Members[:i:i], v.Members[i+1:]...)
			return
		}
	}
}

// RemoveByOrigin removes, from anywhere below v, the member or element whose
// value was read at origin o (same file and start offset). It reports
// whether something was removed. Origins are unique per value read from a
// file, so this identifies one value even after includes were merged.
func (v *Value) RemoveByOrigin(o Origin) bool {
	if v == nil || o.IsZero() {
		return false
	}
	same := func(x *Value) bool { return x.Origin.File == o.File && x.Origin.Start == o.Start }
	switch v.Kind {
	case Object:
		for i, m := range v.Members {
			if same(m.Value) {
				v.Members = append(v.Members[:i:i], v.Members[i+1:]...)
				return true
			}
			if m.Value.RemoveByOrigin(o) {
				return true
			}
		}
	case Array:
		for i, e := range v.Elems {
			if same(e) {
				v.Elems = append(v.Elems[:i:i], v.Elems[i+1:]...)
				return true
			}
			if e.RemoveByOrigin(o) {
				return true
			}
		}
	}
	return false
}

// Clone returns a deep copy.
func (v *Value) Clone() *Value {
	if v == nil {
		return nil
	}
	c := *v
	if v.Elems != nil {
		c.Elems = make([]*Value, len(v.Elems))
		for i, e := range v.Elems {
			c.Elems[i] = e.Clone()
		}
	}
	if v.Members != nil {
		c.Members = make([]Member, len(v.Members))
		for i, m := range v.Members {
			c.Members[i] = Member{Key: m.Key, KeyOrigin: m.KeyOrigin, Value: m.Value.Clone()}
		}
	}
	return &c
}

// NewObject returns an empty object value.
func NewObject() *Value { return &Value{Kind: Object, Members: []Member{}} }

// NewString returns a string value without an origin.
func NewString(s string) *Value { return &Value{Kind: String, Str: s} }

// JoinPath renders a path the way upstream names config paths: dotted keys and
// [i] indices, e.g. agents.list[2].tools.
func JoinPath(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		if strings.HasPrefix(p, "[") {
			b.WriteString(p)
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}
