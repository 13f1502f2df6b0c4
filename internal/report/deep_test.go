package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/check"
)

// deepReports carry the --deep section in its three shapes: a failure with
// a close frame, a failure without one, and success (error and close null).
func deepReports() map[string]*Report {
	failed := func(d DeepGateway) *Report {
		return &Report{
			TS: 1760000000123, Compat: check.Compat2026_4,
			Findings: []check.Finding{{
				CheckID: "gateway.probe_failed", Severity: check.Warn, Title: "Live gateway probe did not complete",
				Detail: d.Error, Remediation: "Start the gateway, then run the audit with --deep again.",
			}},
			Deep: &Deep{Gateway: d},
		}
	}
	return map[string]*Report{
		"deep-closed": failed(DeepGateway{
			Attempted: true, URL: "ws://127.0.0.1:18999", Error: "gateway closed (1006): ",
			Close: &DeepClose{Code: 1006, Reason: ""},
		}),
		"deep-refused-scope": failed(DeepGateway{
			Attempted: true, URL: "ws://127.0.0.1:18789", Error: "missing scope: operator.read <&> \u2028",
		}),
		"deep-ok": {
			TS: 1760000000123, Compat: check.Compat2026_9, SecretDiagnostics: []string{},
			Deep: &Deep{Gateway: DeepGateway{Attempted: true, URL: "wss://gw.example.com", OK: true, Error: "ignored when ok"}},
		},
	}
}

func TestGoldenDeep(t *testing.T) {
	for name, r := range deepReports() {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteJSON(&b, r); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name+".json", b.Bytes())

			// The fix envelope's report member carries deep too.
			env, err := IndentJSON(AppendReportObject(nil, r))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(env, []byte(`"deep": {`)) {
				t.Errorf("report object lacks deep:\n%s", env)
			}

			// Text output never shows the section.
			b.Reset()
			if err := WriteText(&b, r, TextOptions{}); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(b.String(), r.Deep.Gateway.URL) {
				t.Errorf("text output shows the deep section:\n%s", b.String())
			}
		})
	}
}
