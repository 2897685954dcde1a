//! Renders the extracted article as sanitised HTML and Markdown (plain text: `plain`).
//!
//! The article's nodes are first read into a small document model ([`Block`]s of [`Span`]s)
//! that can only express safe things: text, links with http(s)/mailto targets, images with
//! http(s) sources, emphasis, lists, quotes, code, tables. The three outputs are printed from
//! that model, so the reader HTML is sanitised by construction: no element or attribute outside
//! the model can reach it, whatever the page held.

use crate::page::{NodeId, Page};
use crate::reader::extract::{is_data_table, Item};
use crate::url;

/// One block of the article.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A paragraph.
    Para(Vec<Span>),
    /// A heading of level 2–6 (the title is the only level 1).
    Heading(u8, Vec<Span>),
    /// A list item; `ordinal` is `Some(n)` in ordered lists; `depth` counts enclosing lists.
    Item {
        ordinal: Option<u32>,
        depth: u8,
        spans: Vec<Span>,
    },
    /// A quoted paragraph.
    Quote(Vec<Span>),
    /// Preformatted text, whitespace kept.
    Pre(String),
    /// An image with its caption.
    Image { src: String, alt: String },
    /// A figure caption.
    Caption(Vec<Span>),
    /// A table row of cells; `first` marks the first row of a table.
    Row { first: bool, cells: Vec<Vec<Span>> },
    /// A thematic break.
    Rule,
}

/// Inline content.
#[derive(Clone, Debug, PartialEq)]
pub enum Span {
    /// Text, whitespace collapsed.
    Text(String),
    /// Start of a link to a safe absolute address.
    LinkStart(String),
    /// End of a link.
    LinkEnd,
    /// Start/end of strong emphasis.
    Strong(bool),
    /// Start/end of emphasis.
    Em(bool),
    /// Start/end of inline code.
    Code(bool),
    /// A line break.
    Break,
    /// A named entity's text, highlighted (only in marked copies of the blocks; see
    /// `highlight`).
    Mark(Mark, String),
}

/// What a highlighted piece of text names.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    /// The entity's type.
    pub kind: crate::mention::Kind,
    /// Index of the entity in the analysis' `entities`.
    pub entity: u32,
    /// Whether the piece continues a mention cut by an element edge (a name half inside a link):
    /// each mention has exactly one piece that does not.
    pub cont: bool,
}

/// The three renderings of an article.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Sanitised HTML.
    pub html: String,
    /// Plain text, paragraphs separated by a blank line.
    pub text: String,
    /// Markdown.
    pub markdown: String,
    /// The blocks, for callers that want the structure.
    pub blocks: Vec<Block>,
}

/// Elements whose whole subtree is never rendered. Form controls are not shown, so neither are
/// their labels (a search widget's "Pilih kanal berita…" is not article text).
const SKIPPED: &[&str] = &[
    "button", "canvas", "embed", "head", "iframe", "input", "label", "noscript", "object",
    "script", "select", "style", "svg", "template", "textarea", "title",
];

/// Reads the article items into blocks and prints them.
pub fn render(page: &Page, items: &[Item], dead: &[bool], base: Option<&str>) -> Rendered {
    let mut r = Reader::new(page, dead, base);
    for &item in items {
        match item {
            Item::Node(id) => r.walk(id, page.skip(id)),
            Item::Run { first, end, .. } => {
                r.flush();
                r.walk(first, end);
                r.flush();
            }
        }
    }
    r.flush();
    let blocks = r.blocks;
    Rendered {
        html: to_html(&blocks),
        text: super::plain::to_text(&blocks),
        markdown: to_markdown(&blocks),
        blocks,
    }
}

/// Block-level context of the text being read.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Ctx {
    Para,
    Heading(u8),
    Item,
    Quote,
    Caption,
    Cell,
    Pre,
}

/// Inline elements the model keeps.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Style {
    Link,
    Strong,
    Em,
    Code,
}

