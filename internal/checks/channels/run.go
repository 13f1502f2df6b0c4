package channels

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// run414 is the 2026.4.14 channel block.
func (b *block) run414() {
	channels := b.root.Get("channels")
	for _, pl := range plugins414 {
		raw := channels.Get(pl.id)
		if !raw.IsObject() {
			continue
		}
		v := loaded(pl.id, raw, b.p.Compat)
		accounts := accountsOf(pl.id, v, b.implicitDefault(pl.id, v))
		for _, a := range accounts {
			b.audit414(pl, a, accounts)
		}
		if pl.id != "discord" { // 2026.4.14's Discord adapter has its own
			b.nameBasedFor(pl.id)
		}
	}
}

// implicitDefault: LINE and Synology Chat list a "default" account next to
// named ones when the top level carries its credentials (or the
// environment does).
func (b *block) implicitDefault(ch string, v *config.Value) bool {
	env := func(k string) bool { return strings.TrimSpace(b.p.Env[k]) != "" }
	switch ch {
	case "line":
		return v.Get("channelAccessToken").Trimmed() != "" || v.Get("tokenFile").Trimmed() != "" || env("LINE_CHANNEL_ACCESS_TOKEN")
	case "synology-chat":
		return v.Get("token").Truthy() || env("SYNOLOGY_CHAT_TOKEN")
	}
	return false
}

func (b *block) audit414(pl *plugin, a *account, accounts []*account) {
	if b.unresolvable(pl, a) {
		return
	}
	if a.cfg.Get("enabled").IsFalse() || !pl.configured(b, a) {
		return
	}
	if pl.nameMatchingUnderConfig && a.cfg.Get("dangerouslyAllowNameMatching").IsTrue() {
		v, path := a.located("dangerouslyAllowNameMatching")
		b.add(item{
			id:     "channels." + pl.id + ".allowFrom.dangerous_name_matching_enabled",
			sev:    check.Info,
			detail: fmt.Sprintf("%s is true%s: senders may be matched by display name, e-mail or tag, which their owners can change.", path, a.label()),
			key:    a.label(),
			loc:    check.At(v, path),
		})
	}
	if pl.dm != nil {
		b.dmChecks(pl, a)
	}
	var warnings []warning
	if pl.openGroups {
		if w, ok := b.openGroupWarning(pl, a); ok {
			warnings = append(warnings, w)
		}
	}
	if pl.warnings != nil {
		warnings = append(warnings, pl.warnings(b, a)...)
	}
	for _, w := range warnings {
		b.add(item{
			id:     fmt.Sprintf("channels.%s.warning.%d", pl.id, b.upstream+1),
			sev:    w.sev,
			detail: w.detail,
			loc:    w.loc,
		})
	}
	if pl.audit != nil {
		pl.audit(b, a, accounts)
	}
}

// unresolvable reports an account that upstream cannot resolve read-only:
// Google Chat builds its account from the service-account credential and
// fails when that is a SecretRef nothing here could resolve. The account is
// then skipped, after a read_only_resolution finding.
func (b *block) unresolvable(pl *plugin, a *account) bool {
	if pl.id != "googlechat" {
		return false
	}
	defaults := b.root.Get("secrets", "defaults")
	v, path := a.located("serviceAccount")
	in := b.p.Config.Secrets[path]
	switch {
	case in != nil && in.Ref != nil:
		if in.Resolved {
			return false
		}
	case jsonObject(v.StringOr("")):
		return false
	default:
		if ref, ok := config.ParseSecretRef(v, defaults); ok {
			in = &config.SecretInput{Ref: ref}
			break
		}
		if v.IsObject() {
			return false
		}
		// serviceAccountRef is always a reference and not one of the audit's
		// resolution targets, so it never resolves here.
		refValue, refPath := a.located("serviceAccountRef")
		ref, ok := config.ParseSecretRef(refValue, defaults)
		if !ok {
			return false
		}
		v, path, in = refValue, refPath, &config.SecretInput{Ref: ref}
	}
	b.add(item{
		id:  "channels.googlechat.account.read_only_resolution",
		sev: check.Warn,
		detail: fmt.Sprintf("googlechat:%s: %s is a %s SecretRef (%s) that could not be resolved read-only, so the account's settings were not audited.",
			a.id, path, in.Ref.Source, in.Ref.ID),
		loc: check.At(v, path),
	})
	return true
}

