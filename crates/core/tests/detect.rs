//! Detector tests as data: every page under `tests/fixtures/detect/` marks the blocks it expects
//! removed with `data-expect="recirculation"` or `data-expect="ad"`, and one test checks that
//! exactly those blocks, with those kinds, are removed. A second test runs the detectors over the
//! shared corpora of real pages and fails on any removal that reads like article prose.

use std::fs;
use std::path::{Path, PathBuf};

#[path = "../../../tests/common/mod.rs"]
mod common;

use bersih::{Kind, NodeId, Options, Page, PageBuilder};

/// Attribute that marks an expected block in a fixture.
const EXPECT_ATTR: &str = "data-expect=\"";

/// `Page` keeps only the attributes the analysis reads, so the helper moves each expectation into
/// `title` (kept, and read by no detector) under this prefix. Marked elements carry no title.
const EXPECT_TITLE: &str = "bersih-expect:";

/// A fixture comment `<!-- extra-phrase: … -->` adds a user lead-in to the options.
const EXTRA_PHRASE: &str = "<!-- extra-phrase:";

/// A fixture comment `<!-- expect-text: KIND TEXT -->` expects the bare text node whose
/// collapsed text is TEXT removed as KIND (text nodes cannot carry a `data-expect` mark).
const EXPECT_TEXT: &str = "<!-- expect-text:";

/// Corpus folders (under the shared corpora) checked for prose removals.
const CORPORA: &[&str] = &["id-news-html", "readability-test-pages"];

/// Readability's expected outputs sit next to its sources; only sources are pages.
const SKIPPED_FILES: &[&str] = &["expected.html"];

/// A paragraph of article prose for generated pages.
const PROSE: &str = "Pemerintah menyatakan program bantuan sosial akan terus dilanjutkan tahun \
                     depan dengan anggaran yang lebih besar dan sasaran penerima yang diperbarui.";

/// A removal longer than this with a low link density is article prose, which must never be hidden.
const PROSE_MAX_WORDS: usize = 60;

/// ... where "low" means under this share of link words.
const PROSE_MAX_LINK_DENSITY: f64 = 0.3;

