package openclaw

import (
	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// groupPolicyDefaulted414 are the channels whose top-level groupPolicy the
// 2026.4.14 loader fills in as "allowlist" when unset, before the audit runs.
// The others (bluebubbles, matrix, nostr, qqbot, synology-chat, tlon, zalo)
// stay unset.
var groupPolicyDefaulted414 = map[string]bool{
	"discord": true, "feishu": true, "googlechat": true, "imessage": true, "irc": true, "line": true,
	"mattermost": true, "msteams": true, "nextcloud-talk": true, "signal": true, "slack": true,
	"telegram": true, "whatsapp": true, "zalouser": true,
}

// Channel is one channels.<id> entry.
type Channel struct {
	ID    string
	Value *config.Value
}

// Channels lists channels.<id> objects in config order. Under 2026.9.6 the
// "defaults" key is included because its audit scans it like a channel;
// "modelByChannel" is never a channel.
func Channels(compat check.Compat, root *config.Value) []Channel {
	var out []Channel
	for _, m := range root.Get("channels").Pairs() {
		if m.Key == "modelByChannel" || !m.Value.IsObject() {
			continue
		}
		if m.Key == "defaults" && !compat.Is96() {
			continue
		}
		out = append(out, Channel{ID: m.Key, Value: m.Value})
	}
	return out
}

// TopLevelGroupPolicy is a channel's own groupPolicy as the profile's loader
// leaves it ("" when unset).
func TopLevelGroupPolicy(compat check.Compat, ch Channel) string {
	if s, ok := ch.Value.Get("groupPolicy").String(); ok {
		return s
	}
	if compat.Is414() && groupPolicyDefaulted414[ch.ID] {
		return "allowlist"
	}
	return ""
}
