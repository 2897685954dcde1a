//! Article metadata: title, credits (byline, editor, source), site, publication time, lead image,
//! description and the pagination of a story split over pages ([`pagination`]).
//!
//! Why this order of sources: what a page declares for machines (JSON-LD, `<meta>`) is written
//! once by the CMS and survives re-templating, so it wins; the visible page is the fallback, read
//! only near the headline and in the article body, where credits and dates are printed. The
//! visible credit and date lines inside the body are reported in [`Metadata::consumed`], so the
//! article text does not repeat them.
//!
//! Invariants: every scan is a loop over the arena or a bounded window of it; text is read only
//! from elements whose subtree is small, so no scan is quadratic; language knowledge (labels, link
//! texts, month names) comes from [`crate::lang`].

mod credits;
mod head;
pub(super) mod image;
mod jsonld;
pub mod pagination;
mod published;
mod title;

use crate::analysis::LeadImage;
use crate::page::{NodeId, Page};
use crate::text::collapse_whitespace;

/// What the page says about its article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Headline, without the site name the `<title>` often carries.
    pub title: Option<String>,
    /// Authors, joined with ", ".
    pub byline: Option<String>,
    /// Editor ("Editor: …", "Red: …").
    pub editor: Option<String>,
    /// Source attribution ("Sumber: Antara").
    pub source: Option<String>,
    /// Publication name.
    pub site_name: Option<String>,
    /// Publication time, ISO 8601 (see [`crate::reader::dates::parse`]).
    pub published: Option<String>,
    /// Lead image, its address absolute when the page address is known.
    pub lead_image: Option<LeadImage>,
    /// Short summary the page declares.
    pub description: Option<String>,
    /// How the story is split over pages, and where they are.
    pub pagination: pagination::Pagination,
    /// Nodes inside the body whose text became metadata (credit lines, the date line, the
    /// headline), in document order: the article text leaves them out.
    pub consumed: Vec<NodeId>,
}

/// What the page declares about itself in its head and JSON-LD: read once, before the body is
/// known, and reused by [`read_with`].
pub struct Declared {
    head: head::Head,
    article: Option<jsonld::Article>,
    site_name: Option<String>,
    title: Option<String>,
}

impl Declared {
    /// The headline as far as it is known without the body.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
}

/// Reads the head and JSON-LD of `page`; `url` is the page address.
pub fn declared(page: &Page, url: Option<&str>) -> Declared {
    let head = head::Head::read(page, url);
    let article = jsonld::read(page);
    let site_name = site_name(&head, article.as_ref());
    let title = title::find(page, None, &head, article.as_ref(), site_name.as_deref()).text;
    Declared {
        head,
        article,
        site_name,
        title,
    }
}

/// Reads the metadata of `page`. `body` is the article container, when known: credit and date
/// lines inside it are reported as consumed, and the pager is looked for in and after it.
/// `url` is the page address, used to resolve links and images.
pub fn read(page: &Page, body: Option<NodeId>, url: Option<&str>) -> Metadata {
    read_with(page, body, &declared(page, url))
}

/// [`read`] with the declared part already read.
pub fn read_with(page: &Page, body: Option<NodeId>, declared: &Declared) -> Metadata {
    let Declared {
        head,
        article,
        site_name,
        ..
    } = declared;
    let article = article.as_ref();
    let title = title::find(page, body, head, article, site_name.as_deref());
    let scope = Scope::new(page, body, title.heading);
    let credits = credits::find(page, &scope, head, article);
    let published = published::find(page, &scope, head, article);
    let mut consumed: Vec<NodeId> = [title.heading, credits.byline_node, published.node]
        .into_iter()
        .flatten()
        .chain(credits.lines)
        .filter(|&id| body.is_some_and(|b| page.contains(b, id)))
        .collect();
    consumed.sort();
    consumed.dedup();
    Metadata {
        title: title.text,
        byline: credits.byline,
        editor: credits.editor,
        source: credits.source,
        site_name: site_name.clone(),
        published: published.value,
        lead_image: image::find(page, body, head, article),
        description: description(head, article),
        pagination: body.map_or_else(Default::default, |b| pagination::read(page, b, head)),
        consumed,
    }
}

/// The stretch of the page where visible credits and dates are looked for: from the block around
/// the headline (or the body) to the end of the body.
struct Scope {
    start: NodeId,
    end: NodeId,
}

impl Scope {
    fn new(page: &Page, body: Option<NodeId>, heading: Option<NodeId>) -> Scope {
        let page_body = page.find_tag("body").unwrap_or(page.root());
        // The grandparent of the headline holds the header block: credits and dates printed
        // above the headline (republika) or beside it stay in scope.
        let around_heading = heading.map(|h| page.ancestors(h).nth(1).unwrap_or(page_body));
        let start = around_heading
            .into_iter()
            .chain(body)
            .min()
            .unwrap_or(page_body)
            .max(page_body);
        let end = body.map_or(NodeId::new(page.len()), |b| page.skip(b));
        Scope {
            start,
            end: end.max(start),
        }
    }

