//! A browser walk as the wire format carries it → `snapshot::replay` → `detect` and `analyse` →
//! `decisions`. Input: one byte (low bits: context count; high bit: analyse without a page
//! address), then the `ops` string up to the first newline, then `strs` (NUL-separated).
//! Invariants: no panic; every decision's ops lie in `ops`, `first <= last`, point at an element
//! op (or text ops for a text run), in document order without repeats, never boilerplate; an
//! unaligned replay decides nothing; the article's HTML is sanitised.
#![no_main]

use bersih::snapshot::{replay, Traced, OP_OPEN, OP_TEXT};
use bersih::{analyse, Kind, Options};
use bersih_fuzz::{budget, check_html, PAGE_URL};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&head, rest)) = data.split_first() else {
        return;
    };
    let contexts = u32::from(head & 0x3f);
    let based = head & 0x80 == 0;
    let rest = String::from_utf8_lossy(rest);
    let (ops, strs) = rest.split_once('\n').unwrap_or((&rest, ""));

    let start = std::time::Instant::now();
    let traced = replay(ops, strs, contexts);
    let opts = Options {
        url: based.then(|| PAGE_URL.into()),
        ..Options::default()
    };
    // The page-load path (`hide`) runs the detectors alone; the reader path runs `analyse`.
    check_decisions(&traced, ops, &bersih::detect::detect(&traced.page, &opts));
    let analysis = analyse(&traced.page, &opts);
    if let Some(limit) = budget(data.len()) {
        let took = start.elapsed();
        assert!(took < limit, "{} bytes took {took:?}", data.len());
    }
    check_decisions(&traced, ops, &analysis.removed);
    if let Some(article) = &analysis.article {
        if let Err(e) = check_html(&article.html, based) {
            panic!("article HTML: {e}\n{}", article.html);
        }
    }
});

fn check_decisions(traced: &Traced, ops: &str, removed: &[bersih::Removal]) {
    let decisions = traced.decisions(removed);
    if !traced.is_aligned() {
        assert!(decisions.is_empty(), "an unaligned replay decided");
    }
    let ops = ops.as_bytes();
    for d in &decisions {
        assert!(d.first <= d.last, "{d:?}");
        assert!(
            (d.last as usize) < ops.len(),
            "{d:?} past {} ops",
            ops.len()
        );
        let expect = if d.text_node { OP_TEXT } else { OP_OPEN };
        assert_eq!(ops[d.first as usize], expect, "{d:?}");
        assert_eq!(ops[d.last as usize], expect, "{d:?}");
        assert!(d.text_node || d.first == d.last, "{d:?}");
        assert_ne!(d.kind, Kind::Boilerplate, "{d:?}");
    }
    assert!(
        decisions.windows(2).all(|w| w[0].first < w[1].first),
        "decisions repeated or out of order: {decisions:?}"
    );
}
