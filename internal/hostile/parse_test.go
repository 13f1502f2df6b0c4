package hostile

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/cli"
)

// A real config, cut at every byte offset: each prefix either audits (exit
// 0) or is refused with a positioned error (exit 1). Nothing crashes.
func TestTruncatedConfigAtEveryOffset(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "insecure-home", ".openclaw", "openclaw.json"))
	if err != nil {
		t.Fatal(err)
	}
	homeDir, stateDir := home(t)
	cfg := filepath.Join(stateDir, "openclaw.json")
	for n := 0; n <= len(src); n++ {
		write(t, cfg, src[:n], 0o600)
		r := audit(t, homeDir, nil)
		switch r.code {
		case cli.ExitOK:
		case cli.ExitFailure:
			if !strings.Contains(r.stderr, cfg+":") {
				t.Fatalf("prefix %d: error without file:line:col: %s", n, r.stderr)
			}
		default:
			t.Fatalf("prefix %d: exit %d\n%s", n, r.code, r.stderr)
		}
	}
}

// Malformed variants of a real config: a byte replaced by each of a set of
// troublesome bytes at every offset.
func TestMalformedConfigAtEveryOffset(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "insecure-home", ".openclaw", "openclaw.json"))
	if err != nil {
		t.Fatal(err)
	}
	homeDir, stateDir := home(t)
	cfg := filepath.Join(stateDir, "openclaw.json")
	bad := []byte{'{', '}', '"', '\'', ',', ':', 0, 0xff, '\\', '/', '*'}
	for off := 0; off < len(src); off += 3 {
		for _, b := range bad {
			mut := bytes.Clone(src)
			mut[off] = b
			write(t, cfg, mut, 0o600)
			r := audit(t, homeDir, nil)
			if r.code != cli.ExitOK && r.code != cli.ExitFailure {
				t.Fatalf("offset %d byte %#x: exit %d\n%s", off, b, r.code, r.stderr)
			}
			if r.code == cli.ExitFailure && !strings.Contains(r.stderr, cfg+":") {
				t.Fatalf("offset %d byte %#x: error without position: %s", off, b, r.stderr)
			}
		}
	}
}

