//! The next page of an article split over several pages.
//!
//! Why these signals, in document order: `rel=next` is explicit; tribun numbers its pager links
//! `rel="page-N"`; most Indonesian pagers are plain links whose text says "next"
//! ("Selanjutnya", "›") or whose address is this article with `page=N+1`. Links are read only in
//! the body and a short stretch after it, where pagers sit, and never in a "next article" feed
//! (republika's `#next-article` appends a different story).

use super::class_or_id_contains;
use super::head::{has_token, Head};
use crate::lang::all;
use crate::page::{NodeId, Page};
use crate::text::normalise;
use crate::url::{document_part, query_value};

/// Nodes after the body where a pager may sit (tribun puts a recommendation widget between the
/// body and its pager; a pager is a few dozen nodes).
const AFTER_BODY_NODES: usize = 300;

/// Class or id fragments of feeds that append other articles.
const FEED_HINTS: &[&str] = &["next-article", "nextarticle"];

/// Arrow characters around a link text ("Next ›", "» Selanjutnya").
const ARROWS: &[char] = &['›', '»', '>', '→'];

/// The query parameter that numbers pages.
const PAGE_PARAM: &str = "page";

pub(super) fn find(page: &Page, body: NodeId, head: &Head) -> Option<String> {
    head.next.clone().or_else(|| pager_link(page, body, head))
}

/// The first link in or just after the body that leads to the next page.
fn pager_link(page: &Page, body: NodeId, head: &Head) -> Option<String> {
    let current = head.current.as_deref();
    let current_page = current
        .and_then(|u| query_value(u, PAGE_PARAM))
        .and_then(|p| p.parse::<u32>().ok())
        .unwrap_or(1);
    let end = (page.skip(body).index() + AFTER_BODY_NODES).min(page.len());
    let mut i = body.index();
    while i < end {
        let id = NodeId::new(i);
        i += 1;
        if page.is_element(id) && class_or_id_contains(page, id, FEED_HINTS) {
            i = page.skip(id).index();
            continue;
        }
        if page.tag(id) != "a" {
            continue;
        }
        let Some(target) = page.attr(id, "href").and_then(|h| head.resolve(h)) else {
            continue;
        };
        let same_document = current.is_some_and(|c| document_part(c) == document_part(&target));
        let target_page = query_value(&target, PAGE_PARAM).and_then(|p| p.parse::<u32>().ok());
        if same_document && target_page.unwrap_or(1) <= current_page {
            continue;
        }
        let rel = page.attr(id, "rel").unwrap_or("");
        let next_rel = format!("page-{}", current_page + 1);
        let numbered_next = same_document && target_page == Some(current_page + 1);
        if has_token(rel, "next")
            || has_token(rel, &next_rel)
            || numbered_next
            || says_next(page, id)
        {
            return Some(target);
        }
    }
    None
}

/// Whether the link text is one of the tables' "next page" texts, arrows aside.
fn says_next(page: &Page, link: NodeId) -> bool {
    let text = normalise(&page.text_content(link));
    let bare = text.trim_matches(|c: char| ARROWS.contains(&c) || c.is_whitespace());
    let known = |t: &str| !t.is_empty() && all(|t| t.next_page_links).any(|l| l == t);
    known(&text) || known(bare)
}
