package difftest

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed json5-driver.cjs
var json5Driver []byte

// JSON5Result is the reference's verdict on one input.
type JSON5Result struct {
	OK bool
	// Value is the canonical form of the parsed value (see Canon) when OK.
	Value string
	// Err is the reference's error message when not OK, and Line and Col
	// its position (columns in UTF-16 units, lines ended by LF only).
	Err       string
	Line, Col int
	// StrictDiffers is set when JSON.parse, which 2026.9.6 tries first,
	// accepts the input and reads it differently from json5.
	StrictDiffers bool
}

// JSON5 is a running driver process: the reference's json5 package behind
// a pipe. It is not safe for concurrent use.
type JSON5 struct {
	Version string // the json5 package version the reference resolves

	cmd   *exec.Cmd
	in    io.WriteCloser
	out   *bufio.Reader
	next  int
	tmp   string
	mu    sync.Mutex
	stder strings.Builder
}

// StartJSON5 starts the driver with the reference's Node. The driver loads
// json5 the way the openclaw package resolves it.
func StartJSON5(ref *Reference) (*JSON5, error) {
	tmp, err := os.MkdirTemp("", "clawcheck-json5-driver-")
	if err != nil {
		return nil, err
	}
	script := filepath.Join(tmp, "json5-driver.cjs")
	if err := os.WriteFile(script, json5Driver, 0o600); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	cmd := exec.Command(ref.Node, script, ref.Package)
	cmd.Dir = tmp
	cmd.Env = []string{"PATH=" + filepath.Dir(ref.Node), "HOME=" + tmp, "NODE_OPTIONS="}
	d := &JSON5{cmd: cmd, tmp: tmp}
	cmd.Stderr = &lockedWriter{mu: &d.mu, b: &d.stder}
	if d.in, err = cmd.StdinPipe(); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	d.out = bufio.NewReaderSize(stdout, 1<<20)
	if err := cmd.Start(); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	var hello struct{ Version string }
	line, err := d.out.ReadBytes('\n')
	if err == nil {
		err = json.Unmarshal(line, &hello)
	}
	if err != nil || hello.Version == "" {
		d.Close()
		return nil, fmt.Errorf("json5 driver did not start: %v %s", err, d.stderr())
	}
	d.Version = hello.Version
	return d, nil
}

type lockedWriter struct {
	mu *sync.Mutex
	b  *strings.Builder
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.b.Len() < 64<<10 {
		w.b.Write(p)
	}
	return len(p), nil
}

func (d *JSON5) stderr() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return strings.TrimSpace(d.stder.String())
}

// Close stops the driver.
func (d *JSON5) Close() error {
	d.in.Close()
	err := d.cmd.Wait()
	os.RemoveAll(d.tmp)
	return err
}

type driverCase struct {
	ID    int    `json:"id"`
	Src   string `json:"src"`
	Flush bool   `json:"flush,omitempty"`
}

type driverResult struct {
	ID   int             `json:"id"`
	OK   bool            `json:"ok"`
	V    json.RawMessage `json:"v"`
	Err  string          `json:"err"`
	Line int             `json:"line"`
	Col  int             `json:"col"`

	StrictDiffers bool `json:"strictDiffers"`
}

