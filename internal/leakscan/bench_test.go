package leakscan

import (
	"bytes"
	"io"
	"testing"

	"github.com/clawcheck/clawcheck/internal/leakscan/leakgen"
)

func benchCorpus(b *testing.B) ([]byte, []leakgen.Plant) {
	var buf bytes.Buffer
	plants, err := leakgen.Generate(&buf, 64<<20, 5000, 1)
	if err != nil {
		b.Fatal(err)
	}
	return buf.Bytes(), plants
}

func knownSecrets() []Secret {
	var out []Secret
	for i, v := range leakgen.Secrets {
		out = append(out, Secret{Name: "secret" + string(rune('A'+i)), Value: v})
	}
	return out
}

func benchScan(b *testing.B, rules []*Rule, knownOnly bool) {
	data, plants := benchCorpus(b)
	s := New(knownSecrets(), rules)
	want := 0
	for _, p := range plants {
		if p.Kind == "known" || !knownOnly {
			want++
		}
	}
	target := Target{Size: int64(len(data)), KnownOnly: knownOnly, Open: func() (io.ReadCloser, int64, error) {
		return io.NopCloser(bytes.NewReader(data)), int64(len(data)), nil
	}}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		res := s.Scan([]Target{target}, Options{Workers: 1, MaxHits: 1 << 20})
		if got := len(res[0].Hits); got != want {
			b.Fatalf("found %d of %d planted", got, want)
		}
	}
}

// BenchmarkScan measures one core on transcript-like JSONL: known secrets
// only, and known secrets with every pattern rule.
func BenchmarkScan(b *testing.B) {
	b.Run("known", func(b *testing.B) { benchScan(b, nil, true) })
	b.Run("known+rules", func(b *testing.B) { benchScan(b, Rules, false) })
}