// 100 MB of config is refused by size before it is parsed.
func TestHugeConfig100MB(t *testing.T) {
	homeDir, stateDir := home(t)
	cfg := filepath.Join(stateDir, "openclaw.json")
	f, err := os.OpenFile(cfg, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	chunk := []byte(strings.Repeat(" ", 1<<20))
	f.Write([]byte("{"))
	for i := 0; i < 100; i++ {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	f.Write([]byte("}"))
	f.Close()
	r := audit(t, homeDir, nil)
	wantExit(t, r, cli.ExitFailure, cfg, false)
}

// A million nested arrays hit the nesting limit with a positioned error, not
// a stack overflow.
func TestMillionNestedArrays(t *testing.T) {
	homeDir, stateDir := home(t)
	cfg := filepath.Join(stateDir, "openclaw.json")
	doc := `{ a: ` + strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000) + ` }`
	// Over the 4 MiB main-file limit? No: 2 MB. The nesting limit must stop it.
	write(t, cfg, []byte(doc), 0o600)
	r := audit(t, homeDir, nil)
	wantExit(t, r, cli.ExitFailure, cfg, true)
}

// A key repeated 100,000 times: the last value wins, the audit completes,
// and the repetition is reported (bounded) rather than silently accepted.
func TestKeyRepeated100000Times(t *testing.T) {
	homeDir, stateDir := home(t)
	cfg := filepath.Join(stateDir, "openclaw.json")
	var b strings.Builder
	b.WriteString("{ gateway: {\n")
	for i := 0; i < 100_000; i++ {
		b.WriteString(`bind: "loopback",` + "\n")
	}
	b.WriteString(`bind: "lan" } }`)
	write(t, cfg, []byte(b.String()), 0o600)
	r := audit(t, homeDir, nil)
	wantExit(t, r, cli.ExitOK, "", false)
	if !strings.Contains(r.stdout, `"gateway.bind_no_auth"`) {
		t.Errorf("the last bind (lan) did not win")
	}
	if !strings.Contains(r.stderr, "duplicate") {
		t.Errorf("repeated key not reported: %s", clip(r.stderr))
	}
	if len(r.stderr) > 1<<20 {
		t.Errorf("%d bytes of warnings for one repeated key", len(r.stderr))
	}
}

// A duplicate key that would hide a setting: the later value is the one
// audited, and a warning names the file and position of the repetition.
func TestDuplicateKeyHidingASetting(t *testing.T) {
	homeDir, stateDir := home(t)
	cfg := filepath.Join(stateDir, "openclaw.json")
	write(t, cfg, []byte("{\n  gateway: { bind: \"lan\" },\n  gateway: { bind: \"loopback\", auth: { mode: \"none\" } },\n  gateway: { bind: \"lan\" },\n}\n"), 0o600)
	r := audit(t, homeDir, nil)
	wantExit(t, r, cli.ExitOK, "", false)
	if !strings.Contains(r.stdout, `"gateway.bind_no_auth"`) {
		t.Errorf("last value (lan) not audited")
	}
	if !strings.Contains(r.stderr, cfg+":4:") {
		t.Errorf("duplicate not reported at line 4: %s", r.stderr)
	}
}

func TestEncodingEdgeCases(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want int
	}{
		{"InvalidUTF8InString", "{ gateway: { bind: \"l\xffan\" } }", -1},
		{"InvalidUTF8OutsideString", "{ gateway: \xff{ bind: \"lan\" } }", cli.ExitFailure},
		{"NULInString", "{ gateway: { bind: \"l\x00an\" } }", -1},
		{"NULOutsideString", "{ gateway: { bind: \"lan\" } }\x00", cli.ExitFailure},
		{"BOM", "\ufeff{ gateway: { bind: \"lan\" } }", cli.ExitOK},
		{"CRLF", "{\r\n  gateway: {\r\n    bind: \"lan\",\r\n  },\r\n}\r\n", cli.ExitOK},
		{"HugeNumbers", `{ gateway: { port: 1e400, bind: "lan" }, x: -1e999, y: 123456789012345678901234567890 }`, cli.ExitOK},
		{"ProtoKeys", `{ __proto__: { gateway: { bind: "lan" } }, constructor: { prototype: { x: 1 } }, gateway: { bind: "loopback" } }`, cli.ExitOK},
		{"LineSeparators", "{\u2028gateway:\u2029{ bind: \"lan\" } }", cli.ExitOK},
		{"EmptyFile", "", cli.ExitFailure},
		{"OnlyComments", "// nothing\n/* at all */", cli.ExitFailure},
		{"TopLevelArray", `[1, 2, 3]`, -1},
		{"TopLevelString", `"gateway"`, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			homeDir, stateDir := home(t)
			cfg := filepath.Join(stateDir, "openclaw.json")
			write(t, cfg, []byte(tc.src), 0o600)
			r := audit(t, homeDir, nil)
			if tc.want == -1 {
				// Either outcome is acceptable; it must be one of the two.
				if r.code != cli.ExitOK && r.code != cli.ExitFailure {
					t.Fatalf("exit %d\n%s", r.code, r.stderr)
				}
			} else {
				wantExit(t, r, tc.want, cfg, true)
			}
			if r.code == cli.ExitOK {
				var v map[string]any
				if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
					t.Fatalf("report is not JSON: %v", err)
				}
			}
			if tc.name == "ProtoKeys" && strings.Contains(r.stdout, `"gateway.bind_no_auth"`) {
				t.Errorf("__proto__ content leaked into the audited config")
			}
		})
	}
}

// Fifty thousand distinct small keys stay fast and bounded.
func TestManyKeys(t *testing.T) {
	homeDir, stateDir := home(t)
	var b strings.Builder
	b.WriteString("{ env: { vars: {")
	for i := 0; i < 50_000; i++ {
		fmt.Fprintf(&b, "K%d: \"v\",", i)
	}
	b.WriteString("} } }")
	write(t, filepath.Join(stateDir, "openclaw.json"), []byte(b.String()), 0o600)
	wantExit(t, audit(t, homeDir, nil), cli.ExitOK, "", false)
}

// The config itself is not a regular file: a directory, a FIFO, a device,
// an endless device, or a symlink loop. Each is refused at once with an
// error naming it; nothing blocks or reads without end.
func TestConfigPathSpecialFiles(t *testing.T) {
	homeDir, stateDir := home(t)
	dir := filepath.Join(stateDir, "dir.json")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(stateDir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	loop := filepath.Join(stateDir, "loop.json")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{dir, fifo, loop, "/dev/zero", "/dev/urandom", "/dev/null"} {
		if _, err := os.Lstat(path); err != nil {
			continue
		}
		start := time.Now()
		r := audit(t, homeDir, map[string]string{"OPENCLAW_CONFIG_PATH": path})
		wantExit(t, r, cli.ExitFailure, path, false)
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: took %s", path, d)
		}
	}
}
