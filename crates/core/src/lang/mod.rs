//! Language knowledge as data: one table per language (Indonesian, Malay, English).
//!
//! Every phrase is stored pre-normalised (lower case, single spaces; see [`crate::text::normalise`])
//! and each slice is sorted and duplicate-free, which the tests check. A new phrase is a one-line
//! change that touches no code; a new language is a new file plus one line in [`TABLES`].

mod en;
mod id;
mod ms;

use serde::Serialize;

/// A language the tables know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Indonesian.
    Id,
    /// Malay.
    Ms,
    /// English.
    En,
}

impl Lang {
    /// BCP 47 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::Ms => "ms",
            Lang::En => "en",
        }
    }

    /// The table language of a BCP 47 primary subtag ("id", "ms", "en").
    pub fn from_code(code: &str) -> Option<Lang> {
        TABLES.iter().map(|t| t.lang).find(|l| l.code() == code)
    }
}

/// What one language contributes to the rules.
#[derive(Debug)]
pub struct Table {
    /// The language of this table.
    pub lang: Lang,
    /// Lead-ins that open an inserted recirculation block ("baca juga", "read also").
    pub recirculation_leads: &'static [&'static str],
    /// Whole-text labels of ad slots ("advertisement", "scroll to continue with content").
    pub ad_labels: &'static [&'static str],
    /// Lead-ins of in-body lines that are not article prose (calls to action, share prompts).
    pub boilerplate_leads: &'static [&'static str],
    /// Whole texts of labels that head a site's own link lists ("terpopuler", "most popular"):
    /// after the article's last paragraph, such a label over a list of links is not the article.
    pub list_headings: &'static [&'static str],
    /// Month names and abbreviations with their number (1–12), for reading dates.
    pub months: &'static [(&'static str, u8)],
    /// Month names as dates are printed for readers, January first ("Juni", "June").
    pub month_names: [&'static str; 12],
    /// What separates hours from minutes in a printed time ("07.30" in Indonesian, "07:30").
    pub clock_separator: char,
    /// Names of time zones by their offset east of UTC in minutes ("WIB" for +07:00); a printed
    /// time in another zone shows its offset ("UTC+01:00").
    pub zone_names: &'static [(i32, &'static str)],
    /// Weekday names, which dates may carry and which are never entities.
    pub weekdays: &'static [&'static str],
    /// Labels of author lines ("penulis", "by").
    pub byline_labels: &'static [&'static str],
    /// Labels of editor lines ("editor", "penyunting").
    pub editor_labels: &'static [&'static str],
    /// Labels of source attribution lines ("sumber", "source").
    pub source_labels: &'static [&'static str],
    /// Link texts that lead to the next page of a paginated article ("halaman selanjutnya").
    pub next_page_links: &'static [&'static str],
    /// Link texts that lead to the previous page ("sebelumnya"): with the next-page texts, page
    /// labels and numbers they make up a pager's line, which a merged story leaves out.
    pub previous_page_links: &'static [&'static str],
    /// Words that label a page number ("halaman" in "Halaman 2", "Halaman 1/4").
    pub page_labels: &'static [&'static str],
    /// Link texts that lead to the whole story on one page ("tampilkan semua"); taken only
    /// when the link stays within the story.
    pub show_all_links: &'static [&'static str],
    /// Words after a count that make a line a counter of readers' reactions ("2,192 shares",
    /// "12 komentar"): on a line of its own, a widget's, not the article's.
    pub counter_words: &'static [&'static str],
    /// Phrases of the headlines of error pages ("page not found", "halaman tidak ditemukan"): a
    /// short page under such a title is no article.
    pub error_titles: &'static [&'static str],
    /// Frequent function words, used to guess the page language.
    pub stopwords: &'static [&'static str],
}

/// All tables. Rules consult every table, since Indonesian pages carry English ad labels.
pub const TABLES: [&Table; 3] = [&id::TABLE, &ms::TABLE, &en::TABLE];

/// The table of one language.
pub fn table(lang: Lang) -> &'static Table {
    TABLES
        .iter()
        .find(|t| t.lang == lang)
        .expect("every Lang has a table")
}

/// Every entry of one field across all tables.
pub fn all(field: fn(&Table) -> &'static [&'static str]) -> impl Iterator<Item = &'static str> {
    TABLES.iter().flat_map(move |t| field(t).iter().copied())
}

