//! Ad slots, their labels and sponsored boxes.
//!
//! Why it works in two steps: the signals that say "ad" (an ad-network attribute, a class token,
//! an ad iframe, an "ADVERTISEMENT" caption) usually sit on a small inner node, while what a reader
//! sees is the wrapper around it: detik's `div.paradetail` holds an empty GPT slot between two
//! caption paragraphs. So the rules first mark *seeds*, then one reverse pass over the arena
//! grows each seed into the largest ancestor made only of ad parts, labels and empty boxes.
//!
//! Invariant: a reported block never holds article prose. A seed that holds prose (an article
//! container with a class like `has-ads` or `article-advertising-policy`) is not a seed, and an
//! ancestor with any other content (a paragraph, an image, a link) is never absorbed, so the
//! smaller block is reported instead.

use super::stats::{self, Stats};
use crate::analysis::{Reason, Rule};
use crate::lang;
use crate::page::{NodeId, Page};
use crate::text;

/// Class/id tokens that name an ad (after splitting on `-`, `_`, spaces, camelCase and digits).
/// Whole tokens only, so `header`, `shadow`, `download`, `badge` or `add-comment` never match.
/// `gpt` alone is left out: it now also names AI features, and GPT slots carry `ad` anyway
/// (`div-gpt-ad-…`). Sorted for binary search.
const AD_TOKENS: &[&str] = &[
    "ad",
    "adbox",
    "adcontainer",
    "adfox",
    "ads",
    "adsbygoogle",
    "adsense",
    "adslot",
    "adunit",
    "adv",
    "advert",
    "advertisement",
    "advertisements",
    "adverts",
    "adwrap",
    "adwrapper",
    "detikads",
    "dfp",
    "iklan",
    "mgid",
    "mgidwidget",
    "outbrain",
    "paradetail",
    "parallaxindetail",
    "pariwara",
    "slotiklan",
    "sponsor",
    "sponsored",
    "taboola",
    "teads",
];

/// Attributes only ad tags put on an element.
const AD_ATTRS: &[&str] = &[
    "data-ad-client",
    "data-ad-slot",
    "data-ad-unit",
    "data-google-query-id",
];

/// Hosts (or host fragments) of ad networks and paid-recommendation widgets, matched in iframe
/// addresses.
const AD_HOSTS: &[&str] = &[
    "adnxs.com",
    "adform.net",
    "adsrvr.org",
    "amazon-adsystem.com",
    "criteo.",
    "doubleclick.net",
    "googleadservices.com",
    "googlesyndication.com",
    "mgid.com",
    "outbrain.com",
    "pubmatic.com",
    "revcontent.com",
    "rubiconproject.com",
    "smartadserver.com",
    "taboola.com",
    "teads.tv",
];

/// Elements that show nothing; signals on them are ignored. Sorted.
const NON_VISUAL_TAGS: &[&str] = &[
    "base", "head", "link", "meta", "noscript", "script", "style", "template", "title",
];

/// A class or id is taken for a slug of the element's text only when the text has at least this
/// many letters; "Ad" inside `div.ad` is not a slug.
const SLUG_MIN_CHARS: usize = 8;

/// Headings title sections; they are never ad captions.
const HEADING_TAGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// An ad label is a short caption; longer text is never compared with the label table.
const LABEL_MAX_CHARS: usize = 48;

/// A `rel="sponsored"` link is a promo box only when the line around it has at most this many
/// words of its own; a sponsored link inside a sentence is left alone, since hiding it would cut
/// the sentence.
const SPONSORED_MAX_PLAIN_WORDS: u32 = 3;

/// What one node is, seen from its parent, while ad blocks grow upward.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// An ad, a label of an ad, or a block made only of those.
    Ad,
    /// Whitespace, an empty box, a script, a bare label text: absorbed with any ad next to it.
    Empty,
    /// Anything a reader would miss.
    Content,
}

/// The topmost node of every ad block, in document order, with the reason of its first seed.
pub(super) fn find(page: &Page, stats: &Stats) -> Vec<(NodeId, Reason)> {
    let parts = classify(page, stats);
    let mut found = Vec::new();
    let mut id = page.root();
    while id.index() < page.len() {
        if parts[id.index()] == Part::Ad {
            // A block is an ad because a seed is in it (or is it).
            let (rule, evidence) = page
                .subtree(id)
                .map(NodeId::new)
                .filter(|&n| page.is_element(n))
                .find_map(|n| seed(page, stats, n))
                .unwrap_or((Rule::AdName, ""));
            found.push((id, Reason::new(rule, evidence)));
            id = page.skip(id);
        } else {
            id = NodeId::new(id.index() + 1);
        }
    }
    found
}

