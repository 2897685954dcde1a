//! How a story is split over pages, read from one of its pages: the model, the pages' addresses
//! in order, the count, this page's number, the next page and a "show all" address.
//!
//! Why these signals: sites number their pages in the query (`?page=2`) or the last path segment
//! (`/judul/2`), print a pager of numbered links with a "next" link ("Selanjutnya", "›", a
//! `rel="next"` or tribun's `rel="page-N"`), often state the count ("Halaman 1/4"), and some offer
//! the whole story on one address (`?page=all`, `/all`, a "Tampilkan Semua" link). Others ship
//! every page in the one document as `[data-page]` blocks. Links are read only in the body and a
//! short stretch after it, where pagers sit, never in a "next article" feed (republika's
//! `#next-article` appends a different story), and never to another origin: the reader may only
//! fetch the site it is on. Language words (labels, link texts) come from [`crate::lang`].
//!
//! Invariant: one bounded pass over the body and the window after it, one over the container
//! for `[data-page]` blocks; at most [`MAX_PAGES`] addresses.

use std::collections::BTreeMap;

use serde::Serialize;

use super::class_or_id_contains;
use super::head::{has_token, Head};
use crate::lang::{all, Table};
use crate::page::{NodeId, Page};
use crate::text::normalise;
use crate::url::{document_part, origin, query_value};

/// The most pages a story is read as: more is a loop or a site we should not fetch from.
pub const MAX_PAGES: u32 = 20;

/// How a story's pages are addressed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Model {
    /// One page, or no sign of more.
    #[default]
    None,
    /// Separate pages numbered in the query (`?page=2`).
    Query,
    /// Separate pages numbered by the last path segment (`/judul/2`).
    Path,
    /// Separate pages known only by a "next" link whose address carries no number.
    Linked,
    /// Every page in this document, as `[data-page]` blocks: nothing to fetch.
    OneDocument,
}

/// What one page says about the pages of its story.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Pagination {
    /// How the pages are addressed.
    pub model: Model,
    /// The story's address without a page number (the address of page 1 for [`Model::Query`]
    /// and [`Model::Path`]), when known: pages of one story share it.
    pub story: Option<String>,
    /// This page's number, from 1.
    pub current: u32,
    /// How many pages the page says the story has ("Halaman 1/4", `[data-page]` blocks).
    pub count: Option<u32>,
    /// The pages' absolute addresses in order from page 1, as far as they are known without a
    /// gap (from the pager, or made from the model when the count is stated); empty for one page
    /// and for [`Model::OneDocument`]. At most [`MAX_PAGES`].
    pub pages: Vec<String>,
    /// The next page's absolute address.
    pub next: Option<String>,
    /// An address that shows the whole story on one page.
    pub show_all: Option<String>,
}

/// Nodes after the body where a pager may sit (tribun puts a recommendation widget between the
/// body and its pager; a pager is a few dozen nodes).
const AFTER_BODY_NODES: usize = 300;

/// Class or id fragments of feeds that append other articles.
const FEED_HINTS: &[&str] = &["next-article", "nextarticle"];

/// Arrow characters around a link text ("Next ›", "» Selanjutnya").
const ARROWS: &[char] = &['›', '»', '>', '→', '‹', '«', '<', '←'];

/// The query parameter that numbers pages.
const PAGE_PARAM: &str = "page";

/// The query value, under any key, that asks for every page (`?page=all`, `?showpage=all`), and
/// the path segment that does (`/judul/all`).
const ALL: &str = "all";

/// Query pairs that ask for the story on one page besides `…=all` (detik's `?single=1`).
const ALL_QUERY_PAIRS: &[(&str, &str)] = &[("single", "1")];

/// The attribute numbering page blocks shipped together in one document.
const PAGE_BLOCK_ATTR: &str = "data-page";

/// Highest page number read from an address's last path segment or a link text: larger numbers
/// there are article ids, not pages.
const MAX_PAGE_NUMBER: u32 = 100;

/// Numbered links looked at for a pager (their common ancestors are compared pairwise).
const MAX_NUMBERED: usize = 32;

/// Levels above a numbered link within which another numbered link makes it a pager's.
const PAGER_LEVELS: usize = 3;

/// Longest text (bytes) read as a count label ("Halaman 1/4") or a pager line.
const MAX_LABEL_BYTES: usize = 48;
const MAX_PAGER_LINE_BYTES: usize = 200;

