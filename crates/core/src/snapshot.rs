//! The way back from a [`Page`] to the nodes it was built from, shared by both browser paths.
//!
//! A browser adapter visits live nodes in document order and numbers each visited element and
//! text node with an *op index* (its position in the adapter's own list of visited nodes). The
//! [`Recorder`] feeds those visits to a [`PageBuilder`] and remembers, for every page node, which
//! ops it came from. After [`analyse`](crate::analyse), [`Traced::decisions`] turns the removals
//! into ranges of op indices, so the adapter hides a block by an index lookup:
//!
//! ```text
//! live DOM ──visit(op)──▶ Recorder ──finish──▶ Traced { Page, page id → ops }
//!                                                   │ analyse
//!                                                   ▼
//!                                 Decision { first op, last op, kind, text }
//! ```
//!
//! The browser's walk (`extension/walk.js`) sends the page as two flat strings that
//! [`replay`] feeds to the recorder, in whatever wasm instance analyses it (the extension's
//! background, the playground); the same builder sees the same calls as html5ever's
//! flattening, so the same rules decide.
//!
//! Why the recorder merges text itself: the builder merges adjacent text and drops text it does
//! not keep (script, style, …). The recorder hands it one string per run of sibling text, then
//! aligns its own events with the finished page (an element event always makes a node; a text
//! event made one when the next node is text under the same parent). So it never needs to know
//! which text the builder keeps, and a change to those rules cannot shift the mapping.
//!
//! A *partial* scan (a subtree the page added later) is opened inside *context* elements, copies
//! of the subtree's real ancestors without their other children, so class and language context
//! is kept. A removal of a context element means "the whole added subtree", and maps to it.
//!
//! Invariant: no web-sys, no `JsValue`: this module is plain data and is tested natively.

use std::collections::HashSet;

use serde::Serialize;

use crate::analysis::{Kind, Reason, Removal};
use crate::page::{NodeId, Page, PageBuilder};

/// Where a page node came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The synthetic root or a context element: no live node of its own.
    Context,
    /// An element, by op index.
    Element(u32),
    /// A text node made of the sibling text ops `first..=last` (and whatever lies between them in
    /// the live DOM, such as comments or empty text).
    Text {
        /// First op of the run.
        first: u32,
        /// Last op of the run.
        last: u32,
    },
}

/// A block to hide, as op indices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Decision {
    /// Op of the element, or of the first text node of a bare text run.
    pub first: u32,
    /// Same as `first` for an element; the last text node of a run otherwise.
    pub last: u32,
    /// Whether the block is a run of text nodes, hidden by wrapping it.
    pub text_node: bool,
    /// Why it is hidden (recirculation or ad; boilerplate is never hidden on the page).
    pub kind: Kind,
    /// Its visible text, whitespace collapsed.
    pub text: String,
    /// The rule that found it.
    pub reason: Reason,
}

#[derive(Debug)]
enum Event {
    Open(Option<u32>),
    Text { first: u32, last: u32 },
    Close,
}

#[derive(Debug)]
struct Pending {
    text: String,
    first: u32,
    last: u32,
}

/// Builds a [`Page`] from visits and remembers where each node came from.
#[derive(Debug, Default)]
pub struct Recorder {
    builder: PageBuilder,
    events: Vec<Event>,
    pending: Option<Pending>,
    contexts: u32,
    open: u32,
}

impl Recorder {
    /// An empty recorder.
    pub fn new() -> Recorder {
        Recorder::default()
    }

