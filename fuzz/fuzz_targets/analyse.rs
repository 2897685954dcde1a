//! Bytes → `html::parse_bytes` → `analyse` → renderings and highlights. Invariants: no panic;
//! the article's HTML (plain and with names marked) is sanitised; every address the core emits is
//! http(s); removals name nodes of the page, in document order; marks count the entities; the
//! time stays roughly linear in the input.
#![no_main]

use bersih::mention::{Kind, Mention};
use bersih::{analyse, Options};
use bersih_fuzz::{budget, check_html, is_http, PAGE_URL};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let start = std::time::Instant::now();
    let page = bersih::html::parse_bytes(data);
    let opts = Options {
        url: Some(PAGE_URL.into()),
        ..Options::default()
    };
    let analysis = analyse(&page, &opts);
    if let Some(limit) = budget(data.len()) {
        let took = start.elapsed();
        assert!(took < limit, "{} bytes took {took:?}", data.len());
    }

    assert!(
        analysis.removed.windows(2).all(|w| w[0].node < w[1].node),
        "removals out of order or repeated"
    );
    if let Some(last) = analysis.removed.last() {
        assert!(last.node.index() < page.len(), "removal outside the page");
    }

    let Some(article) = &analysis.article else {
        return;
    };
    if let Err(e) = check_html(&article.html, true) {
        panic!("article HTML: {e}\n{}", article.html);
    }
    let paging = &article.pagination;
    let addresses = article
        .lead_image
        .iter()
        .map(|i| &i.src)
        .chain(&paging.story)
        .chain(&paging.pages)
        .chain(&paging.next)
        .chain(&paging.show_all);
    for address in addresses {
        assert!(is_http(address), "address {address:?}");
    }

    // Mentions as a recogniser gives them: sorted, disjoint, on words of the text.
    let highlights = analysis
        .highlights(|text, _| {
            let mut mentions = Vec::new();
            for word in text.split_whitespace() {
                let name = word.trim_matches(|c: char| !c.is_alphanumeric());
                if name.starts_with(char::is_uppercase) {
                    let start = name.as_ptr() as usize - text.as_ptr() as usize;
                    mentions.push(Mention {
                        start,
                        end: start + name.len(),
                        kind: Kind::ALL[mentions.len() % 3],
                    });
                }
            }
            mentions
        })
        .expect("an article has highlights");
    let tags = match check_html(&highlights.html, true) {
        Ok(tags) => tags,
        Err(e) => panic!("highlighted HTML: {e}\n{}", highlights.html),
    };
    let mut marks = 0u32;
    for tag in tags.iter().filter(|t| t.name == "mark" && !t.closing) {
        let attr = |name| tag.attrs.iter().find(|(n, _)| *n == name);
        let id: usize = attr("data-entity-id")
            .and_then(|(_, v)| v.as_deref()?.parse().ok())
            .expect("a mark names its entity");
        assert!(id < highlights.entities.len(), "mark of entity {id}");
        marks += u32::from(attr("data-entity-cont").is_none());
    }
    let counted: u32 = highlights.entities.iter().map(|e| e.count).sum();
    assert_eq!(marks, counted, "marks and entity counts differ");
});
