package schema

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/config"
)

// line renders an issue compactly for comparisons.
func line(is Issue) string {
	s := fmt.Sprintf("%s %s: %s", is.Kind, is.KeyPath(), is.Message)
	if is.Suggest != "" {
		s += " ~" + is.Suggest
	}
	return s
}

func lines(issues []Issue) []string {
	out := []string{}
	for _, is := range issues {
		out = append(out, line(is))
	}
	return out
}

func TestValidate(t *testing.T) {
	type want struct{ v414, v96 []string }
	none := []string{}
	cases := []struct {
		name string
		doc  string
		want want
	}{
		{"empty object", `{}`, want{none, none}},
		{"lan bind", `{"gateway":{"bind":"lan"}}`, want{none, none}},
		{"schema key", `{"$schema":"https://example.com/openclaw.json"}`, want{none, none}},
		{
			"misspelled top-level key", `{"gatway":{"bind":"lan"}}`,
			want{
				[]string{`unknown gatway: unknown key "gatway" ~gateway`},
				[]string{`unknown gatway: unknown key "gatway" ~gateway`},
			},
		},
		{
			"misspelled nested key", `{"gateway":{"bindd":"lan"}}`,
			want{
				[]string{`unknown gateway.bindd: unknown key "bindd" ~bind`},
				[]string{`unknown gateway.bindd: unknown key "bindd" ~bind`},
			},
		},
		{
			"case slip", `{"Gateway":{}}`,
			want{
				[]string{`unknown Gateway: unknown key "Gateway" ~gateway`},
				[]string{`unknown Gateway: unknown key "Gateway" ~gateway`},
			},
		},
		{
			"nothing close", `{"zzzzzz":1}`,
			want{
				[]string{`unknown zzzzzz: unknown key "zzzzzz"`},
				[]string{`unknown zzzzzz: unknown key "zzzzzz"`},
			},
		},
		{
			"wrong type", `{"gateway":{"port":"18789"}}`,
			want{
				[]string{`invalid gateway.port: expected integer, got string`},
				[]string{`invalid gateway.port: expected integer, got string`},
			},
		},
		{
			"fraction for an integer", `{"gateway":{"port":1.5}}`,
			want{
				[]string{`invalid gateway.port: expected integer, got 1.5`},
				[]string{`invalid gateway.port: expected integer, got 1.5`},
			},
		},
		{
			"bounds differ by release", `{"gateway":{"port":70000}}`,
			want{none, []string{`invalid gateway.port: must be <= 65535`}},
		},
		{
			"bad enum", `{"gateway":{"bind":"public"}}`,
			want{
				[]string{`invalid gateway.bind: must be one of "auto", "lan", "loopback", "custom", "tailnet"`},
				[]string{`invalid gateway.bind: must be one of "auto", "lan", "loopback", "custom", "tailnet"`},
			},
		},
		{
			"literal or other type", `{"commands":{"native":"yes"}}`,
			want{
				[]string{`invalid commands.native: must be boolean or "auto"`},
				[]string{`invalid commands.native: must be boolean or "auto"`},
			},
		},
		{
			"logging.redactSensitive is 2026.4.14 only", `{"logging":{"redactSensitive":"off"}}`,
			want{none, []string{`unknown logging.redactSensitive: unknown key "redactSensitive"`}},
		},
		{
			"gateway.nodes.commands is 2026.9.6 only", `{"gateway":{"nodes":{"commands":{"deny":["system.run"]}}}}`,
			want{[]string{`unknown gateway.nodes.commands: unknown key "commands"`}, none},
		},
		{
			"gateway.nodes.denyCommands is 2026.4.14 only", `{"gateway":{"nodes":{"denyCommands":["system.run"]}}}`,
			want{none, []string{`unknown gateway.nodes.denyCommands: unknown key "denyCommands"`}},
		},
		{
			"allowInsecureAuth is 2026.4.14 only", `{"gateway":{"controlUi":{"allowInsecureAuth":true}}}`,
			want{none, []string{`unknown gateway.controlUi.allowInsecureAuth: unknown key "allowInsecureAuth"`}},
		},
		{
			"dangerouslyDisableDeviceAuth is in both", `{"gateway":{"controlUi":{"dangerouslyDisableDeviceAuth":true}}}`,
			want{none, none},
		},
		{
			"suppressions are 2026.9.6 only", `{"security":{"audit":{"suppressions":[{"checkId":"gateway.bind_no_auth","reason":"lab"}]}}}`,
			want{[]string{`unknown security: unknown key "security"`}, none},
		},
		{
			"agents.list", `{"agents":{"list":[{"id":"main","default":true},{"id":"coder"}]}}`,
			want{none, []string{`unknown agents.list: unknown key "list"`}},
		},
		{
			"agents.entries", `{"agents":{"entries":{"main":{"name":"Main"}}}}`,
			want{[]string{`unknown agents.entries: unknown key "entries"`}, none},
		},
		{
			"array element path", `{"agents":{"list":[{"id":"main"},{"id":7}]}}`,
			want{
				[]string{`invalid agents.list[1].id: expected string, got number`},
				[]string{`unknown agents.list: unknown key "list"`},
			},
		},
		{
			"missing required key", `{"agents":{"list":[{"name":"x"}]}}`,
			want{
				[]string{`invalid agents.list[0]: missing required key "id"`},
				[]string{`unknown agents.list: unknown key "list"`},
			},
		},
		{
			"invalid key name", `{"agents":{"entries":{"Main Agent":{}}}}`,
			want{
				[]string{`unknown agents.entries: unknown key "entries"`},
				[]string{`invalid agents.entries.Main Agent: invalid key "Main Agent": must match /^[a-z0-9_][a-z0-9_-]{0,63}$/`},
			},
		},
		{
			"bluebubbles is a 2026.4.14 channel", `{"channels":{"bluebubbles":{"dmPolicy":"open"}}}`,
			want{none, []string{`unknown channels.bluebubbles: unknown key "bluebubbles"`}},
		},
		{
			"reef is a 2026.9.6 channel", `{"channels":{"reef":{"handle":"home"}}}`,
			want{[]string{`unknown channels.reef: unknown key "reef"`}, none},
		},
		{
			"misspelled channel", `{"channels":{"telegrm":{}}}`,
			want{
				[]string{`unknown channels.telegrm: unknown key "telegrm" ~telegram`},
				[]string{`unknown channels.telegrm: unknown key "telegrm" ~telegram`},
			},
		},
		{
			"SecretRef in a secret field", `{"gateway":{"auth":{"mode":"token","token":{"source":"env","provider":"default","id":"OC_TOKEN"}}}}`,
			want{none, none},
		},
		{
			"SecretRef in hooks.token", `{"hooks":{"token":{"source":"env","provider":"default","id":"OC_HOOKS"}}}`,
			want{
				[]string{`invalid hooks.token: expected string, got object`},
				[]string{`invalid hooks.token: expected string, got object`},
			},
		},
		{
			"secret field of the wrong type", `{"gateway":{"auth":{"token":42}}}`,
			want{
				[]string{`invalid gateway.auth.token: expected string or object, got number`},
				[]string{`invalid gateway.auth.token: expected string or object, got number`},
			},
		},
		{
			"SecretRef with an unknown source", `{"gateway":{"auth":{"token":{"source":"vault","provider":"default","id":"X"}}}}`,
			want{
				[]string{`invalid gateway.auth.token.source: must be one of "env", "file", "exec"`},
				[]string{`invalid gateway.auth.token.source: must be one of "env", "file", "exec", "store"`},
			},
		},
		{
			"SecretRef with a bad id", `{"gateway":{"auth":{"token":{"source":"env","provider":"default","id":"lower"}}}}`,
			want{
				[]string{`invalid gateway.auth.token.id: must match /^[A-Z][A-Z0-9_]{0,127}$/`},
				[]string{`invalid gateway.auth.token.id: must match /^[A-Z][A-Z0-9_]{0,127}$/`},
			},
		},
		{
			"SecretRef with an extra key", `{"gateway":{"auth":{"token":{"source":"file","provider":"vault","id":"/x","path":"/y"}}}}`,
			want{
				[]string{`unknown gateway.auth.token.path: unknown key "path"`},
				[]string{`unknown gateway.auth.token.path: unknown key "path"`},
			},
		},
		{
			"SecretRef missing its id", `{"gateway":{"auth":{"token":{"source":"exec","provider":"op"}}}}`,
			want{
				[]string{`invalid gateway.auth.token: missing required key "id"`},
				[]string{`invalid gateway.auth.token: missing required key "id"`},
			},
		},
		{
			"store SecretRefs are 2026.9.6 only", `{"gateway":{"auth":{"token":{"source":"store","provider":"default","id":"GW_TOKEN"}}}}`,
			want{
				[]string{`invalid gateway.auth.token.source: must be one of "env", "file", "exec"`},
				none,
			},
		},
		{"root null", `null`, want{
			[]string{`invalid <root>: expected object, got null`},
			[]string{`invalid <root>: expected object, got null`},
		}},
		{"root array", `[]`, want{
			[]string{`invalid <root>: expected object, got array`},
			[]string{`invalid <root>: expected object, got array`},
		}},
		{
			"document order", `{"xyzzy":1,"gateway":{"port":"x","bind":"nowhere"},"qwerty":2}`,
			want{
				[]string{
					`unknown xyzzy: unknown key "xyzzy"`,
					`invalid gateway.port: expected integer, got string`,
					`invalid gateway.bind: must be one of "auto", "lan", "loopback", "custom", "tailnet"`,
					`unknown qwerty: unknown key "qwerty"`,
				},
				[]string{
					`unknown xyzzy: unknown key "xyzzy"`,
					`invalid gateway.port: expected integer, got string`,
					`invalid gateway.bind: must be one of "auto", "lan", "loopback", "custom", "tailnet"`,
					`unknown qwerty: unknown key "qwerty"`,
				},
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := mustParse(t, c.doc)
			for _, rel := range Releases() {
				want := c.want.v414
				if rel == R2026_9 {
					want = c.want.v96
				}
				got := lines(Validate(rel, v))
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s:\ngot  %q\nwant %q", rel, got, want)
				}
			}
		})
	}
}

