//! What the document declares outside its text: `<meta>` pairs, `<title>`, `<link>` relations,
//! `<base href>`, and the page's own address.
//!
//! Why keys are normalised: the same property arrives as `property="og:title"`,
//! `name="DC.title"` or `property="dc:creator og:title"` (several space-separated), so keys are
//! lower-cased, `.` becomes `:`, and each token of a multi-valued attribute is its own key.

use crate::page::Page;
use crate::text::collapse_whitespace;
use crate::url;

/// The declared metadata of a page.
pub(super) struct Head {
    /// `(key, content)` for every `<meta>` with content, in document order.
    metas: Vec<(String, String)>,
    /// The text of `<title>`.
    pub title: Option<String>,
    /// `href` of `<link rel=next>`.
    pub next: Option<String>,
    /// The page's address: the given URL, else its canonical or `og:url` address.
    pub current: Option<String>,
    /// The address relative links resolve against: `<base href>` over [`Head::current`].
    pub base: Option<String>,
}

impl Head {
    pub fn read(page: &Page, url: Option<&str>) -> Head {
        let mut metas = Vec::new();
        let mut title = None;
        let mut canonical = None;
        let mut next = None;
        let mut base_href = None;
        for id in page.ids() {
            match page.tag(id) {
                "meta" => push_meta(page, id, &mut metas),
                "title" if title.is_none() => {
                    title = Some(collapse_whitespace(&page.text_content(id)))
                }
                "link" => {
                    let href = page.attr(id, "href").map(str::to_string);
                    let rel = page.attr(id, "rel").unwrap_or("");
                    if has_token(rel, "canonical") && canonical.is_none() {
                        canonical = href;
                    } else if has_token(rel, "next") && next.is_none() {
                        next = href;
                    }
                }
                "base" if base_href.is_none() => {
                    base_href = page.attr(id, "href").map(str::to_string)
                }
                _ => {}
            }
        }
        let mut head = Head {
            metas,
            title: title.filter(|t| !t.is_empty()),
            next,
            current: None,
            base: None,
        };
        let declared = canonical.or_else(|| head.get(&["og:url"]).map(str::to_string));
        head.current = url
            .map(str::to_string)
            .or(declared)
            .and_then(|u| url::resolve(&u, ""));
        head.base = match (&head.current, base_href) {
            (Some(current), Some(href)) => url::resolve(current, &href).or(head.current.clone()),
            (None, Some(href)) => url::resolve(&href, ""),
            (current, None) => current.clone(),
        };
        if let Some(next) = head.next.take() {
            head.next = head.resolve(&next);
        }
        head
    }

    /// The first non-empty content among `keys`, in the order of `keys`.
    pub fn get(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(key, v)| key == k && !v.is_empty())
                .map(|m| m.1.as_str())
        })
    }

    /// `href` made absolute against the base; `None` when that is impossible or not `http(s)`.
    pub fn resolve(&self, href: &str) -> Option<String> {
        match &self.base {
            Some(base) => url::resolve(base, href),
            None => url::resolve(href, ""),
        }
    }
}

fn push_meta(page: &Page, id: crate::page::NodeId, metas: &mut Vec<(String, String)>) {
    let Some(content) = page.attr(id, "content") else {
        return;
    };
    let content = collapse_whitespace(content);
    let keys = ["property", "name", "itemprop"]
        .into_iter()
        .filter_map(|a| page.attr(id, a));
    for key in keys.flat_map(str::split_ascii_whitespace) {
        metas.push((key.to_ascii_lowercase().replace('.', ":"), content.clone()));
    }
}

/// Whether a space-separated attribute value (`rel`, `itemprop`) holds `token`.
pub(super) fn has_token(value: &str, token: &str) -> bool {
    value
        .split_ascii_whitespace()
        .any(|t| t.eq_ignore_ascii_case(token))
}
