package schema

import (
	"testing"
	"time"
)

func TestSmoke(t *testing.T) {
	for _, rel := range Releases() {
		t0 := time.Now()
		c, err := buildSchema(rel)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %v unsupported=%q ignored=%v", rel, time.Since(t0), c.unsupported, c.ignored)
	}
	for _, doc := range []string{`{}`, `{"gateway":{"bind":"lan"}}`, `{"gatway":{}}`, `{"gateway":{"bind":"lann","port":"x"}}`,
		`{"gateway":{"auth":{"token":{"source":"env","provider":"default","id":"X"}}}}`,
		`{"gateway":{"auth":{"token":{"source":"envv","provider":"default","id":"X"}}}}`,
		`{"gateway":{"auth":{"token":{"source":"env","provider":"default","id":"x"}}}}`,
		`{"gateway":{"auth":{"token":5}}}`,
		`{"hooks":{"token":{"source":"env","provider":"default","id":"X"}}}`,
		`{"logging":{"redactSensitive":"off"}}`, `{"gateway":{"nodes":{"commands":{"deny":["x"]}}}}`,
		`{"channels":{"bluebubbles":{}, "reef":{}, "telegrm":{}}}`, `{"commands":{"native":"yes"}}`,
		`{"$schema":"x"}`, `null`, `[]`,
	} {
		v := mustParse(t, doc)
		for _, rel := range Releases() {
			for _, is := range Validate(rel, v) {
				t.Logf("%s %s: %s %v %+v", rel, doc, is.String(), is.Allowed, is.Kind)
			}
		}
	}
}
