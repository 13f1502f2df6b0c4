package gateway

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
)

// HTTPSessionKeyOverride: the OpenAI-compatible endpoints let callers pick
// the session they write into.
var HTTPSessionKeyOverride = &check.Check{
	ID:          "gateway.http.session_key_override_enabled",
	Severity:    check.Info,
	Title:       "HTTP API callers can choose the session key",
	Remediation: "Give the HTTP API credentials only to clients you trust with every session, or switch off gateway.http.endpoints.chatCompletions and .responses when unused.",
	Doc:         "When the OpenAI-compatible /v1/chat/completions or /v1/responses endpoint is on, a caller can route a request into any session with the x-openclaw-session-key header, reading and steering other conversations' context. Anyone holding an API credential is therefore a fully trusted principal.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorHTTPSessionKey,
	Run: func(p *check.Pass) error {
		ep := p.Root().Get("gateway", "http", "endpoints")
		var on []string
		var first *check.Location
		if v := ep.Get("chatCompletions", "enabled"); v.IsTrue() {
			on = append(on, "/v1/chat/completions")
			first = check.At(v, "gateway.http.endpoints.chatCompletions.enabled")
		}
		if v := ep.Get("responses", "enabled"); v.IsTrue() {
			on = append(on, "/v1/responses")
			if first == nil {
				first = check.At(v, "gateway.http.endpoints.responses.enabled")
			}
		}
		if len(on) == 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail:   fmt.Sprintf("%s accept a caller-chosen session key (x-openclaw-session-key).", strings.Join(on, " and ")),
			Location: first,
		})
		return nil
	},
}