/// The page language: its declared code (primary subtag, lower case) or, failing that, the
/// table language whose stopwords are most frequent; and the matching table language, if any.
///
/// Indonesian and Malay share most function words, so their stopword lists share a core and
/// differ in the words that tell them apart ("karena"/"kerana", "bahwa"/"bahawa", "setelah"/
/// "selepas", "bisa"/"boleh"): the shared core beats English, the markers settle the rest, and a
/// tie goes to the earlier table.
pub fn detect(page: &crate::page::Page) -> (String, Option<Lang>) {
    let declared = declared(page);
    // Checking a declaration needs fewer words than guessing without one.
    let sample = if declared.is_some() {
        CHECK_WORDS
    } else {
        SAMPLE_WORDS
    };
    let hits = stopword_hits(page, sample);
    let by_text = best_by_stopwords(&hits);
    if let Some(code) = declared {
        let lang = Lang::from_code(&code);
        // A template can declare the wrong language ("en" on an Indonesian news site): the
        // text overrules a declared table language when it is clearly another one.
        let overruled = match (lang, by_text) {
            (Some(said), Some(found)) if said != found => {
                hits[table_index(found)] >= OVERRULE_RATIO * hits[table_index(said)]
            }
            _ => false,
        };
        if !overruled {
            return (code, lang);
        }
    }
    match by_text {
        Some(lang) => (lang.code().to_string(), Some(lang)),
        None => ("und".to_string(), None),
    }
}

/// How many times more stopwords of another table language overrule a declared one.
const OVERRULE_RATIO: usize = 3;

fn table_index(lang: Lang) -> usize {
    TABLES
        .iter()
        .position(|t| t.lang == lang)
        .expect("every Lang has a table")
}

/// Words of body text sampled for stopword counting: enough for a stable count, bounded work.
const SAMPLE_WORDS: usize = 2_000;
/// Words sampled to check a declared language: a template's wrong declaration shows at once.
const CHECK_WORDS: usize = 400;

/// Fewest stopword hits that make a guess: below it the page has too little prose to tell.
const MIN_STOPWORD_HITS: usize = 5;

/// Obsolete or alternative codes pages still declare, with the code the tables use.
const CODE_ALIASES: &[(&str, &str)] = &[("in", "id"), ("ind", "id"), ("msa", "ms"), ("zsm", "ms")];

/// The primary subtag of `<html lang>` or of a content-language meta, lower case.
fn declared(page: &crate::page::Page) -> Option<String> {
    let from_html = page.find_tag("html").and_then(|h| page.attr(h, "lang"));
    let from_meta = || {
        page.ids()
            .filter(|&id| page.tag(id) == "meta")
            .find_map(|id| {
                let name = page.attr(id, "name")?;
                let is_lang = name.eq_ignore_ascii_case("content-language")
                    || name.eq_ignore_ascii_case("language");
                is_lang.then(|| page.attr(id, "content")).flatten()
            })
    };
    let raw = from_html
        .filter(|v| !v.trim().is_empty())
        .or_else(from_meta)?;
    let primary = raw.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    if primary.is_empty() || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let code = CODE_ALIASES
        .iter()
        .find(|a| a.0 == primary)
        .map_or(primary.as_str(), |a| a.1);
    Some(code.to_string())
}

/// Stopword counts of each table language in the first words of the body text.
fn stopword_hits(page: &crate::page::Page, sample: usize) -> [usize; TABLES.len()] {
    let scope = page.find_tag("body").unwrap_or(page.root());
    let mut hits = [0usize; TABLES.len()];
    let mut seen = 0;
    for id in page.descendants(scope) {
        if seen >= sample {
            break;
        }
        let is_prose = page.is_text(id) && page.parent(id).is_some_and(|p| page.tag(p) != "script");
        if !is_prose || page.is_hidden(id) {
            continue;
        }
        for word in crate::text::words(page.text(id)).take(sample - seen) {
            seen += 1;
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            // Most words are already lower case: no allocation for them.
            let lower = if word.chars().any(char::is_uppercase) {
                std::borrow::Cow::Owned(word.to_lowercase())
            } else {
                std::borrow::Cow::Borrowed(word)
            };
            for (hit, table) in hits.iter_mut().zip(TABLES) {
                *hit += usize::from(table.stopwords.binary_search(&&*lower).is_ok());
            }
        }
    }
    hits
}

