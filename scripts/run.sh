#!/usr/bin/env bash
# Builds everything and runs the main job: the `bersih` CLI on a sample Indonesian news article
# (a kompas-style page with "Baca juga" inserts and an ad slot), printing the clean text, then
# the JSON report of what was removed. Pass another file (and --url) to clean that instead.
# Then builds the browser extension and the site (dist/www) and shows the extension cleaning a
# sample page in Chromium (BERSIH_SKIP_BROWSER=1 skips that part); ends with how to serve the site.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=/dev/null
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
cargo build --release --bin bersih
page=${1:-tests/fixtures/articles/kompas/page.html}
shift || true
echo "== clean text of $page"
./target/release/bersih extract "$page" --format text "$@" || true
echo
echo "== JSON report (title, metadata, removed blocks)"
cli_status=0
./target/release/bersih extract "$page" "$@" || cli_status=$?

# ---- the browser extension on a sample page (issue 3) -------------------------------------------
# Builds dist/chrome and dist/firefox (installing the wasm tools when missing), then loads the
# extension into Debian's Chromium (installed when missing) on a sample news page served on
# 127.0.0.1: a browser window under a display, headless with screenshots in build/demo/ otherwise.
if [ "${BERSIH_SKIP_BROWSER:-}" != 1 ]; then
    echo
    echo "== browser extension: build (scripts/build.sh)"
    bash scripts/build.sh
    if ! command -v chromium >/dev/null; then
        sudo=""
        [ "$(id -u)" -ne 0 ] && sudo=sudo
        $sudo apt-get update
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium
    fi
    echo
    echo "== browser extension: the sample article in Chromium (scripts/demo.mjs)"
    node scripts/demo.mjs
    echo
    echo "== the project site and playground (dist/www, the same wasm): bash scripts/serve.sh," \
        "then open http://127.0.0.1:8000/playground.html"
fi
exit "$cli_status"
