//! Finds the article body: Readability's scoring loop, split into small pure steps over `&Page`.
//!
//! The steps: [`prepare`] marks what a pass leaves out and how `div`s read (as paragraphs, as
//! wrappers of one paragraph, or as holders of loose text runs); [`Tally`] sums text, links and
//! tags per node in one reverse pass; [`score`] spreads each paragraph's score over its ancestors;
//! [`choose`] picks the top candidate and climbs; [`gather`] adds qualifying siblings; then
//! `clean` drops fishy blocks inside. A pass shorter than [`MIN_ARTICLE_CHARS`] is retried with
//! the next looser [`Pass`], as Readability does, and the longest attempt wins if none is long
//! enough. Scores live in vectors indexed by node id; the page is never mutated.

use crate::page::{NodeId, Page};
use crate::reader::clean;
use crate::reader::tags;
use crate::reader::weights::*;
use crate::text;

/// Settings of one extraction pass; the cascade tries them in order.
#[derive(Clone, Copy, Debug)]
pub struct Pass {
    /// Drop blocks whose class/id says "unlikely" before scoring.
    pub strip_unlikely: bool,
    /// Let class/id hints weigh candidates.
    pub weight_classes: bool,
    /// Remove fishy blocks (link lists, forms) from the chosen article.
    pub clean_conditionally: bool,
}

/// The passes, strictest first.
pub const PASSES: [Pass; 4] = [
    Pass {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
    },
    Pass {
        strip_unlikely: false,
        weight_classes: true,
        clean_conditionally: true,
    },
    Pass {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: true,
    },
    Pass {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: false,
    },
];

/// A paragraph-like unit of the article: an element, or a run of loose inline content inside a
/// `div` that Readability would have wrapped in a `<p>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    /// An element subtree.
    Node(NodeId),
    /// The children `first..end` of `container` (ids; `end` exclusive), read as one paragraph.
    Run {
        container: NodeId,
        first: NodeId,
        end: NodeId,
    },
}

/// What the caller knows before extraction.
#[derive(Debug, Default)]
pub struct Hints<'a> {
    /// Nodes already decided (recirculation, ads): never part of the article.
    pub excluded: &'a [NodeId],
    /// The title, to drop a heading that repeats it.
    pub title: Option<&'a str>,
}

/// The extracted article.
#[derive(Debug)]
pub struct Extraction {
    /// The article's units in document order.
    pub items: Vec<Item>,
    /// Per node: left out of the article (the whole subtree).
    pub dead: Vec<bool>,
    /// The element that holds the article (the top candidate's parent, or `body`).
    pub container: NodeId,
    /// Every loose inline run of the pass (inside the items or not), for per-paragraph checks.
    pub runs: Vec<Item>,
    /// An in-page byline found and taken out, when metadata had none.
    pub byline: Option<String>,
    /// Characters of article text.
    pub chars: usize,
    /// Index in [`PASSES`] of the pass that produced it.
    pub pass: usize,
}

/// Extracts the article body, or `None` when the page has no text at all.
pub fn extract(page: &Page, hints: &Hints) -> Option<Extraction> {
    let raw = RawTally::new(page);
    let mut attempts: Vec<Extraction> = Vec::new();
    for (i, pass) in PASSES.iter().enumerate() {
        let Some(mut ex) = attempt(page, &raw, hints, pass) else {
            continue;
        };
        ex.pass = i;
        if ex.chars >= MIN_ARTICLE_CHARS {
            return Some(ex);
        }
        attempts.push(ex);
    }
    attempts
        .into_iter()
        .filter(|a| a.chars > 0)
        .max_by_key(|a| a.chars)
}

