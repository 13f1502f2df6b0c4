package hooks

import (
	"fmt"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// minTokenLen is the shortest hooks.token upstream accepts without a warning.
const minTokenLen = 24

// TokenTooShort: the hook token is the only thing between the internet and
// an agent run; a short one can be guessed.
var TokenTooShort = &check.Check{
	ID:          "hooks.token_too_short",
	Severity:    check.Warn,
	Title:       "Webhook token is short enough to guess",
	Remediation: "Replace hooks.token with a random value of at least 24 characters (for example 32 random bytes, hex-encoded) and update every hook sender.",
	Doc:         "With hooks.enabled, anyone who presents hooks.token can trigger agent runs through the webhook endpoints. A token under 24 characters is within reach of guessing or brute force, especially when the gateway is reachable from other machines.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorHooks,
	Run: func(p *check.Pass) error {
		in := openclaw.ReadHooksIngress(p.Root())
		if !in.Enabled || in.Token == "" || utf16Len(in.Token) >= minTokenLen {
			return nil
		}
		p.Report(check.Finding{
			Detail:   fmt.Sprintf("hooks.token has %d characters; at least %d are expected.", utf16Len(in.Token), minTokenLen),
			Location: check.At(p.Root().Get("hooks", "token"), "hooks.token"),
		})
		return nil
	},
}

// utf16Len counts as JavaScript's length does, which is what the threshold
// was written against.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// TokenReuseGatewayToken: a hook token equal to the gateway's own secret turns
// every webhook sender into a full gateway operator.
var TokenReuseGatewayToken = &check.Check{
	ID:          "hooks.token_reuse_gateway_token",
	Severity:    check.Critical,
	Title:       "Webhook token is the gateway's own secret",
	Remediation: "Give hooks.token its own random value, different from the gateway token and password, and update the hook senders.",
	Doc:         "Webhook senders are external systems that only need to trigger hook runs. When hooks.token equals the gateway's shared secret (from the config or the OPENCLAW_GATEWAY_TOKEN / OPENCLAW_GATEWAY_PASSWORD environment), a leak from any of them hands over the whole gateway API: sessions, tools, configuration. 2026.4.14 compares with the gateway token only; 2026.9.6 compares with whichever secret the auth mode uses, including the remote fallback and a --token/--password given to the audit.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorHooks,
	Run: func(p *check.Pass) error {
		in := openclaw.ReadHooksIngress(p.Root())
		if !in.Enabled || in.Token == "" {
			return nil
		}
		label := openclaw.HooksTokenReuse(p.Compat, p.Config, p.Env, in.Token, p.Options.Token, p.Options.Password)
		if label == "" {
			return nil
		}
		p.Report(check.Finding{
			Detail:   fmt.Sprintf("hooks.token is identical to the %s.", label),
			Location: check.At(p.Root().Get("hooks", "token"), "hooks.token"),
		})
		return nil
	},
}