    fn ids(&self) -> impl Iterator<Item = NodeId> {
        (self.start.index()..self.end.index()).map(NodeId::new)
    }
}

/// Meta keys naming the publication, best first.
const SITE_NAME_KEYS: &[&str] = &["og:site_name", "application-name"];

fn site_name(head: &head::Head, article: Option<&jsonld::Article>) -> Option<String> {
    let declared = head.get(SITE_NAME_KEYS).filter(|v| !looks_like_url(v));
    declared
        .map(str::to_string)
        .or_else(|| article?.publisher.clone())
}

/// Meta keys carrying a summary, best first.
const DESCRIPTION_KEYS: &[&str] = &["og:description", "description", "dc:description"];

fn description(head: &head::Head, article: Option<&jsonld::Article>) -> Option<String> {
    let declared = head.get(DESCRIPTION_KEYS).map(str::to_string);
    let from_article = || article.and_then(|a| a.description.clone());
    let twitter = || head.get(&["twitter:description"]).map(str::to_string);
    declared.or_else(from_article).or_else(twitter)
}

fn looks_like_url(s: &str) -> bool {
    let s = s.trim_start();
    ["http://", "https://", "//", "www."]
        .iter()
        .any(|p| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
}

/// Whether `s` holds an address or a bare domain ("VIVA.co.id", "tempo.co"): no person's name.
fn mentions_domain(s: &str) -> bool {
    looks_like_url(s) || crate::text::words(s).any(is_domain)
}

/// A single token like "tempo.co" or "SINDOnews.com".
fn is_domain(part: &str) -> bool {
    let Some((name, tld)) = part.rsplit_once('.') else {
        return false;
    };
    !part.contains(char::is_whitespace)
        && !name.is_empty()
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
}

/// Whether the element starts a new line of a credit or date line. Table cells do not: a row
/// is one line ("<td>Penulis</td><td>: Ana</td>" reads "Penulis : Ana", kompas 2015).
fn is_block(tag: &str) -> bool {
    crate::tags::starts_line(tag) && !matches!(tag, "td" | "th")
}

/// Characters that need no space before them when inline elements meet ("<a>Ana</a>, <a>Budi</a>").
const NO_SPACE_BEFORE: &[char] = &[',', '.', ';', ':', '!', '?', ')', ' ', '\n', '\t'];

/// The visible text of a small subtree as lines, whitespace collapsed: a block boundary starts a
/// new line, and text in neighbouring inline elements is spaced ("<span>Oleh</span><a>Ana</a>"
/// reads "Oleh Ana"). Call only on small subtrees; the cost is linear in the subtree.
fn lines(page: &Page, id: NodeId) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut open_blocks: Vec<NodeId> = Vec::new();
    let mut last_parent = None;
    for node in page.descendants(id) {
        let closed = open_blocks
            .iter()
            .rposition(|&b| page.skip(b) > node)
            .map_or(0, |i| i + 1);
        let mut new_line = closed < open_blocks.len();
        open_blocks.truncate(closed);
        if page.is_element(node) && is_block(page.tag(node)) {
            open_blocks.push(node);
            new_line = true;
        }
        if new_line && !out.last().is_some_and(String::is_empty) {
            out.push(String::new());
        }
        if !page.is_text(node) || page.is_hidden(node) {
            continue;
        }
        let line = out.last_mut().expect("never empty");
        let text = page.text(node);
        let glued = line.is_empty()
            || line.ends_with(char::is_whitespace)
            || text.starts_with(NO_SPACE_BEFORE);
        if page.parent(node) != last_parent && !glued {
            line.push(' ');
        }
        line.push_str(text);
        last_parent = page.parent(node);
    }
    out.into_iter()
        .map(|l| collapse_whitespace(&l))
        .filter(|l| !l.is_empty())
        .collect()
}

/// Whether `haystack` contains the lower-case ASCII `needle`, ignoring ASCII case, without
/// allocating (it runs on every element in scope).
fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// Whether the element's `id` or one of its classes contains any of `needles` (lower case).
fn class_or_id_contains(page: &Page, id: NodeId, needles: &[&str]) -> bool {
    let mut names = page.attr(id, "id").into_iter().chain(page.classes(id));
    names.any(|n| needles.iter().any(|k| contains_ignore_ascii_case(n, k)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse;

    #[test]
    fn lines_break_at_blocks_and_space_inline_neighbours() {
        let page = parse("<div id=x><span>Oleh</span><a>Ana</a>, <a>Budi</a><div>Editor: <b>Budi</b></div>Akhir<br>Baris</div>");
        let x = page
            .ids()
            .find(|&i| page.attr(i, "id") == Some("x"))
            .unwrap();
        assert_eq!(
            lines(&page, x),
            ["Oleh Ana, Budi", "Editor: Budi", "Akhir", "Baris"]
        );
    }

    #[test]
    fn line_breaking_tags() {
        assert!(is_block("p") && is_block("br") && !is_block("span"));
    }
}
