//! Native adapter: HTML text → [`Page`], through html5ever.
//!
//! html5ever's tree builder may move nodes after creating them (foster parenting, the adoption
//! agency, `reparent_children`), so creation order is not document order. The sink therefore
//! collects nodes into a scratch linked arena and flattens it into a preorder [`Page`] at the end,
//! with an explicit stack: no recursion, whatever the nesting depth.
//!
//! Invariant: nothing outside this module imports html5ever.

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{parse_document, Attribute, QualName};

use typed_arena::Arena;

use crate::page::{Page, PageBuilder};
use crate::snapshot::{Located, Locating};

/// Parses an HTML document. Never fails: malformed markup is repaired the way browsers do it,
/// and bytes that are not UTF-8 are replaced.
pub fn parse(html: &str) -> Page {
    run(html, PageBuilder::new())
}

/// Parses HTML bytes, decoding them as UTF-8 with replacement characters. Valid UTF-8 (nearly
/// every page) is checked by `str::from_utf8`, several times faster than the lossy decoder.
pub fn parse_bytes(bytes: &[u8]) -> Page {
    match std::str::from_utf8(bytes) {
        Ok(html) => parse(html),
        Err(_) => parse(&String::from_utf8_lossy(bytes)),
    }
}

/// Parses a live document's serialisation (its body's `outerHTML` under an empty head, after a
/// doctype when the document is in standards mode), numbering nodes as a walk of that markup
/// would and remembering where each live node is (see [`Locating`]).
pub fn parse_located(html: &str) -> Located {
    run(html, Locating::new())
}

fn run<V: Visit>(html: &str, visit: V) -> V::Output {
    let names = Arena::new();
    parse_document(Sink::new(&names, visit), Default::default()).one(html)
}

/// What the flattened tree is fed to, in document order: the page builder, or the locating
/// recorder of the extension's markup path.
trait Visit {
    type Output;
    fn open(&mut self, tag: &str, attrs: &[Attribute]);
    fn text(&mut self, text: &str);
    fn close(&mut self);
    fn finish(self) -> Self::Output;
}

impl Visit for PageBuilder {
    type Output = Page;
    fn open(&mut self, tag: &str, attrs: &[Attribute]) {
        PageBuilder::open(self, tag, attrs.iter().map(|a| (&*a.name.local, &*a.value)));
    }
    fn text(&mut self, text: &str) {
        PageBuilder::text(self, text);
    }
    fn close(&mut self) {
        PageBuilder::close(self);
    }
    fn finish(self) -> Page {
        PageBuilder::finish(self)
    }
}

impl Visit for Locating {
    type Output = Located;
    fn open(&mut self, tag: &str, attrs: &[Attribute]) {
        Locating::open(self, tag, attrs.iter().map(|a| (&*a.name.local, &*a.value)));
    }
    fn text(&mut self, text: &str) {
        Locating::text(self, text);
    }
    fn close(&mut self) {
        Locating::close(self);
    }
    fn finish(self) -> Located {
        Locating::finish(self)
    }
}

const NONE: usize = usize::MAX;
const DOCUMENT: usize = 0;

#[derive(Debug)]
enum Data<'a> {
    Document,
    Element {
        /// In an arena beside the sink, so html5ever can borrow names while the tree changes.
        name: &'a QualName,
        attrs: Vec<Attribute>,
        template: usize,
    },
    Text(StrTendril),
    /// Comments, doctypes and processing instructions: kept only so handles stay valid.
    Other,
}

#[derive(Debug)]
struct ScratchNode<'a> {
    data: Data<'a>,
    parent: usize,
    prev: usize,
    next: usize,
    first: usize,
    last: usize,
}

/// A linked arena addressed by index; `usize` is the handle html5ever passes around.
struct Sink<'a, V> {
    names: &'a Arena<QualName>,
    nodes: RefCell<Vec<ScratchNode<'a>>>,
    visit: V,
}

