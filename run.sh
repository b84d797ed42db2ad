#!/usr/bin/env bash
# Builds the release bundle into dist/ and serves it on http://127.0.0.1:8080 until stopped.
# Installs what is missing first (a fresh machine takes several minutes, later runs seconds).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh build
port="${PORT:-8080}"
echo "[run] building dist/ (release)"
scripts/build.sh
echo
echo "zeren is at: http://127.0.0.1:${port}/   (Ctrl+C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
