package json5

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// applyChecked applies edits to d and checks what every edit must keep:
// the result parses, and every comment outside the edited ranges is still
// there, unchanged, in the same order.
func applyChecked(t testing.TB, d *Document, edits []Edit) (*Document, error) {
	t.Helper()
	out, err := Apply(d.Src, edits)
	if err != nil {
		return nil, fmt.Errorf("Apply: %w", err)
	}
	nd, err := Parse(d.Filename, out)
	if err != nil {
		return nil, fmt.Errorf("result does not parse: %w\nbefore: %q\nafter:  %q", err, d.Src, out)
	}
	for _, c := range d.Comments() {
		shift, touched := 0, false
		for _, e := range edits {
			if e.Start < c.End && c.Start < e.End || c.Start < e.Start && e.Start < c.End {
				touched = true
				break
			}
			if e.End <= c.Start {
				shift += len(e.New) - (e.End - e.Start)
			}
		}
		if touched {
			continue
		}
		at := c.Start + shift
		want := string(d.Src[c.Start:c.End])
		if at < 0 || at+len(want) > len(out) || string(out[at:at+len(want)]) != want {
			return nil, fmt.Errorf("comment %q at %d was lost\nbefore: %q\nafter:  %q", want, c.Start, d.Src, out)
		}
	}
	return nd, nil
}

func TestApply(t *testing.T) {
	src := []byte("0123456789")
	cases := []struct {
		edits []Edit
		want  string
		err   string
	}{
		{nil, "0123456789", ""},
		{[]Edit{{2, 4, "ab"}}, "01ab456789", ""},
		{[]Edit{{8, 10, ""}, {0, 1, "x"}}, "x1234567", ""},
		{[]Edit{{3, 3, "a"}, {3, 3, "a"}}, "012a3456789", ""},
		{[]Edit{{3, 3, "a"}, {3, 3, "b"}}, "", "edits [3,3) and [3,3) overlap"},
		{[]Edit{{3, 5, "-"}, {3, 3, "+"}}, "012+-56789", ""},
		{[]Edit{{3, 5, "-"}, {5, 5, "+"}}, "012-+56789", ""},
		{[]Edit{{3, 5, "-"}, {3, 5, "-"}}, "012-56789", ""},
		{[]Edit{{10, 10, "!"}}, "0123456789!", ""},
		{[]Edit{{3, 5, "-"}, {4, 6, "+"}}, "", "edits [3,5) and [4,6) overlap"},
		{[]Edit{{3, 5, "-"}, {3, 5, "+"}}, "", "overlap"},
		{[]Edit{{2, 6, ""}, {4, 4, "x"}}, "", "overlap"},
		{[]Edit{{5, 11, ""}}, "", "edit [5,11) is outside the source of 10 bytes"},
		{[]Edit{{-1, 2, ""}}, "", "outside"},
		{[]Edit{{4, 3, ""}}, "", "outside"},
	}
	for _, tc := range cases {
		got, err := Apply(src, tc.edits)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("Apply(%v) error = %v, want %q", tc.edits, err, tc.err)
			}
			continue
		}
		if err != nil || string(got) != tc.want {
			t.Errorf("Apply(%v) = %q, %v; want %q", tc.edits, got, err, tc.want)
		}
	}
	if string(src) != "0123456789" {
		t.Errorf("Apply modified its input: %q", src)
	}
}

