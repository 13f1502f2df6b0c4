package openclaw

import (
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
)

// ReportInstallProblems is the shared body of the plugin and hook install
// checks: it reads the install records with records, analyses the npm ones
// against the packages installed under <stateDir>/<dirName>/<id> (or their
// installPath), and reports one finding listing what pick selects, headed
// by head and located at the first offending record. A failure to read some
// records is reported with the finding, or returned when nothing was found.
func ReportInstallProblems(p *check.Pass, records func(InstallSources) ([]InstallRecord, error), dirName string,
	pick func(InstallAnalysis) []InstallProblem, head string) error {
	stateDir := p.Config.Paths.StateDir
	recs, err := records(InstallSources{Compat: p.Compat, Root: p.Root(), Snap: p.State, StateDir: stateDir})
	problems := pick(AnalyzeNpmInstalls(recs, p.State, stateDir, dirName))
	if len(problems) == 0 {
		return err
	}
	lines := []string{head}
	for _, pr := range problems {
		lines = append(lines, "- "+pr.Text)
	}
	if err != nil {
		lines = append(lines, "(some records could not be read: "+err.Error()+")")
	}
	first := problems[0].Record
	p.Report(check.Finding{
		Detail:   strings.Join(lines, "\n"),
		Location: check.At(first.Value, first.Path),
	})
	return nil
}
