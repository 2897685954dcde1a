//! Bad input gets a clear answer and never a crash: empty and binary files, absurd nesting, huge
//! pages, pages without an article, and the CLI's exit codes and JSON contract.

#[path = "../../../tests/common/cli.rs"]
mod cli;

use std::process::Output;

use bersih::{analyse, html, Options};
use cli::bersih;

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

fn article_html(paragraphs: usize) -> String {
    let mut s = String::from(
        "<html><head><title>Judul berita</title></head><body><article><h1>Judul berita</h1>",
    );
    for i in 0..paragraphs {
        s.push_str(&format!(
            "<p>Paragraf nomor {i} berisi kalimat yang cukup panjang, dengan koma, supaya dinilai sebagai isi artikel oleh pembaca.</p>"
        ));
    }
    s.push_str("</article></body></html>");
    s
}

#[test]
fn empty_input_is_no_article() {
    let page = html::parse("");
    let a = analyse(&page, &Options::default());
    assert!(a.article.is_none());
    let out = bersih(&["extract", "-"], b"");
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(json(&out)["article_found"], false);
}

#[test]
fn binary_garbage_is_no_article() {
    let garbage: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let out = bersih(&["extract", "-"], &garbage);
    assert_eq!(
        out.status.code(),
        Some(3),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json(&out)["article_found"], false);
}

#[test]
fn ten_thousand_deep_nesting_does_not_overflow() {
    let inner = article_html(6);
    let html = "<div>".repeat(10_000) + &inner + &"</div>".repeat(10_000);
    // Run on a small stack, as a browser's wasm would: no recursion may depend on depth.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let page = html::parse(&html);
            analyse(&page, &Options::default())
        })
        .expect("spawn");
    let a = handle.join().expect("no stack overflow");
    let text = a.article.expect("article inside the nesting").text;
    assert!(text.contains("Paragraf nomor 5 berisi"));
}

#[test]
fn fifty_thousand_paragraphs() {
    let page = html::parse(&article_html(50_000));
    let a = analyse(&page, &Options::default())
        .article
        .expect("article");
    assert!(a.text.contains("Paragraf nomor 0 berisi"));
    assert!(a.text.contains("Paragraf nomor 49999 berisi"));
    assert_eq!(a.text.matches("\n\n").count(), 49_999);
}

#[test]
fn navigation_page_is_no_article() {
    let mut s = String::from("<html><body><nav><ul>");
    for i in 0..40 {
        s.push_str(&format!(
            "<li><a href='/kanal/{i}'>Kanal berita nomor {i}</a></li>"
        ));
    }
    s.push_str("</ul></nav><div class='list'>");
    for i in 0..30 {
        s.push_str(&format!("<div class='item'><a href='/berita/{i}'>Judul berita ke {i} yang menarik untuk dibaca</a></div>"));
    }
    s.push_str("</div></body></html>");
    let out = bersih(&["extract", "-"], s.as_bytes());
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn unreadable_file_exits_2_with_message() {
    let out = bersih(&["extract", "/nonexistent/page.html"], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot read /nonexistent/page.html"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(bersih(&["extract"], b"").status.code(), Some(2));
    assert_eq!(
        bersih(&["extract", "-", "--format", "pdf"], b"")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(bersih(&["frobnicate"], b"").status.code(), Some(2));
}

#[test]
fn json_has_exactly_the_contract_keys() {
    let out = bersih(
        &["extract", "-", "--url", "https://contoh.id/berita/1"],
        article_html(8).as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    let mut keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    let mut want = vec![
        "article_found",
        "url",
        "lang",
        "title",
        "byline",
        "editor",
        "source",
        "site_name",
        "published",
        "lead_image",
        "excerpt",
        "reading_minutes",
        "next_page",
        "pagination",
        "text",
        "markdown",
        "html",
        "removed",
        "entities",
        "stats",
    ];
    want.sort_unstable();
    assert_eq!(keys, want);
    assert_eq!(v["article_found"], true);
    assert_eq!(v["url"], "https://contoh.id/berita/1");
    assert_eq!(v["title"], "Judul berita");
    assert!(v["stats"]["nodes"].as_u64().unwrap() > 10);
    assert!(v["entities"].is_array());
    assert!(v["text"].as_str().unwrap().starts_with("Paragraf nomor 0"));
}

#[test]
fn text_markdown_and_html_formats() {
    let input = article_html(3);
    let text = bersih(&["extract", "-", "--format", "text"], input.as_bytes());
    assert_eq!(text.status.code(), Some(0));
    let text = String::from_utf8(text.stdout).unwrap();
    assert_eq!(text.matches("\n\n").count(), 2, "{text}");
    let html_out =
        String::from_utf8(bersih(&["extract", "-", "--format", "html"], input.as_bytes()).stdout)
            .unwrap();
    // Entity marks may wrap words; the format is what is checked here.
    let unmarked = html_out
        .split("</mark>")
        .map(|part| match part.rfind("<mark ") {
            Some(i) => format!(
                "{}{}",
                &part[..i],
                &part[i..][part[i..].find('>').unwrap() + 1..]
            ),
            None => part.to_string(),
        })
        .collect::<String>();
    assert!(unmarked.starts_with("<p>Paragraf nomor 0"), "{html_out}");
    let md = String::from_utf8(
        bersih(&["extract", "-", "--format", "markdown"], input.as_bytes()).stdout,
    )
    .unwrap();
    assert!(md.contains("Paragraf nomor 2"));
}