    /// Opens a context element (a copy of an ancestor of a partial scan). Call these before any
    /// other visit.
    pub fn open_context<'a>(
        &mut self,
        tag: &str,
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) {
        self.flush();
        self.builder.open(tag, attrs);
        self.events.push(Event::Open(None));
        self.contexts += 1;
        self.open += 1;
    }

    /// Opens the element visited as op `op`.
    pub fn open<'a>(
        &mut self,
        op: u32,
        tag: &str,
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) {
        self.flush();
        self.builder.open(tag, attrs);
        self.events.push(Event::Open(Some(op)));
        self.open += 1;
    }

    /// Records the text node visited as op `op`.
    pub fn text(&mut self, op: u32, text: &str) {
        if text.is_empty() {
            return;
        }
        match &mut self.pending {
            Some(p) => {
                p.text.push_str(text);
                p.last = op;
            }
            None => {
                self.pending = Some(Pending {
                    text: text.to_owned(),
                    first: op,
                    last: op,
                })
            }
        }
    }

    /// Closes the innermost open element.
    pub fn close(&mut self) {
        if self.open == 0 {
            return;
        }
        self.flush();
        self.builder.close();
        self.events.push(Event::Close);
        self.open -= 1;
    }

    /// Number of elements still open (the adapters use it to close what a capped walk left open).
    pub fn depth(&self) -> u32 {
        self.open
    }

    fn flush(&mut self) {
        if let Some(p) = self.pending.take() {
            self.builder.text(&p.text);
            self.events.push(Event::Text {
                first: p.first,
                last: p.last,
            });
        }
    }

    /// Closes everything and aligns the events with the finished page.
    pub fn finish(mut self) -> Traced {
        while self.open > 0 {
            self.close();
        }
        self.flush();
        let page = self.builder.finish();
        let mut sources = vec![Source::Context; page.len()];
        let mut stack = vec![page.root()];
        let mut cursor = 1;
        let mut aligned = true;
        for event in &self.events {
            match *event {
                Event::Open(op) => {
                    if cursor >= page.len() || !page.is_element(NodeId::new(cursor)) {
                        aligned = false;
                        break;
                    }
                    sources[cursor] = op.map_or(Source::Context, Source::Element);
                    stack.push(NodeId::new(cursor));
                    cursor += 1;
                }
                Event::Text { first, last } => {
                    let id = NodeId::new(cursor);
                    if cursor < page.len()
                        && page.is_text(id)
                        && page.parent(id) == stack.last().copied()
                    {
                        sources[cursor] = Source::Text { first, last };
                        cursor += 1;
                    }
                }
                Event::Close => {
                    stack.pop();
                }
            }
        }
        if !aligned || cursor != page.len() {
            // The builder made nodes the recorder cannot account for: decide nothing rather
            // than hide the wrong nodes.
            sources.fill(Source::Context);
            aligned = false;
        }
        Traced {
            page,
            sources,
            contexts: self.contexts,
            aligned,
        }
    }
}

/// A page together with the source of each of its nodes.
#[derive(Debug)]
pub struct Traced {
    /// The snapshot to analyse.
    pub page: Page,
    sources: Vec<Source>,
    contexts: u32,
    aligned: bool,
}

impl Traced {
    /// Where a page node came from.
    pub fn source(&self, id: NodeId) -> Source {
        self.sources
            .get(id.index())
            .copied()
            .unwrap_or(Source::Context)
    }

    /// Whether every page node was accounted for (if not, [`Traced::decisions`] is empty).
    pub fn is_aligned(&self) -> bool {
        self.aligned
    }

    /// The node a partial scan was started at: the first node after the context elements.
    fn scope_root(&self) -> Option<Source> {
        if self.contexts == 0 {
            return None;
        }
        let id = self.contexts as usize + 1;
        (id < self.page.len()).then(|| self.source(NodeId::new(id)))
    }

    /// The blocks to hide on the page (recirculation and ads), as op ranges, in document order.
    /// In a partial scan, a removal of a context element becomes a removal of the scanned subtree.
    pub fn decisions(&self, removed: &[Removal]) -> Vec<Decision> {
        let mut res: Vec<Decision> = Vec::new();
        let mut seen = HashSet::new();
        for removal in removed {
            if removal.kind == Kind::Boilerplate {
                continue;
            }
            let source = match self.source(removal.node) {
                Source::Context => match self.scope_root() {
                    Some(root) => root,
                    None => continue,
                },
                other => other,
            };
            let (first, last, text_node) = match source {
                Source::Context => continue,
                Source::Element(op) => (op, op, false),
                Source::Text { first, last } => (first, last, true),
            };
            if !seen.insert(first) {
                continue;
            }
            res.push(Decision {
                first,
                last,
                text_node,
                kind: removal.kind,
                text: removal.text.clone(),
                reason: removal.reason.clone(),
            });
        }
        res
    }
}

