package toolpolicy

import (
	"regexp"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
)

// Layer is one allow/deny pair. A nil Allow means "no allow list" (everything
// not denied passes); so does an empty one.
type Layer struct {
	Name  string // profile, global, agent, provider, agent-provider, sandbox
	Allow []string
	Deny  []string
}

// Policy is the stack of layers that applies in one context.
type Policy struct {
	rel    *release
	Layers []Layer
}

// Options select the optional provider layer. Only 2026.9 applies it, and
// only the checks that name it in the spec (small models, cross-agent
// session access) ask for it.
type Options struct {
	Provider string // model provider, e.g. "openai"; empty: no provider layer
	Model    string // model id without the provider
}

// Resolve builds the policy for a context: a nil agent is agents.defaults.
func Resolve(compat check.Compat, root *config.Value, agent *Agent, opts Options) Policy {
	rel := releaseOf(compat)
	pol := Policy{rel: rel}
	global := root.Get("tools")
	agentTools := agent.Tools()

	profileVal := agentTools.Get("profile")
	if !profileVal.Present() {
		profileVal = global.Get("profile")
	}
	if name, ok := profileVal.String(); ok && name != "full" {
		if allow, known := rel.profiles[name]; known {
			allow = append([]string(nil), allow...)
			if rel.is96 {
				also := agentTools.Get("alsoAllow")
				if !also.IsArray() {
					also = global.Get("alsoAllow")
				}
				allow = unique(append(allow, also.Strings()...))
			}
			pol.Layers = append(pol.Layers, Layer{Name: "profile", Allow: allow})
		}
	}
	if l, ok := pick("global", global); ok {
		pol.Layers = append(pol.Layers, l)
	}
	if l, ok := pick("agent", agentTools); ok {
		pol.Layers = append(pol.Layers, l)
	}
	if rel.is96 && strings.TrimSpace(opts.Provider) != "" {
		if v := providerPolicy(global.Get("byProvider"), opts); v != nil {
			pol.Layers = append(pol.Layers, rawLayer("provider", v))
		}
		if v := providerPolicy(agentTools.Get("byProvider"), opts); v != nil {
			pol.Layers = append(pol.Layers, rawLayer("agent-provider", v))
		}
	}
	resolved := lookup(root, agent)
	if SandboxMode(root, resolved) == "all" {
		pol.Layers = append(pol.Layers, sandboxLayer(rel, root, resolved))
	}
	return pol
}

// Allows reports whether every layer allows the tool.
func (p Policy) Allows(tool string) bool {
	rel := p.rel
	if rel == nil {
		rel = releaseOf(check.Compat2026_4)
	}
	for _, l := range p.Layers {
		if !l.allows(rel, tool) {
			return false
		}
	}
	return true
}

// Filter returns the tools the policy allows, in the given order.
func (p Policy) Filter(tools ...string) []string {
	var out []string
	for _, t := range tools {
		if p.Allows(t) {
			out = append(out, t)
		}
	}
	return out
}

// pick is upstream's reading of one tools object: allow (plus alsoAllow),
// or alsoAllow alone meaning "everything plus these", and deny.
func pick(name string, tools *config.Value) (Layer, bool) {
	if !tools.IsObject() {
		return Layer{}, false
	}
	allowV, alsoV, denyV := tools.Get("allow"), tools.Get("alsoAllow"), tools.Get("deny")
	var l Layer
	l.Name = name
	haveAllow := false
	switch {
	case allowV.IsArray():
		l.Allow = unionAllow(allowV.Strings(), alsoV.Strings())
		haveAllow = true
	case alsoV.IsArray() && len(alsoV.Strings()) > 0:
		l.Allow = unionAllow(nil, alsoV.Strings())
		haveAllow = true
	}
	if denyV.IsArray() {
		l.Deny = denyV.Strings()
	}
	if !haveAllow && !denyV.IsArray() {
		return Layer{}, false
	}
	return l, true
}

func unionAllow(base, extra []string) []string {
	if len(extra) == 0 {
		if base == nil {
			return []string{}
		}
		return base
	}
	if len(base) == 0 {
		return unique(append([]string{"*"}, extra...))
	}
	return unique(append(append([]string(nil), base...), extra...))
}

func rawLayer(name string, v *config.Value) Layer {
	return Layer{Name: name, Allow: v.Get("allow").Strings(), Deny: v.Get("deny").Strings()}
}

