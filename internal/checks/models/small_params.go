package models

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/openclaw"
	"github.com/clawcheck/clawcheck/internal/toolpolicy"
)

// smallModelMaxB is the largest parameter count (billions) that counts as small.
const smallModelMaxB = 300

// SmallParams: small models follow injected instructions easily; with web
// or browser tools they read attacker-controlled text directly.
var SmallParams = &check.Check{
	ID:          "models.small_params",
	Severity:    check.Info,
	Title:       "Small models are configured",
	Remediation: "Keep small models away from untrusted input: run their agents with agents.defaults.sandbox.mode \"all\" and deny the web and browser tools (tools.deny: [\"group:web\", \"browser\"]), or use a larger model for agents that read the web.",
	Doc:         "Models of up to 300B parameters (read from the model id: llama3.1:8b, qwen3-30b-a3b, gpt-oss-120b) are much easier to steer with text hidden in web pages or messages. The finding is critical when such a model is unsafe: under 2026.9 when web_search, web_fetch or browser is available to its agent; under 2026.4 also whenever its agent is not sandboxed with mode \"all\". Otherwise it is informational. Image models are not counted.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorSmallModels,
	Run: func(p *check.Pass) error {
		root := p.Root()
		var lines []string
		var hits []modelRef
		unsafe := false
		exposedAll := map[string]bool{}
		for _, r := range collectRefs(p.Compat, root) {
			if strings.Contains(r.Source, "imageModel") {
				continue
			}
			size := inferParamsB(r.ID, p.Compat.Is96())
			if size <= 0 || size > smallModelMaxB {
				continue
			}
			var agent *toolpolicy.Agent
			if r.AgentID != "" {
				agent = toolpolicy.FindAgent(root, r.AgentID)
			}
			mode := toolpolicy.SandboxMode(root, agent)
			exposed := exposedWebTools(p, root, agent, r.ID)
			for _, t := range exposed {
				exposedAll[t] = true
			}
			isUnsafe := len(exposed) > 0
			if p.Compat.Is414() && mode != "all" {
				isUnsafe = true
			}
			unsafe = unsafe || isUnsafe
			status := "contained"
			if isUnsafe {
				status = "unsafe"
			}
			tools := "none"
			if len(exposed) > 0 {
				tools = strings.Join(exposed, ", ")
			}
			lines = append(lines, fmt.Sprintf("%s: %s, about %sB parameters (%s; sandbox %s; web/browser tools: %s)",
				r.Source, r.ID, strconv.FormatFloat(size, 'f', -1, 64), status, mode, tools))
			hits = append(hits, r)
		}
		if len(hits) == 0 {
			return nil
		}
		f := check.Finding{
			Detail:   fmt.Sprintf("Models of at most %dB parameters:\n%s", smallModelMaxB, capLines(lines)),
			Location: firstLocation(hits),
		}
		if unsafe {
			f.Severity = check.Critical
		}
		if len(exposedAll) > 0 {
			var names []string
			for _, t := range []string{"web_search", "web_fetch", "browser"} {
				if exposedAll[t] {
					names = append(names, t)
				}
			}
			f.Detail += "\nTools that bring in untrusted content are available to them: " + strings.Join(names, ", ") + "."
		}
		p.Report(f)
		return nil
	},
}

// exposedWebTools lists which of web_search, web_fetch and browser are both
// switched on and allowed by the tool policy of the model's agent.
func exposedWebTools(p *check.Pass, root *config.Value, agent *toolpolicy.Agent, modelID string) []string {
	opts := toolpolicy.Options{}
	if p.Compat.Is96() {
		if provider, model, ok := strings.Cut(modelID, "/"); ok {
			opts = toolpolicy.Options{Provider: provider, Model: model}
		}
	}
	pol := toolpolicy.Resolve(p.Compat, root, agent, opts)
	var out []string
	web := root.Get("tools", "web")
	if search := web.Get("search", "enabled"); search.IsTrue() || (!search.IsFalse() && webSearchCredential(p, root)) {
		if pol.Allows("web_search") {
			out = append(out, "web_search")
		}
	}
	if !web.Get("fetch", "enabled").IsFalse() && pol.Allows("web_fetch") {
		out = append(out, "web_fetch")
	}
	browserOn := !root.Get("browser", "enabled").IsFalse()
	if p.Compat.Is96() {
		browserOn = browserOn && openclaw.PluginAllowed(root, "browser")
	}
	if browserOn && pol.Allows("browser") {
		out = append(out, "browser")
	}
	return out
}

// webSearchEnvVars are the API-key variables of each release's bundled
// web search providers.
func webSearchEnvVars(c check.Compat) []string {
	if c.Is96() {
		// Gemini, MiniMax, Ollama and Grok; the others moved to external packages.
		return []string{"GOOGLE_CLOUD_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", "MINIMAX_CODE_PLAN_KEY",
			"MINIMAX_CODING_API_KEY", "MINIMAX_API_KEY", "MINIMAX_OAUTH_TOKEN", "OLLAMA_API_KEY", "XAI_API_KEY"}
	}
	// Brave, Exa, Firecrawl, Gemini, Kimi, MiniMax, Ollama, Perplexity, Tavily and Grok.
	return []string{"BRAVE_API_KEY", "EXA_API_KEY", "FIRECRAWL_API_KEY", "GEMINI_API_KEY", "KIMI_API_KEY",
		"MOONSHOT_API_KEY", "MINIMAX_CODE_PLAN_KEY", "MINIMAX_CODING_API_KEY", "OLLAMA_API_KEY",
		"PERPLEXITY_API_KEY", "OPENROUTER_API_KEY", "TAVILY_API_KEY", "XAI_API_KEY"}
}

// webSearchCredential reports whether some web search provider has a key,
// as each release looks for one. 2026.9: any setting other than enabled
// under tools.web.search or under a plugin's config.webSearch. 2026.4: an
// apiKey under tools.web.search (top level or per provider) or under a
// plugin's config.webSearch. Both: a provider's API-key variable.
func webSearchCredential(p *check.Pass, root *config.Value) bool {
	search := root.Get("tools", "web", "search")
	candidate := func(section *config.Value) bool {
		for _, m := range section.Pairs() {
			if m.Key != "enabled" && credentialSet(m.Value) {
				return true
			}
		}
		return false
	}
	if p.Compat.Is96() {
		if candidate(search) {
			return true
		}
		for _, m := range root.Get("plugins", "entries").Pairs() {
			if candidate(m.Value.Get("config", "webSearch")) {
				return true
			}
		}
	} else {
		if credentialSet(search.Get("apiKey")) {
			return true
		}
		for _, m := range search.Pairs() {
			if m.Value.IsObject() && credentialSet(m.Value.Get("apiKey")) {
				return true
			}
		}
		for _, m := range root.Get("plugins", "entries").Pairs() {
			if credentialSet(m.Value.Get("config", "webSearch", "apiKey")) {
				return true
			}
		}
	}
	for _, name := range webSearchEnvVars(p.Compat) {
		if strings.TrimSpace(p.Env.Get(name)) != "" {
			return true
		}
	}
	return false
}

// credentialSet: a non-blank string, or any other value that is not null.
func credentialSet(v *config.Value) bool {
	if s, ok := v.String(); ok {
		return strings.TrimSpace(s) != ""
	}
	return v.Present()
}
