#!/usr/bin/env bash
# Copies a fixture corpus (folders of home/, modes, env, args, expect-*) into
# testdata/conformance, keeping the project's own fixtures.
#
#   scripts/sync-conformance.sh SOURCE_DIR
#
# Some copies of the corpus store symlinks as small text files holding the
# link target (no trailing newline). Such a file is turned back into a
# symlink when its text is a relative path that names an existing file or
# folder beside it, or the file itself (a self-loop).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 SOURCE_DIR" >&2; exit 2; }
src=$1
dest=$(cd "$(dirname "$0")/.." && pwd)/testdata/conformance
mkdir -p "$dest"
for fx in "$src"/*/; do
  name=$(basename "$fx")
  rm -rf "${dest:?}/$name"
  cp -R "$fx" "$dest/$name"
  chmod -R u+w "$dest/$name"
done
[ -f "$src/INDEX.md" ] && cp "$src/INDEX.md" "$dest/INDEX.md" && chmod u+w "$dest/INDEX.md"

find "$dest" -path '*/home/*' -type f -size -512c | while IFS= read -r f; do
  [ -s "$f" ] || continue
  [ "$(tail -c1 "$f" | od -An -c | tr -d ' ')" = '\n' ] && continue
  target=$(cat "$f")
  case $target in ''|/*|*' '*) continue ;; esac
  [ "$(printf '%s' "$target" | wc -l)" -eq 0 ] || continue
  dir=$(dirname "$f")
  if [ "$target" = "$(basename "$f")" ] || [ -e "$dir/$target" ]; then
    rm "$f"
    ln -s "$target" "$f"
    echo "symlink: ${f#"$dest"/} -> $target"
  fi
done
