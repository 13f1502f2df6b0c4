package gateway

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// trustedProxyMode runs f only when the gateway's resolved auth mode is
// trusted-proxy, handing it gateway.auth.trustedProxy.
func trustedProxyMode(f func(p *check.Pass, tp *config.Value) error) func(*check.Pass) error {
	return func(p *check.Pass) error {
		if openclaw.ResolveAuth(p.Compat, p.Config, p.Env).Mode != "trusted-proxy" {
			return nil
		}
		return f(p, p.Root().Get("gateway", "auth", "trustedProxy"))
	}
}

func modeLocation(p *check.Pass) *check.Location {
	return check.At(p.Root().Get("gateway", "auth", "mode"), "gateway.auth.mode")
}
