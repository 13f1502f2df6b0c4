package leakscan

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"net/url"
	"runtime"
	"slices"
	"sync"
	"time"
)

// Scanner holds the compiled matchers for one set of known secrets and the
// pattern rules. It is safe for concurrent use.
type Scanner struct {
	secrets []Secret
	// Known secrets and their encoded forms, split by length so that a short
	// password does not shrink the skip distance for the long tokens.
	long, short *multi
	longRef     []needleRef
	shortRef    []needleRef

	rules  []*Rule
	ac     *automaton
	kwRule []int // keyword id → index in rules

	chunk int // bytes read per step; tests make it small
}

type needleRef struct {
	secret int
	form   Form
}

const (
	// MinSecretLen is the shortest known secret searched for: below it a
	// password could be an ordinary word, and "known secret" would no longer
	// mean zero false positives.
	MinSecretLen = 8
	// maxNeedle bounds what is matched of one very long secret (a PEM key
	// stored as a secret): its first maxNeedle bytes identify it.
	maxNeedle  = 1024
	longNeedle = 24
	// context is what a chunk keeps of the bytes before the part it
	// reports, so that rules see the byte ahead of a credential; overlap is
	// what two chunks share, so that every needle and rule window that
	// starts in one chunk ends inside the same buffer.
	context      = 64
	overlap      = context + 2*maxNeedle
	defaultChunk = 1 << 20
	// DefaultMaxHits is how many hits a file keeps; the rest are counted.
	DefaultMaxHits = 100
)

// New compiles a scanner for the given known secrets and rules. Secrets
// shorter than MinSecretLen are skipped.
func New(secrets []Secret, rules []*Rule) *Scanner {
	s := &Scanner{secrets: secrets, rules: rules, chunk: defaultChunk}
	var long, short [][]byte
	seen := map[string]bool{}
	add := func(b []byte, ref needleRef) {
		if len(b) > maxNeedle {
			b = b[:maxNeedle]
		}
		if len(b) < MinSecretLen || seen[string(b)] {
			return
		}
		seen[string(b)] = true
		if len(b) >= longNeedle {
			long = append(long, b)
			s.longRef = append(s.longRef, ref)
		} else {
			short = append(short, b)
			s.shortRef = append(s.shortRef, ref)
		}
	}
	for i, sec := range secrets {
		if len(sec.Value) < MinSecretLen {
			continue
		}
		add([]byte(sec.Value), needleRef{i, Verbatim})
		for _, f := range Encodings(sec.Value) {
			add([]byte(f.Text), needleRef{i, f.Form})
		}
	}
	s.long, s.short = newMulti(long), newMulti(short)
	var keywords []string
	for i, r := range rules {
		for _, kw := range r.Keywords {
			keywords = append(keywords, kw)
			s.kwRule = append(s.kwRule, i)
		}
	}
	if len(keywords) > 0 {
		s.ac = newAutomaton(keywords)
	}
	return s
}

// Encoded is one encoded form of a secret.
type Encoded struct {
	Form Form
	Text string
}

// Encodings returns the forms a secret is searched for besides itself:
// base64 (standard and URL alphabets) at each of the three alignments the
// secret can have inside a longer encoded text, keeping only the characters
// that the secret alone determines, and URL encoding where it differs.
func Encodings(secret string) []Encoded {
	var out []Encoded
	seen := map[string]bool{secret: true}
	add := func(f Form, t string) {
		if len(t) >= MinSecretLen && !seen[t] {
			seen[t] = true
			out = append(out, Encoded{f, t})
		}
	}
	for k := 0; k < 3; k++ {
		in := append(make([]byte, k), secret...)
		// Characters that depend on bits of the k bytes ahead, or of the
		// bytes after the secret, vary with the surrounding text.
		first := (8*k + 5) / 6
		last := 8 * len(in) / 6
		if last <= first {
			continue
		}
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
			add(Base64, enc.EncodeToString(in)[first:last])
		}
	}
	add(URLEncoded, url.QueryEscape(secret))
	add(URLEncoded, url.PathEscape(secret))
	return out
}

// Target is one file to scan.
type Target struct {
	// Open opens the file and returns its size; the scanner closes it.
	Open func() (io.ReadCloser, int64, error)
	// Size is the size recorded before the scan, used to share the byte
	// budget out in file order.
	Size int64
	// KnownOnly restricts the file to known secrets, for files whose
	// pattern matches could belong to someone else.
	KnownOnly bool
}

// Options bound a scan. Zero values mean no bound.
type Options struct {
	MaxBytes int64     // over all targets
	Deadline time.Time // checked between chunks
	Workers  int       // default GOMAXPROCS
	MaxHits  int       // per file; default DefaultMaxHits
}

// Cut says why a file was not scanned to its end.
type Cut string

const (
	CutNone     Cut = ""
	CutBudget   Cut = "byte budget"
	CutDeadline Cut = "time budget"
)

// FileResult is what the scan found in one target.
type FileResult struct {
	Hits    []Hit
	More    int   // hits beyond Options.MaxHits
	Scanned int64 // bytes read
	Size    int64 // as the open file reported
	Cut     Cut
	Err     error // the file could not be opened or read
}

