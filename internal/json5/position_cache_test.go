package json5

import (
	"math/rand"
	"testing"
)

// The position cache must agree with a fresh computation whatever order
// offsets are asked in, across lines and multi-byte characters.
func TestPositionCacheAgrees(t *testing.T) {
	src := []byte("{ a: \"日本語\", b: 'é', // ✓ comment\r\n  c: [1, 2, \"z\"],\u2028 d: {e: \"x\"} }\n")
	doc, err := Parse("t.json5", src)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 5000; i++ {
		off := rng.Intn(len(src) + 1)
		got := doc.Position(off)
		want := positionFromStarts(doc.Src, doc.lineStarts, off)
		if got != want {
			t.Fatalf("Position(%d) = %+v, want %+v", off, got, want)
		}
	}
}
