//! Entity recognition through its boundaries: the recipe and scores of the embedded model, the
//! source of its word tables, the `bersih ner` CLI, the `entities` of `bersih extract` JSON, and
//! the promises of [`bersih::entities`] (titles outside names, months and weekdays never names,
//! byte ranges that map back).
//!
//! The recipe checks need `../shared/data/ner-id` (or `$BERSIH_SHARED`); without it those checks
//! say so and pass, like the corpus tests.

#[path = "../../../tests/common/cli.rs"]
mod cli;
#[path = "../../../tests/common/mod.rs"]
mod common;

use std::path::PathBuf;

use bersih::lang::Lang;
use bersih_names::articles;
use bersih_names::conll::{self, evaluate, Reading, Score};
use bersih_names::lexicon;
use bersih_names::train::{read_sets, train, Recipe, TrainOptions};
use bersih_names::{mentions, Genre, Kind, Tagger};

/// Dev micro F1 of the dev recipe (train splits only; dev never seen), each sentence its own
/// document as `bersih ner` reads these files. Measured with
/// `cargo run --release --bin train-ner -- --dev` (the last pass).
const IDNER_DEV_F1: f64 = 0.8847;
const NERGRIT_DEV_F1: f64 = 0.7686;
/// Micro F1 of the embedded model on the hand-annotated fixtures (`tests/fixtures/ner`), which
/// no recipe trains on, each file read as one document. Measured with `train-ner -- --eval`.
const ENGLISH_F1: f64 = 0.9529;
const MALAY_F1: f64 = 0.9614;
/// Distinct-entity micro F1 of the embedded model on real articles by page language
/// (`tests/fixtures/ner/articles.tsv`, pages under `../shared/corpora`). Measured with
/// `train-ner -- --eval`.
const ARTICLES_F1: [(&str, f64); 2] = [("en", 0.7407), ("id", 0.7451)];
/// How far a score may fall below the recorded one before the test fails.
const TOLERANCE: f64 = 0.005;

/// The project's own training sets.
fn own_data() -> PathBuf {
    common::repo().join("data/ner")
}

/// A folder of `../shared` (or `$BERSIH_SHARED`), if it is there.
fn shared(folder: &str) -> Option<PathBuf> {
    let shared = std::env::var_os("BERSIH_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::repo().join("../shared"));
    let dir = shared.join(folder);
    dir.is_dir().then_some(dir)
}

fn check_score(name: &str, s: &Score, recorded: f64) {
    let micro = s.micro().f1();
    println!(
        "{name}: PER {:.4} ORG {:.4} LOC {:.4} micro {micro:.4} (recorded {recorded:.4})",
        s.kind(Kind::Per).f1(),
        s.kind(Kind::Org).f1(),
        s.kind(Kind::Loc).f1(),
    );
    assert!(
        micro >= recorded - TOLERANCE,
        "{name}: micro F1 {micro:.4} fell below the recorded {recorded:.4}"
    );
}

#[test]
fn embedded_model_is_its_recipe_and_the_dev_recipe_keeps_its_scores() {
    let Some(dir) = shared("data/ner-id") else {
        eprintln!("no ../shared/data/ner-id: the model recipe is not checked");
        return;
    };
    let data = read_sets(&dir, &own_data(), Recipe::Embedded, None).unwrap();
    let rebuilt = train(&data.train, &TrainOptions::default(), |_, _| {});
    let embedded = std::fs::read(common::repo().join("crates/names/src/data/ner.model")).unwrap();
    assert!(
        rebuilt == embedded,
        "the embedded model is not what `train-ner` makes from this code and data: retrain it"
    );

    let data = read_sets(&dir, &own_data(), Recipe::Dev, None).unwrap();
    let model = train(&data.train, &TrainOptions::default(), |_, _| {});
    let tagger = Tagger::from_bytes(&model).unwrap();
    for ((name, dev), recorded) in data.devs.iter().zip([IDNER_DEV_F1, NERGRIT_DEV_F1]) {
        let s = evaluate(&tagger, dev, Lang::Id, Reading::Sentences);
        check_score(&format!("{name} dev"), &s, recorded);
    }
}

/// The tables are read in place, not built from the lists at run time, so a list edited without
/// regenerating them would silently not count.
#[test]
fn embedded_word_tables_are_what_the_generator_makes_from_the_lists() {
    let embedded = std::fs::read(common::repo().join("crates/names/src/data/lexicon.bin")).unwrap();
    assert!(
        lexicon::generate() == embedded,
        "the embedded word tables are not what `train-ner --tables` makes from the lists and cue \
         tables: regenerate them, then retrain the model"
    );
}

#[test]
fn each_dev_set_is_read_in_its_own_genre() {
    let Some(dir) = shared("data/ner-id") else {
        eprintln!("no ../shared/data/ner-id: genres are not checked");
        return;
    };
    let data = read_sets(&dir, &own_data(), Recipe::Dev, None).unwrap();
    for ((name, dev), want) in data.devs.iter().zip([Genre::News, Genre::Reference]) {
        let words: Vec<Vec<&str>> = dev
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            Tagger::embedded().genre_of(&words, Some(Lang::Id)),
            want,
            "{name}"
        );
    }
}

