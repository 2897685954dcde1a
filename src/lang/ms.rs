//! Malay phrase tables.

use super::{Lang, Table};

#[rustfmt::skip]
pub(super) const TABLE: Table = Table {
    lang: Lang::Ms,
    recirculation_leads: &[],
    ad_labels: &[],
    boilerplate_leads: &[],
    months: &[],
    weekdays: &[],
    byline_labels: &[],
    editor_labels: &[],
    source_labels: &[],
    next_page_links: &[],
    stopwords: &[],
};
