//! Entity highlights: the people, organisations and places the recogniser finds in the article's
//! plain text, marked on the document model's spans, and the entity list made from the same
//! mentions, so the list's counts are the marks'.
//!
//! The whole text is tagged at once (a surname repeated later takes the type of the full name),
//! and each mention is mapped back onto spans through the printer's runs ([`super::plain`]). A
//! mention cut by an element edge (a name half inside a link or bold) is marked piece by piece,
//! so a mark never crosses an element; its first piece stands for it. A mention in preformatted
//! text has no span to mark, and is left out of the list too; a mention reaching into text the
//! printer added (a list item's "- ") is named by its marked part only.

use super::plain::{self, Run};
use super::render::{Block, Mark, Span};
use crate::lang::Lang;
use crate::mention::{self, Entity, Mention};

/// A marked stretch of one span's text.
struct Piece {
    block: usize,
    cell: usize,
    span: usize,
    /// Byte range in the span's text.
    start: usize,
    end: usize,
    /// Byte range in the plain text.
    text: std::ops::Range<usize>,
    /// Index of its mention.
    mention: usize,
}

/// Copies of the blocks with every entity mention marked, and the entities, most mentioned
/// first (ties in order of first mention), indexed by the marks' `entity`.
pub(crate) fn highlight(
    blocks: &[Block],
    lang: Option<Lang>,
    tag: impl FnOnce(&str, Option<Lang>) -> Vec<Mention>,
) -> (Vec<Block>, Vec<Entity>) {
    let (text, runs) = plain::with_runs(blocks);
    let mentions = tag(&text, lang);
    let pieces = place(&text, &mentions, &runs);
    let (list, ids) = group(&text, &mentions, &pieces);
    (mark(blocks, &pieces, &mentions, &ids), list)
}

/// The pieces of each mention, in text order: where it overlaps a run, whitespace trimmed.
fn place(text: &str, mentions: &[Mention], runs: &[Run]) -> Vec<Piece> {
    let mut res = Vec::new();
    let mut first_run = 0;
    for (mention, m) in mentions.iter().enumerate() {
        while runs.get(first_run).is_some_and(|r| r.at + r.len <= m.start) {
            first_run += 1;
        }
        for r in runs[first_run..].iter().take_while(|r| r.at < m.end) {
            let (start, end) = (m.start.max(r.at), m.end.min(r.at + r.len));
            let piece = &text[start..end];
            let trimmed = piece.trim_start();
            let start = start + piece.len() - trimmed.len();
            let end = start + trimmed.trim_end().len();
            if start < end {
                res.push(Piece {
                    block: r.block,
                    cell: r.cell,
                    span: r.span,
                    start: start - r.at + r.from,
                    end: end - r.at + r.from,
                    text: start..end,
                    mention,
                });
            }
        }
    }
    res
}

/// The distinct entities of the placed mentions with their counts, and each placed mention's
/// index in that list. A mention is named by the text from its first piece to its last.
fn group(text: &str, mentions: &[Mention], pieces: &[Piece]) -> (Vec<Entity>, Vec<Option<u32>>) {
    let placed: Vec<&[Piece]> = pieces.chunk_by(|a, b| a.mention == b.mention).collect();
    let named = placed.iter().map(|same| {
        let (first, last) = (&same[0], &same[same.len() - 1]);
        let name = crate::text::collapse_whitespace(&text[first.text.start..last.text.end]);
        (mentions[first.mention].kind, name)
    });
    let (list, placed_ids) = mention::group(named);
    let mut ids = vec![None; mentions.len()];
    for (same, id) in placed.iter().zip(placed_ids) {
        ids[same[0].mention] = Some(id);
    }
    (list, ids)
}

/// Copies of the blocks with the pieces' text in marks.
fn mark(
    blocks: &[Block],
    pieces: &[Piece],
    mentions: &[Mention],
    ids: &[Option<u32>],
) -> Vec<Block> {
    let mut rest = pieces;
    let mut marked = Marker {
        mentions,
        ids,
        last_mention: None,
    };
    blocks
        .iter()
        .enumerate()
        .map(|(b, block)| match block {
            Block::Para(s) => Block::Para(marked.spans(s, b, 0, &mut rest)),
            Block::Heading(l, s) => Block::Heading(*l, marked.spans(s, b, 0, &mut rest)),
            Block::Quote(s) => Block::Quote(marked.spans(s, b, 0, &mut rest)),
            Block::Caption(s) => Block::Caption(marked.spans(s, b, 0, &mut rest)),
            Block::Item {
                ordinal,
                depth,
                spans,
            } => Block::Item {
                ordinal: *ordinal,
                depth: *depth,
                spans: marked.spans(spans, b, 0, &mut rest),
            },
            Block::Row { first, cells } => Block::Row {
                first: *first,
                cells: cells
                    .iter()
                    .enumerate()
                    .map(|(c, cell)| marked.spans(cell, b, c, &mut rest))
                    .collect(),
            },
            Block::Pre(_) | Block::Image { .. } | Block::Rule => block.clone(),
        })
        .collect()
}

struct Marker<'a> {
    mentions: &'a [Mention],
    ids: &'a [Option<u32>],
    /// The mention of the last piece marked: a next piece of it continues it.
    last_mention: Option<usize>,
}

impl Marker<'_> {
    /// The spans of one block or cell with the pieces that fall in them (taken off the front
    /// of `rest`) marked.
    fn spans(
        &mut self,
        spans: &[Span],
        block: usize,
        cell: usize,
        rest: &mut &[Piece],
    ) -> Vec<Span> {
        let mut out = Vec::with_capacity(spans.len());
        for (i, s) in spans.iter().enumerate() {
            let n = rest
                .iter()
                .take_while(|p| (p.block, p.cell, p.span) == (block, cell, i))
                .count();
            let (mine, later) = rest.split_at(n);
            *rest = later;
            let Span::Text(t) = s else {
                out.push(s.clone());
                continue;
            };
            let mut at = 0;
            for p in mine {
                if p.start > at {
                    out.push(Span::Text(t[at..p.start].to_string()));
                }
                let m = self.mentions[p.mention];
                let mark = Mark {
                    kind: m.kind,
                    entity: self.ids[p.mention].unwrap_or_default(),
                    cont: self.last_mention == Some(p.mention),
                };
                self.last_mention = Some(p.mention);
                out.push(Span::Mark(mark, t[p.start..p.end].to_string()));
                at = p.end;
            }
            if at < t.len() {
                out.push(Span::Text(t[at..].to_string()));
            }
        }
        out
    }
}
