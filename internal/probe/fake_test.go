package probe

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/clawcheck/clawcheck/internal/config"
)

// loadConfig writes a config into a throw-away state dir and loads it.
func loadConfig(t *testing.T, src string, env config.Env) *config.Config {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "openclaw.json")
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(config.Paths{Home: dir, StateDir: dir, ConfigPath: path, CredentialsDir: filepath.Join(dir, "credentials")},
		config.LoadOptions{Env: env, Cwd: dir})
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// fakeGateway speaks just enough of the gateway protocol: a challenge, a
// connect check, and answers to the read requests.
type fakeGateway struct {
	token, password string
	// grantRead: the detail requests succeed; otherwise they fail with the
	// missing-scope error a gateway gives a shared-secret probe without a
	// paired device.
	grantRead bool
	silent    bool // accept the socket and never speak
	oversize  int  // send a challenge padded to this many bytes
	connects  atomic.Int32
	lastAuth  atomic.Value // map[string]any
}

func (g *fakeGateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	if g.silent {
		<-ctx.Done()
		return
	}
	challenge := map[string]any{"type": "event", "event": "connect.challenge", "payload": map[string]any{"nonce": "n-1", "ts": 1}}
	if g.oversize > 0 {
		challenge["payload"].(map[string]any)["pad"] = strings.Repeat("x", g.oversize)
	}
	writeJSON(ctx, c, challenge)
	for {
		_, data, err := c.Read(ctx)
		if err != nil {
			return
		}
		var req struct {
			ID     string `json:"id"`
			Method string `json:"method"`
			Params struct {
				Auth   map[string]any `json:"auth"`
				Scopes []string       `json:"scopes"`
				Client map[string]any `json:"client"`
			} `json:"params"`
		}
		if json.Unmarshal(data, &req) != nil {
			continue
		}
		if req.Method == "connect" {
			g.connects.Add(1)
			g.lastAuth.Store(req.Params.Auth)
			tok, _ := req.Params.Auth["token"].(string)
			pw, _ := req.Params.Auth["password"].(string)
			switch {
			case req.Params.Auth == nil:
				writeJSON(ctx, c, resErr(req.ID, "NOT_PAIRED", "device identity required"))
				c.Close(websocket.StatusPolicyViolation, "device identity required")
				return
			case g.token != "" && tok != g.token, g.password != "" && pw != g.password:
				msg := "unauthorized: gateway token mismatch (provide gateway auth token)"
				writeJSON(ctx, c, resErr(req.ID, "INVALID_REQUEST", msg))
				c.Close(websocket.StatusPolicyViolation, msg)
				return
			}
			writeJSON(ctx, c, map[string]any{"type": "res", "id": req.ID, "ok": true, "payload": map[string]any{"type": "hello-ok", "protocol": 3}})
			continue
		}
		if g.grantRead {
			writeJSON(ctx, c, map[string]any{"type": "res", "id": req.ID, "ok": true, "payload": map[string]any{}})
		} else {
			writeJSON(ctx, c, resErr(req.ID, "FORBIDDEN", "missing scope: operator.read"))
		}
	}
}

func resErr(id, code, msg string) map[string]any {
	return map[string]any{"type": "res", "id": id, "ok": false, "error": map[string]any{"code": code, "message": msg}}
}

func writeJSON(ctx context.Context, c *websocket.Conn, v any) {
	b, _ := json.Marshal(v)
	_ = c.Write(ctx, websocket.MessageText, b)
}

