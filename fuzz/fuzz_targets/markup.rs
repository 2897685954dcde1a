//! A page's markup as a content script sends it → `markup::parse_located` → `detect` →
//! decisions and locators (the page-load path, `hide_markup`). Input: the markup, any bytes.
//! Invariants: no panic; roughly linear time; every locator names an element the markup
//! counted, and a text locator a text the page holds; each decided op is located once.
#![no_main]

use bersih::markup::parse_located;
use bersih::Options;
use bersih_fuzz::budget;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let start = std::time::Instant::now();
    let located = parse_located(&html);
    let removed = bersih::detect::detect(&located.traced.page, &Options::default());
    let decisions = located.traced.decisions(&removed);
    let locators = located.locators(&decisions);
    if let Some(limit) = budget(data.len()) {
        let took = start.elapsed();
        assert!(took < limit, "{} bytes took {took:?}", data.len());
    }
    for l in &locators {
        assert!(l.element < located.elements, "{l:?} past {} elements", located.elements);
        assert!(l.text.is_some() || !l.check.is_empty(), "{l:?}: an element without a tag");
    }
    let mut ops: Vec<u32> = decisions.iter().flat_map(|d| [d.first, d.last]).collect();
    ops.sort_unstable();
    ops.dedup();
    assert_eq!(ops.len(), locators.len(), "decided ops and locators differ");
});