/// Characters of a text node's data a [`Locator`] carries for the adapter's check.
const CHECK_CHARS: usize = 24;

/// Where the live node of an op is, for an adapter that sends its page as markup (an
/// `outerHTML`, one native call) instead of a walk (calls per node). Ops are numbered as a walk
/// numbers them. An element is found by its position among the elements of the markup in
/// document order (the adapter lists the live ones with the markup); a text node by its
/// parent's position and its own among the parent's text children. `check` is what the adapter
/// compares before it trusts the place (an element's local name, a text's first characters):
/// a DOM that its markup does not say (text split by script, a script body holding its own end
/// tag) fails it, and the adapter walks the page instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Locator {
    /// The op this locates (a [`Decision`]'s `first` or `last`).
    pub op: u32,
    /// The element's document-order position, or a text node's parent's.
    pub element: u32,
    /// A text node's position among its parent's text children; `None` for an element.
    pub text: Option<u32>,
    /// The element's local name, or the text node's first characters.
    pub check: String,
}

#[derive(Debug)]
struct Place {
    element: u32,
    text: Option<u32>,
    check: Box<str>,
}

/// Feeds a parsed document to a [`Recorder`] in document order, numbering ops as a walk would
/// (an op per element and per text node, at most [`MAX_OPS`]) and remembering each op's
/// [`Place`]. Elements past the cap are still counted, so the adapter can compare the total.
#[derive(Debug, Default)]
pub struct Locating {
    rec: Recorder,
    places: Vec<Place>,
    /// Elements seen, recorded or not.
    elements: u32,
    /// Per open element: its position, its text children so far, whether it was recorded.
    open: Vec<(u32, u32, bool)>,
}

impl Locating {
    /// An empty recorder.
    pub fn new() -> Locating {
        Locating::default()
    }

    fn room(&self) -> bool {
        self.places.len() < MAX_OPS
    }

    /// Opens the next element.
    pub fn open<'a>(&mut self, tag: &str, attrs: impl IntoIterator<Item = (&'a str, &'a str)>) {
        let element = self.elements;
        self.elements += 1;
        let recorded = self.room() && self.open.last().is_none_or(|o| o.2);
        if recorded {
            self.rec.open(self.places.len() as u32, tag, attrs);
            self.places.push(Place {
                element,
                text: None,
                check: tag.into(),
            });
        }
        self.open.push((element, 0, recorded));
    }

    /// Records the next text node, a child of the innermost open element.
    pub fn text(&mut self, text: &str) {
        let room = self.room();
        let Some((parent, texts, recorded)) = self.open.last_mut() else {
            return;
        };
        let index = *texts;
        *texts += 1;
        if *recorded && room {
            let (parent, op) = (*parent, self.places.len() as u32);
            self.rec.text(op, text);
            self.places.push(Place {
                element: parent,
                text: Some(index),
                check: text.chars().take(CHECK_CHARS).collect(),
            });
        }
    }

    /// Closes the innermost open element.
    pub fn close(&mut self) {
        if let Some((_, _, true)) = self.open.pop() {
            self.rec.close();
        }
    }

    /// The traced page and where its ops are.
    pub fn finish(self) -> Located {
        Located {
            traced: self.rec.finish(),
            elements: self.elements,
            places: self.places,
        }
    }
}

/// A page read from a live document's markup ([`crate::markup`]), with where each op's live node
/// is.
#[derive(Debug)]
pub struct Located {
    /// The page and its ops.
    pub traced: Traced,
    /// Elements in the markup: the adapter compares it with the document's own count.
    pub elements: u32,
    places: Vec<Place>,
}