// Parse sends a batch of inputs through the driver and returns the verdicts
// in order. Inputs must be valid UTF-8: the reference reads decoded text.
func (d *JSON5) Parse(srcs []string) ([]JSON5Result, error) {
	first := d.next
	d.next += len(srcs)
	flushLast := len(srcs) > 0
	werr := make(chan error, 1)
	go func() {
		w := bufio.NewWriterSize(d.in, 1<<20)
		enc := json.NewEncoder(w)
		for i, s := range srcs {
			if err := enc.Encode(driverCase{ID: first + i, Src: s, Flush: flushLast && i == len(srcs)-1}); err != nil {
				werr <- err
				return
			}
		}
		werr <- w.Flush()
	}()
	res := make([]JSON5Result, len(srcs))
	for i := range srcs {
		line, err := d.out.ReadBytes('\n')
		if err != nil {
			return nil, fmt.Errorf("json5 driver: reading result %d: %w %s", first+i, err, d.stderr())
		}
		var r driverResult
		if err := json.Unmarshal(line, &r); err != nil {
			return nil, fmt.Errorf("json5 driver: bad result line %q: %w", line, err)
		}
		if r.ID != first+i {
			return nil, fmt.Errorf("json5 driver: result for case %d, want %d", r.ID, first+i)
		}
		res[i] = JSON5Result{OK: r.OK, Err: r.Err, Line: r.Line, Col: r.Col, StrictDiffers: r.StrictDiffers}
		if r.OK {
			v, err := decodeDriverValue(r.V)
			if err != nil {
				return nil, fmt.Errorf("json5 driver: case %d: %w", r.ID, err)
			}
			res[i].Value = Canon(v)
		}
	}
	if err := <-werr; err != nil {
		return nil, fmt.Errorf("json5 driver: writing cases: %w", err)
	}
	return res, nil
}

// Number is a float64 in canonical trees, compared by its bits (so -0 and
// 0 differ), with every NaN equal.
type Number float64

// Object is an object in canonical trees: keys with the last value of each.
type Object map[string]any

// decodeDriverValue turns the driver's encoding into a tree of nil, bool,
// string, Number, []any and Object.
func decodeDriverValue(raw json.RawMessage) (any, error) {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	return fromDriver(v)
}

func fromDriver(v any) (any, error) {
	switch v := v.(type) {
	case nil, bool, string:
		return v, nil
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			x, err := fromDriver(e)
			if err != nil {
				return nil, err
			}
			out[i] = x
		}
		return out, nil
	case map[string]any:
		if n, ok := v["n"].(string); ok && len(v) == 1 {
			if n == "NaN" {
				return Number(math.NaN()), nil
			}
			b, err := strconv.ParseUint(n, 16, 64)
			if err != nil {
				return nil, fmt.Errorf("bad number %q", n)
			}
			return Number(math.Float64frombits(b)), nil
		}
		if members, ok := v["o"].([]any); ok && len(v) == 1 {
			out := make(Object, len(members))
			for _, m := range members {
				kv, ok := m.([]any)
				if !ok || len(kv) != 2 {
					return nil, errors.New("bad object member")
				}
				k, ok := kv[0].(string)
				if !ok {
					return nil, errors.New("bad object key")
				}
				x, err := fromDriver(kv[1])
				if err != nil {
					return nil, err
				}
				out[k] = x
			}
			return out, nil
		}
	}
	return nil, fmt.Errorf("unexpected value %v in driver output", v)
}

// Canon renders a tree of nil, bool, string, Number (or float64), []any and
// Object (or map[string]any) as one deterministic string: keys sorted, numbers
// by their bits, every NaN alike. Equal canonical strings mean equal values.
func Canon(v any) string {
	var b strings.Builder
	canon(&b, v)
	return b.String()
}

func canon(b *strings.Builder, v any) {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case string:
		b.WriteString(strconv.Quote(v))
	case float64:
		canon(b, Number(v))
	case Number:
		f := float64(v)
		switch {
		case math.IsNaN(f):
			b.WriteString("NaN")
		case f == 0 && math.Signbit(f):
			b.WriteString("-0")
		default:
			// 'g' with -1 is exact for float64, so equal text means equal bits.
			b.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
		}
	case []any:
		b.WriteByte('[')
		for i, e := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			canon(b, e)
		}
		b.WriteByte(']')
	case map[string]any:
		canon(b, Object(v))
	case Object:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Quote(k))
			b.WriteByte(':')
			canon(b, v[k])
		}
		b.WriteByte('}')
	default:
		fmt.Fprintf(b, "<%T>", v)
	}
}
