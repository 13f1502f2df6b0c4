package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/clawcheck/clawcheck/internal/config"
)

// parseValue turns a JSON document into a config tree, keeping member order
// (which a map would lose) and giving every value a synthetic origin so that
// tests can check which value an issue points at.
func parseValue(doc string) (*config.Value, error) {
	d := &treeDecoder{dec: json.NewDecoder(bytes.NewReader([]byte(doc))), doc: doc}
	d.dec.UseNumber()
	v, err := d.value()
	if err != nil {
		return nil, err
	}
	if _, err := d.dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("trailing data after the document")
	}
	return v, nil
}

type treeDecoder struct {
	dec *json.Decoder
	doc string
}

// next returns where the next token starts: the decoder's offset is just
// past the previous token, before any separator and space.
func (d *treeDecoder) next() int {
	off := int(d.dec.InputOffset())
	for off < len(d.doc) && strings.IndexByte(" \t\r\n:,", d.doc[off]) >= 0 {
		off++
	}
	return off
}

func (d *treeDecoder) value() (*config.Value, error) {
	dec := d.dec
	off := d.next()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	origin := config.Origin{File: "test.json", Start: off, Line: 1, Col: off + 1}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			v := &config.Value{Kind: config.Object, Members: []config.Member{}, Origin: origin}
			for dec.More() {
				koff := d.next()
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := kt.(string)
				if !ok {
					return nil, fmt.Errorf("object key is not a string")
				}
				val, err := d.value()
				if err != nil {
					return nil, err
				}
				v.Set(key, val, config.Origin{File: "test.json", Start: koff, Line: 1, Col: koff + 1})
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return v, nil
		case '[':
			v := &config.Value{Kind: config.Array, Elems: []*config.Value{}, Origin: origin}
			for dec.More() {
				el, err := d.value()
				if err != nil {
					return nil, err
				}
				v.Elems = append(v.Elems, el)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return v, nil
		}
		return nil, fmt.Errorf("unexpected %v", t)
	case nil:
		return &config.Value{Kind: config.Null, Origin: origin}, nil
	case bool:
		return &config.Value{Kind: config.Bool, Bool: t, Origin: origin}, nil
	case json.Number:
		f, err := t.Float64()
		if err != nil {
			return nil, err
		}
		return &config.Value{Kind: config.Number, Num: f, Origin: origin}, nil
	case string:
		return &config.Value{Kind: config.String, Str: t, Origin: origin}, nil
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
}

func mustParse(t testing.TB, doc string) *config.Value {
	t.Helper()
	v, err := parseValue(doc)
	if err != nil {
		t.Fatalf("bad test document %s: %v", doc, err)
	}
	return v
}

func posInf() float64 { return math.Inf(1) }
func negInf() float64 { return math.Inf(-1) }
func nan() float64    { return math.NaN() }
