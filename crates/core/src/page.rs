//! The page snapshot: a flat, preorder arena of a document's elements and text.
//!
//! Why a flat arena and not a tree of `Rc`s: both adapters (html5ever natively, the live DOM in wasm)
//! build the same structure, every rule indexes it by [`NodeId`], scratch state lives in plain
//! `Vec`s beside it, and a subtree is the contiguous id range `id..end(id)`, so every traversal is a
//! loop, never recursion over the DOM depth (a 10,000-deep page is just a long range).
//!
//! Invariants, checked by [`PageBuilder::finish`] in debug builds:
//! - ids are in document preorder; node 0 is the synthetic document root;
//! - `parent(id) < id`, and the subtree of `id` is exactly `id + 1 .. end(id)`;
//! - adjacent text nodes are merged; comments are dropped; the text of `script`, `style`,
//!   `template` and `noscript` is dropped, except JSON-LD, which metadata reads;
//! - invisible nodes (`hidden`, `aria-hidden="true"`, inline `display:none`/`visibility:hidden`)
//!   are flagged, not dropped, and the flag is inherited by their descendants.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

use crate::text::TextStats;

/// Index of a node in a [`Page`]; ids follow document order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct NodeId(u32);

impl NodeId {
    /// The id of the `index`-th node in document order.
    pub fn new(index: usize) -> NodeId {
        NodeId(u32::try_from(index).expect("page larger than u32::MAX nodes"))
    }

    /// The position of the node in document order.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// Tag name reported for text nodes.
pub const TEXT: &str = "#text";
/// Tag name of the synthetic root.
pub const DOCUMENT: &str = "#document";

/// A document snapshot. Immutable once built; see the module doc for its invariants.
///
/// Storage is flat on purpose: all text and attribute values live in one buffer, attributes in
/// one vector, tag names are interned, so building a page costs a handful of allocations however
/// many nodes it has.
#[derive(Debug, Clone)]
pub struct Page {
    nodes: Vec<Node>,
    /// Text of every text node and every kept attribute value, back to back.
    buf: String,
    attrs: Vec<Attr>,
    /// Distinct tag names; `Node::tag` indexes this.
    tags: Vec<Box<str>>,
    /// Measures of each text node's text (default for elements), taken once at `finish`
    /// because several detectors need them.
    text_stats: Vec<TextStats>,
}

#[derive(Debug, Clone, Copy)]
struct Node {
    parent: u32,
    end: u32,
    depth: u32,
    tag: u16,
    hidden: bool,
    /// Own text (text nodes only) as a span of `Page::buf`.
    text: Span,
    /// First attribute in `Page::attrs`; the count is `n_attrs`.
    first_attr: u32,
    n_attrs: u16,
}

/// A byte range of `Page::buf`.
#[derive(Debug, Clone, Copy, Default)]
struct Span {
    start: u32,
    len: u32,
}

#[derive(Debug, Clone, Copy)]
struct Attr {
    /// Index in [`KEPT_ATTRS`].
    name: u8,
    value: Span,
}

/// Tag index of the document root.
const ROOT_TAG: u16 = 0;
/// Tag index of text nodes.
const TEXT_TAG: u16 = 1;

impl Page {
    /// Number of nodes, the root included.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// A page always holds its root, so it is never empty; this says whether it holds nothing else.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// The synthetic document root.
    pub fn root(&self) -> NodeId {
        NodeId(0)
    }

    /// All ids in document order.
    pub fn ids(&self) -> impl DoubleEndedIterator<Item = NodeId> + ExactSizeIterator {
        (0..self.nodes.len() as u32).map(NodeId)
    }

    /// Lower-case local name of an element, [`TEXT`] for text, [`DOCUMENT`] for the root.
    pub fn tag(&self, id: NodeId) -> &str {
        &self.tags[self.node(id).tag as usize]
    }

    /// Whether the node is a text node.
    pub fn is_text(&self, id: NodeId) -> bool {
        self.node(id).tag == TEXT_TAG
    }