/// Reads the pagination of `page` whose article container is `body`.
pub(super) fn read(page: &Page, body: NodeId, head: &Head) -> Pagination {
    let own = head.current.as_deref().map(paged);
    let own_story = own.as_ref().map(|o| o.story.to_string());
    if let Some(count) = page_blocks(page, body) {
        return Pagination {
            model: Model::OneDocument,
            story: own_story,
            current: 1,
            count: Some(count),
            ..Pagination::default()
        };
    }
    let mut scan = Scan {
        origin: head.current.as_deref().and_then(origin),
        own_story: own_story.clone(),
        own_number: own.as_ref().and_then(|o| o.number),
        ..Scan::default()
    };
    scan.run(page, body, head);
    scan.add_pager(page);
    let current = scan.current();
    let count = scan.label.map(|(_, total)| total);
    // The model and story come from the first address that numbers a page: this page's own,
    // else a later page's (in the pager, or the next link's).
    let numbered = own
        .as_ref()
        .filter(|o| o.number.is_some())
        .map(|o| (o.model, o.story.to_string()))
        .or_else(|| {
            let mut later = scan.ranked.range(2..).map(|(_, u)| paged(u));
            later
                .find(|p| p.model != Model::None)
                .map(|p| (p.model, p.story.to_string()))
        });
    let (model, story, pages) = match numbered {
        Some((model, story)) => {
            let pages = addresses(
                &scan,
                model,
                &story,
                head.current.as_deref(),
                current,
                count,
            );
            (model, Some(story), pages)
        }
        None if scan.next.is_some() => (Model::Linked, own_story, Vec::new()),
        None => (Model::None, own_story, Vec::new()),
    };
    let declared_next = head.next.clone().filter(|n| scan.same_origin(n));
    let last = count.is_some_and(|c| current >= c);
    let next = declared_next
        .or_else(|| pages.get(current as usize).cloned())
        .or(scan.next)
        .filter(|_| !last);
    Pagination {
        model,
        story,
        current,
        count,
        pages,
        next,
        show_all: scan.show_all,
    }
}

/// The pages' addresses from page 1 as far as they are known without a gap: the page's own
/// links first, then addresses made from the model up to the stated count.
fn addresses(
    scan: &Scan,
    model: Model,
    story: &str,
    own: Option<&str>,
    current: u32,
    count: Option<u32>,
) -> Vec<String> {
    let mut known: BTreeMap<u32, String> = scan.ranked.clone();
    if let Some(own) = own {
        known.entry(current).or_insert_with(|| own.to_string());
    }
    let made = count.unwrap_or(1).min(MAX_PAGES);
    for n in 1..=made {
        known
            .entry(n)
            .or_insert_with(|| address_of(model, story, n));
    }
    let pages: Vec<String> = (1..=MAX_PAGES).map_while(|n| known.remove(&n)).collect();
    if pages.len() < 2 {
        return Vec::new();
    }
    pages
}

/// The address of page `n` of `story` under `model`; page 1 is the story's own address.
fn address_of(model: Model, story: &str, n: u32) -> String {
    match (model, n) {
        (_, 1) => story.to_string(),
        (Model::Query, _) => format!("{story}?{PAGE_PARAM}={n}"),
        _ => format!("{story}/{n}"),
    }
}

/// What the scan of the body and the stretch after it found.
#[derive(Default)]
struct Scan {
    /// The origin addresses must have: the page's, else the first pager link's.
    origin: Option<String>,
    own_story: Option<String>,
    own_number: Option<u32>,
    /// A count label: this page's number and the total ("Halaman 1/4").
    label: Option<(u32, u32)>,
    /// Addresses of pages by number (`rel="page-N"`, this story's numbered addresses, the pager).
    ranked: BTreeMap<u32, String>,
    /// Links whose whole text is a number, with that number and their address.
    numbered: Vec<(NodeId, u32, String)>,
    next: Option<String>,
    show_all: Option<String>,
}

impl Scan {
    /// This page's number: its address's, else its count label's, else 1.
    fn current(&self) -> u32 {
        self.own_number.or(self.label.map(|(n, _)| n)).unwrap_or(1)
    }

    /// Whether `url` is on the origin, adopting it as the origin when none is known yet.
    fn adopt(&mut self, url: &str) -> bool {
        match (&self.origin, origin(url)) {
            (Some(o), Some(u)) => *o == u,
            (None, Some(u)) => {
                self.origin = Some(u);
                true
            }
            (_, None) => false,
        }
    }

    fn same_origin(&self, url: &str) -> bool {
        self.origin.is_none() || self.origin == origin(url)
    }

