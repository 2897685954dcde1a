//! Extraction quality on Mozilla Readability's test pages: mean token F1 of our `text` against
//! the text of each `expected.html`. Fails below a floor [`MIN_MEAN_F1`], and when a page loses
//! more than [`MAX_PAGE_LOSS`] against its score in `corpus-f1.tsv`; every page that moved is
//! printed. `UPDATE_EXPECT=1 cargo test --release --test corpus` rewrites the file, so a change
//! that moves a page shows in the diff.

#[path = "../../../tests/common/mod.rs"]
mod common;

use bersih::{analyse, html, Options};

/// Mean token F1 the extractor must reach on the corpus. Readability's expected texts keep some
/// junk that Bersih leaves out on purpose (newsletter sign-ups: theverge and citylab-1, 0.0004 of
/// the mean; a video player's labels), so the bar sits a little under the best mean reached
/// (0.9541); the per-page record catches a page that loses text.
const MIN_MEAN_F1: f64 = 0.953;

/// Largest fall of one page's F1 below its recorded score that passes: a rule that costs a page a
/// paragraph of its article shows as more.
const MAX_PAGE_LOSS: f64 = 0.005;

/// A page's score moved if it differs from the record by more than this (rounding).
const MOVED: f64 = 0.0005;

#[test]
fn readability_corpus_token_f1() {
    let Some(corpora) = common::corpora() else {
        panic!("../shared/corpora is missing: the corpus test needs it");
    };
    let dir = corpora.join("readability-test-pages");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    cases.sort();
    let mut scores = Vec::new();
    for case in &cases {
        let source = std::fs::read(case.join("source.html")).expect("source");
        let expected = std::fs::read(case.join("expected.html")).expect("expected");
        let want = html::parse_bytes(&expected);
        let want = want.text_content(want.root());
        let page = html::parse_bytes(&source);
        let a = analyse(
            &page,
            &Options {
                url: Some("http://fakehost/test/page.html".into()),
                ..Default::default()
            },
        );
        let got = a.article.map(|a| a.text).unwrap_or_default();
        let f1 = common::token_f1(&got, &want);
        scores.push((f1, case.file_name().unwrap().to_string_lossy().to_string()));
    }
    let record = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus-f1.tsv");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        let lines: String = scores
            .iter()
            .map(|(f1, name)| format!("{name}\t{f1:.4}\n"))
            .collect();
        std::fs::write(&record, lines).expect("write the record");
    }
    let recorded: std::collections::HashMap<String, f64> = std::fs::read_to_string(&record)
        .expect("corpus-f1.tsv (UPDATE_EXPECT=1 writes it)")
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(name, f1)| (name.to_string(), f1.parse().expect("a score")))
        .collect();
    let mut lost = Vec::new();
    for (f1, name) in &scores {
        let before = recorded.get(name).copied().unwrap_or(0.0);
        if (f1 - before).abs() > MOVED {
            println!("moved: {name} {before:.4} -> {f1:.4}");
        }
        if f1 + MAX_PAGE_LOSS < before {
            lost.push(name.clone());
        }
    }
    scores.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (f1, name) in scores.iter().take(25) {
        println!("{f1:.3} {name}");
    }
    let mean = scores.iter().map(|s| s.0).sum::<f64>() / scores.len() as f64;
    println!("mean token F1 over {} pages: {mean:.4}", scores.len());
    assert!(
        scores.len() >= 100,
        "corpus has only {} pages",
        scores.len()
    );
    assert!(
        lost.is_empty(),
        "pages below their recorded F1 (see \"moved\" above): {lost:?}"
    );
    assert!(
        mean >= MIN_MEAN_F1,
        "mean token F1 {mean:.4} < {MIN_MEAN_F1}"
    );
}
