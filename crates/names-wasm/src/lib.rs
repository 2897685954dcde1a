//! The wasm exports of the name recogniser: a module of its own, fetched only when the reader
//! first opens with names on, so that no page load pays for the model and its lists.
//!
//! JS contract: `mentions(text, lang) -> Uint32Array` of `[start, end, kind]` triples, `start`
//! and `end` being UTF-8 byte offsets of `text` (the core's `highlights` takes them back as
//! they are), `kind` 0 PER, 1 ORG, 2 LOC; `lang` is a page language code ("id", "en", …) or "".

use wasm_bindgen::prelude::*;

use bersih::lang::Lang;
use bersih::mention::Kind;

/// The entity mentions of `text`, flattened to `[start, end, kind, …]`.
#[wasm_bindgen]
pub fn mentions(text: &str, lang: &str) -> Vec<u32> {
    bersih_names::mentions(text, Lang::from_code(lang))
        .into_iter()
        .flat_map(|m| [m.start as u32, m.end as u32, kind_code(m.kind)])
        .collect()
}

fn kind_code(kind: Kind) -> u32 {
    Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0) as u32
}
