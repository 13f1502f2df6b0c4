package openclaw

import (
	"errors"
	"fmt"
	"math"
	"net/netip"
	"net/url"
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// BrowserPluginRequested reports whether 2026.4.14 loads the bundled browser
// plugin (and so runs its security collector) in a plain audit: the config
// has a browser object, a tool allow list names "browser", a
// plugins.entries.browser entry is not disabled, or plugins.allow names it;
// and neither plugin policy nor browser.enabled=false keeps it out.
func BrowserPluginRequested(root *config.Value) bool {
	if !BrowserPluginLoads(root) {
		return false
	}
	if root.Get("browser").IsObject() {
		return true
	}
	names := func(tools *config.Value) bool {
		for _, k := range []string{"allow", "alsoAllow"} {
			for _, s := range tools.Get(k).Strings() {
				if strings.ToLower(strings.TrimSpace(s)) == "browser" {
					return true
				}
			}
		}
		return false
	}
	if names(root.Get("tools")) {
		return true
	}
	for _, a := range root.Get("agents", "list").Items() {
		if names(a.Get("tools")) {
			return true
		}
	}
	if e := root.Get("plugins", "entries", "browser"); e.IsObject() && !e.Get("enabled").IsFalse() {
		return true
	}
	for _, s := range root.Get("plugins", "allow").Strings() {
		if strings.ToLower(strings.TrimSpace(s)) == "browser" {
			return true
		}
	}
	return false
}

// BrowserPluginLoads: the bundled browser plugin loads unless plugins are
// off, plugins.deny names it, its entry is disabled, or browser.enabled is
// false (then even an invalid browser config goes unreported). A
// plugins.allow list that leaves it out does not stop it (2026.4.14 ✔ for
// each).
func BrowserPluginLoads(root *config.Value) bool {
	plugins := root.Get("plugins")
	if plugins.Get("enabled").IsFalse() || plugins.Get("entries", "browser", "enabled").IsFalse() ||
		root.Get("browser", "enabled").IsFalse() {
		return false
	}
	for _, d := range plugins.Get("deny").Strings() {
		if strings.ToLower(strings.TrimSpace(d)) == "browser" {
			return false
		}
	}
	return true
}

// BrowserProfile is one resolved browser profile.
type BrowserProfile struct {
	Name     string
	CDPURL   string // "" for profiles without a CDP endpoint of their own
	Host     string // hostname as a URL parser reports it (IPv6 unbracketed)
	Protocol string // "http", "https", "ws" or "wss"
	Loopback bool
	// Err is set when the profile cannot be resolved; upstream's collector
	// then throws.
	Err error
}

// BrowserConfig is the browser plugin's resolved configuration.
type BrowserConfig struct {
	Enabled bool
	// LegacyRelayAuth: browser.extensionRelay.allowLegacyAuth is not false
	// (2026.9.6; the default is true).
	LegacyRelayAuth bool
	// PrivateNetwork: the SSRF policy opts into private networks.
	PrivateNetwork bool
	Profiles       []BrowserProfile
}

const (
	defaultGatewayPort       = 18789
	defaultBrowserCtlPort    = 18791
	defaultCDPRangeStart     = 18800
	defaultCDPRangeSpan      = 99
	maxPort                  = 65535
	browserCDPRangeStartPath = "browser.cdpPortRangeStart"
)

// ResolveBrowserConfig resolves browser.* the way the profile's browser
// plugin does. An error means resolution itself fails (for example a
// browser.cdpUrl that is not an http(s) or ws(s) URL): upstream reports
// browser.control_invalid_config and checks nothing else.
func ResolveBrowserConfig(compat check.Compat, root *config.Value, env config.Env) (*BrowserConfig, error) {
	b := root.Get("browser")
	bc := &BrowserConfig{Enabled: !b.Get("enabled").IsFalse()}
	bc.LegacyRelayAuth = compat.Is96() && !b.Get("extensionRelay", "allowLegacyAuth").IsFalse()
	bc.PrivateNetwork = browserPrivateNetwork(compat, b.Get("ssrfPolicy"))

	controlPort := derivePort(gatewayPort(root, env), 2, defaultBrowserCtlPort)
	rangeStart := derivePort(controlPort, 9, defaultCDPRangeStart)
	if rangeStart+defaultCDPRangeSpan > maxPort {
		rangeStart = defaultCDPRangeStart
	}
	if compat.Is414() {
		if n, ok := b.Get("cdpPortRangeStart").Number(); ok && !math.IsInf(n, 0) && !math.IsNaN(n) {
			start := int(math.Floor(n))
			if start < 1 || start > maxPort {
				return nil, fmt.Errorf("%s must be between 1 and %d, got %d", browserCDPRangeStartPath, maxPort, start)
			}
			if start > maxPort-defaultCDPRangeSpan {
				return nil, fmt.Errorf("%s (%d) is too high for a %d-port range", browserCDPRangeStartPath, start, defaultCDPRangeSpan+1)
			}
			rangeStart = start
		}
	}

	rawCDP := b.Get("cdpUrl").Trimmed()
	var base *cdpURL
	if rawCDP != "" {
		u, err := parseCDPURL(rawCDP, "browser.cdpUrl")
		if err != nil {
			return nil, err
		}
		base = u
	} else {
		if controlPort+1 > maxPort {
			return nil, fmt.Errorf("the CDP port derived from the gateway port (%d) is above %d", controlPort+1, maxPort)
		}
		base = &cdpURL{protocol: "http", host: "127.0.0.1", port: controlPort + 1}
	}
	baseProto := "http"
	if base.protocol == "https" {
		baseProto = "https"
	}

	// Profiles: the configured ones in order, then the built-ins that are
	// missing (openclaw, user, and in 2026.9.6 chrome).
	type rawProfile struct {
		name string
		v    *config.Value
		// synthesised built-ins
		port    int
		url     string
		driver  string
		builtin bool
	}
	var raws []rawProfile
	seen := map[string]bool{}
	for _, m := range b.Get("profiles").Pairs() {
		if !m.Value.IsObject() {
			continue
		}
		raws = append(raws, rawProfile{name: m.Key, v: m.Value})
		seen[m.Key] = true
	}
	if !seen["openclaw"] {
		rp := rawProfile{name: "openclaw", builtin: true, port: rangeStart}
		if rawCDP != "" {
			rp.port = base.port
			if base.protocol == "ws" || base.protocol == "wss" {
				rp.url = base.normalized
			}
		}
		raws = append(raws, rp)
	}
	if !seen["user"] {
		raws = append(raws, rawProfile{name: "user", builtin: true, driver: "existing-session"})
	}
	if compat.Is96() && !seen["chrome"] {
		raws = append(raws, rawProfile{name: "chrome", builtin: true, driver: "extension"})
	}
	defaultProfile := b.Get("defaultProfile").Trimmed()
	if defaultProfile == "" {
		defaultProfile = "openclaw"
	}

	for _, rp := range raws {
		driver, url, port := rp.driver, rp.url, rp.port
		if !rp.builtin {
			driver = rp.v.Get("driver").StringOr("")
			url = rp.v.Get("cdpUrl").Trimmed()
			if n, ok := rp.v.Get("cdpPort").Number(); ok {
				port = int(n)
			}
		}
		p := BrowserProfile{Name: rp.name, Loopback: true}
		switch {
		case driver == "extension" && compat.Is96():
			// A local relay on 127.0.0.1.
		case driver == "existing-session":
			if compat.Is96() {
				if url == "" && rawCDP != "" && rp.name == defaultProfile {
					url = rawCDP
				}
				if url != "" {
					u, err := parseCDPURL(url, "browser.profiles."+rp.name+".cdpUrl")
					if err != nil {
						p.Err = err
					} else {
						p.CDPURL, p.Host, p.Protocol, p.Loopback = u.normalized, u.host, u.protocol, LoopbackHost(u.host)
					}
				}
			}
		case url != "" && port > 0 && wsDevtools(url):
			u, err := url2(url)
			if err != nil {
				p.Err = err
				break
			}
			p.Host, p.Protocol = u.Hostname(), baseProto
			p.CDPURL = fmt.Sprintf("%s://%s:%d", baseProto, bracket(p.Host), port)
			p.Loopback = LoopbackHost(p.Host)
		case url != "":
			u, err := parseCDPURL(url, "browser.profiles."+rp.name+".cdpUrl")
			if err != nil {
				p.Err = err
				break
			}
			p.CDPURL, p.Host, p.Protocol, p.Loopback = u.normalized, u.host, u.protocol, LoopbackHost(u.host)
		case port > 0:
			p.Host, p.Protocol = base.host, baseProto
			p.CDPURL = fmt.Sprintf("%s://%s:%d", baseProto, bracket(base.host), port)
			p.Loopback = LoopbackHost(base.host)
		default:
			p.Err = fmt.Errorf("browser profile %q has neither cdpPort nor cdpUrl", rp.name)
		}
		bc.Profiles = append(bc.Profiles, p)
	}
	return bc, nil
}

func wsDevtools(s string) bool {
	l := strings.ToLower(s)
	return (strings.HasPrefix(l, "ws://") || strings.HasPrefix(l, "wss://")) && strings.Contains(l, "/devtools/browser/")
}

func bracket(host string) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]"
	}
	return host
}

