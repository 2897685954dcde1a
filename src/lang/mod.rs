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
    /// Month names and abbreviations with their number (1–12).
    pub months: &'static [(&'static str, u8)],
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
    /// Frequent function words, used to guess the page language.
    pub stopwords: &'static [&'static str],
}

/// All tables. Rules consult every table, since Indonesian pages carry English ad labels.
pub const TABLES: [&Table; 3] = [&id::TABLE, &ms::TABLE, &en::TABLE];

/// The table of one language.
pub fn table(lang: Lang) -> &'static Table {
    TABLES.iter().find(|t| t.lang == lang).expect("every Lang has a table")
}

/// Every entry of one field across all tables.
pub fn all(field: fn(&Table) -> &'static [&'static str]) -> impl Iterator<Item = &'static str> {
    TABLES.iter().flat_map(move |t| field(t).iter().copied())
}

/// The page language: its declared code (primary subtag, lower case) or, failing that, the
/// table language whose stopwords are most frequent; and the matching table language, if any.
pub fn detect(page: &crate::page::Page) -> (String, Option<Lang>) {
    let _ = page;
    ("und".to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalise;

    fn check_slice(name: &str, lang: Lang, items: &[&str]) {
        for w in items.windows(2) {
            assert!(w[0] < w[1], "{lang:?} {name}: not sorted or duplicated at {:?}", w);
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
            check_slice("weekdays", t.lang, t.weekdays);
            check_slice("byline_labels", t.lang, t.byline_labels);
            check_slice("editor_labels", t.lang, t.editor_labels);
            check_slice("source_labels", t.lang, t.source_labels);
            check_slice("next_page_links", t.lang, t.next_page_links);
            check_slice("stopwords", t.lang, t.stopwords);
            let months: Vec<&str> = t.months.iter().map(|m| m.0).collect();
            check_slice("months", t.lang, &months);
            assert!(t.months.iter().all(|m| (1..=12).contains(&m.1)));
        }
    }
}
