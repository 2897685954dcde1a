#!/usr/bin/env bash
# Builds the browser extension and the site: three wasm packages (release, wasm-bindgen --target
# no-modules, wasm-opt -Oz from npm binaryen): `bersih` (crates/wasm: what to hide, the one a
# page load uses), `bersih_reader` (crates/reader-wasm: the whole analysis, global
# `bersihReader`, loaded when the reader or a copy first asks for an article) and `bersih_names`
# (crates/names-wasm: the name recogniser, global `bersihNames`, loaded only when the reader
# shows names); then the unpacked extensions dist/chrome and
# dist/firefox and their zips, all from the one manifest in extension/, and the static site
# dist/www (www/ with the same wasm pkg). Ends with `web-ext lint` (0 errors).
#
# Installs what is missing: the wasm32 target, wasm-bindgen-cli at exactly the version in
# Cargo.lock (`cargo install`, ~4 min once), the npm tools of package-lock.json (`npm ci`).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=/dev/null
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }
started=$(date +%s)

step "tools"
rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$' \
    || rustup target add wasm32-unknown-unknown
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
    # No --locked: the lock file pins a webpki-roots the registry here does not serve.
    cargo install wasm-bindgen-cli --version "$want"
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
fi

step "wasm (cargo build --profile wasm --target wasm32-unknown-unknown: crates/wasm, crates/names-wasm, crates/reader-wasm)"
# Two runs: in one, Cargo would unify the core's features, and the page-load module would carry
# the reader's HTML parser.
cargo build --profile wasm --target wasm32-unknown-unknown -p bersih-wasm -p bersih-names-wasm
cargo build --profile wasm --target wasm32-unknown-unknown -p bersih-reader-wasm
target_dir=${CARGO_TARGET_DIR:-target}
pkg=build/pkg
rm -rf "$pkg"
mkdir -p "$pkg"
# package name, crate artifact, global of the no-modules glue
for spec in "bersih bersih_wasm wasm_bindgen" "bersih_reader bersih_reader_wasm bersihReader" \
    "bersih_names bersih_names_wasm bersihNames"; do
    read -r name artifact global <<< "$spec"
    wasm-bindgen --target no-modules --no-modules-global "$global" --no-typescript \
        --remove-name-section --remove-producers-section \
        --out-dir "$pkg" --out-name "$name" "$target_dir/wasm32-unknown-unknown/wasm/$artifact.wasm"
    node_modules/.bin/wasm-opt -Oz "$pkg/${name}_bg.wasm" -o "$pkg/${name}_bg.wasm"
done

step "extensions (dist/chrome, dist/firefox)"
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
rm -rf dist
for browser in chrome firefox; do
    out=dist/$browser
    mkdir -p "$out"
    cp -R extension/. "$out/"
    rm -f "$out/manifest.json"
    cp -R "$pkg" "$out/pkg"
    # One manifest source: each browser gets only the keys it reads (Chromium warns about
    # `browser_specific_settings`, Firefox's linter about `service_worker`).
    node -e '
        const fs = require("fs");
        const [src, dst, browser, version] = process.argv.slice(1);
        const m = JSON.parse(fs.readFileSync(src, "utf8"));
        m.version = version;
        if (browser === "chrome") {
            delete m.browser_specific_settings;
            m.background = { service_worker: m.background.service_worker };
        } else {
            m.background = { scripts: m.background.scripts };
        }
        fs.writeFileSync(dst, JSON.stringify(m, null, 2) + "\n");
    ' extension/manifest.json "$out/manifest.json" "$browser" "$version"
    (cd "$out" && python3 -c '
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for root, dirs, files in os.walk("."):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(root, f)[2:]
            z.write(p, p)
' "../bersih-$browser-$version.zip")
done

step "site (dist/www: www/, the same wasm pkg, the screenshots of docs/screenshots)"
mkdir -p dist/www/screenshots
cp -R www/. dist/www/
cp -R "$pkg" dist/www/pkg
cp extension/live.js dist/www/live.js
cp docs/screenshots/*.png dist/www/screenshots/

step "web-ext lint (dist/firefox)"
lint=$(node_modules/.bin/web-ext lint --source-dir dist/firefox --output json --no-input 2>/dev/null || true)
node -e '
    const r = JSON.parse(process.argv[1]);
    const show = (k) => r[k].forEach((m) => console.log(`${k}: ${m.code} ${m.file || ""} ${m.message}`));
    show("errors"); show("warnings");
    console.log(`web-ext lint: ${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.notices} notices`);
    process.exit(r.summary.errors ? 1 : 0);
' "$lint"

sizes=""
for name in bersih bersih_reader bersih_names; do
    sizes="$sizes $name $(wc -c < "$pkg/${name}_bg.wasm") bytes ($(gzip -9c "$pkg/${name}_bg.wasm" | wc -c) gzipped);"
done
echo
echo "built dist/chrome dist/firefox dist/bersih-{chrome,firefox}-$version.zip dist/www in $(( $(date +%s) - started ))s;" \
    "wasm:$sizes"