    /// Reads labels and links in the body and the window after it, skipping feeds.
    fn run(&mut self, page: &Page, body: NodeId, head: &Head) {
        let end = (page.skip(body).index() + AFTER_BODY_NODES).min(page.len());
        let mut i = body.index();
        while i < end {
            let id = NodeId::new(i);
            i += 1;
            if !page.is_element(id) {
                continue;
            }
            if class_or_id_contains(page, id, FEED_HINTS) {
                i = page.skip(id).index();
                continue;
            }
            if self.label.is_none() && page.text_len(id) <= MAX_LABEL_BYTES {
                self.label = count_label(&page.text_content(id));
            }
            if page.tag(id) == "a" {
                self.link(page, id, head);
            }
        }
    }

    /// Classifies one link: "show all", a numbered page of this story, the next page, or a
    /// numbered link that may belong to a pager.
    fn link(&mut self, page: &Page, id: NodeId, head: &Head) {
        let Some(target) = page.attr(id, "href").and_then(|h| head.resolve(h)) else {
            return;
        };
        if is_show_all(page, id, &target, self.own_story.as_deref()) {
            if self.show_all.is_none() && self.adopt(&target) {
                self.show_all = Some(target);
            }
            return;
        }
        let p = paged(&target);
        let same_story = self.own_story.as_deref() == Some(p.story);
        let current = self.current();
        let rel = page.attr(id, "rel").unwrap_or("");
        let rel_page = rel
            .split_ascii_whitespace()
            .find_map(|t| t.strip_prefix("page-").and_then(page_number));
        let backwards = same_story && p.number.unwrap_or(1) <= current;
        let is_next = !backwards
            && (has_token(rel, "next")
                || rel_page == Some(current + 1)
                || (same_story && p.number == Some(current + 1))
                || says(page, id, |t| t.next_page_links));
        let next_numbered = (is_next && p.number == Some(current + 1)).then_some(current + 1);
        let number = rel_page
            .or(same_story.then(|| p.number.unwrap_or(1)))
            .or(next_numbered);
        if let Some(n) = number {
            if self.adopt(&target) {
                self.ranked.entry(n).or_insert_with(|| target.clone());
            }
        }
        if self.next.is_none() && is_next && self.adopt(&target) {
            self.next = Some(target.clone());
        }
        if self.numbered.len() < MAX_NUMBERED {
            if let Some(n) = number_of(page, id) {
                self.numbered.push((id, n, target));
            }
        }
    }

    /// Ranks the numbered links that form a pager: a group of numbered links close together
    /// ("Halaman 1 2 3 … Selanjutnya"), for pages whose own address is unknown or unnumbered.
    fn add_pager(&mut self, page: &Page) {
        let near = |a: NodeId, b: NodeId| {
            page.ancestors(a)
                .take(PAGER_LEVELS)
                .any(|x| page.contains(x, b))
        };
        let numbered = std::mem::take(&mut self.numbered);
        for (link, n, target) in &numbered {
            let in_pager = numbered
                .iter()
                .any(|(other, m, _)| m != n && near(*link, *other));
            if in_pager && self.adopt(target) {
                self.ranked.entry(*n).or_insert_with(|| target.clone());
            }
        }
    }
}

/// An address as its story, its page number and how it numbers pages.
struct Paged<'a> {
    story: &'a str,
    number: Option<u32>,
    model: Model,
}

/// Reads an address as a page of a story: `?page=N`, or a last path segment `N` (`/judul/2`).
fn paged(url: &str) -> Paged<'_> {
    let doc = document_part(url);
    if let Some(n) = query_value(url, PAGE_PARAM).and_then(|p| p.parse().ok()) {
        return Paged {
            story: doc,
            number: Some(n),
            model: Model::Query,
        };
    }
    let trimmed = doc.strip_suffix('/').unwrap_or(doc);
    let unnumbered = Paged {
        story: trimmed,
        number: None,
        model: Model::None,
    };
    let Some((story, last)) = trimmed.rsplit_once('/') else {
        return unnumbered;
    };
    match page_number(last) {
        Some(n) if !story.ends_with('/') => Paged {
            story,
            number: Some(n),
            model: Model::Path,
        },
        _ => unnumbered,
    }
}

/// A page number written as digits only, within [`MAX_PAGE_NUMBER`].
fn page_number(s: &str) -> Option<u32> {
    let all_digits = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let n: u32 = s.parse().ok().filter(|_| all_digits)?;
    (1..=MAX_PAGE_NUMBER).contains(&n).then_some(n)
}