    /// Whether the node is an element (neither text nor the root).
    pub fn is_element(&self, id: NodeId) -> bool {
        id.0 != 0 && !self.is_text(id)
    }

    /// Own text of a text node as in the source (whitespace not collapsed); empty for elements.
    pub fn text(&self, id: NodeId) -> &str {
        self.span(self.node(id).text)
    }

    /// Measures of a text node's own text (all zero for elements).
    pub fn text_stats(&self, id: NodeId) -> TextStats {
        self.text_stats[id.index()]
    }

    /// Whether a text node holds only whitespace (elements count as blank).
    pub fn is_blank(&self, id: NodeId) -> bool {
        self.text_stats[id.index()].blank
    }

    /// Value of a kept attribute (names are lower case).
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        // Elements carry few attributes: scanning them beats a search of the name table.
        self.node_attrs(id)
            .iter()
            .find(|a| KEPT_ATTRS[a.name as usize] == name)
            .map(|a| self.span(a.value))
    }

    /// All kept attributes of an element, in source order.
    pub fn attrs(&self, id: NodeId) -> impl Iterator<Item = (&str, &str)> {
        self.node_attrs(id)
            .iter()
            .map(|a| (KEPT_ATTRS[a.name as usize], self.span(a.value)))
    }

    /// The `class` attribute split into tokens.
    pub fn classes(&self, id: NodeId) -> impl Iterator<Item = &str> {
        self.attr(id, "class")
            .unwrap_or("")
            .split_ascii_whitespace()
    }

    /// Whether the element carries the class token `class`.
    pub fn has_class(&self, id: NodeId, class: &str) -> bool {
        self.classes(id).any(|c| c == class)
    }

    /// Parent node; `None` only for the root.
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        let p = self.node(id).parent;
        (p != u32::MAX).then_some(NodeId(p))
    }

    /// Ancestors from the parent up to the root.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&p| self.parent(p))
    }

    /// Whether `ancestor` is `id` itself or one of its ancestors (O(1) thanks to preorder ranges).
    pub fn contains(&self, ancestor: NodeId, id: NodeId) -> bool {
        ancestor <= id && id.0 < self.node(ancestor).end
    }

    /// Number of ancestors (the root has depth 0).
    pub fn depth(&self, id: NodeId) -> usize {
        self.node(id).depth as usize
    }

    /// Ids of the strict descendants of `id`, in document order.
    pub fn descendants(&self, id: NodeId) -> impl DoubleEndedIterator<Item = NodeId> {
        (id.0 + 1..self.node(id).end).map(NodeId)
    }

    /// The id range of the subtree rooted at `id` (itself included).
    pub fn subtree(&self, id: NodeId) -> Range<usize> {
        id.index()..self.node(id).end as usize
    }

    /// First id after the subtree of `id`: the next sibling, or the next node of an ancestor.
    pub fn skip(&self, id: NodeId) -> NodeId {
        NodeId(self.node(id).end)
    }

    /// Children in document order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            page: self,
            next: id.0 + 1,
            end: self.node(id).end,
        }
    }

    /// Element children only.
    pub fn element_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(move |&c| self.is_element(c))
    }

    /// Next sibling, if any.
    pub fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        let parent = self.parent(id)?;
        let next = self.node(id).end;
        (next < self.node(parent).end).then_some(NodeId(next))
    }

    /// Previous sibling, if any: the node before `id` in order, or its ancestor below the
    /// parent (a walk up as deep as that sibling's last descendant).
    pub fn prev_sibling(&self, id: NodeId) -> Option<NodeId> {
        let parent = self.parent(id)?;
        if id.0 == parent.0 + 1 {
            return None;
        }
        let mut prev = NodeId(id.0 - 1);
        while let Some(p) = self.parent(prev).filter(|&p| p != parent) {
            prev = p;
        }
        Some(prev)
    }

    /// Next sibling past blank text.
    pub fn next_filled(&self, id: NodeId) -> Option<NodeId> {
        self.past_blank(id, Page::next_sibling)
    }

    /// Previous sibling past blank text.
    pub fn prev_filled(&self, id: NodeId) -> Option<NodeId> {
        self.past_blank(id, Page::prev_sibling)
    }

    /// The sibling `step` gives, or the one after it when that is blank text (adjacent text is
    /// merged, so there is never a second).
    fn past_blank(&self, id: NodeId, step: fn(&Page, NodeId) -> Option<NodeId>) -> Option<NodeId> {
        let n = step(self, id)?;
        if self.is_text(n) && self.is_blank(n) {
            step(self, n)
        } else {
            Some(n)
        }
    }

    /// Whether the node or one of its ancestors is marked invisible.
    pub fn is_hidden(&self, id: NodeId) -> bool {
        self.node(id).hidden
    }

    /// Concatenated raw text of the subtree (whitespace as in the source).
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        for i in self.subtree(id) {
            out.push_str(self.span(self.nodes[i].text));
        }
        out
    }

    /// Sum of the byte lengths of the subtree's text (cheap; no allocation).
    pub fn text_len(&self, id: NodeId) -> usize {
        self.subtree(id)
            .map(|i| self.nodes[i].text.len as usize)
            .sum()
    }

    /// First element with the given tag, in document order.
    pub fn find_tag(&self, tag: &str) -> Option<NodeId> {
        self.ids().find(|&id| self.tag(id) == tag)
    }

    fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    fn node_attrs(&self, id: NodeId) -> &[Attr] {
        let n = self.node(id);
        let start = n.first_attr as usize;
        &self.attrs[start..start + n.n_attrs as usize]
    }

    fn span(&self, span: Span) -> &str {
        let start = span.start as usize;
        &self.buf[start..start + span.len as usize]
    }
}

