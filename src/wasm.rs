//! The wasm exports: the only file with `#[wasm_bindgen]`.
//!
//! Each export converts its input, calls [`live`](crate::live) or the core, and converts the
//! output with serde-wasm-bindgen (JSON-compatible: `null` for `None`, objects for structs).
//! Nothing here looks at page content.
//!
//! JS contract (field names are the serde names of the Rust types):
//! - `new LivePage(document)`; `snapshot() -> nodes`;
//!   `analyse({url, extra_phrases, entities}) -> n`;
//!   `apply({recirculation, ad}) -> hidden`; `restore() -> shown`; `rescan(node) -> n`;
//!   `stats() -> {hidden: {recirculation, ad}, items: [{kind, text, hidden}], nodes, lang}`;
//!   `article() -> Article | null`; `analysis() -> Analysis | null` (`removed: [{node, kind,
//!   text}]`, `entities: [{text, type, count}]`, …); `highlights() -> {html, entities} | null`
//!   (the article HTML with its entity mentions marked, found on the first call).
//! - `analyse_snapshot(snapshot, options) -> {decisions: [{first, last, text_node, kind, text}],
//!   article, entities, lang, nodes}` for the strict-CSP fallback (see
//!   [`crate::snapshot::Snapshot`]).

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::analysis::{analyse, Article, Options};
use crate::entities::Entity;
use crate::live::{self, Kinds};
use crate::snapshot::{Decision, Snapshot};

/// Options as JS passes them; every field may be missing.
#[derive(Default, Deserialize)]
struct JsOptions {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    extra_phrases: Vec<String>,
    #[serde(default)]
    entities: bool,
}

#[derive(Deserialize)]
struct JsKinds {
    #[serde(default = "yes")]
    recirculation: bool,
    #[serde(default = "yes")]
    ad: bool,
}

fn yes() -> bool {
    true
}

fn options(value: JsValue) -> Result<Options, JsError> {
    let o: JsOptions = if value.is_undefined() || value.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(value)?
    };
    Ok(Options {
        url: o.url,
        extra_phrases: o.extra_phrases,
        entities: o.entities,
    })
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    Ok(value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// A handle on the live document: the snapshot, the analysis and what is hidden live in wasm.
#[wasm_bindgen]
pub struct LivePage(live::LivePage);

#[wasm_bindgen]
impl LivePage {
    /// A handle on `document`.
    #[wasm_bindgen(constructor)]
    pub fn new(document: web_sys::Document) -> LivePage {
        LivePage(live::LivePage::new(document))
    }

    /// Walks the whole document; returns the snapshot's node count.
    pub fn snapshot(&mut self) -> usize {
        self.0.snapshot()
    }

    /// Analyses the snapshot; returns how many blocks were decided.
    pub fn analyse(&mut self, options: JsValue) -> Result<usize, JsError> {
        Ok(self.0.analyse(self::options(options)?))
    }

    /// Hides the decided blocks of the wanted kinds (`{recirculation, ad}`, both by default).
    pub fn apply(&mut self, kinds: JsValue) -> Result<usize, JsError> {
        let k: JsKinds = if kinds.is_undefined() || kinds.is_null() {
            JsKinds {
                recirculation: true,
                ad: true,
            }
        } else {
            serde_wasm_bindgen::from_value(kinds)?
        };
        Ok(self.0.apply(Kinds {
            recirculation: k.recirculation,
            ad: k.ad,
        }))
    }

    /// Shows everything hidden; returns how many blocks were shown.
    pub fn restore(&mut self) -> usize {
        self.0.restore()
    }

    /// Analyses a subtree added later; returns how many new blocks were decided.
    pub fn rescan(&mut self, root: web_sys::Node) -> usize {
        self.0.rescan(&root)
    }

    /// Counts and items.
    pub fn stats(&self) -> Result<JsValue, JsError> {
        to_js(&self.0.stats())
    }

    /// The article, or `null`.
    pub fn article(&self) -> Result<JsValue, JsError> {
        to_js(&self.0.article())
    }

    /// The article's entity highlights (`{html, entities}`), or `null`.
    pub fn highlights(&mut self) -> Result<JsValue, JsError> {
        to_js(&self.0.highlights())
    }

    /// The whole last analysis (`{lang, removed, article, entities, notes}`), or `null`: the
    /// playground lists every removal, boilerplate left out of the article included.
    pub fn analysis(&self) -> Result<JsValue, JsError> {
        to_js(&self.0.analysis())
    }
}

#[derive(Serialize)]
struct SnapshotResult<'a> {
    decisions: Vec<Decision>,
    article: Option<&'a Article>,
    entities: &'a [Entity],
    lang: &'a str,
    nodes: usize,
}

/// Analyses a flat snapshot sent by a content script that cannot run wasm.
#[wasm_bindgen]
pub fn analyse_snapshot(snapshot: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let snapshot: Snapshot = serde_wasm_bindgen::from_value(snapshot)?;
    let traced = snapshot.replay();
    let analysis = analyse(&traced.page, &self::options(options)?);
    to_js(&SnapshotResult {
        decisions: traced.decisions(&analysis),
        article: analysis.article.as_ref(),
        entities: &analysis.entities,
        lang: &analysis.lang,
        nodes: traced.page.len(),
    })
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
