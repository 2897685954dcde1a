#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs what is missing (Rust components
# and the wasm target), then format, lint, the native test suite (unit, fixtures, corpus F1,
# bad input, CLI contract, doc tests) and a wasm32 compile check of the core; then the browser
# extension: built, its web-sys adapter tested with wasm-bindgen-test and the extension
# driven end to end in headless Chromium and Firefox (installing both when missing); then the
# site's playground in headless Chromium, with an axe-core accessibility check.
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

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings

step "cargo check --target wasm32-unknown-unknown (the core builds for the browser)"
cargo check --lib --target wasm32-unknown-unknown

step "cargo test (release: the corpus and huge-page tests parse real pages)"
cargo test --release

# ---- the browser extension (issue 3) ----------------------------------------------------------
# Installs what the browser tests need when missing: Debian's chromium, chromium-driver and
# firefox-esr (apt-get), geckodriver (cargo install, ~3 min once), wasm-bindgen-cli at the
# Cargo.lock version and the npm tools of package-lock.json (both through scripts/build.sh).
export PATH="$HOME/.cargo/bin:$PATH"

step "browser test tools"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
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

step "cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings"
cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings

step "build the extension (scripts/build.sh: wasm, dist/chrome, dist/firefox, zips, web-ext lint)"
bash scripts/build.sh

# wasm-bindgen-test: the web-sys adapter in real browsers (no default features: the CLI binary
# is native only). One browser per run: with both drivers set the runner picks Firefox.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT=120
step "wasm-bindgen-test in headless Chromium (tests/web.rs)"
CHROMEDRIVER=$(command -v chromedriver) \
    cargo test --target wasm32-unknown-unknown --no-default-features --test web
step "wasm-bindgen-test in headless Firefox (tests/web.rs)"
GECKODRIVER=$(command -v geckodriver) \
    cargo test --target wasm32-unknown-unknown --no-default-features --test web

# End to end: the built extension in both browsers against fixture pages on 127.0.0.1.
browsers=0
step "end-to-end: headless Chromium (tests/e2e/chromium.mjs)"
node tests/e2e/chromium.mjs || browsers=1
step "end-to-end: headless Firefox ESR (tests/e2e/firefox.mjs)"
node tests/e2e/firefox.mjs || browsers=1
step "end-to-end: the site and playground in headless Chromium (tests/e2e/playground.mjs)"
node tests/e2e/playground.mjs || browsers=1
exit $browsers
