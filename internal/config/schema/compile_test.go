package schema

import (
	"strings"
	"testing"
)

func TestEmbeddedSchemasCompile(t *testing.T) {
	for _, rel := range Releases() {
		c, err := buildSchema(rel)
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		// Keywords the validator does not act on must be annotations only;
		// a new constraint keyword in a future export would show up here.
		for kw := range c.ignored {
			switch kw {
			case "$schema", "format", "title", "description", "$id", "$comment", "examples":
			default:
				t.Errorf("%s: keyword %q is ignored", rel, kw)
			}
		}
	}
}

func TestCompileRejectsBrokenSchemas(t *testing.T) {
	cases := map[string]string{
		"not json":        `{"type":`,
		"trailing":        `{} {}`,
		"bad type name":   `{"type":"text"}`,
		"dangling ref":    `{"properties":{"a":{"$ref":"#/$defs/missing"}}}`,
		"remote ref":      `{"$ref":"https://example.com/schema.json"}`,
		"schema not obj":  `{"properties":{"a":3}}`,
		"bad count":       `{"minLength":-1}`,
		"bad bool":        `{"uniqueItems":"yes"}`,
		"unterminated":    `{"enum":["a"`,
		"bad escape":      `{"pattern":"\q"}`,
		"array for items": `{"items":[1]}`,
	}
	for name, src := range cases {
		if _, err := compileSchema(src); err == nil {
			t.Errorf("%s: compiled %s", name, src)
		}
	}
}