func portOf(t *testing.T, rawURL string) string {
	t.Helper()
	_, port, err := net.SplitHostPort(strings.TrimPrefix(rawURL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	return port
}

// probeAt runs a probe of the local gateway on port with the given config
// body (inside gateway: {...}) and flags.
func probeAt(t *testing.T, rel Release, port, gateway string, explicit Explicit, timeout time.Duration) Result {
	t.Helper()
	cfg := loadConfig(t, fmt.Sprintf(`{ gateway: { port: %s, %s } }`, port, gateway), config.Env{})
	plan, err := Prepare(Request{Release: rel, Config: cfg, Env: cfg.Env, Explicit: explicit, Timeout: timeout, ReadLimit: 64 << 10})
	if err != nil {
		t.Fatal(err)
	}
	return plan.Run(context.Background())
}

const testToken = "fake-gateway-token-0123456789abcdef"

func TestProbeFakeGateway(t *testing.T) {
	type want struct {
		ok    bool
		err   string
		close *Close
	}
	mismatch := "unauthorized: gateway token mismatch (provide gateway auth token)"
	cases := []struct {
		name     string
		gw       *fakeGateway
		config   string
		explicit Explicit
		by       map[Release]want
	}{
		{
			name: "right token, read granted", gw: &fakeGateway{token: testToken, grantRead: true},
			config: `auth: { mode: "token", token: "` + testToken + `" }`,
			by:     map[Release]want{Release2026_4: {ok: true}, Release2026_9: {ok: true}},
		},
		{
			name: "right token, scope refused", gw: &fakeGateway{token: testToken},
			config: `auth: { mode: "token", token: "` + testToken + `" }`,
			by: map[Release]want{
				Release2026_4: {err: "missing scope: operator.read"},
				Release2026_9: {err: "missing scope: operator.read"},
			},
		},
		{
			name: "wrong token from --token", gw: &fakeGateway{token: testToken, grantRead: true},
			config: `auth: { mode: "token", token: "` + testToken + `" }`, explicit: Explicit{Token: "  not-the-token  "},
			by: map[Release]want{
				Release2026_4: {err: "gateway closed (1008): " + mismatch, close: &Close{1008, mismatch}},
				Release2026_9: {err: mismatch, close: &Close{1008, mismatch}},
			},
		},
		{
			name: "password", gw: &fakeGateway{password: "pw-0123456789", grantRead: true},
			config: `auth: { mode: "password" }`, explicit: Explicit{Password: "pw-0123456789"},
			by: map[Release]want{Release2026_4: {ok: true}, Release2026_9: {ok: true}},
		},
		{
			name: "no credentials", gw: &fakeGateway{token: testToken, grantRead: true},
			config: `auth: { mode: "token" }`,
			by: map[Release]want{
				Release2026_4: {err: "gateway closed (1008): device identity required", close: &Close{1008, "device identity required"}},
				Release2026_9: {err: "device identity required", close: &Close{1008, "device identity required"}},
			},
		},
	}
	for _, tc := range cases {
		srv := httptest.NewServer(tc.gw)
		port := portOf(t, srv.URL)
		for _, rel := range []Release{Release2026_4, Release2026_9} {
			t.Run(fmt.Sprintf("%s/%d", tc.name, rel), func(t *testing.T) {
				got := probeAt(t, rel, port, tc.config, tc.explicit, 2*time.Second)
				w := tc.by[rel]
				if !got.Attempted || got.OK != w.ok || got.Error != w.err || fmt.Sprint(got.Close) != fmt.Sprint(w.close) {
					t.Errorf("got ok=%v err=%q close=%v, want ok=%v err=%q close=%v", got.OK, got.Error, got.Close, w.ok, w.err, w.close)
				}
				if want := "ws://127.0.0.1:" + port; got.URL != want {
					t.Errorf("url %q, want %q", got.URL, want)
				}
			})
		}
		srv.Close()
	}
}

func TestProbeSendsCredentialsOnlyInConnect(t *testing.T) {
	gw := &fakeGateway{token: testToken, grantRead: true}
	srv := httptest.NewServer(gw)
	defer srv.Close()
	got := probeAt(t, Release2026_9, portOf(t, srv.URL), `auth: { mode: "token", token: "`+testToken+`" }`, Explicit{}, 2*time.Second)
	if !got.OK {
		t.Fatalf("probe failed: %s", got.Error)
	}
	auth, _ := gw.lastAuth.Load().(map[string]any)
	if auth["token"] != testToken || len(auth) != 1 {
		t.Errorf("connect auth = %v, want only the token", auth)
	}
}

func TestProbeSilentServerTimesOut(t *testing.T) {
	srv := httptest.NewServer(&fakeGateway{silent: true})
	defer srv.Close()
	start := time.Now()
	got := probeAt(t, Release2026_9, portOf(t, srv.URL), `auth: { mode: "token", token: "`+testToken+`" }`, Explicit{}, 300*time.Millisecond)
	if got.OK || got.Error != "timeout" || got.Close != nil {
		t.Errorf("got ok=%v err=%q close=%v, want a timeout", got.OK, got.Error, got.Close)
	}
	if d := time.Since(start); d > 300*time.Millisecond+StopTimeout+time.Second {
		t.Errorf("probe took %v, past its deadline", d)
	}
}

func TestProbeNonWebSocketServer(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	port := portOf(t, srv.URL)
	for rel, want := range map[Release]string{Release2026_4: "gateway closed (1006): ", Release2026_9: "Unexpected server response: 404"} {
		got := probeAt(t, rel, port, `auth: { mode: "token", token: "`+testToken+`" }`, Explicit{}, 2*time.Second)
		if got.OK || got.Error != want || got.Close == nil || got.Close.Code != 1006 {
			t.Errorf("release %d: got ok=%v err=%q close=%v, want %q with close 1006", rel, got.OK, got.Error, got.Close, want)
		}
	}
}

func TestProbeOversizeFrame(t *testing.T) {
	srv := httptest.NewServer(&fakeGateway{token: testToken, grantRead: true, oversize: 128 << 10})
	defer srv.Close()
	got := probeAt(t, Release2026_9, portOf(t, srv.URL), `auth: { mode: "token", token: "`+testToken+`" }`, Explicit{}, 2*time.Second)
	if got.OK || got.Close == nil || got.Close.Code != int(websocket.StatusMessageTooBig) {
		t.Errorf("got ok=%v err=%q close=%v, want a refused oversize frame", got.OK, got.Error, got.Close)
	}
}

func TestProbeRefusesRedirect(t *testing.T) {
	var hits atomic.Int32
	elsewhere := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		(&fakeGateway{grantRead: true}).ServeHTTP(w, r)
	}))
	defer elsewhere.Close()
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, elsewhere.URL+"/?token=leak", http.StatusFound)
	}))
	defer redirector.Close()
	got := probeAt(t, Release2026_9, portOf(t, redirector.URL), `auth: { mode: "token", token: "`+testToken+`" }`, Explicit{}, 2*time.Second)
	if got.OK || got.Error != "Unexpected server response: 302" {
		t.Errorf("got ok=%v err=%q, want the redirect refused", got.OK, got.Error)
	}
	if hits.Load() != 0 {
		t.Errorf("the probe followed the redirect")
	}
}