/// One pass of the loop.
fn attempt(page: &Page, raw: &RawTally, hints: &Hints, pass: &Pass) -> Option<Extraction> {
    let shape = prepare(page, raw, hints, pass);
    let tally = Tally::new(page, &shape);
    let body = page.find_tag("body").unwrap_or(page.root());
    let scores = score(page, &shape, &tally, pass);
    let (top, parent) = match choose(page, &shape, &scores, body) {
        Some(top) => (top, shape.parent(page, top)),
        None => (body, body),
    };
    let mut items = if top == body {
        shape.children(page, body).collect()
    } else {
        gather(page, &shape, &tally, &scores, top, parent)
    };
    let mut dead = shape.dead.clone();
    let mut tally = tally;
    clean::clean(
        page,
        &shape,
        &mut tally,
        &mut dead,
        &mut items,
        pass,
        top != body,
    );
    let chars = items
        .iter()
        .map(|&it| tally.item_len(page, &dead, it))
        .sum();
    Some(Extraction {
        items,
        dead,
        container: parent,
        runs: shape.runs,
        byline: shape.byline,
        chars,
        pass: 0,
    })
}

/// How one pass reads the page: what it leaves out and how `div`s are reinterpreted.
#[derive(Debug)]
pub struct Shape {
    /// Left out by this pass (set on the subtree root, propagated to descendants).
    pub dead: Vec<bool>,
    /// A `div` that reads as a paragraph (only inline content).
    pub as_p: Vec<bool>,
    /// A `div` wrapping exactly one `p`: transparent, the `p` takes its place.
    pub lifted: Vec<bool>,
    /// Loose inline runs, as (container, first child, end) — see [`Item::Run`].
    pub runs: Vec<Item>,
    /// Per node: index of its first run in `runs`, or `u32::MAX`.
    pub first_run: Vec<u32>,
    byline: Option<String>,
}

impl Shape {
    /// The parent as the reinterpreted tree sees it (transparent wrappers skipped).
    pub fn parent(&self, page: &Page, id: NodeId) -> NodeId {
        let mut p = page.parent(id).unwrap_or(page.root());
        while self.lifted[p.index()] {
            p = page.parent(p).unwrap_or(page.root());
        }
        p
    }

    /// Whether the node reads as a paragraph.
    pub fn is_p(&self, page: &Page, id: NodeId) -> bool {
        self.as_p[id.index()] || page.tag(id) == "p"
    }

    /// Tag as the reinterpreted tree sees it.
    pub fn tag<'a>(&self, page: &'a Page, id: NodeId) -> &'a str {
        if self.as_p[id.index()] {
            "p"
        } else {
            page.tag(id)
        }
    }

    /// Live element children as units: runs in place of loose text, the `p` of a lifted wrapper.
    pub fn children<'a>(&'a self, page: &'a Page, id: NodeId) -> impl Iterator<Item = Item> + 'a {
        let runs = self.runs_of(id);
        let mut run_iter = runs.iter().copied().peekable();
        let mut out = Vec::new();
        for c in page.children(id) {
            while let Some(Item::Run { first, .. }) = run_iter.peek() {
                if *first <= c {
                    out.push(run_iter.next().expect("peeked"));
                } else {
                    break;
                }
            }
            if self.dead[c.index()] || !page.is_element(c) || self.in_run(id, c) {
                continue;
            }
            if self.lifted[c.index()] {
                if let Some(p) = page.element_children(c).find(|&g| !self.dead[g.index()]) {
                    out.push(Item::Node(p));
                }
                continue;
            }
            out.push(Item::Node(c));
        }
        out.extend(run_iter);
        out.into_iter()
    }

    fn runs_of(&self, id: NodeId) -> &[Item] {
        let start = self.first_run[id.index()];
        if start == u32::MAX {
            return &[];
        }
        let start = start as usize;
        let len = self.runs[start..]
            .iter()
            .take_while(|r| matches!(r, Item::Run { container, .. } if *container == id))
            .count();
        &self.runs[start..start + len]
    }

    fn in_run(&self, container: NodeId, child: NodeId) -> bool {
        self.runs_of(container).iter().any(|r| match *r {
            Item::Run { first, end, .. } => first <= child && child < end,
            Item::Node(_) => false,
        })
    }
}