func TestIssueDetails(t *testing.T) {
	doc := `{"gateway":{"bind":"public","gatway":1}}`
	v := mustParse(t, doc)
	issues := Validate(R2026_9, v)
	if len(issues) != 2 {
		t.Fatalf("got %d issues, want 2: %q", len(issues), lines(issues))
	}
	bind, unknown := issues[0], issues[1]

	if bind.Path != "gateway.bind" || bind.Key != "" || bind.Kind != Invalid {
		t.Errorf("enum issue: %+v", bind)
	}
	if want := []string{"auto", "lan", "loopback", "custom", "tailnet"}; !reflect.DeepEqual(bind.Allowed, want) {
		t.Errorf("Allowed = %q, want %q", bind.Allowed, want)
	}
	if got, want := bind.Origin.Start, strings.Index(doc, `"public"`); got != want {
		t.Errorf("enum issue points at offset %d, want the value at %d", got, want)
	}

	if unknown.Path != "gateway" || unknown.Key != "gatway" || unknown.KeyPath() != "gateway.gatway" {
		t.Errorf("unknown issue: %+v", unknown)
	}
	if got, want := unknown.Origin.Start, strings.Index(doc, `"gatway"`); got != want {
		t.Errorf("unknown issue points at offset %d, want the key at %d", got, want)
	}
	if unknown.Suggest != "" {
		// "gatway" is close to the parent's name, not to any of its keys.
		t.Errorf("Suggest = %q, want none", unknown.Suggest)
	}
	if unknown.Allowed != nil {
		t.Errorf("Allowed = %q for an unknown key", unknown.Allowed)
	}
}

