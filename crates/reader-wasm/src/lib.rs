//! The reader's wasm: a page's whole analysis, for the reader, the copy and the playground,
//! loaded when one of them first asks for an article (never on a page load, whose wasm is
//! `crates/wasm`). It carries html5ever, for the story's other pages, fetched as markup.
//!
//! JS contract (field names are the serde names of the Rust types):
//! - `new Analysed(ops, strs, {url, extra_phrases})`: the whole analysis of a walked page;
//!   `decisions()`, `article() -> Article | null`, `analysis() -> Analysis`, `nodes()`, `lang()`,
//!   `outline()`, `text() -> string | undefined` (the article's plain text, for the name
//!   recogniser), `highlights(mentions) -> {html, entities} | null`, `mentions` being the names
//!   module's `[start, end, kind, …]` for `text()`, and `copy("text" | "markdown") -> string |
//!   undefined` (the article as copied, headed by its credits, date and the options' `url`).
//!   The article's `published_text` is its date for display.
//! - The story's other pages (`bersih::Story`): `story()`, `add_page(html, url)`,
//!   `failed_page(url, status)` and `abort()` each answer `{progress: {state, merged, count,
//!   stop, status, at, whole}, next: {url, page, count} | null}`; once `story()` is called,
//!   `article()`, `text()`, `highlights()` and `copy()` give the story as merged so far.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use bersih::analysis::{analyse, Analysis, Options};
use bersih::mention::{Kind, Mention};
use bersih::reader::copy::Format;
use bersih::snapshot::{replay, Traced};
use bersih::{Fetch, Progress, Story};

#[path = "../../wasm/src/js.rs"]
mod js;
use js::{options, to_js};

/// A walked page and its whole analysis.
#[wasm_bindgen]
pub struct Analysed {
    traced: Traced,
    analysis: Analysis,
    /// The options it was analysed with (the address the copy carries, the person's phrases),
    /// which the story's other pages are analysed with too.
    options: Options,
    /// The whole story, once asked for.
    story: Option<Story>,
}

/// Where a story is, and what to fetch next.
#[derive(Serialize)]
struct Step {
    progress: Progress,
    next: Option<Fetch>,
}

#[wasm_bindgen]
impl Analysed {
    /// Replays a whole-document walk and analyses it.
    #[wasm_bindgen(constructor)]
    pub fn new(ops: &str, strs: &str, options: JsValue) -> Result<Analysed, JsError> {
        let options = self::options(options)?;
        let traced = replay(ops, strs, 0);
        let analysis = analyse(&traced.page, &options);
        Ok(Analysed {
            traced,
            analysis,
            options,
            story: None,
        })
    }

    /// The article shown: the story as merged so far, else this page's.
    fn shown(&self) -> &Analysis {
        self.story.as_ref().map_or(&self.analysis, Story::analysis)
    }

    /// The story, started from this page the first time it is asked for.
    fn whole(&mut self) -> &mut Story {
        let (analysis, url) = (&self.analysis, self.options.url.as_deref());
        self.story
            .get_or_insert_with(|| Story::new(analysis.clone(), url))
    }

    fn step(&mut self) -> Result<JsValue, JsError> {
        let story = self.whole();
        to_js(&Step {
            progress: story.progress(),
            next: story.next(),
        })
    }

    /// Starts reading the whole story (once) and says what to fetch first.
    pub fn story(&mut self) -> Result<JsValue, JsError> {
        self.step()
    }

    /// Adds the markup fetched from `url`, the address the last step asked for.
    pub fn add_page(&mut self, html: &str, url: &str) -> Result<JsValue, JsError> {
        let options = Options {
            url: Some(url.to_string()),
            ..self.options.clone()
        };
        let analysis = analyse(&bersih::html::parse(html), &options);
        self.whole().add(analysis, url);
        self.step()
    }

    /// Records that fetching `url` failed, with its HTTP status (0 for none).
    pub fn failed_page(&mut self, url: &str, status: u16) -> Result<JsValue, JsError> {
        self.whole().failed(url, status);
        self.step()
    }

    /// The person closed the reader: the story stops where it is.
    pub fn abort(&mut self) -> Result<JsValue, JsError> {
        self.whole().abort();
        self.step()
    }

    /// The blocks to hide, as op ranges of the walk.
    pub fn decisions(&self) -> Result<JsValue, JsError> {
        to_js(&self.traced.decisions(&self.analysis.removed))
    }

    /// The article (the story as merged so far, once asked for), or `null`.
    pub fn article(&self) -> Result<JsValue, JsError> {
        to_js(&self.shown().article)
    }

    /// The whole analysis (`{lang, removed, article, notes}`): the playground lists every
    /// removal, boilerplate left out of the article included.
    pub fn analysis(&self) -> Result<JsValue, JsError> {
        to_js(&self.analysis)
    }

    /// Nodes in the page (the root included).
    pub fn nodes(&self) -> usize {
        self.traced.page.len()
    }

    /// A line-per-node outline of the page (`bersih::snapshot::outline`): the browser tests
    /// check with it that the walk builds the page html5ever builds from the same markup.
    pub fn outline(&self) -> String {
        bersih::snapshot::outline(&self.traced.page)
    }

    /// The page language code.
    pub fn lang(&self) -> String {
        self.analysis.lang.clone()
    }

    /// The article's plain text, which the name recogniser tags, or `undefined`.
    pub fn text(&self) -> Option<String> {
        Some(self.shown().article.as_ref()?.text.clone())
    }

    /// The article's HTML with the given mentions of [`Analysed::text`] marked, and the entity
    /// list; `null` without an article. Mentions that do not fit the text are dropped.
    pub fn highlights(&self, mentions: &[u32]) -> Result<JsValue, JsError> {
        let h = self.shown().highlights(|text, _| {
            mentions
                .chunks_exact(3)
                .filter_map(|m| {
                    let (start, end) = (m[0] as usize, m[1] as usize);
                    let fits = start < end
                        && end <= text.len()
                        && text.is_char_boundary(start)
                        && text.is_char_boundary(end);
                    let kind = *Kind::ALL.get(m[2] as usize)?;
                    fits.then_some(Mention { start, end, kind })
                })
                .collect()
        });
        to_js(&h)
    }

    /// The article as copied (`bersih::Article::copy`), `format` being "text" or "markdown";
    /// `undefined` without an article or for another format.
    pub fn copy(&self, format: &str) -> Option<String> {
        let format = match format {
            "text" => Format::Text,
            "markdown" => Format::Markdown,
            _ => return None,
        };
        let article = self.shown().article.as_ref()?;
        Some(article.copy(format, self.options.url.as_deref()))
    }
}
