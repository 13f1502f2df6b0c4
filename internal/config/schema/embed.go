package schema

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"io"
	"strings"
)

// The data files are the reference's `openclaw config schema` output with
// titles and descriptions removed, gzip-compressed at the highest level
// without a file name or timestamp, so the bytes are reproducible. They are
// refreshed by hand when a release is added; nothing generates them during
// the build.
//
//go:embed data/*.schema.json.gz
var dataFS embed.FS

// schemaText returns a release's schema document.
func schemaText(rel Release) (string, error) {
	gz, err := dataFS.ReadFile("data/openclaw-config-" + string(rel) + ".schema.json.gz")
	if err != nil {
		return "", err
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return "", err
	}
	defer zr.Close()
	// The gzip trailer records the uncompressed size; reading into a buffer
	// of that size avoids growing it step by step.
	var b strings.Builder
	if n := len(gz); n >= 4 {
		b.Grow(int(binary.LittleEndian.Uint32(gz[n-4:])))
	}
	if _, err := io.Copy(&b, zr); err != nil {
		return "", err
	}
	return b.String(), nil
}
