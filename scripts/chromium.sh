#!/usr/bin/env bash
# Headless Chromium for the HTML report's render test. Prints the browser's
# path, installing Debian's chromium package first when it is missing (as
# root, or through sudo when that works without a password).
set -euo pipefail

for c in "${CLAWCHECK_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; exit 0; fi
done
if [ "$(id -u)" = 0 ]; then
  run=()
elif sudo -n true 2>/dev/null; then
  run=(sudo -n)
else
  echo "chromium: not installed, and installing it needs root (apt-get install chromium)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get install -y -q chromium >&2 || {
  "${run[@]}" apt-get update -q >&2
  "${run[@]}" apt-get install -y -q chromium >&2
}
[ -x /usr/bin/chromium ] || { echo "chromium: install failed" >&2; exit 1; }
echo /usr/bin/chromium
