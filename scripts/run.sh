#!/usr/bin/env bash
# Builds everything and runs the main job: the `bersih` CLI on a sample Indonesian news article
# (a kompas-style page with "Baca juga" inserts and an ad slot), printing the clean text, then
# the JSON report of what was removed. Pass another file (and --url) to clean that instead.
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
./target/release/bersih extract "$page" "$@"
