package openclaw

import (
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
)

func TestBrowserHosts(t *testing.T) {
	loopback := map[string]bool{
		"localhost": true, "LOCALHOST.": true, "127.0.0.1": true, "127.9.9.9": true, "::1": true, "[::1]": true,
		"::ffff:127.0.0.1": true, "10.0.0.5": false, "example.com": false, "": false,
	}
	for h, want := range loopback {
		if got := LoopbackHost(h); got != want {
			t.Errorf("LoopbackHost(%q) = %v", h, got)
		}
	}
	private := map[string]bool{
		"10.0.0.5": true, "172.16.0.1": true, "172.32.0.1": false, "192.168.1.2": true, "100.64.0.1": true,
		"169.254.169.254": true, "198.18.0.1": true, "203.0.113.9": true, "8.8.8.8": false, "0.0.0.0": true,
		"fd00::5": true, "[fe80::1]": true, "2001:db8::1": true, "2606:4700::1": false, "::ffff:10.0.0.1": true,
		"64:ff9b::a00:1": true, "64:ff9b::808:808": false, "0x0a.0.0.1": true, "012.1": true, "3232235778": true,
		"cdp.example.net": false, "zz:zz": true,
	}
	for h, want := range private {
		if got := PrivateIPHost(h); got != want {
			t.Errorf("PrivateIPHost(%q) = %v", h, got)
		}
	}
	for _, h := range []string{"localhost", "localhost.localdomain", "Metadata.Google.Internal", "10.1.2.3"} {
		if !BrowserTrustedPrivateHost(h) {
			t.Errorf("BrowserTrustedPrivateHost(%q) = false", h)
		}
	}
}

func TestParseLegacyIPv4(t *testing.T) {
	tests := map[string]string{
		"10.0.0.1": "10.0.0.1", "0x7f.1": "127.0.0.1", "0177.0.0.1": "127.0.0.1", "3232235778": "192.168.1.2",
		"10.256": "10.0.1.0", "1.2.3.4.": "1.2.3.4",
	}
	for in, want := range tests {
		ip, ok := parseLegacyIPv4(in)
		if !ok || ip.String() != want {
			t.Errorf("parseLegacyIPv4(%q) = %v, %v; want %s", in, ip, ok, want)
		}
	}
	for _, bad := range []string{"", "a.b", "1.2.3.4.5", "256.1.1.1", "1.2.3.256", "09.1.1.1", "4294967296"} {
		if ip, ok := parseLegacyIPv4(bad); ok {
			t.Errorf("parseLegacyIPv4(%q) = %v", bad, ip)
		}
	}
}

func TestRedactURL(t *testing.T) {
	tests := map[string]string{
		"http://u:p@h:1/x?token=abc#f": "http://***@h:1/x?redacted",
		"https://host":                 "https://host",
	}
	for in, want := range tests {
		if got := RedactURL(in); got != want {
			t.Errorf("RedactURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestResolveBrowserConfig(t *testing.T) {
	tests := []struct {
		name, config string
		compat       check.Compat
		wantErr      bool
		profiles     string // name:loopback pairs, in order
	}{
		{"defaults 2026.4", `{}`, check.Compat2026_4, false, "openclaw:true user:true"},
		{"defaults 2026.9", `{}`, check.Compat2026_9, false, "openclaw:true user:true chrome:true"},
		{"ftp cdpUrl", `{ browser: { cdpUrl: "ftp://x" } }`, check.Compat2026_4, true, ""},
		{"bad port", `{ browser: { cdpUrl: "http://h:70000" } }`, check.Compat2026_4, true, ""},
		{"range start too high", `{ browser: { cdpPortRangeStart: 65500 } }`, check.Compat2026_4, true, ""},
		{"range start ignored by 2026.9", `{ browser: { cdpPortRangeStart: 65500 } }`, check.Compat2026_9, false, "openclaw:true user:true chrome:true"},
		{"remote default", `{ browser: { cdpUrl: "http://10.0.0.5:9222" } }`, check.Compat2026_4, false, "openclaw:false user:true"},
		{"extension driver 2026.4 uses its URL", `{ browser: { profiles: { x: { driver: "extension", cdpUrl: "http://10.0.0.9:1" } } } }`, check.Compat2026_4, false, "x:false openclaw:true user:true"},
		{"extension driver 2026.9 is a local relay", `{ browser: { profiles: { x: { driver: "extension", cdpUrl: "http://10.0.0.9:1" } } } }`, check.Compat2026_9, false, "x:true openclaw:true user:true chrome:true"},
	}
	for _, tt := range tests {
		cfg := loadConfig(t, tt.config, nil)
		bc, err := ResolveBrowserConfig(tt.compat, cfg.Root, cfg.Env)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: err %v", tt.name, err)
			continue
		}
		if err != nil {
			continue
		}
		got := ""
		for i, p := range bc.Profiles {
			if i > 0 {
				got += " "
			}
			got += p.Name + ":" + map[bool]string{true: "true", false: "false"}[p.Loopback]
		}
		if got != tt.profiles {
			t.Errorf("%s: profiles %q, want %q", tt.name, got, tt.profiles)
		}
	}
}

func TestBrowserPrivateNetwork(t *testing.T) {
	tests := []struct {
		config       string
		want4, want9 bool
	}{
		{`{}`, false, false},
		{`{ browser: { ssrfPolicy: { dangerouslyAllowPrivateNetwork: true } } }`, true, true},
		{`{ browser: { ssrfPolicy: { allowPrivateNetwork: true } } }`, true, true},
		{`{ browser: { ssrfPolicy: { network: { allowPrivateNetwork: true } } } }`, false, true},
		{`{ browser: { ssrfPolicy: { allowPrivateNetwork: false, network: { allowPrivateNetwork: true } } } }`, false, false},
	}
	for _, tt := range tests {
		cfg := loadConfig(t, tt.config, nil)
		pol := cfg.Root.Get("browser", "ssrfPolicy")
		if got := browserPrivateNetwork(check.Compat2026_4, pol); got != tt.want4 {
			t.Errorf("%s 2026.4: %v", tt.config, got)
		}
		if got := browserPrivateNetwork(check.Compat2026_9, pol); got != tt.want9 {
			t.Errorf("%s 2026.9: %v", tt.config, got)
		}
	}
}
