package schema

import (
	"os"
	"testing"
)

// BenchmarkCompile measures building one release's schema from the embedded
// data, which every audit pays once per release it validates against.
func BenchmarkCompile(b *testing.B) {
	for _, rel := range Releases() {
		b.Run(string(rel), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := buildSchema(rel); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkClassify(b *testing.B) {
	doc, err := os.ReadFile("testdata/fixtures/newest-keys-trusted-proxy-suppressions.json")
	if err != nil {
		b.Fatal(err)
	}
	v := mustParse(b, string(doc))
	Classify(v) // compile outside the loop
	b.ReportAllocs()
	for b.Loop() {
		Classify(v)
	}
}
