//! Helpers shared by the integration tests of every crate (each includes this file by path):
//! fixture and corpus locations, token F1 (`cli.rs` runs the binary, for the CLI crate).

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::PathBuf;

/// The repository's root (the test crates sit two levels below it).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A file or folder under the repository's `tests/fixtures`.
pub fn fixtures(rel: &str) -> PathBuf {
    repo().join("tests/fixtures").join(rel)
}

/// The shared corpora folder: `$BERSIH_SHARED/corpora`, else `../shared/corpora` beside the
/// repository, if present.
pub fn corpora() -> Option<PathBuf> {
    let shared = std::env::var_os("BERSIH_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared"));
    let dir = shared.join("corpora");
    dir.is_dir().then_some(dir)
}

/// The `source.html` of every page of Mozilla Readability's test set, sorted (the benchmarks'
/// corpus); panics without the shared corpora.
pub fn readability_pages() -> Vec<PathBuf> {
    let dir = corpora()
        .expect("../shared/corpora (or $BERSIH_SHARED/corpora) is missing")
        .join("readability-test-pages");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path().join("source.html"))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Lower-case alphanumeric tokens of a text.
pub fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Token-level F1 of `got` against `want` (bag of words).
pub fn token_f1(got: &str, want: &str) -> f64 {
    let mut bag: HashMap<String, i64> = HashMap::new();
    let want = tokens(want);
    let got = tokens(got);
    if want.is_empty() && got.is_empty() {
        return 1.0;
    }
    for t in &want {
        *bag.entry(t.clone()).or_default() += 1;
    }
    let mut common = 0;
    for t in &got {
        if let Some(n) = bag.get_mut(t) {
            if *n > 0 {
                *n -= 1;
                common += 1;
            }
        }
    }
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / got.len() as f64;
    let r = common as f64 / want.len() as f64;
    2.0 * p * r / (p + r)
}
