package json5

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// plain converts a tree to the values encoding/json would produce, so
// that expectations and oracles can be written as ordinary Go values.
// Duplicate keys resolve to the last value.
func plain(n *Node) any {
	switch n.Kind {
	case Null:
		return nil
	case Bool:
		return n.Bool
	case Number:
		return n.Number
	case String:
		return n.Str
	case Array:
		out := make([]any, len(n.Elems))
		for i, e := range n.Elems {
			out[i] = plain(e)
		}
		return out
	case Object:
		out := make(map[string]any, len(n.Members))
		for _, m := range n.Members {
			out[m.Key] = plain(m.Value)
		}
		return out
	}
	return fmt.Sprintf("<bad kind %d>", n.Kind)
}

// sameValue compares decoded values; NaN equals NaN and -0 differs from 0
// unless loose is set (for oracles that drop the sign of zero).
func sameValue(a, b any, loose bool) bool {
	switch a := a.(type) {
	case nil:
		return b == nil
	case bool, string:
		return a == b
	case float64:
		b, ok := b.(float64)
		if !ok {
			return false
		}
		if math.IsNaN(a) || math.IsNaN(b) {
			return math.IsNaN(a) && math.IsNaN(b)
		}
		return a == b && (loose || math.Signbit(a) == math.Signbit(b))
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !sameValue(a[i], b[i], loose) {
				return false
			}
		}
		return true
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, v := range a {
			w, ok := b[k]
			if !ok || !sameValue(v, w, loose) {
				return false
			}
		}
		return true
	}
	return false
}

// show renders a decoded value deterministically for failure messages.
func show(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return fmt.Sprintf("%q", v)
	case float64:
		if v == 0 && math.Signbit(v) {
			return "-0"
		}
		return fmt.Sprint(v)
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = show(e)
		}
		return "[" + strings.Join(parts, ",") + "]"
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%q:%s", k, show(v[k]))
		}
		return "{" + strings.Join(parts, ",") + "}"
	}
	return fmt.Sprintf("%T(%v)", v, v)
}

// sameTree compares two trees structurally, spans included, which is what
// re-parsing the rebuilt text of a document must give back.
func sameTree(a, b *Node) error {
	if a.Kind != b.Kind || a.Start != b.Start || a.End != b.End || a.Before != b.Before || a.After != b.After || a.Comma != b.Comma || a.Tail != b.Tail {
		return fmt.Errorf("node at %d: %+v vs %+v", a.Start, *a, *b)
	}
	if !sameValue(plainScalar(a), plainScalar(b), false) || a.Quote != b.Quote {
		return fmt.Errorf("value at %d differs", a.Start)
	}
	if len(a.Members) != len(b.Members) || len(a.Elems) != len(b.Elems) {
		return fmt.Errorf("children at %d differ", a.Start)
	}
	for i, m := range a.Members {
		o := b.Members[i]
		if m.Key != o.Key || m.KeyStart != o.KeyStart || m.KeyEnd != o.KeyEnd || m.KeyQuote != o.KeyQuote ||
			m.Before != o.Before || m.AfterKey != o.AfterKey || m.Colon != o.Colon || m.Comma != o.Comma {
			return fmt.Errorf("member %q at %d differs", m.Key, m.KeyStart)
		}
		if err := sameTree(m.Value, o.Value); err != nil {
			return err
		}
	}
	for i, e := range a.Elems {
		if err := sameTree(e, b.Elems[i]); err != nil {
			return err
		}
	}
	return nil
}

func plainScalar(n *Node) any {
	if n.Kind == Array || n.Kind == Object {
		return nil
	}
	return plain(n)
}
