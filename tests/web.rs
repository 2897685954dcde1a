//! The web-sys adapter in real browsers (headless Chromium and Firefox through
//! `wasm-bindgen-test-runner`; see scripts/test.sh): the live walk builds the page the native
//! adapter builds, apply hides by attribute and by wrapping bare text, restore gives back the
//! exact DOM, a subtree added later is found by a rescan, and the exports round-trip.

#![cfg(target_arch = "wasm32")]

use bersih::live::{Kinds, LivePage, HIDDEN_ATTR};
use bersih::snapshot::outline;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Document, DomParser, Element, SupportedType};

wasm_bindgen_test_configure!(run_in_browser);

const ALL: Kinds = Kinds {
    recirculation: true,
    ad: true,
};

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Puts `html`'s body into a container of the test page, with the extension's hiding rule.
fn page_with(html: &str) -> Element {
    let doc = document();
    if doc.get_element_by_id("bersih-test-style").is_none() {
        let style = doc.create_element("style").unwrap();
        style.set_id("bersih-test-style");
        style.set_text_content(Some("[data-bersih-hidden] { display: none !important; }"));
        doc.head().unwrap().append_child(&style).unwrap();
    }
    let parsed = DomParser::new()
        .unwrap()
        .parse_from_string(html, SupportedType::TextHtml)
        .unwrap();
    // The runner reports through elements of its own in the body: work in a container.
    let host = match doc.get_element_by_id("bersih-test-host") {
        Some(host) => host,
        None => {
            let host = doc.create_element("div").unwrap();
            host.set_id("bersih-test-host");
            doc.body().unwrap().append_child(&host).unwrap();
            host
        }
    };
    host.set_inner_html(&parsed.body().unwrap().inner_html());
    host
}

fn displayed(el: &Element) -> bool {
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(el)
        .unwrap()
        .unwrap();
    style.get_property_value("display").unwrap() != "none"
}