impl Style {
    fn span(self, open: bool) -> Span {
        match self {
            Style::Link if open => Span::LinkStart(String::new()),
            Style::Link => Span::LinkEnd,
            Style::Strong => Span::Strong(open),
            Style::Em => Span::Em(open),
            Style::Code => Span::Code(open),
        }
    }
}

/// What closing an element must undo.
#[derive(Clone, Copy, Debug)]
enum Frame {
    /// A block element: restore the previous context.
    Block(Ctx),
    /// A list: restore the previous ordinal counter.
    List(Option<u32>),
    /// A data table row.
    Row,
    /// An inline element to close.
    Inline(Style),
    /// Nothing to undo.
    None,
}

struct Reader<'a> {
    page: &'a Page,
    dead: &'a [bool],
    base: Option<String>,
    blocks: Vec<Block>,
    spans: Vec<Span>,
    pre: String,
    ctx: Ctx,
    ordinal: Option<u32>,
    item_ordinal: Option<u32>,
    list_depth: u8,
    row: Option<Vec<Vec<Span>>>,
    first_row: bool,
    pending_space: bool,
    /// Whether the current block holds text yet (leading spaces are dropped until it does).
    has_text: bool,
}

impl<'a> Reader<'a> {
    fn new(page: &'a Page, dead: &'a [bool], base: Option<&str>) -> Self {
        let base = base_href(page, base);
        Reader {
            page,
            dead,
            base,
            blocks: Vec::new(),
            spans: Vec::new(),
            pre: String::new(),
            ctx: Ctx::Para,
            ordinal: None,
            item_ordinal: None,
            list_depth: 0,
            row: None,
            first_row: true,
            pending_space: false,
            has_text: false,
        }
    }

    /// Reads the nodes `first..end` (whole subtrees) in order, with an explicit stack.
    fn walk(&mut self, first: NodeId, end: NodeId) {
        let page = self.page;
        let mut stack: Vec<(NodeId, Frame)> = Vec::new();
        let mut i = first.index();
        let end = end.index();
        while i < end || !stack.is_empty() {
            while let Some(&(open, frame)) = stack.last() {
                if i < page.skip(open).index() && i < end {
                    break;
                }
                stack.pop();
                self.close(frame);
            }
            if i >= end {
                continue;
            }
            let id = NodeId::new(i);
            if self.dead[i] || SKIPPED.contains(&page.tag(id)) {
                i = page.skip(id).index();
                continue;
            }
            if page.is_text(id) {
                self.text(page.text(id));
                i += 1;
                continue;
            }
            let frame = self.open(id);
            stack.push((id, frame));
            i += 1;
        }
    }

