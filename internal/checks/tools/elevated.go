package tools

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// maxElevatedSenders is the largest elevated allowlist that passes quietly.
const maxElevatedSenders = 25

// ElevatedAllowFromWildcard: "*" in an elevated allowlist lets anyone who
// can write on that channel switch the agent to elevated (host) execution.
var ElevatedAllowFromWildcard = &check.Check{
	ID:          "tools.elevated.allowFrom.<provider>.wildcard",
	Severity:    check.Critical,
	Title:       "Any sender on a channel may request elevated execution",
	Remediation: "Replace \"*\" in tools.elevated.allowFrom.<provider> with the explicit sender ids that need elevated mode, or set tools.elevated.enabled to false.",
	Doc:         "tools.elevated.allowFrom lists, per channel, who may ask the agent to run commands outside the sandbox with elevated rights. A \"*\" entry approves every sender on that channel, so a stranger (or a prompt-injected message relayed by one) can reach host execution.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorElevated,
	Run:         func(p *check.Pass) error { return runElevated(p, true) },
}

// ElevatedAllowFromLarge: a long elevated allowlist is hard to review and
// usually means elevated rights were handed out too broadly.
var ElevatedAllowFromLarge = &check.Check{
	ID:          "tools.elevated.allowFrom.<provider>.large",
	Severity:    check.Warn,
	Title:       "Elevated execution allowlist is long",
	Remediation: "Trim tools.elevated.allowFrom.<provider> to the few operators who need elevated mode; everyone else can use the sandboxed tools.",
	Doc:         "Every entry in tools.elevated.allowFrom can request host-level execution. More than 25 senders on one channel is rarely intentional and makes it likely that an account outside the trusted operator group holds elevated rights.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorElevated,
	Run:         func(p *check.Pass) error { return runElevated(p, false) },
}

// idPart is what one dot-separated part of a checkId may look like.
var idPart = regexp.MustCompile(`^[a-z0-9][A-Za-z0-9_-]*$`)

// providerIDPart turns an allowFrom key into a checkId part. Upstream uses
// the key as is; a key that cannot form a valid id (upper-case first
// letter, dots) is folded so the finding is still reported.
func providerIDPart(key string) string {
	if idPart.MatchString(key) {
		return key
	}
	var b strings.Builder
	for _, r := range strings.ToLower(key) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') || r == '_' || r == '-' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	s := strings.TrimLeft(b.String(), "_-")
	if s == "" {
		return "unnamed"
	}
	return s
}

// elevatedEntries normalises an allowFrom list as upstream does: every
// element stringified and trimmed, blanks dropped.
func elevatedEntries(list *config.Value) []string {
	var out []string
	for _, e := range list.Items() {
		var s string
		switch e.Kind {
		case config.String:
			s = strings.TrimSpace(e.Str)
		case config.Number:
			s = fmt.Sprint(e.Num)
		case config.Bool:
			s = fmt.Sprint(e.Bool)
		case config.Null:
			s = "null"
		default:
			s = "[value]"
		}
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func runElevated(p *check.Pass, wildcard bool) error {
	elevated := p.Root().Get("tools", "elevated")
	if elevated.Get("enabled").IsFalse() {
		return nil
	}
	for i, m := range elevated.Get("allowFrom").Pairs() {
		entries := elevatedEntries(m.Value)
		hasStar := false
		for _, e := range entries {
			if e == "*" {
				hasStar = true
				break
			}
		}
		path := "tools.elevated.allowFrom." + m.Key
		switch {
		case wildcard && hasStar:
			p.Report(check.Finding{
				CheckID:  "tools.elevated.allowFrom." + providerIDPart(m.Key) + ".wildcard",
				Detail:   fmt.Sprintf("%s contains \"*\": every sender on %s may request elevated execution.", path, m.Key),
				Location: check.At(m.Value, path),
				Group:    i,
			})
		case !wildcard && !hasStar && len(entries) > maxElevatedSenders:
			p.Report(check.Finding{
				CheckID:  "tools.elevated.allowFrom." + providerIDPart(m.Key) + ".large",
				Detail:   fmt.Sprintf("%s lists %d senders (more than %d) who may request elevated execution.", path, len(entries), maxElevatedSenders),
				Location: check.At(m.Value, path),
				Group:    i,
			})
		}
	}
	return nil
}