// dmChecks: open, open without "*", disabled, and several senders sharing
// the main session.
func (b *block) dmChecks(pl *plugin, a *account) {
	d := pl.dm
	policy := d.defaultPolicy
	var policyValue *config.Value
	var allow []string
	if !d.ignored {
		policyValue = a.cfg.Get(d.policy...)
		if s, ok := policyValue.String(); ok {
			policy = s
		}
		allow = entries(a.cfg.Get(d.allowFrom...))
		if pl.id == "synology-chat" {
			allow = synologyAllowed(b, a)
		}
	}
	policyPath := a.base + d.policyLabel
	allowPath := a.base + d.allowLabel
	if pl.id == "synology-chat" {
		allowPath = "channels.synology-chat.allowFrom"
	}
	wildcard := false
	for _, e := range allow {
		wildcard = wildcard || e == "*"
	}
	if policy == "open" {
		b.add(item{
			id:     "channels." + pl.id + ".dm.open",
			sev:    check.Critical,
			detail: fmt.Sprintf("%s is \"open\": anyone who finds the bot can message it and drive the agent.", policyPath),
			loc:    check.At(policyValue, policyPath),
		})
		if !wildcard {
			b.add(item{
				id:     "channels." + pl.id + ".dm.open_invalid",
				sev:    check.Warn,
				detail: fmt.Sprintf("%s is \"open\" but %s has no \"*\" entry, so the setting does not say what it means.", policyPath, allowPath),
				loc:    check.At(policyValue, policyPath),
			})
		}
	}
	if policy == "disabled" {
		b.add(item{
			id:     "channels." + pl.id + ".dm.disabled",
			sev:    check.Info,
			detail: fmt.Sprintf("%s is \"disabled\": direct messages to the bot are dropped.", policyPath),
			loc:    check.At(policyValue, policyPath),
		})
		return
	}
	scope := "main"
	if s, ok := b.root.Get("session", "dmScope").String(); ok {
		scope = s
	}
	if scope != "main" {
		return
	}
	norm := d.normalize
	if norm == nil {
		norm = func(s string) string { return s }
	}
	principals := map[string]bool{}
	for _, e := range allow {
		if e == "*" {
			continue
		}
		if n := strings.TrimSpace(norm(e)); n != "" {
			principals[n] = true
		}
	}
	for _, e := range b.store(pl.id, a.id) {
		if n := strings.TrimSpace(norm(e)); n != "" {
			principals[n] = true
		}
	}
	if wildcard || len(principals) > 1 {
		b.add(item{
			id:     "channels." + pl.id + ".dm.scope_main_multiuser",
			sev:    check.Warn,
			detail: fmt.Sprintf("More than one sender can reach %s by direct message and session.dmScope is \"main\", so they all share one conversation and can read each other's context.", pl.id),
			loc:    check.At(b.root.Get("session", "dmScope"), "session.dmScope"),
		})
	}
}

// openGroupWarning: the account's effective group policy is open.
func (b *block) openGroupWarning(pl *plugin, a *account) (warning, bool) {
	v, path := a.located("groupPolicy")
	policy, ok := v.String()
	if !ok {
		policy = "allowlist"
		if pl.groupsOpenByDefault {
			policy = "open"
			path = a.base + "groupPolicy"
		}
	}
	if policy != "open" {
		return warning{}, false
	}
	routes := map[string]string{
		"telegram": "groups", "whatsapp": "groups", "nextcloud-talk": "rooms", "discord": "guilds", "slack": "channels",
	}[pl.id]
	detail := fmt.Sprintf("%s is \"open\" (unset means open on this channel): any group the bot is in can trigger it.", path)
	if ok {
		detail = fmt.Sprintf("%s is \"open\": any group or room the bot is in can trigger it.", path)
	}
	if routes != "" {
		if a.cfg.Get(routes).Len() > 0 {
			detail += fmt.Sprintf(" The %s list names where the bot listens, but not who may talk to it.", a.base+routes)
		} else {
			detail += fmt.Sprintf(" No %s list limits where it listens.", a.base+routes)
		}
	}
	return warning{sev: check.Critical, detail: detail, loc: check.At(v, path)}, true
}
