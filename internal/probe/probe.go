// Package probe is clawcheck's only network action: the --deep live probe of
// the configured OpenClaw gateway over its WebSocket protocol. It chooses the
// target and the credentials as the reference does, refuses plaintext
// targets the release refuses, and then holds one short, read-only
// conversation: connect challenge, connect request, hello-ok, and four
// read requests (health, status, system-presence, config.get).
//
// Beyond the reference it dials only the configured gateway (a loopback
// target must resolve to a loopback address at dial time), never follows a
// redirect, never uses a proxy, bounds every frame it reads and the whole
// conversation in time, and sends credentials nowhere but the connect frame
// to that gateway.
//
// The package knows nothing of checks or reports: the audit runs it once
// and hands the Result to the checks and the report.
package probe

import (
	"context"
	"net/url"
	"time"

	"github.com/clawcheck/clawcheck/internal/config"
)

// Limits of one probe, after the reference's: the overall timer, armed
// before connecting and re-armed after hello-ok; the wait for the connect
// challenge; the grace for closing the socket.
const (
	DefaultTimeout   = 5 * time.Second
	ChallengeTimeout = 15 * time.Second
	StopTimeout      = time.Second
	// MaxFrameBytes bounds one received message. The gateway's largest
	// answer, config.get, is the config file itself, which the loader caps
	// well below this.
	MaxFrameBytes = 4 << 20
)

// Close is the close frame the server (or the network) ended the socket with.
type Close struct {
	Code   int
	Reason string
}

// Result is the probe's outcome, the report's deep.gateway section.
type Result struct {
	Attempted bool
	URL       string // redacted
	OK        bool
	Error     string // "" when OK; redacted
	Close     *Close
	// UnresolvedRef is the config path of a credential SecretRef that could
	// not be used, so the probe ran without configured credentials.
	UnresolvedRef string
}

// Request is everything one probe needs.
type Request struct {
	Release    Release
	Config     *config.Config
	Env        config.Env
	Profile    string // --profile name, for the default port
	Explicit   Explicit
	Timeout    time.Duration // overall timer; DefaultTimeout when zero
	Challenge  time.Duration // connect-challenge wait; ChallengeTimeout when zero
	ReadLimit  int64         // MaxFrameBytes when zero
	ConfigPath string        // named by the plaintext guard's error
	// Device is the installation's stored device identity, nil when none.
	Device *Device
}

// Plan is a checked probe, ready to run.
type Plan struct {
	req    Request
	Target Target
	Creds  Credentials
}

// Prepare chooses the target and credentials and applies the plaintext
// guard. A *GuardError means the audit must stop before anything connects.
func Prepare(req Request) (*Plan, error) {
	t := ResolveTarget(req.Config.Root, req.Env, req.Profile)
	allowPrivate := req.Env.Get("OPENCLAW_ALLOW_INSECURE_PRIVATE_WS") == "1"
	if !PlaintextAllowed(req.Release, t.URL, allowPrivate) {
		return nil, &GuardError{URL: RedactURL(t.URL), Source: t.Source, ConfigPath: req.ConfigPath}
	}
	return &Plan{req: req, Target: t, Creds: ResolveCredentials(req.Release, req.Config, req.Env, t, req.Explicit)}, nil
}

// Run holds the conversation and maps its outcome as the release does.
// It returns within about twice the timeout plus StopTimeout, whatever the
// peer does.
func (p *Plan) Run(ctx context.Context) Result {
	o := p.req
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Challenge <= 0 {
		o.Challenge = ChallengeTimeout
	}
	if o.ReadLimit <= 0 {
		o.ReadLimit = MaxFrameBytes
	}
	out := converse(ctx, o, p.Target.URL, p.Creds, p.device())
	r := Result{Attempted: true, URL: RedactURL(p.Target.URL), OK: out.ok, Close: out.close, UnresolvedRef: p.Creds.UnresolvedRef}
	if !out.ok {
		r.Error = out.err
		if p.Creds.UnresolvedRef != "" {
			w := UnresolvedWarning(p.Creds.UnresolvedRef)
			if r.Error == "" {
				r.Error = w
			} else {
				r.Error += "; " + w
			}
		}
		if r.Error == "" {
			r.Error = "gateway unreachable"
		}
		r.Error = RedactText(r.Error)
	}
	if r.Close != nil {
		r.Close = &Close{Code: r.Close.Code, Reason: RedactText(r.Close.Reason)}
	}
	return r
}

// device is the stored identity the release would sign with (decision D9:
// loopback targets only). 2026.4 signs when it sends a credential; 2026.9
// when a device token is stored for the identity.
func (p *Plan) device() *Device {
	d := p.req.Device
	if d == nil {
		return nil
	}
	u, err := url.Parse(p.Target.URL)
	if err != nil || !LoopbackHost(u.Hostname()) {
		return nil
	}
	if p.req.Release == Release2026_9 {
		if d.Token == "" {
			return nil
		}
		return d
	}
	if p.Creds.Token == "" && p.Creds.Password == "" {
		return nil
	}
	return d
}

// UnresolvedWarning is the note added to the probe error when a credential
// reference could not be used.
func UnresolvedWarning(path string) string {
	return path + " is a SecretRef that could not be resolved here; the probe ran without configured credentials"
}
