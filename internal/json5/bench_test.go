package json5

import (
	"os"
	"testing"
)

// testdata/bench.json5 is a realistic OpenClaw configuration of about
// 10 KB: nested objects, comments of both kinds, unquoted and quoted keys.
func readBenchConfig(tb testing.TB) []byte {
	src, err := os.ReadFile("testdata/bench.json5")
	if err != nil {
		tb.Fatal(err)
	}
	return src
}

func TestBenchConfig(t *testing.T) {
	src := readBenchConfig(t)
	d, err := Parse("bench.json5", src)
	if err != nil {
		t.Fatal(err)
	}
	if string(d.Text()) != string(src) || len(d.Comments()) < 10 || d.StrictJSON {
		t.Errorf("bench config: round trip %v, %d comments, strict %v", string(d.Text()) == string(src), len(d.Comments()), d.StrictJSON)
	}
	if got := d.Root.Lookup("gateway").Value.Lookup("port").Value.Number; got != 18789 {
		t.Errorf("gateway.port = %v", got)
	}
}

func BenchmarkParse(b *testing.B) {
	src := readBenchConfig(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("bench.json5", src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkText(b *testing.B) {
	src := readBenchConfig(b)
	d, err := Parse("bench.json5", src)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		d.Text()
	}
}
