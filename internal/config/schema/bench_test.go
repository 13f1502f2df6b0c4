package schema

import "testing"

func BenchmarkCompile(b *testing.B) {
	for _, rel := range Releases() {
		b.Run(string(rel), func(b *testing.B) {
			for b.Loop() {
				if _, err := buildSchema(rel); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkStages(b *testing.B) {
	rel := R2026_9
	b.Run("gunzip", func(b *testing.B) {
		for b.Loop() {
			schemaText(rel)
		}
	})
	data, _ := schemaText(rel)
	b.Run("compile", func(b *testing.B) {
		for b.Loop() {
			compileSchema(data)
		}
	})
}
