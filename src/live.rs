//! Browser adapter: the live DOM → [`Page`](crate::Page) through web-sys, and the way back.
//!
//! [`LivePage`] walks the document in preorder with `firstChild`/`nextSibling` (an explicit
//! loop, no recursion), feeding a [`Recorder`] exactly the calls html5ever's flattening feeds the
//! builder: elements with their attributes, text nodes, closes; comments, doctypes and shadow
//! roots are not visited, and template contents are not children. It keeps the visited nodes in a
//! `Vec` indexed by op, so applying a [`Decision`] is an index lookup.
//!
//! Hiding is reversible by construction: an element gets `data-bersih-hidden="<kind>"` (the
//! extension's stylesheet hides it); a bare text run ("Baca Juga:" between `<br>`s) is moved into
//! a `<span data-bersih-hidden data-bersih-wrap>` inserted where it stood. [`LivePage::restore`]
//! removes the attributes and moves the text nodes back (the same node objects), in reverse order.
//!
//! Visibility comes from attributes only (`hidden`, `aria-hidden`, inline `display:none`), as on
//! the native path, so both paths build the same page from the same markup; computed style would
//! force a style recalculation per element and differ from what the CLI sees.
//!
//! Invariant: only this module and `wasm` import web-sys; no rule is decided here.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

use crate::analysis::{analyse, Analysis, Article, Highlights, Kind, Options, Reason};
use crate::snapshot::{Decision, Recorder, Traced};

/// Attribute that marks a hidden block; its value is the kind.
pub const HIDDEN_ATTR: &str = "data-bersih-hidden";
/// Attribute of the spans that wrap hidden text runs.
pub const WRAP_ATTR: &str = "data-bersih-wrap";

/// Most nodes one walk visits; beyond it the rest of the page is left out of the snapshot
/// (bounded work on pathological pages; a long news page has 5,000–20,000 nodes).
const MAX_NODES: usize = 200_000;

const ELEMENT_NODE: u16 = 1;
const TEXT_NODE: u16 = 3;
const CDATA_SECTION_NODE: u16 = 4;

/// A block decided on the live page.
struct Hide {
    first: Node,
    last: Node,
    text_node: bool,
    kind: Kind,
    text: String,
    reason: Reason,
    /// The element carrying the attribute while applied: the block itself or our wrapper.
    applied: Option<Element>,
}

/// Which kinds to hide.
#[derive(Clone, Copy, Debug)]
pub struct Kinds {
    /// Hide recirculation inserts.
    pub recirculation: bool,
    /// Hide ads.
    pub ad: bool,
}

impl Kinds {
    fn wants(self, kind: Kind) -> bool {
        match kind {
            Kind::Recirculation => self.recirculation,
            Kind::Ad => self.ad,
            Kind::Boilerplate => false,
        }
    }
}

/// Counts and items of what was decided and hidden.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Stats {
    /// Blocks currently hidden, by kind.
    pub hidden: Counts,
    /// Every decided block with its kind and text, in the order found.
    pub items: Vec<Item>,
    /// Nodes in the last full snapshot (the root included).
    pub nodes: usize,
    /// Page language.
    pub lang: String,
}

/// Per-kind counts.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Counts {
    /// Recirculation inserts.
    pub recirculation: u32,
    /// Ad blocks.
    pub ad: u32,
}

/// One decided block as the popup lists it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Item {
    /// "recirculation" or "ad".
    pub kind: Kind,
    /// Its visible text.
    pub text: String,
    /// The rule that found it.
    pub reason: Reason,
    /// Whether it is hidden now.
    pub hidden: bool,
}

/// The live document, its last snapshot and analysis, and what is hidden.
pub struct LivePage {
    document: Document,
    nodes: Vec<Node>,
    traced: Option<Traced>,
    analysis: Option<Analysis>,
    /// The entity highlights of `analysis`, found when first asked for.
    highlights: Option<Highlights>,
    options: Options,
    hides: Vec<Hide>,
}

impl LivePage {
    /// A handle on `document`; nothing is read until [`LivePage::snapshot`].
    pub fn new(document: Document) -> LivePage {
        LivePage {
            document,
            nodes: Vec::new(),
            traced: None,
            analysis: None,
            highlights: None,
            options: Options::default(),
            hides: Vec::new(),
        }
    }

    /// Walks the whole document into a fresh page; returns its node count.
    pub fn snapshot(&mut self) -> usize {
        let mut nodes = Vec::new();
        let mut rec = Recorder::new();
        if let Some(root) = self.document.document_element() {
            walk(&root, &mut rec, &mut nodes);
        }
        let traced = rec.finish();
        let len = traced.page.len();
        self.nodes = nodes;
        self.traced = Some(traced);
        self.analysis = None;
        self.highlights = None;
        len
    }

