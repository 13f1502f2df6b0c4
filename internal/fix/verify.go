package fix

import (
	"fmt"
	"math"

	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/json5"
)

// verify re-parses fe.New and checks that it means what fe.Old meant with
// only the planned members changed: no other value, key or include moved.
func verify(fe *FileEdit) error {
	limits := json5.Limits{MaxBytes: config.MaxConfigBytes, MaxDepth: config.MaxNesting}
	oldDoc, err := json5.ParseLimits(fe.Path, fe.Old, limits)
	if err != nil {
		return fmt.Errorf("re-reading the original: %w", err)
	}
	newDoc, err := json5.ParseLimits(fe.Path, fe.New, limits)
	if err != nil {
		return fmt.Errorf("the edited text does not parse: %w", err)
	}
	want := decode(oldDoc.Root)
	for _, c := range fe.Changes {
		if !setPath(want, c.At, c.Want) {
			return fmt.Errorf("%s: the planned member is not an object member", c.Text)
		}
	}
	if got := decode(newDoc.Root); !equal(got, want) {
		return fmt.Errorf("the edited text differs from the original in more than the planned values")
	}
	return nil
}

// member is one decoded object member; objects keep order and duplicates
// collapse to the last occurrence, as the loader reads them.
type member struct {
	key string
	val any
}

type object []member

func decode(n *json5.Node) any {
	switch n.Kind {
	case json5.Null:
		return nil
	case json5.Bool:
		return n.Bool
	case json5.Number:
		return n.Number
	case json5.String:
		return n.Str
	case json5.Array:
		out := make([]any, len(n.Elems))
		for i, e := range n.Elems {
			out[i] = decode(e)
		}
		return out
	case json5.Object:
		var out object
		for _, m := range n.Members {
			out = out.set(m.Key, decode(m.Value))
		}
		return &out
	}
	return nil
}

func (o object) set(key string, v any) object {
	for i := range o {
		if o[i].key == key {
			o[i].val = v
			return o
		}
	}
	return append(o, member{key, v})
}

// setPath sets the member at path below root to v, creating the last key.
func setPath(root any, path []string, v any) bool {
	cur, ok := root.(*object)
	if !ok || len(path) == 0 {
		return false
	}
	for i, k := range path {
		if i == len(path)-1 {
			*cur = cur.set(k, toDecoded(v))
			return true
		}
		var next *object
		for _, m := range *cur {
			if m.key == k {
				next, _ = m.val.(*object)
			}
		}
		if next == nil {
			return false
		}
		cur = next
	}
	return false
}

// toDecoded turns a planned value (string, []any, map for a new account)
// into the decoded form.
func toDecoded(v any) any {
	switch x := v.(type) {
	case map[string]any:
		// Only ever one key: the groupAllowFrom of a new account.
		var o object
		for k, val := range x {
			o = o.set(k, toDecoded(val))
		}
		return &o
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = toDecoded(e)
		}
		return out
	}
	return v
}

func equal(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case float64:
		y, ok := b.(float64)
		return ok && (x == y && math.Signbit(x) == math.Signbit(y) || math.IsNaN(x) && math.IsNaN(y))
	case string:
		y, ok := b.(string)
		return ok && x == y
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equal(x[i], y[i]) {
				return false
			}
		}
		return true
	case *object:
		y, ok := b.(*object)
		if !ok || len(*x) != len(*y) {
			return false
		}
		for i := range *x {
			if (*x)[i].key != (*y)[i].key || !equal((*x)[i].val, (*y)[i].val) {
				return false
			}
		}
		return true
	}
	return false
}
