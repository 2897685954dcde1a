//! Text → `reader::dates::parse` and `display`. Invariants: no panic; a parsed date is a
//! well-formed ISO 8601 stamp of a real date, time and offset; what `display` prints for it, in
//! every language and in none, parses back to the same stamp (to the minute: display leaves
//! seconds out).
#![no_main]

use bersih::lang::TABLES;
use bersih::reader::dates::{display, parse};
use bersih_fuzz::check_iso;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let langs = TABLES.iter().map(|t| Some(t.lang)).chain([None]);
    for lang in langs.clone() {
        display(&text, lang);
    }
    let Some(iso) = parse(&text) else {
        return;
    };
    if let Err(e) = check_iso(&iso) {
        panic!("parse({text:?}): {e}");
    }
    let whole_minute = iso.get(17..19).is_none_or(|s| s == "00");
    for lang in langs {
        let shown = display(&iso, lang);
        if whole_minute {
            assert_eq!(
                parse(&shown).as_deref(),
                Some(iso.as_str()),
                "{text:?} → {iso} → {shown:?} ({lang:?})"
            );
        }
    }
});
