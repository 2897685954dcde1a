//! English phrase tables.

use super::{Lang, Table};

#[rustfmt::skip]
pub(super) const TABLE: Table = Table {
    lang: Lang::En,
    // An entry ending in ":" counts only with its colon ("MORE: …"; a bare "More" is a menu).
    recirculation_leads: &[
        "also read",
        "more:",
        "read also",
        "read more",
        "read next",
        "read:",
        "related",
        "related articles",
        "related stories",
        "see also:",
    ],
    ad_labels: &[
        "advertisement",
        "scroll to continue with content",
        "scroll to resume content",
        "sponsored",
        "sponsored content",
    ],
    // An entry may hold " … ": the parts after it must follow later in the line, in order.
    boilerplate_leads: &[
        "add as a preferred source on google",
        "click here to subscribe",
        "follow us on",
        "share this article",
        "share this story",
        "sign up for our newsletter",
        "subscribe to our newsletter",
    ],
    list_headings: &[
        "latest",
        "latest news",
        "more stories",
        "most popular",
        "most read",
        "most viewed",
        "popular",
        "read more",
        "read next",
        "recommended",
        "related",
        "related articles",
        "related stories",
        "related topics",
        "tags",
        "topics",
        "trending",
        "you may also like",
    ],
    months: &[("apr", 4), ("april", 4), ("aug", 8), ("august", 8), ("dec", 12), ("december", 12), ("feb", 2), ("february", 2), ("jan", 1), ("january", 1), ("jul", 7), ("july", 7), ("jun", 6), ("june", 6), ("mar", 3), ("march", 3), ("may", 5), ("nov", 11), ("november", 11), ("oct", 10), ("october", 10), ("sep", 9), ("sept", 9), ("september", 9)],
    month_names: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    clock_separator: ':',
    zone_names: &[],
    weekdays: &["friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday"],
    byline_labels: &["author", "by", "posted by", "reporter", "reporting by", "writer", "written by"],
    editor_labels: &["edited by", "editor"],
    source_labels: &["source"],
    next_page_links: &[">", "next", "next page", "»", "›"],
    stopwords: &["a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from", "had", "has", "have", "he", "her", "his", "if", "in", "into", "is", "it", "its", "more", "not", "of", "on", "one", "or", "our", "out", "she", "so", "that", "the", "their", "them", "there", "they", "this", "to", "up", "was", "we", "were", "what", "when", "which", "who", "will", "with", "would", "you"],
};
