#!/usr/bin/env bash
# Formats the code the way ./test.sh checks it: view! macros in src/ with leptosfmt
# (leptosfmt.toml), everything else with rustfmt (cargo fmt, rustfmt.toml). The bare commands
# are `leptosfmt src && leptosfmt src && cargo fmt`; this script adds two guards:
#  - leptosfmt's first pass is not always final (a view! inside a code block of another view!
#    moves again on a second pass), and rustfmt may move the code around a view, so it goes
#    round until both checks pass (at most 3 rounds);
#  - leptosfmt drops `//` comments that sit inside Rust code within a view! (e.g. in a closure
#    given to on:click). If the formatted src/ has lost one, src/ is put back exactly as it was
#    and the comments are named: move each out of the closure (above the element, or with the
#    closure into a named function outside the view) and run again.
# Installs nothing: scripts/setup.sh test installs leptosfmt.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
command -v leptosfmt >/dev/null || { echo "[fmt] leptosfmt is missing: run scripts/setup.sh test" >&2; exit 1; }

backup=$(mktemp -d)
trap 'rm -rf "$backup"' EXIT
cp -a src "$backup/src"

# leptosfmt exits 0 on a file it cannot parse, printing only "❌ path" and the parser's
# message: make that an error. A plain "not formatted" from --check is just a non-zero exit.
leptosfmt_src() { # extra args...
  local out rc=0
  out=$(leptosfmt -q "$@" src 2>&1) || rc=$?
  if grep -qE '^❌ [^ ]+$' <<<"$out"; then printf '%s\n' "$out" >&2; exit 2; fi
  return "$rc"
}
# Every // comment of src/ as "file: text", sorted: what formatting must keep.
comments() { # dir
  (cd "$1" && grep -rnoE --include='*.rs' '(^|[[:space:]])//.*$' src |
    sed -E 's/^([^:]*):[0-9]+:[[:space:]]*/\1: /; s/[[:space:]]+$//' | LC_ALL=C sort)
}

settled=0
for round in 1 2 3; do
  for pass in 1 2 3; do
    leptosfmt_src
    leptosfmt_src --check && break
  done
  cargo fmt
  if leptosfmt_src --check && cargo fmt --check >/dev/null; then settled=1; break; fi
done

lost=$(LC_ALL=C comm -23 <(comments "$backup") <(comments .))
if [ -n "$lost" ]; then
  cp -a "$backup/src/." src/
  echo "[fmt] leptosfmt would drop these comments (inside Rust code in a view!); src/ is as it was:" >&2
  printf '  %s\n' "$lost" >&2
  echo "[fmt] move them out of the code block and run scripts/fmt.sh again" >&2
  exit 1
fi
if [ "$settled" != 1 ]; then
  echo "[fmt] leptosfmt and rustfmt still disagree after 3 rounds: see leptosfmt --check src" >&2
  exit 1
fi
echo "[fmt] formatted; leptosfmt --check src and cargo fmt --check pass"