func TestProbeNothingListening(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := fmt.Sprint(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	for rel, want := range map[Release]string{
		Release2026_4: "gateway closed (1006): ",
		Release2026_9: "connect ECONNREFUSED 127.0.0.1:" + port,
	} {
		got := probeAt(t, rel, port, `auth: { mode: "token", token: "`+testToken+`" }`, Explicit{}, 2*time.Second)
		if got.OK || got.Error != want || fmt.Sprint(got.Close) != fmt.Sprint(&Close{Code: 1006}) {
			t.Errorf("release %d: got err=%q close=%v, want %q and close 1006", rel, got.Error, got.Close, want)
		}
	}
}

func TestProbeUnresolvedRef(t *testing.T) {
	srv := httptest.NewServer(&fakeGateway{token: testToken, grantRead: true})
	defer srv.Close()
	got := probeAt(t, Release2026_4, portOf(t, srv.URL), `auth: { mode: "token", token: "${UNSET_GATEWAY_TOKEN_FOR_TEST}" }`, Explicit{}, 2*time.Second)
	if got.UnresolvedRef != "gateway.auth.token" || got.OK {
		t.Fatalf("got ref=%q ok=%v, want the unresolved token noted and the probe refused", got.UnresolvedRef, got.OK)
	}
	if !strings.HasSuffix(got.Error, "; "+UnresolvedWarning("gateway.auth.token")) {
		t.Errorf("error %q does not carry the unresolved-ref note", got.Error)
	}
	// --token replaces the configured credential: no note.
	got = probeAt(t, Release2026_4, portOf(t, srv.URL), `auth: { mode: "token", token: "${UNSET_GATEWAY_TOKEN_FOR_TEST}" }`, Explicit{Token: testToken}, 2*time.Second)
	if got.UnresolvedRef != "" || !got.OK {
		t.Errorf("with --token: got ref=%q ok=%v err=%q", got.UnresolvedRef, got.OK, got.Error)
	}
}
