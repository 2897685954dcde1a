//! The native adapter builds the page the live adapter is checked against: the outline of
//! `tests/fixtures/live/parity.html` parsed by html5ever must equal `parity.outline`, and
//! the browser tests (`tests/e2e/site/parity.html`) check that the extension's walk (`live.js`),
//! replayed by the wasm core, gives the same outline in Chromium and Firefox.
//! `UPDATE_EXPECT=1 cargo test --test live_parity` rewrites the expectation.

#[path = "../../../tests/common/mod.rs"]
mod common;

#[test]
fn native_outline_matches_the_recorded_one() {
    let dir = common::fixtures("live");
    let html = std::fs::read_to_string(dir.join("parity.html")).unwrap();
    let got = bersih::snapshot::outline(&bersih::html::parse(&html));
    let path = dir.join("parity.outline");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(got, want, "outline changed; UPDATE_EXPECT=1 rewrites it");
}

/// The extension's walk stops where the replay stops reading: its cap is the core's.
#[test]
fn the_walk_caps_ops_where_the_replay_does() {
    let js = std::fs::read_to_string(common::repo().join("extension/live.js")).unwrap();
    let stated = js
        .lines()
        .find_map(|l| l.trim().strip_prefix("const MAX_OPS = "))
        .and_then(|v| v.trim_end_matches(';').parse::<usize>().ok());
    assert_eq!(stated, Some(bersih::snapshot::MAX_OPS));
}

/// The page-load path reads the page back from the browser's serialisation of it
/// (`bersih::markup`): on the parity fixture and every corpus page, the markup written from
/// html5ever's tree, as a browser's `outerHTML` writes it, reads back into the same outline.
#[test]
fn serialised_pages_read_back_as_parsed() {
    let mut pages = vec![common::fixtures("live/parity.html")];
    if let Some(corpora) = common::corpora() {
        pages.extend(common::readability_pages());
        // The Indonesian pages sit one folder down, by source.
        let dirs = std::fs::read_dir(corpora.join("id-news-html"))
            .into_iter()
            .flatten();
        let files = dirs
            .flatten()
            .flat_map(|d| std::fs::read_dir(d.path()).into_iter().flatten());
        let mut more: Vec<_> = files
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .collect();
        assert!(!more.is_empty(), "no Indonesian pages found");
        more.sort();
        pages.extend(more);
    }
    for path in &pages {
        let page = bersih::html::parse_bytes(&std::fs::read(path).unwrap());
        let markup = serialise(&page);
        let located = bersih::markup::parse_located(&markup);
        let (want, got) = (outline(&page), outline(&located.traced.page));
        if let Some(line) = want.lines().zip(got.lines()).position(|(w, g)| w != g) {
            panic!(
                "{}: line {line} differs:\n want {:?}\n got  {:?}",
                path.display(),
                want.lines().nth(line),
                got.lines().nth(line)
            );
        }
        assert_eq!(want.len(), got.len(), "{}", path.display());
        let elements = page.ids().filter(|&id| page.is_element(id)).count();
        assert_eq!(located.elements as usize, elements, "{}", path.display());
    }
}

use bersih::page::Page;
use bersih::snapshot::outline;

/// A page written out as the HTML serialisation algorithm writes a DOM: start and end tags,
/// none for void elements, values double-quoted, text escaped except in raw-text elements. The
/// hidden flag a dropped attribute gave is written as `hidden`.
fn serialise(page: &Page) -> String {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    const RAW: &[&str] = &[
        "script",
        "style",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "plaintext",
        "noscript",
    ];
    let mut out = String::new();
    let mut open = Vec::new();
    for id in page.ids().skip(1) {
        while let Some(&top) = open.last() {
            if page.contains(top, id) {
                break;
            }
            out.push_str(&format!("</{}>", page.tag(top)));
            open.pop();
        }
        let parent = page.parent(id).unwrap();
        if page.is_text(id) {
            let text = page.text(id);
            if RAW.contains(&page.tag(parent)) {
                out.push_str(text);
            } else {
                out.push_str(&escape(text, false));
            }
            continue;
        }
        out.push('<');
        out.push_str(page.tag(id));
        for (name, value) in page.attrs(id) {
            out.push_str(&format!(" {name}=\"{}\"", escape(value, true)));
        }
        if page.is_hidden(id) && !page.is_hidden(parent) {
            out.push_str(" hidden=\"\"");
        }
        out.push('>');
        if !VOID.contains(&page.tag(id)) {
            open.push(id);
        }
    }
    for id in open.into_iter().rev() {
        out.push_str(&format!("</{}>", page.tag(id)));
    }
    out
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '"' if attribute => out.push_str("&quot;"),
            '<' if !attribute => out.push_str("&lt;"),
            '>' if !attribute => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}
