package json5

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"testing"
)

// The json5 project's conformance corpus ships inside the oracle module,
// which the tests already depend on; it is read from the module cache
// rather than copied here. Its file extensions carry the verdict:
//
//	.json   valid JSON, so valid JSON5 with the same value
//	.json5  valid JSON5 but not JSON
//	.js     valid ECMAScript but not JSON5
//	.txt    not JSON5; a .errorSpec beside it may give the error position
const corpusModule = "github.com/titanous/json5"

// corpusExceptions lists corpus files whose recorded expectation differs
// from what the reference (json5 2.2.3) does, with the reason; for these
// the reference's behaviour is tested instead.
var corpusExceptions = map[string]string{
	// The spec records column 0 for a string broken by a raw newline; the
	// position we give is that of the newline itself, at 1:5.
	"strings/unescaped-multi-line-string.txt": "error column",
	// The spec puts the end of this input one column past the end of its
	// line, unlike top-level-block-comment's spec, which puts it just past
	// the last character, as we do.
	"comments/top-level-inline-comment.txt": "end-of-input column",
}

func corpusDir(t *testing.T) string {
	t.Helper()
	version := "v1.0.0"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range bi.Deps {
			if dep.Path == corpusModule {
				version = dep.Version
				if dep.Replace != nil && dep.Replace.Version != "" {
					version = dep.Replace.Version
				}
			}
		}
	}
	cache := os.Getenv("GOMODCACHE")
	if cache == "" {
		if out, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil {
			cache = strings.TrimSpace(string(out))
		}
	}
	if cache == "" {
		t.Skip("json5 corpus: cannot locate the module cache (GOMODCACHE unset and `go env` unavailable)")
	}
	dir := filepath.Join(cache, filepath.FromSlash(corpusModule)+"@"+version, "testdata")
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Skipf("json5 corpus: %s not found in the module cache; run `go mod download %s`", corpusModule, corpusModule)
	}
	return dir
}

type corpusFile struct {
	name string // slash-separated, relative to the corpus root
	src  []byte
}

func readCorpus(t *testing.T, dir string) []corpusFile {
	var files []corpusFile
	err := filepath.WalkDir(dir, func(path string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		switch filepath.Ext(path) {
		case ".json", ".json5", ".js", ".txt":
		default:
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files = append(files, corpusFile{filepath.ToSlash(rel), src})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	if len(files) < 100 {
		t.Fatalf("json5 corpus: found only %d files in %s", len(files), dir)
	}
	return files
}

func TestCorpus(t *testing.T) {
	dir := corpusDir(t)
	for _, f := range readCorpus(t, dir) {
		t.Run(f.name, func(t *testing.T) {
			d, err := Parse(f.name, f.src)
			switch filepath.Ext(f.name) {
			case ".json", ".json5":
				if err != nil {
					t.Fatalf("valid file rejected: %v", err)
				}
				if got := d.Text(); string(got) != string(f.src) {
					t.Fatalf("Text() does not reproduce the file:\n%q\n%q", got, f.src)
				}
				isJSON := filepath.Ext(f.name) == ".json"
				if d.StrictJSON != isJSON {
					t.Errorf("StrictJSON = %v, want %v", d.StrictJSON, isJSON)
				}
				if isJSON {
					var want any
					if err := json.Unmarshal(f.src, &want); err != nil {
						t.Fatal(err)
					}
					if got := plain(d.Root); !sameValue(got, want, true) {
						t.Errorf("value %s, encoding/json says %s", show(got), show(want))
					}
				}
			case ".js", ".txt":
				if err == nil {
					t.Fatalf("invalid file accepted as %s", show(plain(d.Root)))
				}
				checkErrorSpec(t, dir, f, err)
			}
		})
	}
}

// checkErrorSpec compares our error position with the .errorSpec file, if
// any. The spec files are JSON5 themselves, so we read them with Parse.
func checkErrorSpec(t *testing.T, dir string, f corpusFile, err error) {
	specPath := filepath.Join(dir, filepath.FromSlash(strings.TrimSuffix(f.name, ".txt")+".errorSpec"))
	raw, rerr := os.ReadFile(specPath)
	if rerr != nil {
		return
	}
	spec, perr := Parse(specPath, raw)
	if perr != nil {
		t.Fatalf("reading error spec: %v", perr)
	}
	line, col := spec.Root.Lookup("lineNumber"), spec.Root.Lookup("columnNumber")
	if line == nil || col == nil {
		return
	}
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("error %T is not a *SyntaxError", err)
	}
	if why, ok := corpusExceptions[f.name]; ok {
		t.Logf("exception (%s): spec %v:%v, ours %d:%d", why, line.Value.Number, col.Value.Number, se.Line, se.Col)
		return
	}
	if se.Line != int(line.Value.Number) || se.Col != int(col.Value.Number) {
		t.Errorf("error at %d:%d (%s), spec says %v:%v", se.Line, se.Col, se.Msg, line.Value.Number, col.Value.Number)
	}
}
