package difftest

import (
	"math"
	"testing"
)

func TestCanon(t *testing.T) {
	cases := []struct {
		v    any
		want string
	}{
		{nil, "null"},
		{map[string]any{"b": 1.0, "a": []any{true, "x"}}, `{"a":[true,"x"],"b":1}`},
		{math.Copysign(0, -1), "-0"},
		{Number(math.NaN()), "NaN"},
		{math.Inf(-1), "-Inf"},
		{1e21, "1e+21"},
		{math.Nextafter(0.3, 1), "0.30000000000000004"},
	}
	for _, c := range cases {
		if got := Canon(c.v); got != c.want {
			t.Errorf("Canon(%#v) = %s, want %s", c.v, got, c.want)
		}
	}
}

// TestJSON5Driver checks the driver's encoding on inputs whose values are
// known, so that a broken driver cannot make the differential test pass.
func TestJSON5Driver(t *testing.T) {
	ref := Require(t, DefaultVersion)
	d, err := StartJSON5(ref)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	cases := []struct {
		src  string
		ok   bool
		want string
	}{
		{`{a:1,a:2,b:[-0,NaN,-Infinity,0x10]}`, true, `{"a":2,"b":[-0,NaN,-Inf,16]}`},
		{`{"__proto__":{x:1}}`, true, `{"__proto__":{"x":1}}`},
		{`'\ud800'`, true, "\"\ufffd\""},
		{`"\ud83d\ude00"`, true, `"😀"`},
		{`9007199254740993`, true, `9.007199254740992e+15`},
		{`{a:1,}`, true, `{"a":1}`},
		{`[1,,]`, false, ""},
		{``, false, ""},
	}
	srcs := make([]string, len(cases))
	for i, c := range cases {
		srcs[i] = c.src
	}
	for round := range 2 { // a second batch on the same process
		got, err := d.Parse(srcs)
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range cases {
			if got[i].OK != c.ok || got[i].Value != c.want {
				t.Errorf("round %d: %q: got ok=%v %s (%s), want ok=%v %s", round, c.src, got[i].OK, got[i].Value, got[i].Err, c.ok, c.want)
			}
		}
	}
}