/// Iterator over the children of a node.
pub struct Children<'a> {
    page: &'a Page,
    next: u32,
    end: u32,
}

impl Iterator for Children<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        if self.next >= self.end {
            return None;
        }
        let id = NodeId(self.next);
        self.next = self.page.nodes[self.next as usize].end;
        Some(id)
    }
}

/// Attributes worth keeping: what detection, extraction, metadata and rendering read.
/// Everything else is dropped at build time to keep snapshots (and the wasm boundary) small.
const KEPT_ATTRS: &[&str] = &[
    "alt",
    "aria-label",
    "class",
    "colspan",
    "content",
    "data-ad-client",
    "data-ad-slot",
    "data-ad-unit",
    "data-google-query-id",
    "data-lazy-src",
    "data-original",
    "data-page",
    "data-src",
    "datetime",
    "dir",
    "height",
    "href",
    "id",
    "itemprop",
    "itemtype",
    "lang",
    "name",
    "property",
    "rel",
    "role",
    "rowspan",
    "src",
    "srcset",
    "title",
    "type",
    "width",
];

/// Index of a kept attribute name. A length test first: most names on a page (`style`,
/// `data-*`, `onclick`) are dropped, and this runs for every attribute of every element.
fn kept_attr(name: &str) -> Option<usize> {
    KEPT_ATTRS
        .iter()
        .position(|k| k.len() == name.len() && *k == name)
}

/// Tags whose text content is not page text.
const TEXTLESS: &[&str] = &["noscript", "script", "style", "template", "textarea"];

/// Builds a [`Page`] in document order: `open`, `text`, `close`, then `finish`.
///
/// The adapters drive this the same way html5ever's tree sink is driven: they only append, and
/// the builder owns the invariants.
#[derive(Debug)]
pub struct PageBuilder {
    page: Page,
    open: Vec<u32>,
    /// Depth of the innermost open element whose text is dropped, if any.
    textless_depth: Option<usize>,
    /// Interned tag names beyond the two fixed ones.
    tag_ids: HashMap<Box<str>, u16, BuildHasherDefault<Fnv>>,
}

impl Default for PageBuilder {
    fn default() -> Self {
        PageBuilder::new()
    }
}