fn hidden_elements() -> Vec<Element> {
    let list = document()
        .query_selector_all(&format!("[{HIDDEN_ATTR}]"))
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

#[wasm_bindgen_test]
fn live_walk_builds_the_native_page() {
    let doc = DomParser::new()
        .unwrap()
        .parse_from_string(
            include_str!("fixtures/live/parity.html"),
            SupportedType::TextHtml,
        )
        .unwrap();
    let mut live = LivePage::new(doc);
    live.snapshot();
    let got = outline(live.page().unwrap());
    assert_eq!(got, include_str!("fixtures/live/parity.outline"));
}

#[wasm_bindgen_test]
fn hides_inserts_and_ads_then_restores_exactly() {
    let body = page_with(include_str!("fixtures/articles/sindonews/page.html"));
    let desc = document().get_element_by_id("detail-desc").unwrap();
    let before = body.inner_html();
    let children_before = desc.child_nodes().length();
    let first_text = desc.first_child().unwrap();

    let mut live = LivePage::new(document());
    live.snapshot();
    live.analyse(bersih::Options::default());
    let n = live.apply(ALL);
    assert!(n >= 2, "hidden {n}");
    let stats = live.stats();
    assert_eq!(stats.hidden.recirculation as usize, n);
    // The bare "Baca Juga:" lead-ins are wrapped, their links marked; prose stays visible.
    let hidden = hidden_elements();
    assert!(hidden.iter().all(|el| !displayed(el)));
    assert!(hidden.iter().any(|el| el.has_attribute("data-bersih-wrap")
        && el.text_content().unwrap().contains("Baca Juga")));
    let visible = desc.dyn_ref::<web_sys::HtmlElement>().unwrap().inner_text();
    assert!(!visible.contains("Baca Juga"), "{visible}");
    assert!(!visible.contains("KPU Umumkan"), "{visible}");
    assert!(visible.contains("Seluruh fraksi menyatakan setuju"));
    assert!(visible.contains("Menteri Komunikasi menyatakan"));

    assert_eq!(live.restore(), n);
    assert_eq!(body.inner_html(), before);
    assert_eq!(desc.child_nodes().length(), children_before);
    assert!(desc.first_child().unwrap() == first_text);
    assert!(hidden_elements().is_empty());
    // Applying again after a restore hides the same blocks.
    assert_eq!(live.apply(ALL), n);
    live.restore();
    assert_eq!(body.inner_html(), before);
}

#[wasm_bindgen_test]
fn kinds_can_be_shown_separately() {
    page_with(
        r#"<article><p>Paragraf pertama yang cukup panjang untuk dibaca, dengan koma, dan titik.
        Kalimat kedua menambah isi supaya jelas ini prosa yang sebenarnya.</p>
        <p><strong>Baca Juga:</strong> <a href="/x">Berita lain yang menarik</a></p>
        <div id="div-gpt-ad-1" class="ads"></div>
        <p>Paragraf ketiga juga cukup panjang untuk dibaca, dengan koma, dan titik di akhir.</p>
        </article>"#,
    );
    let mut live = LivePage::new(document());
    live.snapshot();
    live.analyse(bersih::Options::default());
    assert_eq!(live.apply(ALL), 2);
    let only_ads = Kinds {
        recirculation: false,
        ad: true,
    };
    assert_eq!(live.apply(only_ads), 1);
    let hidden = hidden_elements();
    assert_eq!(hidden.len(), 1);
    assert_eq!(hidden[0].get_attribute(HIDDEN_ATTR).as_deref(), Some("ad"));
    live.restore();
    assert!(hidden_elements().is_empty());
}

#[wasm_bindgen_test]
fn a_late_insert_is_found_by_rescan() {
    page_with(
        r#"<article id="a"><p>Paragraf pertama yang cukup panjang untuk dibaca, dengan koma, dan
        titik. Kalimat kedua menambah isi supaya jelas ini prosa yang sebenarnya.</p></article>"#,
    );
    let mut live = LivePage::new(document());
    live.snapshot();
    live.analyse(bersih::Options::default());
    assert_eq!(live.apply(ALL), 0);
    let doc = document();
    let insert = doc.create_element("p").unwrap();
    insert.set_inner_html(r#"<strong>Baca juga:</strong> <a href="/y">Judul yang disisipkan</a>"#);
    doc.get_element_by_id("a")
        .unwrap()
        .append_child(&insert)
        .unwrap();
    assert_eq!(live.rescan(&insert), 1);
    assert_eq!(live.apply(ALL), 1);
    assert_eq!(
        insert.get_attribute(HIDDEN_ATTR).as_deref(),
        Some("recirculation")
    );
    assert!(!displayed(&insert));
    let stats = live.stats();
    assert_eq!(stats.items.len(), 1);
    assert!(stats.items[0].text.contains("Judul yang disisipkan"));
    live.restore();
    assert!(!insert.has_attribute(HIDDEN_ATTR));
}

fn get(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |v, key| {
        js_sys::Reflect::get(&v, &JsValue::from_str(key)).unwrap()
    })
}

#[wasm_bindgen_test]
fn exports_round_trip() {
    page_with(include_str!("fixtures/articles/kompas/page.html"));
    let mut live = bersih::wasm::LivePage::new(document());
    assert!(live.snapshot() > 10);
    assert!(live.analyse(JsValue::UNDEFINED).unwrap() > 0);
    let hidden = live.apply(JsValue::UNDEFINED).unwrap();
    let stats = live.stats().unwrap();
    let recirculation = get(&stats, &["hidden", "recirculation"]).as_f64().unwrap();
    let ad = get(&stats, &["hidden", "ad"]).as_f64().unwrap();
    assert_eq!((recirculation + ad) as usize, hidden);
    let article = live.article().unwrap();
    assert!(get(&article, &["title"]).as_string().unwrap().len() > 10);
    assert!(get(&article, &["markdown"]).as_string().is_some());
    assert_eq!(live.restore(), hidden);

    let snapshot = serde_json::json!({
        "kinds": [0, 0, 0, 1, 2, 0, 0, 1, 2, 1, 0, 1, 2, 2, 2, 2],
        "tags": ["html", "body", "p", "p", "strong", "a"],
        "attrs": [["lang", "id"], [], [], [], [], ["href", "/x"]],
        "texts": [
            "Paragraf pertama yang cukup panjang untuk dibaca, dengan koma, dan titik. Kalimat kedua menambah isi.",
            "Baca Juga:", " ", "Berita lain"
        ],
    })
    .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
    .unwrap();
    let result = bersih::wasm::analyse_snapshot(snapshot, JsValue::NULL).unwrap();
    let decisions: js_sys::Array = get(&result, &["decisions"]).unchecked_into();
    assert_eq!(decisions.length(), 1);
    let d = decisions.get(0);
    assert_eq!(get(&d, &["first"]).as_f64(), Some(5.0));
    assert_eq!(
        get(&d, &["kind"]).as_string().as_deref(),
        Some("recirculation")
    );
}