    fn open(&mut self, id: NodeId) -> Frame {
        let page = self.page;
        let tag = page.tag(id);
        match tag {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = tag.as_bytes()[1] - b'0';
                self.block(Ctx::Heading(level.max(2)))
            }
            "p" | "div" | "section" | "article" | "main" | "header" | "center" | "dd" | "dt"
            | "details" | "summary" | "address" | "figure" | "form" | "fieldset" => {
                let ctx = if matches!(self.ctx, Ctx::Heading(_)) {
                    Ctx::Para
                } else {
                    self.ctx
                };
                self.block(ctx)
            }
            "blockquote" => self.block(Ctx::Quote),
            "figcaption" => self.block(Ctx::Caption),
            "pre" => {
                self.flush();
                let prev = self.ctx;
                self.ctx = Ctx::Pre;
                Frame::Block(prev)
            }
            "ul" | "ol" => {
                self.flush();
                let prev = self.ordinal;
                self.ordinal = (tag == "ol").then_some(0);
                self.list_depth += 1;
                Frame::List(prev)
            }
            "li" => {
                if let Some(n) = &mut self.ordinal {
                    *n += 1;
                }
                self.flush();
                self.item_ordinal = self.ordinal;
                self.block(Ctx::Item)
            }
            "table" => {
                self.flush();
                self.first_row = true;
                Frame::None
            }
            "tr" if self.in_data_table(id) => {
                self.flush();
                self.row = Some(Vec::new());
                Frame::Row
            }
            "td" | "th" if self.row.is_some() => {
                self.flush();
                let prev = self.ctx;
                self.ctx = Ctx::Cell;
                Frame::Block(prev)
            }
            "td" | "th" => self.block(Ctx::Para),
            "br" => {
                if self.ctx == Ctx::Pre {
                    self.pre.push('\n');
                } else if matches!(self.spans.last(), Some(Span::Break)) {
                    // `<br><br>` separates paragraphs, as in Readability's prep.
                    self.flush();
                } else if self.has_text {
                    self.spans.push(Span::Break);
                    self.pending_space = false;
                }
                Frame::None
            }
            "hr" => {
                self.flush();
                self.blocks.push(Block::Rule);
                Frame::None
            }
            "img" => {
                self.image(id);
                Frame::None
            }
            "a" => match page.attr(id, "href").and_then(|h| self.safe_url(h, true)) {
                Some(href) => self.inline(Span::LinkStart(href), Style::Link),
                None => Frame::None,
            },
            "strong" | "b" => self.inline(Span::Strong(true), Style::Strong),
            "em" | "i" => self.inline(Span::Em(true), Style::Em),
            "code" | "kbd" | "samp" | "tt" if self.ctx != Ctx::Pre => {
                self.inline(Span::Code(true), Style::Code)
            }
            _ => Frame::None,
        }
    }

    fn close(&mut self, frame: Frame) {
        match frame {
            Frame::Block(prev) => {
                self.flush();
                self.ctx = prev;
            }
            Frame::List(prev) => {
                self.flush();
                self.ordinal = prev;
                self.list_depth -= 1;
            }
            Frame::Row => {
                self.flush();
                if let Some(cells) = self.row.take() {
                    if cells.iter().any(|c| !c.is_empty()) {
                        self.blocks.push(Block::Row {
                            first: self.first_row,
                            cells,
                        });
                        self.first_row = false;
                    }
                }
            }
            Frame::Inline(style) => {
                // An empty inline element leaves nothing behind.
                let empty = match (style, self.spans.last()) {
                    (Style::Link, Some(Span::LinkStart(_))) => true,
                    (_, Some(last)) => *last == style.span(true) && style != Style::Link,
                    (_, None) => true,
                };
                if empty {
                    self.spans.pop();
                } else {
                    self.spans.push(style.span(false));
                }
            }
            Frame::None => {}
        }
    }

    fn block(&mut self, ctx: Ctx) -> Frame {
        self.flush();
        let prev = self.ctx;
        self.ctx = ctx;
        Frame::Block(prev)
    }

    fn inline(&mut self, start: Span, style: Style) -> Frame {
        if self.pending_space && self.has_text {
            self.spans.push(Span::Text(" ".into()));
            self.pending_space = false;
        }
        self.spans.push(start);
        Frame::Inline(style)
    }

    fn text(&mut self, s: &str) {
        if self.ctx == Ctx::Pre {
            self.pre.push_str(s);
            return;
        }
        let mut out = String::new();
        let lead = s.starts_with(char::is_whitespace) || self.pending_space;
        for (k, word) in crate::text::words(s).enumerate() {
            if k > 0 || (lead && self.has_text) {
                out.push(' ');
            }
            out.push_str(word);
        }
        if out.is_empty() {
            self.pending_space |= !s.is_empty();
            return;
        }
        self.pending_space = s.ends_with(char::is_whitespace);
        self.has_text = true;
        if let Some(Span::Text(t)) = self.spans.last_mut() {
            t.push_str(&out);
        } else {
            self.spans.push(Span::Text(out));
        }
    }

    fn image(&mut self, id: NodeId) {
        let page = self.page;
        let src = ["src", "data-src", "data-lazy-src", "data-original"]
            .iter()
            .filter_map(|a| page.attr(id, a))
            .chain(
                page.attr(id, "srcset")
                    .and_then(|s| s.split_whitespace().next()),
            )
            .filter(|s| !s.starts_with("data:"))
            .find_map(|s| self.safe_url(s, false));
        let Some(src) = src else { return };
        self.flush();
        let alt = crate::text::collapse_whitespace(page.attr(id, "alt").unwrap_or(""));
        self.blocks.push(Block::Image { src, alt });
    }

    /// Resolves an address and keeps it only if it is http(s) (or mailto for links).
    fn safe_url(&self, href: &str, link: bool) -> Option<String> {
        let href = href.trim();
        if href.is_empty() || href.starts_with('#') {
            return None;
        }
        let lower = href.to_ascii_lowercase();
        if link && lower.starts_with("mailto:") {
            return Some(href.to_string());
        }
        let abs = match &self.base {
            Some(base) => url::resolve(base, href)?,
            None => href.to_string(),
        };
        let lower = abs.to_ascii_lowercase();
        let scheme_ok = lower.starts_with("http://") || lower.starts_with("https://");
        // Without a base, relative addresses are kept as they are: they cannot name a scheme.
        let relative = self.base.is_none() && !lower.contains(':');
        (scheme_ok || relative).then_some(abs)
    }

    fn in_data_table(&self, tr: NodeId) -> bool {
        self.page
            .ancestors(tr)
            .find(|&a| self.page.tag(a) == "table")
            .is_some_and(|t| is_data_table(self.page, t))
    }

    /// Ends the current block, if it holds anything.
    fn flush(&mut self) {
        self.pending_space = false;
        self.has_text = false;
        if self.ctx == Ctx::Pre {
            let pre = std::mem::take(&mut self.pre);
            let pre = pre.trim_matches('\n');
            if !pre.trim().is_empty() {
                self.blocks.push(Block::Pre(pre.to_string()));
            }
            return;
        }
        let mut spans = std::mem::take(&mut self.spans);
        while matches!(spans.last(), Some(Span::Break)) {
            spans.pop();
        }
        let leading = spans
            .iter()
            .take_while(|s| matches!(s, Span::Break))
            .count();
        spans.drain(..leading);
        balance(&mut spans);
        if !has_text(&spans) {
            return;
        }
        let block = match self.ctx {
            Ctx::Para | Ctx::Pre => Block::Para(spans),
            Ctx::Heading(l) => Block::Heading(l, spans),
            Ctx::Item => Block::Item {
                ordinal: self.item_ordinal,
                depth: self.list_depth.max(1),
                spans,
            },
            Ctx::Quote => Block::Quote(spans),
            Ctx::Caption => Block::Caption(spans),
            Ctx::Cell => {
                if let Some(row) = &mut self.row {
                    row.push(spans);
                }
                return;
            }
        };
        self.blocks.push(block);
    }
}

