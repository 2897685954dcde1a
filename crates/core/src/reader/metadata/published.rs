//! When the article was published, and the visible date line that prints it.
//!
//! Why declared sources first: `article:published_time` and JSON-LD `datePublished` carry the
//! zone; printed dates often do too ("WIB") but sit among "Diperbarui"/"Updated" lines, related
//! links and comments. Every candidate goes through [`dates::parse`], so a declared value in a
//! printed format (tempo's "24 Juli 2026 | 09.00 WIB" meta) still comes out as ISO 8601.

use super::head::{has_token, Head};
use super::jsonld::Article;
use super::Scope;
use crate::page::{NodeId, Page};
use crate::reader::dates;

/// The publication time and the visible element printing a date near the headline.
pub(super) struct Published {
    pub value: Option<String>,
    pub node: Option<NodeId>,
}

/// Meta keys of the publication time, best first (`jpnncom_news_pubdate` is jpnn's).
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "dc:date",
    "dcterms:created",
    "parsely-pub-date",
    "sailthru:date",
    "jpnncom_news_pubdate",
    "date",
];

/// A date line is short ("Jum'at, 24 Juli 2026 | 07:08 WIB" is 32 characters); longer text is
/// prose that mentions a date.
const DATE_LINE_MAX_CHARS: usize = 100;

/// Nodes in an element whose text is read as a date line: a few spans at most.
const DATE_LINE_MAX_NODES: usize = 12;

/// Levels climbed from a date's text node: the date and the time are often split into sibling
/// spans, whose parent or grandparent holds both.
const DATE_CLIMB: usize = 2;

pub(super) fn find(
    page: &Page,
    scope: &Scope,
    head: &Head,
    article: Option<&Article>,
) -> Published {
    let node = date_line(page, scope);
    let candidates = [
        head.get(DATE_KEYS).and_then(dates::parse),
        article
            .and_then(|a| a.published.as_deref())
            .and_then(dates::parse),
        marked_date(page, scope),
        node.and_then(|n| parse_element(page, n)),
    ];
    let value = best_candidate(candidates.into_iter().flatten().collect());
    Published { value, node }
}

/// The first candidate, unless a later one names the same day with a zone offset: a declared
/// local time ("2026-02-11 14:20:00") is completed by a printed "… 14:20 WIB".
fn best_candidate(candidates: Vec<String>) -> Option<String> {
    let first = candidates.first()?;
    let has_offset = |c: &str| c.len() > 19;
    if has_offset(first) {
        return Some(first.clone());
    }
    let day = first.get(..10).unwrap_or(first);
    candidates
        .iter()
        .find(|c| has_offset(c) && c.starts_with(day))
        .or(Some(first))
        .cloned()
}

/// A `<time datetime>` or an `itemprop=datePublished` element in scope.
fn marked_date(page: &Page, scope: &Scope) -> Option<String> {
    let time = scope
        .ids()
        .filter(|&id| page.tag(id) == "time")
        .find_map(|id| dates::parse(page.attr(id, "datetime")?));
    time.or_else(|| {
        let marked = scope.ids().filter(|&id| {
            page.attr(id, "itemprop")
                .is_some_and(|p| has_token(p, "datepublished"))
        });
        marked
            .map(|id| {
                let attr = page
                    .attr(id, "content")
                    .or(page.attr(id, "datetime"))
                    .map(str::to_string);
                attr.unwrap_or_else(|| page.text_content(id))
            })
            .find_map(|v| dates::parse(&v))
    })
}

/// The first short element in scope whose text is a date: from the first date-bearing text
/// node, the ancestor (up to [`DATE_CLIMB`] levels) that gives the most complete date, the
/// innermost on a tie.
fn date_line(page: &Page, scope: &Scope) -> Option<NodeId> {
    let texts = scope
        .ids()
        .filter(|&id| page.is_text(id) && !page.is_hidden(id));
    let first = texts
        .filter(|&id| page.parent(id).is_some_and(|p| page.tag(p) != "script"))
        .filter(|&id| {
            page.text(id).len() <= DATE_LINE_MAX_CHARS
                && page.text(id).bytes().any(|b| b.is_ascii_digit())
        })
        .find_map(|id| {
            let parent = page.parent(id)?;
            parse_element(page, parent).map(|_| parent)
        })?;
    let climb = std::iter::once(first).chain(page.ancestors(first).take(DATE_CLIMB));
    let parsed = climb
        .take_while(|&a| page.is_element(a))
        .filter_map(|a| Some((parse_element(page, a)?, a)));
    parsed.max_by_key(|(v, a)| (v.len(), *a)).map(|(_, a)| a)
}

/// The date an element's text prints, if the element is a short line.
fn parse_element(page: &Page, id: NodeId) -> Option<String> {
    if page.subtree(id).len() > DATE_LINE_MAX_NODES {
        return None;
    }
    let text = super::lines(page, id).join(" ");
    (text.chars().count() <= DATE_LINE_MAX_CHARS).then(|| dates::parse(&text))?
}
