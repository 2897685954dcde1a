#!/usr/bin/env bash
# Serves the project site and playground (dist/www) on 127.0.0.1 with Python's static server;
# builds it first when missing (scripts/build.sh). Nothing else is needed: the site is static,
# works offline and loads nothing from elsewhere. Usage: bash scripts/serve.sh [port] (8000).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-8000}
[ -f dist/www/pkg/bersih_bg.wasm ] || bash scripts/build.sh
echo "Bersih site:       http://127.0.0.1:$port/"
echo "Bersih playground: http://127.0.0.1:$port/playground.html   (Ctrl+C stops)"
exec python3 -m http.server --bind 127.0.0.1 --directory dist/www "$port"
