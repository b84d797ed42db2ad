#!/usr/bin/env bash
# Installs what zeren needs, and only what is missing, so a second run takes seconds.
#   scripts/setup.sh build   - enough to build dist/ (Rust for wasm32, wasm-bindgen, Trunk, wasm-opt)
#   scripts/setup.sh test    - also Chromium, ChromeDriver, CJK fonts, Playwright and leptosfmt
set -euo pipefail
what="${1:-test}"
. "$(dirname "$0")/env.sh"
cd "$ZEREN_ROOT"

TRUNK_VERSION=0.21.14
LEPTOSFMT_VERSION=0.1.33
started=$(date +%s)
step() { printf '[setup] %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_missing() {
  local missing=()
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p"); done
  printf '%s\n' "${missing[@]}"
}

apt_install() {
  local missing
  missing=$(apt_missing "$@")
  [ -z "$missing" ] && return 0
  command -v apt-get >/dev/null || { echo "需要安装：$missing（本机没有 apt-get，请手工安装）" >&2; exit 1; }
  step "apt-get install $(echo $missing)"
  as_root apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# 1. Rust that can build for wasm32.
if [ "$ZEREN_MODE" = none ]; then
  if command -v rustup >/dev/null && timeout 30 rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
    step "rustup target wasm32-unknown-unknown added"
  else
    step "no wasm32 target from rustup; using Debian's rustc-web with build-std"
    apt_install rustc-web cargo-web rust-web-src rust-web-clippy rustfmt-web lld-22
  fi
  zeren_select_toolchain
fi
[ "$ZEREN_MODE" != none ] || { echo "没有可以编译 wasm32 的 Rust 工具链" >&2; exit 1; }
if [ "$ZEREN_MODE" = rustup ]; then
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
fi

# 2. wasm-bindgen CLI, exactly the lock file's version (Trunk uses it only if equal).
bg=$(zeren_bindgen_version)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bg" ]; then
  step "cargo install wasm-bindgen-cli $bg"
  cargo install wasm-bindgen-cli --version "$bg" --force --quiet
fi

# 3. Trunk, locked (unlocked builds fail; 0.22 needs a newer rustc). Thin LTO-free build: faster install.
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  step "cargo install trunk $TRUNK_VERSION"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked --force --quiet
fi

# 4. npm packages: wasm-opt (binaryen from npm; Debian's 108 silently breaks the module),
#    Playwright's test runner (never its browser download), axe-core for the audit and
#    es-check for the legacy build's syntax level.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@playwright/test ] ||
   [ ! -d node_modules/@axe-core/playwright ] || [ ! -d node_modules/es-check ] ||
   [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# 5. Browsers and fonts for the tests; python-docx and openpyxl to open the .docx and .xlsx
#    we write; leptosfmt for the view! format check.
if [ "$what" = test ]; then
  apt_install chromium chromium-driver fonts-noto-cjk poppler-utils wabt
  # The python3 first on PATH may not be the system's: when the system package does not
  # make the module importable there, pip installs it for that python3.
  py_module() {
    python3 -c "import $1" 2>/dev/null && return 0
    command -v apt-get >/dev/null && apt_install "$2"
    python3 -c "import $1" 2>/dev/null && return 0
    python3 -m pip install --quiet --user "$3" 2>/dev/null || echo "[setup] $3 not installed; its check will be skipped or fail"
  }
  py_module docx python3-docx python-docx
  py_module openpyxl python3-openpyxl openpyxl
  # Locked (its own lock file builds on rustc 1.95 and Debian's 1.96), trimmed like Trunk's.
  if [ "$(leptosfmt --version 2>/dev/null | awk '{print $2}')" != "$LEPTOSFMT_VERSION" ]; then
    step "cargo install leptosfmt $LEPTOSFMT_VERSION"
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked --force --quiet
  fi
fi

step "ready (${ZEREN_MODE} toolchain, $(( $(date +%s) - started )) s)"