impl PageBuilder {
    /// A builder holding only the document root.
    pub fn new() -> PageBuilder {
        let root = Node {
            parent: u32::MAX,
            end: 1,
            depth: 0,
            tag: ROOT_TAG,
            hidden: false,
            text: Span::default(),
            first_attr: 0,
            n_attrs: 0,
        };
        PageBuilder {
            page: Page {
                nodes: vec![root],
                buf: String::new(),
                attrs: Vec::new(),
                tags: vec![DOCUMENT.into(), TEXT.into()],
                text_stats: Vec::new(),
            },
            open: vec![0],
            textless_depth: None,
            tag_ids: HashMap::default(),
        }
    }

    /// Opens an element as the last child of the innermost open element and returns its id.
    /// `tag` is lower-cased; only attributes the analysis reads are kept.
    pub fn open<'a>(
        &mut self,
        tag: &str,
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> NodeId {
        let tag = self.intern(tag);
        let first_attr = self.page.attrs.len() as u32;
        let mut hidden_attr = false;
        let mut is_json_ld = false;
        for (name, value) in attrs {
            let lower;
            let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
                lower = name.to_ascii_lowercase();
                lower.as_str()
            } else {
                name
            };
            hidden_attr |= match name {
                "hidden" => true,
                "aria-hidden" => value.eq_ignore_ascii_case("true"),
                "style" => style_hides(value),
                _ => false,
            };
            is_json_ld |= name == "type" && value.eq_ignore_ascii_case("application/ld+json");
            if let Some(index) = kept_attr(name) {
                let value = self.push_buf(value);
                self.page.attrs.push(Attr {
                    name: index as u8,
                    value,
                });
            }
        }
        let n_attrs = (self.page.attrs.len() as u32 - first_attr) as u16;
        let parent = *self.open.last().expect("root is never closed");
        let parent_node = self.page.nodes[parent as usize];
        if self.textless_depth.is_none()
            && TEXTLESS.contains(&&*self.page.tags[tag as usize])
            && !is_json_ld
        {
            self.textless_depth = Some(self.open.len());
        }
        let id = self.page.nodes.len() as u32;
        self.page.nodes.push(Node {
            parent,
            end: id + 1,
            depth: parent_node.depth + 1,
            tag,
            hidden: parent_node.hidden || hidden_attr,
            text: Span::default(),
            first_attr,
            n_attrs,
        });
        self.open.push(id);
        NodeId(id)
    }

    /// Appends text to the innermost open element, merging with a preceding text node.
    pub fn text(&mut self, text: &str) {
        if text.is_empty() || self.textless_depth.is_some() {
            return;
        }
        let parent = *self.open.last().expect("root is never closed");
        let span = self.push_buf(text);
        if let Some(last) = self.page.nodes.last_mut() {
            // The previous text is the end of the buffer, so merging is extending its span.
            if last.tag == TEXT_TAG && last.parent == parent {
                last.text.len += span.len;
                return;
            }
        }
        let parent_node = self.page.nodes[parent as usize];
        let id = self.page.nodes.len() as u32;
        self.page.nodes.push(Node {
            parent,
            end: id + 1,
            depth: parent_node.depth + 1,
            tag: TEXT_TAG,
            hidden: parent_node.hidden,
            text: span,
            first_attr: 0,
            n_attrs: 0,
        });
    }

    /// Marks the innermost open element (and so its subtree) invisible, for adapters that know
    /// computed visibility better than the attributes do.
    pub fn mark_hidden(&mut self) {
        let cur = *self.open.last().expect("root is never closed");
        self.page.nodes[cur as usize].hidden = true;
    }

    /// Closes the innermost open element. Closing the root is ignored.
    pub fn close(&mut self) {
        if self.open.len() <= 1 {
            return;
        }
        let id = self.open.pop().expect("checked above");
        self.page.nodes[id as usize].end = self.page.nodes.len() as u32;
        if self.textless_depth == Some(self.open.len()) {
            self.textless_depth = None;
        }
    }

    /// Closes everything still open and returns the page.
    pub fn finish(mut self) -> Page {
        while self.open.len() > 1 {
            self.close();
        }
        let page = &mut self.page;
        page.nodes[0].end = page.nodes.len() as u32;
        let element = TextStats {
            blank: true,
            ..TextStats::default()
        };
        let stats: Vec<TextStats> = page
            .nodes
            .iter()
            .map(|n| {
                if n.tag == TEXT_TAG {
                    let start = n.text.start as usize;
                    crate::text::stats(&page.buf[start..start + n.text.len as usize])
                } else {
                    element
                }
            })
            .collect();
        page.text_stats = stats;
        debug_assert!(page.ids().skip(1).all(|id| {
            let p = page.parent(id).expect("non-root has a parent");
            p < id && page.contains(p, id)
        }));
        self.page
    }

    fn push_buf(&mut self, s: &str) -> Span {
        let start = self.page.buf.len() as u32;
        self.page.buf.push_str(s);
        Span {
            start,
            len: s.len() as u32,
        }
    }

    /// The index of a tag name, lower-cased, adding it on first sight.
    fn intern(&mut self, tag: &str) -> u16 {
        if let Some(&i) = self.tag_ids.get(tag) {
            return i;
        }
        let lower = tag.to_ascii_lowercase();
        if let Some(&i) = self.tag_ids.get(lower.as_str()) {
            return i;
        }
        let i = u16::try_from(self.page.tags.len()).unwrap_or(u16::MAX);
        if i == u16::MAX {
            // A page with 65,535 distinct tag names: fold the rest into the last one.
            return i - 1;
        }
        self.page.tags.push(lower.clone().into_boxed_str());
        self.tag_ids.insert(lower.into_boxed_str(), i);
        i
    }
}

