package hostile

import (
	"bufio"
	"context"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/clawcheck/clawcheck/internal/cli"
)

// gatewayBound is how long a --deep audit against a misbehaving gateway may
// take: the probe's own bounds (5 s per step, 15 s for the challenge) with
// room to spare, well under the suite's case timeout.
const gatewayBound = 40 * time.Second

// rawServer accepts TCP connections on loopback and hands each to handle.
// It closes everything when the test ends.
type rawServer struct {
	l     net.Listener
	conns atomic.Int32
	mu    sync.Mutex
	open  []net.Conn
}

func serveRaw(t *testing.T, handle func(c net.Conn)) *rawServer {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &rawServer{l: l}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			s.conns.Add(1)
			s.mu.Lock()
			s.open = append(s.open, c)
			s.mu.Unlock()
			go handle(c)
		}
	}()
	t.Cleanup(func() {
		l.Close()
		s.mu.Lock()
		for _, c := range s.open {
			c.Close()
		}
		s.mu.Unlock()
	})
	return s
}

func (s *rawServer) port() int { return s.l.Addr().(*net.TCPAddr).Port }

// upgrade reads the WebSocket upgrade request and answers 101.
func upgrade(c net.Conn) (*http.Request, bool) {
	req, err := http.ReadRequest(bufio.NewReader(c))
	if err != nil {
		return nil, false
	}
	sum := sha1.Sum([]byte(req.Header.Get("Sec-WebSocket-Key") + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
	_, err = fmt.Fprintf(c, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: %s\r\n\r\n", base64.StdEncoding.EncodeToString(sum[:]))
	return req, err == nil
}

// frameHeader is an unmasked server text frame header for n bytes.
func frameHeader(n uint64) []byte {
	h := []byte{0x81, 127, 0, 0, 0, 0, 0, 0, 0, 0}
	binary.BigEndian.PutUint64(h[2:], n)
	return h
}

// deepAudit audits the installation with --deep against the gateway on
// port and returns the run and the report's deep.gateway section.
func deepAudit(t *testing.T, cfg string, env map[string]string, extra ...string) (result, map[string]any) {
	t.Helper()
	homeDir, stateDir := home(t)
	write(t, filepath.Join(stateDir, "openclaw.json"), []byte(cfg), 0o600)
	start := time.Now()
	r := audit(t, homeDir, env, append([]string{"security", "audit", "--json", "--no-docker", "--deep"}, extra...)...)
	if d := time.Since(start); d > gatewayBound {
		t.Errorf("the --deep audit took %s", d)
	}
	if r.code != cli.ExitOK {
		return r, nil
	}
	var rep struct {
		Deep struct {
			Gateway map[string]any `json:"gateway"`
		} `json:"deep"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("report is not JSON: %v", err)
	}
	return r, rep.Deep.Gateway
}

func localGateway(port int) string {
	return fmt.Sprintf(`{ gateway: { port: %d, auth: { mode: "token", token: "cnry-local-token-7d2a9f4e1b6c8035" } } }`, port)
}

// wantProbeFailed: the audit completed, and the probe says it failed.
func wantProbeFailed(t *testing.T, r result, gw map[string]any) {
	t.Helper()
	wantExit(t, r, cli.ExitOK, "", false)
	if gw == nil || gw["ok"] != false || gw["error"] == "" {
		t.Errorf("deep.gateway = %v, want a failed probe with an error", gw)
	}
	t.Logf("deep.gateway: %v", gw)
	if strings.Contains(r.stdout+r.stderr, "cnry-local-token") {
		t.Error("the gateway token reached the output")
	}
}

func TestGatewayNeverAnswers(t *testing.T) {
	s := serveRaw(t, func(c net.Conn) { io.Copy(io.Discard, c) })
	r, gw := deepAudit(t, localGateway(s.port()), nil)
	wantProbeFailed(t, r, gw)
}

// The gateway accepts the upgrade but never sends the challenge.
func TestGatewayNeverSendsChallenge(t *testing.T) {
	s := serveRaw(t, func(c net.Conn) {
		if _, ok := upgrade(c); ok {
			io.Copy(io.Discard, c)
		}
	})
	r, gw := deepAudit(t, localGateway(s.port()), nil)
	wantProbeFailed(t, r, gw)
}

// Every byte of the answer comes 100 ms after the last.
func TestGatewaySlowByteByByte(t *testing.T) {
	s := serveRaw(t, func(c net.Conn) {
		req, err := http.ReadRequest(bufio.NewReader(c))
		if err != nil {
			return
		}
		sum := sha1.Sum([]byte(req.Header.Get("Sec-WebSocket-Key") + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))
		answer := fmt.Sprintf("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: %s\r\n\r\n", base64.StdEncoding.EncodeToString(sum[:]))
		challenge := `{"type":"event","event":"connect.challenge","payload":{"nonce":"n-1","ts":1}}`
		msg := append([]byte(answer), 0x81, byte(len(challenge)))
		msg = append(msg, challenge...)
		for _, b := range msg {
			if _, err := c.Write([]byte{b}); err != nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		io.Copy(io.Discard, c)
	})
	r, gw := deepAudit(t, localGateway(s.port()), nil)
	wantProbeFailed(t, r, gw)
}

// A frame announced as 100 MB, and sent: the probe refuses it by its frame
// limit instead of reading or buffering it.
func TestGateway100MBFrame(t *testing.T) {
	s := serveRaw(t, func(c net.Conn) {
		if _, ok := upgrade(c); !ok {
			return
		}
		if _, err := c.Write(frameHeader(100 << 20)); err != nil {
			return
		}
		chunk := []byte(strings.Repeat("x", 64<<10))
		for sent := 0; sent < 100<<20; sent += len(chunk) {
			if _, err := c.Write(chunk); err != nil {
				return
			}
		}
	})
	peak := watchHeap(t)
	r, gw := deepAudit(t, localGateway(s.port()), nil)
	wantProbeFailed(t, r, gw)
	if p := peak(); p > 96<<20 {
		t.Errorf("the heap reached %d MiB: the frame was buffered", p>>20)
	}
}

func TestGatewayClosesMidHandshake(t *testing.T) {
	for name, handle := range map[string]func(c net.Conn){
		"OnAccept": func(c net.Conn) { c.Close() },
		"AfterRequest": func(c net.Conn) {
			http.ReadRequest(bufio.NewReader(c))
			c.Close()
		},
		"InStatusLine": func(c net.Conn) {
			http.ReadRequest(bufio.NewReader(c))
			io.WriteString(c, "HTTP/1.1 101 Swit")
			c.Close()
		},
		"AfterUpgrade": func(c net.Conn) {
			upgrade(c)
			c.Close()
		},
		"InFrame": func(c net.Conn) {
			if _, ok := upgrade(c); ok {
				c.Write([]byte{0x81, 126, 0x10})
			}
			c.Close()
		},
		"Garbage": func(c net.Conn) {
			http.ReadRequest(bufio.NewReader(c))
			c.Write([]byte("\x00\xff\x1b[2J not http at all\r\n\r\n"))
			c.Close()
		},
	} {
		t.Run(name, func(t *testing.T) {
			s := serveRaw(t, handle)
			r, gw := deepAudit(t, localGateway(s.port()), nil)
			wantProbeFailed(t, r, gw)
			if strings.Contains(r.stdout+r.stderr, "\x1b") {
				t.Error("the server's bytes reached the output raw")
			}
		})
	}
}

// A redirect is not followed, whatever its status, and the target of the
// redirect never hears from the probe.
func TestGatewayRedirects(t *testing.T) {
	elsewhere := serveRaw(t, func(c net.Conn) { io.Copy(io.Discard, c) })
	for _, status := range []string{"301 Moved Permanently", "302 Found", "307 Temporary Redirect", "308 Permanent Redirect"} {
		t.Run(strings.Fields(status)[0], func(t *testing.T) {
			s := serveRaw(t, func(c net.Conn) {
				if _, err := http.ReadRequest(bufio.NewReader(c)); err != nil {
					return
				}
				fmt.Fprintf(c, "HTTP/1.1 %s\r\nLocation: ws://127.0.0.1:%d/?token=leak\r\nContent-Length: 0\r\n\r\n", status, elsewhere.port())
				io.Copy(io.Discard, c)
			})
			r, gw := deepAudit(t, localGateway(s.port()), nil)
			wantProbeFailed(t, r, gw)
		})
	}
	if n := elsewhere.conns.Load(); n != 0 {
		t.Errorf("the redirect target got %d connections", n)
	}
}

// recorder is a gateway that keeps everything the probe sent: the upgrade
// request line and headers, and every WebSocket message.
type recorder struct {
	mu   sync.Mutex
	seen strings.Builder
}

func (g *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	fmt.Fprintf(&g.seen, "%s %s\n", r.Method, r.URL.String())
	r.Header.Write(&g.seen)
	g.mu.Unlock()
	c, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	defer c.CloseNow()
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	c.Write(ctx, websocket.MessageText, []byte(`{"type":"event","event":"connect.challenge","payload":{"nonce":"n-1","ts":1}}`))
	for {
		_, data, err := c.Read(ctx)
		if err != nil {
			return
		}
		g.mu.Lock()
		g.seen.Write(data)
		g.seen.WriteByte('\n')
		g.mu.Unlock()
		c.Close(websocket.StatusPolicyViolation, "unauthorized")
		return
	}
}

func (g *recorder) String() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.seen.String()
}

func serveRecorder(t *testing.T) (*recorder, int) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	g := &recorder{}
	srv := &http.Server{Handler: g, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return g, l.Addr().(*net.TCPAddr).Port
}

// A configured remote gateway is never sent the local gateway's
// credentials or the environment's, and the credential that is meant for
// it travels only inside the connect frame: never in the URL or a header.
func TestRemoteGatewayNeverSentLocalCredential(t *testing.T) {
	const local, localPw, envTok, remote = "cnry-local-token-7d2a9f4e1b6c8035", "cnry-local-passwd-5e8b1c3a9d0f7264", "cnry-env-token-0a9c7e5b3d1f8642", "cnry-remote-token-3f6e9a2c5b8d1470"
	for _, compat := range []string{"2026.4", "2026.9"} {
		t.Run(compat, func(t *testing.T) {
			g, port := serveRecorder(t)
			cfg := fmt.Sprintf(`{ gateway: { mode: "remote", port: 1, auth: { mode: "token", token: %q, password: %q }, remote: { url: "ws://127.0.0.1:%d/?probe=1", token: %q } } }`, local, localPw, port, remote)
			r, gw := deepAudit(t, cfg, map[string]string{"OPENCLAW_GATEWAY_TOKEN": envTok}, "--compat", compat)
			wantExit(t, r, cli.ExitOK, "", false)
			if gw == nil || gw["attempted"] != true {
				t.Fatalf("deep.gateway = %v", gw)
			}
			seen := g.String()
			if !strings.Contains(seen, `"connect"`) {
				t.Fatalf("the remote gateway got no connect frame:\n%s", seen)
			}
			for _, s := range []string{local, localPw, envTok} {
				if strings.Contains(seen, s) {
					t.Errorf("the remote gateway was sent %s:\n%s", s, seen)
				}
			}
			head, _, _ := strings.Cut(seen, "{")
			if strings.Contains(head, remote) {
				t.Errorf("the remote credential travelled outside the connect frame:\n%s", head)
			}
			for _, s := range []string{local, localPw, envTok, remote} {
				if strings.Contains(r.stdout+r.stderr, s) {
					t.Errorf("%s reached the output", s)
				}
			}
		})
	}
}

// Plaintext ws:// to a host that is not loopback is refused before any
// connection: the credential cannot cross the network in the clear.
func TestRemoteGatewayPlaintextRefused(t *testing.T) {
	for _, url := range []string{"ws://192.0.2.1:18789", "ws://gateway.example.invalid:18789", "ws://[2001:db8::1]:18789", "ws://127.0.0.1.nip.invalid:1"} {
		t.Run(url, func(t *testing.T) {
			cfg := fmt.Sprintf(`{ gateway: { mode: "remote", remote: { url: %q, token: "cnry-remote-token-3f6e9a2c5b8d1470" } } }`, url)
			start := time.Now()
			r, _ := deepAudit(t, cfg, nil)
			if r.code != cli.ExitFailure {
				t.Fatalf("exit %d, want the plaintext guard's refusal: %s", r.code, clip(r.stderr))
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("the refusal took %s: was a connection attempted?", d)
			}
			if strings.Contains(r.stdout+r.stderr, "cnry-remote-token") {
				t.Error("the credential reached the output")
			}
		})
	}
}
