#!/usr/bin/env bash
# Post-build step: one wasm module that Trunk does not build, with a fingerprint in its name.
#   scripts/module.sh DIR BIN modern   DIR/tools/BIN-HASH.js and …_bg.wasm (e.g. zeren-tools,
#                                      the pages the first screen does not need)
#   scripts/module.sh DIR BIN legacy   DIR/legacy/BIN-legacy-HASH.js and …_bg.wasm
# scripts/loader.js then makes index.html pick the module and the build at run time.
#
# The legacy build is for browsers without WebAssembly reference types (Chromium before 96:
# the 统信UOS and 麒麟 system browsers on Chromium 80-95, older 360 and QQ cores). How (each
# step checked; a failure stops the build):
#   1. the same crate compiled for wasm32 with reference-types and multivalue turned off, so
#      wasm-bindgen's runtime uses its JS object heap instead of an externref table;
#   2. the standard library is Rust's precompiled one, which only encodes call_indirect the
#      reference-types way: wasm-opt rewrites the module with those features off (it refuses
#      if anything else needs them) and writes a target_features section saying so;
#   3. wasm-bindgen (which reads that section: no externref), then wasm-opt -Oz for the
#      features Chromium 80 has (sign-ext, bulk memory, non-trapping float-to-int, mutable
#      globals).
# The modern build is what Trunk does for the main module: cargo (same target folder, so
# the library is compiled once), wasm-bindgen, wasm-opt -Oz.
set -euo pipefail
. "$(dirname "$0")/env.sh"
cd "$ZEREN_ROOT"
out=${1:?usage: scripts/module.sh DIR BIN modern|legacy}
bin=${2:?usage: scripts/module.sh DIR BIN modern|legacy}
kind=${3:?usage: scripts/module.sh DIR BIN modern|legacy}

case $kind in
  modern)
    target_dir="${CARGO_TARGET_DIR:-$ZEREN_ROOT/target}"
    work="$target_dir/stage-$bin"
    name=$bin
    folder=tools
    rm -rf "$work" && mkdir -p "$work"
    zeren_wasm cargo build --release --quiet --target wasm32-unknown-unknown --bin "$bin"
    wasm-bindgen --target web --no-typescript --out-dir "$work" --out-name "$name" \
      "$target_dir/wasm32-unknown-unknown/release/$bin.wasm"
    wasm-opt "$work/${name}_bg.wasm" -Oz -o "$work/opt.wasm"
    ;;
  legacy)
    features=(--mvp-features --enable-sign-ext --enable-bulk-memory --enable-nontrapping-float-to-int
      --enable-mutable-globals)
    target_dir="$ZEREN_ROOT/target/legacy"
    work="$target_dir/stage-$bin"
    name=$bin-legacy
    folder=legacy
    rm -rf "$work" && mkdir -p "$work"
    # 1. The build. RUSTFLAGS replaces .cargo/config.toml's wasm rustflags, so they are repeated.
    RUSTFLAGS="--cfg erase_components -C target-feature=-reference-types,-multivalue" \
      zeren_wasm cargo build --release --quiet --target wasm32-unknown-unknown --bin "$bin" \
      --target-dir "$target_dir"
    built="$target_dir/wasm32-unknown-unknown/release/$bin.wasm"
    # 2. Features off, then a target_features section that lists only what is left.
    wasm-opt "$built" "${features[@]}" --strip-target-features -o "$work/lowered.wasm"
    wasm-opt "$work/lowered.wasm" "${features[@]}" --emit-target-features -o "$work/featured.wasm"
    # 3. Bindings and size.
    wasm-bindgen --target web --no-typescript --out-dir "$work" --out-name "$name" "$work/featured.wasm"
    wasm-opt "$work/${name}_bg.wasm" -Oz "${features[@]}" -o "$work/opt.wasm"
    if grep -q "__wbindgen_externref_xform__" "$work/$name.js"; then
      echo "[module] the legacy bindings still expect an externref table: the build used reference types" >&2
      exit 1
    fi
    ;;
  *) echo "[module] the third argument is modern or legacy, not $kind" >&2; exit 2 ;;
esac

# Names carry a fingerprint of their content, like Trunk's. Older files of the same module
# in the folder are removed (a rebuild into the same DIR).
hash=$(cat "$work/$name.js" "$work/opt.wasm" | sha256sum | cut -c1-16)
mkdir -p "$out/$folder"
rm -f "$out/$folder/$name"-[0-9a-f]*.js "$out/$folder/$name"-[0-9a-f]*_bg.wasm
cp "$work/$name.js" "$out/$folder/$name-$hash.js"
cp "$work/opt.wasm" "$out/$folder/$name-${hash}_bg.wasm"
echo "[module] $folder/$name-$hash.js and _bg.wasm ($(stat -c %s "$work/opt.wasm") bytes)"
