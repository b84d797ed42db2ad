#!/usr/bin/env bash
# The one way zeren's web bundle is built; run.sh, test.sh and bench.sh all call it.
#   scripts/build.sh                release build into dist/ (the folder Trunk.toml names)
#   scripts/build.sh --dist DIR     the same build into DIR instead (bench's 60-item build)
#   scripts/build.sh --dev          a debug build (no --release) for quick looks
#   scripts/build.sh --modern-only  no legacy build (bench's 60-item build; not for users)
# Any other argument goes to `trunk build` as it is. ZEREN_TEMPLATE=file builds the app with
# another checklist (see build.rs). It installs nothing: run scripts/setup.sh build first.
#
# Two stages: the main build (Trunk: cargo for wasm32, wasm-bindgen, wasm-opt, hashed file
# names), then the post-build steps, each of which reads and adds to the finished folder.
set -euo pipefail
here="$(pwd)"
. "$(dirname "$0")/env.sh"
cd "$ZEREN_ROOT"

dist=""         # empty: Trunk.toml's dist/
release=(--release)
legacy=1
trunk_args=()
while [ $# -gt 0 ]; do
  case $1 in
    --dist) [ $# -ge 2 ] || { echo "[build] --dist needs a folder" >&2; exit 2; }
            dist=$2; shift 2 ;;
    --dist=*) dist=${1#--dist=}; shift ;;
    --dev) release=(); shift ;;
    --modern-only) legacy=0; shift ;;
    *) trunk_args+=("$1"); shift ;;
  esac
done
# A relative --dist is taken from where the script was called.
case $dist in ""|/*) ;; *) dist="$here/$dist" ;; esac
out="${dist:-$ZEREN_ROOT/dist}"
dist_args=()
[ -z "$dist" ] || dist_args=(--dist "$dist")

command -v trunk >/dev/null || { echo "[build] trunk is missing: run scripts/setup.sh build" >&2; exit 1; }

# 1. Main build. Without --dist, Trunk.toml decides the folder, exactly as before.
zeren_wasm trunk build "${release[@]+"${release[@]}"}" "${dist_args[@]+"${dist_args[@]}"}" \
  "${trunk_args[@]+"${trunk_args[@]}"}"

# 2. Post-build steps, in this order, on the finished "$out" (hashed names already final).
#    They go here, each as one function or one script under scripts/ called with "$out".
#    A step that fails stops the build with a non-zero exit, like the main build.

#    a. The checklist presets (templates/presets/*.toml), each a JSON file the app fetches
#       when a report first uses it, and the proof-reader's rules (templates/proof.toml),
#       fetched when 核对 or 校对 first needs them: built natively from the same build.rs
#       output the app's index was made from, so the file names match.
cargo run --quiet --example presets -- "$out/presets" --proof "$out"

#    b. The tools module (route::Part::Tools: the checklist editor and 汇总, loaded only when
#       one of their pages is opened) into "$out/tools"; the legacy build of both modules (no
#       WebAssembly reference types, for Chromium 80-95) into "$out/legacy"; then the start-up
#       script in index.html that picks the module and the build at run time and sets the
#       content security policy.
scripts/module.sh "$out" zeren-tools modern
if [ "$legacy" = 1 ]; then
  scripts/module.sh "$out" zeren legacy
  scripts/module.sh "$out" zeren-tools legacy
  node scripts/loader.js "$out"
else
  node scripts/loader.js "$out" --modern-only
fi

#    c. IIS reads its settings (the .wasm type, compression, caching) from web.config in
#       the site's folder; other servers ignore the file.
cp deploy/web.config "$out/web.config"

#    d. zeren.html: the whole app, presets included, in one file that opens by double-click.
node scripts/single-file.js "$out"

#    e. The service worker, from the hashed file list (it lists what is in "$out").
node scripts/service-worker.js "$out"

#    f. Pre-compressed copies (.gz, .br) beside each file, for servers that send them as they
#       are (last: it compresses everything above).
node scripts/compress.js "$out"

echo "[build] ${out#"$ZEREN_ROOT/"} ready${ZEREN_TEMPLATE:+ (checklist: $ZEREN_TEMPLATE)}"
