package channels

import "github.com/clawcheck/clawcheck/internal/check"

// reportOwn returns a Run that computes the channel block and reports the
// findings whose id is an instance of tmpl, each with its block position as
// Group.
func reportOwn(tmpl string) func(*check.Pass) error {
	return func(p *check.Pass) error {
		for i, it := range runBlock(p) {
			if !check.MatchID(tmpl, it.id) {
				continue
			}
			p.Report(check.Finding{CheckID: it.id, Severity: it.sev, Detail: it.detail, Location: it.loc, Group: i})
		}
		return nil
	}
}

const blockNeeds = check.NeedsConfig | check.NeedsState
