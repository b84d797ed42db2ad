#!/usr/bin/env bash
# What the wasm is made of: builds the release wasm the way Trunk does (same profile, same
# .cargo/config.toml), keeps the function names through wasm-bindgen and wasm-opt -Oz, and
# groups twiggy's per-function sizes by zeren module and by crate (bench/size_groups.py).
# Then builds bench/framework-floor, the smallest app on the same stack, to show what the
# framework alone costs. Prints markdown; not part of ./test.sh or ./bench.sh. Several minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test >&2
. scripts/env.sh
command -v twiggy >/dev/null || cargo install twiggy --locked >&2
out=target/size-breakdown
rm -rf "$out" && mkdir -p "$out"
target_dir=${CARGO_TARGET_DIR:-$PWD/target}

# $1 name, $2 crate dir, $3 target dir, $4 binary name
measure() {
  (cd "$2" && CARGO_TARGET_DIR="$3" zeren_wasm cargo build --release --target wasm32-unknown-unknown --bin "$4" >&2)
  local wasm="$3/wasm32-unknown-unknown/release/$4.wasm"
  wasm-bindgen --target web --out-dir "$out/$1" "$wasm"
  local bg="$out/$1/$4_bg.wasm" flags=(--enable-bulk-memory --enable-nontrapping-float-to-int)
  wasm-opt -Oz -g "${flags[@]}" "$bg" -o "$out/$1/named.wasm"
  wasm-opt -Oz --strip-debug "${flags[@]}" "$bg" -o "$out/$1/shipped.wasm"
}

echo "[size] zeren" >&2
measure zeren . "$target_dir" zeren
twiggy top -n 1000000 -f csv "$out/zeren/named.wasm" >"$out/zeren/twiggy.csv"
echo "### zeren's wasm by part ($(git rev-parse --short HEAD), $ZEREN_MODE toolchain)"
echo
python3 bench/size_groups.py "$out/zeren/twiggy.csv" "$out/zeren/shipped.wasm"

echo "[size] framework floor" >&2
measure floor bench/framework-floor "$PWD/target/framework-floor" framework-floor
f="$out/floor/shipped.wasm" j="$out/floor/framework-floor.js"
echo
echo "### The framework alone (bench/framework-floor: Leptos csr + serde_json + localStorage, one input and a list)"
echo
echo "| File | Raw | gzip -9 |"
echo "|---|---|---|"
echo "| wasm | $(stat -c %s "$f") B | $(gzip -9c "$f" | wc -c) B |"
echo "| JS glue | $(stat -c %s "$j") B | $(gzip -9c "$j" | wc -c) B |"
