//! The page-load wasm: what to hide, the detectors only. The background loads it for every
//! page; it holds no HTML parser (a page load's markup is the browser's own serialisation, read by
//! [`bersih::markup`]), no extraction and no rendering, which are `crates/reader-wasm`'s, loaded
//! when the reader or a copy first asks for an article.
//!
//! Pages arrive as the two strings of a walk (`extension/live.js`, replayed by
//! [`bersih::snapshot::replay`]) or, on a page load, as the page's markup, so a page crosses into
//! wasm in one call; nothing here reads a DOM or looks at page content. Outputs go through
//! serde-wasm-bindgen (JSON-compatible: `null` for `None`, objects for structs).
//!
//! JS contract (field names are the serde names of the Rust types):
//! - `hide(ops, strs, contexts, {url, extra_phrases}) -> {decisions: [{first, last, text_node,
//!   kind, text, reason}], lang, nodes}`: what to hide in a walk (every rescan of an added
//!   subtree; no article is read).
//! - `hide_markup(html, options) -> {decisions, lang, nodes, locators: [{op, element, text,
//!   check}], elements}`: the same for a whole page sent as its markup (a page load), with
//!   where the decisions' live nodes are (`bersih::snapshot::Locator`).

use serde::Serialize;
use wasm_bindgen::prelude::*;

mod js;

use bersih::analysis::Options;
use bersih::markup::parse_located;
use bersih::snapshot::{replay, Decision, Locator, Traced};
use js::{options, to_js};

#[derive(Serialize)]
struct Hidden<'a> {
    decisions: Vec<Decision>,
    lang: &'a str,
    nodes: usize,
    /// Markup only: where the decisions' live nodes are, and the elements the markup held.
    #[serde(skip_serializing_if = "Option::is_none")]
    locators: Option<Vec<Locator>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    elements: Option<u32>,
}

/// The detectors' decisions on a traced page.
fn detected(traced: &Traced, options: &Options) -> (Vec<Decision>, String) {
    let removed = bersih::detect::detect(&traced.page, options);
    let (lang, _) = bersih::lang::detect(&traced.page);
    (traced.decisions(&removed), lang)
}

/// What to hide in a walked page or subtree: the detectors' decisions as op ranges.
#[wasm_bindgen]
pub fn hide(ops: &str, strs: &str, contexts: u32, options: JsValue) -> Result<JsValue, JsError> {
    let traced = replay(ops, strs, contexts);
    let (decisions, lang) = detected(&traced, &self::options(options)?);
    to_js(&Hidden {
        decisions,
        lang: &lang,
        nodes: traced.page.len(),
        locators: None,
        elements: None,
    })
}

/// What to hide in a whole page sent as its markup (`bersih::markup::parse_located`): the
/// decisions as ops, where those ops' live nodes are, and how many elements the markup held.
#[wasm_bindgen]
pub fn hide_markup(html: &str, options: JsValue) -> Result<JsValue, JsError> {
    let located = parse_located(html);
    let (decisions, lang) = detected(&located.traced, &self::options(options)?);
    to_js(&Hidden {
        locators: Some(located.locators(&decisions)),
        elements: Some(located.elements),
        decisions,
        lang: &lang,
        nodes: located.traced.page.len(),
    })
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