// Scan scans the targets and returns one result per target, in order.
func (s *Scanner) Scan(targets []Target, opts Options) []FileResult {
	results := make([]FileResult, len(targets))
	quota := make([]int64, len(targets))
	remaining := opts.MaxBytes
	for i, t := range targets {
		switch {
		case opts.MaxBytes <= 0:
			quota[i] = -1
		default:
			quota[i] = min(max(t.Size, 0), remaining)
			remaining -= quota[i]
		}
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(targets))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, s.chunk+overlap)
			for i := range next {
				results[i] = s.scanTarget(targets[i], quota[i], opts, buf)
			}
		}()
	}
	for i := range targets {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

func (s *Scanner) scanTarget(t Target, quota int64, opts Options, buf []byte) FileResult {
	rc, size, err := t.Open()
	if err != nil {
		return FileResult{Err: err}
	}
	defer rc.Close()
	res := s.scanReader(rc, quota, t.KnownOnly, opts, buf)
	res.Size = size
	return res
}

// scanReader streams r through buf. At most quota bytes are read (-1: no
// limit). Each step reports the matches that start in [from, limit) of the
// buffer and carries the bytes from limit-context on to the next step.
func (s *Scanner) scanReader(r io.Reader, quota int64, knownOnly bool, opts Options, buf []byte) FileResult {
	var res FileResult
	maxHits := opts.MaxHits
	if maxHits <= 0 {
		maxHits = DefaultMaxHits
	}
	carry, from, line := 0, 0, 1
	base := int64(0) // file offset of buf[0]
	var round []hitAt
	for {
		want := len(buf) - carry
		if quota >= 0 && int64(want) > quota-res.Scanned {
			want = int(quota - res.Scanned)
		}
		n, err := io.ReadFull(r, buf[carry:carry+want])
		res.Scanned += int64(n)
		end := carry + n
		eof := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF)
		if err != nil && !eof {
			res.Err = err
		}
		final := eof || err != nil || (quota >= 0 && res.Scanned >= quota)
		limit := end
		if !final {
			limit = end - overlap
		}
		round = s.collect(buf[:end], from, limit, knownOnly, round[:0])
		cur := from
		for _, h := range round {
			line += bytes.Count(buf[cur:h.start], nl)
			cur = h.start
			if len(res.Hits) >= maxHits {
				res.More++
				continue
			}
			h.hit.Offset = base + int64(h.start)
			h.hit.Line = line
			res.Hits = append(res.Hits, h.hit)
		}
		line += bytes.Count(buf[cur:limit], nl)
		if final {
			if err == nil && quota >= 0 && res.Scanned >= quota {
				// Stopped by the quota: is there anything left?
				var one [1]byte
				if m, _ := r.Read(one[:]); m > 0 {
					res.Cut = CutBudget
				}
			}
			return res
		}
		if !opts.Deadline.IsZero() && time.Now().After(opts.Deadline) {
			res.Cut = CutDeadline
			return res
		}
		keep := limit - context
		copy(buf, buf[keep:end])
		carry = end - keep
		base += int64(keep)
		from = context
	}
}

var nl = []byte{'\n'}

type hitAt struct {
	start int
	end   int
	hit   Hit
}

// collect finds the matches starting in [from, limit) of buf, sorted by
// start. A pattern match that overlaps a known secret is dropped: the known
// secret says more.
func (s *Scanner) collect(buf []byte, from, limit int, knownOnly bool, out []hitAt) []hitAt {
	known := func(mu *multi, refs []needleRef) {
		mu.find(buf, func(start, id int) {
			if start < from || start >= limit {
				return
			}
			ref := refs[id]
			out = append(out, hitAt{start: start, end: start + len(mu.needles[id]), hit: Hit{
				Secret: ref.secret, Form: ref.form, Preview: Preview(s.secrets[ref.secret].Value),
			}})
		})
	}
	known(s.long, s.longRef)
	known(s.short, s.shortRef)
	nKnown := len(out)
	slices.SortFunc(out, func(a, b hitAt) int { return a.start - b.start })
	// overlapsKnown reports whether [start, end) overlaps a known secret;
	// known needles are at most maxNeedle long, so only those starting
	// after start-maxNeedle can reach it.
	overlapsKnown := func(start, end int) bool {
		i, _ := slices.BinarySearchFunc(out[:nKnown], start-maxNeedle, func(h hitAt, t int) int { return h.start - t })
		for ; i < nKnown && out[i].start < end; i++ {
			if start < out[i].end {
				return true
			}
		}
		return false
	}
	if !knownOnly && s.ac != nil {
		s.ac.find(buf, func(kw, id int) {
			r := s.rules[s.kwRule[id]]
			if kw-r.Before >= limit || kw+r.MaxLen < from {
				return
			}
			ws := max(0, kw-r.Before-1)
			we := min(len(buf), kw+r.MaxLen+2)
			for _, loc := range r.Pattern.FindAllSubmatchIndex(buf[ws:we], -1) {
				start, end := ws+loc[2], ws+loc[3]
				if start > kw || end <= kw || start < from || start >= limit {
					continue
				}
				// Two keywords inside one credential find it twice, one
				// after the other.
				for j := len(out) - 1; j >= max(nKnown, len(out)-8); j-- {
					if out[j].hit.Rule == r.ID && out[j].start == start {
						return
					}
				}
				if overlapsKnown(start, end) {
					return
				}
				out = append(out, hitAt{start: start, end: end, hit: Hit{Rule: r.ID, Preview: Preview(string(buf[start:end]))}})
				return
			}
		})
	}
	slices.SortStableFunc(out, func(a, b hitAt) int { return a.start - b.start })
	return out
}