    /// Analyses the last snapshot with `options` and records the blocks to hide (hiding nothing
    /// yet); returns how many blocks were decided. Blocks already known are kept.
    pub fn analyse(&mut self, options: Options) -> usize {
        self.options = options;
        let Some(traced) = &self.traced else {
            return 0;
        };
        let analysis = analyse(&traced.page, &self.options);
        let decisions = traced.decisions(&analysis);
        let n = decisions.len();
        let nodes = std::mem::take(&mut self.nodes);
        for d in decisions {
            self.add(&nodes, d);
        }
        self.nodes = nodes;
        self.analysis = Some(analysis);
        self.highlights = None;
        n
    }

    /// Walks and analyses the subtree at `root` (added to the page later), inside copies of its
    /// ancestors; records the new blocks and returns how many there are. Nothing is hidden yet.
    pub fn rescan(&mut self, root: &Node) -> usize {
        let mut rec = Recorder::new();
        let mut ancestors = Vec::new();
        let mut up = root.parent_element();
        while let Some(el) = up {
            up = el.parent_element();
            ancestors.push(el);
        }
        for el in ancestors.iter().rev() {
            let attrs = attributes(el);
            rec.open_context(&el.local_name(), attrs.iter().map(|(n, v)| (&**n, &**v)));
        }
        let mut nodes = Vec::new();
        walk(root, &mut rec, &mut nodes);
        let traced = rec.finish();
        let analysis = analyse(&traced.page, &self.options);
        let before = self.hides.len();
        for d in traced.decisions(&analysis) {
            self.add(&nodes, d);
        }
        self.hides.len() - before
    }

    fn add(&mut self, nodes: &[Node], d: Decision) {
        let (Some(first), Some(last)) = (nodes.get(d.first as usize), nodes.get(d.last as usize))
        else {
            return;
        };
        if self.hides.iter().any(|h| h.first == *first) {
            return;
        }
        self.hides.push(Hide {
            first: first.clone(),
            last: last.clone(),
            text_node: d.text_node,
            kind: d.kind,
            text: d.text,
            reason: d.reason,
            applied: None,
        });
    }

    /// Hides every recorded block of the wanted kinds that is not hidden yet, and shows again
    /// those of unwanted kinds; returns how many are hidden now.
    pub fn apply(&mut self, kinds: Kinds) -> usize {
        for i in 0..self.hides.len() {
            let wanted = kinds.wants(self.hides[i].kind);
            let applied = self.hides[i].applied.is_some();
            if wanted && !applied {
                let el = self.hide(i);
                self.hides[i].applied = el;
            } else if !wanted && applied {
                unhide(&mut self.hides[i]);
            }
        }
        self.hides.iter().filter(|h| h.applied.is_some()).count()
    }

    fn hide(&self, i: usize) -> Option<Element> {
        let h = &self.hides[i];
        let value = kind_name(h.kind);
        if !h.text_node {
            // By node type, not `instanceof`: the document may belong to another realm (the
            // playground analyses a same-origin iframe), whose elements fail the check.
            if h.first.node_type() != ELEMENT_NODE {
                return None;
            }
            let el: &Element = h.first.unchecked_ref();
            if el.has_attribute(HIDDEN_ATTR) {
                return None;
            }
            el.set_attribute(HIDDEN_ATTR, value).ok()?;
            return Some(el.clone());
        }
        let parent = h.first.parent_node()?;
        let span = self.document.create_element("span").ok()?;
        span.set_attribute(HIDDEN_ATTR, value).ok()?;
        span.set_attribute(WRAP_ATTR, "").ok()?;
        parent.insert_before(&span, Some(&h.first)).ok()?;
        let mut cur = Some(h.first.clone());
        while let Some(node) = cur {
            cur = node.next_sibling();
            if span.append_child(&node).is_err() || node == h.last {
                break;
            }
        }
        Some(span)
    }

    /// Shows everything this handle hid, in reverse order; returns how many blocks were shown.
    pub fn restore(&mut self) -> usize {
        let mut n = 0;
        for h in self.hides.iter_mut().rev() {
            if h.applied.is_some() {
                unhide(h);
                n += 1;
            }
        }
        n
    }

    /// What was decided and what is hidden now.
    pub fn stats(&self) -> Stats {
        let mut stats = Stats {
            nodes: self.traced.as_ref().map_or(0, |t| t.page.len()),
            lang: self
                .analysis
                .as_ref()
                .map_or_else(String::new, |a| a.lang.clone()),
            ..Stats::default()
        };
        for h in &self.hides {
            if h.applied.is_some() {
                match h.kind {
                    Kind::Recirculation => stats.hidden.recirculation += 1,
                    Kind::Ad => stats.hidden.ad += 1,
                    Kind::Boilerplate => {}
                }
            }
            stats.items.push(Item {
                kind: h.kind,
                text: h.text.clone(),
                reason: h.reason.clone(),
                hidden: h.applied.is_some(),
            });
        }
        stats
    }