impl Located {
    /// Where the ops of `decisions` are, each op once.
    pub fn locators(&self, decisions: &[Decision]) -> Vec<Locator> {
        let mut seen = HashSet::new();
        decisions
            .iter()
            .flat_map(|d| [d.first, d.last])
            .filter(|op| seen.insert(*op))
            .filter_map(|op| {
                let place = self.places.get(op as usize)?;
                Some(Locator {
                    op,
                    element: place.element,
                    text: place.text,
                    check: place.check.to_string(),
                })
            })
            .collect()
    }
}

/// Most ops one snapshot holds: every walk (the extension's, the playground's) stops there and
/// the replay reads no further, so a pathological page costs bounded work; a long news page
/// has 5,000–20,000 nodes. `extension/live.js` states the same number (`tests/live_parity.rs`
/// checks it).
pub const MAX_OPS: usize = 200_000;

/// Op code of an element visit in a snapshot's `ops`.
pub const OP_OPEN: u8 = b'e';
/// Op code of a text visit.
pub const OP_TEXT: u8 = b't';
/// Op code of the end of an element.
pub const OP_CLOSE: u8 = b'c';

/// Replays a DOM walk sent as two strings, so that a page crosses into wasm (or into a message)
/// in one piece rather than a call per node. Op `i` is `ops[i]`: [`OP_OPEN`], [`OP_TEXT`] or
/// [`OP_CLOSE`]; the walker keeps the live node of each op at the same index. `strs` holds the
/// strings of the ops in order, each followed by a NUL (the walker turns NULs inside them into
/// U+FFFD): an open's tag, then its attributes as name, value pairs, then an empty string (no
/// attribute name is empty); a text op's text. The first `contexts` opens are context elements
/// (see the module docs). Malformed input ends the replay early; it never panics, and at most
/// [`MAX_OPS`] ops are read.
pub fn replay(ops: &str, strs: &str, contexts: u32) -> Traced {
    let mut rec = Recorder::new();
    let mut strs = strs.split('\0');
    let mut attrs: Vec<(&str, &str)> = Vec::new();
    let mut opened = 0u32;
    for (i, op) in ops.bytes().enumerate().take(MAX_OPS) {
        let index = i as u32;
        match op {
            OP_OPEN => {
                let Some(tag) = strs.next() else { break };
                attrs.clear();
                while let Some(name) = strs.next().filter(|n| !n.is_empty()) {
                    attrs.push((name, strs.next().unwrap_or("")));
                }
                if opened < contexts {
                    rec.open_context(tag, attrs.iter().copied());
                } else {
                    rec.open(index, tag, attrs.iter().copied());
                }
                opened += 1;
            }
            OP_TEXT => {
                let Some(text) = strs.next() else { break };
                rec.text(index, text);
            }
            OP_CLOSE => rec.close(),
            _ => break,
        }
    }
    rec.finish()
}

