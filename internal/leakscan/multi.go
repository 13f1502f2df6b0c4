package leakscan

import "bytes"

// multi finds any of a set of needles with Wu-Manber block skipping: a
// table indexed by the two bytes ending the current window says how far the
// window may move before a needle could end in it. Needles are long random
// strings, so most windows shift by nearly the shortest needle's length and
// most bytes are never looked at, which is what makes known-secret matching
// faster than reading the text byte by byte.
type multi struct {
	m       int // window: the shortest needle's length, at most maxWindow
	shift   []uint8
	bucket  [][]int32 // needles whose window ends with the table's 2 bytes
	needles [][]byte
}

const maxWindow = 255

func newMulti(needles [][]byte) *multi {
	if len(needles) == 0 {
		return nil
	}
	m := maxWindow
	for _, n := range needles {
		m = min(m, len(n))
	}
	if m < 2 {
		panic("leakscan: needle shorter than 2 bytes")
	}
	mu := &multi{m: m, shift: make([]uint8, 1<<16), bucket: make([][]int32, 1<<16), needles: needles}
	for i := range mu.shift {
		mu.shift[i] = uint8(m - 1)
	}
	for id, n := range needles {
		for q := 1; q < m; q++ {
			h := uint16(n[q-1])<<8 | uint16(n[q])
			if s := uint8(m - 1 - q); s < mu.shift[h] {
				mu.shift[h] = s
			}
		}
		h := uint16(n[m-2])<<8 | uint16(n[m-1])
		mu.bucket[h] = append(mu.bucket[h], int32(id))
	}
	return mu
}

// find calls fn for every occurrence of every needle in text.
func (mu *multi) find(text []byte, fn func(start, id int)) {
	if mu == nil {
		return
	}
	m, n := mu.m, len(text)
	shift, bucket := mu.shift, mu.bucket
	for i := m - 1; i < n; {
		h := uint16(text[i-1])<<8 | uint16(text[i])
		if s := shift[h]; s != 0 {
			i += int(s)
			continue
		}
		start := i - (m - 1)
		for _, id := range bucket[h] {
			nd := mu.needles[id]
			if start+len(nd) <= n && nd[0] == text[start] && bytes.Equal(text[start:start+len(nd)], nd) {
				fn(start, int(id))
			}
		}
		i++
	}
}

// automaton is an Aho-Corasick automaton over a few short keywords, as a
// dense transition table: one lookup per byte and no backtracking.
type automaton struct {
	delta [][256]uint16
	out   [][]int32 // keyword ids ending in each state
	lens  []int
	// pair marks the first two bytes of every keyword, so the start state
	// can skip any byte that does not begin one.
	pair []bool
}

func newAutomaton(keywords []string) *automaton {
	a := &automaton{delta: make([][256]uint16, 1), out: make([][]int32, 1)}
	goTo := []map[byte]uint16{{}}
	for id, kw := range keywords {
		s := uint16(0)
		for i := 0; i < len(kw); i++ {
			c := kw[i]
			next, ok := goTo[s][c]
			if !ok {
				next = uint16(len(goTo))
				goTo = append(goTo, map[byte]uint16{})
				a.out = append(a.out, nil)
				goTo[s][c] = next
			}
			s = next
		}
		a.out[s] = append(a.out[s], int32(id))
		a.lens = append(a.lens, len(kw))
		if len(kw) < 2 {
			panic("leakscan: keyword shorter than 2 bytes")
		}
	}
	a.pair = make([]bool, 1<<16)
	for _, kw := range keywords {
		a.pair[uint16(kw[0])<<8|uint16(kw[1])] = true
	}
	a.delta = make([][256]uint16, len(goTo))
	fail := make([]uint16, len(goTo))
	// Breadth first: a state's failure link is known before its children's.
	queue := []uint16{}
	for c := 0; c < 256; c++ {
		if next, ok := goTo[0][byte(c)]; ok {
			a.delta[0][c] = next
			queue = append(queue, next)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		a.out[s] = append(a.out[s], a.out[fail[s]]...)
		for c := 0; c < 256; c++ {
			if next, ok := goTo[s][byte(c)]; ok {
				fail[next] = a.delta[fail[s]][c]
				a.delta[s][c] = next
				queue = append(queue, next)
			} else {
				a.delta[s][c] = a.delta[fail[s]][c]
			}
		}
	}
	return a
}

// find calls fn with the start of every keyword occurrence in text.
func (a *automaton) find(text []byte, fn func(start, id int)) {
	if a == nil {
		return
	}
	s := uint16(0)
	delta, pair := a.delta, a.pair
	n := len(text)
	for i := 0; i < n; i++ {
		if s == 0 {
			// Most byte pairs cannot start a keyword; skip them without
			// the table walk's dependent loads.
			for i+1 < n && !pair[uint16(text[i])<<8|uint16(text[i+1])] {
				i++
			}
			if i+1 >= n {
				return
			}
		}
		s = delta[s][text[i]]
		if out := a.out[s]; len(out) != 0 {
			for _, id := range out {
				fn(i+1-a.lens[id], int(id))
			}
		}
	}
}
