package channels

import (
	"fmt"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
)

// nameBasedLists are the sender allowlists scanned per scope (the channel
// and each of its accounts) for the clawcheck-defined name_based_entries
// check: the lists 2026.4.14's doctor inspects for mutable entries. A "*"
// step stands for every key of an object.
var nameBasedLists = map[string][][]string{
	"discord":    {{"allowFrom"}, {"dm", "allowFrom"}, {"guilds", "*", "users"}, {"guilds", "*", "channels", "*", "users"}},
	"slack":      {{"allowFrom"}, {"dm", "allowFrom"}, {"channels", "*", "users"}},
	"googlechat": {{"groupAllowFrom"}, {"dm", "allowFrom"}, {"groups", "*", "users"}},
	"msteams":    {{"allowFrom"}, {"groupAllowFrom"}},
	"mattermost": {{"allowFrom"}, {"groupAllowFrom"}},
	"irc":        {{"allowFrom"}, {"groupAllowFrom"}, {"groups", "*", "allowFrom"}},
}

// nameBasedFor adds one name_based_entries finding per scope of the channel
// whose allowlists name senders by mutable identifiers. The scope's own
// dangerouslyAllowNameMatching (else the channel's) lowers it to info: the
// operator chose name matching knowingly.
func (b *block) nameBasedFor(ch string) {
	lists := nameBasedLists[ch]
	channel := b.root.Get("channels", ch)
	if lists == nil || !channel.IsObject() || channel.Get("enabled").IsFalse() {
		return
	}
	type scope struct {
		path  string
		value *config.Value
	}
	scopes := []scope{{"channels." + ch, channel}}
	for _, m := range channel.Get("accounts").Pairs() {
		if m.Value.IsObject() && !m.Value.Get("enabled").IsFalse() {
			scopes = append(scopes, scope{"channels." + ch + ".accounts." + m.Key, m.Value})
		}
	}
	for _, s := range scopes {
		var labels []string
		var first *config.Value
		firstPath := ""
		seen := map[string]bool{}
		for _, list := range lists {
			walkLists(s.value, s.path, list, func(v *config.Value, path string) {
				for _, e := range v.Items() {
					text, ok := jsString(e)
					if !ok || !openclaw.MutableAllowEntry(ch, text) {
						continue
					}
					l := check.InlineText(path + ":" + strings.TrimSpace(text))
					if !seen[l] {
						seen[l] = true
						labels = append(labels, l)
					}
					if first == nil {
						first, firstPath = e, path
					}
				}
			})
		}
		if len(labels) == 0 {
			continue
		}
		breakGlass := channel.Get("dangerouslyAllowNameMatching").IsTrue()
		if own := s.value.Get("dangerouslyAllowNameMatching"); own.IsTrue() || own.IsFalse() {
			breakGlass = own.IsTrue()
		}
		sev, note := check.Warn, "these entries name senders by something they can change (display name, e-mail, nick or tag), so another account can take them over"
		if breakGlass {
			sev, note = check.Info, "name matching is deliberately enabled with dangerouslyAllowNameMatching, so these mutable entries are honoured"
		}
		b.add(item{
			id:     "channels." + ch + ".allowFrom.name_based_entries",
			sev:    sev,
			detail: fmt.Sprintf("%s: %s: %s.", check.InlineText(s.path), note, examples(labels)),
			loc:    check.At(first, firstPath),
			ours:   true,
		})
	}
}

// walkLists calls fn for every array the key path reaches below v.
func walkLists(v *config.Value, path string, keys []string, fn func(*config.Value, string)) {
	if len(keys) == 0 {
		if v.IsArray() {
			fn(v, path)
		}
		return
	}
	if keys[0] == "*" {
		for _, m := range v.Pairs() {
			walkLists(m.Value, path+"."+m.Key, keys[1:], fn)
		}
		return
	}
	walkLists(v.Get(keys[0]), path+"."+keys[0], keys[1:], fn)
}
