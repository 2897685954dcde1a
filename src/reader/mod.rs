//! Reader extraction: the article body, its metadata, and its renderings.

pub mod dates;
pub mod extract;
pub mod metadata;
pub mod render;

use crate::analysis::{Article, Options, Removal};
use crate::page::Page;

/// Extracts the article, adding in-article boilerplate to `removed`. `None` when the page has no
/// article.
pub fn read(page: &Page, opts: &Options, removed: &mut Vec<Removal>, notes: &mut Vec<String>) -> Option<Article> {
    let _ = (page, opts, removed, notes);
    None
}