/// Whether a short text is an ad caption ("ADVERTISEMENT", "Scroll to continue with content").
/// Surrounding punctuation is ignored ("- Advertisement -").
pub(crate) fn is_label(s: &str) -> bool {
    if s.trim().len() > LABEL_MAX_CHARS {
        return false;
    }
    let core = s.trim_matches(|c: char| !c.is_alphanumeric());
    if core.is_empty() {
        return false;
    }
    // One word needs no normalising (and no allocation): most short texts on a page are that.
    if !core.contains(char::is_whitespace) {
        return lang::all(|t| t.ad_labels).any(|label| label.eq_ignore_ascii_case(core));
    }
    let norm = text::normalise(core);
    lang::all(|t| t.ad_labels).any(|label| label == norm)
}

/// Classifies every node, children before parents, growing seeds into their wrappers.
fn classify(page: &Page, stats: &Stats) -> Vec<Part> {
    let mut parts = vec![Part::Empty; page.len()];
    let mut has_ad = vec![false; page.len()];
    let mut has_content = vec![false; page.len()];
    for id in page.ids().rev() {
        let i = id.index();
        let part = if page.is_text(id) {
            text_part(page.text(id))
        } else if is_non_visual(page.tag(id)) {
            Part::Empty
        } else if stats::is_frame(page.tag(id)) {
            Part::Content
        } else if seed(page, stats, id).is_some() || (has_ad[i] && !has_content[i]) {
            Part::Ad
        } else if stats.words(id) == 0 && stats.media(id) == 0 {
            Part::Empty
        } else {
            Part::Content
        };
        parts[i] = part;
        if let Some(parent) = page.parent(id) {
            has_ad[parent.index()] |= part == Part::Ad;
            has_content[parent.index()] |= part == Part::Content;
        }
    }
    parts
}

fn text_part(s: &str) -> Part {
    if s.chars().all(char::is_whitespace) || is_label(s) {
        Part::Empty
    } else {
        Part::Content
    }
}

/// Whether the element itself says "ad", and holds no article prose: the rule that says so and
/// what it matched.
fn seed<'a>(page: &'a Page, stats: &Stats, id: NodeId) -> Option<(Rule, &'a str)> {
    let says_ad = ad_attr(page, id)
        .map(|a| (Rule::AdAttribute, a))
        .or_else(|| ad_name(page, stats, id).map(|n| (Rule::AdName, n)))
        .or_else(|| ad_iframe(page, id).map(|f| (Rule::AdFrame, f)))
        .or_else(|| label_element(page, stats, id).map(|l| (Rule::AdLabel, l)))
        .or_else(|| sponsored_link(page, stats, id).map(|r| (Rule::SponsoredLink, r)));
    says_ad.filter(|_| !stats.holds_prose(id))
}

/// The ad network attribute the element has.
fn ad_attr(page: &Page, id: NodeId) -> Option<&'static str> {
    AD_ATTRS
        .iter()
        .copied()
        .find(|a| page.attr(id, a).is_some())
}

/// A class, the id, or a custom tag name (`amp-ad`) with an ad token, unless that name is only a
/// slug of the element's own text (a heading "Conducting ad hoc analysis" with that id, a menu
/// item `li.menu-iab-ad-revenue-report`).
fn ad_name<'a>(page: &'a Page, stats: &Stats, id: NodeId) -> Option<&'a str> {
    let tag = page.tag(id);
    let custom_tag = tag.contains('-').then_some(tag);
    let names = page
        .classes(id)
        .chain(page.attr(id, "id"))
        .chain(custom_tag);
    let mut ad_names = names
        .filter(|name| tokens(name).any(is_ad_token))
        .peekable();
    ad_names.peek()?;
    let slug = own_text_slug(page, stats, id);
    ad_names.find(|name| {
        !slug
            .as_ref()
            .is_some_and(|slug| squash(name).contains(slug.as_str()))
    })
}

