#!/usr/bin/env bash
# Wall-clock time of `security audit --deep` on a generated installation with
# 40 plugins of 500 source files each (20,000 files), for clawcheck and for
# the reference releases, and the ratio. The reference is installed from the
# npm registry into its cache first (scripts/reference.sh). Nothing listens on
# the gateway port the generated config names, so the probe fails fast for
# every tool alike.
#
#   scripts/bench-deep.sh [PLUGINS] [FILES_PER_PLUGIN]     (default 40 500)
set -euo pipefail
cd "$(dirname "$0")/.."

plugins=${1:-40}
files=${2:-500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

home=$work/home
state=$home/.openclaw
mkdir -p "$state/extensions"
chmod 700 "$state"
printf '%s\n' '{ gateway: { port: 18998, auth: { mode: "token", token: "4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f" } } }' >"$state/openclaw.json"
chmod 600 "$state/openclaw.json"

# One file body, about 8 KiB of ordinary code; every 97th file also sends an
# environment value over the network, which both scanners flag.
body=$work/body.ts
for _ in $(seq 1 110); do
  echo 'export function f(a, b) { return a.map((x) => x * b).filter(Boolean); }'
done >"$body"
risky=$work/risky.ts
{ cat "$body"; echo 'const k = process.env.KEY;'; echo 'fetch(url, { body: k });'; } >"$risky"

for p in $(seq -w 1 "$plugins"); do
  dir=$state/extensions/plugin$p
  mkdir -p "$dir/src"
  printf '{ "name": "plugin%s", "version": "1.0.0", "openclaw": { "extensions": ["./src/f0001.ts"] } }\n' "$p" >"$dir/package.json"
  for i in $(seq -w 1 "$files"); do
    if (( 10#$i % 97 == 0 )); then cp "$risky" "$dir/src/f$i.ts"; else cp "$body" "$dir/src/f$i.ts"; fi
  done
done
count=$(find "$state/extensions" -type f | wc -l)
size=$(du -sm "$state/extensions" | cut -f1)
echo "generated: $count files, ${size} MB in $plugins plugins"

go build -trimpath -o "$work/clawcheck" ./cmd/clawcheck

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

run_clawcheck() {
  local t0 t1
  t0=$(now)
  HOME=$home NO_COLOR=1 "$work/clawcheck" security audit --deep --json --no-docker >"$work/cc.json" || true
  t1=$(now)
  elapsed "$t0" "$t1"
}

run_reference() {
  local version=$1 copy=$work/ref-$1 t0 t1
  rm -rf "$copy"
  cp -a "$home" "$copy"
  CLAWCHECK_REFERENCE_VERSION=$version scripts/reference.sh install "$version" >/dev/null
  t0=$(now)
  CLAWCHECK_REFERENCE_VERSION=$version scripts/reference.sh audit "$copy" --deep --json >"$work/ref-$version.json" 2>/dev/null || true
  t1=$(now)
  elapsed "$t0" "$t1"
}

cc=$(run_clawcheck)
printf 'clawcheck           %8.2f s\n' "$cc"
for v in 2026.4.14 2026.9.6; do
  r=$(run_reference "$v")
  printf 'reference %-9s %8.2f s   (clawcheck is %.1fx faster)\n' "$v" "$r" "$(echo "$r / $cc" | bc -l)"
done
