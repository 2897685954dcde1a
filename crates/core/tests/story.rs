//! A story read whole page by page (`bersih::Story`), driven as the extension drives it: ask for
//! the next address, "fetch" it from a map of fixture pages (a missing address answers 404),
//! hand the page back. Checks the order of requests, what the merged article holds and why the
//! story stopped.

#[path = "../../../tests/common/mod.rs"]
mod common;

use std::collections::HashMap;

use bersih::reader::story::{State, Stop};
use bersih::{analyse, html, Options, Story};

const TRIBUN: &str =
    "https://www.tribunnews.com/regional/2026/07/24/harga-cabai-naik-jelang-idul-adha";

/// A site: addresses and the markup each serves.
#[derive(Default)]
struct Site(HashMap<String, String>);

impl Site {
    fn fixture(mut self, url: &str, name: &str) -> Site {
        let path = common::fixtures("paged").join(name);
        let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        self.0.insert(url.to_string(), html);
        self
    }

    fn page(mut self, url: &str, html: String) -> Site {
        self.0.insert(url.to_string(), html);
        self
    }

    fn tribun() -> Site {
        Site::default()
            .fixture(TRIBUN, "tribun-1.html")
            .fixture(&format!("{TRIBUN}?page=2"), "tribun-2.html")
            .fixture(&format!("{TRIBUN}?page=3"), "tribun-3.html")
    }

    /// Reads the story from `start` to its end; returns it and the addresses requested.
    fn read(&self, start: &str) -> (Story, Vec<String>) {
        let mut story = Story::new(self.analyse(start).expect("start page"), Some(start));
        let mut asked = Vec::new();
        while let Some(fetch) = story.next() {
            assert!(asked.len() < 40, "the story keeps asking: {asked:?}");
            asked.push(fetch.url.clone());
            match self.analyse(&fetch.url) {
                Some(analysis) => story.add(analysis, &fetch.url),
                None => story.failed(&fetch.url, 404),
            }
        }
        (story, asked)
    }

    fn analyse(&self, url: &str) -> Option<bersih::Analysis> {
        let html = self.0.get(url)?;
        let opts = Options {
            url: Some(url.to_string()),
            ..Default::default()
        };
        Some(analyse(&html::parse(html), &opts))
    }
}

fn text(story: &Story) -> String {
    story
        .analysis()
        .article
        .as_ref()
        .expect("article")
        .text
        .clone()
}

/// Asserts that `text` holds `parts` in this order.
fn in_order(text: &str, parts: &[&str]) {
    let mut at = 0;
    for part in parts {
        let found = text[at..]
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} missing or out of order in:\n{text}"));
        at += found + part.len();
    }
}

const TRIBUN_PARTS: &[&str] = &[
    "naik tajam menjelang Idul Adha",
    "Asep Sunandar",
    "operasi pasar di lima kecamatan",
    "Elly Wasliah",
    "beralih ke cabai kering",
    "panen raya di Garut",
];

fn no_page_furniture(text: &str) {
    for junk in [
        "Baca juga",
        "ADVERTISEMENT",
        "Halaman 2",
        "Halaman 3",
        "Tampilkan Semua",
    ] {
        assert!(!text.contains(junk), "{junk:?} in the merged text:\n{text}");
    }
    assert_eq!(text.matches("naik tajam menjelang").count(), 1, "{text}");
}

#[test]
fn separate_pages_in_order_when_show_all_fails() {
    let (story, asked) = Site::tribun().read(TRIBUN);
    assert_eq!(
        asked,
        [
            format!("{TRIBUN}?page=all"),
            format!("{TRIBUN}?page=2"),
            format!("{TRIBUN}?page=3")
        ]
    );
    let p = story.progress();
    assert_eq!(
        (p.state, p.merged, p.count, p.stop),
        (State::Done, 3, Some(3), None)
    );
    let text = text(&story);
    in_order(&text, TRIBUN_PARTS);
    no_page_furniture(&text);
}

#[test]
fn show_all_taken_when_it_holds_the_story() {
    let site = Site::tribun().fixture(&format!("{TRIBUN}?page=all"), "tribun-all.html");
    let (story, asked) = site.read(TRIBUN);
    assert_eq!(asked, [format!("{TRIBUN}?page=all")]);
    let p = story.progress();
    assert_eq!((p.state, p.merged, p.whole), (State::Done, 3, true));
    let text = text(&story);
    in_order(&text, TRIBUN_PARTS);
    no_page_furniture(&text);
}