func TestReplaceValue(t *testing.T) {
	src := "{\n  // port\n  port: 8080, /* old */\n  list: [1, 'two'],\n}"
	d := parseOK(t, src)
	edits := []Edit{
		d.ReplaceValue(d.Root.Lookup("port").Value, "9090"),
		d.ReplaceValue(d.Root.Lookup("list").Value.Elems[1], `"three"`),
	}
	nd, err := applyChecked(t, d, edits)
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  // port\n  port: 9090, /* old */\n  list: [1, \"three\"],\n}"
	if got := string(nd.Src); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// editCase describes one SetMember or RemoveMember call on the object at
// path (a dot-separated list of keys from the root) and its exact result.
type editCase struct {
	name, src string
	path      string
	set       [2]string // key, value text; used when remove is empty
	remove    string    // key to remove; with "#n", the n-th occurrence
	want      string
}

var setCases = []editCase{
	{name: "empty", src: `{}`, set: [2]string{"a", "1"}, want: `{"a": 1}`},
	{name: "empty blank", src: `{ }`, set: [2]string{"a", "1"}, want: `{ "a": 1 }`},
	{name: "empty comment", src: `{ /* none */ }`, set: [2]string{"a", "1"}, want: `{ /* none */ "a": 1 }`},
	{name: "empty lines", src: "{\n}", set: [2]string{"a", "1"}, want: "{\n  \"a\": 1\n}"},
	{name: "empty line comment", src: "{ // nothing yet\n}", set: [2]string{"a", "1"}, want: "{ // nothing yet\n  \"a\": 1\n}"},
	{name: "empty commented lines", src: "{\n  // a: 0,\n}", set: [2]string{"a", "1"}, want: "{\n  // a: 0,\n  \"a\": 1\n}"},
	{
		name: "empty nested", path: "gateway",
		src:  "{\n    mode: 'x',\n    gateway: {\n    },\n}",
		set:  [2]string{"bind", "'lan'"},
		want: "{\n    mode: 'x',\n    gateway: {\n        bind: 'lan'\n    },\n}",
	},
	{name: "existing", src: `{a: 1, b: 2}`, set: [2]string{"a", "3"}, want: `{a: 3, b: 2}`},
	{name: "existing duplicate", src: `{a: 1, a: 2}`, set: [2]string{"a", "3"}, want: `{a: 1, a: 3}`},
	{name: "inline", src: `{a: 1}`, set: [2]string{"b", "2"}, want: `{a: 1, b: 2}`},
	{name: "inline tight", src: `{"a":1,"b":2}`, set: [2]string{"c", "3"}, want: `{"a":1,"b":2,"c":3}`},
	{name: "inline trailing comma", src: `{a: 1, b: 2,}`, set: [2]string{"c", "3"}, want: `{a: 1, b: 2, c: 3,}`},
	{name: "inline comment", src: `{a: 1 /* c */} // after`, set: [2]string{"b", "2"}, want: `{a: 1, b: 2 /* c */} // after`},
	{name: "inline line comment", src: "{a: 1 // c\n}", set: [2]string{"b", "2"}, want: "{a: 1, b: 2 // c\n}"},
	{name: "single quotes", src: `{'a': 1}`, set: [2]string{"it's", "2"}, want: `{'a': 1, 'it\'s': 2}`},
	{name: "unquoted needs quotes", src: `{a: 1}`, set: [2]string{"b-c", "2"}, want: `{a: 1, "b-c": 2}`},
	{name: "double quotes", src: `{"a": 1}`, set: [2]string{"b", "2"}, want: `{"a": 1, "b": 2}`},
	{name: "colon style", src: `{"a" : 1}`, set: [2]string{"b", "2"}, want: `{"a" : 1, "b" : 2}`},
	{
		name: "lines",
		src:  "{\n  // lead\n  a: 1, // about a\n  b: 2 // about b\n}\n",
		set:  [2]string{"c", "3"},
		want: "{\n  // lead\n  a: 1, // about a\n  b: 2, // about b\n  c: 3\n}\n",
	},
	{
		name: "lines no comment",
		src:  "{\n\t\"a\": 1,\n\t\"b\": 2\n}",
		set:  [2]string{"c", "3"},
		want: "{\n\t\"a\": 1,\n\t\"b\": 2,\n\t\"c\": 3\n}",
	},
	{
		name: "lines trailing comma",
		src:  "{\n    \"a\": 1,\n    // \"b\": 2,\n}",
		set:  [2]string{"b", "2"},
		want: "{\n    \"a\": 1,\n    // \"b\": 2,\n    \"b\": 2,\n}",
	},
	{
		name: "lines comments after last",
		src:  "{\n  a: 1 // x\n  /* end */\n}",
		set:  [2]string{"b", "2"},
		want: "{\n  a: 1, // x\n  /* end */\n  b: 2\n}",
	},
	{
		name: "lines crlf",
		src:  "{\r\n  a: 1\r\n}\r\n",
		set:  [2]string{"b", "2"},
		want: "{\r\n  a: 1,\r\n  b: 2\r\n}\r\n",
	},
	{
		name: "lines closing on last line",
		src:  "{\n  a: 1}",
		set:  [2]string{"b", "2"},
		want: "{\n  a: 1,\n  b: 2}",
	},
	{
		name: "nested", path: "channels.telegram",
		src:  "{\n  channels: {\n    telegram: {\n      enabled: true,\n    },\n  },\n}",
		set:  [2]string{"dmPolicy", `"pairing"`},
		want: "{\n  channels: {\n    telegram: {\n      enabled: true,\n      dmPolicy: \"pairing\",\n    },\n  },\n}",
	},
}

var removeCases = []editCase{
	{name: "only", src: `{a: 1}`, remove: "a", want: `{}`},
	{name: "only blank", src: `{ a: 1 }`, remove: "a", want: `{ }`},
	{name: "inline first", src: `{a: 1, b: 2, c: 3}`, remove: "a", want: `{b: 2, c: 3}`},
	{name: "inline middle", src: `{a: 1, b: 2, c: 3}`, remove: "b", want: `{a: 1, c: 3}`},
	{name: "inline last", src: `{a: 1, b: 2, c: 3}`, remove: "c", want: `{a: 1, b: 2}`},
	{name: "inline tight", src: `{"a":1,"b":2}`, remove: "b", want: `{"a":1}`},
	{name: "inline trailing comma", src: `{a: 1, b: 2,}`, remove: "b", want: `{a: 1,}`},
	{name: "inline comments", src: `{a: 1 /* x */, /* y */ b: 2}`, remove: "b", want: `{a: 1 /* x */ /* y */}`},
	{name: "duplicate first", src: `{a: 1, a: 2}`, remove: "a#0", want: `{a: 2}`},
	{name: "duplicate last", src: `{a: 1, a: 2}`, remove: "a#1", want: `{a: 1}`},
	{
		name:   "line middle",
		src:    "{\n  a: 1, // about a\n  // about b\n  b: 2, // trailing b\n  c: 3\n}",
		remove: "b",
		want:   "{\n  a: 1, // about a\n  // about b\n  c: 3\n}",
	},
	{
		name:   "line first",
		src:    "{\n  a: 1, // about a\n  // about b\n  b: 2, // trailing b\n  c: 3\n}",
		remove: "a",
		want:   "{\n  // about b\n  b: 2, // trailing b\n  c: 3\n}",
	},
	{
		name:   "line last",
		src:    "{\n  a: 1, // about a\n  b: 2, // trailing b\n  c: 3 /* about c */\n  // end\n}",
		remove: "c",
		want:   "{\n  a: 1, // about a\n  b: 2 // trailing b\n  // end\n}",
	},
	{
		name:   "line last trailing comma",
		src:    "{\n  a: 1,\n  b: 2,\n}",
		remove: "b",
		want:   "{\n  a: 1,\n}",
	},
	{
		name:   "line only",
		src:    "{\n  a: 1\n}",
		remove: "a",
		want:   "{\n}",
	},
	{
		name:   "line multi-line value",
		src:    "{\n  a: {\n    x: 1, // inner\n  }, // a\n  b: 2\n}",
		remove: "a",
		want:   "{\n  b: 2\n}",
	},
	{
		name:   "line crlf",
		src:    "{\r\n  a: 1,\r\n  b: 2\r\n}",
		remove: "a",
		want:   "{\r\n  b: 2\r\n}",
	},
	{
		name:   "shared line first",
		src:    "{\n  a: 1, b: 2\n}",
		remove: "a",
		want:   "{\n  b: 2\n}",
	},
	{
		name:   "shared line last",
		src:    "{\n  a: 1, b: 2\n}",
		remove: "b",
		want:   "{\n  a: 1\n}",
	},
	{
		name:   "closing on same line",
		src:    "{\n  a: 1, // x\n  b: 2 }",
		remove: "b",
		want:   "{\n  a: 1 // x\n }",
	},
	{
		name:   "block comment spanning lines",
		src:    "{\n  a: 1, /* one\n  two */\n  b: 2\n}",
		remove: "a",
		want:   "{\n  /* one\n  two */\n  b: 2\n}",
	},
	{
		name: "nested", path: "gateway",
		src:    "{\n  gateway: {\n    bind: \"lan\", // risky\n    port: 18789,\n  },\n}",
		remove: "bind",
		want:   "{\n  gateway: {\n    port: 18789,\n  },\n}",
	},
}

func objectAt(t testing.TB, d *Document, path string) *Node {
	t.Helper()
	n := d.Root
	if path != "" {
		for _, k := range strings.Split(path, ".") {
			m := n.Lookup(k)
			if m == nil {
				t.Fatalf("no key %q in path %q", k, path)
			}
			n = m.Value
		}
	}
	if n.Kind != Object {
		t.Fatalf("%q is a %v", path, n.Kind)
	}
	return n
}

func runEditCase(t *testing.T, tc editCase) {
	d := parseOK(t, tc.src)
	o := objectAt(t, d, tc.path)
	var edits []Edit
	if tc.remove != "" {
		key, nth := tc.remove, -1
		if i := strings.IndexByte(key, '#'); i >= 0 {
			fmt.Sscan(key[i+1:], &nth)
			key = key[:i]
		}
		var m *Member
		seen := 0
		for _, mm := range o.Members {
			if mm.Key == key {
				if nth < 0 || seen == nth {
					m = mm
				}
				seen++
			}
		}
		edits = d.RemoveMember(o, m)
	} else {
		edits = d.SetMember(o, tc.set[0], tc.set[1])
	}
	nd, err := applyChecked(t, d, edits)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(nd.Src); got != tc.want {
		t.Errorf("edits %+v\ngot  %q\nwant %q", edits, got, tc.want)
	}
	if d.StrictJSON && !nd.StrictJSON {
		t.Errorf("a strict JSON document is no longer strict: %q", nd.Src)
	}
}

func TestSetMember(t *testing.T) {
	for _, tc := range setCases {
		t.Run(tc.name, func(t *testing.T) { runEditCase(t, tc) })
	}
	d := parseOK(t, `[1]`)
	if e := d.SetMember(d.Root, "a", "1"); e != nil {
		t.Errorf("SetMember on an array = %v, want nil", e)
	}
}

func TestRemoveMember(t *testing.T) {
	for _, tc := range removeCases {
		t.Run(tc.name, func(t *testing.T) { runEditCase(t, tc) })
	}
	d := parseOK(t, `{a: {b: 1}}`)
	inner := d.Root.Members[0].Value
	if e := d.RemoveMember(d.Root, inner.Members[0]); e != nil {
		t.Errorf("RemoveMember of another object's member = %v, want nil", e)
	}
	if e := d.RemoveMember(inner.Members[0].Value, nil); e != nil {
		t.Errorf("RemoveMember on a number = %v, want nil", e)
	}
}

// TestEditsCombine checks that independent edits to one document can be
// applied together, as a fix plan does.
func TestEditsCombine(t *testing.T) {
	src := "{\n  // gateway settings\n  gateway: {\n    bind: 'lan', // exposed\n    auth: {mode: 'none'},\n  },\n  logging: {redactSensitive: 'off'},\n  agents: {},\n}\n"
	d := parseOK(t, src)
	gw := d.Root.Lookup("gateway").Value
	var edits []Edit
	edits = append(edits, d.SetMember(gw, "bind", "'loopback'")...)
	edits = append(edits, d.SetMember(gw.Lookup("auth").Value, "mode", "'token'")...)
	edits = append(edits, d.RemoveMember(d.Root, d.Root.Lookup("logging"))...)
	edits = append(edits, d.SetMember(d.Root, "tools", "{}")...)
	nd, err := applyChecked(t, d, edits)
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  // gateway settings\n  gateway: {\n    bind: 'loopback', // exposed\n    auth: {mode: 'token'},\n  },\n  agents: {},\n  tools: {},\n}\n"
	if got := string(nd.Src); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}

	// Two members appended to one object both anchor after its last
	// member: Apply reports the conflict instead of writing two commas.
	twice := append(d.SetMember(d.Root, "a1", "1"), d.SetMember(d.Root, "a2", "2")...)
	if _, err := Apply(d.Src, twice); err == nil || !strings.Contains(err.Error(), "overlap") {
		t.Errorf("two appends applied together: %v", err)
	}

	// Appending after the member being removed anchors on text that goes
	// away: Apply reports the conflict instead of guessing.
	conflict := append(d.RemoveMember(d.Root, d.Root.Lookup("agents")), d.SetMember(d.Root, "tools", "{}")...)
	if _, err := Apply(d.Src, conflict); err == nil || !strings.Contains(err.Error(), "overlap") {
		t.Errorf("conflicting edits applied: %v", err)
	}
}

