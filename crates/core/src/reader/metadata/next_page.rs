//! The next page of an article split over several pages.
//!
//! Why these signals, in document order: `rel=next` is explicit; tribun numbers its pager links
//! `rel="page-N"`; most Indonesian pagers are plain links whose text says "next"
//! ("Selanjutnya", "›"), whose address is this article with `page=N+1` or a last path segment
//! `N+1` (detik, sindonews), or whose text is the number `N+1` among other numbered links. Links are read only in
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

/// Highest page number read from an address's last path segment: larger numbers there are
/// article ids, not pages.
const MAX_PATH_PAGE: u32 = 100;

/// Numbered links looked at for a pager (their common ancestors are compared pairwise).
const MAX_NUMBERED: usize = 32;

/// Levels above a numbered link within which another numbered link makes it a pager's.
const PAGER_LEVELS: usize = 3;

pub(super) fn find(page: &Page, body: NodeId, head: &Head) -> Option<String> {
    head.next.clone().or_else(|| pager_link(page, body, head))
}

/// The first link in or just after the body that leads to the next page.
fn pager_link(page: &Page, body: NodeId, head: &Head) -> Option<String> {
    let current = head.current.as_deref().map(paged);
    let current_page = current.and_then(|(_, n)| n).unwrap_or(1);
    let end = (page.skip(body).index() + AFTER_BODY_NODES).min(page.len());
    let mut numbered = Vec::new();
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
        let (story, target_page) = paged(&target);
        let same_document = current.is_some_and(|(c, _)| c == story);
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
        if numbered.len() < MAX_NUMBERED {
            if let Some(n) = number_of(page, id) {
                numbered.push((id, n, target));
            }
        }
    }
    numbered_pager_next(page, &numbered, current_page)
}

/// The link numbered `current + 1` in a pager: a group of numbered links close together
/// ("Halaman 1 2 3 … Selanjutnya"), for pages whose own address is unknown or unnumbered.
fn numbered_pager_next(
    page: &Page,
    numbered: &[(NodeId, u32, String)],
    current: u32,
) -> Option<String> {
    let (link, _, target) = numbered.iter().find(|(_, n, _)| *n == current + 1)?;
    let near = |a: NodeId, b: NodeId| {
        page.ancestors(a)
            .take(PAGER_LEVELS)
            .any(|x| page.contains(x, b))
    };
    numbered
        .iter()
        .any(|(other, n, _)| *n != current + 1 && near(*link, *other))
        .then(|| target.clone())
}

/// The page number a link's whole text is ("2", "[3]").
fn number_of(page: &Page, link: NodeId) -> Option<u32> {
    let text = page.text_content(link);
    let n: u32 = text
        .trim()
        .trim_matches(|c: char| matches!(c, '[' | ']' | '(' | ')'))
        .parse()
        .ok()?;
    (1..=MAX_PATH_PAGE).contains(&n).then_some(n)
}

/// An address as its story and page number: `?page=N`, or a last path segment `N` (`/judul/2`).
fn paged(url: &str) -> (&str, Option<u32>) {
    let doc = document_part(url);
    if let Some(n) = query_value(url, PAGE_PARAM).and_then(|p| p.parse().ok()) {
        return (doc, Some(n));
    }
    let trimmed = doc.strip_suffix('/').unwrap_or(doc);
    match trimmed.rsplit_once('/') {
        Some((story, last)) if !story.ends_with('/') => match last.parse::<u32>() {
            Ok(n) if n <= MAX_PATH_PAGE && last.bytes().all(|b| b.is_ascii_digit()) => {
                (story, Some(n))
            }
            _ => (trimmed, None),
        },
        _ => (trimmed, None),
    }
}

/// Whether the link text is one of the tables' "next page" texts, arrows aside.
fn says_next(page: &Page, link: NodeId) -> bool {
    let text = normalise(&page.text_content(link));
    let bare = text.trim_matches(|c: char| ARROWS.contains(&c) || c.is_whitespace());
    let known = |t: &str| !t.is_empty() && all(|t| t.next_page_links).any(|l| l == t);
    known(&text) || known(bare)
}
