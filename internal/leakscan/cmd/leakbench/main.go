// Command leakbench generates a transcript-like corpus with planted
// credentials, scans it with clawcheck's scanner and scores recall, for
// scripts/bench-leaks.sh. It also scores another tool's JSON report against
// the same plants.
//
//	leakbench gen -dir D -size BYTES -files N -every LINES [-config FILE]
//	leakbench scan -dir D -workers N
//	leakbench score -dir D -gitleaks REPORT.json
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/clawcheck/clawcheck/internal/leakscan"
	"github.com/clawcheck/clawcheck/internal/leakscan/leakgen"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: leakbench gen|scan|score [flags]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	dir := fs.String("dir", "", "corpus folder")
	size := fs.Int64("size", 1<<30, "corpus bytes (gen)")
	files := fs.Int("files", 16, "corpus files (gen)")
	every := fs.Int("every", 20000, "plant one credential every this many lines (gen)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "scan workers (scan)")
	report := fs.String("gitleaks", "", "gitleaks JSON report (score)")
	configFile := fs.String("config", "", "also write an OpenClaw config holding the known secrets here (gen)")
	repeat := fs.Int("repeat", 3, "scan runs per mode; the fastest is reported (scan)")
	_ = fs.Parse(os.Args[2:])
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "leakbench: -dir is required")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "gen":
		err = gen(*dir, *size, *files, *every, *configFile)
	case "scan":
		err = scan(*dir, *workers, max(*repeat, 1))
	case "score":
		err = score(*dir, *report)
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "leakbench:", err)
		os.Exit(1)
	}
}

type plant struct {
	file, kind string
	line       int
}

func gen(dir string, size int64, files, every int, configFile string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if configFile != "" {
		cfg := fmt.Sprintf("{ gateway: { auth: { mode: \"token\", token: %q } }, hooks: { enabled: true, token: %q } }\n",
			leakgen.Secrets[0], leakgen.Secrets[1])
		if err := os.WriteFile(configFile, []byte(cfg), 0o600); err != nil {
			return err
		}
	}
	man, err := os.Create(filepath.Join(dir, "manifest.tsv"))
	if err != nil {
		return err
	}
	defer man.Close()
	for i := 0; i < files; i++ {
		name := fmt.Sprintf("session-%03d.jsonl", i)
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		plants, err := leakgen.Generate(f, size/int64(files), every, uint64(i+1))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		for _, p := range plants {
			fmt.Fprintf(man, "%s\t%d\t%s\n", name, p.Line, p.Kind)
		}
	}
	return nil
}

func readManifest(dir string) ([]plant, error) {
	f, err := os.Open(filepath.Join(dir, "manifest.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []plant
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) != 3 {
			continue
		}
		n, _ := strconv.Atoi(parts[1])
		out = append(out, plant{parts[0], parts[2], n})
	}
	return out, sc.Err()
}

func corpusFiles(dir string) ([]string, int64, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		return nil, 0, err
	}
	sort.Strings(names)
	var total int64
	for _, n := range names {
		fi, err := os.Stat(n)
		if err != nil {
			return nil, 0, err
		}
		total += fi.Size()
	}
	return names, total, nil
}

// recall prints, for known secrets and for pattern kinds, how many plants
// a tool found (any finding on the planted line counts).
func recall(tool string, plants []plant, found map[string]bool) {
	var known, knownHit, pat, patHit int
	for _, p := range plants {
		hit := found[fmt.Sprintf("%s:%d", p.file, p.line)]
		if p.kind == "known" {
			known++
			if hit {
				knownHit++
			}
		} else {
			pat++
			if hit {
				patHit++
			}
		}
	}
	fmt.Printf("%s recall: known secrets %d/%d (%.1f%%), credential formats %d/%d (%.1f%%), all %.1f%%\n",
		tool, knownHit, known, pct(knownHit, known), patHit, pat, pct(patHit, pat), pct(knownHit+patHit, known+pat))
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func scan(dir string, workers, repeat int) error {
	names, total, err := corpusFiles(dir)
	if err != nil {
		return err
	}
	plants, err := readManifest(dir)
	if err != nil {
		return err
	}
	var secrets []leakscan.Secret
	for i, v := range leakgen.Secrets {
		secrets = append(secrets, leakscan.Secret{Name: fmt.Sprintf("secret-%d", i), Value: v})
	}
	for _, mode := range []struct {
		name  string
		rules []*leakscan.Rule
	}{{"known secrets only", nil}, {"known secrets + rules", leakscan.Rules}} {
		sc := leakscan.New(secrets, mode.rules)
		targets := make([]leakscan.Target, len(names))
		for i, n := range names {
			n := n
			targets[i] = leakscan.Target{Open: func() (io.ReadCloser, int64, error) {
				f, err := os.Open(n)
				if err != nil {
					return nil, 0, err
				}
				fi, err := f.Stat()
				if err != nil {
					f.Close()
					return nil, 0, err
				}
				return f, fi.Size(), nil
			}}
		}
		var res []leakscan.FileResult
		var runs []string
		elapsed, cpu := 0.0, 0.0
		for range repeat {
			start, cpu0 := time.Now(), cpuSeconds()
			res = sc.Scan(targets, leakscan.Options{Workers: workers, MaxHits: 1 << 30})
			t, c := time.Since(start).Seconds(), cpuSeconds()-cpu0
			runs = append(runs, fmt.Sprintf("%.2f/%.2f", t, c))
			if elapsed == 0 || t < elapsed {
				elapsed = t
			}
			if cpu == 0 || c < cpu {
				cpu = c
			}
		}
		found := map[string]bool{}
		for i, r := range res {
			if r.Err != nil {
				return r.Err
			}
			for _, h := range r.Hits {
				found[fmt.Sprintf("%s:%d", filepath.Base(names[i]), h.Line)] = true
			}
		}
		mb := float64(total) / 1e6
		fmt.Printf("clawcheck (%s, %d workers): %.0f MB, runs (wall/CPU s) %s: best %.0f MB/s wall, %.0f MB per CPU second\n",
			mode.name, workers, mb, strings.Join(runs, " "), mb/elapsed, mb/cpu)
		recall("clawcheck ("+mode.name+")", plants, found)
	}
	return nil
}

func score(dir, report string) error {
	plants, err := readManifest(dir)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(report)
	if err != nil {
		return err
	}
	var findings []struct {
		File      string `json:"File"`
		StartLine int    `json:"StartLine"`
	}
	if err := json.Unmarshal(data, &findings); err != nil {
		return err
	}
	found := map[string]bool{}
	for _, f := range findings {
		found[fmt.Sprintf("%s:%d", filepath.Base(f.File), f.StartLine)] = true
	}
	recall("gitleaks", plants, found)
	return nil
}