/// First step of a pass: walk the page in order, leave out what the pass strips, and record how
/// each `div` reads.
pub fn prepare(page: &Page, raw: &RawTally, hints: &Hints, pass: &Pass) -> Shape {
    let n = page.len();
    let mut shape = Shape {
        dead: vec![false; n],
        as_p: vec![false; n],
        lifted: vec![false; n],
        runs: Vec::new(),
        first_run: vec![u32::MAX; n],
        byline: None,
    };
    let mut excluded = vec![false; n];
    for &id in hints.excluded {
        excluded[id.index()] = true;
    }
    let mut title_header_seen = hints.title.is_none();
    // In-page bylines leave the text even when the page declares its authors: they repeat
    // them. The first is the byline found; a later one leaves too when it is a block of only
    // names and a role (an author card after the story), not an author's bio.
    let mut i = 1;
    while i < n {
        let id = NodeId::new(i);
        if !page.is_element(id) {
            shape.dead[i] = excluded[i];
            i += 1;
            continue;
        }
        let tag = page.tag(id);
        let drop = excluded[i]
            || page.is_hidden(id)
            || tags::is_non_content(tag)
            || (page.attr(id, "aria-modal") == Some("true")
                && page.attr(id, "role") == Some("dialog"))
            || (is_byline(page, id, raw) && {
                let line = text::collapse_whitespace(&page.text_content(id));
                let first = shape.byline.is_none();
                // A block of its own: a name inside a bio's sentence stays with the sentence.
                let names = crate::tags::starts_line(tag)
                    && line.split_whitespace().count() <= CREDIT_CARD_MAX_WORDS
                    && !line.ends_with(['.', '!', '?']);
                if first {
                    shape.byline = Some(line);
                }
                first || names
            })
            || (!title_header_seen && is_title_header(page, id, hints.title) && {
                title_header_seen = true;
                if let Some(kicker) = kicker_before(page, id) {
                    shape.dead[page.subtree(kicker)]
                        .iter_mut()
                        .for_each(|d| *d = true);
                }
                true
            })
            || (pass.strip_unlikely && is_unlikely(page, id))
            || (tags::is_droppable_when_empty(tag) && is_empty(page, id, raw));
        if drop {
            let end = page.skip(id).index();
            shape.dead[i..end].iter_mut().for_each(|d| *d = true);
            i = end;
            continue;
        }
        if tag == "div" || (tag == "p" && raw.double_br[i]) {
            read_div(page, id, raw, &mut shape);
        } else if tag == "body" {
            // Text written straight into the body (between formulas, say) reads as paragraphs,
            // for when the body is the article; the body itself is never reinterpreted.
            read_runs(page, id, raw, &mut shape);
        }
        i += 1;
    }
    shape
}

/// Records how a `div` reads: its loose inline runs, or itself as a paragraph, or as a
/// transparent wrapper of its only paragraph.
fn read_div(page: &Page, id: NodeId, raw: &RawTally, shape: &mut Shape) {
    let start = shape.runs.len();
    let (element_children, last_child) = read_runs(page, id, raw, shape);
    let n_runs = shape.runs.len() - start;
    let link_density = raw.link_density(id);
    if n_runs == 1 && element_children == 0 && link_density < LIFT_MAX_LINK_DENSITY {
        shape.runs.truncate(start);
        shape.first_run[id.index()] = u32::MAX;
        shape.as_p[id.index()] = true;
    } else if n_runs == 0 && element_children == 1 {
        let child = last_child.expect("one element child");
        if page.tag(child) == "p" && link_density < LIFT_MAX_LINK_DENSITY {
            shape.lifted[id.index()] = true;
        }
    } else if n_runs == 0 && !has_block_child(page, id) {
        shape.as_p[id.index()] = true;
    }
}

/// Records the loose inline runs among an element's children (a `<br><br>` pair ends one) and
/// returns how many other element children it has, and the last of them.
fn read_runs(
    page: &Page,
    id: NodeId,
    raw: &RawTally,
    shape: &mut Shape,
) -> (usize, Option<NodeId>) {
    let start = shape.runs.len();
    let mut run: Option<(NodeId, NodeId)> = None;
    let mut element_children = 0;
    let mut last_child = None;
    let mut prev_br = false;
    let close = |run: &mut Option<(NodeId, NodeId)>, shape: &mut Shape| {
        if let Some((first, end)) = run.take() {
            shape.runs.push(Item::Run {
                container: id,
                first,
                end,
            });
        }
    };
    for c in page.children(id) {
        let is_br = page.tag(c) == "br";
        let blank = is_br || (page.is_text(c) && page.is_blank(c));
        if tags::is_phrasing(page, c, raw) {
            // A `<br><br>` pair ends a paragraph, as Readability's prep turns it into one.
            if is_br && prev_br {
                close(&mut run, shape);
            } else if let Some((_, end)) = &mut run {
                if !blank {
                    *end = page.skip(c);
                }
            } else if !blank {
                run = Some((c, page.skip(c)));
            }
            if is_br {
                prev_br = true;
            } else if !blank {
                prev_br = false;
            }
            continue;
        }
        prev_br = false;
        close(&mut run, shape);
        if page.is_element(c) {
            element_children += 1;
            last_child = Some(c);
        }
    }
    close(&mut run, shape);
    if shape.runs.len() > start {
        shape.first_run[id.index()] = start as u32;
    }
    (element_children, last_child)
}

