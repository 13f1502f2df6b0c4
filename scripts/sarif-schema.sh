#!/usr/bin/env bash
# The SARIF 2.1.0 JSON schema, for tests that validate clawcheck's SARIF
# output. It ships in an npm package (MIT), which this script fetches from the
# npm registry into a cache folder once; it prints the schema's path.
#
# The cache is $CLAWCHECK_SARIF_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/clawcheck-sarif.
set -euo pipefail

pkg=@microsoft/jest-sarif@1.0.0-beta.0
file=package/lib/schemas/sarif-2.1.0-rtm.5.json
cache=${CLAWCHECK_SARIF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/clawcheck-sarif}
schema=$cache/sarif-2.1.0-rtm.5.json

if [ ! -s "$schema" ]; then
  command -v npm >/dev/null || { echo "sarif-schema: npm is needed to fetch the schema" >&2; exit 1; }
  mkdir -p "$cache"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  tgz=$(cd "$tmp" && npm pack --silent "$pkg" 2>/dev/null | tail -n1)
  tar -xzf "$tmp/$tgz" -C "$tmp" "$file"
  mv "$tmp/$file" "$schema"
fi
echo "$schema"