// browserPrivateNetwork: 2026.4.14 reads ssrfPolicy.dangerouslyAllowPrivateNetwork
// and the legacy allowPrivateNetwork; 2026.9.6 also honours them under
// ssrfPolicy.network when neither top-level key is set.
func browserPrivateNetwork(compat check.Compat, pol *config.Value) bool {
	d, a := pol.Get("dangerouslyAllowPrivateNetwork"), pol.Get("allowPrivateNetwork")
	if d.IsTrue() || a.IsTrue() {
		return true
	}
	if compat.Is414() || d.Present() || a.Present() {
		return false
	}
	n := pol.Get("network")
	return n.Get("dangerouslyAllowPrivateNetwork").IsTrue() || n.Get("allowPrivateNetwork").IsTrue()
}

func gatewayPort(root *config.Value, env config.Env) int {
	if s := strings.TrimSpace(env.Get("OPENCLAW_GATEWAY_PORT")); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n > 0 && n <= maxPort {
			return n
		}
	}
	if n, ok := root.Get("gateway", "port").Number(); ok && n > 0 && !math.IsInf(n, 0) {
		return int(n)
	}
	return defaultGatewayPort
}

func derivePort(base, offset, fallback int) int {
	if p := base + offset; p > 0 && p <= maxPort {
		return p
	}
	return fallback
}