/// Whether the link leads to the whole story on one page: an address asking for all pages
/// (`…=all`, `/all`, a known pair such as `single=1`) of this story, or a "show all" text
/// leading within the story.
fn is_show_all(page: &Page, link: NodeId, target: &str, own_story: Option<&str>) -> bool {
    let within = |story: &str| own_story.is_none_or(|o| o == story);
    let doc = document_part(target);
    let query = target[doc.len()..]
        .strip_prefix('?')
        .map_or("", |q| q.split('#').next().unwrap_or(""));
    let asks_all = query.split('&').any(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        value == ALL || ALL_QUERY_PAIRS.contains(&(key, value))
    });
    let trimmed = doc.strip_suffix('/').unwrap_or(doc);
    if asks_all {
        return within(trimmed);
    }
    if let Some(story) = trimmed.strip_suffix(ALL).and_then(|s| s.strip_suffix('/')) {
        return within(story);
    }
    own_story.is_some_and(|o| doc.starts_with(o)) && says(page, link, |t| t.show_all_links)
}

/// Whether the link text, arrows aside, is one of the tables' phrases in `field`.
fn says(page: &Page, link: NodeId, field: fn(&Table) -> &'static [&'static str]) -> bool {
    let text = normalise(&page.text_content(link));
    let bare = text.trim_matches(|c: char| ARROWS.contains(&c) || c.is_whitespace());
    let known = |t: &str| !t.is_empty() && all(field).any(|l| l == t);
    known(&text) || known(bare)
}

/// The page number a link's whole text is ("2", "[3]").
fn number_of(page: &Page, link: NodeId) -> Option<u32> {
    let text = page.text_content(link);
    page_number(
        text.trim()
            .trim_matches(|c: char| matches!(c, '[' | ']' | '(' | ')')),
    )
}

/// The count of pages shipped together in the article's container (or its parent): the highest
/// `data-page` number on a block there, when it is at least 2.
fn page_blocks(page: &Page, body: NodeId) -> Option<u32> {
    let scope = page
        .parent(body)
        .filter(|&p| !matches!(page.tag(p), "body" | "html" | ""))
        .unwrap_or(body);
    let highest = page
        .descendants(scope)
        .filter(|&id| matches!(page.tag(id), "div" | "section" | "article"))
        .filter_map(|id| page.attr(id, PAGE_BLOCK_ATTR).and_then(page_number))
        .max()?;
    (highest >= 2).then_some(highest.min(MAX_PAGES))
}

/// A count label's page number and total: a page label, then "N/M" or "N <word> M"
/// ("Halaman 1/4", "Halaman 2 dari 4", "Page 2 of 4").
fn count_label(text: &str) -> Option<(u32, u32)> {
    let text = normalise(text);
    let rest = all(|t| t.page_labels).find_map(|l| text.strip_prefix(l)?.strip_prefix(' '))?;
    let spaced = rest.replace('/', " / ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    // A joiner is needed: "Halaman 1 2" is a pager's numbers, not "1 of 2".
    let (n, m) = match tokens[..] {
        [n, joiner, m] if joiner == "/" || is_joiner_word(joiner) => (n, m),
        _ => return None,
    };
    let (n, m) = (page_number(n)?, page_number(m)?);
    (n <= m && m > 1).then_some((n, m))
}

/// A short word between two numbers ("dari", "of").
fn is_joiner_word(word: &str) -> bool {
    word.len() <= 8 && word.chars().all(char::is_alphabetic)
}

/// Whether a line of article text is a pager's or a page label, not prose: page numbers and
/// the tables' pager words only ("Halaman 2", "1 2 3 Selanjutnya", "Halaman 1/4"), with at
/// least a word or two numbers, or one number when the whole line is a link (a pager's item on
/// a line of its own). A merged story leaves such lines out.
pub(crate) fn is_pager_line(text: &str, linked: bool) -> bool {
    if text.len() > MAX_PAGER_LINE_BYTES {
        return false;
    }
    if count_label(text).is_some() {
        return true;
    }
    let text = normalise(text);
    let (mut numbers, mut words) = (0, 0);
    for token in text.split(|c: char| c.is_whitespace() || c == '/' || c == '|') {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        if token.is_empty() {
            continue;
        }
        if page_number(token).is_some() {
            numbers += 1;
        } else if is_pager_word(token) {
            words += 1;
        } else {
            return false;
        }
    }
    words > 0 || numbers > 1 || (linked && numbers == 1)
}

/// Whether `word` is part of a pager phrase of the tables (page labels, next, previous, show all).
fn is_pager_word(word: &str) -> bool {
    let fields: [fn(&Table) -> &'static [&'static str]; 4] = [
        |t| t.page_labels,
        |t| t.next_page_links,
        |t| t.previous_page_links,
        |t| t.show_all_links,
    ];
    fields
        .into_iter()
        .any(|f| all(f).any(|phrase| phrase.split(' ').any(|w| w == word)))
}
