package fix

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/clawcheck/clawcheck/internal/json5"
)

// diffContext is the number of unchanged lines shown around a change.
const diffContext = 3

// WriteDryRun prints the plan without touching the disk: a unified diff per
// config file, then the permission targets and what would happen to each
// as the snapshot saw them.
func (p *Plan) WriteDryRun(w io.Writer, home string) error {
	var b strings.Builder
	b.WriteString("clawcheck --fix --dry-run: nothing below has been changed.\n")
	if len(p.Changes) == 0 {
		b.WriteString("\nNo config changes.\n")
	} else {
		b.WriteString("\nConfig changes:\n")
		for _, c := range p.Changes {
			b.WriteString("  " + c.Text + "\n")
		}
	}
	for _, fe := range p.Files {
		b.WriteString("\n")
		b.WriteString(unifiedDiff(fe))
	}
	for _, e := range p.Errors {
		b.WriteString("error: " + e + "\n")
	}
	b.WriteString("\nPermission targets (bits are only ever removed):\n")
	for _, t := range p.Targets {
		kind := "file"
		if t.Dir {
			kind = "dir "
		}
		b.WriteString(fmt.Sprintf("  %03o %s %s\n", t.Mode, kind, shortHome(t.Path, home)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func shortHome(p, home string) string {
	if home != "" && home != "/" && strings.HasPrefix(p, home+"/") {
		return "~" + p[len(home):]
	}
	return p
}

// unifiedDiff renders fe's edits as a unified diff. The hunks come from the
// byte edits themselves, so unchanged regions are never re-compared.
func unifiedDiff(fe *FileEdit) string {
	var edits []json5.Edit
	for _, c := range fe.Changes {
		edits = append(edits, c.Edits...)
	}
	slices.SortFunc(edits, func(a, b json5.Edit) int { return a.Start - b.Start })
	starts := lineStarts(fe.Old)
	// chunks are runs of old lines [first, last] touched by edits, with the
	// byte delta of the edits before them and inside them.
	type chunk struct{ first, last, delta, size int }
	var chunks []chunk
	delta := 0
	for _, e := range edits {
		first := lineOf(starts, e.Start)
		last := lineOf(starts, max(e.Start, e.End-1))
		d := len(e.New) - (e.End - e.Start)
		if n := len(chunks); n > 0 && first <= chunks[n-1].last+1 {
			chunks[n-1].last = max(chunks[n-1].last, last)
			chunks[n-1].size += d
		} else {
			chunks = append(chunks, chunk{first, last, delta, d})
		}
		delta += d
	}
	var b strings.Builder
	b.WriteString("--- " + fe.Path + "\n+++ " + fe.Path + " (after --fix)\n")
	for i := 0; i < len(chunks); {
		// A hunk takes chunks whose context would touch.
		j := i + 1
		for j < len(chunks) && chunks[j].first-chunks[j-1].last <= 2*diffContext+1 {
			j++
		}
		lo := max(0, chunks[i].first-diffContext)
		hi := min(len(starts)-1, chunks[j-1].last+diffContext)
		var body strings.Builder
		oldCount, newCount := 0, 0
		context := func(from, to int) { // old lines [from, to)
			for _, l := range splitLines(fe.Old[starts[from]:lineEnd(starts, fe.Old, to-1)]) {
				body.WriteString(" " + l)
				oldCount++
				newCount++
			}
		}
		prev := lo
		for _, c := range chunks[i:j] {
			if c.first > prev {
				context(prev, c.first)
			}
			oStart, oEnd := starts[c.first], lineEnd(starts, fe.Old, c.last)
			for _, l := range splitLines(fe.Old[oStart:oEnd]) {
				body.WriteString("-" + l)
				oldCount++
			}
			for _, l := range splitLines(fe.New[oStart+c.delta : oEnd+c.delta+c.size]) {
				body.WriteString("+" + l)
				newCount++
			}
			prev = c.last + 1
		}
		if hi >= prev {
			context(prev, hi+1)
		}
		newFirst := lo + 1 + countNewlinesShift(fe, starts[lo], starts[lo]+chunks[i].delta)
		fmt.Fprintf(&b, "@@ -%d,%d +%d,%d @@\n", lo+1, oldCount, newFirst, newCount)
		b.WriteString(body.String())
		i = j
	}
	return b.String()
}

// countNewlinesShift is how many lines the edits before oStart added.
func countNewlinesShift(fe *FileEdit, oStart, nStart int) int {
	return bytes.Count(fe.New[:nStart], []byte{'\n'}) - bytes.Count(fe.Old[:oStart], []byte{'\n'})
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func lineOf(starts []int, off int) int {
	i, found := slices.BinarySearch(starts, off)
	if found {
		return i
	}
	return i - 1
}

func lineEnd(starts []int, src []byte, line int) int {
	if line+1 < len(starts) {
		return starts[line+1]
	}
	return len(src)
}

// splitLines splits text into lines that keep their "\n"; a last line
// without one gets "\n\\ No newline at end of file\n" as diff writes it.
func splitLines(text []byte) []string {
	var out []string
	for len(text) > 0 {
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			out = append(out, string(text)+"\n\\ No newline at end of file\n")
			break
		}
		out = append(out, string(text[:i+1]))
		text = text[i+1:]
	}
	return out
}