fn has_block_child(page: &Page, id: NodeId) -> bool {
    page.element_children(id)
        .any(|c| tags::is_div_to_p_block(page.tag(c)))
}

/// Text measures of the untouched page, for decisions taken during [`prepare`].
pub struct RawTally {
    /// Collapsed text length per subtree.
    pub len: Vec<u32>,
    /// Weighted link text length per subtree.
    pub link: Vec<f32>,
    /// Whether the subtree holds an element that is not inline content.
    pub has_block: Vec<bool>,
    /// Whether the element holds a `<br><br>` pair among its children.
    pub double_br: Vec<bool>,
    /// Whether the subtree holds any non-whitespace text.
    pub has_text: Vec<bool>,
}

impl RawTally {
    /// Measures the page once; every pass reuses it.
    pub fn new(page: &Page) -> RawTally {
        let n = page.len();
        let mut t = RawTally {
            len: vec![0; n],
            link: vec![0.0; n],
            has_block: vec![false; n],
            double_br: vec![false; n],
            has_text: vec![false; n],
        };
        let mut last_was_br = vec![false; n];
        for id in page.ids() {
            let Some(p) = page.parent(id) else { continue };
            let tag = page.tag(id);
            if tag == "br" {
                t.double_br[p.index()] |= last_was_br[p.index()];
                last_was_br[p.index()] = true;
            } else if !(page.is_text(id) && page.is_blank(id)) {
                last_was_br[p.index()] = false;
            }
        }
        for id in page.ids().rev() {
            let i = id.index();
            if page.is_text(id) {
                let st = page.text_stats(id);
                t.len[i] = st.chars;
                t.has_text[i] = !st.blank;
            }
            if page.tag(id) == "a" {
                t.link[i] = t.len[i] as f32 * link_weight(page, id);
            }
            if let Some(p) = page.parent(id) {
                let p = p.index();
                t.has_text[p] |= t.has_text[i];
                t.len[p] += t.len[i];
                t.link[p] += t.link[i];
                t.has_block[p] |=
                    t.has_block[i] || (page.is_element(id) && !tags::is_phrasing_tag(page.tag(id)));
            }
        }
        t
    }

    fn link_density(&self, id: NodeId) -> f32 {
        density(self.link[id.index()], self.len[id.index()])
    }
}

/// Per-node sums over the live part of the page; updated when cleaning removes a block.
#[derive(Clone, Debug)]
pub struct Tally {
    /// Collapsed text length.
    pub len: Vec<u32>,
    /// Weighted link text length.
    pub link: Vec<f32>,
    /// Commas (all scripts' comma characters).
    pub commas: Vec<u32>,
    /// Descendant counts by kind, see [`Count`].
    pub counts: Vec<[u32; Count::N]>,
}

/// Tag kinds counted per subtree.
#[derive(Clone, Copy, Debug)]
pub enum Count {
    /// Paragraphs, including `div`s read as paragraphs and loose runs.
    P,
    /// Images.
    Img,
    /// List items.
    Li,
    /// Form inputs.
    Input,
    /// Embeds that are not allowed videos.
    Embed,
    /// Text length under headings.
    HeadingLen,
    /// Text length under lists.
    ListLen,
    /// Text length under "textish" elements (span, li, td, and paragraph-like blocks).
    TextishLen,
    /// Data tables.
    DataTable,
    /// Video and audio elements.
    Media,
}

