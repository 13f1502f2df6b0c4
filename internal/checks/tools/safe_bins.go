package tools

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/toolpolicy"
)

var interpreterSafeBins = setOf("ash", "awk", "bash", "busybox", "bun", "cmd", "cmd.exe", "cscript", "dash", "deno",
	"fish", "gawk", "gsed", "ksh", "lua", "mawk", "nawk", "node", "nodejs", "perl", "php", "powershell",
	"powershell.exe", "pypy", "pwsh", "pwsh.exe", "python", "python2", "python3", "ruby", "sed", "sh", "toybox",
	"wscript", "zsh")

var interpreterSafeBinPatterns = []*regexp.Regexp{
	regexp.MustCompile(`^python\d+(\.\d+)?$`),
	regexp.MustCompile(`^ruby\d+(\.\d+)?$`),
	regexp.MustCompile(`^perl\d+(\.\d+)?$`),
	regexp.MustCompile(`^php\d+(\.\d+)?$`),
	regexp.MustCompile(`^node\d+(\.\d+)?$`),
}

// broadSafeBins are stream filters whose languages reach far beyond
// filtering: jq and the awk family evaluate programs, sed can write files.
var broadSafeBins = map[string]string{
	"jq":   "its filter language reads environment variables and files",
	"awk":  "awk programs can run commands and write files",
	"gawk": "awk programs can run commands and write files",
	"mawk": "awk programs can run commands and write files",
	"nawk": "awk programs can run commands and write files",
	"sed":  "sed scripts can write files and, in GNU sed, run commands",
	"gsed": "sed scripts can write files and, in GNU sed, run commands",
}

