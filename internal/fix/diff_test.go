package fix

import (
	"fmt"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/json5"
)

func TestUnifiedDiffHunks(t *testing.T) {
	var b strings.Builder
	b.WriteString("{\n")
	for i := 1; i <= 20; i++ {
		fmt.Fprintf(&b, "  k%d: \"v%d\",\n", i, i)
	}
	b.WriteString("}")
	old := []byte(b.String())
	doc, err := json5.Parse("c.json5", old)
	if err != nil {
		t.Fatal(err)
	}
	k3 := doc.Root.Lookup("k3").Value
	k18 := doc.Root.Lookup("k18").Value
	fe := &FileEdit{Path: "c.json5", Old: old, Changes: []*Change{
		{Edits: []json5.Edit{doc.ReplaceValue(k3, `"x"`)}},
		{Edits: []json5.Edit{doc.ReplaceValue(k18, `"y"`)}},
	}}
	fe.New, err = json5.Apply(old, append(fe.Changes[0].Edits, fe.Changes[1].Edits...))
	if err != nil {
		t.Fatal(err)
	}
	want := `--- c.json5
+++ c.json5 (after --fix)
@@ -1,7 +1,7 @@
 {
   k1: "v1",
   k2: "v2",
-  k3: "v3",
+  k3: "x",
   k4: "v4",
   k5: "v5",
   k6: "v6",
@@ -16,7 +16,7 @@
   k15: "v15",
   k16: "v16",
   k17: "v17",
-  k18: "v18",
+  k18: "y",
   k19: "v19",
   k20: "v20",
 }
\ No newline at end of file
`
	if got := unifiedDiff(fe); got != want {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want)
	}
}
