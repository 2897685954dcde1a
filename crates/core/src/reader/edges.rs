//! What sits around the article's prose inside the extracted block: lists and rows of links
//! before its first paragraph (breadcrumbs, tag lists) and the site's own link groups after its
//! last one ("Terkini", "Artikel Pilihan", "Tags", "Most popular"), with their headings.
//!
//! Why by position: Readability keeps these blocks when they share the article's container, and
//! their markup varies by site (lists, card grids, dated headlines); what they share is that no
//! prose follows them and that they are mostly link text. Lists between paragraphs stay: they may
//! be the story's own list. A name left last on a line of its own signs the story (its editor,
//! reporter or wire) and is not its text either.

use super::extract::{Extraction, Item};
use super::tags;
use super::{is_live, live_text};
use crate::analysis::{Kind, Reason, Removal, Rule};
use crate::lang;
use crate::page::{NodeId, Page};
use crate::text;

/// A paragraph with this many words is article prose, for finding the article's edges.
const PROSE_MIN_WORDS: u32 = 15;
/// List items of link lists are short: a headline or a tag.
const LINK_ITEM_MAX_WORDS: u32 = 16;
/// Fewest links in a group that is not a list: one link after the text is a source or a credit.
const GROUP_MIN_LINKS: u32 = 2;
/// Fewest links in a row of bare links before the article that is a breadcrumb ("HOME BOLA
/// SEPAKBOLA DUNIA"): two may be the authors' linked names.
const BREADCRUMB_MIN_LINKS: u32 = 3;
/// A label heading a group without being a heading element is short ("Artikel Pilihan", "Tags:").
const LABEL_MAX_WORDS: u32 = 4;

/// Leaves out the link lists before the first paragraph and the link lists, tag rows and
/// headed or labelled link groups after the last, and reports them.
pub(super) fn drop_link_lists(page: &Page, ex: &mut Extraction, removed: &mut Vec<Removal>) {
    let mut prose = page.ids().filter(|&id| is_prose(page, ex, id));
    let Some(first) = prose.next() else {
        return;
    };
    let end = prose
        .map(|id| page.skip(id))
        .fold(page.skip(first), NodeId::max);
    let counts = Counts::new(page);
    let leading_row = |id: NodeId| {
        is_text_block(page.tag(id))
            && counts.is_link_row(id)
            && counts.get(id).links >= BREADCRUMB_MIN_LINKS
    };
    let mut found: Vec<NodeId> = page
        .ids()
        .take_while(|&id| id < first)
        .filter(|&id| page.skip(id) <= first)
        .filter(|&id| is_live(page, ex, id) && (is_link_list(page, ex, id) || leading_row(id)))
        .collect();
    found.extend(trailing_groups(page, ex, &counts, end));
    let mut drop = |ex: &mut Extraction, node: NodeId, range: std::ops::Range<usize>, text| {
        ex.dead[range].iter_mut().for_each(|d| *d = true);
        removed.push(Removal {
            node,
            kind: Kind::Boilerplate,
            text,
            reason: Reason::new(Rule::Boilerplate, ""),
        });
    };
    for id in found {
        if !ex.dead[id.index()] {
            let text = text::collapse_whitespace(&page.text_content(id));
            drop(ex, id, page.subtree(id), text);
        }
    }
    if let Some((node, range, text)) = signature(page, ex, &counts, first, end) {
        drop(ex, node, range, text);
    }
}

/// Words of a name signing the story.
const SIGNATURE_MAX_WORDS: u32 = 4;

