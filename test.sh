#!/usr/bin/env bash
# Runs every test layer and ends with one summary line of counts; exits non-zero on any
# failure. Installs what is missing first.
#   format (rustfmt, leptosfmt) and lints (both targets) -> native tests -> browser unit tests -> release build -> end to end
set -uo pipefail
cd "$(dirname "$0")"
scripts/setup.sh test || { echo "[test] setup failed"; exit 1; }
. scripts/env.sh

logs=target/test-logs
mkdir -p "$logs"
failed=()
native=0 browser=0 e2e=0

run() { # name, command...
  local name=$1; shift
  echo "[test] $name"
  if "$@" > "$logs/$name.log" 2>&1; then
    return 0
  else
    tail -n 60 "$logs/$name.log"
    echo "[test] FAILED: $name (full log: $logs/$name.log)"
    failed+=("$name")
    return 1
  fi
}
passed_in() { grep -hoE 'test result: ok\. [0-9]+ passed' "$@" 2>/dev/null | awk '{s+=$4} END {print s+0}'; }

run fmt cargo fmt --check
# view! macros (leptosfmt.toml). leptosfmt exits 0 on a file it cannot parse, saying only ❌:
# that counts as a failure too. scripts/fmt.sh formats both ways and keeps them in step.
leptosfmt_check() {
  local out rc=0
  out=$(leptosfmt --check src 2>&1) || rc=$?
  printf '%s\n' "$out"
  [ "$rc" = 0 ] && ! grep -q '❌' <<<"$out"
}
run leptosfmt leptosfmt_check
run clippy-native cargo clippy --all-targets --quiet -- -D warnings
run clippy-wasm zeren_wasm cargo clippy --target wasm32-unknown-unknown --lib --bins --tests --quiet -- -D warnings
run native cargo test --quiet
native=$(passed_in "$logs/native.log")

export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=120
run browser zeren_wasm cargo test --target wasm32-unknown-unknown --test web
browser=$(grep -hoE 'test result: ok\. [0-9]+ passed' "$logs/browser.log" | awk '{s+=$4} END {print s+0}')

# The legacy builds (scripts/module.sh … legacy) must validate with WebAssembly reference types and
# multi-value off, and its JavaScript must be ES2020 (Chromium 80). FinalizationRegistry,
# the one newer name in it, is only used where typeof says it exists.
legacy_check() {
  for wasm in dist/legacy/*.wasm; do
    wasm-validate --disable-reference-types --disable-multi-value "$wasm" || return 1
  done &&
    echo "[legacy] wasm valid without reference types and multi-value" &&
    npx es-check es2020 'dist/legacy/*.js' --module --checkFeatures --ignore FinalizationRegistry
}
if run build scripts/build.sh; then
  run legacy legacy_check
  run e2e npx playwright test
  e2e=$(grep -hoE '[0-9]+ passed' "$logs/e2e.log" | tail -1 | awk '{print $1+0}')
fi

total=$((native + browser + e2e))
if [ ${#failed[@]} -eq 0 ]; then
  echo "[test] all passed: ${native} native, ${browser} browser, ${e2e} end-to-end (${total} tests), fmt and clippy clean"
else
  echo "[test] FAILED: ${failed[*]}; passed: ${native} native, ${browser} browser, ${e2e} end-to-end"
  exit 1
fi
