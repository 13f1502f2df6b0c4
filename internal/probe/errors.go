package probe

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"syscall"
)

// dialFailure maps a failed WebSocket handshake as the release does. The
// socket never opened, so the close is the abnormal 1006 in both; 2026.4
// reports that close, 2026.9 the underlying error in Node's wording
// (decision D10: the strings follow the profile).
func dialFailure(rel Release, target string, resp *http.Response, err error) outcome {
	c := &Close{Code: 1006}
	if rel == Release2026_4 {
		return outcome{err: closeError(c), close: c}
	}
	if resp != nil && resp.StatusCode != http.StatusSwitchingProtocols {
		return outcome{err: fmt.Sprintf("Unexpected server response: %d", resp.StatusCode), close: c}
	}
	return outcome{err: nodeError(target, err), close: c}
}

// nodeError words a connection error the way Node's net module does
// ("connect ECONNREFUSED 127.0.0.1:18789"), which is what 2026.9 prints.
func nodeError(target string, err error) string {
	addr := ""
	var op *net.OpError
	if errors.As(err, &op) && op.Addr != nil {
		addr = op.Addr.String()
	}
	if addr == "" {
		if u, perr := url.Parse(target); perr == nil {
			addr = u.Host
		}
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		if dns.IsNotFound {
			return "getaddrinfo ENOTFOUND " + dns.Name
		}
		return "getaddrinfo EAI_AGAIN " + dns.Name
	}
	for _, e := range []struct {
		errno syscall.Errno
		name  string
	}{
		{syscall.ECONNREFUSED, "ECONNREFUSED"}, {syscall.ECONNRESET, "ECONNRESET"},
		{syscall.EHOSTUNREACH, "EHOSTUNREACH"}, {syscall.ENETUNREACH, "ENETUNREACH"},
		{syscall.ETIMEDOUT, "ETIMEDOUT"}, {syscall.EADDRNOTAVAIL, "EADDRNOTAVAIL"},
	} {
		if errors.Is(err, e.errno) {
			verb := "connect"
			if e.errno == syscall.ECONNRESET {
				verb = "read"
			}
			return fmt.Sprintf("%s %s %s", verb, e.name, addr)
		}
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return "connect ETIMEDOUT " + addr
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}