/// The story's signature: its last line, when that is a name ([`is_signature`]) on a line of its
/// own after the last paragraph, as a block or as the last `<br>`-separated run of one. Gives
/// the node, the ids it covers and its text.
fn signature(
    page: &Page,
    ex: &Extraction,
    counts: &Counts,
    first: NodeId,
    end: NodeId,
) -> Option<(NodeId, std::ops::Range<usize>, String)> {
    let last = (first.index()..page.len())
        .rev()
        .map(NodeId::new)
        .find(|&n| page.is_text(n) && !page.is_blank(n) && is_live(page, ex, n))?;
    let run = ex.runs.iter().find_map(|r| match *r {
        Item::Run { first, end, .. } if first <= last && last < end => Some((first, end)),
        _ => None,
    });
    let (node, range) = match run {
        Some((first, end)) => (first, first.index()..end.index()),
        None => {
            let block = page
                .ancestors(last)
                .take_while(|&a| a >= end)
                .filter(|&a| {
                    let c = counts.get(a);
                    c.link_words == 0
                        && c.words <= SIGNATURE_MAX_WORDS
                        && crate::tags::starts_line(page.tag(a))
                })
                .last()?;
            (block, page.subtree(block))
        }
    };
    let text = live_text(page, ex, range.clone());
    is_signature(&text).then_some((node, range, text))
}

/// Article prose, for finding the article's edges: a paragraph of [`PROSE_MIN_WORDS`] words, or
/// such a run of text straight in a block (stories written in `div`s with `br`s); not in a list
/// item, a caption or an inline element, where a long line is a teaser or a reference.
fn is_prose(page: &Page, ex: &Extraction, id: NodeId) -> bool {
    if page.is_text(id) {
        return page.text_stats(id).words >= PROSE_MIN_WORDS
            && page.parent(id).is_some_and(|p| is_text_block(page.tag(p)))
            && is_live(page, ex, id);
    }
    matches!(page.tag(id), "p" | "blockquote" | "pre")
        && is_live(page, ex, id)
        && live_words(page, ex, id).0 >= PROSE_MIN_WORDS
}

/// A block whose own text runs are a story's paragraphs when it writes them without `p`s.
fn is_text_block(tag: &str) -> bool {
    matches!(tag, "div" | "section" | "article" | "main" | "body")
}

/// The topmost link lists and link groups from `start` on: a `ul`/`ol` of links, a row of bare
/// links (tags), a block that opens with a heading and is otherwise a link group, a heading
/// or short label ("Twitter Recommendation", "Topik Artikel :") whose next sibling is a link
/// group; then a table heading left last with nothing of the article after it (what it headed
/// was left out: "More Photos" over thumbnails).
fn trailing_groups(page: &Page, ex: &Extraction, counts: &Counts, start: NodeId) -> Vec<NodeId> {
    let is_group = |id: NodeId| is_link_list(page, ex, id) || counts.is_group(id, None);
    let mut found = Vec::new();
    let mut i = start.index();
    while i < page.len() {
        let id = NodeId::new(i);
        i += 1;
        if !page.is_element(id) || !is_live(page, ex, id) {
            continue;
        }
        let headed = || heading_in(page, counts, id).is_some_and(|h| counts.is_group(id, Some(h)));
        let group_after = || {
            (is_heading(page, counts, id) || is_label(page, counts, id))
                .then(|| page.next_filled(id).filter(|&n| page.is_element(n)))
                .flatten()
                .filter(|&n| is_group(n))
        };
        let link_row = || is_text_block(page.tag(id)) && counts.is_link_row(id);
        if is_link_list(page, ex, id) || link_row() || headed() {
            found.push(id);
        } else if let Some(group) = group_after() {
            found.extend([id, group]);
        } else {
            continue;
        }
        i = page.skip(*found.last().expect("just pushed")).index();
    }
    let last_text = (start.index()..page.len())
        .rev()
        .map(NodeId::new)
        .filter(|&n| page.is_text(n) && !page.is_blank(n))
        .find(|&n| is_live(page, ex, n) && !found.iter().any(|&f| page.contains(f, n)));
    let dangling = last_text.and_then(|t| {
        page.ancestors(t)
            .take_while(|&a| a > start)
            .filter(|&a| is_live(page, ex, a) && is_list_heading(page, counts, a))
            .last()
    });
    found.extend(dangling);
    found
}