/// Characters of link text in a block.
pub fn link_chars(block: &Block) -> usize {
    let spans: &[Span] = match block {
        Block::Para(s) | Block::Heading(_, s) | Block::Quote(s) | Block::Caption(s) => s,
        Block::Item { spans, .. } => spans,
        _ => return 0,
    };
    let mut depth = 0;
    let mut n = 0;
    for s in spans {
        match s {
            Span::LinkStart(_) => depth += 1,
            Span::LinkEnd => depth -= 1,
            Span::Text(t) | Span::Mark(_, t) if depth > 0 => n += t.chars().count(),
            _ => {}
        }
    }
    n
}

/// Pairs the inline starts and ends of one block. An inline element holding a block
/// (`<b>lead<p>…</p>tail</b>`, a link around a figure) is cut by the block's edges, so its start
/// and end land in different blocks: printed as they are, `<strong>` or `<a>` would stay open
/// over the following paragraphs. Each block closes what it opened (a start with nothing after
/// it is dropped) and drops ends whose start lies in an earlier block.
fn balance(spans: &mut Vec<Span>) {
    let style = |s: &Span| match *s {
        Span::LinkStart(_) => Some((Style::Link, true)),
        Span::LinkEnd => Some((Style::Link, false)),
        Span::Strong(open) => Some((Style::Strong, open)),
        Span::Em(open) => Some((Style::Em, open)),
        Span::Code(open) => Some((Style::Code, open)),
        _ => None,
    };
    let mut open: Vec<(usize, Style)> = Vec::new();
    let mut out = Vec::with_capacity(spans.len());
    for span in spans.drain(..) {
        match style(&span) {
            Some((s, true)) => open.push((out.len(), s)),
            Some((s, false)) if open.last().map(|o| o.1) == Some(s) => {
                open.pop();
            }
            Some((_, false)) => continue,
            None => {}
        }
        out.push(span);
    }
    while let Some((at, s)) = open.pop() {
        if at + 1 == out.len() {
            out.pop();
        } else {
            out.push(s.span(false));
        }
    }
    *spans = out;
}

