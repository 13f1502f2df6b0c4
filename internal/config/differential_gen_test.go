package config

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/clawcheck/clawcheck/internal/difftest"
	"golang.org/x/tools/txtar"
)

// The generated loader differential: seeded random include trees whose
// values live under plugins.entries.gen.config, the one place where both
// schemas accept any JSON, so that every merge rule ($include alone, arrays
// of files, siblings over included content, nested includes, arrays that
// concatenate, primitives that replace objects and the reverse, __proto__
// keys, ${VAR} in strings) can be exercised without the reference refusing
// the config. Results are recorded in testdata/loaderdiff/generated.golden
// (one line per case: its number and the canonical value, or !error) and
// compared with the live reference under make difftest; -record rewrites
// the file. CLAWCHECK_DIFFTEST_LOADER_CASES raises the number of cases for
// live runs (the golden file covers the default 16).

const (
	genLoaderPath    = "plugins.entries.gen.config"
	genLoaderDefault = 16
	genLoaderGolden  = "testdata/loaderdiff/generated.golden"
)

type loaderGen struct {
	r     *rand.Rand
	files map[string]string
	next  int
}

var genKeys = []string{"a", "b", "c", "list", "nested", "x y", "__proto__", "constructor", "n"}

func (g *loaderGen) value(depth int) string {
	switch k := g.r.IntN(12); {
	case k == 0:
		return "null"
	case k == 1:
		return []string{"true", "false"}[g.r.IntN(2)]
	case k <= 3:
		return []string{"0", "1", "-7", "2.5", "1e21", "0x10", "123456789012"}[g.r.IntN(7)]
	case k <= 6:
		return strconv.Quote([]string{"s", "${GEN_A}", "x-${GEN_MISSING}-y", "$${GEN_A}", "${GEN_B}/${GEN_A}", "", "é"}[g.r.IntN(7)])
	case k <= 8 && depth < 3:
		var parts []string
		for n := g.r.IntN(3); n >= 0; n-- {
			parts = append(parts, g.value(depth+1))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	default:
		if depth < 3 {
			return g.object(depth + 1)
		}
		return `"leaf"`
	}
}

// object is a random object, sometimes with an include directive.
func (g *loaderGen) object(depth int) string {
	var parts []string
	if depth < 4 && g.r.IntN(5) == 0 {
		parts = append(parts, `"$include": `+g.include(depth))
		if g.r.IntN(2) == 0 {
			// A directive alone: the included value stands for the object.
			return "{ " + parts[0] + " }"
		}
	}
	for n := g.r.IntN(4); n > 0; n-- {
		parts = append(parts, strconv.Quote(genKeys[g.r.IntN(len(genKeys))])+": "+g.value(depth))
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

// include writes one or more new files and returns the directive's value.
func (g *loaderGen) include(depth int) string { return g.includeFiles(depth, false) }

// includeFiles is include; with root set, each file holds a whole config
// whose plugin entry carries a random object, as a root include must.
func (g *loaderGen) includeFiles(depth int, root bool) string {
	n := 1
	if g.r.IntN(3) == 0 {
		n = 2 + g.r.IntN(2)
	}
	var names []string
	for range n {
		g.next++
		name := fmt.Sprintf("inc/f%d.json5", g.next)
		var body string
		if root {
			body = `{ "plugins": { "entries": { "gen": { "config": { "v": ` + g.object(depth+1) + ` } } } } }`
		} else if g.r.IntN(6) == 0 {
			body = g.value(depth + 1) // possibly not an object
		} else {
			body = g.object(depth + 1)
		}
		g.files[name] = body
		names = append(names, name)
	}
	if n == 1 && g.r.IntN(2) == 0 {
		return strconv.Quote(names[0])
	}
	quoted := make([]string, len(names))
	for i, s := range names {
		quoted[i] = strconv.Quote(s)
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

// genLoaderCase builds case i of the seeded corpus. Nested include paths
// are relative to the including file, so every file sits in inc/ and
// refers to its siblings as inc/… from the main file only; includes inside
// include files use the bare sibling name.
func genLoaderCase(seed uint64, i int) *loaderCase {
	g := &loaderGen{r: rand.New(rand.NewPCG(seed, uint64(i))), files: map[string]string{}}
	// The config itself must be an object; what is under "v" may be anything.
	main := `{ "plugins": { "entries": { "gen": { "config": { "v": ` + g.object(1) + ` } } } } }`
	if g.r.IntN(2) == 0 {
		main = `{ "$include": ` + g.includeFiles(1, true) + `, ` + main[1:]
	}
	arch := &txtar.Archive{}
	arch.Files = append(arch.Files, txtar.File{Name: "home/.openclaw/openclaw.json", Data: []byte(main + "\n")})
	for i := 1; i <= g.next; i++ {
		name := fmt.Sprintf("inc/f%d.json5", i)
		body := strings.ReplaceAll(g.files[name], `"inc/`, `"`)
		arch.Files = append(arch.Files, txtar.File{Name: "home/.openclaw/" + name, Data: []byte(body + "\n")})
	}
	return &loaderCase{
		name:    fmt.Sprintf("generated %d (seed %d)", i, seed),
		arch:    arch,
		env:     []string{"GEN_A=alpha", "GEN_B=beta"},
		paths:   []string{genLoaderPath},
		want:    map[string]string{},
		version: difftest.DefaultVersion,
	}
}

func readGenGolden(t *testing.T) map[int]string {
	t.Helper()
	data, err := os.ReadFile(genLoaderGolden)
	if err != nil {
		t.Fatalf("%v (run with -record)", err)
	}
	out := map[int]string{}
	for _, line := range nonEmptyLines(data) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		n, val, _ := strings.Cut(line, " ")
		i, err := strconv.Atoi(n)
		if err != nil {
			t.Fatalf("%s: bad line %q", genLoaderGolden, line)
		}
		out[i] = val
	}
	return out
}

func TestDifferentialLoaderGenerated(t *testing.T) {
	const seed = 1
	count := genLoaderDefault
	if n, err := strconv.Atoi(os.Getenv("CLAWCHECK_DIFFTEST_LOADER_CASES")); err == nil && n > 0 && !*record {
		count = n
	}
	var golden map[int]string
	if !*record {
		golden = readGenGolden(t)
	}
	var ref *difftest.Reference
	if difftest.Enabled() || *record {
		ref = difftest.Require(t, difftest.DefaultVersion)
	}
	var (
		mu    sync.Mutex
		wg    sync.WaitGroup
		slots = make(chan struct{}, 8)
		live  = make([]string, count)
		errs  []string
	)
	for i := range count {
		c := genLoaderCase(seed, i)
		dir, env := c.materialise(t)
		ours := c.ours(t, dir, env)[genLoaderPath]
		if want, ok := golden[i]; ok && want != ours {
			t.Errorf("%s: ours %s, recorded reference %s\n%s", c.name, ours, want, txtar.Format(c.arch))
		}
		if ref == nil {
			continue
		}
		rdir, renv := c.materialise(t)
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			got, err := referenceGet(ref, rdir, renv, genLoaderPath)
			<-slots
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err.Error())
				return
			}
			live[i] = got.at("")
			if live[i] != ours && !*record {
				errs = append(errs, fmt.Sprintf("%s: ours %s, live reference %s\n%s", c.name, ours, live[i], txtar.Format(c.arch)))
			}
		}()
	}
	wg.Wait()
	for _, e := range errs {
		t.Error(e)
	}
	if ref == nil {
		t.Logf("compared %d generated cases with the recorded reference only", count)
		return
	}
	if *record {
		var b strings.Builder
		fmt.Fprintf(&b, "# openclaw %s `config get --json %s` on the generated loader cases of seed %d.\n", ref.Version, genLoaderPath, seed)
		for i, v := range live {
			fmt.Fprintf(&b, "%d %s\n", i, v)
		}
		must(t, os.WriteFile(filepath.FromSlash(genLoaderGolden), []byte(b.String()), 0o644))
	}
}
