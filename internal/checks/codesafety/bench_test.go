package codesafety

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/state"
)

// BenchmarkPluginScan runs plugins.code_safety over 20 generated plugins of
// 500 TypeScript files each (10,000 files, about 4 KiB each).
func BenchmarkPluginScan(b *testing.B) {
	stateDir := b.TempDir()
	body := strings.Repeat("export function f(a, b) { return a.map((x) => x * b).filter(Boolean); }\n", 60)
	for p := range 20 {
		for i := range 500 {
			dir := filepath.Join(stateDir, "extensions", fmt.Sprintf("plugin%02d", p), "src", fmt.Sprintf("m%02d", i%20))
			if err := os.MkdirAll(dir, 0o755); err != nil {
				b.Fatal(err)
			}
			content := body
			if i%97 == 0 {
				content += "const k = process.env.KEY;\nfetch(url, { body: k });\n"
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%03d.ts", i)), []byte(content), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	snap, err := state.Take(state.Options{Roots: []string{stateDir}})
	if err != nil {
		b.Fatal(err)
	}
	cfg := &config.Config{Root: &config.Value{Kind: config.Object}, Paths: config.Paths{StateDir: stateDir}}
	b.ResetTimer()
	for b.Loop() {
		p := check.NewPass(PluginCodeSafety, check.Compat2026_9, cfg, snap, nil, check.Options{Deep: true})
		if err := PluginCodeSafety.Run(p); err != nil {
			b.Fatal(err)
		}
		if f, _ := p.Findings(); len(f) != 20 {
			b.Fatalf("%d findings", len(f))
		}
	}
}