/// A name signing the story: the editor's in parentheses, as okezone ends its stories ("(Rani
/// Hardjanti)"), the reporter's in capitals, as tempo does ("DINI TEJA"), or a wire's after a
/// dash ("-- BERNAMA", "— AFP"): words of letters (and `.`, `'`, `-` inside names) that each
/// open with a capital; bare and in capitals, two or more of them (one is a word such as
/// "SELESAI" as much as a name).
fn is_signature(line: &str) -> bool {
    let undashed = line.trim_start_matches(['-', '\u{2013}', '\u{2014}']);
    let dashed = undashed.len() < line.len();
    let (inner, marked) = match undashed.strip_prefix('(').and_then(|l| l.strip_suffix(')')) {
        Some(inner) => (inner.trim(), true),
        None => (undashed.trim(), dashed),
    };
    let words: Vec<&str> = inner.split_whitespace().collect();
    let name_word = |w: &&str| {
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-'))
    };
    let capitals = inner.chars().all(|c| !c.is_lowercase());
    !words.is_empty()
        && words.len() <= SIGNATURE_MAX_WORDS as usize
        && words.iter().all(name_word)
        && (marked || (capitals && words.len() >= 2))
}

/// The heading that opens block `id`: the innermost heading around its first text.
fn heading_in(page: &Page, counts: &Counts, id: NodeId) -> Option<NodeId> {
    let first = page
        .subtree(id)
        .map(NodeId::new)
        .find(|&n| page.is_text(n) && !page.is_blank(n))?;
    page.ancestors(first)
        .take_while(|&a| a != id)
        .find(|&a| is_heading(page, counts, a))
}

/// A heading element that is not itself a link (a linked headline is a teaser), or a short
/// label without links whose whole text is a table heading ("Terpopuler", "Tags:").
fn is_heading(page: &Page, counts: &Counts, id: NodeId) -> bool {
    let c = counts.get(id);
    if tags::is_heading(page.tag(id)) {
        return c.link_words * 2 < c.words;
    }
    is_list_heading(page, counts, id)
}

/// A short run of words without links whose whole text is a table heading ("Terpopuler",
/// "Tags:", "More Photos").
fn is_list_heading(page: &Page, counts: &Counts, id: NodeId) -> bool {
    let c = counts.get(id);
    if c.link_words > 0 || c.words == 0 || c.words > LABEL_MAX_WORDS {
        return false;
    }
    let label = text::normalise(&page.text_content(id));
    let label = label.trim_matches(|c: char| !c.is_alphanumeric());
    lang::all(|t| t.list_headings).any(|h| h == label)
}

/// A short run of words without links in a block or a bold line, not a table cell or a list
/// item: what labels a link group after the article ("Twitter Recommendation", "Topik Artikel :").
fn is_label(page: &Page, counts: &Counts, id: NodeId) -> bool {
    let c = counts.get(id);
    matches!(
        page.tag(id),
        "div" | "p" | "span" | "strong" | "b" | "header"
    ) && c.link_words == 0
        && c.words > 0
        && c.words <= LABEL_MAX_WORDS
}

/// A `ul`/`ol` whose live items are all short links.
fn is_link_list(page: &Page, ex: &Extraction, id: NodeId) -> bool {
    if !matches!(page.tag(id), "ul" | "ol") {
        return false;
    }
    let items: Vec<NodeId> = page
        .element_children(id)
        .filter(|c| !ex.dead[c.index()])
        .collect();
    !items.is_empty()
        && items.iter().all(|&li| {
            let (all, linked) = live_words(page, ex, li);
            all <= LINK_ITEM_MAX_WORDS && linked * 10 >= all * 9
        })
}

