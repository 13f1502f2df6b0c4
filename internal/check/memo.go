package check

import "sync"

// Memo is one audit's scratch space shared by its checks: work that several
// checks need (scanning a plugin folder, say) runs once per audit instead of
// once per check. Values must be pure functions of the audit's inputs and the
// key, so sharing them never changes a result. A nil Memo (a Pass built
// outside the engine) just computes.
type Memo struct {
	mu    sync.Mutex
	cells map[any]*memoCell
}

type memoCell struct {
	once sync.Once
	v    any
}

// NewMemo returns an empty memo for one audit.
func NewMemo() *Memo { return &Memo{cells: map[any]*memoCell{}} }

// Do returns f's result for key, calling f at most once per memo; concurrent
// callers of one key wait for the first. key must be comparable.
func (m *Memo) Do(key any, f func() any) any {
	if m == nil {
		return f()
	}
	m.mu.Lock()
	c := m.cells[key]
	if c == nil {
		c = &memoCell{}
		m.cells[key] = c
	}
	m.mu.Unlock()
	c.once.Do(func() { c.v = f() })
	return c.v
}