type cdpURL struct {
	protocol, host string
	port           int
	normalized     string
}

// url2 parses an absolute URL, canonicalising a numeric IPv4 host the way a
// WHATWG URL parser does (so "0x7f.1" is 127.0.0.1).
func url2(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, err
	}
	if u.Scheme == "" || u.Host == "" {
		return nil, errors.New("not an absolute URL with a host")
	}
	if ip, ok := parseLegacyIPv4(u.Hostname()); ok {
		host := ip.String()
		if p := u.Port(); p != "" {
			host += ":" + p
		}
		u.Host = host
	}
	return u, nil
}

// parseCDPURL accepts http, https, ws and wss URLs with a valid port.
func parseCDPURL(raw, label string) (*cdpURL, error) {
	u, err := url2(raw)
	if err != nil {
		return nil, fmt.Errorf("%s is not a valid URL: %w", label, err)
	}
	proto := strings.ToLower(u.Scheme)
	switch proto {
	case "http", "https", "ws", "wss":
	default:
		return nil, fmt.Errorf("%s must be an http(s) or ws(s) URL, not %s", label, proto)
	}
	port := 80
	if proto == "https" || proto == "wss" {
		port = 443
	}
	if ps := u.Port(); ps != "" {
		n, err := strconv.Atoi(ps)
		if err != nil || n > maxPort {
			return nil, fmt.Errorf("%s has an invalid port %q", label, ps)
		}
		if n > 0 {
			port = n
		}
	}
	norm := strings.TrimSuffix(u.String(), "/")
	return &cdpURL{protocol: proto, host: strings.ToLower(u.Hostname()), port: port, normalized: norm}, nil
}

