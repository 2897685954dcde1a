//! The analysis boundary: [`Options`] in, [`Analysis`] out, [`analyse`] in between.
//!
//! Invariant: `analyse` takes `&Page`, never mutates it, performs no I/O and does not fail; odd
//! input shows up as `notes`, and a page without an article as `article: None`.

use serde::{Deserialize, Serialize};

use crate::detect;
use crate::page::{NodeId, Page};
use crate::reader;

/// What the caller wants analysed. Deserialisable, every field optional, so the wasm builds take
/// it from JS as it comes.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Address of the page, used to resolve relative links and images.
    pub url: Option<String>,
    /// Extra recirculation lead-ins given by the user ("baca pula"), in any case.
    pub extra_phrases: Vec<String>,
}

/// Why a block is removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An inserted link to another article ("Baca Juga: …").
    Recirculation,
    /// An ad slot, its label, or a sponsored block.
    Ad,
    /// In-article text that is not prose (share prompts, channel promos, desk initials).
    Boilerplate,
}

/// The rule that found a removed block and what it matched on the page, so a user can see why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The rule.
    pub rule: Rule,
    /// What matched, as written on the page: the lead-in ("Baca Juga:"), the class or id, the
    /// attribute, the label; empty for boilerplate.
    pub evidence: String,
}

/// The rules of [`Reason`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// A recirculation lead-in starts the block ("Baca Juga:", "Read also").
    LeadIn,
    /// A class or id names a recirculation box (`baca-juga`, `linksisip`).
    MarkedBox,
    /// An ad network's attribute (`data-ad-slot`).
    AdAttribute,
    /// A class, id or tag name with an ad token (`ads-box`, `amp-ad`).
    AdName,
    /// An iframe from an ad network, or named as an ad frame.
    AdFrame,
    /// A caption such as "ADVERTISEMENT" or "Scroll to continue with content".
    AdLabel,
    /// A `rel="sponsored"` link on a line of its own.
    SponsoredLink,
    /// A line of in-article boilerplate, or a list of links before or after the article.
    Boilerplate,
}

impl Reason {
    pub(crate) fn new(rule: Rule, evidence: &str) -> Reason {
        Reason {
            rule,
            evidence: evidence.trim().to_string(),
        }
    }
}

/// A removed block: hidden on the page (recirculation, ad) or left out of the article (boilerplate).
#[derive(Clone, Debug, Serialize)]
pub struct Removal {
    /// The topmost node of the block. Usually an element; a text node when a lead-in such as
    /// "Baca Juga:" stands bare between `<br>`s with no element of its own.
    pub node: NodeId,
    /// Why it is removed.
    pub kind: Kind,
    /// Its visible text, whitespace collapsed.
    pub text: String,
    /// The rule that found it.
    pub reason: Reason,
}

/// The lead image of an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LeadImage {
    /// Absolute address when the page URL is known.
    pub src: String,
    /// Caption or alt text.
    pub caption: Option<String>,
    /// Whether the article's body shows the same picture (the same file), so a surface that
    /// draws the lead image above the body would show it twice.
    pub in_body: bool,
}

/// The readable article.
#[derive(Clone, Debug, Serialize)]
pub struct Article {
    /// Headline.
    pub title: String,
    /// Authors.
    pub byline: Option<String>,
    /// Editor ("Editor: …").
    pub editor: Option<String>,
    /// Source attribution ("Sumber: …").
    pub source: Option<String>,
    /// Publication name.
    pub site_name: Option<String>,
    /// Publication time, ISO 8601 with offset when known.
    pub published: Option<String>,
    /// The publication time as readers read it, in the page's language ("18 Juni 2025, 07.30
    /// WIB"; see [`reader::dates::display`]), for every surface that shows it.
    pub published_text: Option<String>,
    /// Lead image.
    pub lead_image: Option<LeadImage>,
    /// Short summary.
    pub excerpt: Option<String>,
    /// Estimated reading time in whole minutes (at least 1).
    pub reading_minutes: u32,
    /// How the story is split over pages: the model, the pages' addresses, the count, the next
    /// page and a "show all" address ([`crate::Pagination`]).
    pub pagination: crate::Pagination,
    /// Plain text, paragraphs separated by a blank line.
    pub text: String,
    /// Markdown.
    pub markdown: String,
    /// Sanitised reader HTML ([`Analysis::highlights`] gives it with names marked).
    pub html: String,
    /// The document model the renderings were printed from, kept for [`Analysis::highlights`].
    #[serde(skip)]
    pub(crate) blocks: Vec<reader::render::Block>,
}

/// The article's named entities, and its HTML with their mentions marked.
#[derive(Clone, Debug, Serialize)]
pub struct Highlights {
    /// The article's sanitised HTML with each mention in
    /// `<mark data-entity="PER|ORG|LOC" data-entity-id="i">`, `i` indexing `entities`. A mention
    /// cut by an element edge (half a name in a link) is marked piece by piece; the pieces after
    /// its first carry `data-entity-cont`.
    pub html: String,
    /// The people, organisations and places, most mentioned first (ties in order of first
    /// mention); `count` is the number of marked mentions.
    pub entities: Vec<crate::mention::Entity>,
}

/// Everything the core decided about a page.
#[derive(Clone, Debug, Serialize)]
pub struct Analysis {
    /// Language code of the page ("id", "en", …).
    pub lang: String,
    /// Blocks to hide on the page and blocks left out of the article, in document order.
    pub removed: Vec<Removal>,
    /// The article, if the page has one.
    pub article: Option<Article>,
    /// Diagnostics about how the decisions were reached.
    pub notes: Vec<String>,
}

/// Analyses a page snapshot.
pub fn analyse(page: &Page, opts: &Options) -> Analysis {
    let mut removed = detect::detect(page, opts);
    let mut notes = Vec::new();
    let (lang, table_lang) = crate::lang::detect(page);
    let article = reader::read(page, opts, table_lang, &mut removed, &mut notes);
    removed.sort_by_key(|r| r.node);
    Analysis {
        lang,
        removed,
        article,
        notes,
    }
}

impl Analysis {
    /// The article's people, organisations and places, marked in its HTML. `tag` is the name
    /// recogniser (`bersih_names::mentions` natively, the names wasm module in the browser): it
    /// gets the article's plain text ([`Article::text`]) and its language and returns the
    /// mentions as byte ranges of that text. The core only places them, so a build without the recogniser stays small.
    /// `None` without an article.
    pub fn highlights(
        &self,
        tag: impl FnOnce(&str, Option<crate::lang::Lang>) -> Vec<crate::mention::Mention>,
    ) -> Option<Highlights> {
        let article = self.article.as_ref()?;
        let lang = crate::lang::Lang::from_code(&self.lang);
        let (blocks, entities) = reader::highlight(&article.blocks, lang, tag);
        Some(Highlights {
            html: reader::render::to_html(&blocks),
            entities,
        })
    }
}