/// FNV-1a: tag names are short and a page has few distinct ones, so a simple hash beats SipHash.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Whether an inline style makes the element invisible.
fn style_hides(style: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else {
            return false;
        };
        let prop = prop.trim();
        let value = value.trim().trim_end_matches("!important").trim();
        (prop.eq_ignore_ascii_case("display") && value.eq_ignore_ascii_case("none"))
            || (prop.eq_ignore_ascii_case("visibility") && value.eq_ignore_ascii_case("hidden"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_attrs_are_sorted_for_binary_search() {
        assert!(KEPT_ATTRS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn preorder_ranges_and_text_merge() {
        let mut b = PageBuilder::new();
        let div = b.open("DIV", [("class", "a b"), ("onclick", "x()")]);
        b.text("one ");
        b.text("two");
        let p = b.open("p", [("style", "display: none !important")]);
        b.text("hid");
        b.close();
        b.close();
        let page = b.finish();
        assert_eq!(page.tag(div), "div");
        assert_eq!(page.attr(div, "onclick"), None);
        assert!(page.has_class(div, "b"));
        assert_eq!(page.children(div).count(), 2);
        assert_eq!(page.text_content(div), "one twohid");
        assert!(page.is_hidden(p));
        assert!(page.is_hidden(NodeId::new(p.index() + 1)));
        assert!(page.contains(div, p));
        assert_eq!(page.skip(div).index(), page.len());
    }

    #[test]
    fn siblings_both_ways() {
        let mut b = PageBuilder::new();
        let div = b.open("div", []);
        let first = b.open("p", []);
        b.open("b", []);
        b.text("deep");
        b.close();
        b.close();
        b.text("\n  ");
        let second = b.open("p", []);
        b.close();
        b.close();
        let page = b.finish();
        let blank = page.next_sibling(first).expect("the blank text");
        assert!(page.is_blank(blank));
        assert_eq!(page.prev_sibling(second), Some(blank));
        assert_eq!(page.prev_sibling(blank), Some(first));
        assert_eq!(page.prev_sibling(first), None);
        assert_eq!(page.prev_sibling(div), None);
        assert_eq!(page.prev_filled(second), Some(first));
        assert_eq!(page.next_filled(first), Some(second));
    }

    #[test]
    fn script_text_dropped_except_json_ld() {
        let mut b = PageBuilder::new();
        let s = b.open("script", []);
        b.text("alert(1)");
        b.close();
        let j = b.open("script", [("type", "application/ld+json")]);
        b.text("{}");
        b.close();
        let page = b.finish();
        assert_eq!(page.text_content(s), "");
        assert_eq!(page.text_content(j), "{}");
    }
}
