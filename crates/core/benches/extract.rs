//! Speed of the whole native path (HTML parse → `analyse` → renderings) over Mozilla
//! Readability's test pages, with `dom_smoothie` (a Rust port of Readability.js) measured on the
//! same pages in the same run as the anchor. Prints the ratio at the end.
//!
//! Run with `cargo bench --bench extract`. Needs `../shared/corpora` (or `$BERSIH_SHARED`).

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};

#[path = "../../../tests/common/mod.rs"]
mod common;

fn pages() -> Vec<String> {
    common::readability_pages()
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).expect("page")).into_owned())
        .collect()
}

const URL: &str = "http://fakehost/test/page.html";

fn bersih_all(pages: &[String]) -> usize {
    let opts = bersih::Options {
        url: Some(URL.into()),
        ..Default::default()
    };
    pages
        .iter()
        .map(|html| {
            let page = bersih::html::parse(html);
            bersih::analyse(&page, &opts)
                .article
                .map_or(0, |a| a.text.len())
        })
        .sum()
}

fn smoothie_all(pages: &[String]) -> usize {
    pages
        .iter()
        .map(|html| {
            dom_smoothie::Readability::new(html.as_str(), Some(URL), None)
                .ok()
                .and_then(|mut r| r.parse().ok())
                .map_or(0, |a| a.text_content.len())
        })
        .sum()
}

/// Mean wall time of `f` over `rounds` runs.
fn mean_time(rounds: u32, mut f: impl FnMut() -> usize) -> Duration {
    let start = Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(f());
    }
    start.elapsed() / rounds
}

fn corpus(c: &mut Criterion) {
    let pages = pages();
    let mut group = c.benchmark_group("readability-corpus");
    group.sample_size(10);
    group.bench_function("bersih", |b| b.iter(|| bersih_all(&pages)));
    group.bench_function("dom_smoothie", |b| b.iter(|| smoothie_all(&pages)));
    group.finish();
    // The ratio, measured back to back in this run, so both see the same machine load.
    let ours = mean_time(5, || bersih_all(&pages));
    let anchor = mean_time(5, || smoothie_all(&pages));
    println!(
        "\n{} pages: bersih {:.1} ms, dom_smoothie {:.1} ms per corpus pass; bersih takes {:.2}x the anchor's time ({:.1}x faster)",
        pages.len(),
        ours.as_secs_f64() * 1e3,
        anchor.as_secs_f64() * 1e3,
        ours.as_secs_f64() / anchor.as_secs_f64(),
        anchor.as_secs_f64() / ours.as_secs_f64(),
    );
}

criterion_group!(benches, corpus);
criterion_main!(benches);
