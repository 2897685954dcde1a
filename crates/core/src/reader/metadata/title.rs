//! The headline, and the `<h1>` that prints it.
//!
//! Why two cleaning rules: a declared headline (JSON-LD, `og:title`) is meant to be the headline,
//! so only a trailing or leading site name is cut from it ("Judul - Tribunnews.com"); the
//! `<title>` is a browser-tab label, so, as Firefox's Reader View does, it is cut at its
//! separators, keeping the headline-sized part. Either way the page's own `<h1>` settles doubt,
//! and the `<h1>` the reader sees over the article wins over a declared headline worded
//! otherwise: declared ones are often written for search engines or cut mid-word.

use super::head::Head;
use super::is_domain;
use super::jsonld::Article;
use crate::page::{NodeId, Page};
use crate::text::{collapse_whitespace, normalise, word_count};

/// The headline and the heading that shows it.
pub(super) struct Title {
    pub text: Option<String>,
    pub heading: Option<NodeId>,
}

/// Separators between a headline and a site name, with the spaces they need around them.
const SEPARATORS: &[&str] = &[
    " | ", " |", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / ", " : ",
];

/// A part of a `<title>` shorter than this many words is not a headline (Firefox uses the same
/// count to decide which side of a separator to keep).
const MIN_HEADLINE_WORDS: usize = 3;

/// Headings compared with the title: a page has one or two `<h1>`; more are section heads.
const MAX_HEADINGS: usize = 8;

/// Site names shorter than this many letters are too short to match loosely ("X" in "XL Axiata").
const MIN_SITE_NAME_CHARS: usize = 4;

/// Letters a title part may add to the site name and still be it ("Tribunnews" + "com",
/// "Republika" + "online"); a longer part is a headline that mentions the site.
const SITE_SUFFIX_CHARS: usize = 6;

/// Meta keys holding a declared headline, best first.
const TITLE_KEYS: &[&str] = &["dc:title", "dcterm:title", "og:title", "twitter:title"];

pub(super) fn find(
    page: &Page,
    body: Option<NodeId>,
    head: &Head,
    article: Option<&Article>,
    site_name: Option<&str>,
) -> Title {
    let headings = headings(page);
    let declared = article
        .and_then(|a| article_title(a, head, &headings))
        .or_else(|| head.get(TITLE_KEYS).map(str::to_string));
    let text = declared
        .map(|t| cut_site_name(&t, site_name, &headings))
        .or_else(|| {
            head.title
                .as_deref()
                .map(|t| cut_tab_label(t, site_name, &headings))
        })
        .filter(|t| !t.is_empty())
        .or_else(|| {
            let in_body = headings
                .iter()
                .find(|h| body.is_some_and(|b| page.contains(b, h.0)));
            in_body.or(headings.first()).map(|h| h.1.clone())
        });
    if let Some(shown) = body.and_then(|b| shown(page, b, &headings, site_name)) {
        if text
            .as_deref()
            .is_none_or(|t| squash(t) != squash(&shown.1))
        {
            return Title {
                text: Some(shown.1.clone()),
                heading: Some(shown.0),
            };
        }
    }
    let heading = text.as_deref().and_then(|t| {
        let key = normalise(t);
        headings
            .iter()
            .find(|h| normalise(&h.1) == key)
            .map(|h| h.0)
    });
    Title { text, heading }
}

/// The headline the page shows for the article at `body`: its first `<h1>`, else the last one
/// before it, when that is headline-sized and not the site's name (a logo).
fn shown<'h>(
    page: &Page,
    body: NodeId,
    headings: &'h [(NodeId, String)],
    site_name: Option<&str>,
) -> Option<&'h (NodeId, String)> {
    let h = headings
        .iter()
        .find(|h| page.contains(body, h.0))
        .or_else(|| headings.iter().rev().find(|h| h.0 < body))?;
    let site = site_name.is_some_and(|s| same_site(&h.1, s)) || is_domain(&h.1);
    (word_count(&h.1) >= MIN_HEADLINE_WORDS && !site).then_some(h)
}

/// The article's `headline`, or its `name` when only the name is the page's heading or part of
/// its `<title>` (Wikipedia puts a description in `headline`).
fn article_title(article: &Article, head: &Head, headings: &[(NodeId, String)]) -> Option<String> {
    let (Some(headline), Some(name)) = (&article.headline, &article.name) else {
        return article.headline.clone().or_else(|| article.name.clone());
    };
    let shown = |t: &str| {
        matches_heading(t, headings)
            || head
                .title
                .as_deref()
                .is_some_and(|d| squash(d).contains(&squash(t)))
    };
    let pick = if !shown(headline) && shown(name) {
        name
    } else {
        headline
    };
    Some(pick.clone())
}

/// Visible `<h1>` elements with text, in document order.
fn headings(page: &Page) -> Vec<(NodeId, String)> {
    page.ids()
        .filter(|&id| page.tag(id) == "h1" && !page.is_hidden(id))
        .map(|id| (id, collapse_whitespace(&page.text_content(id))))
        .filter(|h| !h.1.is_empty())
        .take(MAX_HEADINGS)
        .collect()
}

/// Whether `s` is the text of one of the headings, case, spacing and punctuation aside (a
/// heading may end in a permalink mark such as "¶").
fn matches_heading(s: &str, headings: &[(NodeId, String)]) -> bool {
    let key = squash(s);
    !key.is_empty() && headings.iter().any(|h| squash(&h.1) == key)
}

