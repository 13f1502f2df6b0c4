package conformance

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/clawcheck/clawcheck/internal/cli"
	"github.com/clawcheck/clawcheck/internal/config"
)

// sarifSchema compiles the SARIF 2.1.0 schema named by
// CLAWCHECK_SARIF_SCHEMA (scripts/sarif-schema.sh fetches it; `make test`
// sets the variable). Without it the SARIF logs are checked for shape only.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	path := os.Getenv("CLAWCHECK_SARIF_SCHEMA")
	if path == "" {
		t.Log("CLAWCHECK_SARIF_SCHEMA is not set: SARIF logs are not validated against the schema (make test sets it)")
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("CLAWCHECK_SARIF_SCHEMA: %v", err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	if err := c.AddResource("sarif-schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif-schema.json")
	if err != nil {
		t.Fatalf("compile %s: %v", path, err)
	}
	return s
}

// TestFormatsOnCorpus renders every corpus fixture in every output format:
// each must complete, JSON and SARIF must parse, and every SARIF log must
// validate against the SARIF 2.1.0 schema.
func TestFormatsOnCorpus(t *testing.T) {
	fixtures, err := Load(filepath.Join("..", "..", "testdata", "conformance"))
	if err != nil {
		t.Fatal(err)
	}
	schema := sarifSchema(t)
	for _, fx := range fixtures {
		if !deepFree(fx.Args) {
			continue
		}
		t.Run(fx.Name, func(t *testing.T) {
			tmp := t.TempDir()
			home := filepath.Join(tmp, "home")
			envLines, err := fx.Materialize(home)
			if err != nil {
				t.Fatal(err)
			}
			env := config.Env{"HOME": home, "PATH": os.Getenv("PATH"), "NO_COLOR": "1", "OPENCLAW_DISABLE_BONJOUR": "1"}
			for k, v := range config.EnvFromList(envLines) {
				env[k] = v
			}
			for _, format := range []string{"text", "json", "sarif", "markdown", "html"} {
				args := append([]string{"security", "audit", "--format", format}, fx.Args...)
				var out, errb bytes.Buffer
				code := cli.Run(context.Background(), cli.Invocation{
					Args: args, Env: env, Cwd: tmp, Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
					Now: func() time.Time { return time.Unix(0, 0) },
				})
				if code != cli.ExitOK {
					t.Fatalf("--format %s: exit %d\n%s", format, code, errb.String())
				}
				switch format {
				case "json", "sarif":
					var v any
					if err := json.Unmarshal(out.Bytes(), &v); err != nil {
						t.Fatalf("--format %s: not JSON: %v", format, err)
					}
					if format == "sarif" && schema != nil {
						if err := schema.Validate(v); err != nil {
							t.Fatalf("SARIF log does not validate: %v", err)
						}
					}
				case "html":
					if !bytes.HasPrefix(out.Bytes(), []byte("<!DOCTYPE html>")) || !bytes.Contains(out.Bytes(), []byte("</html>")) {
						t.Fatalf("--format html: not a complete page")
					}
				}
			}
		})
	}
}

// deepFree reports whether a fixture runs without flags that need a live
// gateway (those run in the conformance test proper).
func deepFree(args []string) bool {
	for _, a := range args {
		if a == "--deep" {
			return false
		}
	}
	return true
}