impl Count {
    const N: usize = 10;
}

impl Tally {
    /// Sums the live part of the page.
    pub fn new(page: &Page, shape: &Shape) -> Tally {
        let n = page.len();
        let mut t = Tally {
            len: vec![0; n],
            link: vec![0.0; n],
            commas: vec![0; n],
            counts: vec![[0; Count::N]; n],
        };
        for id in page.ids().rev() {
            let i = id.index();
            if shape.dead[i] {
                continue;
            }
            if page.is_text(id) {
                let st = page.text_stats(id);
                t.len[i] = st.chars;
                t.commas[i] = st.commas;
            }
            if page.tag(id) == "a" {
                t.link[i] = t.len[i] as f32 * link_weight(page, id);
            }
            // Loose runs read as paragraphs of this node (Readability wraps them in `<p>`s).
            for &run in shape.runs_of(id) {
                let (len, _, _) = t.run_sums(page, run);
                t.counts[i][Count::P as usize] += 1;
                t.counts[i][Count::TextishLen as usize] += len;
            }
            let own = t.own_counts(page, shape, id);
            if let Some(p) = page.parent(id) {
                let p = p.index();
                t.len[p] += t.len[i];
                t.link[p] += t.link[i];
                t.commas[p] += t.commas[i];
                let child = t.counts[i];
                for (k, slot) in t.counts[p].iter_mut().enumerate() {
                    *slot += child[k] + own[k];
                }
            }
        }
        t
    }

    /// What a node adds to its ancestors' counts, beyond its descendants.
    fn own_counts(&self, page: &Page, shape: &Shape, id: NodeId) -> [u32; Count::N] {
        let mut own = [0; Count::N];
        if !page.is_element(id) {
            return own;
        }
        let i = id.index();
        let tag = shape.tag(page, id);
        let len = self.len[i];
        own[Count::P as usize] = u32::from(tag == "p");
        own[Count::Img as usize] = u32::from(tag == "img");
        own[Count::Li as usize] = u32::from(tag == "li");
        own[Count::Input as usize] = u32::from(tag == "input");
        own[Count::Embed as usize] = u32::from(tags::is_embed(tag) && !is_video(page, id));
        if tags::is_heading(tag) {
            own[Count::HeadingLen as usize] = len;
        }
        if tag == "ul" || tag == "ol" {
            own[Count::ListLen as usize] = len;
        }
        if tags::is_textish(tag) {
            own[Count::TextishLen as usize] = len;
        }
        own[Count::DataTable as usize] = u32::from(tag == "table" && is_data_table(page, id));
        own[Count::Media as usize] = u32::from(matches!(tag, "video" | "audio"));
        own
    }

    /// Count of one kind in the subtree.
    pub fn count(&self, id: NodeId, kind: Count) -> u32 {
        self.counts[id.index()][kind as usize]
    }

    /// Link density of a node (0 for no text).
    pub fn link_density(&self, id: NodeId) -> f32 {
        density(self.link[id.index()], self.len[id.index()])
    }

    /// Takes a removed subtree's sums out of its ancestors up to (and including) `top`.
    pub fn remove(&mut self, page: &Page, shape: &Shape, id: NodeId, top: NodeId) {
        let i = id.index();
        let own = self.own_counts(page, shape, id);
        let (len, link, commas, counts) =
            (self.len[i], self.link[i], self.commas[i], self.counts[i]);
        for a in page.ancestors(id) {
            let a = a.index();
            self.len[a] -= len;
            self.link[a] -= link;
            self.commas[a] -= commas;
            for (k, slot) in self.counts[a].iter_mut().enumerate() {
                *slot = slot.saturating_sub(counts[k] + own[k]);
            }
            if a == top.index() {
                break;
            }
        }
    }

    /// Text length of an item, dead parts excluded.
    pub fn item_len(&self, page: &Page, dead: &[bool], item: Item) -> usize {
        match item {
            Item::Node(id) if dead[id.index()] => 0,
            Item::Node(id) => self.len[id.index()] as usize,
            Item::Run {
                container,
                first,
                end,
            } => page
                .children(container)
                .filter(|c| *c >= first && *c < end && !dead[c.index()])
                .map(|c| self.len[c.index()] as usize)
                .sum(),
        }
    }