fn has_text(spans: &[Span]) -> bool {
    spans
        .iter()
        .any(|s| matches!(s, Span::Text(t) | Span::Mark(_, t) if !t.trim().is_empty()))
}

/// The base for relative addresses: the page's `<base href>` resolved against its URL.
fn base_href(page: &Page, url: Option<&str>) -> Option<String> {
    let base = page.find_tag("base").and_then(|b| page.attr(b, "href"));
    match (url, base) {
        (Some(u), Some(b)) => url::resolve(u, b).or_else(|| Some(u.to_string())),
        (Some(u), None) => Some(u.to_string()),
        (None, Some(b)) if b.starts_with("http") => Some(b.to_string()),
        _ => None,
    }
}

fn escape_html(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

fn spans_html(spans: &[Span], out: &mut String) {
    for s in spans {
        match s {
            Span::Text(t) => escape_html(t, out),
            Span::LinkStart(h) => {
                out.push_str("<a href=\"");
                escape_html(h, out);
                out.push_str("\" rel=\"noopener noreferrer\">");
            }
            Span::LinkEnd => out.push_str("</a>"),
            Span::Strong(open) => out.push_str(if *open { "<strong>" } else { "</strong>" }),
            Span::Em(open) => out.push_str(if *open { "<em>" } else { "</em>" }),
            Span::Code(open) => out.push_str(if *open { "<code>" } else { "</code>" }),
            Span::Break => out.push_str("<br>"),
            Span::Mark(m, t) => {
                out.push_str("<mark data-entity=\"");
                out.push_str(m.kind.as_str());
                out.push_str("\" data-entity-id=\"");
                out.push_str(&m.entity.to_string());
                out.push_str(if m.cont {
                    "\" data-entity-cont>"
                } else {
                    "\">"
                });
                escape_html(t, out);
                out.push_str("</mark>");
            }
        }
    }
}

/// Prints the blocks as sanitised HTML.
pub fn to_html(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut lists: Vec<bool> = Vec::new();
    let mut in_table = false;
    // A caption right after an image goes inside the image's figure, where it belongs.
    let mut captioned = false;
    for (i, b) in blocks.iter().enumerate() {
        if std::mem::take(&mut captioned) {
            continue;
        }
        // A table ends before lists open or close: rows stand outside lists (depth 0).
        let row = matches!(b, Block::Row { first: false, .. });
        if in_table && !row {
            out.push_str("</table>\n");
            in_table = false;
        }
        let (depth, ordered) = match b {
            Block::Item { ordinal, depth, .. } => (*depth as usize, ordinal.is_some()),
            _ => (0, false),
        };
        while lists.len() > depth
            || (lists.len() == depth && depth > 0 && lists.last() != Some(&ordered))
        {
            out.push_str(if lists.pop() == Some(true) {
                "</ol>\n"
            } else {
                "</ul>\n"
            });
        }
        while lists.len() < depth {
            out.push_str(if ordered { "<ol>\n" } else { "<ul>\n" });
            lists.push(ordered);
        }
        match b {
            Block::Para(s) => wrap_html("p", s, &mut out),
            Block::Heading(l, s) => wrap_html(&format!("h{l}"), s, &mut out),
            Block::Item { spans, .. } => wrap_html("li", spans, &mut out),
            Block::Quote(s) => {
                out.push_str("<blockquote>");
                wrap_html("p", s, &mut out);
                out.push_str("</blockquote>\n");
            }
            Block::Caption(s) => {
                out.push_str("<figure>");
                wrap_html("figcaption", s, &mut out);
                out.push_str("</figure>\n");
            }
            Block::Pre(t) => {
                out.push_str("<pre>");
                escape_html(t, &mut out);
                out.push_str("</pre>\n");
            }
            Block::Image { src, alt } => {
                out.push_str("<figure><img src=\"");
                escape_html(src, &mut out);
                out.push_str("\" alt=\"");
                escape_html(alt, &mut out);
                out.push_str("\" loading=\"lazy\">");
                if let Some(Block::Caption(s)) = blocks.get(i + 1) {
                    wrap_html("figcaption", s, &mut out);
                    captioned = true;
                }
                out.push_str("</figure>\n");
            }
            Block::Row { first, cells } => {
                if *first || !in_table {
                    if in_table {
                        out.push_str("</table>\n");
                    }
                    out.push_str("<table>\n");
                    in_table = true;
                }
                out.push_str("<tr>");
                for c in cells {
                    wrap_html("td", c, &mut out);
                }
                out.push_str("</tr>\n");
            }
            Block::Rule => out.push_str("<hr>\n"),
        }
    }
    if in_table {
        out.push_str("</table>\n");
    }
    while let Some(ordered) = lists.pop() {
        out.push_str(if ordered { "</ol>\n" } else { "</ul>\n" });
    }
    out
}

fn wrap_html(tag: &str, spans: &[Span], out: &mut String) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    spans_html(spans, out);
    out.push_str("</");
    out.push_str(tag);
    out.push_str(">\n");
}