/// Words of the live part of a subtree, and how many of them are link text.
fn live_words(page: &Page, ex: &Extraction, id: NodeId) -> (u32, u32) {
    let mut all = 0;
    let mut linked = 0;
    let mut link_end = 0;
    for i in page.subtree(id) {
        if ex.dead[i] {
            continue;
        }
        let n = NodeId::new(i);
        if page.tag(n) == "a" {
            link_end = link_end.max(page.skip(n).index());
        }
        let w = page.text_stats(n).words;
        all += w;
        if i < link_end {
            linked += w;
        }
    }
    (all, linked)
}

/// What a subtree held on the page, whatever the cleaning left of it: a block the cleaning
/// emptied of its links is still the heading of a link group.
#[derive(Clone, Copy, Default)]
struct Count {
    words: u32,
    link_words: u32,
    /// Links with words.
    links: u32,
    /// Words of the longest text outside links: a sentence of prose, or a date.
    longest_plain: u32,
}

/// [`Count`]s of every node of the page, in one reverse pass.
struct Counts {
    counts: Vec<Count>,
}

impl Counts {
    fn new(page: &Page) -> Counts {
        let n = page.len();
        let mut in_link = vec![false; n];
        for (i, id) in page.ids().enumerate() {
            in_link[i] = page.tag(id) == "a" || page.parent(id).is_some_and(|p| in_link[p.index()]);
        }
        let mut counts = vec![Count::default(); n];
        for (i, id) in page.ids().enumerate().rev() {
            let c = &mut counts[i];
            if page.is_text(id) {
                c.words = page.text_stats(id).words;
                if in_link[i] {
                    c.link_words = c.words;
                } else {
                    c.longest_plain = c.words;
                }
            } else if page.tag(id) == "a" && c.link_words > 0 {
                c.links += 1;
            }
            let c = *c;
            if let Some(p) = page.parent(id) {
                let pc = &mut counts[p.index()];
                pc.words += c.words;
                pc.link_words += c.link_words;
                pc.links += c.links;
                pc.longest_plain = pc.longest_plain.max(c.longest_plain);
            }
        }
        Counts { counts }
    }

    fn get(&self, id: NodeId) -> Count {
        self.counts[id.index()]
    }

    /// Links and nothing but link text: a row of tags after the article.
    fn is_link_row(&self, id: NodeId) -> bool {
        let c = self.get(id);
        c.links >= GROUP_MIN_LINKS && c.words > 0 && c.link_words == c.words
    }

    /// Links, at least as many words of link text as of other text, and no sentence of prose,
    /// in block `id` once its `heading` is left out.
    fn is_group(&self, id: NodeId, heading: Option<NodeId>) -> bool {
        let c = self.get(id);
        let h = heading.map(|h| self.get(h)).unwrap_or_default();
        let words = c.words - h.words;
        c.links - h.links >= GROUP_MIN_LINKS
            && (c.link_words - h.link_words) * 2 >= words
            && c.longest_plain < PROSE_MIN_WORDS
    }
}

#[cfg(test)]
mod tests {
    use super::is_signature;

    #[test]
    fn signatures_are_names_in_parentheses_capitals_or_after_a_dash() {
        for line in [
            "(Rani Hardjanti)",
            "(Contoh Editor)",
            "DINI TEJA",
            "(AP)",
            "M. RIZKI O'NEIL-SARI",
            "-- BERNAMA",
            "\u{2014} AFP",
        ] {
            assert!(is_signature(line), "{line:?}");
        }
        for line in [
            "SELESAI",
            "Dini Teja",
            "(bersambung)",
            "(Foto: Dok. Panitia)",
            "(Updated with the minister's comment.)",
            "(Rani Hardjanti, Adi Nugroho, Tim Redaksi Kami)",
            "(2/5/2026)",
            "-- dan seterusnya",
            "--",
            "",
        ] {
            assert!(!is_signature(line), "{line:?}");
        }
    }
}
