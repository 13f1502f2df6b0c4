package openclaw

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/config"
)

// PluginAllowed applies plugin policy to one plugin id: plugins.enabled,
// plugins.deny, a non-empty plugins.allow and plugins.entries.<id>.enabled.
func PluginAllowed(root *config.Value, id string) bool {
	plugins := root.Get("plugins")
	if plugins.Get("enabled").IsFalse() {
		return false
	}
	id = strings.ToLower(id)
	for _, d := range plugins.Get("deny").Strings() {
		if strings.ToLower(strings.TrimSpace(d)) == id {
			return false
		}
	}
	if allow := plugins.Get("allow").Strings(); len(allow) > 0 {
		found := false
		for _, a := range allow {
			found = found || strings.ToLower(strings.TrimSpace(a)) == id
		}
		if !found {
			return false
		}
	}
	return !plugins.Get("entries", id, "enabled").IsFalse()
}