func TestQuote(t *testing.T) {
	cases := map[string]string{
		"":             `""`,
		"plain":        `"plain"`,
		`a"b\c`:        `"a\"b\\c"`,
		"<&>'":         `"<&>'"`,
		"\n\r\t\b\f":   `"\n\r\t\b\f"`,
		"\x00\x1f\x7f": `"\u0000\u001f` + "\x7f\"",
		"\u2028\u2029": `"\u2028\u2029"`,
		"é😀":           `"é😀"`,
		"bad\xff":      "\"bad\ufffd\"",
	}
	for in, want := range cases {
		got := Quote(in)
		if got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
		d, err := Parse("", []byte(got))
		if err != nil || !d.StrictJSON {
			t.Errorf("Quote(%q) = %s is not strict JSON: %v", in, got, err)
			continue
		}
		if in != "bad\xff" && d.Root.Str != in {
			t.Errorf("Quote(%q) reads back as %q", in, d.Root.Str)
		}
	}
	if got := quoteWith("it's \"x\"", '\''); got != `'it\'s "x"'` {
		t.Errorf("single-quoted = %s", got)
	}
}

// TestEditsGenerated runs the edit checks of FuzzEdit over documents built
// to mix every layout the edit helpers distinguish: members on shared or
// own lines, comments before and after commas, trailing commas, CRLF. The
// strict round holds the edits to keeping strict JSON strict.
func TestEditsGenerated(t *testing.T) {
	for _, strict := range []bool{false, true} {
		rng := rand.New(rand.NewPCG(1, 2))
		trivia := []string{"", "", " ", " ", "\n  ", "\n    ", " // note\n  ", "/* c */", " /* c */ ", "\n  /* two\n  lines */\n  ", "\r\n  ", "\t", "\n\n  ", "\n  // own line\n  "}
		keys := []string{"a", "b", "'c'", `"d"`, "e_1", "$f", `"g h"`}
		scalars := []string{"1", "-2.5", "true", "null", `"s"`, "'t'", "0x1F"}
		if strict {
			trivia = []string{"", "", " ", "\n  ", "\n    ", "\r\n  ", "\t", "\n\n  "}
			keys = []string{`"a"`, `"b"`, `"g h"`}
			scalars = []string{"1", "-2.5", "true", "null", `"s"`}
		}
		pick := func(list []string) string { return list[rng.IntN(len(list))] }
		var value func(depth int) string
		value = func(depth int) string {
			switch n := rng.IntN(6); {
			case n == 0 || depth > 2:
				return pick(scalars)
			case n <= 3:
				var b strings.Builder
				b.WriteString("{")
				members := rng.IntN(4)
				for i := range members {
					b.WriteString(pick(trivia) + pick(keys) + pick(trivia) + ":" + pick(trivia) + value(depth+1) + pick(trivia))
					if i < members-1 || !strict && rng.IntN(2) == 0 {
						b.WriteString(",")
					}
				}
				b.WriteString(pick(trivia) + "}")
				return b.String()
			default:
				return "[" + pick(trivia) + value(depth+1) + pick(trivia) + "]"
			}
		}
		for range 3000 {
			src := "{" + pick(trivia) + `"root":` + value(0) + pick(trivia) + "," + pick(trivia) + `"x": ` + value(1) + pick(trivia) + "}\n"
			d, err := Parse("gen", []byte(src))
			if err != nil || strict && !d.StrictJSON {
				t.Fatalf("generator made unexpected input %q: %v", src, err)
			}
			checkEdits(t, []byte(src))
		}
	}
}