    /// The last full snapshot.
    pub fn page(&self) -> Option<&crate::Page> {
        self.traced.as_ref().map(|t| &t.page)
    }

    /// The article of the last full analysis, if the page has one.
    pub fn article(&self) -> Option<&Article> {
        self.analysis.as_ref()?.article.as_ref()
    }

    /// The entity highlights of that article, found on the first call (when the reader view
    /// opens) so that loading a page never pays for them.
    pub fn highlights(&mut self) -> Option<&Highlights> {
        if self.highlights.is_none() {
            self.highlights = self.analysis.as_ref()?.highlights();
        }
        self.highlights.as_ref()
    }

    /// The last full analysis.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analysis.as_ref()
    }
}

fn unhide(h: &mut Hide) {
    let Some(el) = h.applied.take() else {
        return;
    };
    if !h.text_node {
        let _ = el.remove_attribute(HIDDEN_ATTR);
        return;
    }
    let Some(parent) = el.parent_node() else {
        return;
    };
    while let Some(child) = el.first_child() {
        if parent.insert_before(&child, Some(&el)).is_err() {
            break;
        }
    }
    let _ = parent.remove_child(&el);
}

/// The attribute value of a kind.
pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Recirculation => "recirculation",
        Kind::Ad => "ad",
        Kind::Boilerplate => "boilerplate",
    }
}

fn attributes(el: &Element) -> Vec<(String, String)> {
    let map = el.attributes();
    (0..map.length())
        .filter_map(|i| map.item(i))
        .map(|a| (a.local_name(), a.value()))
        .collect()
}

/// Whether the text children of an element are known to be dropped by the builder (script code
/// and style sheets), so the walk need not copy them out of the DOM. JSON-LD and other data
/// scripts are read. This is only a transfer saving: the builder applies the rule.
fn skips_text(el: &Element, tag: &str) -> bool {
    match tag {
        "style" => true,
        "script" => match el.get_attribute("type") {
            None => true,
            Some(t) => {
                let t = t.trim().to_ascii_lowercase();
                t.is_empty() || t == "module" || t.contains("javascript")
            }
        },
        _ => false,
    }
}

/// Preorder walk of the subtree at `root` into `rec`; every visited element and text node is
/// pushed to `nodes`, its op index being its position there. Every DOM call crosses into JS, so
/// the loop keeps them few: one `nodeType` per node, attributes only when there are some, and
/// the way back up is counted (`level`) rather than compared with `root`.
fn walk(root: &Node, rec: &mut Recorder, nodes: &mut Vec<Node>) {
    let base_depth = rec.depth();
    // Per open element: whether its text is skipped.
    let mut skip_text: Vec<bool> = Vec::new();
    // How far below `root` the current node is.
    let mut level = 0usize;
    let mut cur = Some(root.clone());
    while let Some(node) = cur {
        if nodes.len() >= MAX_NODES {
            break;
        }
        let mut descend = false;
        match node.node_type() {
            ELEMENT_NODE => {
                let el: &Element = node.unchecked_ref();
                let tag = el.local_name();
                let attrs = if el.has_attributes() {
                    attributes(el)
                } else {
                    Vec::new()
                };
                let op = nodes.len() as u32;
                rec.open(op, &tag, attrs.iter().map(|(n, v)| (&**n, &**v)));
                skip_text.push(skips_text(el, &tag));
                nodes.push(node.clone());
                descend = true;
            }
            TEXT_NODE | CDATA_SECTION_NODE if !skip_text.last().copied().unwrap_or(false) => {
                let op = nodes.len() as u32;
                rec.text(op, &node.node_value().unwrap_or_default());
                nodes.push(node.clone());
            }
            _ => {}
        }
        if descend {
            if let Some(child) = node.first_child() {
                level += 1;
                cur = Some(child);
                continue;
            }
            rec.close();
            skip_text.pop();
        }
        // Next node in preorder: the next sibling of the nearest ancestor that has one, closing
        // the elements left on the way up, and never leaving the subtree of `root`.
        let mut at = node;
        cur = loop {
            if level == 0 {
                break None;
            }
            if let Some(next) = at.next_sibling() {
                break Some(next);
            }
            match at.parent_node() {
                Some(parent) => {
                    level -= 1;
                    rec.close();
                    skip_text.pop();
                    at = parent;
                }
                None => break None,
            }
        };
    }
    while rec.depth() > base_depth {
        rec.close();
    }
}