/// Writes text so that Markdown shows it as text: every character that could open markup
/// (emphasis, links, code, HTML, autolinks) is backslash-escaped.
pub(super) fn escape_md(s: &str, out: &mut String) {
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '`' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
}

fn spans_md(spans: &[Span]) -> String {
    let mut out = String::new();
    let mut links: Vec<String> = Vec::new();
    for s in spans {
        match s {
            Span::Text(t) | Span::Mark(_, t) => escape_md(t, &mut out),
            Span::LinkStart(h) => {
                out.push('[');
                links.push(h.clone());
            }
            Span::LinkEnd => {
                let h = links.pop().unwrap_or_default();
                out.push_str("](");
                out.push_str(&h.replace(' ', "%20").replace(')', "%29"));
                out.push(')');
            }
            Span::Strong(_) => out.push_str("**"),
            Span::Em(_) => out.push('*'),
            Span::Code(_) => out.push('`'),
            Span::Break => out.push_str("  \n"),
        }
    }
    while let Some(h) = links.pop() {
        out.push_str("](");
        out.push_str(&h);
        out.push(')');
    }
    out
}

/// Prints the blocks as Markdown.
pub fn to_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev_item = false;
    let mut prev_row = false;
    for b in blocks {
        let is_item = matches!(b, Block::Item { .. });
        let is_row = matches!(b, Block::Row { first: false, .. });
        if !out.is_empty() {
            out.push_str(if (is_item && prev_item) || (is_row && prev_row) {
                "\n"
            } else {
                "\n\n"
            });
        }
        prev_item = is_item;
        prev_row = matches!(b, Block::Row { .. });
        match b {
            Block::Para(s) => out.push_str(&spans_md(s)),
            Block::Heading(l, s) => {
                out.push_str(&"#".repeat(*l as usize));
                out.push(' ');
                out.push_str(&spans_md(s).replace('\n', " "));
            }
            Block::Item {
                ordinal,
                depth,
                spans,
            } => {
                out.push_str(&"  ".repeat(depth.saturating_sub(1) as usize));
                match ordinal {
                    Some(n) => out.push_str(&format!("{n}. ")),
                    None => out.push_str("- "),
                }
                out.push_str(&spans_md(spans));
            }
            Block::Quote(s) => {
                let md = spans_md(s);
                out.push_str(
                    &md.lines()
                        .map(|l| format!("> {l}"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                );
            }
            Block::Caption(s) => {
                out.push('*');
                out.push_str(&spans_md(s));
                out.push('*');
            }
            Block::Pre(t) => {
                out.push_str("```\n");
                out.push_str(t);
                out.push_str("\n```");
            }
            Block::Image { src, alt } => {
                out.push_str("![");
                escape_md(alt, &mut out);
                out.push_str("](");
                out.push_str(&src.replace(' ', "%20").replace(')', "%29"));
                out.push(')');
            }
            Block::Row { first, cells } => {
                out.push_str("| ");
                out.push_str(
                    &cells
                        .iter()
                        .map(|c| spans_md(c).replace('|', "\\|"))
                        .collect::<Vec<_>>()
                        .join(" | "),
                );
                out.push_str(" |");
                if *first {
                    out.push('\n');
                    out.push_str(&"| --- ".repeat(cells.len()));
                    out.push('|');
                }
            }
            Block::Rule => out.push_str("---"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html_of(markup: &str) -> String {
        let page = crate::html::parse(markup);
        let items = [Item::Node(page.find_tag("body").unwrap())];
        render(&page, &items, &vec![false; page.len()], None).html
    }

    #[test]
    fn inline_elements_cut_by_blocks_are_closed_in_each_block() {
        assert_eq!(
            html_of("<b>Tebal<p>Tengah</p>ekor</b><p>Lain</p>"),
            "<p><strong>Tebal</strong></p>\n<p>Tengah</p>\n<p>ekor</p>\n<p>Lain</p>\n"
        );
        assert_eq!(
            html_of("<ul><li>Lihat <a href=\"/v\"><div><img src=\"/i.jpg\"></div></a></li></ul>"),
            "<ul>\n<li>Lihat </li>\n</ul>\n<figure><img src=\"/i.jpg\" alt=\"\" loading=\"lazy\"></figure>\n"
        );
    }

    #[test]
    fn a_table_closes_before_a_list_opens() {
        // Found by fuzzing: a list item right after a table row printed `<ul>` before `</table>`.
        let blocks = [
            Block::Row {
                first: true,
                cells: vec![vec![Span::Text("sel".into())]],
            },
            Block::Item {
                ordinal: None,
                depth: 1,
                spans: vec![Span::Text("butir".into())],
            },
        ];
        assert_eq!(
            to_html(&blocks),
            "<table>\n<tr><td>sel</td>\n</tr>\n</table>\n<ul>\n<li>butir</li>\n</ul>\n"
        );
    }

    #[test]
    fn a_caption_goes_inside_its_image_figure() {
        assert_eq!(
            html_of("<figure><img src=\"/a.jpg\" alt=\"A\"><figcaption>Foto: A</figcaption></figure><p>Teks</p><figcaption>Lepas</figcaption>"),
            "<figure><img src=\"/a.jpg\" alt=\"A\" loading=\"lazy\"><figcaption>Foto: A</figcaption>\n</figure>\n<p>Teks</p>\n<figure><figcaption>Lepas</figcaption>\n</figure>\n"
        );
    }
}
