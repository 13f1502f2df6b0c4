package docker

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"sync"
)

// Labels and names the product puts on sandbox-browser containers.
const (
	LabelSandboxBrowser = "openclaw.sandboxBrowser"
	LabelConfigHash     = "openclaw.configHash"
	LabelBrowserEpoch   = "openclaw.browserConfigEpoch"
)

// maxContainers bounds how many containers one audit inspects.
const maxContainers = 256

// BrowserContainer is what docker reported about one sandbox-browser container.
type BrowserContainer struct {
	Name       string
	ConfigHash string   // "" when missing, empty or "<no value>"
	Epoch      string   // "" when missing, empty or "<no value>"
	Ports      []string // `docker port` lines, trimmed; nil when not read
	PortsRead  bool     // the port call completed
}

// BrowserInspection is the outcome of inspecting sandbox-browser containers.
type BrowserInspection struct {
	Containers []BrowserContainer // inspected containers, in `docker ps` order
	// TimedOut is set when a call hit its deadline; the containers after
	// the one being inspected were skipped.
	TimedOut bool
	// TimedOutCall names the call that timed out ("ps", "inspect <name>", "port <name>").
	TimedOutCall string
}

// InspectBrowsers lists sandbox-browser containers and reads their hash
// labels and published ports: `docker ps`, then per container `docker
// inspect` and `docker port`. A missing docker, a failing `ps` or no
// containers give an empty inspection; a failing inspect skips that
// container; a timeout stops the inspection where it is.
func InspectBrowsers(ctx context.Context, r Runner) BrowserInspection {
	var res BrowserInspection
	out, err := r.Run(ctx, "ps", "-a", "--filter", "label="+LabelSandboxBrowser+"=1", "--format", "{{.Names}}")
	if errors.Is(err, ErrTimeout) {
		res.TimedOut, res.TimedOutCall = true, "ps"
		return res
	}
	if err != nil {
		return res
	}
	names := lines(out)
	if len(names) > maxContainers {
		names = names[:maxContainers]
	}
	for _, name := range names {
		format := `{{ index .Config.Labels "` + LabelConfigHash + `" }}` + "\t" + `{{ index .Config.Labels "` + LabelBrowserEpoch + `" }}`
		out, err := r.Run(ctx, "inspect", "-f", format, name)
		if errors.Is(err, ErrTimeout) {
			res.TimedOut, res.TimedOutCall = true, "inspect "+name
			return res
		}
		if err != nil {
			continue
		}
		fields := strings.Split(string(out), "\t")
		hash, epoch := fields[0], ""
		if len(fields) > 1 {
			epoch = fields[1]
		}
		c := BrowserContainer{Name: name, ConfigHash: labelValue(hash), Epoch: labelValue(epoch)}
		out, err = r.Run(ctx, "port", name)
		if errors.Is(err, ErrTimeout) {
			res.Containers = append(res.Containers, c)
			res.TimedOut, res.TimedOutCall = true, "port "+name
			return res
		}
		if err == nil {
			c.Ports, c.PortsRead = lines(out), true
		}
		res.Containers = append(res.Containers, c)
	}
	return res
}

func labelValue(s string) string {
	s = strings.TrimSpace(s)
	if s == "<no value>" {
		return ""
	}
	return s
}

func lines(out []byte) []string {
	var names []string
	for _, l := range strings.Split(string(out), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			names = append(names, l)
		}
	}
	return names
}

// PublishedHost returns the host part of a `docker port` line such as
// "9222/tcp -> 127.0.0.1:19222" or "6080/tcp -> [::]:26080": the text after
// the last "->" (the whole line without one), read as "[host]:port" or
// "host:port". ok is false for anything else.
func PublishedHost(line string) (host string, ok bool) {
	rhs := strings.TrimSpace(line)
	if i := strings.LastIndex(rhs, "->"); i >= 0 {
		rhs = strings.TrimSpace(rhs[i+2:])
	}
	if m := bracketHostPort.FindStringSubmatch(rhs); m != nil {
		return m[1], true
	}
	if m := plainHostPort.FindStringSubmatch(rhs); m != nil {
		return m[1], true
	}
	return "", false
}

var (
	bracketHostPort = regexp.MustCompile(`^\[([^\]]+)\]:\d+$`)
	plainHostPort   = regexp.MustCompile(`^([^:]+):\d+$`)
)

// LoopbackHost reports whether a published host is one of the loopback
// names: exactly 127.0.0.1, ::1 or localhost (case-insensitive).
func LoopbackHost(host string) bool {
	switch strings.ToLower(strings.TrimSpace(host)) {
	case "127.0.0.1", "::1", "localhost":
		return true
	}
	return false
}

// Probe runs the browser inspection at most once per audit, on first use,
// so the checks that report on it share one set of docker calls.
type Probe struct {
	runner Runner
	once   sync.Once
	result BrowserInspection
}

// NewProbe returns a probe that runs docker through r.
func NewProbe(r Runner) *Probe { return &Probe{runner: r} }

// Browsers returns the inspection, running it on the first call. A nil
// probe inspects nothing.
func (p *Probe) Browsers() BrowserInspection {
	if p == nil {
		return BrowserInspection{}
	}
	p.once.Do(func() { p.result = InspectBrowsers(context.Background(), p.runner) })
	return p.result
}