func TestRefsResolveToTheInnermostDefinition(t *testing.T) {
	// An embedded document keeps its own "#/$defs/…" references.
	src := `{"$defs":{"x":{"type":"number"}},"properties":{
		"outer":{"$ref":"#/$defs/x"},
		"inner":{"$schema":"http://json-schema.org/draft-07/schema#","$defs":{"x":{"type":"string"}},
			"properties":{"v":{"$ref":"#/$defs/x"}}}}}`
	c, err := compileSchema(src)
	if err != nil {
		t.Fatal(err)
	}
	w := &walker{}
	got := lines(w.check(c.root, mustParse(t, `{"outer":"s","inner":{"v":1}}`), nil))
	want := []string{"invalid outer: expected number, got string", "invalid inner.v: expected string, got number"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestAllOfMembersShareKeys(t *testing.T) {
	src := `{"allOf":[
		{"type":"object","properties":{"name":{"type":"string"}},"additionalProperties":false},
		{"type":"object","properties":{"token":{"type":"string"}},"additionalProperties":false}]}`
	c, err := compileSchema(src)
	if err != nil {
		t.Fatal(err)
	}
	w := &walker{}
	got := lines(w.check(c.root, mustParse(t, `{"name":"a","token":"b","extra":1}`), nil))
	want := []string{`unknown extra: unknown key "extra"`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRequiredKeysWithDefaultsAreOptional(t *testing.T) {
	src := `{"type":"object","required":["a","b"],"properties":{"a":{"type":"string","default":"x"},"b":{"type":"string"}}}`
	c, err := compileSchema(src)
	if err != nil {
		t.Fatal(err)
	}
	w := &walker{}
	got := lines(w.check(c.root, mustParse(t, `{}`), nil))
	if want := []string{`invalid <root>: missing required key "b"`}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestKeywordSemantics(t *testing.T) {
	cases := []struct {
		schema, doc string
		want        []string
	}{
		{`{"type":["string","null"]}`, `null`, nil},
		{`{"type":["string","null"]}`, `1`, []string{"invalid <root>: expected string or null, got number"}},
		{`{"const":{"a":[1,true]}}`, `{"a":[1,true]}`, nil},
		{`{"const":{"a":[1,true]}}`, `{"a":[1,false]}`, []string{`invalid <root>: must be {…}`}},
		{`{"enum":[1,"1",null]}`, `"1"`, nil},
		{`{"minLength":2,"maxLength":3}`, `"a"`, []string{"invalid <root>: must be at least 2 characters long"}},
		{`{"minLength":1}`, `""`, []string{"invalid <root>: must not be empty"}},
		{`{"maxLength":2}`, `"😀😀"`, []string{"invalid <root>: must be at most 2 characters long"}},
		{`{"maxLength":2}`, `"😀"`, nil},
		{`{"exclusiveMinimum":0,"exclusiveMaximum":10}`, `0`, []string{"invalid <root>: must be > 0"}},
		{`{"exclusiveMinimum":0,"exclusiveMaximum":10}`, `10`, []string{"invalid <root>: must be < 10"}},
		{`{"minimum":1,"maximum":2}`, `2.5`, []string{"invalid <root>: must be <= 2"}},
		{`{"minItems":1,"items":{"type":"string"}}`, `[]`, []string{"invalid <root>: must have at least 1 item"}},
		{`{"maxItems":1}`, `[1,2]`, []string{"invalid <root>: must have at most 1 item"}},
		{`{"uniqueItems":true}`, `[{"a":1},{"a":1}]`, []string{"invalid <root>: items must be unique ([1] repeats [0])"}},
		{`{"items":[{"type":"string"},{"type":"number"}],"additionalItems":false}`, `["a",1,2]`, []string{"invalid <root>: must have at most 2 items"}},
		{`{"items":[{"type":"string"}],"additionalItems":{"type":"number"}}`, `["a","b"]`, []string{"invalid [1]: expected number, got string"}},
		{`{"minProperties":1,"maxProperties":1}`, `{}`, []string{"invalid <root>: must have at least 1 key"}},
		{`{"propertyNames":{"pattern":"^[a-z]+$"}}`, `{"ok":1,"Bad":2}`, []string{`invalid Bad: invalid key "Bad": must match /^[a-z]+$/`}},
		{`{"not":{"pattern":"[?#]"}}`, `"http://x/?a"`, []string{"invalid <root>: must not match /[?#]/"}},
		{`{"if":{"required":["a"]},"then":{"required":["b"]}}`, `{"a":1}`, []string{`invalid <root>: missing required key "b"`}},
		{`{"if":{"required":["a"]},"then":{"required":["b"]},"else":{"required":["c"]}}`, `{}`, []string{`invalid <root>: missing required key "c"`}},
		{`{"allOf":[{"pattern":"^a"},{"pattern":"b$"}]}`, `"xx"`, []string{"invalid <root>: must match /^a/"}},
		{`{"oneOf":[{"type":"string"},{"type":"string","minLength":1}]}`, `"x"`, nil},
		{`{"anyOf":[{"type":"object","properties":{"kind":{"const":"a"},"n":{"type":"number"}},"additionalProperties":false},
			{"type":"object","properties":{"kind":{"const":"b"},"s":{"type":"string"}},"additionalProperties":false}]}`,
			`{"kind":"b","s":1}`, []string{"invalid s: expected string, got number"}},
		{`{"anyOf":[{"type":"string","const":"theme"},{"type":"string","pattern":"^#[0-9a-f]{6}$"}]}`,
			`"red"`, []string{`invalid <root>: must be "theme" or match /^#[0-9a-f]{6}$/`}},
		{`{"anyOf":[{"type":"integer","minimum":1},{"type":"string","minLength":1}]}`,
			`""`, []string{`invalid <root>: must not be empty`}},
		{`{"anyOf":[{"type":"integer","minimum":1},{"type":"string","minLength":1}]}`,
			`true`, []string{`invalid <root>: expected string or integer, got boolean`}},
		{`false`, `1`, []string{"invalid <root>: is not allowed here"}},
		{`true`, `1`, nil},
	}
	for _, c := range cases {
		comp, err := compileSchema(c.schema)
		if err != nil {
			t.Errorf("%s: %v", c.schema, err)
			continue
		}
		w := &walker{}
		got := lines(w.check(comp.root, mustParse(t, c.doc), nil))
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s on %s:\ngot  %q\nwant %q", c.schema, c.doc, got, c.want)
		}
	}
}
