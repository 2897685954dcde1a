#!/usr/bin/env bash
# Lays out uBlock Origin (Debian's webext-ublock-origin-* packages, with the filter lists they
# bundle: uBlock filters, EasyList, EasyPrivacy, URLhaus) under build/ublock/{chromium,firefox}
# for the page-load benchmark's third arm (`node tests/e2e/pageload.mjs --ublock build/ublock`).
# Nothing is installed system-wide: the packages are downloaded and unpacked here.
# Prints the directory.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/ublock
if [[ ! -f $out/chromium/manifest.json || ! -f $out/firefox/manifest.json ]]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && apt-get download webext-ublock-origin-chromium webext-ublock-origin-firefox >&2)
  for deb in "$tmp"/*.deb; do dpkg -x "$deb" "$tmp/root"; done
  rm -rf "$out" && mkdir -p "$out"
  cp -rL "$tmp/root/usr/share/chromium/extensions/ublock-origin" "$out/chromium"
  cp -rL "$tmp"/root/usr/share/mozilla/extensions/*/uBlock0@raymondhill.net "$out/firefox"
fi
echo "$out"