impl<'a, V> Sink<'a, V> {
    fn new(names: &'a Arena<QualName>, visit: V) -> Sink<'a, V> {
        Sink {
            names,
            nodes: RefCell::new(vec![scratch(Data::Document)]),
            visit,
        }
    }
}

fn scratch(data: Data<'_>) -> ScratchNode<'_> {
    ScratchNode {
        data,
        parent: NONE,
        prev: NONE,
        next: NONE,
        first: NONE,
        last: NONE,
    }
}

impl<'a, V: Visit> Sink<'a, V> {
    fn push(&self, data: Data<'a>) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(scratch(data));
        nodes.len() - 1
    }

    fn detach(nodes: &mut [ScratchNode<'a>], id: usize) {
        let (parent, prev, next) = (nodes[id].parent, nodes[id].prev, nodes[id].next);
        if parent == NONE {
            return;
        }
        if prev != NONE {
            nodes[prev].next = next;
        } else {
            nodes[parent].first = next;
        }
        if next != NONE {
            nodes[next].prev = prev;
        } else {
            nodes[parent].last = prev;
        }
        let n = &mut nodes[id];
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
    }

    /// Links `child` as the last child of `parent`.
    fn link_last(nodes: &mut [ScratchNode<'a>], parent: usize, child: usize) {
        Self::detach(nodes, child);
        let last = nodes[parent].last;
        nodes[child].parent = parent;
        nodes[child].prev = last;
        if last != NONE {
            nodes[last].next = child;
        } else {
            nodes[parent].first = child;
        }
        nodes[parent].last = child;
    }

    /// Links `child` just before `sibling`.
    fn link_before(nodes: &mut [ScratchNode<'a>], sibling: usize, child: usize) {
        Self::detach(nodes, child);
        let parent = nodes[sibling].parent;
        let prev = nodes[sibling].prev;
        nodes[child].parent = parent;
        nodes[child].prev = prev;
        nodes[child].next = sibling;
        nodes[sibling].prev = child;
        if prev != NONE {
            nodes[prev].next = child;
        } else if parent != NONE {
            nodes[parent].first = child;
        }
    }

    /// Appends text to an adjacent text node `neighbour` if there is one, else creates a node.
    fn text_node(&self, neighbour: usize, text: StrTendril) -> Option<usize> {
        let mut nodes = self.nodes.borrow_mut();
        if neighbour != NONE {
            if let Data::Text(t) = &mut nodes[neighbour].data {
                t.push_tendril(&text);
                return None;
            }
        }
        nodes.push(scratch(Data::Text(text)));
        Some(nodes.len() - 1)
    }

    /// Feeds the scratch tree to the visitor in preorder, with an explicit stack.
    fn flatten(self) -> V::Output {
        let nodes = self.nodes.into_inner();
        let mut visit = self.visit;
        // Each entry is the next sibling to visit at that level; `NONE` closes the element.
        let mut stack = vec![nodes[DOCUMENT].first];
        while let Some(top) = stack.last_mut() {
            let id = *top;
            if id == NONE {
                stack.pop();
                if !stack.is_empty() {
                    visit.close();
                }
                continue;
            }
            *top = nodes[id].next;
            match &nodes[id].data {
                // Template contents live in their own fragment: inert, so never visited.
                Data::Element { name, attrs, .. } => {
                    visit.open(&name.local, attrs);
                    stack.push(nodes[id].first);
                }
                Data::Text(t) => visit.text(t),
                Data::Document | Data::Other => {}
            }
        }
        visit.finish()
    }
}

impl<'a, V: Visit> TreeSink for Sink<'a, V> {
    type Handle = usize;
    type Output = V::Output;
    type ElemName<'b>
        = &'b QualName
    where
        Self: 'b;

    fn finish(self) -> V::Output {
        self.flatten()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        DOCUMENT
    }

    fn elem_name<'b>(&'b self, target: &'b usize) -> &'b QualName {
        match &self.nodes.borrow()[*target].data {
            Data::Element { name, .. } => name,
            // html5ever only asks for the names of elements it created.
            _ => unreachable!("elem_name called on a non-element"),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> usize {
        let template = if flags.template {
            self.push(Data::Document)
        } else {
            NONE
        };
        self.push(Data::Element {
            name: self.names.alloc(name),
            attrs,
            template,
        })
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.push(Data::Other)
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        let child = match child {
            NodeOrText::AppendNode(n) => n,
            NodeOrText::AppendText(text) => {
                let last = self.nodes.borrow()[*parent].last;
                match self.text_node(last, text) {
                    Some(n) => n,
                    None => return,
                }
            }
        };
        Self::link_last(&mut self.nodes.borrow_mut(), *parent, child);
    }

    fn append_based_on_parent_node(&self, element: &usize, prev: &usize, child: NodeOrText<usize>) {
        if self.nodes.borrow()[*element].parent != NONE {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        match &self.nodes.borrow()[*target].data {
            Data::Element { template, .. } if *template != NONE => *template,
            _ => *target,
        }
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &usize, child: NodeOrText<usize>) {
        let child = match child {
            NodeOrText::AppendNode(n) => n,
            NodeOrText::AppendText(text) => {
                let prev = self.nodes.borrow()[*sibling].prev;
                match self.text_node(prev, text) {
                    Some(n) => n,
                    None => return,
                }
            }
        };
        Self::link_before(&mut self.nodes.borrow_mut(), *sibling, child);
    }

    fn add_attrs_if_missing(&self, target: &usize, extra: Vec<Attribute>) {
        if let Data::Element { attrs, .. } = &mut self.nodes.borrow_mut()[*target].data {
            for a in extra {
                if !attrs.iter().any(|e| e.name == a.name) {
                    attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &usize) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &usize, new_parent: &usize) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[*node].first;
        while child != NONE {
            let next = nodes[child].next;
            Self::link_last(&mut nodes, *new_parent, child);
            child = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattens_in_document_order() {
        let page = parse("<table><tr><td>cell</td></tr>stray</table><p>a<b>b</b>c</p>");
        let tags: Vec<&str> = page.ids().map(|id| page.tag(id)).collect();
        // The stray text is foster-parented before the table.
        let text_pos = page.ids().position(|id| page.text(id) == "stray").unwrap();
        let table_pos = tags.iter().position(|t| *t == "table").unwrap();
        assert!(text_pos < table_pos);
        let p = page.find_tag("p").unwrap();
        assert_eq!(page.text_content(p), "abc");
    }

    #[test]
    fn located_ops_point_at_their_live_places() {
        let html = "<!DOCTYPE html><html lang=id><head><title>t</title></head><body><article>\
            <p>Paragraf pertama yang cukup panjang untuk dibaca, dengan koma, dan titik. Kalimat \
            kedua menambah isi, supaya jelas ini prosa.</p>\
            <p><strong>Baca Juga:</strong> <a href=/x>Berita lain yang menarik</a></p>\
            <div>Teks awal yang cukup panjang, dengan koma.<br><br>Baca Juga: <a href=/y>Judul \
            lain</a><br><br>Teks akhir yang juga panjang.</div>\
            <div id=div-gpt-ad-1 class=adsbygoogle></div></article></body></html>";
        let located = parse_located(html);
        let options = crate::Options::default();
        let removed = crate::detect::detect(&located.traced.page, &options);
        let decisions = located.traced.decisions(&removed);
        // The same decisions as the native path's, on the same page.
        let native: Vec<_> = crate::detect::detect(&parse(html), &options)
            .into_iter()
            .filter(|r| r.kind != crate::Kind::Boilerplate)
            .map(|r| r.text)
            .collect();
        let texts: Vec<_> = decisions.iter().map(|d| d.text.clone()).collect();
        assert_eq!(texts, native);
        assert_eq!(decisions.len(), 4, "{decisions:?}");
        assert!(decisions.iter().any(|d| d.text_node));
        // Element positions count every element in document order, as querySelectorAll does.
        let page = parse(html);
        let elements: Vec<_> = page.ids().filter(|&id| page.is_element(id)).collect();
        assert_eq!(located.elements as usize, elements.len());
        let locators = located.locators(&decisions);
        for d in &decisions {
            for op in [d.first, d.last] {
                let l = locators
                    .iter()
                    .find(|l| l.op == op)
                    .expect("every op located");
                let el = elements[l.element as usize];
                match l.text {
                    None => assert_eq!(page.tag(el), l.check),
                    Some(i) => {
                        let text = page
                            .children(el)
                            .filter(|&c| page.is_text(c))
                            .nth(i as usize);
                        assert!(page.text(text.expect("text child")).starts_with(&l.check));
                    }
                }
            }
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(10_000) + "deep" + &"</div>".repeat(10_000);
        let page = parse(&html);
        assert!(page.ids().any(|id| page.text(id) == "deep"));
    }
}
