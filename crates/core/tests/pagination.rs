//! Stories split over pages, in hand-written fixtures in the styles of the sites that split them
//! (`tests/fixtures/paged/`): what one page says about its story's pages, and several pages
//! merged into one article.

#[path = "../../../tests/common/mod.rs"]
mod common;

use bersih::{analyse, html, Analysis, Options, PageModel, Pagination};

const TRIBUN: &str =
    "https://www.tribunnews.com/regional/2026/07/24/harga-cabai-naik-jelang-idul-adha";
const DETIK: &str =
    "https://www.detik.com/edu/detikpedia/d-7012345/lima-fakta-gerhana-bulan-total-malam-ini";
const KOMPAS: &str = "https://nasional.kompas.com/read/2026/06/18/21350001/pemerintah-umumkan-kebijakan-baru-soal-subsidi-energi";

/// The analysis of fixture `name` read at `url` (its canonical address when `None`).
fn analysed(name: &str, url: Option<&str>) -> Analysis {
    let path = common::fixtures("paged").join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let opts = Options {
        url: url.map(str::to_string),
        ..Default::default()
    };
    analyse(&html::parse_bytes(&bytes), &opts)
}

fn pagination(name: &str, url: Option<&str>) -> Pagination {
    let analysis = analysed(name, url);
    let article = analysis
        .article
        .unwrap_or_else(|| panic!("{name}: no article ({:?})", analysis.notes));
    article.pagination
}

fn numbered(story: &str, sep: &str, pages: u32) -> Vec<String> {
    (1..=pages)
        .map(|n| match n {
            1 => story.to_string(),
            _ => format!("{story}{sep}{n}"),
        })
        .collect()
}

#[test]
fn tribun_like_query_pages_with_count_and_show_all() {
    let first = pagination("tribun-1.html", None);
    assert_eq!(first.model, PageModel::Query);
    assert_eq!(first.story.as_deref(), Some(TRIBUN));
    assert_eq!((first.current, first.count), (1, Some(3)));
    assert_eq!(first.pages, numbered(TRIBUN, "?page=", 3));
    assert_eq!(first.next, Some(format!("{TRIBUN}?page=2")));
    assert_eq!(first.show_all, Some(format!("{TRIBUN}?page=all")));
    let last = pagination("tribun-3.html", None);
    assert_eq!((last.current, last.count, last.next), (3, Some(3), None));
    assert_eq!(last.pages, first.pages);
}

#[test]
fn detik_like_path_pages_from_the_numbered_pager() {
    for url in [None, Some(DETIK)] {
        let first = pagination("detik-1.html", url);
        assert_eq!(first.model, PageModel::Path, "{url:?}");
        assert_eq!(first.story.as_deref(), Some(DETIK));
        assert_eq!((first.current, first.count), (1, None));
        assert_eq!(first.pages, numbered(DETIK, "/", 2));
        assert_eq!(first.next, Some(format!("{DETIK}/2")));
        assert_eq!(first.show_all, None);
    }
    let second = pagination("detik-2.html", Some(&format!("{DETIK}/2")));
    assert_eq!((second.current, second.next), (2, None));
    assert_eq!(second.story.as_deref(), Some(DETIK));
}

#[test]
fn kompas_like_paging_links() {
    let first = pagination("kompas-1.html", None);
    assert_eq!(first.model, PageModel::Query);
    assert_eq!(first.story.as_deref(), Some(KOMPAS));
    assert_eq!(
        first.pages,
        [format!("{KOMPAS}?page=1"), format!("{KOMPAS}?page=2")]
    );
    assert_eq!(first.next, Some(format!("{KOMPAS}?page=2")));
    assert_eq!(first.show_all, Some(format!("{KOMPAS}?page=all#page2")));
    let second = pagination("kompas-2.html", None);
    assert_eq!((second.current, second.next), (2, None));
}

#[test]
fn liputan6_like_pages_in_one_document() {
    let analysis = analysed("liputan6.html", None);
    let article = analysis.article.expect("article");
    let p = &article.pagination;
    assert_eq!((p.model, p.count), (PageModel::OneDocument, Some(3)));
    assert!(p.pages.is_empty() && p.next.is_none() && p.show_all.is_none());
    assert!(
        article
            .text
            .contains("kuota layanan setiap kantor dibatasi"),
        "every page's text is in the article: {}",
        article.text
    );
}

#[test]
fn a_next_article_feed_is_no_pagination() {
    let p = pagination("republika.html", None);
    assert_eq!(p.model, PageModel::None);
    assert_eq!((p.count, p.next, p.show_all), (None, None, None));
    assert!(p.pages.is_empty());
}

#[test]
fn no_address_on_another_host() {
    let p = pagination("cross-host.html", None);
    assert_eq!((p.next, p.show_all), (None, None));
    assert!(p.pages.is_empty(), "{:?}", p.pages);
    assert_eq!(p.model, PageModel::None);
}