// safeBinName is the lower-cased basename without a Windows suffix.
func safeBinName(raw string) string {
	t := strings.ToLower(strings.TrimSpace(raw))
	if t == "" {
		return ""
	}
	if i := strings.LastIndexAny(t, `/\`); i >= 0 {
		t = t[i+1:]
	}
	return winSuffix.ReplaceAllString(t, "")
}

func interpreterSafeBin(name string) bool {
	if interpreterSafeBins[name] {
		return true
	}
	for _, re := range interpreterSafeBinPatterns {
		if re.MatchString(name) {
			return true
		}
	}
	return false
}

// configuredSafeBins: trimmed, lower-cased, unique, sorted.
func configuredSafeBins(v *config.Value) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range v.Strings() {
		t := strings.ToLower(strings.TrimSpace(s))
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return out
}

// profileNames are the lower-cased safeBinProfiles keys of the given exec blocks.
func profileNames(execs ...*config.Value) map[string]bool {
	out := map[string]bool{}
	for _, e := range execs {
		for _, k := range e.Get("safeBinProfiles").Keys() {
			if n := strings.ToLower(strings.TrimSpace(k)); n != "" {
				out[n] = true
			}
		}
	}
	return out
}

// safeBinScope is one place safeBins are configured.
type safeBinScope struct {
	path  string        // tools.exec or agents.<…>.<id>.tools.exec
	exec  *config.Value // the exec block
	agent bool
}

func safeBinScopes(compat check.Compat, root *config.Value) []safeBinScope {
	out := []safeBinScope{{path: "tools.exec", exec: root.Get("tools", "exec")}}
	for _, a := range toolpolicy.Roster(root) {
		out = append(out, safeBinScope{path: toolpolicy.RosterLabel(compat, a.ID) + ".tools.exec",
			exec: a.Value.Get("tools", "exec"), agent: true})
	}
	return out
}

// SafeBinsInterpreterUnprofiled: an interpreter in safeBins with no argv
// profile runs whatever program its arguments carry.
var SafeBinsInterpreterUnprofiled = &check.Check{
	ID:          "tools.exec.safe_bins_interpreter_unprofiled",
	Severity:    check.Warn,
	Title:       "Interpreters are listed as safe bins without an argument profile",
	Remediation: "Remove interpreters and shells from tools.exec.safeBins (use approval-gated allowlist entries instead), or define a restrictive tools.exec.safeBinProfiles.<bin> for each.",
	Doc:         "safeBins run without approval on the assumption that they only filter stdin. A shell or language runtime (sh, bash, python, node, perl, …) in that list turns the fast path into arbitrary code execution unless a safeBinProfiles entry pins down the arguments it accepts.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorExec,
	Run: func(p *check.Pass) error {
		root := p.Root()
		gexec := root.Get("tools", "exec")
		var hits []string
		var loc *check.Location
		for _, s := range safeBinScopes(p.Compat, root) {
			bins := configuredSafeBins(s.exec.Get("safeBins"))
			if len(bins) == 0 {
				continue
			}
			profiles := profileNames(gexec)
			if s.agent {
				profiles = profileNames(gexec, s.exec)
			}
			var names []string
			for _, b := range bins {
				n := safeBinName(b)
				if n != "" && interpreterSafeBin(n) && !profiles[n] {
					names = append(names, n)
				}
			}
			if len(names) == 0 {
				continue
			}
			sort.Strings(names)
			hits = append(hits, fmt.Sprintf("%s.safeBins: %s", s.path, strings.Join(names, ", ")))
			if loc == nil {
				loc = check.At(s.exec.Get("safeBins"), s.path+".safeBins")
			}
		}
		if len(hits) == 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail:   "Interpreter-like safe bins without a safeBinProfiles entry:\n- " + strings.Join(hits, "\n- "),
			Location: loc,
		})
		return nil
	},
}

// SafeBinsBroadBehavior: jq, awk and sed are more than stdin filters.
var SafeBinsBroadBehavior = &check.Check{
	ID:          "tools.exec.safe_bins_broad_behavior",
	Severity:    check.Warn,
	Title:       "Safe bins include filters with a programming language",
	Remediation: "Remove jq, awk and sed variants from tools.exec.safeBins and allow them through approval-gated allowlist entries instead.",
	Doc:         "The safe-bin fast path assumes a binary only transforms stdin. jq can read the environment and files, awk programs can run commands, and sed can write files; a profile does not change that, so these binaries do not belong on the no-approval path.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorExec,
	Run: func(p *check.Pass) error {
		root := p.Root()
		var hits []string
		var loc *check.Location
		for _, s := range safeBinScopes(p.Compat, root) {
			seen := map[string]bool{}
			var names []string
			for _, b := range configuredSafeBins(s.exec.Get("safeBins")) {
				n := safeBinName(b)
				if _, broad := broadSafeBins[n]; broad && !seen[n] {
					seen[n] = true
					names = append(names, n)
				}
			}
			sort.Strings(names)
			for _, n := range names {
				hits = append(hits, fmt.Sprintf("%s.safeBins: %s (%s)", s.path, n, broadSafeBins[n]))
			}
			if loc == nil && len(names) > 0 {
				loc = check.At(s.exec.Get("safeBins"), s.path+".safeBins")
			}
		}
		if len(hits) == 0 {
			return nil
		}
		p.Report(check.Finding{
			Detail:   "Safe bins that do more than filter a stream:\n- " + strings.Join(hits, "\n- "),
			Location: loc,
		})
		return nil
	},
}

var windowsUsers = regexp.MustCompile(`^[a-z]:/users/`)

// riskyTrustedDir says why a safeBinTrustedDirs entry is risky, or "".
func riskyTrustedDir(entry string) string {
	raw := strings.TrimSpace(entry)
	if raw == "" {
		return ""
	}
	if !strings.HasPrefix(raw, "/") {
		return "relative path, resolved against whatever directory the gateway runs in"
	}
	n := strings.ToLower(strings.ReplaceAll(path.Clean(raw), `\`, "/"))
	under := func(dir string) bool { return n == dir || strings.HasPrefix(n, dir+"/") }
	switch {
	case under("/tmp") || under("/var/tmp") || under("/private/tmp"):
		return "temporary directory that any local user can write"
	case n == "/usr/local/bin" || n == "/opt/homebrew/bin" || n == "/opt/local/bin" || n == "/home/linuxbrew/.linuxbrew/bin":
		return "package-manager bin directory, often writable without root"
	case strings.HasPrefix(n, "/users/") || strings.HasPrefix(n, "/home/") || strings.Contains(n, "/.local/bin") || windowsUsers.MatchString(n):
		return "directory in a user's home, writable by that user"
	}
	return ""
}

// SafeBinTrustedDirsRisky: a safe bin is only as trustworthy as the
// directory it is resolved from.
var SafeBinTrustedDirsRisky = &check.Check{
	ID:          "tools.exec.safe_bin_trusted_dirs_risky",
	Severity:    check.Warn,
	Title:       "Safe bins are trusted from writable directories",
	Remediation: "Keep tools.exec.safeBinTrustedDirs to root-owned system directories such as /bin and /usr/bin; drop temporary, home and package-manager directories and relative paths.",
	Doc:         "safeBinTrustedDirs says where a safe bin may be found. If one of those directories is writable by a user or a process other than root (temporary, home or package-manager directories, or a relative path), whoever can write there can drop a binary with a safe bin's name and have it run without approval.",
	Needs:       check.NeedsConfig,
	Collector:   check.CollectorExec,
	Run: func(p *check.Pass) error {
		root := p.Root()
		var hits []string
		var loc *check.Location
		for _, s := range safeBinScopes(p.Compat, root) {
			seen := map[string]bool{}
			for _, d := range s.exec.Get("safeBinTrustedDirs").Strings() {
				d = strings.TrimSpace(d)
				if d == "" || seen[d] {
					continue
				}
				seen[d] = true
				if why := riskyTrustedDir(d); why != "" {
					hits = append(hits, fmt.Sprintf("%s.safeBinTrustedDirs: %s (%s)", s.path, d, why))
					if loc == nil {
						loc = check.At(s.exec.Get("safeBinTrustedDirs"), s.path+".safeBinTrustedDirs")
					}
				}
			}
		}
		if len(hits) == 0 {
			return nil
		}
		shown := hits
		more := ""
		if len(shown) > 10 {
			more = fmt.Sprintf("\n- +%d more", len(hits)-10)
			shown = shown[:10]
		}
		p.Report(check.Finding{
			Detail:   "Trusted safe-bin directories that others may write to:\n- " + strings.Join(shown, "\n- ") + more,
			Location: loc,
		})
		return nil
	},
}