#[test]
fn show_all_serving_page_1_again_is_passed_over() {
    let site = Site::tribun().fixture(&format!("{TRIBUN}?page=all"), "tribun-1.html");
    let (story, asked) = site.read(TRIBUN);
    assert_eq!(asked.len(), 3, "{asked:?}");
    let p = story.progress();
    assert_eq!((p.state, p.merged, p.whole), (State::Done, 3, false));
    in_order(&text(&story), TRIBUN_PARTS);
}

#[test]
fn from_a_later_page_the_earlier_ones_come_first() {
    let (story, asked) = Site::tribun().read(&format!("{TRIBUN}?page=2"));
    assert_eq!(asked[1..], [TRIBUN.to_string(), format!("{TRIBUN}?page=3")]);
    assert_eq!(story.progress().merged, 3);
    in_order(&text(&story), TRIBUN_PARTS);
}

#[test]
fn a_missing_page_stops_the_story_with_its_status() {
    let mut site = Site::tribun();
    site.0.remove(&format!("{TRIBUN}?page=3"));
    let (story, _) = site.read(TRIBUN);
    let p = story.progress();
    assert_eq!(
        (p.state, p.stop, p.status, p.at, p.merged),
        (State::Stopped, Some(Stop::Error), Some(404), Some(3), 2)
    );
    in_order(&text(&story), &TRIBUN_PARTS[..4]);
    assert!(!text(&story).contains("panen raya"));
}

#[test]
fn a_page_served_again_is_a_repeat() {
    let site = Site::tribun().fixture(&format!("{TRIBUN}?page=2"), "tribun-1.html");
    let (story, _) = site.read(TRIBUN);
    let p = story.progress();
    assert_eq!((p.stop, p.at, p.merged), (Some(Stop::Repeat), Some(2), 1));
}

#[test]
fn another_story_and_a_non_article_are_refused() {
    let other = Site::tribun().fixture(&format!("{TRIBUN}?page=2"), "detik-2.html");
    assert_eq!(other.read(TRIBUN).0.progress().stop, Some(Stop::OtherStory));
    let empty = Site::tribun().page(
        &format!("{TRIBUN}?page=2"),
        "<html><body><p>Halaman tidak ditemukan.</p></body></html>".into(),
    );
    let (story, _) = empty.read(TRIBUN);
    assert_eq!(story.progress().stop, Some(Stop::NotArticle));
    assert_eq!(text(&story), text(&Site::tribun().read_first()));
}

impl Site {
    /// Page 1 alone, as a story that fetched nothing.
    fn read_first(&self) -> Story {
        Story::new(self.analyse(TRIBUN).unwrap(), Some(TRIBUN))
    }
}

