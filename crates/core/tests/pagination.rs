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

/// The pages of a fixture story, analysed at the addresses page 1 gives for them.
fn story(names: &[&str]) -> Vec<Analysis> {
    let first = analysed(names[0], None);
    let pages = first
        .article
        .as_ref()
        .expect("page 1")
        .pagination
        .pages
        .clone();
    let mut res = vec![first];
    for (i, name) in names.iter().enumerate().skip(1) {
        res.push(analysed(name, pages.get(i).map(String::as_str)));
    }
    res
}

/// Where `needle` starts in `text`, asserting it occurs exactly once.
fn once(text: &str, needle: &str) -> usize {
    assert_eq!(text.matches(needle).count(), 1, "{needle:?} in:\n{text}");
    text.find(needle).unwrap()
}

#[test]
fn three_query_pages_merge_into_one_story_in_order() {
    let merged = bersih::merge(&story(&["tribun-1.html", "tribun-2.html", "tribun-3.html"]))
        .expect("one story");
    let article = merged.article.as_ref().unwrap();
    let text = &article.text;
    let order = [
        once(text, "Harga cabai rawit di Pasar Induk Caringin"),
        once(text, "Asep Sunandar"),
        once(text, "akan menggelar operasi pasar"),
        once(text, "memeriksa gudang-gudang"),
        once(text, "mengurangi pembelian cabai"),
        once(text, "panen raya di Garut"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
    for absent in [
        "Baca juga",
        "Harga Bawang Merah",
        "Stok Beras Aman",
        "ADVERTISEMENT",
        "Halaman",
        "Tampilkan Semua",
        "Berita pilihan lain",
    ] {
        assert!(!text.contains(absent), "{absent:?} in:\n{text}");
    }
    assert_eq!(article.title, "Harga Cabai Naik Jelang Idul Adha");
    assert_eq!(article.byline.as_deref(), Some("Rina Wulandari"));
    for out in [&article.markdown, &article.html] {
        assert_eq!(out.matches("Caringin").count(), 1, "{out}");
        assert!(out.contains("panen raya di Garut"));
    }
    let copy = article.copy(bersih::reader::copy::Format::Markdown, Some(TRIBUN));
    assert_eq!(copy.matches("Harga Cabai Naik Jelang Idul Adha").count(), 1);
    assert_eq!(copy.matches("Rina Wulandari").count(), 1, "{copy}");
    assert!(merged.removed.len() >= 6, "every page's insert and ad");
}

#[test]
fn path_pages_merge_without_the_page_heading_or_pager() {
    let merged = bersih::merge(&story(&["detik-1.html", "detik-2.html"])).expect("one story");
    let text = &merged.article.as_ref().unwrap().text;
    let first = once(text, "Gerhana bulan total akan terlihat");
    let heading = once(text, "1. Berlangsung lebih dari satu jam");
    let last = once(text, "disebut bulan darah");
    assert!(first < heading && heading < last, "{text}");
    for absent in ["Halaman", "Supermoon", "ADVERTISEMENT", "gerhana\n"] {
        assert!(!text.contains(absent), "{absent:?} in:\n{text}");
    }
}

#[test]
fn kompas_like_pages_merge_without_labels_or_pager() {
    let merged = bersih::merge(&story(&["kompas-1.html", "kompas-2.html"])).expect("one story");
    let text = &merged.article.as_ref().unwrap().text;
    assert!(once(text, "Pemerintah mengumumkan kebijakan") < once(text, "puluhan triliun"));
    assert!(
        text.ends_with("dengan disiplin."),
        "the pager's numbers: {text}"
    );
    for absent in [
        "Halaman",
        "Sebelumnya",
        "Selanjutnya",
        "Bansos",
        "Advertisement",
    ] {
        assert!(!text.contains(absent), "{absent:?} in:\n{text}");
    }
}

#[test]
fn another_story_or_no_article_is_refused() {
    let other = bersih::merge(&[
        analysed("tribun-1.html", None),
        analysed("detik-2.html", None),
    ]);
    assert!(
        matches!(other, Err(bersih::Refusal::OtherTitle { page: 2, .. })),
        "{other:?}"
    );
    let empty = analyse(
        &html::parse("<p>Halaman tidak ditemukan</p>"),
        &Options::default(),
    );
    let none = bersih::merge(&[analysed("tribun-1.html", None), empty]);
    assert_eq!(none.unwrap_err(), bersih::Refusal::NoArticle(2));
    assert_eq!(bersih::merge(&[]).unwrap_err(), bersih::Refusal::NoPages);
}

#[test]
fn a_page_label_in_a_later_title_is_the_same_story() {
    let page = |title: &str, text: &str| {
        let html = format!(
            "<html lang=id><head><title>{title} - Warta</title></head><body><article>\
             <h1>{title}</h1><p>{text}</p></article></body></html>"
        );
        analyse(&html::parse(&html), &Options::default())
    };
    let first = page(
        "Banjir Rob Rendam Pesisir",
        "Banjir rob merendam ribuan rumah di pesisir utara sejak Senin pagi, dan warga mengungsi ke masjid serta sekolah terdekat.",
    );
    let second = page(
        "Banjir Rob Rendam Pesisir - Halaman 2",
        "Petugas gabungan mendirikan dapur umum dan memompa air dari permukiman sepanjang hari, kata kepala dinas setempat.",
    );
    let merged = bersih::merge(&[first, second]).expect("one story");
    let article = merged.article.unwrap();
    assert_eq!(article.title, "Banjir Rob Rendam Pesisir");
    assert!(article.text.contains("warga mengungsi") && article.text.contains("dapur umum"));
}
