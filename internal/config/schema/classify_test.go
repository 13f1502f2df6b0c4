package schema

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// classLines renders a classification as "class kind keypath" lines in
// document order within each class, classes in a fixed order.
func classLines(r Result) []string {
	out := []string{}
	for _, list := range [][]Classified{r.UnknownToBoth, r.Invalid, r.OnlyIn414, r.OnlyIn96} {
		for i := range list {
			c := &list[i]
			out = append(out, fmt.Sprintf("%s %s %s", c.Class, c.Kind(), c.Issue().KeyPath()))
		}
	}
	return out
}

func TestClassify(t *testing.T) {
	cases := []struct {
		name string
		doc  string
		want []string
	}{
		{"clean", `{"gateway":{"bind":"lan","auth":{"mode":"token","token":"x"}}}`, []string{}},
		{"unknown to both", `{"gatway":{}}`, []string{"unknown unknown gatway"}},
		{"invalid in both, once", `{"gateway":{"bind":"public"}}`, []string{"invalid invalid gateway.bind"}},
		{"retired key", `{"logging":{"redactSensitive":"off"}}`, []string{"only-2026.4.14 unknown logging.redactSensitive"}},
		{"new key", `{"gateway":{"nodes":{"commands":{"allow":["camera.snap"]}}}}`, []string{"only-2026.9.6 unknown gateway.nodes.commands"}},
		{"retired flag", `{"gateway":{"controlUi":{"allowInsecureAuth":true}}}`, []string{"only-2026.4.14 unknown gateway.controlUi.allowInsecureAuth"}},
		{"new section", `{"security":{"audit":{"suppressions":[{"checkId":"x"}]}}}`, []string{"only-2026.9.6 unknown security"}},
		{"old roster", `{"agents":{"list":[{"id":"main"}]}}`, []string{"only-2026.4.14 unknown agents.list"}},
		{"new roster", `{"agents":{"entries":{"main":{}}}}`, []string{"only-2026.9.6 unknown agents.entries"}},
		{"old channel", `{"channels":{"bluebubbles":{}}}`, []string{"only-2026.4.14 unknown channels.bluebubbles"}},
		{"new channel", `{"channels":{"reef":{}}}`, []string{"only-2026.9.6 unknown channels.reef"}},
		{"value only the old release takes", `{"gateway":{"port":70000}}`, []string{"only-2026.4.14 invalid gateway.port"}},
		{"value only the new release takes", `{"gateway":{"auth":{"token":{"source":"store","provider":"default","id":"GW"}}}}`,
			[]string{"only-2026.9.6 invalid gateway.auth.token.source"}},
		{
			// The key is 4.14's; its bad value is reported as invalid, and
			// the key as retired.
			"retired key with a bad value", `{"logging":{"redactSensitive":"loud"}}`,
			[]string{"invalid invalid logging.redactSensitive", "only-2026.4.14 unknown logging.redactSensitive"},
		},
		{
			// Unknown under a key only one release knows: nobody knows it.
			"unknown inside a new section", `{"security":{"audit":{"suppresions":[]}}}`,
			[]string{"unknown unknown security.audit.suppresions", "only-2026.9.6 unknown security"},
		},
		{
			"invalid inside a retired list", `{"agents":{"list":[{"id":7}]}}`,
			[]string{"invalid invalid agents.list[0].id", "only-2026.4.14 unknown agents.list"},
		},
		{"SecretRef in hooks.token", `{"hooks":{"token":{"source":"env","provider":"default","id":"X"}}}`, []string{"invalid invalid hooks.token"}},
		{"SecretRef in gateway.auth.token", `{"gateway":{"auth":{"token":{"source":"env","provider":"default","id":"X"}}}}`, []string{}},
		{"schema key", `{"$schema":"./schema.json"}`, []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := classLines(Classify(mustParse(t, c.doc)))
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("\ngot  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestClassifyKeepsBothIssues(t *testing.T) {
	r := Classify(mustParse(t, `{"gatway":1,"gateway":{"bind":"x"}}`))
	for _, list := range [][]Classified{r.UnknownToBoth, r.Invalid} {
		if len(list) != 1 {
			t.Fatalf("got %q", classLines(r))
		}
		c := list[0]
		if c.Issue414 == nil || c.Issue96 == nil {
			t.Errorf("%s: want both releases' issues, got %+v", c.Class, c)
		}
		if c.Issue() != c.Issue96 {
			t.Errorf("%s: reported issue is not the newer release's", c.Class)
		}
	}
	if got := r.UnknownToBoth[0].Issue().Suggest; got != "gateway" {
		t.Errorf("Suggest = %q", got)
	}
	if got := r.Invalid[0].Issue().Allowed; len(got) != 5 {
		t.Errorf("Allowed = %q", got)
	}
}

func TestClassifyRetiredKeyIssueComesFromTheRejectingRelease(t *testing.T) {
	r := Classify(mustParse(t, `{"logging":{"redactSensitive":"off"},"mcp":{"apps":{"enabled":true}}}`))
	if len(r.OnlyIn414) != 1 || r.OnlyIn414[0].Issue96 == nil || r.OnlyIn414[0].Issue414 != nil {
		t.Errorf("OnlyIn414 = %+v", r.OnlyIn414)
	}
	if len(r.OnlyIn96) != 1 || r.OnlyIn96[0].Issue414 == nil || r.OnlyIn96[0].Issue96 != nil {
		t.Errorf("OnlyIn96 = %+v", r.OnlyIn96)
	}
	if !r.Uses96OnlyKeys() || !r.Uses414OnlyKeys() || r.Clean() {
		t.Errorf("Uses96OnlyKeys=%v Uses414OnlyKeys=%v Clean=%v", r.Uses96OnlyKeys(), r.Uses414OnlyKeys(), r.Clean())
	}
}

func TestUsesOnly96Keys(t *testing.T) {
	cases := []struct {
		doc  string
		want bool
	}{
		{`{}`, false},
		{`{"gateway":{"bind":"lan"}}`, false},
		{`{"logging":{"redactSensitive":"off"}}`, false},
		{`{"gateway":{"nodes":{"commands":{"deny":[]}}}}`, true},
		{`{"security":{"audit":{"suppressions":[]}}}`, true},
		{`{"channels":{"reef":{}}}`, true},
		// A value only 9.6 accepts is not a 9.6 key.
		{`{"gateway":{"auth":{"token":{"source":"store","provider":"default","id":"GW"}}}}`, false},
		{`{"gatway":{}}`, false},
	}
	for _, c := range cases {
		if got := UsesOnly96Keys(mustParse(t, c.doc)); got != c.want {
			t.Errorf("UsesOnly96Keys(%s) = %v, want %v", c.doc, got, c.want)
		}
	}
	if UsesOnly96Keys(nil) {
		t.Error("UsesOnly96Keys(nil) = true")
	}
}

// TestFixtures runs configurations taken from the conformance corpus. Each
// NAME.json has a NAME.want listing, for each release, whether its schema
// accepts the config ("accepts REL" / "rejects REL") and the expected
// classification lines.
func TestFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/fixtures/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			doc, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			verdicts, want := readWant(t, strings.TrimSuffix(file, ".json")+".want")
			v := mustParse(t, string(doc))
			for rel, accepts := range verdicts {
				if issues := Validate(rel, v); (len(issues) == 0) != accepts {
					t.Errorf("%s: accepts=%v but issues are %q", rel, accepts, lines(issues))
				}
			}
			if len(verdicts) != 2 {
				t.Errorf("want file must give a verdict for both releases")
			}
			if got := classLines(Classify(v)); !reflect.DeepEqual(got, want) {
				t.Errorf("\ngot  %q\nwant %q", got, want)
			}
		})
	}
}

func readWant(t *testing.T, path string) (map[Release]bool, []string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	verdicts := map[Release]bool{}
	classes := []string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		switch {
		case l == "" || strings.HasPrefix(l, "#"):
		case strings.HasPrefix(l, "accepts "):
			verdicts[Release(strings.TrimPrefix(l, "accepts "))] = true
		case strings.HasPrefix(l, "rejects "):
			verdicts[Release(strings.TrimPrefix(l, "rejects "))] = false
		default:
			classes = append(classes, l)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return verdicts, classes
}
