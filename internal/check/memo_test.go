package check

import (
	"sync"
	"sync/atomic"
	"testing"
)

func TestMemoRunsOncePerKey(t *testing.T) {
	m := NewMemo()
	var calls atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			key := i % 2
			v := m.Do(key, func() any { calls.Add(1); return key * 10 })
			if v.(int) != key*10 {
				t.Errorf("key %d: got %v", key, v)
			}
		}(i)
	}
	wg.Wait()
	if n := calls.Load(); n != 2 {
		t.Errorf("%d calls for 2 keys", n)
	}
	var nilMemo *Memo
	if nilMemo.Do("k", func() any { return 7 }).(int) != 7 {
		t.Error("nil memo does not compute")
	}
}
