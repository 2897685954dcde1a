//! The article object of the page's JSON-LD (`<script type="application/ld+json">`).
//!
//! Why only one object: a page carries breadcrumbs, the organisation, the website and the
//! article, sometimes as an array, sometimes under `@graph`; only the article describes the
//! article. Its type is any schema.org article or posting type (`NewsArticle`, `BlogPosting`,
//! `ReportageNewsArticle`, …). Values are read shallowly: a name, or the `name` of an object, or
//! a list of those.

use std::collections::HashSet;

use serde_json::Value;

use crate::page::Page;
use crate::text::collapse_whitespace;

/// Largest JSON-LD block parsed (bytes): an article's is a few kilobytes; a bigger one is not
/// metadata worth its parse, and a page cannot make us parse megabytes.
const MAX_BLOCK: usize = 256 * 1024;
/// JSON-LD blocks looked at per page.
const MAX_BLOCKS: usize = 16;
/// Names kept per list (authors, editors): a byline has a handful.
const MAX_NAMES: usize = 16;

/// The fields of the article object that metadata uses.
#[derive(Debug, Default)]
pub(super) struct Article {
    pub headline: Option<String>,
    pub name: Option<String>,
    pub authors: Vec<String>,
    pub editors: Vec<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub image_caption: Option<String>,
}

/// The first article object of the page's JSON-LD, if any parses.
pub(super) fn read(page: &Page) -> Option<Article> {
    page.ids()
        .filter(|&id| page.tag(id) == "script" && is_json_ld(page.attr(id, "type")))
        .take(MAX_BLOCKS)
        .filter(|&id| page.text_len(id) <= MAX_BLOCK)
        .filter_map(|id| serde_json::from_str::<Value>(strip_cdata(&page.text_content(id))).ok())
        .find_map(|doc| {
            candidates(&doc)
                .into_iter()
                .find(|o| is_article(o))
                .map(article)
        })
}

fn is_json_ld(ty: Option<&str>) -> bool {
    ty.is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
}

/// Some CMSs wrap the JSON in a CDATA section.
fn strip_cdata(s: &str) -> &str {
    let s = s.trim();
    let s = s.strip_prefix("<![CDATA[").unwrap_or(s);
    s.strip_suffix("]]>").unwrap_or(s).trim()
}

/// The top-level objects of a JSON-LD document: itself, the items of a top-level array, and the
/// items of any `@graph` among those.
fn candidates(doc: &Value) -> Vec<&Value> {
    let top: Vec<&Value> = match doc {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    top.into_iter()
        .flat_map(|v| match v.get("@graph") {
            Some(Value::Array(graph)) => graph.iter().collect(),
            _ => vec![v],
        })
        .collect()
}

fn is_article(v: &Value) -> bool {
    let is_article_type =
        |t: &str| t.ends_with("Article") || t.ends_with("Posting") || t == "Report";
    match v.get("@type") {
        Some(Value::String(t)) => is_article_type(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(is_article_type),
        _ => false,
    }
}

fn article(v: &Value) -> Article {
    let image = v.get("image").map(first);
    Article {
        headline: text(v.get("headline")),
        name: text(v.get("name")),
        authors: names(v.get("author")),
        editors: names(v.get("editor")),
        publisher: v
            .get("publisher")
            .and_then(|p| names(Some(p)).into_iter().next()),
        published: text(v.get("datePublished")),
        description: text(v.get("description")),
        image: image.and_then(|i| {
            text(Some(i))
                .or_else(|| text(i.get("url")))
                .or_else(|| text(i.get("contentUrl")))
        }),
        image_caption: image.and_then(|i| text(i.get("caption"))),
    }
}

/// The first item of an array, or the value itself.
fn first(v: &Value) -> &Value {
    match v {
        Value::Array(items) => items.first().unwrap_or(v),
        other => other,
    }
}

/// A non-empty string value, whitespace collapsed and entities decoded.
fn text(v: Option<&Value>) -> Option<String> {
    let s = collapse_whitespace(&decode_entities(v?.as_str()?));
    (!s.is_empty()).then_some(s)
}

/// Names from a string, an object's `name`, or an array of those; empty, duplicate and
/// address-like entries dropped, at most [`MAX_NAMES`] (linear in the list, however long).
fn names(v: Option<&Value>) -> Vec<String> {
    let items: &[Value] = match v {
        Some(Value::Array(items)) => items,
        Some(other) => std::slice::from_ref(other),
        None => &[],
    };
    let mut seen = HashSet::new();
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if out.len() == MAX_NAMES {
            break;
        }
        let name = text(Some(item)).or_else(|| text(item.get("name")));
        if let Some(name) = name.filter(|n| !super::looks_like_url(n)) {
            if seen.insert(name.clone()) {
                out.push(name);
            }
        }
    }
    out
}

/// Named entities JSON-LD strings carry when a CMS escapes HTML into them.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("apos", '\''),
    ("gt", '>'),
    ("lt", '<'),
    ("nbsp", ' '),
    ("quot", '"'),
];

