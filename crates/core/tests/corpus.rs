//! Extraction quality on Mozilla Readability's test pages: mean token F1 of our `text` against
//! the text of each `expected.html`. Fails below the bar the issue sets.

#[path = "../../../tests/common/mod.rs"]
mod common;

use bersih::{analyse, html, Options};

/// Mean token F1 the extractor must reach on the corpus.
const MIN_MEAN_F1: f64 = 0.954;

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
        mean >= MIN_MEAN_F1,
        "mean token F1 {mean:.4} < {MIN_MEAN_F1}"
    );
}
