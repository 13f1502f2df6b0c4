package probe

import (
	"fmt"
	"hash/fnv"
	"math"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/config"
)

// DefaultPort is the gateway's port when nothing configures one.
const DefaultPort = 18789

// Where a target URL came from, as the plaintext guard's message names it.
const (
	SourceEnv    = "env OPENCLAW_GATEWAY_URL"
	SourceRemote = "config gateway.remote.url"
	SourceLocal  = "local loopback"
	// SourceLocalFallback: remote mode without a remote URL falls back to
	// the local gateway, as upstream does.
	SourceLocalFallback = "local loopback (gateway.mode is remote but gateway.remote.url is missing)"
)

// Target is the gateway the probe talks to and how it was chosen.
type Target struct {
	URL    string
	Source string // one of the Source constants
	// Remote: gateway.mode is "remote" with a remote URL, so only the remote
	// credentials apply.
	Remote bool
	// FromEnv: the URL came from OPENCLAW_GATEWAY_URL.
	FromEnv bool
}

// ResolveTarget picks the probe URL: OPENCLAW_GATEWAY_URL, else the remote
// URL in remote mode, else the local gateway on the resolved port (wss when
// gateway.tls.enabled). profile is the --profile name ("" for none).
func ResolveTarget(root *config.Value, env config.Env, profile string) Target {
	gw := root.Get("gateway")
	remoteMode := gw.Get("mode").StringOr("") == "remote"
	remoteURL := gw.Get("remote", "url").Trimmed()
	t := Target{Remote: remoteMode && remoteURL != ""}
	switch {
	case strings.TrimSpace(env.Get("OPENCLAW_GATEWAY_URL")) != "":
		t.URL, t.Source, t.FromEnv = strings.TrimSpace(env.Get("OPENCLAW_GATEWAY_URL")), SourceEnv, true
	case t.Remote:
		t.URL, t.Source = remoteURL, SourceRemote
	default:
		scheme := "ws"
		if gw.Get("tls", "enabled").IsTrue() {
			scheme = "wss"
		}
		t.URL = fmt.Sprintf("%s://127.0.0.1:%d", scheme, Port(root, env, profile))
		t.Source = SourceLocal
		if remoteMode {
			t.Source = SourceLocalFallback
		}
	}
	return t
}

// Port is the gateway port: OPENCLAW_GATEWAY_PORT (N, host:N or [v6]:N),
// else gateway.port when positive, else a port derived from the profile
// name, else DefaultPort.
func Port(root *config.Value, env config.Env, profile string) int {
	if s := strings.TrimSpace(env.Get("OPENCLAW_GATEWAY_PORT")); s != "" {
		if n, ok := envPort(s); ok {
			return n
		}
	}
	if n, ok := root.Get("gateway", "port").Number(); ok && n > 0 && n <= math.MaxInt32 && n == math.Trunc(n) {
		return int(n)
	}
	if profile != "" {
		h := fnv.New32a()
		h.Write([]byte(profile))
		return 20000 + int(h.Sum32()%40000)
	}
	return DefaultPort
}

func envPort(s string) (int, bool) {
	if _, p, err := net.SplitHostPort(s); err == nil {
		s = p
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 || n > 65535 {
		return 0, false
	}
	return n, true
}

// Release selects the release-specific rules: the plaintext guard, the
// credential precedence, the connect frame and the error strings.
type Release int

const (
	Release2026_4 Release = iota // openclaw 2026.4.14
	Release2026_9                // openclaw 2026.9.6
)

// GuardError is the plaintext guard's refusal. The audit must stop: the
// probe would send credentials in clear text over the network.
type GuardError struct {
	URL        string // redacted
	Source     string
	ConfigPath string
}

func (e *GuardError) Error() string {
	return fmt.Sprintf("security error: the gateway URL %q (from %s; config %s) is plaintext ws:// to a host that is not loopback; "+
		"--deep refuses to send gateway credentials over it. Use wss://, or reach the gateway through an SSH tunnel "+
		"(set OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1 only on a trusted private network)", e.URL, e.Source, e.ConfigPath)
}

// PlaintextAllowed applies the release's plaintext guard to a target URL.
// allowPrivate is OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1.
//
//   - both: wss (and https) always; ws (and http) to a loopback host.
//   - 2026.9: also ws to private IP literals and to *.local / *.ts.net names;
//     with allowPrivate, any name that is not an IP literal.
//   - 2026.4: with allowPrivate, ws to private IP literals and any name that
//     is not an IP literal.
func PlaintextAllowed(rel Release, raw string, allowPrivate bool) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "wss", "https":
		return true
	case "ws", "http":
	default:
		return false
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if LoopbackHost(host) {
		return true
	}
	ip, isIP := parseIP(host)
	privateIP := isIP && (ip.IsPrivate() || ip.IsLoopback() || ip.IsLinkLocalUnicast() || cgnat(ip))
	if rel == Release2026_9 {
		if privateIP || (!isIP && (strings.HasSuffix(host, ".local") || strings.HasSuffix(host, ".ts.net"))) {
			return true
		}
	} else if allowPrivate && privateIP {
		return true
	}
	return allowPrivate && !isIP
}

// LoopbackHost: localhost, or a loopback IP literal (127/8, ::1, and
// IPv4-mapped loopback).
func LoopbackHost(host string) bool {
	host = strings.ToLower(strings.Trim(host, "[]"))
	if host == "localhost" {
		return true
	}
	ip, ok := parseIP(host)
	return ok && ip.IsLoopback()
}

func parseIP(host string) (netip.Addr, bool) {
	ip, err := netip.ParseAddr(strings.Trim(host, "[]"))
	if err != nil {
		return netip.Addr{}, false
	}
	return ip.Unmap(), true
}

var cgnatPrefix = netip.MustParsePrefix("100.64.0.0/10")

// cgnat: Tailscale's address range, which upstream counts as private.
func cgnat(ip netip.Addr) bool { return cgnatPrefix.Contains(ip) }
