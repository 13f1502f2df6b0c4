//go:build unix

package docker

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// fakeDocker writes a docker stand-in script into a fresh PATH folder.
func fakeDocker(t *testing.T, script string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "docker"), []byte("#!/bin/sh\n"+script), 0o755); err != nil {
		t.Fatal(err)
	}
	return map[string]string{"PATH": dir + ":/usr/bin:/bin"}
}

func TestExecRunsDockerFromGivenPath(t *testing.T) {
	env := fakeDocker(t, `printf '%s|' "$@"`)
	out, err := (&Exec{Env: env}).Run(context.Background(), "ps", "-a", "{{.Names}}")
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != "ps|-a|{{.Names}}|" {
		t.Errorf("args reached docker as %q", out)
	}
}

func TestExecMissingDocker(t *testing.T) {
	_, err := (&Exec{Env: map[string]string{"PATH": t.TempDir() + ":relative/bin"}}).Run(context.Background(), "ps")
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("err = %v, want ErrNotFound", err)
	}
}

func TestExecNonZeroExit(t *testing.T) {
	env := fakeDocker(t, "echo boom >&2; exit 3")
	if _, err := (&Exec{Env: env}).Run(context.Background(), "ps"); err == nil || errors.Is(err, ErrTimeout) {
		t.Errorf("err = %v, want an exit error", err)
	}
}

// A stand-in whose child keeps the output pipe open must still be cut off
// at the deadline: the whole process group dies.
func TestExecTimeoutKillsProcessGroup(t *testing.T) {
	env := fakeDocker(t, "sleep 30 &\nsleep 30\n")
	start := time.Now()
	_, err := (&Exec{Env: env, Timeout: MinTimeout}).Run(context.Background(), "ps")
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("call took %s after a %s deadline", d, MinTimeout)
	}
}

func TestExecCapsOutput(t *testing.T) {
	env := fakeDocker(t, "head -c 3000000 /dev/zero")
	out, err := (&Exec{Env: env}).Run(context.Background(), "ps")
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != maxOutput {
		t.Errorf("got %d bytes, want the cap %d", len(out), maxOutput)
	}
}

// script is a Runner replaying canned answers.
type script map[string]struct {
	out string
	err error
}

func (s script) Run(_ context.Context, args ...string) ([]byte, error) {
	key := args[0]
	if len(args) > 1 {
		key += " " + args[len(args)-1]
	}
	r, ok := s[key]
	if !ok {
		return nil, errors.New("unexpected call " + key)
	}
	return []byte(r.out), r.err
}

func TestInspectBrowsers(t *testing.T) {
	s := script{
		"ps {{.Names}}": {out: "a\n\n b \nc\n"},
		"inspect a":     {out: "h1\t2026-04-05-cdp-source-range\n"},
		"port a":        {out: "9222/tcp -> 127.0.0.1:1\n"},
		"inspect b":     {err: errors.New("exit 1")},
		"inspect c":     {out: "<no value>\t<no value>\n"},
		"port c":        {err: ErrTimeout},
	}
	got := InspectBrowsers(context.Background(), s)
	want := BrowserInspection{
		Containers: []BrowserContainer{
			{Name: "a", ConfigHash: "h1", Epoch: "2026-04-05-cdp-source-range", Ports: []string{"9222/tcp -> 127.0.0.1:1"}, PortsRead: true},
			{Name: "c"},
		},
		TimedOut: true, TimedOutCall: "port c",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestInspectBrowsersPsFailures(t *testing.T) {
	if got := InspectBrowsers(context.Background(), script{"ps {{.Names}}": {err: ErrNotFound}}); !reflect.DeepEqual(got, BrowserInspection{}) {
		t.Errorf("missing docker: %+v", got)
	}
	got := InspectBrowsers(context.Background(), script{"ps {{.Names}}": {err: ErrTimeout}})
	if !got.TimedOut || got.TimedOutCall != "ps" || len(got.Containers) != 0 {
		t.Errorf("ps timeout: %+v", got)
	}
}

func TestPublishedHost(t *testing.T) {
	for _, tc := range []struct {
		line, host string
		ok         bool
	}{
		{"9222/tcp -> 127.0.0.1:19222", "127.0.0.1", true},
		{"6080/tcp -> [::]:26080", "::", true},
		{"6080/tcp -> [::1]:26080", "::1", true},
		{"9222/tcp -> 0.0.0.0:29222", "0.0.0.0", true},
		{"localhost:80", "localhost", true},
		{"9222/tcp -> :::29222", "", false},
		{"garbage", "", false},
	} {
		host, ok := PublishedHost(tc.line)
		if host != tc.host || ok != tc.ok {
			t.Errorf("PublishedHost(%q) = %q, %v", tc.line, host, ok)
		}
	}
	for host, want := range map[string]bool{"127.0.0.1": true, "LOCALHOST": true, "::1": true, "127.0.0.2": false, "::": false, "0.0.0.0": false} {
		if LoopbackHost(host) != want {
			t.Errorf("LoopbackHost(%q) != %v", host, want)
		}
	}
}

func TestProbeRunsOnce(t *testing.T) {
	calls := 0
	r := runnerFunc(func(args ...string) ([]byte, error) { calls++; return nil, errors.New("no daemon") })
	p := NewProbe(r)
	p.Browsers()
	p.Browsers()
	if calls != 1 {
		t.Errorf("docker ran %d times", calls)
	}
	var nilProbe *Probe
	if got := nilProbe.Browsers(); got.TimedOut || len(got.Containers) > 0 {
		t.Errorf("nil probe: %+v", got)
	}
}

type runnerFunc func(args ...string) ([]byte, error)

func (f runnerFunc) Run(_ context.Context, args ...string) ([]byte, error) { return f(args...) }