/// A page of a story told only by "next" links: `n`'s own paragraphs and a `rel=next` to `next`.
fn linked(n: u32, next: Option<&str>) -> String {
    let link = next.map_or(String::new(), |u| {
        format!(r#"<link rel="next" href="{u}">"#)
    });
    let paragraphs: String = (1..=4)
        .map(|i| {
            format!(
                "<p>Bagian {n} kalimat {i}: warga desa nomor {n} menanam padi bersama, \
                 kemudian panitia mencatat hasil panen, dan kepala desa memberi sambutan panjang.</p>"
            )
        })
        .collect();
    format!(
        r#"<!doctype html><html lang="id"><head><title>Panen Raya di Desa</title>{link}</head>
<body><article><h1>Panen Raya di Desa</h1>{paragraphs}</article></body></html>"#
    )
}

fn chain(urls: &[String], next_of_last: Option<&str>) -> Site {
    let mut site = Site::default();
    for (i, url) in urls.iter().enumerate() {
        let next = urls.get(i + 1).map(String::as_str).or(next_of_last);
        site = site.page(url, linked(i as u32 + 1, next));
    }
    site
}

#[test]
fn a_next_link_back_to_a_read_page_is_a_loop() {
    let urls: Vec<String> = ["a", "b", "c"]
        .iter()
        .map(|s| format!("https://desa.example/panen/{s}"))
        .collect();
    let (story, asked) = chain(&urls, Some(&urls[1])).read(&urls[0]);
    assert_eq!(asked, urls[1..]);
    let p = story.progress();
    assert_eq!(
        (p.state, p.stop, p.merged),
        (State::Stopped, Some(Stop::Loop), 3)
    );
    in_order(&text(&story), &["Bagian 1", "Bagian 2", "Bagian 3"]);
}

#[test]
fn at_most_twenty_pages() {
    let urls: Vec<String> = (1..=25)
        .map(|n| format!("https://desa.example/panen/bagian-{n}"))
        .collect();
    let (story, asked) = chain(&urls, None).read(&urls[0]);
    assert_eq!(asked.len(), 19, "{asked:?}");
    let p = story.progress();
    assert_eq!((p.stop, p.merged), (Some(Stop::Limit), 20));
}

#[test]
fn nothing_to_fetch_for_one_page_a_feed_or_one_document() {
    for (name, url) in [
        (
            "republika.html",
            "https://www.republika.co.id/berita/abc/judul",
        ),
        (
            "liputan6.html",
            "https://www.liputan6.com/news/read/123/judul",
        ),
        ("cross-host.html", "https://www.example.co.id/berita/judul"),
    ] {
        let site = Site::default().fixture(url, name);
        let (story, asked) = site.read(url);
        assert!(asked.is_empty(), "{name}: asked {asked:?}");
        assert_eq!(story.progress().state, State::Done, "{name}");
    }
}

#[test]
fn abort_stops_fetching() {
    let site = Site::tribun();
    let mut story = site.read_first();
    assert!(story.next().is_some());
    story.abort();
    assert_eq!(story.next(), None);
    let p = story.progress();
    assert_eq!(
        (p.state, p.stop, p.merged),
        (State::Stopped, Some(Stop::Aborted), 1)
    );
}

#[test]
fn an_answer_for_another_address_changes_nothing() {
    let site = Site::tribun();
    let mut story = site.read_first();
    let before = story.next();
    story.add(
        site.analyse(&format!("{TRIBUN}?page=2")).unwrap(),
        "https://evil.example/",
    );
    story.failed("https://evil.example/", 500);
    assert_eq!(story.next(), before);
    assert_eq!(story.progress().merged, 1);
}

/// Sites whose pages link anywhere: forward, back, to themselves, to another origin, to pages
/// that answer 404 or hold no article. Whatever the links, a story asks each address at most
/// once, only on its origin, at most 19 times after the first page, and ends.
#[test]
fn any_link_graph_ends_without_asking_twice_or_elsewhere() {
    let mut seed: u64 = 0x5eed;
    let mut roll = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let url = |i: u64| format!("https://desa.example/panen/h{i}");
    for _ in 0..200 {
        let size = 2 + roll(30);
        let mut site = Site::default();
        for i in 0..size {
            let next = match roll(10) {
                0 => None,
                1 => Some("https://lain.example/panen/h1".to_string()),
                _ => Some(url(roll(size + 2))),
            };
            let html = match roll(12) {
                0 => continue, // a 404
                1 => "<html><body><p>Kosong.</p></body></html>".to_string(),
                _ => linked(i as u32 + 1, next.as_deref()),
            };
            site = site.page(&url(i), html);
        }
        let Some(first) = site.analyse(&url(0)) else {
            continue;
        };
        let mut story = Story::new(first, Some(&url(0)));
        let mut asked: Vec<String> = Vec::new();
        while let Some(fetch) = story.next() {
            assert!(
                fetch.url.starts_with("https://desa.example/"),
                "{}",
                fetch.url
            );
            assert!(
                !asked.contains(&fetch.url) && fetch.url != url(0),
                "asked twice: {}",
                fetch.url
            );
            assert!(asked.len() < 19, "more than 20 pages: {asked:?}");
            asked.push(fetch.url.clone());
            match site.analyse(&fetch.url) {
                Some(a) => story.add(a, &fetch.url),
                None => story.failed(&fetch.url, 404),
            }
        }
        assert!(story.progress().merged as usize <= asked.len() + 1);
    }
}

#[test]
fn a_next_link_outside_the_story_directory_is_not_followed() {
    // A "Selanjutnya" link a reader's comment slips in: a GET there could log the person out.
    let start = "https://desa.example/panen/a";
    let site = Site::default()
        .page(start, linked(1, Some("https://desa.example/akun/keluar")))
        .page("https://desa.example/akun/keluar", linked(2, None));
    let (story, asked) = site.read(start);
    assert!(asked.is_empty(), "{asked:?}");
    assert_eq!(story.progress().state, State::Done);
    // Nor a "show all" link there (pagination takes none outside the story; the story checks too).
    let keluar = linked(1, None).replace(
        "</article>",
        r#"<p><a href="https://desa.example/akun/keluar">Tampilkan Semua</a></p></article>"#,
    );
    let (_, asked) = Site::default().page(start, keluar).read(start);
    assert!(asked.is_empty(), "{asked:?}");
}