// LoopbackHost: "localhost" (trailing dots ignored) or a loopback address,
// IPv4-mapped forms included.
func LoopbackHost(host string) bool {
	h := strings.TrimRight(strings.ToLower(strings.Trim(host, "[]")), ".")
	if h == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(h)
	if err != nil {
		return false
	}
	return ip.Unmap().IsLoopback()
}

// BrowserTrustedPrivateHost: the internal names upstream blocks by name, or
// a special-use IP address (private, loopback, link-local, CGNAT, reserved,
// multicast…, also when embedded in IPv6), or a host that only looks like
// an address.
func BrowserTrustedPrivateHost(host string) bool {
	h := strings.TrimRight(strings.ToLower(strings.Trim(host, "[]")), ".")
	switch h {
	case "localhost", "localhost.localdomain", "metadata.google.internal":
		return true
	}
	return PrivateIPHost(h)
}

// PrivateIPHost reports whether host is a special-use IP address.
func PrivateIPHost(host string) bool {
	h := strings.TrimRight(strings.ToLower(strings.Trim(host, "[]")), ".")
	if h == "" {
		return false
	}
	if i := strings.IndexByte(h, '%'); i >= 0 {
		h = h[:i]
	}
	ip, err := netip.ParseAddr(h)
	if err != nil {
		if strings.Contains(h, ":") {
			return true // an IPv6-looking host that does not parse
		}
		if v4, ok := parseLegacyIPv4(h); ok {
			return specialIPv4(v4)
		}
		return false
	}
	if ip.Is4() {
		return specialIPv4(ip)
	}
	if specialIPv6(ip) {
		return true
	}
	if v4, ok := embeddedIPv4(ip); ok {
		return specialIPv4(v4)
	}
	return false
}

var specialIPv4Prefixes = mustPrefixes(
	"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
	"192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
	"198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
)

var specialIPv6Prefixes = mustPrefixes(
	"::/128", "::1/128", "fe80::/10", "fc00::/7", "ff00::/8", "2001:db8::/32", "100::/64",
	"2001:2::/48", "2001:20::/28", "fec0::/10",
)

