package schema

import (
	"bytes"
	"compress/gzip"
	"embed"
	"io"
)

// The data files are the reference's `openclaw config schema` output with
// titles and descriptions removed, compressed with `gzip -9n` (no name, no
// timestamp, so the bytes are reproducible). They are refreshed by hand when
// a release is added; nothing generates them during the build.
//
//go:embed data/*.schema.json.gz
var dataFS embed.FS

func schemaBytes(rel Release) ([]byte, error) {
	gz, err := dataFS.ReadFile("data/openclaw-config-" + string(rel) + ".schema.json.gz")
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}
