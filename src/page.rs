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

use std::ops::Range;

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
#[derive(Debug, Clone)]
pub struct Page {
    nodes: Vec<Node>,
}

#[derive(Debug, Clone)]
struct Node {
    parent: u32,
    end: u32,
    depth: u32,
    hidden: bool,
    tag: Box<str>,
    /// Own text for text nodes, empty for elements.
    text: Box<str>,
    attrs: Box<[(Box<str>, Box<str>)]>,
}

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
        &self.node(id).tag
    }

    /// Whether the node is a text node.
    pub fn is_text(&self, id: NodeId) -> bool {
        &*self.node(id).tag == TEXT
    }

    /// Whether the node is an element (neither text nor the root).
    pub fn is_element(&self, id: NodeId) -> bool {
        id.0 != 0 && !self.is_text(id)
    }

    /// Own text of a text node as in the source (whitespace not collapsed); empty for elements.
    pub fn text(&self, id: NodeId) -> &str {
        &self.node(id).text
    }

    /// Value of a kept attribute (names are lower case).
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.node(id)
            .attrs
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, v)| &**v)
    }

    /// All kept attributes of an element, in source order.
    pub fn attrs(&self, id: NodeId) -> impl Iterator<Item = (&str, &str)> {
        self.node(id).attrs.iter().map(|(n, v)| (&**n, &**v))
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

    /// Whether the node or one of its ancestors is marked invisible.
    pub fn is_hidden(&self, id: NodeId) -> bool {
        self.node(id).hidden
    }

    /// Concatenated raw text of the subtree (whitespace as in the source).
    pub fn text_content(&self, id: NodeId) -> String {
        let mut out = String::new();
        for i in self.subtree(id) {
            out.push_str(&self.nodes[i].text);
        }
        out
    }

    /// Sum of the byte lengths of the subtree's text (cheap; no allocation).
    pub fn text_len(&self, id: NodeId) -> usize {
        self.subtree(id).map(|i| self.nodes[i].text.len()).sum()
    }

    /// First element with the given tag, in document order.
    pub fn find_tag(&self, tag: &str) -> Option<NodeId> {
        self.ids().find(|&id| self.tag(id) == tag)
    }

    fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
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

/// Tags whose text content is not page text.
const TEXTLESS: &[&str] = &["noscript", "script", "style", "template", "textarea"];

/// Builds a [`Page`] in document order: `open`, `text`, `close`, then `finish`.
///
/// The adapters drive this the same way html5ever's tree sink is driven: they only append, and
/// the builder owns the invariants.
#[derive(Debug)]
pub struct PageBuilder {
    nodes: Vec<Node>,
    open: Vec<u32>,
    /// Depth of the innermost open element whose text is dropped, if any.
    textless_depth: Option<usize>,
}

impl Default for PageBuilder {
    fn default() -> Self {
        PageBuilder::new()
    }
}

impl PageBuilder {
    /// A builder holding only the document root.
    pub fn new() -> PageBuilder {
        PageBuilder {
            nodes: vec![Node {
                parent: u32::MAX,
                end: 1,
                depth: 0,
                hidden: false,
                tag: DOCUMENT.into(),
                text: "".into(),
                attrs: Box::new([]),
            }],
            open: vec![0],
            textless_depth: None,
        }
    }

    /// Opens an element as the last child of the innermost open element and returns its id.
    /// `tag` is lower-cased; only attributes the analysis reads are kept.
    pub fn open<'a>(
        &mut self,
        tag: &str,
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> NodeId {
        let tag = tag.to_ascii_lowercase();
        let mut hidden_attr = false;
        let mut kept: Vec<(Box<str>, Box<str>)> = Vec::new();
        for (name, value) in attrs {
            let name = name.to_ascii_lowercase();
            hidden_attr |= match name.as_str() {
                "hidden" => true,
                "aria-hidden" => value.eq_ignore_ascii_case("true"),
                "style" => style_hides(value),
                _ => false,
            };
            if KEPT_ATTRS.binary_search(&name.as_str()).is_ok() {
                kept.push((name.into_boxed_str(), value.into()));
            }
        }
        let parent = *self.open.last().expect("root is never closed");
        let parent_node = &self.nodes[parent as usize];
        let depth = parent_node.depth + 1;
        let hidden = parent_node.hidden || hidden_attr;
        if self.textless_depth.is_none() && TEXTLESS.contains(&tag.as_str()) {
            let is_json_ld = kept
                .iter()
                .any(|(n, v)| &**n == "type" && v.eq_ignore_ascii_case("application/ld+json"));
            if !is_json_ld {
                self.textless_depth = Some(self.open.len());
            }
        }
        let id = self.nodes.len() as u32;
        self.nodes.push(Node {
            parent,
            end: id + 1,
            depth,
            hidden,
            tag: tag.into_boxed_str(),
            text: "".into(),
            attrs: kept.into_boxed_slice(),
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
        if let Some(last) = self.nodes.last_mut() {
            if &*last.tag == TEXT && last.parent == parent {
                let mut merged = String::with_capacity(last.text.len() + text.len());
                merged.push_str(&last.text);
                merged.push_str(text);
                last.text = merged.into_boxed_str();
                return;
            }
        }
        let parent_node = &self.nodes[parent as usize];
        let id = self.nodes.len() as u32;
        self.nodes.push(Node {
            parent,
            end: id + 1,
            depth: parent_node.depth + 1,
            hidden: parent_node.hidden,
            tag: TEXT.into(),
            text: text.into(),
            attrs: Box::new([]),
        });
    }

    /// Marks the innermost open element (and so its subtree) invisible, for adapters that know
    /// computed visibility better than the attributes do.
    pub fn mark_hidden(&mut self) {
        let cur = *self.open.last().expect("root is never closed");
        self.nodes[cur as usize].hidden = true;
    }

    /// Closes the innermost open element. Closing the root is ignored.
    pub fn close(&mut self) {
        if self.open.len() <= 1 {
            return;
        }
        let id = self.open.pop().expect("checked above");
        self.nodes[id as usize].end = self.nodes.len() as u32;
        if self.textless_depth == Some(self.open.len()) {
            self.textless_depth = None;
        }
    }

    /// Closes everything still open and returns the page.
    pub fn finish(mut self) -> Page {
        while self.open.len() > 1 {
            self.close();
        }
        self.nodes[0].end = self.nodes.len() as u32;
        let page = Page { nodes: self.nodes };
        debug_assert!(page.ids().skip(1).all(|id| {
            let p = page.parent(id).expect("non-root has a parent");
            p < id && page.contains(p, id)
        }));
        page
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
