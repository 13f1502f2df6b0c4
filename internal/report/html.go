package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/clawcheck/clawcheck/internal/check"
)

// Excerpt is a few lines of a config file around a finding's location,
// already redacted by whoever built it.
type Excerpt struct {
	File  string
	First int      // line number of Lines[0]
	Focus int      // line number to highlight
	Lines []string // without newlines
}

// HTMLOptions carry what the HTML page shows beyond the report.
type HTMLOptions struct {
	// Excerpt returns the config lines around a location, or nil. The
	// renderer never reads files itself.
	Excerpt func(*check.Location) *Excerpt
}

type htmlLine struct {
	N     int
	Text  string
	Focus bool
}

type htmlFinding struct {
	ID, Title, Detail, Fix, Where, Anchor string
	Excerpt                               []htmlLine
}

type htmlSection struct {
	Label, Class string
	Findings     []htmlFinding
}

type htmlPage struct {
	Compat, StateDir, ConfigPath string
	Summary                      Summary
	Suppressed                   []Suppressed
	Diagnostics                  []string
	Sections                     []htmlSection
}

// WriteHTML writes the report as one self-contained HTML page: inline CSS,
// no scripts, no external resources, and a Content-Security-Policy that
// forbids loading any. Every value from the installation is escaped by
// html/template.
func WriteHTML(w io.Writer, r *Report, opt HTMLOptions) error {
	page := htmlPage{
		Compat: string(r.Compat), StateDir: SafeText(r.StateDir), ConfigPath: SafeText(r.ConfigPath),
		Summary: summaryOf(r), Suppressed: r.Suppressed,
	}
	for _, d := range r.SecretDiagnostics {
		page.Diagnostics = append(page.Diagnostics, SafeText(d))
	}
	for rank, sec := range []htmlSection{{Label: "Critical", Class: "critical"}, {Label: "Warn", Class: "warn"}, {Label: "Info", Class: "info"}} {
		for i, f := range r.Findings {
			if f.Severity.Rank() != rank {
				continue
			}
			hf := htmlFinding{
				ID: SafeText(f.CheckID), Title: SafeText(f.Title), Detail: SafeText(f.Detail),
				Fix: SafeText(trimJS(f.Remediation)), Anchor: fmt.Sprintf("f%d", i+1),
			}
			if loc := f.Location; loc != nil && loc.File != "" {
				hf.Where = SafeText(fmt.Sprintf("%s:%d:%d", loc.File, loc.Line, loc.Col))
				if loc.Path != "" {
					hf.Where += " (" + SafeText(loc.Path) + ")"
				}
				if opt.Excerpt != nil {
					if ex := opt.Excerpt(loc); ex != nil {
						for j, l := range ex.Lines {
							n := ex.First + j
							hf.Excerpt = append(hf.Excerpt, htmlLine{N: n, Text: SafeText(l), Focus: n == ex.Focus})
						}
					}
				}
			}
			sec.Findings = append(sec.Findings, hf)
		}
		if len(sec.Findings) > 0 {
			page.Sections = append(page.Sections, sec)
		}
	}
	var b strings.Builder
	if err := htmlTemplate.Execute(&b, page); err != nil {
		return fmt.Errorf("report: render html: %w", err)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("report: write html: %w", err)
	}
	return nil
}

var htmlTemplate = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>clawcheck security audit</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
main{max-width:960px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}
.meta{color:#5b6473;margin:0 0 16px}
.meta code{font-size:13px}
.summary{display:flex;gap:12px;margin:16px 0 24px}
.count{flex:1;background:#fff;border-radius:8px;padding:12px 16px;border-top:4px solid #9aa3b2}
.count b{display:block;font-size:28px}
.count.critical{border-color:#c62828}.count.warn{border-color:#e0a100}.count.info{border-color:#3b73c4}
section h2{font-size:18px;margin:24px 0 8px}
article{background:#fff;border-radius:8px;padding:12px 16px;margin:0 0 12px;border-left:4px solid #9aa3b2}
article.critical{border-color:#c62828}article.warn{border-color:#e0a100}article.info{border-color:#3b73c4}
article h3{font-size:15px;margin:0}
article .id{font:13px ui-monospace,SFMono-Regular,Menlo,monospace;color:#5b6473}
.detail{white-space:pre-wrap;margin:6px 0}
.fix{margin:6px 0;color:#22543d}
.where{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;color:#5b6473}
pre{background:#0f1420;color:#d7dce5;border-radius:6px;padding:8px 0;overflow-x:auto;font-size:12px}
pre span{display:block;padding:0 12px}
pre span.focus{background:#3a2a08}
pre i{display:inline-block;min-width:3em;color:#6b7486;font-style:normal;user-select:none}
.diag{background:#fff7e0;border-radius:6px;padding:8px 12px;margin:4px 0}
table{border-collapse:collapse;background:#fff;width:100%}
td,th{padding:4px 8px;border-bottom:1px solid #e3e6eb;text-align:left}
</style>
</head>
<body>
<main>
<h1>clawcheck security audit</h1>
<p class="meta">Profile {{.Compat}}{{if .StateDir}} · state dir <code>{{.StateDir}}</code>{{end}}{{if .ConfigPath}} · config <code>{{.ConfigPath}}</code>{{end}}</p>
<div class="summary">
<div class="count critical"><b id="count-critical">{{.Summary.Critical}}</b>critical</div>
<div class="count warn"><b id="count-warn">{{.Summary.Warn}}</b>warn</div>
<div class="count info"><b id="count-info">{{.Summary.Info}}</b>info</div>
</div>
{{range .Diagnostics}}<p class="diag">[secrets] {{.}}</p>
{{end}}{{range $s := .Sections}}<section class="{{$s.Class}}">
<h2>{{.Label}} ({{len .Findings}})</h2>
{{range .Findings}}<article class="{{$s.Class}}" id="{{.Anchor}}">
<h3>{{.Title}}</h3>
<div class="id">{{.ID}}</div>
{{if .Where}}<div class="where">{{.Where}}</div>
{{end}}{{if .Detail}}<p class="detail">{{.Detail}}</p>
{{end}}{{if .Excerpt}}<pre>{{range .Excerpt}}<span{{if .Focus}} class="focus"{{end}}><i>{{.N}}</i>{{.Text}}</span>{{end}}</pre>
{{end}}{{if .Fix}}<p class="fix"><b>Fix:</b> {{.Fix}}</p>
{{end}}</article>
{{end}}</section>
{{end}}{{if .Suppressed}}<section>
<h2>Suppressed ({{len .Suppressed}})</h2>
<table><tr><th>checkId</th><th>severity</th><th>reason</th></tr>
{{range .Suppressed}}<tr><td>{{.Finding.CheckID}}</td><td>{{.Finding.Severity}}</td><td>{{.Reason}}</td></tr>
{{end}}</table>
</section>
{{end}}{{if not .Sections}}<p>No findings.</p>
{{end}}</main>
</body>
</html>
`))
