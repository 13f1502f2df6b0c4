package fix

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/clawcheck/clawcheck/internal/config"
	"github.com/clawcheck/clawcheck/internal/json5"
	"github.com/clawcheck/clawcheck/internal/state"
)

// editor plans the config edits on the loaded config, whose values carry
// the file and byte span they were read from.
type editor struct {
	cfg  *config.Config
	plan *Plan
	snap *state.Snapshot
	// whatsapp is channels.whatsapp as the loader hands it on, single
	// account keys moved under accounts.default (built on first use).
	whatsapp *config.Value
	// flipped are the values set to "allowlist" by this run.
	flipped map[*config.Value]bool
}

// redaction: logging.redactSensitive "off" becomes "tools".
func (e *editor) redaction() {
	v := e.cfg.Root.Get("logging", "redactSensitive")
	if s, ok := v.String(); ok && s == "off" {
		e.replace(v, "logging.redactSensitive=off -> \"tools\"", "tools")
	}
}

// groupPolicies flips every channel's and account's groupPolicy "open" to
// "allowlist", channel by channel in config order.
func (e *editor) groupPolicies() {
	e.flipped = map[*config.Value]bool{}
	for _, ch := range e.cfg.Root.Get("channels").Pairs() {
		scope := ch.Value
		if ch.Key == "whatsapp" {
			scope = e.whatsappView()
		}
		if !scope.IsObject() {
			continue
		}
		e.flip(scope.Get("groupPolicy"), "channels."+ch.Key+".groupPolicy")
		for _, acct := range scope.Get("accounts").Pairs() {
			if acct.Key == "" || !acct.Value.IsObject() {
				continue
			}
			e.flip(acct.Value.Get("groupPolicy"), "channels."+ch.Key+".accounts."+acct.Key+".groupPolicy")
		}
	}
}

func (e *editor) flip(v *config.Value, path string) {
	if s, ok := v.String(); ok && s == "open" {
		if e.replace(v, path+"=open -> allowlist", "allowlist") {
			e.flipped[v] = true
		}
	}
}

// whatsappPromoted are the single-account WhatsApp keys the loader moves
// under accounts.default once named accounts exist.
var whatsappPromoted = []string{"name", "authDir", "dmPolicy", "allowFrom", "groupPolicy", "groupAllowFrom", "defaultTo"}

// whatsappView returns channels.whatsapp after the loader's promotion of
// single-account keys. Moved values keep their origins, so an edit of a
// promoted value still lands where the value is written.
func (e *editor) whatsappView() *config.Value {
	if e.whatsapp != nil {
		return e.whatsapp
	}
	raw := e.cfg.Root.Get("channels", "whatsapp")
	if !raw.IsObject() {
		return nil
	}
	v := *raw
	v.Members = slices.Clone(raw.Members)
	e.whatsapp = &v
	accounts := v.Get("accounts")
	if !accounts.IsObject() || accounts.Len() == 0 {
		return e.whatsapp
	}
	var moving []config.Member
	for _, k := range whatsappPromoted {
		if m := v.Get(k); m.Present() {
			moving = append(moving, config.Member{Key: k, Value: m})
		}
	}
	if len(moving) == 0 {
		return e.whatsapp
	}
	acc := *accounts
	acc.Members = slices.Clone(accounts.Members)
	v.Set("accounts", &acc, config.Origin{})
	target := ""
	for _, k := range acc.Keys() {
		if strings.ToLower(strings.TrimSpace(k)) == "default" {
			target = k
			break
		}
	}
	if target == "" {
		target = "default"
		// Not written anywhere: an edit here inserts the account.
		acc.Set(target, config.NewObject(), config.Origin{})
	}
	dst := acc.Get(target)
	if !dst.IsObject() {
		return e.whatsapp
	}
	d := *dst
	d.Members = slices.Clone(dst.Members)
	acc.Set(target, &d, config.Origin{})
	for _, m := range moving {
		if !d.Has(m.Key) {
			d.Set(m.Key, m.Value, config.Origin{})
		}
		v.Delete(m.Key)
	}
	return e.whatsapp
}

// whatsappSeeds gives WhatsApp scopes on an allowlist with no senders the
// stored pairing list of the default account as groupAllowFrom.
func (e *editor) whatsappSeeds() {
	wa := e.whatsappView()
	if !wa.IsObject() {
		return
	}
	list := e.pairingStore()
	if len(list) == 0 {
		return
	}
	channelPolicy := "allowlist" // the loader's default
	if s, ok := wa.Get("groupPolicy").String(); ok {
		channelPolicy = s
	}
	if e.flipped[wa.Get("groupPolicy")] {
		channelPolicy = "allowlist"
	}
	seed := func(scope *config.Value, policy, path string, insertInto *config.Value, key string) {
		if policy != "allowlist" || nonEmptyArray(scope.Get("allowFrom")) || nonEmptyArray(scope.Get("groupAllowFrom")) {
			return
		}
		text := path + ".groupAllowFrom=pairing-store"
		if scope.Origin.IsZero() {
			// An account only the loader created: add it to the accounts object.
			e.insert(insertInto, key, text, map[string]any{"groupAllowFrom": stringsAny(list)},
				"{"+json5.Quote("groupAllowFrom")+": "+arrayText(list)+"}")
			return
		}
		e.insert(scope, "groupAllowFrom", text, stringsAny(list), arrayText(list))
	}
	seed(wa, channelPolicy, "channels.whatsapp", nil, "")
	accounts := wa.Get("accounts")
	for _, acct := range accounts.Pairs() {
		if acct.Key == "" || !acct.Value.IsObject() {
			continue
		}
		policy := channelPolicy
		gp := acct.Value.Get("groupPolicy")
		if s, ok := gp.String(); ok {
			policy = s
		}
		if e.flipped[gp] {
			policy = "allowlist"
		}
		seed(acct.Value, policy, "channels.whatsapp.accounts."+acct.Key, accounts, acct.Key)
	}
}

