#!/usr/bin/env bash
# Fuzzes the core (run by hand, not by CI): the fuzz crate in fuzz/ holds five cargo-fuzz
# targets, each with an invariant check on the output (fuzz/src/lib.rs):
#   analyse   HTML bytes → html::parse_bytes → analyse → HTML, highlights (sanitised HTML, http(s)
#             addresses, removals in range, roughly linear time)
#   markup    a page load's markup → markup::parse_located → detect → decisions and locators
#             (locators within the counted elements, one per decided op, roughly linear time)
#   snapshot  the browser walk's wire format → snapshot::replay → detect/analyse → decisions
#   dates     text → reader::dates::parse/display (ISO 8601, display parses back)
#   url       (base, href) → url::resolve (http(s) out, stable when resolved again)
# Usage: scripts/fuzz.sh [SECONDS per target, default 600] [TARGET…, default all five]
# Installs cargo-fuzz when missing. cargo-fuzz needs nightly flags; RUSTC_BOOTSTRAP=1 lets the
# stable toolchain accept them. Corpora are seeded at run time into fuzz/corpus/ (ignored by
# git) from fuzz/seeds, tests/fixtures and ../shared/corpora/readability-test-pages; findings
# land in fuzz/artifacts/TARGET/, logs in fuzz/artifacts/TARGET.log.
# Sanitizer: none (safe Rust; overflow checks are on in fuzz/Cargo.toml's release profile), so the
# executions go to inputs rather than to ASan's bookkeeping. Targets run one at a time, in one
# process each.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analyse markup snapshot dates url)
export RUSTC_BOOTSTRAP=1

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz

corpus=fuzz/corpus
readability=../shared/corpora/readability-test-pages
mkdir -p "$corpus"/{analyse,markup,snapshot,dates,url} fuzz/artifacts
for t in analyse dates url; do cp fuzz/seeds/$t/* "$corpus/$t/"; done
# Pages: the fixtures and the readability pages under 64 KB (what -max_len lets in whole).
pages=(tests/fixtures/articles/*/page.html tests/fixtures/metadata/*.html tests/fixtures/detect/*.html)
if [ -d "$readability" ]; then
  while read -r f; do pages+=("$f"); done < <(find "$readability" -name source.html -size -64k | sort)
fi
for f in "${pages[@]}"; do
  cp "$f" "$corpus/analyse/$(echo "$f" | tr / _)"
  cp "$f" "$corpus/markup/$(echo "$f" | tr / _)"
done
# The same pages as the browser walk sends them (one context byte, ops, a newline, strs), walked
# by Python's tokenizer: close enough to a DOM walk for seeds, and replay takes any op sequence.
python3 - "$corpus/snapshot" "${pages[@]}" fuzz/seeds/analyse/* <<'PY'
import html.parser, pathlib, sys
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
class Walk(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ops, self.strs, self.open = [], [], []
    def handle_starttag(self, tag, attrs):
        self.ops.append("e")
        self.strs += [tag] + [p for name, value in attrs for p in (name, value or "")] + [""]
        if tag in VOID:
            self.ops.append("c")
        else:
            self.open.append(tag)
    def handle_endtag(self, tag):
        while tag in self.open:
            self.ops.append("c")
            if self.open.pop() == tag:
                break
    def handle_data(self, data):
        self.ops.append("t")
        self.strs.append(data.replace("\0", "\ufffd"))
out = pathlib.Path(sys.argv[1])
for f in sys.argv[2:]:
    w = Walk()
    w.feed(pathlib.Path(f).read_text(errors="replace"))
    body = "".join(w.ops) + "\n" + "".join(s + "\0" for s in w.strs)
    (out / f.replace("/", "_")).write_bytes(b"\0" + body.encode())
PY

failed=()
for t in "${targets[@]}"; do
  case $t in
    analyse | markup | snapshot) extra=(-max_len=65536 -dict=fuzz/html.dict) ;;
    *) extra=(-max_len=4096) ;;
  esac
  echo "== $t: ${secs}s"
  if ! cargo fuzz run --fuzz-dir fuzz -s none "$t" "$corpus/$t" -- \
      -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
      "${extra[@]}" >"fuzz/artifacts/$t.log" 2>&1; then
    failed+=("$t")
  fi
  grep -E 'stat::number_of_executed_units|Done [0-9]+ runs|SUMMARY|panicked' "fuzz/artifacts/$t.log" || true
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "findings in: ${failed[*]} (see fuzz/artifacts/)"
  exit 1
fi
echo "no findings"