/// A line-per-node outline of a page (depth, tag, kept attributes, hidden flag, text), used to
/// check that the live adapter and the native one build the same page from the same markup.
pub fn outline(page: &Page) -> String {
    let mut out = String::new();
    for id in page.ids() {
        out.push_str(&"  ".repeat(page.depth(id)));
        out.push_str(page.tag(id));
        for (name, value) in page.attrs(id) {
            out.push_str(&format!(" {name}={value:?}"));
        }
        if page.is_hidden(id) {
            out.push_str(" [hidden]");
        }
        if page.is_text(id) {
            out.push_str(&format!(" {:?}", page.text(id)));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyse, Options};

    /// A tiny walk description: `<tag` opens, `>` closes, anything else is a text op.
    fn record(steps: &[&str], contexts: &[&str]) -> Traced {
        let mut rec = Recorder::new();
        for tag in contexts {
            rec.open_context(tag, []);
        }
        for (op, step) in steps.iter().enumerate() {
            let op = op as u32;
            if let Some(tag) = step.strip_prefix('<') {
                rec.open(op, tag, []);
            } else if *step == ">" {
                rec.close();
            } else {
                rec.text(op, step);
            }
        }
        rec.finish()
    }

    #[test]
    fn text_runs_map_to_their_ops_and_script_text_is_skipped() {
        let t = record(
            &[
                "<body", "<p", "a", "", "b", ">", "<script", "x()", ">", "c", ">",
            ],
            &[],
        );
        assert!(t.is_aligned());
        let page = &t.page;
        let tags: Vec<&str> = page.ids().map(|id| page.tag(id)).collect();
        assert_eq!(tags, ["#document", "body", "p", "#text", "script", "#text"]);
        assert_eq!(t.source(NodeId::new(1)), Source::Element(0));
        assert_eq!(t.source(NodeId::new(3)), Source::Text { first: 2, last: 4 });
        assert_eq!(t.source(NodeId::new(4)), Source::Element(6));
        assert_eq!(t.source(NodeId::new(5)), Source::Text { first: 9, last: 9 });
    }

    #[test]
    fn removals_become_op_ranges() {
        let (mut ops, mut strs) = (String::new(), String::new());
        let html = [
            (OP_OPEN, "html", vec!["lang", "id"]),
            (OP_OPEN, "body", vec![]),
            (OP_OPEN, "article", vec![]),
            (OP_OPEN, "p", vec![]),
            (OP_TEXT, "Paragraf pertama yang cukup panjang untuk dibaca, dengan koma, dan titik. Kalimat kedua menambah isi, supaya jelas ini prosa.", vec![]),
            (OP_CLOSE, "", vec![]),
            (OP_OPEN, "p", vec![]),
            (OP_OPEN, "strong", vec![]),
            (OP_TEXT, "Baca Juga:", vec![]),
            (OP_CLOSE, "", vec![]),
            (OP_TEXT, " ", vec![]),
            (OP_OPEN, "a", vec!["href", "/x"]),
            (OP_TEXT, "Berita lain yang menarik", vec![]),
            (OP_CLOSE, "", vec![]),
            (OP_CLOSE, "", vec![]),
            (OP_OPEN, "div", vec!["class", "adsbygoogle", "id", "div-gpt-ad-1"]),
            (OP_CLOSE, "", vec![]),
        ];
        for (kind, s, attrs) in html {
            ops.push(kind as char);
            match kind {
                OP_OPEN => {
                    for part in std::iter::once(s).chain(attrs).chain([""]) {
                        strs.push_str(part);
                        strs.push('\0');
                    }
                }
                OP_TEXT => {
                    strs.push_str(s);
                    strs.push('\0');
                }
                _ => {}
            }
        }
        let traced = replay(&ops, &strs, 0);
        assert!(traced.is_aligned());
        let analysis = analyse(&traced.page, &Options::default());
        let decisions = traced.decisions(&analysis.removed);
        let got: Vec<(u32, Kind)> = decisions.iter().map(|d| (d.first, d.kind)).collect();
        assert_eq!(got, [(6, Kind::Recirculation), (15, Kind::Ad)]);
    }

    #[test]
    fn a_context_removal_maps_to_the_scanned_subtree() {
        // The added node is a bare insert; the detector may grow it into the context copies.
        let t = record(
            &[
                "<p",
                "<strong",
                "Baca juga:",
                ">",
                " ",
                "<a",
                "Judul lain",
                ">",
                ">",
            ],
            &["html", "body", "div"],
        );
        assert!(t.is_aligned());
        let analysis = analyse(&t.page, &Options::default());
        let decisions = t.decisions(&analysis.removed);
        assert_eq!(decisions.len(), 1, "{analysis:?}");
        assert_eq!(
            (decisions[0].first, decisions[0].kind),
            (0, Kind::Recirculation)
        );
    }

    #[test]
    fn malformed_snapshots_do_not_panic() {
        for (ops, strs) in [
            ("etcc\u{9}", ""),
            ("eee", "div\0class"),
            ("tet", "x"),
            ("ccc", ""),
        ] {
            let t = replay(ops, strs, 4);
            assert!(t
                .decisions(&analyse(&t.page, &Options::default()).removed)
                .is_empty());
        }
    }
}
