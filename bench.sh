#!/usr/bin/env bash
# Measures zeren and prints ONE markdown table (also in target/bench/latest.md): first-load
# sizes, cold load against a static floor page, typing latency, storage writes and the
# generator's native criterion median, each beside its budget. Reports, never asserts: exits
# 0 after printing; non-zero only if set-up or the build fails. Takes several minutes.
#   ./bench.sh              installs what is missing, builds dist/ (release), measures
#   ./bench.sh --no-build   measures the dist/ (and target/bench/dist-60) already there
# Besides dist/, it builds target/bench/dist-60: the app with a 60-item checklist
# (ZEREN_TEMPLATE, see build.rs), for the typing case the issue asks for.
# Other arguments go to bench/bench.js: --runs N (cold-load pairs, 30), --keys N (keystrokes,
# 200), --saves N (setItem calls, 200), --no-cargo (skip the criterion bench), --loads-only
# (sizes and the three load measures only, to compare one change quickly).
set -euo pipefail
cd "$(dirname "$0")"

build=1
args=()
for a in "$@"; do
  if [ "$a" = --no-build ]; then build=0; else args+=("$a"); fi
done

scripts/setup.sh test >&2   # stdout carries only the table
. scripts/env.sh
if [ "$build" = 1 ]; then
  echo "[bench] building dist/ (release)" >&2
  # A build started by someone else at the same moment can pull dist/'s staging folder away
  # from under this one: try once more before giving up.
  if ! scripts/build.sh >&2; then
    echo "[bench] build failed; trying once more" >&2
    sleep 5
    scripts/build.sh >&2 || { echo "[bench] build failed" >&2; exit 1; }
  fi
fi
if [ "$build" = 1 ]; then
  # The typing case with a 60-item checklist: the same app built with a longer checklist.
  echo "[bench] building target/bench/dist-60 (release, 60-item checklist)" >&2
  mkdir -p target/bench
  node bench/seed.js --write-longer target/bench/template-60.json
  if ! ZEREN_TEMPLATE="$PWD/target/bench/template-60.json" scripts/build.sh --modern-only \
    --dist target/bench/dist-60 >&2; then
    echo "[bench] the 60-item build failed; that typing case will say so" >&2
    rm -rf target/bench/dist-60
  fi
fi
exec node bench/bench.js "${args[@]+"${args[@]}"}"
