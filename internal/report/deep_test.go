package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

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

// FuzzDeepJSON: any URL, error or close reason gives valid JSON whose deep
// section decodes to what went in (strings as JavaScript would hold them).
func FuzzDeepJSON(f *testing.F) {
	f.Add("ws://127.0.0.1:18789", "gateway closed (1006): ", "", 1006, false)
	f.Add("wss://h/?a=<b>&c", "\u2028\x00\"\\", "\xff reason", 1008, true)
	f.Fuzz(func(t *testing.T, url, errText, reason string, code int, ok bool) {
		r := &Report{Deep: &Deep{Gateway: DeepGateway{Attempted: true, URL: url, OK: ok, Error: errText, Close: &DeepClose{Code: code, Reason: reason}}}}
		var b bytes.Buffer
		if err := WriteJSON(&b, r); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Deep struct {
				Gateway struct {
					URL   string  `json:"url"`
					OK    bool    `json:"ok"`
					Error *string `json:"error"`
					Close *struct {
						Code   int    `json:"code"`
						Reason string `json:"reason"`
					} `json:"close"`
				} `json:"gateway"`
			} `json:"deep"`
		}
		if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, b.Bytes())
		}
		g := doc.Deep.Gateway
		if utf8.ValidString(url) && g.URL != url {
			t.Errorf("url %q decoded as %q", url, g.URL)
		}
		if g.OK != ok || (ok || errText == "") != (g.Error == nil) {
			t.Errorf("ok/error: got %v/%v for %v/%q", g.OK, g.Error, ok, errText)
		}
		if g.Close == nil || g.Close.Code != code {
			t.Errorf("close: got %+v, want code %d", g.Close, code)
		}
	})
}
