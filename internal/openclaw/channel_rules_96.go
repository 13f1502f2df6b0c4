package openclaw

import (
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// 2026.9.6's direct-message routing, as its channel audit uses it to decide
// which session a DM sender lands in. Only the parts a DM can reach are
// modelled: peer bindings, account and channel bindings, the agent roster,
// session.dmScope and session.identityLinks. Guild, team and role bindings
// never match a DM.

// DMRoute is where a direct message from one sender goes.
type DMRoute struct {
	AgentID    string
	AccountID  string
	DMScope    string
	SessionKey string
	// MatchedBy is "default" when no binding chose the agent.
	MatchedBy string
}

// ResolveDMRoute96 routes a direct message on channel/accountID from peerID
// ("" for an unknown sender). ok is false when no agent owns the route: the
// roster has several agents and nothing (a binding, an explicit system
// agent, a single default marker) picks one, or a binding names an agent the
// roster does not have (returned as unknownAgent).
func ResolveDMRoute96(root *config.Value, channel, accountID, peerID string) (route DMRoute, unknownAgent string, ok bool) {
	channel = strings.ToLower(strings.TrimSpace(channel))
	peerID = strings.TrimSpace(peerID)
	dmScope := root.Get("session", "dmScope").StringOr("main")
	for _, b := range dmBindings96(root, channel, accountID, peerID) {
		agent, ok := bindingAgent96(root, b.Get("agentId").Trimmed())
		if !ok {
			return DMRoute{}, b.Get("agentId").Trimmed(), false
		}
		scope := dmScope
		if s, ok := b.Get("session", "dmScope").String(); ok {
			scope = s
		}
		return newDMRoute(root, agent, channel, accountID, peerID, scope, "binding"), "", true
	}
	agent, ok := routeOwner96(root)
	if !ok {
		return DMRoute{}, "", false
	}
	return newDMRoute(root, agent, channel, accountID, peerID, dmScope, "default"), "", true
}

func newDMRoute(root *config.Value, agent, channel, accountID, peerID, scope, matchedBy string) DMRoute {
	return DMRoute{
		AgentID:    agent,
		AccountID:  accountID,
		DMScope:    scope,
		SessionKey: DMSessionKey96(root, agent, channel, accountID, peerID, scope),
		MatchedBy:  matchedBy,
	}
}

// DMSessionKey96 is the session key of a direct message under a DM scope.
// main (and any scope without a peer) gives the agent's main session, or
// "global" when session.scope is global.
func DMSessionKey96(root *config.Value, agent, channel, accountID, peerID, scope string) string {
	peer := strings.TrimSpace(peerID)
	if peer == "" {
		peer = "unknown"
	}
	if scope != "main" {
		if linked, ok := LinkedDMPeer96(root, channel, peer); ok {
			peer = linked
		}
	}
	peer = strings.ToLower(strings.TrimSpace(peer))
	agent = NormalizeAgentID(agent)
	if peer != "" {
		switch scope {
		case "per-account-channel-peer":
			return "agent:" + agent + ":" + channel + ":" + accountID + ":direct:" + peer
		case "per-channel-peer":
			return "agent:" + agent + ":" + channel + ":direct:" + peer
		case "per-peer":
			return "agent:" + agent + ":direct:" + peer
		}
	}
	if root.Get("session", "scope").StringOr("") == "global" {
		return "global"
	}
	return "agent:" + agent + ":main"
}

// LinkedDMPeer96 is the canonical identity session.identityLinks declares
// for a DM sender, matched as "<peer>" or "<channel>:<peer>" (ignoring
// case), in config order.
func LinkedDMPeer96(root *config.Value, channel, peerID string) (string, bool) {
	peer := strings.TrimSpace(peerID)
	if peer == "" {
		return "", false
	}
	candidates := map[string]bool{strings.ToLower(peer): true}
	if ch := strings.ToLower(strings.TrimSpace(channel)); ch != "" {
		candidates[strings.ToLower(strings.TrimSpace(ch+":"+peer))] = true
	}
	for _, m := range root.Get("session", "identityLinks").Pairs() {
		name := strings.TrimSpace(m.Key)
		if name == "" || !m.Value.IsArray() {
			continue
		}
		for _, id := range m.Value.Items() {
			if n := strings.ToLower(id.Trimmed()); n != "" && candidates[n] {
				return name, true
			}
		}
	}
	return "", false
}

// DirectChannelOfSessionKey returns the channel a per-peer session key
// names ("" when the key names none: main, global, per-peer keys).
func DirectChannelOfSessionKey(key string) string {
	parts := strings.Split(key, ":")
	if len(parts) < 5 || parts[0] != "agent" {
		return ""
	}
	rest := parts[2:]
	if len(rest) >= 4 && (rest[2] == "direct" || rest[2] == "dm") {
		return rest[0]
	}
	if len(rest) >= 3 && (rest[1] == "direct" || rest[1] == "dm") {
		return rest[0]
	}
	return ""
}

// ExactDMBindingPeers lists the peer ids of direct-message bindings of the
// channel account, in binding order.
func ExactDMBindingPeers(root *config.Value, channel, accountID string) []string {
	var out []string
	seen := map[string]bool{}
	for _, b := range channelBindings96(root, channel, accountID) {
		kind, id, state := bindingPeer(b.Get("match", "peer"))
		if state == "valid" && kind == "direct" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// channelBindings96 are the bindings of channel that apply to accountID
// (their accountId is the account, or "*"), in config order. Bindings with
// a malformed peer are dropped.
func channelBindings96(root *config.Value, channel, accountID string) []*config.Value {
	var out []*config.Value
	for _, b := range root.Get("bindings").Items() {
		if !b.IsObject() || b.Get("type").StringOr("") == "acp" {
			continue
		}
		match := b.Get("match")
		if strings.ToLower(match.Get("channel").Trimmed()) != channel || channel == "" {
			continue
		}
		if _, _, state := bindingPeer(match.Get("peer")); state == "invalid" {
			continue
		}
		pattern := match.Get("accountId").Trimmed()
		if pattern != "*" && normalizeAccountID96(pattern) != accountID {
			continue
		}
		out = append(out, b)
	}
	return out
}

// dmBindings96 are the bindings that can route a DM from peerID, in the
// order routing tries them: the exact peer, any direct peer, the account,
// then the whole channel.
func dmBindings96(root *config.Value, channel, accountID, peerID string) []*config.Value {
	var exact, anyPeer, account, wide []*config.Value
	for _, b := range channelBindings96(root, channel, accountID) {
		match := b.Get("match")
		kind, id, state := bindingPeer(match.Get("peer"))
		switch {
		case state == "valid":
			if kind == "direct" && id == peerID && peerID != "" {
				exact = append(exact, b)
			}
		case state == "wildcard":
			if kind == "direct" {
				anyPeer = append(anyPeer, b)
			}
		case match.Get("guildId").Trimmed() != "" || match.Get("teamId").Trimmed() != "":
			// guild and team bindings never match a direct message
		case match.Get("accountId").Trimmed() != "*":
			account = append(account, b)
		default:
			wide = append(wide, b)
		}
	}
	return append(append(append(exact, anyPeer...), account...), wide...)
}

// BoundDefaultAccount96 is the account a channel treats as its default
// because a route binding ties it to the owning agent: the first binding of
// the channel with an explicit account (not "*") whose agent is the route
// owner. With explicit ownership and a roster of other than one agent no
// binding decides.
func BoundDefaultAccount96(root *config.Value, channel string) (string, bool) {
	if root.Get("agents", "ownership").StringOr("") == "explicit" && len(rosterIDs96(root)) != 1 {
		return "", false
	}
	owner, ok := routeOwner96(root)
	if !ok {
		return "", false
	}
	for _, b := range root.Get("bindings").Items() {
		if !b.IsObject() || b.Get("type").StringOr("") == "acp" {
			continue
		}
		match := b.Get("match")
		if !match.IsObject() || strings.ToLower(match.Get("channel").Trimmed()) != channel {
			continue
		}
		account, isString := match.Get("accountId").String()
		account = strings.TrimSpace(account)
		if !isString || account == "" || account == "*" {
			continue
		}
		if NormalizeAgentID(b.Get("agentId").StringOr("")) == owner {
			return normalizeAccountID96(account), true
		}
	}
	return "", false
}

// bindingPeer reads match.peer: state is "none", "invalid", "wildcard" or
// "valid".
func bindingPeer(peer *config.Value) (kind, id, state string) {
	if !peer.Present() {
		return "", "", "none"
	}
	kind = strings.ToLower(peer.Get("kind").Trimmed())
	if kind == "dm" {
		kind = "direct"
	}
	idValue := peer.Get("id")
	id = idValue.Trimmed()
	if n, ok := idValue.Number(); ok {
		id = strconv.FormatFloat(n, 'f', -1, 64)
	}
	if kind == "" || id == "" {
		return "", "", "invalid"
	}
	if id == "*" {
		return kind, id, "wildcard"
	}
	return kind, id, "valid"
}

// bindingAgent96 resolves a binding's agentId against the roster.
func bindingAgent96(root *config.Value, agentID string) (string, bool) {
	if agentID == "" {
		return routeOwner96(root)
	}
	n := NormalizeAgentID(agentID)
	ids := rosterIDs96(root)
	for _, id := range ids {
		if id == n {
			return n, true
		}
	}
	if n == "main" || len(FSRoster(check.Compat2026_9, root)) == 0 {
		return n, true
	}
	return "", false
}

// routeOwner96 is the agent an unbound route falls back to: with explicit
// ownership the recorded system agent (when the roster has it), otherwise
// the single agent marked default, else the sole agent ("main" without a
// roster).
func routeOwner96(root *config.Value) (string, bool) {
	// An empty roster (or one of the wrong type) stops 2026.9.6 outright;
	// clawcheck audits it as absent.
	if len(rosterIDs96(root)) == 0 {
		return "main", true
	}
	if root.Get("agents", "ownership").StringOr("") == "explicit" {
		if s := root.Get("agents", "defaults", "systemAgent", "agentId").Trimmed(); s != "" {
			n := NormalizeAgentID(s)
			for _, id := range rosterIDs96(root) {
				if id == n {
					return n, true
				}
			}
		}
	}
	if id, ok := markedDefault96(root); ok {
		return id, true
	}
	return soleAgent96(root)
}

func normalizeAccountID96(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return "default"
	}
	return s
}