/// The element's text as a slug (letters and digits only, lower case) when it is one text node
/// long enough to tell a generated name from a real class.
fn own_text_slug(page: &Page, stats: &Stats, id: NodeId) -> Option<String> {
    let text = page.text(stats.first_text(id).filter(|_| stats.text_nodes(id) == 1)?);
    let slug = squash(text);
    (slug.len() >= SLUG_MIN_CHARS).then_some(slug)
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether a piece of a name is an ad token, ignoring ASCII case.
fn is_ad_token(token: &str) -> bool {
    AD_TOKENS.iter().any(|t| t.eq_ignore_ascii_case(token))
}

/// An iframe served by an ad network, or named like an ad frame (`google_ads_iframe_…`): the
/// network's host or the frame's name.
fn ad_iframe(page: &Page, id: NodeId) -> Option<&str> {
    if page.tag(id) != "iframe" {
        return None;
    }
    let src = page.attr(id, "src").unwrap_or("").to_ascii_lowercase();
    AD_HOSTS
        .iter()
        .copied()
        .find(|host| src.contains(host))
        .or_else(|| {
            page.attr(id, "name")
                .filter(|name| tokens(name).any(is_ad_token))
        })
}

/// An element whose only text is an ad caption, with no link or image of its own (so a footer
/// link "Iklan" to the rate card is not one), and not a heading (an article about ads may have a
/// section "Iklan").
fn label_element<'a>(page: &'a Page, stats: &Stats, id: NodeId) -> Option<&'a str> {
    let alone = !HEADING_TAGS.contains(&page.tag(id))
        && stats.text_nodes(id) == 1
        && stats.link_words(id) == 0
        && stats.media(id) == 0;
    let text = page.text(stats.first_text(id).filter(|_| alone)?);
    is_label(text).then_some(text)
}

/// A `rel="sponsored"` link that stands on its own line (a promo box, not a link in a sentence):
/// its `rel` value.
fn sponsored_link<'a>(page: &'a Page, stats: &Stats, id: NodeId) -> Option<&'a str> {
    let rel = page.attr(id, "rel").filter(|rel| {
        rel.split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case("sponsored"))
    })?;
    let line = page
        .ancestors(id)
        .find(|&a| stats::is_block(page.tag(a)))
        .unwrap_or(page.root());
    (stats.plain_words(line) <= SPONSORED_MAX_PLAIN_WORDS).then_some(rel)
}

fn is_non_visual(tag: &str) -> bool {
    NON_VISUAL_TAGS.binary_search(&tag).is_ok()
}

/// Splits a class/id value into lower-case tokens at spaces, `-`, `_` and other punctuation,
/// lower→upper case changes (`adSlot`), the end of an upper-case run (`GPTAd`) and letter/digit
/// changes (`ads3`, `ad300x250`). Hexadecimal runs are dropped whole (see [`is_hash`]).
fn tokens(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty() && !is_hash(part))
        .flat_map(split_word)
}

/// A run of hexadecimal digits where a digit comes before a letter: a generated id or a UUID
/// part (`navId-AD8090D7-…`, Medium's `e1ad`), where "ad" is chance. A name followed by a number
/// (`ad005`, `ad1`) is not one.
fn is_hash(part: &str) -> bool {
    let letter_after_digit = part
        .bytes()
        .skip_while(|b| !b.is_ascii_digit())
        .any(|b| b.is_ascii_alphabetic());
    letter_after_digit && part.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Splits one ASCII alphanumeric run at case and digit boundaries (`adSlot2` → `ad`, `Slot`,
/// `2`), without allocating: it runs on every class of every element.
fn split_word(word: &str) -> impl Iterator<Item = &str> {
    let b = word.as_bytes();
    let boundary = move |i: usize| {
        let (prev, cur) = (b[i - 1], b[i]);
        let next_lower = b.get(i + 1).is_some_and(u8::is_ascii_lowercase);
        (prev.is_ascii_lowercase() && cur.is_ascii_uppercase())
            || (prev.is_ascii_uppercase() && cur.is_ascii_uppercase() && next_lower)
            || prev.is_ascii_digit() != cur.is_ascii_digit()
    };
    let mut start = 0;
    (1..=b.len()).filter_map(move |i| {
        if i < b.len() && !boundary(i) {
            return None;
        }
        let piece = &word[start..i];
        start = i;
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted() {
        for list in [AD_TOKENS, NON_VISUAL_TAGS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