/// Decodes the few named entities above and numeric ones (`&#39;`, `&#x2019;`).
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp + 1..];
        let decoded = tail
            .split_once(';')
            .and_then(|(name, after)| Some((entity(name)?, after)));
        match decoded {
            Some((c, after)) => {
                out.push(c);
                rest = after;
            }
            None => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    ENTITIES.iter().find(|e| e.0 == name).map(|e| e.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::parse;

    fn check(json: &str) -> Option<Article> {
        read(&parse(&format!(
            "<script type='application/ld+json'>{json}</script>"
        )))
    }

    #[test]
    fn finds_the_article_in_graphs_and_arrays() {
        let graph = r#"{"@graph":[{"@type":"BreadcrumbList","name":"x"},
            {"@type":["NewsArticle"],"headline":"Judul &amp; Isi","author":[{"name":"A"},{"name":"A"},"B"],
             "publisher":{"@type":"Organization","name":"Tribunnews"},"image":[{"url":"/i.jpg","caption":"Foto"}]}]}"#;
        let a = check(graph).unwrap();
        assert_eq!(a.headline.as_deref(), Some("Judul & Isi"));
        assert_eq!(a.authors, ["A", "B"]);
        assert_eq!(a.publisher.as_deref(), Some("Tribunnews"));
        assert_eq!(a.image.as_deref(), Some("/i.jpg"));
        assert_eq!(a.image_caption.as_deref(), Some("Foto"));
        let array = r#"[{"@type":"WebPage","headline":"no"},{"@type":"BlogPosting","headline":"yes","author":{"name":null}}]"#;
        let a = check(array).unwrap();
        assert_eq!(a.headline.as_deref(), Some("yes"));
        assert!(a.authors.is_empty());
    }

    #[test]
    fn ignores_broken_and_non_article_json() {
        assert!(check("{not json").is_none());
        assert!(check(r#"{"@type":"Organization","name":"X"}"#).is_none());
        assert_eq!(
            decode_entities("a &#39;b&#x2019; &bogus; &"),
            "a 'b\u{2019} &bogus; &"
        );
    }

    #[test]
    fn long_author_lists_are_capped_and_huge_blocks_skipped() {
        // Hostile: 20,000 distinct authors, then the same again (a quadratic de-duplication
        // would take seconds); the list keeps the first few.
        let authors: Vec<String> = (0..40_000)
            .map(|i| format!(r#"{{"name":"Penulis {}"}}"#, i % 20_000))
            .collect();
        let json = format!(
            r#"{{"@type":"NewsArticle","headline":"H","author":[{}]}}"#,
            authors.join(",")
        );
        assert!(json.len() > MAX_BLOCK, "the test block must exceed the cap");
        assert!(check(&json).is_none(), "a block over the cap is not parsed");
        let small = format!(
            r#"{{"@type":"NewsArticle","headline":"H","author":[{}]}}"#,
            authors[..3000].join(",")
        );
        let a = check(&small).unwrap();
        assert_eq!(a.authors.len(), MAX_NAMES);
        assert_eq!(a.authors[0], "Penulis 0");
    }
}
