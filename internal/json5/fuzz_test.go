package json5

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func addSeeds(f *testing.F) {
	for _, c := range validCases {
		f.Add([]byte(c.src))
	}
	for _, c := range errorCases {
		f.Add([]byte(c.src))
	}
	for _, c := range append(slices.Clone(setCases), removeCases...) {
		f.Add([]byte(c.src))
	}
	for _, od := range oracleDifferences {
		f.Add([]byte(od.example))
	}
}

// FuzzParse checks that any input either fails with a well-formed
// SyntaxError or yields a tree that rebuilds the input exactly and parses
// back to itself, and that StrictJSON agrees with encoding/json.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Parse("fuzz.json5", src)
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T is not a *SyntaxError: %v", err, err)
			}
			if se.Offset < 0 || se.Offset > len(src) || se.Line < 1 || se.Col < 1 || se.Msg == "" {
				t.Fatalf("malformed error %+v", se)
			}
			if p := positionIn(src, se.Offset); p.Line != se.Line || p.Col != se.Col {
				t.Fatalf("error at %d says %d:%d, the offset is at %v", se.Offset, se.Line, se.Col, p)
			}
			// encoding/json lets invalid UTF-8 through in strings.
			if json.Valid(src) && utf8.Valid(src) && !strings.Contains(se.Msg, "nesting depth") {
				t.Fatalf("strict JSON rejected: %v", err)
			}
			return
		}
		if got := d.Text(); string(got) != string(src) {
			t.Fatalf("Text() = %q, want %q", got, src)
		}
		d2, err := Parse("fuzz.json5", d.Text())
		if err != nil {
			t.Fatalf("re-parsing Text(): %v", err)
		}
		if err := sameTree(d.Root, d2.Root); err != nil {
			t.Fatalf("re-parsed tree differs: %v", err)
		}
		if d.StrictJSON != json.Valid(src) {
			t.Fatalf("StrictJSON = %v, encoding/json says %v", d.StrictJSON, !d.StrictJSON)
		}
		if d.StrictJSON {
			var v any
			if json.Unmarshal(src, &v) == nil && !sameValue(plain(d.Root), v, true) {
				t.Fatalf("strict JSON decodes to %s, encoding/json %s", show(plain(d.Root)), show(v))
			}
		}
		last := 0
		for _, c := range d.Comments() {
			if c.Start < last || c.End <= c.Start || src[c.Start] != '/' {
				t.Fatalf("bad comment span %+v", c)
			}
			last = c.End
		}
	})
}

// FuzzOracle compares verdicts and values with the independent decoder,
// modulo the documented oracleDifferences.
func FuzzOracle(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		if msg := compareWithOracle(src); msg != "" {
			t.Fatal(msg)
		}
	})
}

// objectRef locates an object by the child indexes leading to it, so that
// the same object can be found again in the edited document.
type objectRef struct {
	path []int
	node *Node
}

func collectObjects(n *Node, path []int, out *[]objectRef, limit int) {
	if len(*out) >= limit {
		return
	}
	switch n.Kind {
	case Object:
		*out = append(*out, objectRef{slices.Clone(path), n})
		for i, m := range n.Members {
			collectObjects(m.Value, append(path, i), out, limit)
		}
	case Array:
		for i, e := range n.Elems {
			collectObjects(e, append(path, i), out, limit)
		}
	}
}

func follow(n *Node, path []int) *Node {
	for _, i := range path {
		switch {
		case n.Kind == Object && i < len(n.Members):
			n = n.Members[i].Value
		case n.Kind == Array && i < len(n.Elems):
			n = n.Elems[i]
		default:
			return nil
		}
	}
	return n
}

func keysOf(n *Node) []string {
	keys := make([]string, len(n.Members))
	for i, m := range n.Members {
		keys[i] = m.Key
	}
	return keys
}

// FuzzEdit removes each member of each object, adds members and replaces
// values, checking every time that the result parses, that comments
// outside the edit survive, that exactly the intended change happened,
// and that strict JSON stays strict JSON.
func FuzzEdit(f *testing.F) {
	addSeeds(f)
	f.Fuzz(checkEdits)
}

func checkEdits(t *testing.T, src []byte) {
	{
		d, err := Parse("fuzz.json5", src)
		if err != nil {
			return
		}
		var objs []objectRef
		collectObjects(d.Root, nil, &objs, 8)
		check := func(what string, edits []Edit, ref objectRef, wantKeys []string) *Node {
			nd, err := applyChecked(t, d, edits)
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			if d.StrictJSON && !nd.StrictJSON {
				t.Fatalf("%s: strict JSON %q became %q", what, d.Src, nd.Src)
			}
			o := follow(nd.Root, ref.path)
			if o == nil || o.Kind != Object {
				t.Fatalf("%s: object at %v is gone from %q", what, ref.path, nd.Src)
			}
			if got := keysOf(o); !slices.Equal(got, wantKeys) {
				t.Fatalf("%s: keys %q, want %q\nbefore: %q\nafter:  %q", what, got, wantKeys, d.Src, nd.Src)
			}
			return o
		}
		for _, ref := range objs {
			o := ref.node
			keys := keysOf(o)
			for i, m := range o.Members {
				if i >= 8 {
					break
				}
				want := slices.Delete(slices.Clone(keys), i, i+1)
				check("remove "+m.Key, d.RemoveMember(o, m), ref, want)
			}
			for _, key := range []string{"zzNew", "zz new\"'\\"} {
				if o.Lookup(key) != nil {
					continue
				}
				got := check("add "+key, d.SetMember(o, key, "42"), ref, append(slices.Clone(keys), key))
				if v := got.Lookup(key).Value; v.Kind != Number || v.Number != 42 {
					t.Fatalf("added %q reads back as %s", key, show(plain(v)))
				}
			}
			if len(o.Members) > 0 {
				key := o.Members[len(o.Members)-1].Key
				got := check("set "+key, d.SetMember(o, key, `"fuzz"`), ref, keys)
				if v := got.Lookup(key).Value; v.Str != "fuzz" {
					t.Fatalf("set %q reads back as %s", key, show(plain(v)))
				}
			}
		}
	}
}
