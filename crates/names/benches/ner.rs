//! Tagging speed of the entity recogniser on the idner-news-2k dev sentences (pre-tokenised),
//! in tokens per second. The budget is one million tokens per second natively. Also the cost of
//! loading the recogniser (`load`: the embedded model and word tables, read in place), which the
//! first use pays; the budget is well under a millisecond.
//!
//! Run with `cargo bench --bench ner`. Needs `../shared/data/ner-id` (or `$BERSIH_SHARED`).

use std::path::PathBuf;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use bersih_names::{conll, TagOptions, Tagger};

fn sentences() -> Vec<Vec<String>> {
    let shared = std::env::var_os("BERSIH_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let path = shared.join("data/ner-id/idner-news-2k/dev.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    conll::read_labelled(&text)
        .expect("dev set")
        .into_iter()
        .map(|s| s.words)
        .collect()
}

fn bench(c: &mut Criterion) {
    let sents = sentences();
    let n_tokens: usize = sents.iter().map(Vec::len).sum();
    let tagger = Tagger::embedded();
    let opts = TagOptions::default();
    let mut group = c.benchmark_group("ner");
    group.throughput(Throughput::Elements(n_tokens as u64));
    group.bench_function("tag_dev_document", |b| {
        b.iter(|| tagger.tag_document(&sents, &opts))
    });
    group.finish();
    // One plain timing for the report line.
    let start = Instant::now();
    let rounds = 20;
    for _ in 0..rounds {
        std::hint::black_box(tagger.tag_document(&sents, &opts));
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "ner: {n_tokens} tokens x {rounds} in {secs:.3} s = {:.0} tokens/s",
        (n_tokens * rounds) as f64 / secs
    );
}

fn load(c: &mut Criterion) {
    c.bench_function("load", |b| b.iter(Tagger::load_embedded));
}

criterion_group!(benches, bench, load);
criterion_main!(benches);
