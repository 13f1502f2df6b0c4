package schema

import "testing"

func TestSuggest(t *testing.T) {
	keys := []prop{{name: "gateway"}, {name: "bind"}, {name: "auth"}, {name: "allowFrom"}, {name: "channels"}, {name: "id"}}
	cases := []struct{ key, want string }{
		{"gatway", "gateway"},      // deletion
		{"gateawy", "gateway"},     // transposition
		{"Gateway", "gateway"},     // case only
		{"bindd", "bind"},          // insertion
		{"allowfrom", "allowFrom"}, // case inside
		{"alowFrm", "allowFrom"},   // two slips in a long key
		{"chanels", "channels"},
		{"auht", "auth"},
		{"ip", "id"}, // one slip in a short key
		{"xy", ""},   // too short to guess
		{"bi", ""},   // two slips from "bind" is too many for its length
		{"network", ""},
		{"", ""},
	}
	for _, c := range cases {
		if got := suggest(c.key, keys); got != c.want {
			t.Errorf("suggest(%q) = %q, want %q", c.key, got, c.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"", "ab", 2}, {"abc", "abc", 0},
		{"abc", "acb", 1}, {"abcd", "badc", 2}, {"kitten", "sitting", 3}, {"ca", "abc", 3},
	}
	for _, c := range cases {
		if got := editDistance([]rune(c.a), []rune(c.b)); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestSuggestPath(t *testing.T) {
	c := schema414()
	gateway := c.root.declared().lookup("gateway").declared()
	cases := []struct{ key, want string }{
		{"bnd", "bind"},                               // a sibling first
		{"token", "auth.token"},                       // one level down, exact
		{"password", "auth.password"},                 // one level down, exact
		{"allowedOrigin", "controlUi.allowedOrigins"}, // one level down, one slip
		{"zzqqxx", ""},
		{"id", ""}, // too short to look further
	}
	for _, tc := range cases {
		if got := suggestPath(tc.key, gateway.props); got != tc.want {
			t.Errorf("suggestPath(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}