#[test]
fn fixtures_remove_exactly_the_marked_blocks() {
    let dir = common::fixtures("detect");
    let mut failures = Vec::new();
    let files = html_files(&dir);
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    for path in files {
        let source = fs::read_to_string(&path).expect("readable fixture");
        if let Err(diff) = check(&source) {
            failures.push(format!(
                "{}:\n{diff}",
                path.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Every removal says which rule found it and what matched: a rule of its kind and the matched
/// text (a lead-in may head the block or stand before it: "Berita Terkait" over a list).
#[test]
fn removals_say_why() {
    use bersih::{Kind, Rule};
    let dir = common::fixtures("detect");
    let mut seen = Vec::new();
    for path in html_files(&dir) {
        let page = bersih::html::parse(&fs::read_to_string(&path).unwrap());
        for r in bersih::detect::detect(&page, &Options::default()) {
            let name = path.file_name().unwrap().to_string_lossy();
            let fits = match r.kind {
                Kind::Recirculation => matches!(r.reason.rule, Rule::LeadIn | Rule::MarkedBox),
                Kind::Ad => !matches!(
                    r.reason.rule,
                    Rule::LeadIn | Rule::MarkedBox | Rule::Boilerplate
                ),
                Kind::Boilerplate => false,
            };
            assert!(fits, "{name}: {:?} found by {:?}", r.kind, r.reason);
            assert!(!r.reason.evidence.is_empty(), "{name}: {:?}", r.reason);
            seen.push(r.reason.rule);
        }
    }
    for rule in [
        Rule::LeadIn,
        Rule::MarkedBox,
        Rule::AdAttribute,
        Rule::AdName,
        Rule::AdLabel,
    ] {
        assert!(seen.contains(&rule), "no fixture exercises {rule:?}");
    }
}

#[test]
fn corpus_removals_are_never_prose() {
    let corpora =
        common::corpora().expect("../shared/corpora is missing: the corpus check needs it");
    let mut failures = Vec::new();
    for name in CORPORA {
        let root = corpora.join(name);
        assert!(root.is_dir(), "corpus {} not found", root.display());
        for path in html_files(&root) {
            if SKIPPED_FILES.iter().any(|f| path.ends_with(f)) {
                continue;
            }
            let bytes = fs::read(&path).expect("readable page");
            let page = bersih::html::parse_bytes(&bytes);
            for removal in bersih::detect::detect(&page, &Options::default()) {
                let words = removal.text.split_whitespace().count();
                let density = link_words(&page, removal.node) as f64 / words.max(1) as f64;
                eprintln!(
                    "{}\t{:?}\t{}",
                    path.display(),
                    removal.kind,
                    describe(&page, removal.node)
                );
                if words > PROSE_MAX_WORDS && density < PROSE_MAX_LINK_DENSITY {
                    failures.push(format!(
                        "{}: {:?} {}",
                        path.display(),
                        removal.kind,
                        removal.text
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "prose removed:\n{}",
        failures.join("\n")
    );
}

#[test]
fn deep_and_wide_pages_are_handled() {
    const DEPTH: usize = 10_000;
    let kinds = |page: &Page| -> Vec<Kind> {
        let removed = bersih::detect::detect(page, &Options::default());
        removed.into_iter().map(|r| r.kind).collect()
    };
    // Built directly: html5ever itself is slow on very deep markup.
    let mut deep = PageBuilder::new();
    for _ in 0..DEPTH {
        deep.open("div", []);
    }
    deep.open("p", []);
    deep.text(PROSE);
    deep.close();
    deep.open("p", []);
    deep.open("strong", []);
    deep.text("Baca juga:");
    deep.close();
    deep.open("a", [("href", "/x")]);
    deep.text("Judul lain");
    deep.close();
    deep.close();
    deep.open("div", [("id", "div-gpt-ad-1")]);
    assert_eq!(kinds(&deep.finish()), [Kind::Recirculation, Kind::Ad]);

    let insert = "<p><strong>Baca juga:</strong> <a href=/x>Judul lain</a></p>";
    let wide = format!("<div><p>{PROSE}</p>{}</div>", insert.repeat(DEPTH));
    assert_eq!(kinds(&bersih::html::parse(&wide)).len(), DEPTH);
}

/// Runs the detectors on a fixture and compares with its marks; `Err` holds a readable diff.
fn check(source: &str) -> Result<(), String> {
    let page = bersih::html::parse(&mark_expectations(source));
    let opts = Options {
        extra_phrases: extra_phrases(source),
        ..Options::default()
    };
    let texts = comment_args(source, EXPECT_TEXT);
    let expected: Vec<(NodeId, String)> = page
        .ids()
        .filter_map(|id| {
            if page.is_text(id) {
                let text = bersih::text::collapse_whitespace(page.text(id));
                return texts.iter().find_map(|t| {
                    let (kind, want) = t.split_once(' ')?;
                    (want == text).then(|| (id, kind.to_owned()))
                });
            }
            Some((
                id,
                page.attr(id, "title")?
                    .strip_prefix(EXPECT_TITLE)?
                    .to_owned(),
            ))
        })
        .collect();
    let actual: Vec<(NodeId, String)> = bersih::detect::detect(&page, &opts)
        .into_iter()
        .map(|r| (r.node, kind_name(r.kind).to_owned()))
        .collect();
    if expected == actual {
        return Ok(());
    }
    let show = |list: &[(NodeId, String)]| -> String {
        list.iter()
            .map(|(id, kind)| format!("  {kind} {}\n", describe(&page, *id)))
            .collect()
    };
    Err(format!(
        "expected:\n{}actual:\n{}",
        show(&expected),
        show(&actual)
    ))
}

/// Rewrites `data-expect="kind"` as `title="bersih-expect:kind"` (plain string work, no parser).
fn mark_expectations(source: &str) -> String {
    source.replace(EXPECT_ATTR, &format!("title=\"{EXPECT_TITLE}"))
}

fn extra_phrases(source: &str) -> Vec<String> {
    comment_args(source, EXTRA_PHRASE)
}

/// The trimmed text after each `prefix` up to the comment's end.
fn comment_args(source: &str, prefix: &str) -> Vec<String> {
    source
        .match_indices(prefix)
        .filter_map(|(at, _)| {
            let rest = &source[at + prefix.len()..];
            Some(rest[..rest.find("-->")?].trim().to_owned())
        })
        .collect()
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Recirculation => "recirculation",
        Kind::Ad => "ad",
        Kind::Boilerplate => "boilerplate",
    }
}

/// `tag#id.class "text…"` for failure messages.
fn describe(page: &Page, id: NodeId) -> String {
    let mut res = page.tag(id).to_owned();
    if let Some(v) = page.attr(id, "id") {
        res += &format!("#{v}");
    }
    for class in page.classes(id) {
        res += &format!(".{class}");
    }
    format!("{res} {:?}", short(&page.text_content(id)))
}

fn short(text: &str) -> String {
    let collapsed = bersih::text::collapse_whitespace(text);
    collapsed.chars().take(80).collect()
}

/// Words of link text inside the subtree of `id`.
fn link_words(page: &Page, id: NodeId) -> usize {
    page.descendants(id)
        .filter(|&t| {
            page.is_text(t)
                && page
                    .ancestors(t)
                    .take_while(|&a| a != id)
                    .any(|a| page.tag(a) == "a")
        })
        .map(|t| page.text(t).split_whitespace().count())
        .sum()
}

/// Every `.html` file under `dir`, sorted, recursively.
fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut res = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("readable folder") {
            let path = entry.expect("readable entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                res.push(path);
            }
        }
    }
    res.sort();
    res
}
