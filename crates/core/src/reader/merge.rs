//! One story from several pages: the analyses of its pages, in order, merged into one article.
//!
//! Why merge the document models and print again, rather than join the printed text: each page's
//! inserts and ads are already left out of its blocks, and what remains to drop is block-shaped
//! (a pager's line, a "Halaman 2" heading, the opening paragraph a later page repeats), so the
//! text, Markdown and HTML come out of one block list and agree, and [`Analysis::highlights`]
//! marks names over the whole story. Title, credits, date and lead image are page 1's, once.
//!
//! Invariant: a page that is no article, or another story (another title or story address),
//! is refused with the reason, never merged.

use std::collections::HashSet;
use std::fmt;

use super::metadata::pagination::{is_pager_line, Model, MAX_PAGES};
use super::render::{self, Block};
use super::{plain, reading_minutes};
use crate::analysis::{Analysis, Article};
use crate::lang::all;
use crate::text;

/// Why pages were not merged.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Refusal {
    /// No pages were given.
    NoPages,
    /// More than [`MAX_PAGES`] pages were given.
    TooManyPages(usize),
    /// Page `n` (from 1) has no article.
    NoArticle(usize),
    /// Page `n` has another title than page 1.
    OtherTitle {
        page: usize,
        first: String,
        other: String,
    },
    /// Page `n` belongs to another story address than page 1.
    OtherStory {
        page: usize,
        first: String,
        other: String,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NoPages => write!(f, "no pages to merge"),
            Refusal::TooManyPages(n) => write!(f, "{n} pages, at most {MAX_PAGES} are merged"),
            Refusal::NoArticle(n) => write!(f, "page {n} has no article"),
            Refusal::OtherTitle { page, first, other } => {
                write!(f, "page {page} is another story: {other:?}, not {first:?}")
            }
            Refusal::OtherStory { page, first, other } => {
                write!(f, "page {page} is another story: {other}, not {first}")
            }
        }
    }
}

impl std::error::Error for Refusal {}

/// Merges the analyses of the pages of one story, given in order, into one. The article is page
/// 1's with every page's body in order, less pager lines, page labels and blocks a page repeats
/// from earlier pages (its intro, the lead image, the headline); `removed` and `notes` are all
/// the pages' (a removal's `node` is an id in its own page).
pub fn merge(pages: &[Analysis]) -> Result<Analysis, Refusal> {
    if pages.len() > MAX_PAGES as usize {
        return Err(Refusal::TooManyPages(pages.len()));
    }
    let first = pages.first().ok_or(Refusal::NoPages)?;
    let mut articles: Vec<&Article> = Vec::with_capacity(pages.len());
    for (i, analysis) in pages.iter().enumerate() {
        let article = analysis.article.as_ref().ok_or(Refusal::NoArticle(i + 1))?;
        if let Some(page1) = articles.first() {
            same_story(page1, article, i + 1)?;
        }
        articles.push(article);
    }
    let head = articles[0];
    let mut seen: HashSet<String> = HashSet::from([text::normalise(&head.title)]);
    let mut blocks = Vec::new();
    for article in &articles {
        for block in &article.blocks {
            if keep(block, &mut seen) {
                blocks.push(block.clone());
            }
        }
    }
    let text = plain::to_text(&blocks);
    let mut pagination = head.pagination.clone();
    pagination.next = articles.last().and_then(|a| a.pagination.next.clone());
    let article = Article {
        reading_minutes: reading_minutes(text::word_count(&text)),
        pagination,
        html: render::to_html(&blocks),
        markdown: render::to_markdown(&blocks),
        text,
        blocks,
        ..head.clone()
    };
    let mut notes: Vec<String> = pages.iter().flat_map(|p| p.notes.clone()).collect();
    notes.push(format!("{} pages merged", pages.len()));
    Ok(Analysis {
        lang: first.lang.clone(),
        removed: pages.iter().flat_map(|p| p.removed.clone()).collect(),
        article: Some(article),
        notes,
    })
}

/// Refuses page `n` when its title or story address is not page 1's.
fn same_story(first: &Article, other: &Article, n: usize) -> Result<(), Refusal> {
    if story_title(&first.title) != story_title(&other.title) {
        return Err(Refusal::OtherTitle {
            page: n,
            first: first.title.clone(),
            other: other.title.clone(),
        });
    }
    // Only numbered pages share a story address; pages told by "next" links each have their own.
    let numbered = |a: &Article| matches!(a.pagination.model, Model::Query | Model::Path);
    match (&first.pagination.story, &other.pagination.story) {
        (Some(a), Some(b)) if a != b && numbered(first) && numbered(other) => {
            Err(Refusal::OtherStory {
                page: n,
                first: a.clone(),
                other: b.clone(),
            })
        }
        _ => Ok(()),
    }
}

/// A title as the story's: without the page label later pages add and the separator before it
/// ("Judul - Halaman 2 - Situs", "Judul Halaman 2 - Situs" read as "judul - situs").
fn story_title(title: &str) -> String {
    let lower = text::normalise(title);
    let words: Vec<&str> = text::words(&lower).collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    // The number of words of a page label and its number starting at word `i`, if any.
    let label_at = |i: usize| {
        all(|t| t.page_labels).find_map(|label| {
            let n = label.split(' ').count();
            let said = words.get(i..i + n)?.iter().map(|w| bare(w));
            let numbered = words
                .get(i + n)
                .is_some_and(|w| bare(w).parse::<u32>().is_ok());
            (said.eq(label.split(' ')) && numbered).then_some(n + 1)
        })
    };
    let mut kept: Vec<&str> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        match label_at(i) {
            Some(n) => {
                if kept.last().is_some_and(|w| bare(w).is_empty()) {
                    kept.pop();
                }
                i += n;
            }
            None => {
                kept.push(words[i]);
                i += 1;
            }
        }
    }
    kept.join(" ")
}

/// Whether a block goes into the merged story: not a pager line or page label, and not text or
/// an image an earlier block already gave. Records what it keeps in `seen`.
fn keep(block: &Block, seen: &mut HashSet<String>) -> bool {
    let key = match block {
        Block::Image { src, .. } => src.clone(),
        Block::Rule | Block::Row { .. } | Block::Pre(_) => return true,
        _ => {
            let t = plain::to_text(std::slice::from_ref(block));
            let linked = render::link_chars(block) == t.chars().count();
            if is_pager_line(&t, linked) {
                return false;
            }
            text::normalise(&t)
        }
    };
    key.is_empty() || seen.insert(key)
}
