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

/// Parses an HTML document. Never fails: malformed markup is repaired the way browsers do it,
/// and bytes that are not UTF-8 are replaced.
pub fn parse(html: &str) -> Page {
    let names = Arena::new();
    parse_document(Sink::new(&names, PageBuilder::new()), Default::default()).one(html)
}

/// Parses HTML bytes, decoding them as UTF-8 with replacement characters. Valid UTF-8 (nearly
/// every page) is checked by `str::from_utf8`, several times faster than the lossy decoder.
pub fn parse_bytes(bytes: &[u8]) -> Page {
    match std::str::from_utf8(bytes) {
        Ok(html) => parse(html),
        Err(_) => parse(&String::from_utf8_lossy(bytes)),
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
struct Sink<'a> {
    names: &'a Arena<QualName>,
    nodes: RefCell<Vec<ScratchNode<'a>>>,
    builder: PageBuilder,
}

impl<'a> Sink<'a> {
    fn new(names: &'a Arena<QualName>, builder: PageBuilder) -> Sink<'a> {
        Sink {
            names,
            nodes: RefCell::new(vec![scratch(Data::Document)]),
            builder,
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

impl<'a> Sink<'a> {
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

    /// Feeds the scratch tree to the page builder in preorder, with an explicit stack.
    fn flatten(self) -> Page {
        let nodes = self.nodes.into_inner();
        let mut builder = self.builder;
        // Each entry is the next sibling to visit at that level; `NONE` closes the element.
        let mut stack = vec![nodes[DOCUMENT].first];
        while let Some(top) = stack.last_mut() {
            let id = *top;
            if id == NONE {
                stack.pop();
                if !stack.is_empty() {
                    builder.close();
                }
                continue;
            }
            *top = nodes[id].next;
            match &nodes[id].data {
                // Template contents live in their own fragment: inert, so never visited.
                Data::Element { name, attrs, .. } => {
                    builder.open(
                        &name.local,
                        attrs.iter().map(|a| (&*a.name.local, &*a.value)),
                    );
                    stack.push(nodes[id].first);
                }
                Data::Text(t) => builder.text(t),
                Data::Document | Data::Other => {}
            }
        }
        builder.finish()
    }
}

impl<'a> TreeSink for Sink<'a> {
    type Handle = usize;
    type Output = Page;
    type ElemName<'b>
        = &'b QualName
    where
        Self: 'b;

    fn finish(self) -> Page {
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
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(10_000) + "deep" + &"</div>".repeat(10_000);
        let page = parse(&html);
        assert!(page.ids().any(|id| page.text(id) == "deep"));
    }
}
