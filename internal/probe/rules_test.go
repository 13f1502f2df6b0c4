package probe

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/clawcheck/clawcheck/internal/config"
)

func TestPlaintextGuard(t *testing.T) {
	cases := []struct {
		url          string
		allowPrivate bool
		r4, r9       bool
	}{
		{"wss://gateway.example.com", false, true, true},
		{"https://gateway.example.com", false, true, true},
		{"ws://127.0.0.1:18789", false, true, true},
		{"ws://localhost:18789", false, true, true},
		{"ws://[::1]:18789", false, true, true},
		{"ws://10.255.255.1", false, false, true},
		{"ws://192.168.1.20:18789", false, false, true},
		{"ws://203.0.113.5", false, false, false},
		{"ws://example.invalid", false, false, false},
		{"ws://gateway.local", false, false, true},
		{"ws://box.tail1234.ts.net", false, false, true},
		{"ws://10.255.255.1", true, true, true},
		{"ws://example.invalid", true, true, true},
		{"ws://203.0.113.5", true, false, false},
		{"ftp://127.0.0.1", false, false, false},
		{"not a url", false, false, false},
	}
	for _, c := range cases {
		if got := PlaintextAllowed(Release2026_4, c.url, c.allowPrivate); got != c.r4 {
			t.Errorf("2026.4 %s (allowPrivate=%v) = %v, want %v", c.url, c.allowPrivate, got, c.r4)
		}
		if got := PlaintextAllowed(Release2026_9, c.url, c.allowPrivate); got != c.r9 {
			t.Errorf("2026.9 %s (allowPrivate=%v) = %v, want %v", c.url, c.allowPrivate, got, c.r9)
		}
	}
}

func TestPrepareRefusesPlaintextRemote(t *testing.T) {
	cfg := loadConfig(t, `{ gateway: { mode: "remote", remote: { url: "ws://user:pw@203.0.113.5:18789/?token=abc" } } }`, config.Env{})
	_, err := Prepare(Request{Release: Release2026_9, Config: cfg, Env: cfg.Env, ConfigPath: "/etc/openclaw.json"})
	var ge *GuardError
	if !errors.As(err, &ge) {
		t.Fatalf("err = %v, want a GuardError", err)
	}
	msg := ge.Error()
	for _, want := range []string{"203.0.113.5", SourceRemote, "/etc/openclaw.json"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, "pw@") || strings.Contains(msg, "token=abc") {
		t.Errorf("message %q leaks URL credentials", msg)
	}
	// The same config without remote mode probes the local gateway.
	cfg = loadConfig(t, `{ gateway: { remote: { url: "ws://203.0.113.5:18789" } } }`, config.Env{})
	p, err := Prepare(Request{Release: Release2026_9, Config: cfg, Env: cfg.Env})
	if err != nil || p.Target.URL != "ws://127.0.0.1:18789" || p.Target.Source != SourceLocal {
		t.Fatalf("got %+v, %v; want the local gateway", p, err)
	}
}

func TestResolveTarget(t *testing.T) {
	cases := []struct {
		config, profile string
		env             config.Env
		url, source     string
	}{
		{`{}`, "", nil, "ws://127.0.0.1:18789", SourceLocal},
		{`{ gateway: { port: 19001 } }`, "", nil, "ws://127.0.0.1:19001", SourceLocal},
		{`{ gateway: { port: 19001, tls: { enabled: true } } }`, "", nil, "wss://127.0.0.1:19001", SourceLocal},
		{`{ gateway: { port: 19001 } }`, "", config.Env{"OPENCLAW_GATEWAY_PORT": "127.0.0.1:19500"}, "ws://127.0.0.1:19500", SourceLocal},
		{`{ gateway: { port: 19001 } }`, "", config.Env{"OPENCLAW_GATEWAY_PORT": "[::1]:19600"}, "ws://127.0.0.1:19600", SourceLocal},
		{`{ gateway: { port: 19001 } }`, "", config.Env{"OPENCLAW_GATEWAY_PORT": "junk"}, "ws://127.0.0.1:19001", SourceLocal},
		{`{ gateway: { port: -4 } }`, "", nil, "ws://127.0.0.1:18789", SourceLocal},
		{`{ gateway: { port: "19001" } }`, "", nil, "ws://127.0.0.1:18789", SourceLocal},
		{`{ gateway: { mode: "remote", remote: { url: " wss://gw.example.com " } } }`, "", nil, "wss://gw.example.com", SourceRemote},
		{`{ gateway: { mode: "remote" } }`, "", nil, "ws://127.0.0.1:18789", SourceLocalFallback},
		{`{ gateway: { mode: "remote", remote: { url: "wss://gw.example.com" } } }`, "", config.Env{"OPENCLAW_GATEWAY_URL": "ws://127.0.0.1:1234"}, "ws://127.0.0.1:1234", SourceEnv},
	}
	for _, c := range cases {
		cfg := loadConfig(t, c.config, c.env)
		got := ResolveTarget(cfg.Root, cfg.Env, c.profile)
		if got.URL != c.url || got.Source != c.source {
			t.Errorf("%s env=%v: got %s (%s), want %s (%s)", c.config, c.env, got.URL, got.Source, c.url, c.source)
		}
	}
	// A named profile derives its port from the name.
	if p := Port(config.NewObject(), nil, "work"); p < 20000 || p >= 60000 || p != Port(config.NewObject(), nil, "work") {
		t.Errorf("profile port %d out of range or unstable", p)
	}
}