    /// Sum of text, links and commas of a run.
    fn run_sums(&self, page: &Page, item: Item) -> (u32, f32, u32) {
        let Item::Run {
            container,
            first,
            end,
        } = item
        else {
            let Item::Node(id) = item else { unreachable!() };
            let i = id.index();
            return (self.len[i], self.link[i], self.commas[i]);
        };
        page.children(container)
            .filter(|c| *c >= first && *c < end)
            .fold((0, 0.0, 0), |(l, k, c), id| {
                let i = id.index();
                (l + self.len[i], k + self.link[i], c + self.commas[i])
            })
    }
}

/// Candidate scores: `Some(score)` for initialised candidates.
pub struct Scores {
    /// Per node.
    pub score: Vec<Option<f32>>,
    /// Candidates in the order they were first scored.
    pub order: Vec<NodeId>,
}

/// Spreads each unit's score over up to five ancestors, then scales by link density.
pub fn score(page: &Page, shape: &Shape, tally: &Tally, pass: &Pass) -> Scores {
    let mut s = Scores {
        score: vec![None; page.len()],
        order: Vec::new(),
    };
    for item in units(page, shape) {
        let (len, _, commas) = tally.run_sums(page, item);
        let len = len as usize;
        if len < MIN_UNIT_CHARS {
            continue;
        }
        let points =
            1.0 + (commas as f32 + 1.0) + (len / CHARS_PER_POINT).min(MAX_LENGTH_POINTS) as f32;
        let mut ancestor = match item {
            Item::Node(id) => shape.parent(page, id),
            Item::Run { container, .. } => container,
        };
        for level in 0..SCORE_ANCESTORS {
            if !page.is_element(ancestor) || page.tag(ancestor) == "html" {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f32 * 3.0,
            };
            let slot = &mut s.score[ancestor.index()];
            if slot.is_none() {
                *slot = Some(initial_score(page, shape, ancestor, pass));
                s.order.push(ancestor);
            }
            *slot = slot.map(|v| v + points / divider);
            ancestor = shape.parent(page, ancestor);
        }
    }
    for &c in &s.order {
        let slot = &mut s.score[c.index()];
        *slot = slot.map(|v| v * (1.0 - tally.link_density(c)));
    }
    s
}

/// The scored units of the live page in document order.
fn units<'a>(page: &'a Page, shape: &'a Shape) -> impl Iterator<Item = Item> + 'a {
    let nodes = page.ids().filter(move |&id| {
        !shape.dead[id.index()]
            && page.is_element(id)
            && (shape.as_p[id.index()] || tags::is_scored(page.tag(id)))
    });
    nodes.map(Item::Node).chain(shape.runs.iter().copied())
}

/// A candidate's starting score: a tag prior plus its class weight.
fn initial_score(page: &Page, shape: &Shape, id: NodeId, pass: &Pass) -> f32 {
    tags::prior(shape.tag(page, id)) + class_weight(page, id, pass)
}

/// ±25 for each of class and id that looks like content or like chrome.
pub fn class_weight(page: &Page, id: NodeId, pass: &Pass) -> f32 {
    if !pass.weight_classes {
        return 0.0;
    }
    let mut w = 0.0;
    for attr in ["class", "id"] {
        let Some(v) = page.attr(id, attr).filter(|v| !v.is_empty()) else {
            continue;
        };
        let v = v.to_ascii_lowercase();
        if NEGATIVE.iter().any(|n| v.contains(n)) || v.split_ascii_whitespace().any(|t| t == "hid")
        {
            w -= CLASS_WEIGHT;
        }
        if POSITIVE.iter().any(|p| v.contains(p)) {
            w += CLASS_WEIGHT;
        }
    }
    w
}