func TestValidateNilRoot(t *testing.T) {
	for _, rel := range Releases() {
		if got := Validate(rel, nil); len(got) != 0 {
			t.Errorf("%s: %q", rel, lines(got))
		}
	}
}

func TestValidateUnknownReleasePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic for an unknown release")
		}
	}()
	Validate("2025.1.1", mustParse(t, `{}`))
}

func TestNonFiniteNumbers(t *testing.T) {
	// JSON5 can spell these; the reference rejects them as numbers.
	for _, f := range []float64{posInf(), negInf(), nan()} {
		v := mustParse(t, `{"gateway":{"port":0}}`)
		v.Get("gateway", "port").Num = f
		for _, rel := range Releases() {
			got := lines(Validate(rel, v))
			if len(got) != 1 || !strings.HasPrefix(got[0], "invalid gateway.port: expected integer, got ") {
				t.Errorf("%s %v: %q", rel, f, got)
			}
		}
	}
}

func TestSubstitutedStringsAreValidated(t *testing.T) {
	// The loader has already substituted ${VAR}: Str is what is checked.
	v := mustParse(t, `{"gateway":{"bind":"x"}}`)
	bind := v.Get("gateway", "bind")
	bind.Raw, bind.Str = "${BIND}", "lan"
	for _, rel := range Releases() {
		if got := Validate(rel, v); len(got) != 0 {
			t.Errorf("%s: %q", rel, lines(got))
		}
	}
}

