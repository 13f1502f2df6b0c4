package probe

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"runtime"
	"strings"
	"time"

	"github.com/coder/websocket"
)

// outcome is the conversation's raw result, before redaction.
type outcome struct {
	ok    bool
	err   string
	close *Close
}

// frame is any gateway frame; only the fields the probe reads.
type frame struct {
	Type    string          `json:"type"`
	Event   string          `json:"event"`
	ID      string          `json:"id"`
	OK      bool            `json:"ok"`
	Payload json.RawMessage `json:"payload"`
	Error   *struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// readResult is one message, or the end of the socket.
type readResult struct {
	data  []byte
	close *Close
	err   error
}

// detailMethods are the read requests sent after hello-ok, in order.
var detailMethods = []struct {
	method string
	params any
}{
	{"health", nil}, {"status", nil}, {"system-presence", nil}, {"config.get", map[string]any{}},
}

func converse(parent context.Context, o Request, target string, creds Credentials, dev *Device) outcome {
	// The overall timer: armed before connecting, re-armed after hello-ok.
	// When it fires the context is cancelled, which also closes the socket.
	// Only this goroutine touches the timer.
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	rearm := make(chan time.Duration, 1)
	go func() {
		timer := time.NewTimer(o.Timeout)
		defer timer.Stop()
		for {
			select {
			case <-timer.C:
				cancel()
				return
			case d := <-rearm:
				timer.Reset(d)
			case <-ctx.Done():
				return
			}
		}
	}()
	timedOut := func() bool { return parent.Err() == nil && ctx.Err() != nil }

	conn, resp, err := websocket.Dial(ctx, target, &websocket.DialOptions{
		HTTPClient:      httpClient(target),
		CompressionMode: websocket.CompressionDisabled,
	})
	if err != nil {
		if resp != nil && resp.Body != nil {
			resp.Body.Close()
		}
		if timedOut() {
			return outcome{err: "timeout"}
		}
		return dialFailure(o.Release, target, resp, err)
	}
	conn.SetReadLimit(o.ReadLimit)
	defer stop(conn)

	msgs := make(chan readResult, 8)
	go readLoop(ctx, conn, msgs)

	var connectErr string // the reference's onConnectError text, 2026.9's preferred error
	closed := func(c *Close) outcome {
		if o.Release == Release2026_9 && connectErr != "" {
			return outcome{err: connectErr, close: c}
		}
		return outcome{err: closeError(c), close: c}
	}
	timeout := func() outcome {
		if connectErr != "" {
			return outcome{err: "connect failed: " + connectErr}
		}
		return outcome{err: "timeout"}
	}

	// 1. The connect challenge.
	challenge := time.NewTimer(o.Challenge)
	defer challenge.Stop()
	var nonce string
	for nonce == "" {
		select {
		case <-ctx.Done():
			return timeout()
		case <-challenge.C:
			connectErr = fmt.Sprintf("gateway connect challenge timeout (waited %dms, limit %dms)", o.Challenge.Milliseconds(), o.Challenge.Milliseconds())
			return closeAndWait(ctx, conn, msgs, "connect challenge timeout", closed, timeout)
		case m := <-msgs:
			if m.data == nil {
				return endOfSocket(m, closed, timedOut, timeout)
			}
			f, ok := parseFrame(m.data)
			if !ok || f.Type != "event" || f.Event != "connect.challenge" {
				continue
			}
			var p struct {
				Nonce any `json:"nonce"`
			}
			_ = json.Unmarshal(f.Payload, &p)
			s, _ := p.Nonce.(string)
			if strings.TrimSpace(s) == "" {
				connectErr = "gateway connect challenge missing nonce"
				return closeAndWait(ctx, conn, msgs, "connect challenge missing nonce", closed, timeout)
			}
			nonce = strings.TrimSpace(s)
		}
	}

	// 2. The connect request.
	seq := 0
	nextID := func() string { seq++; return fmt.Sprintf("%d:%s", seq, uuid()) }
	connectID := nextID()
	if err := send(ctx, conn, connectID, "connect", connectParams(o.Release, creds, dev, nonce, time.Now())); err != nil {
		if timedOut() {
			return timeout()
		}
		return drain(ctx, msgs, closed, timedOut, timeout)
	}
	for {
		var m readResult
		select {
		case <-ctx.Done():
			return timeout()
		case m = <-msgs:
		}
		if m.data == nil {
			return endOfSocket(m, closed, timedOut, timeout)
		}
		f, ok := parseFrame(m.data)
		if !ok || f.Type != "res" || f.ID != connectID {
			continue
		}
		if !f.OK {
			connectErr = requestError(f)
			return closeAndWait(ctx, conn, msgs, "connect failed", closed, timeout)
		}
		break
	}

	// 3. hello-ok: re-arm the timer and ask the four read requests at once.
	if ctx.Err() != nil {
		return timeout()
	}
	rearm <- o.Timeout
	pending := map[string]bool{}
	for _, d := range detailMethods {
		id := nextID()
		pending[id] = true
		if err := send(ctx, conn, id, d.method, d.params); err != nil {
			if timedOut() {
				return outcome{err: "timeout"}
			}
			return drainDetail(ctx, msgs)
		}
	}
	for len(pending) > 0 {
		var m readResult
		select {
		case <-ctx.Done():
			return outcome{err: "timeout"}
		case m = <-msgs:
		}
		if m.data == nil {
			if m.close == nil {
				if timedOut() {
					return outcome{err: "timeout"}
				}
				m.close = &Close{Code: 1006}
			}
			return outcome{err: closeError(m.close), close: m.close}
		}
		f, ok := parseFrame(m.data)
		if !ok || f.Type != "res" || !pending[f.ID] {
			continue
		}
		delete(pending, f.ID)
		if !f.OK {
			return outcome{err: requestError(f)}
		}
	}
	return outcome{ok: true}
}

// drainDetail waits for the socket's end after a failed send in the detail
// phase: pending requests then fail with the close.
func drainDetail(ctx context.Context, msgs <-chan readResult) outcome {
	for {
		select {
		case <-ctx.Done():
			return outcome{err: "timeout"}
		case m := <-msgs:
			if m.data != nil {
				continue
			}
			c := m.close
			if c == nil {
				c = &Close{Code: 1006}
			}
			return outcome{err: closeError(c), close: c}
		}
	}
}

// drain waits for the socket's end before hello-ok.
func drain(ctx context.Context, msgs <-chan readResult, closed func(*Close) outcome, timedOut func() bool, timeout func() outcome) outcome {
	for {
		select {
		case <-ctx.Done():
			return timeout()
		case m := <-msgs:
			if m.data == nil {
				return endOfSocket(m, closed, timedOut, timeout)
			}
		}
	}
}

// endOfSocket maps the socket's end before hello-ok.
func endOfSocket(m readResult, closed func(*Close) outcome, timedOut func() bool, timeout func() outcome) outcome {
	if m.close == nil && timedOut() {
		return timeout()
	}
	c := m.close
	if c == nil {
		c = &Close{Code: 1006}
	}
	return closed(c)
}

// closeAndWait ends the conversation from our side before hello-ok, as the
// reference does with close code 1008, and reports the close frame the
// server answers with (or its own, echoed, when the server is silent).
func closeAndWait(ctx context.Context, conn *websocket.Conn, msgs <-chan readResult, reason string, closed func(*Close) outcome, timeout func() outcome) outcome {
	// The server usually closes first after refusing a connect: give its
	// close frame a moment to arrive so that its code and reason are kept.
	grace := time.NewTimer(250 * time.Millisecond)
	defer grace.Stop()
	for {
		select {
		case <-ctx.Done():
			return timeout()
		case m := <-msgs:
			if m.data == nil {
				c := m.close
				if c == nil {
					c = &Close{Code: 1006}
				}
				return closed(c)
			}
		case <-grace.C:
			go conn.Close(websocket.StatusPolicyViolation, reason)
			select {
			case <-ctx.Done():
				return timeout()
			case m := <-waitEnd(msgs):
				if m.close != nil {
					return closed(m.close)
				}
				return closed(&Close{Code: 1008, Reason: reason})
			}
		}
	}
}

func waitEnd(msgs <-chan readResult) <-chan readResult {
	out := make(chan readResult, 1)
	go func() {
		for m := range msgs {
			if m.data == nil {
				out <- m
				return
			}
		}
	}()
	return out
}

func readLoop(ctx context.Context, conn *websocket.Conn, out chan<- readResult) {
	defer close(out)
	for {
		_, data, err := conn.Read(ctx)
		if err != nil {
			r := readResult{err: err}
			var ce websocket.CloseError
			switch {
			case errors.As(err, &ce):
				r.close = &Close{Code: int(ce.Code), Reason: ce.Reason}
			case ctx.Err() != nil:
			case strings.Contains(err.Error(), "read limited at"):
				r.close = &Close{Code: int(websocket.StatusMessageTooBig), Reason: fmt.Sprintf("frame larger than %d bytes", MaxFrameBytes)}
			default:
				r.close = &Close{Code: 1006}
			}
			select {
			case out <- r:
			case <-ctx.Done():
			}
			return
		}
		if data == nil {
			data = []byte{}
		}
		select {
		case out <- readResult{data: data}:
		case <-ctx.Done():
			return
		}
	}
}

func parseFrame(data []byte) (frame, bool) {
	var f frame
	if err := json.Unmarshal(data, &f); err != nil {
		return f, false
	}
	return f, true
}

func requestError(f frame) string {
	if f.Error != nil && f.Error.Message != "" {
		return f.Error.Message
	}
	return "unknown error"
}

func closeError(c *Close) string { return fmt.Sprintf("gateway closed (%d): %s", c.Code, c.Reason) }

type request struct {
	Type   string `json:"type"`
	ID     string `json:"id"`
	Method string `json:"method"`
	Params any    `json:"params,omitempty"`
}

func send(ctx context.Context, conn *websocket.Conn, id, method string, params any) error {
	b, err := json.Marshal(request{Type: "req", ID: id, Method: method, Params: params})
	if err != nil {
		return err
	}
	return conn.Write(ctx, websocket.MessageText, b)
}

type clientInfo struct {
	ID           string `json:"id"`
	Version      string `json:"version"`
	Platform     string `json:"platform"`
	DeviceFamily string `json:"deviceFamily,omitempty"`
	Mode         string `json:"mode"`
	InstanceID   string `json:"instanceId"`
}

type connectAuth struct {
	Token       string `json:"token,omitempty"`
	DeviceToken string `json:"deviceToken,omitempty"`
	Password    string `json:"password,omitempty"`
}

type connectParamsFrame struct {
	MinProtocol int          `json:"minProtocol"`
	MaxProtocol int          `json:"maxProtocol"`
	Client      clientInfo   `json:"client"`
	Caps        []string     `json:"caps"`
	Auth        *connectAuth `json:"auth,omitempty"`
	Role        string       `json:"role"`
	Scopes      []string     `json:"scopes"`
	Device      *deviceBlock `json:"device,omitempty"`
}

// connectParams is the release's connect request: a read-only operator
// probe. With a stored device identity (see Device) the request is signed,
// and the stored device token stands in when no credential was given.
func connectParams(rel Release, creds Credentials, dev *Device, nonce string, now time.Time) connectParamsFrame {
	p := connectParamsFrame{
		MinProtocol: 3, MaxProtocol: 3,
		Client: clientInfo{ID: "cli", Version: "dev", Platform: nodePlatform(), Mode: "probe", InstanceID: uuid()},
		Caps:   []string{},
		Role:   "operator",
		Scopes: []string{"operator.read"},
	}
	if rel == Release2026_9 {
		p.MaxProtocol = 4
		p.Client.DeviceFamily = deviceFamily()
	}
	var deviceToken string
	if dev != nil && creds.Token == "" && creds.Password == "" {
		deviceToken = dev.Token
		if deviceToken != "" && len(dev.Scopes) > 0 {
			p.Scopes = append([]string{}, dev.Scopes...)
		}
	}
	token := first(creds.Token, deviceToken)
	if token != "" || creds.Password != "" {
		p.Auth = &connectAuth{Token: token, DeviceToken: deviceToken, Password: creds.Password}
	}
	if dev != nil {
		p.Device = dev.sign(p.Client.ID, p.Client.Mode, p.Role, p.Scopes, now.UnixMilli(), token, nonce, p.Client.Platform, p.Client.DeviceFamily)
	}
	return p
}

// nodePlatform is process.platform's spelling of the OS.
func nodePlatform() string {
	if runtime.GOOS == "windows" {
		return "win32"
	}
	return runtime.GOOS
}

func deviceFamily() string {
	switch runtime.GOOS {
	case "linux":
		return "Linux"
	case "darwin":
		return "macOS"
	case "windows":
		return "Windows"
	}
	return ""
}

func uuid() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// stop closes the socket, waiting at most StopTimeout for the close
// handshake before dropping the connection.
func stop(conn *websocket.Conn) {
	done := make(chan struct{})
	go func() {
		conn.Close(websocket.StatusNormalClosure, "")
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(StopTimeout):
		conn.CloseNow()
	}
}

// httpClient dials only the target's host, with no proxy and no redirects,
// and checks each resolved address against the target (see allowedAddr).
func httpClient(target string) *http.Client {
	u, _ := url.Parse(target)
	host := ""
	if u != nil {
		host = strings.ToLower(u.Hostname())
	}
	d := &net.Dialer{Timeout: DefaultTimeout}
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		h, port, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		if !strings.EqualFold(h, host) {
			return nil, fmt.Errorf("probe: refusing to dial %s: not the gateway host %s", addr, host)
		}
		ips, err := net.DefaultResolver.LookupNetIP(ctx, "ip", h)
		if err != nil {
			return nil, err
		}
		var lastErr error
		for _, ip := range ips {
			ip = ip.Unmap()
			if !allowedAddr(host, ip) {
				lastErr = fmt.Errorf("probe: refusing to dial %s: %s resolves to %s, which is not a loopback address", addr, host, ip)
				continue
			}
			c, err := d.DialContext(ctx, network, net.JoinHostPort(ip.String(), port))
			if err == nil {
				return c, nil
			}
			lastErr = err
		}
		if lastErr == nil {
			lastErr = fmt.Errorf("probe: %s resolves to no address", host)
		}
		return nil, lastErr
	}
	return &http.Client{
		Transport: &http.Transport{
			Proxy:                  nil,
			DialContext:            dial,
			TLSClientConfig:        &tls.Config{MinVersion: tls.VersionTLS12},
			TLSHandshakeTimeout:    DefaultTimeout,
			DisableKeepAlives:      true,
			MaxResponseHeaderBytes: 64 << 10,
		},
		// A redirect is answered as the final response: the handshake then
		// fails on its status, and nothing is sent to the new location.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// allowedAddr: a loopback target must resolve to loopback addresses only, so
// a hostile resolver or hosts file cannot send the credentials elsewhere.
// An IP-literal target dials exactly that address. Other names were accepted
// by the plaintext guard (or use TLS) and dial what they resolve to.
func allowedAddr(host string, ip netip.Addr) bool {
	if LoopbackHost(host) {
		return ip.IsLoopback()
	}
	if lit, ok := parseIP(host); ok {
		return lit == ip
	}
	return ip.IsValid() && !ip.IsUnspecified() && !ip.IsMulticast()
}