/// Picks the top candidate: the best score, moved up to a common ancestor when several near-best
/// candidates share it, then climbed while parents score better, then widened past only children.
pub fn choose(page: &Page, shape: &Shape, scores: &Scores, body: NodeId) -> Option<NodeId> {
    let mut top: Vec<NodeId> = Vec::with_capacity(TOP_CANDIDATES + 1);
    for &c in &scores.order {
        let sc = scores.score[c.index()].unwrap_or(0.0);
        let pos = top
            .iter()
            .position(|t| sc > scores.score[t.index()].unwrap_or(0.0));
        match pos {
            Some(p) => top.insert(p, c),
            None => top.push(c),
        }
        top.truncate(TOP_CANDIDATES);
    }
    let mut best = *top.first()?;
    if best == body {
        return None;
    }
    let score_of = |id: NodeId| scores.score[id.index()];
    let best_score = score_of(best).unwrap_or(0.0);
    let is_top = |id: NodeId| id == body || !page.is_element(id) || page.tag(id) == "html";
    let alternatives: Vec<NodeId> = top[1..]
        .iter()
        .copied()
        .filter(|&t| {
            best_score > 0.0 && score_of(t).unwrap_or(0.0) / best_score >= ALTERNATIVE_SHARE
        })
        .collect();
    if alternatives.len() >= MIN_ALTERNATIVE_VOTES {
        let mut p = shape.parent(page, best);
        while !is_top(p) {
            let votes = alternatives
                .iter()
                .filter(|&&a| page.contains(p, a) && p != a)
                .count();
            if votes >= MIN_ALTERNATIVE_VOTES {
                best = p;
                break;
            }
            p = shape.parent(page, p);
        }
    }
    let mut last = score_of(best).unwrap_or(0.0);
    let threshold = last * CLIMB_STOP_SHARE;
    let mut p = shape.parent(page, best);
    while !is_top(p) {
        if let Some(ps) = score_of(p) {
            if ps < threshold {
                break;
            }
            if ps > last {
                best = p;
                break;
            }
            last = ps;
        }
        p = shape.parent(page, p);
    }
    let mut p = shape.parent(page, best);
    while !is_top(p) && shape.children(page, p).count() == 1 {
        best = p;
        p = shape.parent(page, p);
    }
    Some(best)
}

/// The top candidate and its qualifying siblings, in document order.
pub fn gather(
    page: &Page,
    shape: &Shape,
    tally: &Tally,
    scores: &Scores,
    top: NodeId,
    parent: NodeId,
) -> Vec<Item> {
    let top_score = scores.score[top.index()].unwrap_or(0.0);
    let threshold = SIBLING_MIN_SCORE.max(top_score * SIBLING_SHARE);
    let top_class = page.attr(top, "class").unwrap_or("");
    shape
        .children(page, parent)
        .filter(|&item| {
            let Item::Node(id) = item else {
                return sibling_paragraph_qualifies(page, tally, item);
            };
            if id == top {
                return true;
            }
            let bonus = if !top_class.is_empty() && page.attr(id, "class") == Some(top_class) {
                top_score * SAME_CLASS_BONUS
            } else {
                0.0
            };
            if let Some(sc) = scores.score[id.index()] {
                if sc + bonus >= threshold {
                    return true;
                }
            }
            shape.is_p(page, id) && sibling_paragraph_qualifies(page, tally, item)
        })
        .collect()
}

/// A paragraph next to the article joins it when it is long and not linky, or short, linkless
/// and sentence-like.
fn sibling_paragraph_qualifies(page: &Page, tally: &Tally, item: Item) -> bool {
    let (len, link, _) = tally.run_sums(page, item);
    let density = density(link, len);
    let len = len as usize;
    if len > SIBLING_LONG_P {
        return density < SIBLING_MAX_LINK_DENSITY;
    }
    if len == 0 || density > 0.0 {
        return false;
    }
    let content = item_text(page, item);
    let content = text::collapse_whitespace(&content);
    content.ends_with('.') || content.contains(". ")
}

/// Raw text of an item.
pub fn item_text(page: &Page, item: Item) -> String {
    match item {
        Item::Node(id) => page.text_content(id),
        Item::Run {
            container,
            first,
            end,
        } => page
            .children(container)
            .filter(|c| *c >= first && *c < end)
            .map(|c| page.text_content(c))
            .collect(),
    }
}

fn is_byline(page: &Page, id: NodeId, raw: &RawTally) -> bool {
    let matches = page.attr(id, "rel") == Some("author")
        || page
            .attr(id, "itemprop")
            .is_some_and(|v| v.contains("author"))
        || {
            let s = match_string(page, id);
            BYLINE.iter().any(|b| s.contains(b))
        };
    let len = raw.len[id.index()] as usize;
    matches && raw.has_text[id.index()] && len < BYLINE_MAX_CHARS
}