func TestValidateIsDeterministic(t *testing.T) {
	doc := `{"gatway":1,"gateway":{"bind":"x","auth":{"token":{"source":"nope"}}},"channels":{"bluebubbles":{},"reef":{}},"agents":{"list":[{"id":1}]}}`
	v := mustParse(t, doc)
	for _, rel := range Releases() {
		first := Validate(rel, v)
		for i := 0; i < 20; i++ {
			if again := Validate(rel, v); !reflect.DeepEqual(first, again) {
				t.Fatalf("%s: run %d differs:\n%q\n%q", rel, i, lines(first), lines(again))
			}
		}
	}
}

func TestMissingValuesReadAsNull(t *testing.T) {
	// A tree built by hand may hold nil members or elements; they must not
	// crash the validator.
	v := &config.Value{Kind: config.Object, Members: []config.Member{
		{Key: "gateway", Value: nil},
		{Key: "agents", Value: &config.Value{Kind: config.Object, Members: []config.Member{
			{Key: "list", Value: &config.Value{Kind: config.Array, Elems: []*config.Value{nil}}},
		}}},
	}}
	for _, rel := range Releases() {
		if got := Validate(rel, v); len(got) == 0 {
			t.Errorf("%s: no issues for null values", rel)
		}
	}
}

func TestValidateConcurrently(t *testing.T) {
	// Patterns are built on first use; concurrent first use of a freshly
	// compiled schema must be safe (run with -race).
	c, err := buildSchema(R2026_9)
	if err != nil {
		t.Fatal(err)
	}
	v := mustParse(t, `{"gateway":{"auth":{"token":{"source":"env","provider":"Default","id":"lower"}}},"agents":{"entries":{"Bad":{}}}}`)
	const n = 8
	done := make(chan []string, n)
	for i := 0; i < n; i++ {
		go func() { done <- lines((&walker{}).check(c.root, v, nil)) }()
	}
	want := lines(Validate(R2026_9, v))
	for i := 0; i < n; i++ {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Errorf("concurrent run differs:\n%q\n%q", got, want)
		}
	}
}