func mustPrefixes(list ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(list))
	for i, s := range list {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

func specialIPv4(ip netip.Addr) bool {
	for _, p := range specialIPv4Prefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

func specialIPv6(ip netip.Addr) bool {
	for _, p := range specialIPv6Prefixes {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

// embeddedIPv4 extracts an IPv4 address carried inside an IPv6 one:
// IPv4-mapped and -compatible forms, NAT64 (64:ff9b::/96, 64:ff9b:1::/48)
// and IPv4-translated (::ffff:0:a.b.c.d).
func embeddedIPv4(ip netip.Addr) (netip.Addr, bool) {
	if ip.Is4In6() {
		return ip.Unmap(), true
	}
	b := ip.As16()
	tail := netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]})
	zero := func(from, to int) bool {
		for i := from; i < to; i++ {
			if b[i] != 0 {
				return false
			}
		}
		return true
	}
	switch {
	case zero(0, 12): // ::a.b.c.d
		return tail, true
	case zero(0, 8) && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0: // ::ffff:0:a.b.c.d
		return tail, true
	case b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && zero(4, 12): // 64:ff9b::/96
		return tail, true
	case b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 1 && zero(6, 12):
		return tail, true
	}
	return netip.Addr{}, false
}

// parseLegacyIPv4 reads the IPv4 host forms a WHATWG URL parser accepts:
// one to four parts, each decimal, octal (leading 0) or hex (0x), the last
// part filling the remaining bytes.
func parseLegacyIPv4(h string) (netip.Addr, bool) {
	h = strings.TrimSuffix(h, ".")
	if h == "" {
		return netip.Addr{}, false
	}
	parts := strings.Split(h, ".")
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	nums := make([]uint64, len(parts))
	for i, p := range parts {
		if p == "" {
			return netip.Addr{}, false
		}
		base, digits := 10, p
		switch {
		case strings.HasPrefix(p, "0x") || strings.HasPrefix(p, "0X"):
			base, digits = 16, p[2:]
			if digits == "" {
				digits = "0"
			}
		case len(p) > 1 && p[0] == '0':
			base, digits = 8, p[1:]
		}
		n, err := strconv.ParseUint(digits, base, 64)
		if err != nil || n > math.MaxUint32 {
			return netip.Addr{}, false
		}
		nums[i] = n
	}
	var v uint64
	for i, n := range nums[:len(nums)-1] {
		if n > 255 {
			return netip.Addr{}, false
		}
		v |= n << (8 * (3 - i))
	}
	last := nums[len(nums)-1]
	if last >= 1<<(8*(5-len(nums))) {
		return netip.Addr{}, false
	}
	v |= last
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}), true
}

// BrowserControlAuthConfigured reports whether browser control's HTTP routes
// have a gateway secret to demand. Token sources: the resolved gateway token
// (config, else OPENCLAW_GATEWAY_TOKEN) or any configured gateway.auth.token,
// even an unresolved reference. Password sources: the resolved password
// (config, else OPENCLAW_GATEWAY_PASSWORD), or a configured
// gateway.auth.password when the auth mode lets a password win.
func BrowserControlAuthConfigured(cfg *config.Config, env config.Env) bool {
	root := cfg.Root
	envToken := strings.TrimSpace(env.Get("OPENCLAW_GATEWAY_TOKEN"))
	envPassword := strings.TrimSpace(env.Get("OPENCLAW_GATEWAY_PASSWORD"))
	token := firstTrimmed(resolvedValue(cfg.Secret("gateway.auth.token")), envToken)
	password := firstTrimmed(resolvedValue(cfg.Secret("gateway.auth.password")), envPassword)
	tokenConfigured := token != "" || survivesDegradedConfig(cfg.Secret("gateway.auth.token"))
	if tokenConfigured || password != "" {
		return true
	}
	mode := root.Get("gateway", "auth", "mode").StringOr("")
	passwordCanWin := mode == "password" || (mode != "token" && mode != "none" && mode != "trusted-proxy")
	return passwordCanWin && survivesDegradedConfig(cfg.Secret("gateway.auth.password"))
}

// survivesDegradedConfig: a reference the audit could not resolve locally
// (an unset variable, a missing file) is dropped from the config plugin
// collectors see (2026.4.14 ✔: such a password gives browser.control_no_auth);
// a reference only the running installation resolves (exec, store) is
// assumed to hold a value, since the reference would have resolved it.
func survivesDegradedConfig(s *config.SecretInput) bool {
	if s == nil || !s.Configured() {
		return false
	}
	if s.Ref == nil || s.Resolved {
		return strings.TrimSpace(s.Secret) != ""
	}
	return strings.HasSuffix(s.Reason, "secrets are not resolved by clawcheck")
}

// RedactURL drops credentials and query parameters from a URL, which may
// carry tokens for remote browser services.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "<unparsable URL>"
	}
	hadUser := u.User != nil
	u.User = nil
	if u.RawQuery != "" {
		u.RawQuery = "redacted"
	}
	u.Fragment = ""
	out := u.String()
	if hadUser {
		if i := strings.Index(out, "://"); i >= 0 {
			out = out[:i+3] + "***@" + out[i+3:]
		}
	}
	return out
}
