#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs what is missing (Rust components
# and the wasm target), then format, lint, the native test suite (unit, fixtures, corpus F1,
# bad input, CLI contract, doc tests) of every crate and a wasm32 compile check of the three wasm
# crates; then the browser extension: built, and driven end to end in headless Chromium and
# Firefox (installing both when missing), the walk's parity with the native parser included;
# then the site's playground in headless Chromium, with an axe-core accessibility check.
#
# Needs ../shared (or $BERSIH_SHARED) for the corpus tests.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=/dev/null
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
if ! command -v cargo >/dev/null; then
    echo "test.sh: cargo not found; install Rust with rustup first" >&2
    exit 2
fi

step() { printf '\n== %s\n' "$*"; }

step "toolchain components"
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$' || rustup target add wasm32-unknown-unknown

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo check --target wasm32-unknown-unknown (the wasm crates build for the browser)"
cargo check --target wasm32-unknown-unknown -p bersih-wasm -p bersih-reader-wasm -p bersih-names-wasm

step "cargo check of the fuzz targets (outside the workspace; run by hand with scripts/fuzz.sh)"
cargo check --manifest-path fuzz/Cargo.toml

step "cargo test (release: the corpus and huge-page tests parse real pages)"
cargo test --release --workspace

# ---- the browser extension -----------------------------------------------------------------------
# Installs what the browser tests need when missing: Debian's chromium and firefox-esr (apt-get),
# geckodriver (cargo install, ~3 min once; selenium drives Firefox with it), wasm-bindgen-cli at
# the Cargo.lock version and the npm tools of package-lock.json (both through scripts/build.sh).
export PATH="$HOME/.cargo/bin:$PATH"

step "browser test tools"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
fi
if [ "$(geckodriver --version 2>/dev/null | awk 'NR==1 { print $2 }')" != "0.37.1" ]; then
    cargo install geckodriver --version 0.37.1
fi

step "cargo clippy --target wasm32-unknown-unknown (the wasm crates) -- -D warnings"
cargo clippy --target wasm32-unknown-unknown -p bersih-wasm -p bersih-reader-wasm -p bersih-names-wasm -- -D warnings

step "build the extension (scripts/build.sh: wasm, dist/chrome, dist/firefox, zips, web-ext lint)"
bash scripts/build.sh

step "the page-load wasm stays small (dist/chrome/pkg/bersih_bg.wasm at most 150 KB gzipped)"
gz=$(gzip -9c dist/chrome/pkg/bersih_bg.wasm | wc -c)
echo "bersih_bg.wasm: $gz bytes gzipped"
[ "$gz" -le 153600 ] || { echo "the page-load wasm grew past 150 KB gzipped: what did it gain?"; exit 1; }

# End to end: the built extension in both browsers against fixture pages on 127.0.0.1.
browsers=0
step "end-to-end: headless Chromium (tests/e2e/chromium.mjs)"
node tests/e2e/chromium.mjs || browsers=1
step "end-to-end: headless Firefox ESR (tests/e2e/firefox.mjs)"
node tests/e2e/firefox.mjs || browsers=1
step "end-to-end: the site and playground in headless Chromium (tests/e2e/playground.mjs)"
node tests/e2e/playground.mjs || browsers=1
exit $browsers
