#!/usr/bin/env bash
# Benchmarks the leaked-secrets scanner against gitleaks on the same corpus.
#
#   scripts/bench-leaks.sh [SIZE_BYTES]      (default 1 GiB)
#
# Generates transcript-like JSONL with planted credentials in a temporary
# folder, scans it with clawcheck's scanner (all cores, then one) and with
# `gitleaks dir`, and prints throughput (MB/s and MB/s per core) and recall
# for each. gitleaks is installed with `go install` into a cache folder the
# first time. The corpus is deleted afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

size=${1:-$((1 << 30))}
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc)
cache=${XDG_CACHE_HOME:-$HOME/.cache}/clawcheck-bench
gitleaks_version=v8.30.1
gitleaks=$cache/bin/gitleaks

if [ ! -x "$gitleaks" ]; then
	echo "installing gitleaks $gitleaks_version into $cache/bin" >&2
	mkdir -p "$cache/bin"
	GOBIN=$cache/bin go install "github.com/zricethezav/gitleaks/v8@$gitleaks_version"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/leakbench" ./internal/leakscan/cmd/leakbench
corpus=$work/corpus

echo "generating $((size / 1048576)) MiB of JSONL in 16 files" >&2
"$work/leakbench" gen -dir "$corpus" -size "$size" -files 16 -every 20000
bytes=$(cat "$corpus"/*.jsonl | wc -c)
planted=$(wc -l <"$corpus/manifest.tsv")
echo "corpus: $bytes bytes, $planted planted credentials, $cores cores"

# Warm the page cache so that both tools read from memory.
cat "$corpus"/*.jsonl >/dev/null

"$work/leakbench" scan -dir "$corpus" -workers "$cores"
"$work/leakbench" scan -dir "$corpus" -workers 1

# gitleaks scans every file in the folder; keep the manifest out of it.
mv "$corpus/manifest.tsv" "$work/manifest.tsv"
start=$(date +%s.%N)
"$gitleaks" dir "$corpus" --no-banner --log-level error --exit-code 0 \
	--report-format json --report-path "$work/gitleaks.json" --max-decode-depth 0
end=$(date +%s.%N)
mv "$work/manifest.tsv" "$corpus/manifest.tsv"
awk -v b="$bytes" -v s="$start" -v e="$end" -v c="$cores" 'BEGIN {
	t = e - s; mbs = b / 1e6 / t
	printf "gitleaks dir (%d cores available): %.0f MB in %.2f s: %.0f MB/s, %.0f MB/s per core\n", c, b / 1e6, t, mbs, mbs / c
}'
"$work/leakbench" score -dir "$corpus" -gitleaks "$work/gitleaks.json"
