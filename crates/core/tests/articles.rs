//! End-to-end checks on hand-written news articles in the markups of Indonesian, Malay and
//! English sites: every paragraph present, every insert and ad label absent, metadata right.
//!
//! Each folder under `tests/fixtures/articles/` holds `page.html` and `expected.json`:
//! `present`/`absent` are substrings of `text`; `removed` gives the minimum number of hidden
//! blocks per kind; the other keys are exact metadata values.

#[path = "../../../tests/common/mod.rs"]
mod common;

use std::path::Path;

use bersih::{analyse, html, Kind, Options};
use serde_json::Value;

fn check(dir: &Path) -> Vec<String> {
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    let html_src = std::fs::read(dir.join("page.html")).expect("page.html");
    let want: Value =
        serde_json::from_slice(&std::fs::read(dir.join("expected.json")).expect("expected.json"))
            .expect("json");
    let url = want["url"].as_str().map(str::to_string);
    let page = html::parse_bytes(&html_src);
    let analysis = analyse(
        &page,
        &Options {
            url,
            ..Default::default()
        },
    );
    let mut errors = Vec::new();
    let Some(article) = analysis.article.as_ref() else {
        return vec![format!("{name}: no article found ({:?})", analysis.notes)];
    };
    for s in want["present"].as_array().into_iter().flatten() {
        let s = s.as_str().unwrap();
        if !article.text.contains(s) {
            errors.push(format!("{name}: paragraph missing: {s:?}"));
        }
    }
    for s in want["absent"].as_array().into_iter().flatten() {
        let s = s.as_str().unwrap();
        if article.text.contains(s) {
            errors.push(format!("{name}: should be absent: {s:?}"));
        }
    }
    let fields = [
        ("title", Some(article.title.as_str())),
        ("byline", article.byline.as_deref()),
        ("editor", article.editor.as_deref()),
        ("published", article.published.as_deref()),
        ("site_name", article.site_name.as_deref()),
        ("next_page", article.pagination.next.as_deref()),
    ];
    for (key, got) in fields {
        if let Some(w) = want[key].as_str() {
            if got != Some(w) {
                errors.push(format!("{name}: {key} = {got:?}, want {w:?}"));
            }
        }
    }
    for (key, kind) in [("recirculation", Kind::Recirculation), ("ad", Kind::Ad)] {
        let min = want["removed"][key].as_u64().unwrap_or(0) as usize;
        let got = analysis.removed.iter().filter(|r| r.kind == kind).count();
        if got < min {
            errors.push(format!(
                "{name}: {got} {key} blocks removed, want at least {min}"
            ));
        }
    }
    errors
}

#[test]
fn article_fixtures() {
    let root = common::fixtures("articles");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("fixtures")
        .flatten()
        .map(|e| e.path())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 7, "fixtures missing");
    let errors: Vec<String> = dirs.iter().flat_map(|d| check(d)).collect();
    assert!(
        errors.is_empty(),
        "{} problems:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

/// Pages without an article, in the markups of news homepages and indexes (headline lists with
/// teaser snippets, a news index whose only text is its search form) and a page of bytes that
/// are no text: the reader says "no article found" instead of inventing one.
#[test]
fn non_article_fixtures() {
    let root = common::fixtures("non-articles");
    let mut pages: Vec<_> = std::fs::read_dir(&root)
        .expect("fixtures")
        .flatten()
        .map(|e| e.path())
        .collect();
    pages.sort();
    assert!(pages.len() >= 6, "fixtures missing");
    let accepted: Vec<String> = pages
        .iter()
        .filter_map(|p| {
            let a = analyse(
                &html::parse_bytes(&std::fs::read(p).unwrap()),
                &Options::default(),
            );
            let found =
                a.article.is_some() || !a.notes.iter().any(|n| n.starts_with("no article found"));
            found.then(|| format!("{}: {:?}", p.display(), a.notes))
        })
        .collect();
    assert!(
        accepted.is_empty(),
        "taken for articles:\n{}",
        accepted.join("\n")
    );
}