func nonEmptyArray(v *config.Value) bool { return v.IsArray() && v.Len() > 0 }

func stringsAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func arrayText(ss []string) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = json5.Quote(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// replace plans setting the string value v to s.
func (e *editor) replace(v *config.Value, text, s string) bool {
	if v.Raw != "" {
		e.plan.Errors = append(e.plan.Errors, fmt.Sprintf("%s: the value comes from %s in the environment; not rewritten, change it where the variable is set", strings.SplitN(text, "=", 2)[0], v.Raw))
		return false
	}
	doc, node, at, ok := e.locate(v.Origin)
	if !ok {
		e.plan.Errors = append(e.plan.Errors, fmt.Sprintf("%s: cannot find where the value is written; not rewritten", strings.SplitN(text, "=", 2)[0]))
		return false
	}
	newText := json5.Quote(s)
	if node.Kind == json5.String && node.Quote == '\'' {
		newText = "'" + s + "'"
	}
	e.plan.Changes = append(e.plan.Changes, &Change{
		Text: text, File: doc.Filename, Edits: []json5.Edit{doc.ReplaceValue(node, newText)}, At: at, Want: s,
	})
	return true
}

// insert plans adding key: valueText to the object obj.
func (e *editor) insert(obj *config.Value, key, text string, want any, valueText string) {
	doc, node, at, ok := e.locate(obj.Origin)
	if !ok || node.Kind != json5.Object {
		e.plan.Errors = append(e.plan.Errors, fmt.Sprintf("%s: cannot find where the object is written; not changed", strings.SplitN(text, "=", 2)[0]))
		return
	}
	e.plan.Changes = append(e.plan.Changes, &Change{
		Text: text, File: doc.Filename, Edits: doc.SetMember(node, key, valueText),
		At: append(at, key), Want: want,
	})
}

// locate finds the node read at origin o, with its member path in its file.
func (e *editor) locate(o config.Origin) (*json5.Document, *json5.Node, []string, bool) {
	if o.IsZero() {
		return nil, nil, nil, false
	}
	for _, f := range e.cfg.Files {
		if f.Path != o.File || f.Doc == nil {
			continue
		}
		if n, at, ok := findNode(f.Doc.Root, o.Start, nil); ok {
			return f.Doc, n, at, true
		}
	}
	return nil, nil, nil, false
}

// findNode finds the node starting at off below n, through object members
// only (the values --fix edits never sit in arrays).
func findNode(n *json5.Node, off int, at []string) (*json5.Node, []string, bool) {
	if n == nil || off < n.Start || off >= n.End {
		return nil, nil, false
	}
	if n.Start == off {
		return n, at, true
	}
	if n.Kind != json5.Object {
		return nil, nil, false
	}
	for _, m := range n.Members {
		if found, p, ok := findNode(m.Value, off, append(slices.Clip(at), m.Key)); ok {
			return found, p, true
		}
	}
	return nil, nil, false
}

// finish groups the changes by file and applies each file's edits.
func (e *editor) finish() {
	byFile := map[string]*FileEdit{}
	for _, c := range e.plan.Changes {
		fe := byFile[c.File]
		if fe == nil {
			fe = &FileEdit{Path: c.File}
			for _, f := range e.cfg.Files {
				if f.Path == c.File {
					fe.Old, fe.Include = f.Doc.Src, f.Include
					break
				}
			}
			byFile[c.File] = fe
			e.plan.Files = append(e.plan.Files, fe)
		}
		fe.Changes = append(fe.Changes, c)
	}
	slices.SortStableFunc(e.plan.Files, func(a, b *FileEdit) int {
		switch {
		case a.Include == b.Include:
			return 0
		case !a.Include:
			return -1
		}
		return 1
	})
	kept := e.plan.Files[:0]
	for _, fe := range e.plan.Files {
		var edits []json5.Edit
		for _, c := range fe.Changes {
			edits = append(edits, c.Edits...)
		}
		out, err := json5.Apply(fe.Old, edits)
		if err != nil {
			e.plan.Errors = append(e.plan.Errors, fmt.Sprintf("%s: the planned edits conflict: %v", filepath.Base(fe.Path), err))
			continue
		}
		fe.New = out
		kept = append(kept, fe)
	}
	e.plan.Files = kept
}