/// The kicker over the headline: a short heading without links right before it ("FotoBisnis",
/// "EXCLUSIVE"), the channel or genre, not the story's text.
fn kicker_before(page: &Page, headline: NodeId) -> Option<NodeId> {
    page.prev_filled(headline).filter(|&p| {
        page.is_element(p)
            && matches!(page.tag(p), "h2" | "h3" | "h4" | "h5" | "h6")
            && page.subtree(p).all(|i| page.tag(NodeId::new(i)) != "a")
            && text::word_count(&page.text_content(p)) <= KICKER_MAX_WORDS
    })
}

fn is_title_header(page: &Page, id: NodeId, title: Option<&str>) -> bool {
    let tag = page.tag(id);
    if tag != "h1" && tag != "h2" {
        return false;
    }
    let Some(title) = title else { return false };
    text_similarity(title, &page.text_content(id)) > TITLE_SIMILARITY
}

/// Share of `b`'s tokens (by length) that also occur in `a`: 1 is the same text.
pub fn text_similarity(a: &str, b: &str) -> f32 {
    let tokens = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let joined_len = |v: &[&String]| {
        v.iter().map(|t| t.chars().count()).sum::<usize>() + v.len().saturating_sub(1)
    };
    let all: Vec<&String> = tb.iter().collect();
    1.0 - joined_len(&unique) as f32 / joined_len(&all) as f32
}

fn is_unlikely(page: &Page, id: NodeId) -> bool {
    let tag = page.tag(id);
    if tag == "body" || tag == "a" {
        return false;
    }
    if page
        .attr(id, "role")
        .is_some_and(|r| UNLIKELY_ROLES.contains(&r))
    {
        return true;
    }
    let s = match_string(page, id);
    UNLIKELY.iter().any(|u| s.contains(u))
        && !MAYBE_CANDIDATE.iter().any(|m| s.contains(m))
        && !page
            .ancestors(id)
            .any(|a| matches!(page.tag(a), "table" | "code"))
}

fn is_empty(page: &Page, id: NodeId, raw: &RawTally) -> bool {
    !raw.has_text[id.index()]
        && page
            .element_children(id)
            .all(|c| matches!(page.tag(c), "br" | "hr"))
}

/// Class and id, lower case, as one string for substring hints.
fn match_string(page: &Page, id: NodeId) -> String {
    let mut s = page.attr(id, "class").unwrap_or("").to_ascii_lowercase();
    s.push(' ');
    s.push_str(&page.attr(id, "id").unwrap_or("").to_ascii_lowercase());
    s
}

fn link_weight(page: &Page, id: NodeId) -> f32 {
    match page.attr(id, "href") {
        Some(h) if h.starts_with('#') => HASH_LINK_WEIGHT,
        _ => 1.0,
    }
}

fn density(link: f32, len: u32) -> f32 {
    if len == 0 {
        0.0
    } else {
        link / len as f32
    }
}

fn is_video(page: &Page, id: NodeId) -> bool {
    page.attrs(id)
        .any(|(_, v)| VIDEO_HOSTS.iter().any(|h| v.contains(h)))
}

/// Readability's data-table test: tables of figures stay, layout tables may go.
pub fn is_data_table(page: &Page, id: NodeId) -> bool {
    if page.attr(id, "role") == Some("presentation") {
        return false;
    }
    let mut rows = 0;
    let mut cols = 0;
    for d in page.descendants(id) {
        match page.tag(d) {
            "table" => return false,
            "caption" | "col" | "colgroup" | "tfoot" | "thead" | "th" => return true,
            "tr" => {
                rows += 1;
                let cells = page
                    .element_children(d)
                    .filter(|&c| matches!(page.tag(c), "td" | "th"))
                    .count();
                cols = cols.max(cells);
            }
            _ => {}
        }
    }
    rows >= DATA_TABLE_ROWS || cols > DATA_TABLE_COLUMNS || rows * cols > DATA_TABLE_CELLS
}
