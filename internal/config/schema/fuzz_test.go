package schema

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/clawcheck/clawcheck/internal/config"
)

// FuzzValidate feeds arbitrary JSON documents through both validators and
// the classification: none may panic, and issues must keep their invariants.
func FuzzValidate(f *testing.F) {
	seeds := []string{
		`{}`, `null`, `[]`, `"x"`, `1e400`,
		`{"gatway":{"bind":"lan"}}`,
		`{"gateway":{"bind":"lan","port":1.5,"auth":{"token":{"source":"env","provider":"default","id":"X","x":1}}}}`,
		`{"channels":{"bluebubbles":{},"reef":{"guard":{"provider":"openai"}}}}`,
		`{"agents":{"list":[{"id":1},null,[]],"entries":{"Main":{}}}}`,
		`{"plugins":{"entries":{"onepassword":{"config":{"vault":"-x","items":{}}},"memory-wiki":{"config":{"vaultMode":"unsafe-local","vault":{"scope":"agent"}}}}}}`,
		`{"channels":{"twitch":{"username":"a","accessToken":"b","channel":"c","extra":1}}}`,
		`{"ui":{"prefs":{"accent":"#12345g"}}}`,
	}
	if files, err := filepath.Glob("testdata/fixtures/*.json"); err == nil {
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil {
				seeds = append(seeds, string(b))
			}
		}
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		v, err := parseValue(doc)
		if err != nil {
			return
		}
		for _, rel := range Releases() {
			for _, is := range Validate(rel, v) {
				if is.Path == "" || is.Message == "" || (is.Kind != Unknown && is.Kind != Invalid) {
					t.Fatalf("%s: malformed issue %+v", rel, is)
				}
				if is.Kind == Unknown && is.Key == "" && !hasEmptyKey(v) {
					t.Fatalf("%s: unknown issue without a key: %+v", rel, is)
				}
			}
		}
		r := Classify(v)
		for _, list := range [][]Classified{r.UnknownToBoth, r.Invalid, r.OnlyIn414, r.OnlyIn96} {
			for i := range list {
				if list[i].Issue() == nil {
					t.Fatalf("classified entry without an issue: %+v", list[i])
				}
			}
		}
	})
}

// hasEmptyKey reports whether the document uses "" as a key anywhere.
func hasEmptyKey(v *config.Value) bool {
	if v == nil {
		return false
	}
	for _, m := range v.Members {
		if m.Key == "" || hasEmptyKey(m.Value) {
			return true
		}
	}
	for _, e := range v.Elems {
		if hasEmptyKey(e) {
			return true
		}
	}
	return false
}