func TestResolveCredentials(t *testing.T) {
	const local = `{ gateway: { auth: { mode: "token", token: "cfg-token" }, remote: { token: "remote-token" } } }`
	cases := []struct {
		name     string
		rel      Release
		config   string
		env      config.Env
		explicit Explicit
		want     Credentials
	}{
		{"explicit wins", Release2026_9, local, config.Env{"OPENCLAW_GATEWAY_TOKEN": "env-token"}, Explicit{Token: " t ", Password: "p"}, Credentials{Token: "t", Password: "p"}},
		{"9.6 config first", Release2026_9, local, config.Env{"OPENCLAW_GATEWAY_TOKEN": "env-token"}, Explicit{}, Credentials{Token: "cfg-token"}},
		{"4.14 env first", Release2026_4, local, config.Env{"OPENCLAW_GATEWAY_TOKEN": "env-token"}, Explicit{}, Credentials{Token: "env-token"}},
		{"local falls back to remote token", Release2026_9, `{ gateway: { remote: { token: "remote-token" } } }`, nil, Explicit{}, Credentials{Token: "remote-token"}},
		{"remote mode takes remote only", Release2026_9, `{ gateway: { mode: "remote", remote: { url: "wss://gw.example.com", token: "remote-token" }, auth: { token: "cfg-token" } } }`, config.Env{"OPENCLAW_GATEWAY_TOKEN": "env-token"}, Explicit{}, Credentials{Token: "remote-token"}},
		{"env URL takes env only (9.6)", Release2026_9, local, config.Env{"OPENCLAW_GATEWAY_URL": "ws://127.0.0.1:1", "OPENCLAW_GATEWAY_PASSWORD": "env-pw"}, Explicit{}, Credentials{Password: "env-pw"}},
		{"unresolved ref", Release2026_9, `{ gateway: { auth: { mode: "token", token: "${NOPE_NOT_SET}" } } }`, nil, Explicit{}, Credentials{UnresolvedRef: "gateway.auth.token"}},
		{"unresolved password ref", Release2026_4, `{ gateway: { auth: { mode: "password", password: { source: "env", provider: "default", id: "NOPE_NOT_SET" } } } }`, nil, Explicit{}, Credentials{UnresolvedRef: "gateway.auth.password"}},
		{"unresolved ref, env token present (9.6)", Release2026_9, `{ gateway: { auth: { mode: "token", token: "${NOPE_NOT_SET}" } } }`, config.Env{"OPENCLAW_GATEWAY_TOKEN": "env-token"}, Explicit{}, Credentials{UnresolvedRef: "gateway.auth.token"}},
		{"unresolved ref, env token present (4.14)", Release2026_4, `{ gateway: { auth: { mode: "token", token: "${NOPE_NOT_SET}" } } }`, config.Env{"OPENCLAW_GATEWAY_TOKEN": "env-token"}, Explicit{}, Credentials{Token: "env-token"}},
		{"resolved ref", Release2026_9, `{ gateway: { auth: { mode: "token", token: "${GW_TOKEN_SET}" } } }`, config.Env{"GW_TOKEN_SET": "from-env-ref"}, Explicit{}, Credentials{Token: "from-env-ref"}},
		{"wrong types", Release2026_9, `{ gateway: { auth: { mode: 7, token: ["x"] }, remote: 3 } }`, nil, Explicit{}, Credentials{}},
	}
	for _, c := range cases {
		cfg := loadConfig(t, c.config, c.env)
		target := ResolveTarget(cfg.Root, cfg.Env, "")
		if got := ResolveCredentials(c.rel, cfg, cfg.Env, target, c.explicit); got != c.want {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestRedactURL(t *testing.T) {
	cases := map[string]string{
		"ws://127.0.0.1:18789":                        "ws://127.0.0.1:18789",
		"wss://user:secret@gw.example.com/":           "wss://%2A%2A%2A@gw.example.com/",
		"wss://gw.example.com/?token=abc&x=1":         "wss://gw.example.com/?token=***&x=1",
		"wss://gw.example.com/#access_token=abc":      "wss://gw.example.com/#access_token=***",
		"connect to wss://gw.example.com/?auth=zz ok": "connect to wss://gw.example.com/?auth=*** ok",
	}
	for in, want := range cases {
		got := RedactText(in)
		if strings.Contains(want, "%2A") {
			// url.User escapes nothing here on some Go versions; accept either spelling.
			if got != want && got != strings.ReplaceAll(want, "%2A", "*") {
				t.Errorf("RedactText(%q) = %q, want %q", in, got, want)
			}
			continue
		}
		if got != want {
			t.Errorf("RedactText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAllowedAddr(t *testing.T) {
	lo, pub := netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("203.0.113.5")
	if !allowedAddr("localhost", lo) || allowedAddr("localhost", pub) {
		t.Error("localhost must dial loopback only")
	}
	if !allowedAddr("203.0.113.5", pub) || allowedAddr("203.0.113.5", lo) {
		t.Error("an IP literal must dial exactly that address")
	}
}

func TestDeviceIdentity(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	pkcs8, _ := x509.MarshalPKCS8PrivateKey(priv)
	spki, _ := x509.MarshalPKIXPublicKey(pub)
	ident, _ := json.Marshal(map[string]any{
		"version": 1, "deviceId": "stale",
		"publicKeyPem":  string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: spki})),
		"privateKeyPem": string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8})),
	})
	d, err := ParseDevice(ident, nil)
	if err != nil || d == nil {
		t.Fatalf("ParseDevice: %v, %v", d, err)
	}
	if len(d.ID) != 64 || d.ID == "stale" {
		t.Errorf("device id %q is not derived from the key", d.ID)
	}
	auth, _ := json.Marshal(map[string]any{"version": 1, "deviceId": d.ID, "tokens": map[string]any{
		"operator": map[string]any{"token": "dev-token", "scopes": []string{"operator.read"}},
	}})
	d, _ = ParseDevice(ident, auth)
	if d.Token != "dev-token" || len(d.Scopes) != 1 {
		t.Errorf("stored device token not read: %+v", d)
	}
	b := d.sign("cli", "probe", "operator", []string{"operator.read"}, 42, "tok", "nonce", "linux", "")
	payload := "v3|" + d.ID + "|cli|probe|operator|operator.read|42|tok|nonce|linux|"
	sig, _ := decodeB64URL(b.Signature)
	if !ed25519.Verify(pub, []byte(payload), sig) {
		t.Error("signature does not verify over the v3 payload")
	}
	for _, bad := range []string{``, `{}`, `{"version":2}`, `[1]`, `{"version":1,"deviceId":"x","publicKeyPem":"junk","privateKeyPem":"junk"}`} {
		if d, _ := ParseDevice([]byte(bad), nil); d != nil {
			t.Errorf("ParseDevice(%s) accepted a bad identity", bad)
		}
	}
}

func decodeB64URL(s string) ([]byte, error) {
	return base64RawURL.DecodeString(s)
}

func TestConnectParams(t *testing.T) {
	p := connectParams(Release2026_4, Credentials{Token: "t"}, nil, "n", timeZero)
	b, _ := json.Marshal(p)
	s := string(b)
	for _, want := range []string{`"minProtocol":3`, `"maxProtocol":3`, `"id":"cli"`, `"mode":"probe"`, `"auth":{"token":"t"}`, `"role":"operator"`, `"scopes":["operator.read"]`, `"caps":[]`} {
		if !strings.Contains(s, want) {
			t.Errorf("2026.4 connect %s lacks %s", s, want)
		}
	}
	if strings.Contains(s, "device") {
		t.Errorf("2026.4 connect without identity names a device: %s", s)
	}
	p = connectParams(Release2026_9, Credentials{}, nil, "n", timeZero)
	b, _ = json.Marshal(p)
	if s := string(b); !strings.Contains(s, `"maxProtocol":4`) || strings.Contains(s, `"auth"`) {
		t.Errorf("2026.9 connect without credentials: %s", s)
	}
}

var (
	base64RawURL = base64.RawURLEncoding
	timeZero     = time.Unix(0, 0)
)