/// The table language whose stopwords occur most often, given enough of them.
fn best_by_stopwords(hits: &[usize; TABLES.len()]) -> Option<Lang> {
    let (best, &count) = hits.iter().enumerate().rev().max_by_key(|&(_, c)| c)?;
    (count >= MIN_STOPWORD_HITS).then(|| TABLES[best].lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalise;

    fn check_slice(name: &str, lang: Lang, items: &[&str]) {
        for w in items.windows(2) {
            assert!(
                w[0] < w[1],
                "{lang:?} {name}: not sorted or duplicated at {:?}",
                w
            );
        }
        for s in items {
            assert_eq!(*s, normalise(s), "{lang:?} {name}: {s:?} is not normalised");
        }
    }

    #[test]
    fn tables_are_sorted_unique_and_normalised() {
        for t in TABLES {
            check_slice("recirculation_leads", t.lang, t.recirculation_leads);
            check_slice("ad_labels", t.lang, t.ad_labels);
            check_slice("boilerplate_leads", t.lang, t.boilerplate_leads);
            check_slice("list_headings", t.lang, t.list_headings);
            check_slice("weekdays", t.lang, t.weekdays);
            check_slice("byline_labels", t.lang, t.byline_labels);
            check_slice("editor_labels", t.lang, t.editor_labels);
            check_slice("source_labels", t.lang, t.source_labels);
            check_slice("next_page_links", t.lang, t.next_page_links);
            check_slice("previous_page_links", t.lang, t.previous_page_links);
            check_slice("page_labels", t.lang, t.page_labels);
            check_slice("show_all_links", t.lang, t.show_all_links);
            check_slice("counter_words", t.lang, t.counter_words);
            check_slice("error_titles", t.lang, t.error_titles);
            check_slice("stopwords", t.lang, t.stopwords);
            let months: Vec<&str> = t.months.iter().map(|m| m.0).collect();
            check_slice("months", t.lang, &months);
            assert!(t.months.iter().all(|m| (1..=12).contains(&m.1)));
            // What is printed for readers reads back as the same month.
            for (i, name) in t.month_names.iter().enumerate() {
                let parsed = t.months.iter().find(|m| m.0 == normalise(name));
                assert_eq!(parsed.map(|m| usize::from(m.1)), Some(i + 1), "{name}");
            }
        }
    }

    fn detect_html(html: &str) -> (String, Option<Lang>) {
        detect(&crate::html::parse(html))
    }

    #[test]
    fn declared_language_wins() {
        assert_eq!(
            detect_html("<html lang=id-ID><p>the cat</p>"),
            ("id".into(), Some(Lang::Id))
        );
        assert_eq!(
            detect_html("<html lang=EN_us><p>x</p>"),
            ("en".into(), Some(Lang::En))
        );
        assert_eq!(
            detect_html("<html lang=in><p>x</p>"),
            ("id".into(), Some(Lang::Id))
        );
        assert_eq!(detect_html("<html lang=cs><p>x</p>"), ("cs".into(), None));
        let meta = "<html><meta name=content-language content=ms-MY><p>x</p>";
        assert_eq!(detect_html(meta), ("ms".into(), Some(Lang::Ms)));
    }

    #[test]
    fn text_overrules_a_declared_language_it_clearly_is_not() {
        let id = "<html lang=en><p>Menurut dia, hal tersebut tidak bisa dilakukan karena \
                  anggaran belum cair, sehingga pemerintah akan menunda proyek itu.</p>";
        assert_eq!(detect_html(id), ("id".into(), Some(Lang::Id)));
        let en = "<html lang=id><p>He said that the project was delayed because the budget \
                  had not been approved, and it will be reviewed after the meeting.</p>";
        assert_eq!(detect_html(en), ("en".into(), Some(Lang::En)));
    }

    #[test]
    fn stopwords_tell_indonesian_malay_and_english_apart() {
        let id = "<p>Menurut dia, hal tersebut tidak bisa dilakukan karena anggaran belum cair, \
                  sehingga pemerintah akan menunda proyek itu setelah rapat.</p>";
        let ms = "<p>Menurut beliau, perkara itu tidak boleh dilakukan kerana peruntukan belum \
                  diluluskan, sehingga kerajaan akan menangguhkan projek itu selepas mesyuarat.</p>";
        let en = "<p>He said that the project was delayed because the budget had not been \
                  approved, and it will be reviewed after the meeting.</p>";
        assert_eq!(detect_html(id), ("id".into(), Some(Lang::Id)));
        assert_eq!(detect_html(ms), ("ms".into(), Some(Lang::Ms)));
        assert_eq!(detect_html(en), ("en".into(), Some(Lang::En)));
        assert_eq!(detect_html("<p>Foto: Dok.</p>"), ("und".into(), None));
    }
}
