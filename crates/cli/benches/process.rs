//! Whole-process cost per page: `bersih extract FILE --format text` (and `--format json`, which
//! recognises names) against a process that runs `dom_smoothie` (a Rust port of Readability.js,
//! extraction only) on the same file, alternately, in the same run. A process per page is what
//! a script calling the CLI pays: start-up, reading, parsing, analysis, output.
//!
//! The dom_smoothie process is this benchmark's own binary started again with `--smoothie FILE`,
//! so both sides pay a process start. Run with `cargo bench -p bersih-cli --bench process`;
//! needs `../shared/corpora` (or `$BERSIH_SHARED`). Prints medians and p90s per page and the
//! ratios of the medians.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "../../../tests/common/mod.rs"]
mod common;

/// Runs per page and side; the median run counts.
const ROUNDS: usize = 3;
const URL: &str = "http://fakehost/test/page.html";

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--smoothie") {
        smoothie(Path::new(&args[at + 1]));
        return;
    }
    let me = std::env::current_exe().expect("own path");
    let me = me.to_str().expect("utf-8 path");
    let bersih = env!("CARGO_BIN_EXE_bersih");
    let sides: [(&str, &str, &[&str]); 3] = [
        (
            "bersih --format text",
            bersih,
            &["extract", "--format", "text", "--url", URL],
        ),
        (
            "bersih --format json",
            bersih,
            &["extract", "--format", "json", "--url", URL],
        ),
        ("dom_smoothie", me, &["--smoothie"]),
    ];
    let pages = common::readability_pages();
    let mut medians: Vec<Vec<Duration>> = vec![Vec::new(); sides.len()];
    for page in &pages {
        let mut runs = vec![Vec::new(); sides.len()];
        for _ in 0..ROUNDS {
            for (side, (_, program, args)) in sides.iter().enumerate() {
                runs[side].push(time(program, args, page));
            }
        }
        for (side, mut t) in runs.into_iter().enumerate() {
            t.sort();
            medians[side].push(t[t.len() / 2]);
        }
    }
    println!(
        "{} pages, {ROUNDS} runs each, the median run per page:",
        pages.len()
    );
    let mut mid = Vec::new();
    for ((name, ..), t) in sides.iter().zip(&mut medians) {
        t.sort();
        let (p50, p90) = (ms(t[t.len() / 2]), ms(t[t.len() * 9 / 10]));
        println!("  {name:22} median {p50:6.2} ms  p90 {p90:6.2} ms");
        mid.push(p50);
    }
    println!(
        "  median / dom_smoothie's: text {:.2}, json {:.2}",
        mid[0] / mid[2],
        mid[1] / mid[2]
    );
}

/// Extracts one file with dom_smoothie and prints its text, as `bersih --format text` does.
fn smoothie(file: &Path) {
    let html = String::from_utf8_lossy(&std::fs::read(file).expect("page")).into_owned();
    let text = dom_smoothie::Readability::new(html.as_str(), Some(URL), None)
        .ok()
        .and_then(|mut r| r.parse().ok())
        .map(|a| a.text_content.to_string())
        .unwrap_or_default();
    println!("{text}");
}

/// Wall time of one process on `page`.
fn time(program: &str, args: &[&str], page: &Path) -> Duration {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .arg(page)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let start = Instant::now();
    cmd.status().expect("run");
    start.elapsed()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
