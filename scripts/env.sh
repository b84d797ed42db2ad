# shellcheck shell=bash
# Sourced by run.sh, test.sh, bench.sh and scripts/setup.sh. Chooses the Rust toolchain
# that can build for wasm32 and puts the project's tools on PATH. Changes nothing on disk.
#
# Two ways to build for wasm32:
#   rustup  - a developer machine where rustup has (or can add) wasm32-unknown-unknown;
#   debian  - Debian's rustc-web + rust-web-src, with the wasm32 standard library
#             built from source by cargo's build-std (machines with no rustup target).

ZEREN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ZEREN_ROOT
export PATH="$ZEREN_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

zeren_has_rustup_wasm() {
  command -v rustup >/dev/null 2>&1 &&
    rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

zeren_has_debian_wasm() {
  [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && command -v wasm-ld-22 >/dev/null 2>&1 &&
    [ -d /usr/lib/rustlib/src/rust/library ] && [ -x /usr/bin/cargo-clippy ] && [ -x /usr/bin/rustfmt ]
}

# Sets ZEREN_MODE and the environment for that mode. Debian mode puts /usr/bin first so
# that one compiler builds native code, build scripts and wasm alike (mixing compilers in
# one target folder rebuilds everything at each switch).
zeren_select_toolchain() {
  if zeren_has_rustup_wasm; then
    ZEREN_MODE=rustup
  elif zeren_has_debian_wasm; then
    ZEREN_MODE=debian
    export PATH="$ZEREN_ROOT/node_modules/.bin:/usr/bin:$HOME/.cargo/bin:$PATH"
    export RUSTC=/usr/bin/rustc
    # Its own target folder: a rustup cargo run by hand beside it would otherwise rebuild
    # everything at each switch between the two compilers.
    export CARGO_TARGET_DIR="$ZEREN_ROOT/target/debian"
    export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22
  else
    ZEREN_MODE=none
  fi
  export ZEREN_MODE
}

# Runs a command with what a wasm32 build needs in this mode (build-std only in debian
# mode, and only for wasm commands: native builds use the installed standard library).
zeren_wasm() {
  if [ "$ZEREN_MODE" = debian ]; then
    RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort "$@"
  else
    "$@"
  fi
}

# The wasm-bindgen version the lock file pins; the CLI must match it exactly.
zeren_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ZEREN_ROOT/Cargo.lock"
}

zeren_select_toolchain
