#!/usr/bin/env bash
# Benchmarks the leaked-secrets scanner against gitleaks on the same corpus.
#
#   scripts/bench-leaks.sh [SIZE_BYTES]      (default 1 GiB)
#
# Generates transcript-like JSONL with planted credentials in a temporary
# folder laid out as an OpenClaw state dir (sessions of agent main, and a
# config holding the two known secrets the corpus leaks), then prints
# throughput and recall for
#   - clawcheck's scanner alone, all cores and one core (fastest of 3 runs);
#   - `clawcheck security audit --deep` end to end, on the same state dir;
#   - `gitleaks dir` on the sessions folder (one run).
# Throughput is given per wall-clock second and per CPU second (user +
# system): the latter is the per-core figure, and stays honest on a machine
# busy with other work. gitleaks is installed with `go install` into a
# cache folder the first time. Everything generated is deleted afterwards.
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
go build -o "$work/clawcheck" ./cmd/clawcheck
home=$work/home
corpus=$home/.openclaw/agents/main/sessions

echo "generating $((size / 1048576)) MiB of JSONL in 16 files" >&2
mkdir -p "$home/.openclaw"
"$work/leakbench" gen -dir "$corpus" -size "$size" -files 16 -every 2000 -config "$home/.openclaw/openclaw.json"
bytes=$(cat "$corpus"/*.jsonl | wc -c)
planted=$(wc -l <"$corpus/manifest.tsv")
echo "corpus: $bytes bytes, $planted planted credentials, $cores cores ($(uname -m))"

# Warm the page cache so that every tool reads from memory.
cat "$corpus"/*.jsonl >/dev/null

"$work/leakbench" scan -dir "$corpus" -workers "$cores"
"$work/leakbench" scan -dir "$corpus" -workers 1

# rate NAME SECONDS_FILE prints wall-clock and CPU throughput from the
# "real user sys" line that bash's time keyword wrote.
rate() {
	awk -v b="$bytes" -v name="$1" '{
		wall = $1; cpu = $2 + $3
		printf "%s: %.0f MB, %.2f s wall, %.2f s CPU: %.1f MB/s wall, %.1f MB per CPU second\n", name, b / 1e6, wall, cpu, b / 1e6 / wall, b / 1e6 / cpu
	}' "$2"
}
TIMEFORMAT='%R %U %S'

# End to end: the audit with --deep (no budgets). Where this build has no
# --deep yet, the plain audit's byte budget (512 MiB per check) applies and
# only that much counts. The report lists up to 5 hits per file.
deep=--deep
audited=$bytes
if ! "$work/clawcheck" security audit --help 2>/dev/null | grep -q -- '--deep'; then
	deep=
	audited=$((bytes < 536870912 ? bytes : 536870912))
fi
{ time HOME=$home NO_COLOR=1 "$work/clawcheck" security audit $deep --json >"$work/audit.json" 2>"$work/audit.err" || true; } 2>"$work/audit.time"
bytes=$audited rate "clawcheck security audit ${deep:-(plain)} (end to end)" "$work/audit.time"
grep -o '"checkId":"secrets.transcript_leak","severity":"[a-z]*"' "$work/audit.json" | sort | uniq -c || sed 's/^/  audit: /' "$work/audit.err"

# gitleaks scans every file in the folder; keep the manifest out of it.
mv "$corpus/manifest.tsv" "$work/manifest.tsv"
{ time "$gitleaks" dir "$corpus" --no-banner --log-level error --exit-code 0 \
	--report-format json --report-path "$work/gitleaks.json" --max-decode-depth 0; } 2>"$work/gitleaks.time"
mv "$work/manifest.tsv" "$corpus/manifest.tsv"
rate "gitleaks dir" "$work/gitleaks.time"
"$work/leakbench" score -dir "$corpus" -gitleaks "$work/gitleaks.json"