/// Lower-case letters and digits only.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A title split at its first and at its last separator.
struct Ends<'a> {
    /// Before the last separator.
    head: &'a str,
    /// After the last separator.
    last: &'a str,
    /// Before the first separator.
    first: &'a str,
    /// After the first separator.
    tail: &'a str,
}

fn split_ends(title: &str) -> Option<Ends<'_>> {
    let first = SEPARATORS
        .iter()
        .filter_map(|s| title.find(s).map(|i| (i, s.len())))
        .min()?;
    let last = SEPARATORS
        .iter()
        .filter_map(|s| title.rfind(s).map(|i| (i, s.len())))
        .max()?;
    Some(Ends {
        head: title[..last.0].trim(),
        last: title[last.0 + last.1..].trim(),
        first: title[..first.0].trim(),
        tail: title[first.0 + first.1..].trim(),
    })
}

/// A declared headline with a site name cut from one end, when one end is the site name, a bare
/// domain, or the rest is the page's `<h1>`.
fn cut_site_name(title: &str, site_name: Option<&str>, headings: &[(NodeId, String)]) -> String {
    let title = collapse_whitespace(title);
    if matches_heading(&title, headings) {
        return title;
    }
    let Some(ends) = split_ends(&title) else {
        return title;
    };
    let is_site = |part: &str| site_name.is_some_and(|s| same_site(part, s)) || is_domain(part);
    // A heading matching the shorter end is the site's logo, not the headline.
    let heading = |part: &str, other: &str| {
        matches_heading(part, headings) && word_count(part) >= word_count(other)
    };
    if heading(ends.head, ends.last) || is_site(ends.last) {
        ends.head.to_string()
    } else if heading(ends.tail, ends.first) || is_site(ends.first) {
        ends.tail.to_string()
    } else {
        title
    }
}

/// A `<title>` cut to its headline: a part matching the `<h1>` or next to the site name wins;
/// else the part before the last separator if it is headline-sized, else the part after the
/// first one.
fn cut_tab_label(title: &str, site_name: Option<&str>, headings: &[(NodeId, String)]) -> String {
    let cut = cut_site_name(title, site_name, headings);
    if cut != collapse_whitespace(title) {
        return cut;
    }
    let Some(ends) = split_ends(&cut) else {
        return cut;
    };
    if word_count(ends.head) >= MIN_HEADLINE_WORDS {
        ends.head.to_string()
    } else if word_count(ends.tail) >= MIN_HEADLINE_WORDS {
        ends.tail.to_string()
    } else {
        cut
    }
}

/// Whether a title part names the site once case, spaces and punctuation are ignored: equal,
/// a piece of the name ("Republika" of "Republika Online"), the name with a short suffix
/// ("Tribunnews.com" for "Tribunnews"), or the name and a section ("Kompas.com Regional").
fn same_site(part: &str, site_name: &str) -> bool {
    let (part, site) = (squash(part), squash(site_name));
    let part_in_site = part.chars().count() >= MIN_SITE_NAME_CHARS && site.contains(&part);
    let site_in_part = site.chars().count() >= MIN_SITE_NAME_CHARS
        && (part.starts_with(&site)
            || part.contains(&site)
                && part.chars().count() <= site.chars().count() + SITE_SUFFIX_CHARS);
    !part.is_empty() && (part == site || part_in_site || site_in_part)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heads(texts: &[&str]) -> Vec<(NodeId, String)> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| (NodeId::new(i + 1), t.to_string()))
            .collect()
    }

    /// A title whose short end is the page's logo heading.
    const LOGO_TITLE: &str = "Catatan Perjalanan ke Gunung @ Blog Saya :: Pixnet ::";

    #[test]
    fn declared_titles_lose_only_a_site_name() {
        assert_eq!(
            cut_site_name("Judul Artikel - Tribunnews.com", None, &[]),
            "Judul Artikel"
        );
        assert_eq!(
            cut_site_name(
                "Judul Artikel |Republika Online",
                Some("Republika Online"),
                &[]
            ),
            "Judul Artikel"
        );
        assert_eq!(
            cut_site_name("Kompas.com - Judul Artikel Ini", None, &[]),
            "Judul Artikel Ini"
        );
        assert_eq!(
            cut_site_name(
                "Judul Artikel - Kompas.com Regional",
                Some("KOMPAS.com"),
                &[]
            ),
            "Judul Artikel"
        );
        assert_eq!(
            cut_site_name(LOGO_TITLE, Some("Blog Saya"), &heads(&["Pixnet"])),
            LOGO_TITLE
        );
        assert_eq!(
            cut_site_name("Jokowi - Prabowo Bertemu", None, &[]),
            "Jokowi - Prabowo Bertemu"
        );
        assert_eq!(
            cut_site_name("A - B - Situs", None, &heads(&["A - B"])),
            "A - B"
        );
    }

    #[test]
    fn tab_labels_keep_the_headline_sized_part() {
        assert_eq!(
            cut_tab_label("Contoh Judul Berita Detik - detikNews", None, &[]),
            "Contoh Judul Berita Detik"
        );
        assert_eq!(
            cut_tab_label("Blog | Why Rust Wins Everywhere", None, &[]),
            "Why Rust Wins Everywhere"
        );
        assert_eq!(cut_tab_label("Short - Site", None, &[]), "Short - Site");
    }
}
