#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs what is missing (Rust components
# and the wasm target), then format, lint, the native test suite (unit, fixtures, corpus F1,
# bad input, CLI contract, doc tests) and a wasm32 compile check of the core.
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
