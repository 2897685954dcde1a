//! (base, href) → `url::resolve`, and the query helpers. Input: base and href separated by the
//! first NUL; without one, the whole input is an href against a fixed page address.
//! Invariants: no panic; a resolved address is http(s) (the module's promise), one token (no
//! whitespace, control, quote, angle bracket, backquote or brace: `resolve` percent-encodes them,
//! so an address cannot end an attribute, a Markdown link or a line), and resolving it again,
//! against itself or the base, gives it back (RFC 3986 §5.2: an absolute reference resolves to
//! itself once its dot segments are gone).
#![no_main]

use bersih::url::{document_part, query_value, resolve};
use bersih_fuzz::{is_http, PAGE_URL};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (base, href) = input.split_once('\0').unwrap_or((PAGE_URL, &input));
    query_value(href, "page");
    document_part(href);
    let Some(url) = resolve(base, href) else {
        return;
    };
    assert!(is_http(&url), "resolve({base:?}, {href:?}) = {url:?}");
    assert!(
        !url.contains(|c: char| c.is_whitespace()
            || c.is_control()
            || matches!(c, '"' | '<' | '>' | '`' | '{' | '}')),
        "not one token: resolve({base:?}, {href:?}) = {url:?}"
    );
    assert_eq!(
        resolve(&url, &url).as_ref(),
        Some(&url),
        "again against itself"
    );
    assert_eq!(
        resolve(base, &url).as_ref(),
        Some(&url),
        "again against the base"
    );
});
