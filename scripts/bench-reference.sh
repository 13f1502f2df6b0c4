#!/usr/bin/env bash
# Times clawcheck against the reference `openclaw security audit` on
# conformance fixtures: wall-clock milliseconds per plain --json audit
# (median of RUNS for clawcheck, of REF_RUNS for the reference).
#
#   scripts/bench-reference.sh [FIXTURE...]     default: three fixtures
#   RUNS=20 REF_RUNS=3 scripts/bench-reference.sh testdata/conformance/hardened-minimal
#
# Installs the reference on first use (scripts/reference.sh). Fixtures that
# need --deep are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-20}; ref_runs=${REF_RUNS:-3}
[ $# -gt 0 ] || set -- testdata/conformance/hardened-minimal testdata/conformance/include-files-perms testdata/conformance/telegram-open-dm-and-groups
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/clawcheck" ./cmd/clawcheck
scripts/reference.sh install >/dev/null

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# lay_out FIXTURE DEST: copy home/ and apply modes, as the corpus defines.
lay_out() {
  mkdir -p "$2"; cp -R "$1/home/." "$2/" 2>/dev/null || true
  [ -f "$1/modes" ] && while read -r mode rel; do
    [ -n "${mode:-}" ] || continue
    case $rel in */) mkdir -p "$2/$rel" ;; esac
    chmod "$mode" "$2/$rel"
  done < "$1/modes"
  return 0
}

printf '%-40s %12s %12s %8s\n' fixture clawcheck_ms reference_ms ratio
for fx in "$@"; do
  [ -f "$fx/args" ] && grep -q -- --deep "$fx/args" && continue
  name=$(basename "$fx")
  ours=(); theirs=()
  for _ in $(seq "$runs"); do
    rm -rf "$tmp/h"; lay_out "$fx" "$tmp/h"
    t0=$(now_ms); HOME="$tmp/h" NO_COLOR=1 "$tmp/clawcheck" audit --json >/dev/null; ours+=($(( $(now_ms) - t0 )))
  done
  for _ in $(seq "$ref_runs"); do
    rm -rf "$tmp/h"; lay_out "$fx" "$tmp/h"
    t0=$(now_ms); scripts/reference.sh audit "$tmp/h" --json >/dev/null 2>&1 || true; theirs+=($(( $(now_ms) - t0 )))
  done
  a=$(printf '%s\n' "${ours[@]}" | median); b=$(printf '%s\n' "${theirs[@]}" | median)
  printf '%-40s %12s %12s %7sx\n' "$name" "$a" "$b" "$(( b / (a > 0 ? a : 1) ))"
done
