//! Per-node text aggregates shared by the detectors, computed once per page.
//!
//! Why: every rule asks the same questions of a subtree ("how many words? how many of them are
//! link text? does it hold a paragraph of prose?"). Asking them with `text_content` per node is
//! quadratic on deep pages, so one forward pass (nearest block, inside-a-link) and one reverse pass
//! over `page.ids().rev()` (children before parents, since `parent < child`) answer them for every
//! node in O(n).
//!
//! Words are whitespace-separated tokens holding at least one letter or digit, so separators such
//! as "|", "•" or "»" between inserted links count for nothing.

use crate::page::{NodeId, Page};

/// A paragraph with at least this many words may be article prose: news paragraphs run 20–60
/// words, while ad blurbs, link titles and labels stay under it (a headline is rarely over 16).
const PROSE_MIN_WORDS: u32 = 20;

/// ... provided that less than this share of its words is link text; a list of linked titles is
/// navigation or recirculation, not prose (Readability uses a similar link-density cut).
const PROSE_MAX_LINK_DENSITY: f32 = 0.5;

/// Sentinel for "no text node" in `first_text`.
const NO_TEXT: u32 = u32::MAX;

/// Aggregates indexed by node id.
pub(super) struct Stats {
    words: Vec<u32>,
    link_words: Vec<u32>,
    media: Vec<u32>,
    text_nodes: Vec<u32>,
    first_text: Vec<u32>,
    in_link: Vec<bool>,
    prose: Vec<bool>,
}

impl Stats {
    /// Computes every aggregate in one forward and one reverse pass.
    pub(super) fn new(page: &Page) -> Stats {
        let n = page.len();
        let mut block_of = vec![0u32; n];
        let mut in_link = vec![false; n];
        let mut para_words = vec![0u32; n];
        let mut para_link_words = vec![0u32; n];
        let mut own_words = vec![0u32; n];
        for id in page.ids().skip(1) {
            let parent = page.parent(id).map_or(0, NodeId::index);
            let i = id.index();
            in_link[i] = in_link[parent] || page.tag(id) == "a";
            block_of[i] = if is_block(page.tag(id)) {
                i as u32
            } else {
                block_of[parent]
            };
            if page.is_text(id) {
                own_words[i] = page.text_stats(id).words;
                let block = block_of[i] as usize;
                para_words[block] += own_words[i];
                if in_link[i] {
                    para_link_words[block] += own_words[i];
                }
            }
        }
        let mut stats = Stats {
            words: own_words,
            link_words: vec![0; n],
            media: vec![0; n],
            text_nodes: vec![0; n],
            first_text: vec![NO_TEXT; n],
            in_link,
            prose: vec![false; n],
        };
        for id in page.ids().rev() {
            stats.finish_node(
                page,
                id,
                para_words[id.index()],
                para_link_words[id.index()],
            );
        }
        stats
    }

    /// Completes the aggregates of `id` (its children are done) and adds them into its parent.
    fn finish_node(&mut self, page: &Page, id: NodeId, para_words: u32, para_link_words: u32) {
        let i = id.index();
        if page.is_text(id) {
            if self.in_link[i] {
                self.link_words[i] = self.words[i];
            }
            if !page.is_blank(id) {
                self.text_nodes[i] = 1;
                self.first_text[i] = i as u32;
            }
        }
        if is_media(page.tag(id)) {
            self.media[i] += 1;
        }
        self.prose[i] |= is_prose(para_words, para_link_words);
        let Some(parent) = page.parent(id) else {
            return;
        };
        let p = parent.index();
        self.words[p] += self.words[i];
        self.link_words[p] += self.link_words[i];
        self.media[p] += self.media[i];
        self.text_nodes[p] += self.text_nodes[i];
        self.prose[p] |= self.prose[i];
        // Children are visited last to first, so the final write is the first child's.
        if self.first_text[i] != NO_TEXT {
            self.first_text[p] = self.first_text[i];
        }
    }

    /// Words in the subtree.
    pub(super) fn words(&self, id: NodeId) -> u32 {
        self.words[id.index()]
    }

    /// Words of the subtree that are link text.
    pub(super) fn link_words(&self, id: NodeId) -> u32 {
        self.link_words[id.index()]
    }

    /// Words of the subtree outside links.
    pub(super) fn plain_words(&self, id: NodeId) -> u32 {
        self.words(id) - self.link_words(id)
    }

    /// Media elements in the subtree (the node included).
    pub(super) fn media(&self, id: NodeId) -> u32 {
        self.media[id.index()]
    }

    /// Text nodes with visible characters in the subtree.
    pub(super) fn text_nodes(&self, id: NodeId) -> u32 {
        self.text_nodes[id.index()]
    }

    /// The first text node with visible characters in the subtree, in document order.
    pub(super) fn first_text(&self, id: NodeId) -> Option<NodeId> {
        let first = self.first_text[id.index()];
        (first != NO_TEXT).then(|| NodeId::new(first as usize))
    }

    /// Whether the node is a link or inside one.
    pub(super) fn in_link(&self, id: NodeId) -> bool {
        self.in_link[id.index()]
    }

    /// Whether the subtree holds a paragraph of article prose (see [`PROSE_MIN_WORDS`]).
    pub(super) fn holds_prose(&self, id: NodeId) -> bool {
        self.prose[id.index()]
    }
}

// Tag sets are `matches!` patterns rather than slices: every node asks them, and a pattern of
// constant strings compiles to inline comparisons instead of a `memcmp` call per entry.

/// Whether the tag starts a new line of text: the text of a "paragraph" is the text whose
/// nearest block-level ancestor is that element.
pub(super) fn is_block(tag: &str) -> bool {
    crate::tags::starts_line(tag)
}

/// Whether the tag is the page or the article frame: a block never grows into them, even when
/// they hold nothing else, since hiding them would hide the page.
pub(super) fn is_frame(tag: &str) -> bool {
    matches!(tag, "#document" | "article" | "body" | "html" | "main")
}

/// Whether the element shows something without text: an ad creative or a thumbnail.
fn is_media(tag: &str) -> bool {
    matches!(
        tag,
        "audio" | "canvas" | "embed" | "iframe" | "img" | "object" | "picture" | "svg" | "video"
    )
}

fn is_prose(words: u32, link_words: u32) -> bool {
    words >= PROSE_MIN_WORDS && (link_words as f32) < PROSE_MAX_LINK_DENSITY * words as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_sets() {
        assert!(is_block("div") && is_block("td") && !is_block("span") && !is_block("a"));
        assert!(is_media("img") && !is_media("div"));
        assert!(is_frame("body") && is_frame("#document") && !is_frame("div"));
    }
}
