#!/usr/bin/env bash
# Post-build step: the legacy build, for browsers without WebAssembly reference types
# (Chromium before 96: the 统信UOS and 麒麟 system browsers on Chromium 80-95, older 360 and
# QQ cores). Writes DIR/legacy/zeren-legacy-HASH.js and …_bg.wasm; scripts/loader.js then
# makes index.html pick the build at run time.
#   scripts/legacy.sh DIR
#
# How (each step checked; a failure stops the build):
#   1. the same crate compiled for wasm32 with reference-types and multivalue turned off, so
#      wasm-bindgen's runtime uses its JS object heap instead of an externref table;
#   2. the standard library is Rust's precompiled one, which only encodes call_indirect the
#      reference-types way: wasm-opt rewrites the module with those features off (it refuses
#      if anything else needs them) and writes a target_features section saying so;
#   3. wasm-bindgen (which reads that section: no externref), then wasm-opt -Oz for the
#      features Chromium 80 has (sign-ext, bulk memory, non-trapping float-to-int, mutable
#      globals).
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ZEREN_ROOT"
out=${1:?usage: scripts/legacy.sh DIR}

features=(--mvp-features --enable-sign-ext --enable-bulk-memory --enable-nontrapping-float-to-int
  --enable-mutable-globals)
target_dir="$ZEREN_ROOT/target/legacy"
work="$target_dir/stage"
rm -rf "$work" && mkdir -p "$work"

# 1. The build. RUSTFLAGS replaces .cargo/config.toml's wasm rustflags, so they are repeated.
RUSTFLAGS="--cfg erase_components -C target-feature=-reference-types,-multivalue" \
  zeren_wasm cargo build --release --quiet --target wasm32-unknown-unknown --bin zeren \
  --target-dir "$target_dir"
built="$target_dir/wasm32-unknown-unknown/release/zeren.wasm"

# 2. Features off, then a target_features section that lists only what is left.
wasm-opt "$built" "${features[@]}" --strip-target-features -o "$work/lowered.wasm"
wasm-opt "$work/lowered.wasm" "${features[@]}" --emit-target-features -o "$work/featured.wasm"

# 3. Bindings and size.
wasm-bindgen --target web --no-typescript --out-dir "$work" --out-name zeren-legacy "$work/featured.wasm"
wasm-opt "$work/zeren-legacy_bg.wasm" -Oz "${features[@]}" -o "$work/opt.wasm"
if grep -q "__wbindgen_externref_xform__" "$work/zeren-legacy.js"; then
  echo "[legacy] the bindings still expect an externref table: the build used reference types" >&2
  exit 1
fi

# Names carry a fingerprint of their content, like Trunk's.
hash=$(cat "$work/zeren-legacy.js" "$work/opt.wasm" | sha256sum | cut -c1-16)
rm -rf "$out/legacy" && mkdir -p "$out/legacy"
cp "$work/zeren-legacy.js" "$out/legacy/zeren-legacy-$hash.js"
cp "$work/opt.wasm" "$out/legacy/zeren-legacy-${hash}_bg.wasm"
echo "[legacy] legacy/zeren-legacy-$hash.js and _bg.wasm ($(stat -c %s "$work/opt.wasm") bytes)"