#[test]
fn real_articles_keep_their_scores() {
    let Some(corpora) = shared("corpora") else {
        eprintln!("no ../shared/corpora: real articles are not scored");
        return;
    };
    let path = common::fixtures("ner/articles.tsv");
    let key = articles::read_key(&std::fs::read_to_string(path).unwrap()).unwrap();
    let by_lang = articles::evaluate(Tagger::embedded(), &key, &corpora).unwrap();
    assert_eq!(by_lang.len(), ARTICLES_F1.len());
    for ((lang, s), (want_lang, recorded)) in by_lang.iter().zip(ARTICLES_F1) {
        assert_eq!(lang, want_lang);
        check_score(&format!("articles {lang}"), s, recorded);
    }
}

#[test]
fn fixtures_keep_their_scores() {
    for (file, lang, recorded) in [
        ("english.conll", Lang::En, ENGLISH_F1),
        ("malay.conll", Lang::Ms, MALAY_F1),
    ] {
        let path = common::fixtures("ner").join(file);
        let set = conll::read_labelled(&std::fs::read_to_string(path).unwrap()).unwrap();
        let s = evaluate(Tagger::embedded(), &set, lang, Reading::OneDocument);
        check_score(file, &s, recorded);
    }
}

fn run_cli(args: &[&str], stdin: &str) -> (i32, String) {
    let out = cli::bersih(args, stdin.as_bytes());
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn cli_ner_round_trips_tokens_and_sentence_breaks() {
    let input = "Presiden PROPN O\r\nJoko PROPN B-PER\r\nWidodo PROPN I-PER\r\ntiba VERB O\r\n\
                 di ADP O\r\nSurabaya PROPN B-LOC\r\n\r\nIa PRON O\r\npulang VERB O\r\n";
    let (code, out) = run_cli(&["ner", "-"], input);
    assert_eq!(code, 0);
    let want = "Presiden\tO\nJoko\tB-PER\nWidodo\tI-PER\ntiba\tO\ndi\tO\nSurabaya\tB-LOC\n\n\
                Ia\tO\npulang\tO\n\n";
    assert_eq!(out, want);
    let (code, _) = run_cli(&["ner", "/no/such/file.conll"], "");
    assert_eq!(code, 2);
}

#[test]
fn extract_lists_article_entities_and_none_from_inserts() {
    let dir = common::fixtures("articles/kompas");
    let path = dir.join("page.html");
    let (code, out) = run_cli(&["extract", path.to_str().unwrap()], "");
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let text = json["text"].as_str().unwrap();
    let entities = json["entities"].as_array().unwrap();
    let found: Vec<(&str, &str)> = entities
        .iter()
        .map(|e| (e["text"].as_str().unwrap(), e["type"].as_str().unwrap()))
        .collect();
    for want in [
        ("Kabupaten Bekasi", "LOC"),
        ("Hasan Basri", "PER"),
        ("TNI", "ORG"),
    ] {
        assert!(found.contains(&want), "{want:?} missing from {found:?}");
    }
    for e in entities {
        let name = e["text"].as_str().unwrap();
        assert!(text.contains(name), "{name:?} is not in the article text");
        assert!(e["count"].as_u64().unwrap() >= 1);
    }
    // The "Baca juga" inserts name a toll road and an agency: neither is an entity.
    for insert_name in ["Cikampek", "BMKG"] {
        assert!(
            !found.iter().any(|(n, _)| n.contains(insert_name)),
            "{insert_name} comes from an insert: {found:?}"
        );
    }
}

fn spans(text: &str, lang: Option<Lang>) -> Vec<(&str, Kind)> {
    mentions(text, lang)
        .iter()
        .map(|m| (&text[m.start..m.end], m.kind))
        .collect()
}

#[test]
fn titles_stay_outside_names() {
    let text = "Gubernur Jawa Barat Ridwan Kamil bertemu Menteri Keuangan Sri Mulyani Indrawati \
                dan Kapolri Listyo Sigit Prabowo di Bandung.";
    let found = spans(text, Some(Lang::Id));
    for (name, kind) in &found {
        for title in ["Gubernur", "Menteri", "Kapolri"] {
            assert!(
                !name.starts_with(title),
                "{name:?} ({kind:?}) keeps its title"
            );
        }
    }
    assert!(found.contains(&("Ridwan Kamil", Kind::Per)), "{found:?}");
    assert!(
        found.contains(&("Sri Mulyani Indrawati", Kind::Per)),
        "{found:?}"
    );
    assert!(
        found.contains(&("Listyo Sigit Prabowo", Kind::Per)),
        "{found:?}"
    );
    assert!(found.contains(&("Bandung", Kind::Loc)), "{found:?}");
}

#[test]
fn datelines_are_places() {
    for (text, lang, place) in [
        (
            "JAKARTA, KOMPAS.com – Banjir merendam Jakarta Utara.",
            Lang::Id,
            "JAKARTA",
        ),
        (
            "PUTRAJAYA: Kerajaan mengumumkan bantuan tunai.",
            Lang::Ms,
            "PUTRAJAYA",
        ),
        (
            "KUALA LUMPUR, Nov 28 - Prices rose again.",
            Lang::En,
            "KUALA LUMPUR",
        ),
    ] {
        let found = spans(text, Some(lang));
        assert!(found.contains(&(place, Kind::Loc)), "{text}: {found:?}");
    }
}

#[test]
fn months_and_weekdays_are_never_entities() {
    let text = "Pada Senin (12/8), Presiden tiba di Jakarta. Rapat digelar Selasa dan Rabu, \
                lalu berlanjut pada Agustus hingga September. Sabtu, Kamis dan Jumat libur. \
                On Monday, the President flew to London for talks in October.";
    let calendar = [
        "Senin",
        "Selasa",
        "Rabu",
        "Kamis",
        "Jumat",
        "Sabtu",
        "Agustus",
        "September",
        "Monday",
        "October",
    ];
    for lang in [Some(Lang::Id), Some(Lang::En), None] {
        for (name, _) in spans(text, lang) {
            for word in calendar {
                assert!(!name.contains(word), "{name:?} holds {word}");
            }
        }
    }
}

#[test]
fn surname_keeps_the_type_of_the_full_name() {
    let text = "Utusan khusus Rusia Zamir Kabulov tiba di Kabul. Kabulov mengatakan pembicaraan \
                berjalan baik, kata Kabulov kepada wartawan.";
    let found = spans(text, Some(Lang::Id));
    let kabulov: Vec<Kind> = found
        .iter()
        .filter(|(n, _)| n.contains("Kabulov"))
        .map(|(_, k)| *k)
        .collect();
    assert!(kabulov.len() >= 2, "{found:?}");
    assert!(kabulov.iter().all(|&k| k == Kind::Per), "{found:?}");
}

#[test]
fn mention_ranges_map_back_to_the_text() {
    let text = "«Kata» Menteri BUMN Erick Thohir di Jakarta — PT Pertamina (Persero) naik.";
    for m in mentions(text, None) {
        let s = &text[m.start..m.end];
        assert_eq!(s, s.trim());
        assert!(!s.is_empty());
    }
}

#[test]
fn indonesian_news_pages_are_read_as_news() {
    for page in [
        "detik",
        "kompas",
        "liputan6",
        "sindonews",
        "tempo-names",
        "tribun",
    ] {
        let path = common::fixtures("articles").join(page).join("page.html");
        let html = bersih::html::parse_bytes(&std::fs::read(path).unwrap());
        let analysis = bersih::analyse(&html, &Default::default());
        let text = analysis.article.expect("an article").text;
        let (tokens, sentences) = bersih_names::token::tokenise(&text);
        let words = bersih_names::token::sentence_words(&text, &tokens, &sentences);
        let genre = Tagger::embedded().genre_of(&words, Some(Lang::Id));
        assert_eq!(genre, Genre::News, "{page}");
    }
}