// providerPolicy finds tools.byProvider["provider/model"] or ["provider"],
// keys compared lower-cased and trimmed.
func providerPolicy(byProvider *config.Value, opts Options) *config.Value {
	if !byProvider.IsObject() {
		return nil
	}
	norm := func(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
	provider := norm(opts.Provider)
	var candidates []string
	if m := norm(opts.Model); m != "" {
		candidates = append(candidates, provider+"/"+m)
	}
	candidates = append(candidates, provider)
	for _, c := range candidates {
		for _, m := range byProvider.Pairs() {
			if m.Value.IsObject() && norm(m.Key) == c {
				return m.Value
			}
		}
	}
	return nil
}

// sandboxLayer is the policy a sandbox-mode-"all" agent runs under:
// tools.sandbox.tools.{allow,alsoAllow,deny}, each taken from the agent when
// it sets that list and from the global config otherwise, over the release
// defaults. Explicit allows remove names from the default deny; an explicit
// deny replaces it.
func sandboxLayer(rel *release, root *config.Value, agent *Agent) Layer {
	var agentPol *config.Value
	if agent != nil {
		agentPol = agent.Value.Get("tools", "sandbox", "tools")
	}
	globalPol := root.Get("tools", "sandbox", "tools")
	pickList := func(key string) ([]string, bool) {
		if v := agentPol.Get(key); v.IsArray() {
			return v.Strings(), true
		}
		if v := globalPol.Get(key); v.IsArray() {
			return v.Strings(), true
		}
		return nil, false
	}
	allow, allowSet := pickList("allow")
	also, _ := pickList("alsoAllow")
	deny, denySet := pickList("deny")

	var mergedAllow []string
	switch {
	case allowSet && len(allow) == 0:
		mergedAllow = []string{}
	case allowSet:
		mergedAllow = unique(append(append([]string(nil), allow...), also...))
	case len(also) > 0:
		mergedAllow = unique(append(append([]string(nil), rel.sandboxAllow...), also...))
	default:
		mergedAllow = append([]string(nil), rel.sandboxAllow...)
	}
	var mergedDeny []string
	if denySet {
		mergedDeny = deny
	} else {
		explicit := compile(rel, unique(append(append([]string(nil), allow...), also...)))
		for _, t := range rel.sandboxDeny {
			if len(explicit) == 0 || !matchAny(explicit, normalize(rel, t)) {
				mergedDeny = append(mergedDeny, t)
			}
		}
	}
	expDeny := expand(rel, mergedDeny)
	expAllow := expand(rel, mergedAllow)
	if rel.is96 {
		dp := compile(rel, expDeny)
		if matchAny(dp, "image") && !matchAny(dp, "view_image") {
			expDeny = append(expDeny, "view_image")
		}
	}
	if len(expAllow) > 0 && !containsFold(expDeny, rel.imageTool) && !containsFold(expAllow, rel.imageTool) {
		expAllow = append(expAllow, rel.imageTool)
	}
	return Layer{Name: "sandbox", Allow: expAllow, Deny: expDeny}
}

func (l Layer) allows(rel *release, tool string) bool {
	name := normalize(rel, tool)
	deny := compile(rel, expand(rel, l.Deny))
	if matchAny(deny, name) {
		return false
	}
	// 2026.4.14 also denies apply_patch when write is denied.
	if !rel.is96 && name == "apply_patch" && matchAny(deny, "write") {
		return false
	}
	allow := compile(rel, expand(rel, l.Allow))
	if len(allow) == 0 || matchAny(allow, name) {
		return true
	}
	return name == "apply_patch" && matchAny(allow, "write")
}

// normalize lower-cases, trims and applies the release's aliases.
func normalize(rel *release, name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	switch n {
	case "bash":
		return "exec"
	case "apply-patch":
		return "apply_patch"
	case "cron":
		if rel.is96 {
			return "automations"
		}
	}
	return n
}

// expand normalises entries and replaces group names by their members.
func expand(rel *release, list []string) []string {
	var out []string
	for _, e := range list {
		n := normalize(rel, e)
		if n == "" {
			continue
		}
		if members, ok := rel.groups[n]; ok {
			out = append(out, members...)
			continue
		}
		out = append(out, n)
	}
	return unique(out)
}

type pattern struct {
	all   bool
	exact string
	re    *regexp.Regexp
}

func compile(rel *release, list []string) []pattern {
	var out []pattern
	for _, e := range list {
		n := normalize(rel, e)
		switch {
		case n == "":
			continue
		case n == "*":
			out = append(out, pattern{all: true})
		case !strings.Contains(n, "*"):
			out = append(out, pattern{exact: n})
		default:
			q := strings.ReplaceAll(regexp.QuoteMeta(n), `\*`, ".*")
			out = append(out, pattern{re: regexp.MustCompile("^" + q + "$")})
		}
	}
	return out
}

func matchAny(ps []pattern, name string) bool {
	for _, p := range ps {
		switch {
		case p.all:
			return true
		case p.re != nil:
			if p.re.MatchString(name) {
				return true
			}
		case p.exact == name:
			return true
		}
	}
	return false
}

func unique(list []string) []string {
	seen := map[string]bool{}
	out := make([]string, 0, len(list))
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(strings.TrimSpace(x), s) {
			return true
		}
	}
	return false
}
