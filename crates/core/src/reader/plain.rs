//! The plain text of the document model, and where each span's text lands in it.
//!
//! The entity recogniser reads the plain text (a name repeated later takes the type it had
//! first, so the whole article is tagged at once); the [`Run`]s recorded while printing map its
//! byte ranges back onto the spans they came from, for marking in the HTML.

use super::render::{Block, Span};

/// A stretch of one span's text copied into the plain text unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    /// Index of the block.
    pub block: usize,
    /// Index of the cell in a table row; 0 in other blocks.
    pub cell: usize,
    /// Index of the span in its block or cell.
    pub span: usize,
    /// Byte offset of the stretch in the span's text.
    pub from: usize,
    /// Byte offset of the stretch in the plain text.
    pub at: usize,
    /// Length in bytes.
    pub len: usize,
}

/// Prints the blocks as plain text: one paragraph per block, separated by a blank line.
pub fn to_text(blocks: &[Block]) -> String {
    Plain::print(blocks).out
}

/// The plain text of the blocks (as [`to_text`]) and its runs, in text order.
pub(crate) fn with_runs(blocks: &[Block]) -> (String, Vec<Run>) {
    let p = Plain::print(blocks);
    (p.out, p.runs)
}

/// The printer. Lines are trimmed and a block's blank first and last lines dropped as it goes,
/// by holding back spaces and line breaks until text follows, so every stretch of span text is
/// copied in one piece and its place is known.
#[derive(Default)]
struct Plain {
    out: String,
    runs: Vec<Run>,
    /// Whitespace held back until text follows on the same line.
    space: String,
    /// Line breaks held back until text follows in the same block.
    breaks: usize,
    /// Whether the current line holds text.
    line_text: bool,
    /// Whether the current block (or cell) holds text.
    block_text: bool,
}

impl Plain {
    fn print(blocks: &[Block]) -> Plain {
        let mut p = Plain::default();
        for (b, block) in blocks.iter().enumerate() {
            if matches!(block, Block::Image { .. } | Block::Rule) {
                continue;
            }
            let undo = (p.out.len(), p.runs.len());
            if !p.out.is_empty() {
                p.out.push_str("\n\n");
            }
            let start = p.out.len();
            match block {
                Block::Para(s) | Block::Heading(_, s) | Block::Quote(s) | Block::Caption(s) => {
                    p.spans(b, 0, s)
                }
                Block::Item { ordinal, spans, .. } => {
                    match ordinal {
                        Some(n) => p.out.push_str(&format!("{n}. ")),
                        None => p.out.push_str("- "),
                    }
                    p.spans(b, 0, spans);
                }
                Block::Pre(t) => p.out.push_str(t),
                Block::Row { cells, .. } => {
                    for (c, cell) in cells.iter().enumerate() {
                        if c > 0 {
                            p.out.push_str(" | ");
                        }
                        p.spans(b, c, cell);
                    }
                }
                Block::Image { .. } | Block::Rule => {}
            }
            if p.out[start..].trim().is_empty() {
                p.out.truncate(undo.0);
                p.runs.truncate(undo.1);
            }
        }
        p
    }

    fn spans(&mut self, block: usize, cell: usize, spans: &[Span]) {
        self.space.clear();
        self.breaks = 0;
        self.line_text = false;
        self.block_text = false;
        for (span, s) in spans.iter().enumerate() {
            match s {
                Span::Text(t) | Span::Mark(_, t) => self.text(block, cell, span, t),
                Span::Break => {
                    self.space.clear();
                    self.breaks += usize::from(self.block_text);
                    self.line_text = false;
                }
                _ => {}
            }
        }
    }

    fn text(&mut self, block: usize, cell: usize, span: usize, t: &str) {
        let from = if self.line_text {
            0
        } else {
            t.len() - t.trim_start().len()
        };
        let body = t[from..].trim_end();
        if body.is_empty() {
            self.space.push_str(&t[from..]);
            return;
        }
        for _ in 0..std::mem::take(&mut self.breaks) {
            self.out.push('\n');
        }
        self.out.push_str(&self.space);
        self.space.clear();
        self.runs.push(Run {
            block,
            cell,
            span,
            from,
            at: self.out.len(),
            len: body.len(),
        });
        self.out.push_str(body);
        self.space.push_str(&t[from + body.len()..]);
        self.line_text = true;
        self.block_text = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Span {
        Span::Text(s.into())
    }

    #[test]
    fn lines_are_trimmed_and_runs_point_at_their_span() {
        let blocks = [
            Block::Para(vec![
                text(" Kata "),
                Span::Strong(true),
                text("Joko "),
                Span::Strong(false),
                text("Widodo "),
                Span::Break,
                text(" "),
                Span::Break,
                text(" di Solo "),
                Span::Break,
            ]),
            Block::Rule,
            Block::Item {
                ordinal: Some(2),
                depth: 1,
                spans: vec![text("Bandung")],
            },
        ];
        let (out, runs) = with_runs(&blocks);
        assert_eq!(out, "Kata Joko Widodo\n\ndi Solo\n\n2. Bandung");
        assert_eq!(out, to_text(&blocks));
        for r in &runs {
            let span = match &blocks[r.block] {
                Block::Para(s) => &s[r.span],
                Block::Item { spans, .. } => &spans[r.span],
                _ => unreachable!(),
            };
            let Span::Text(t) = span else { unreachable!() };
            assert_eq!(&t[r.from..r.from + r.len], &out[r.at..r.at + r.len]);
        }
        let pieces: Vec<&str> = runs.iter().map(|r| &out[r.at..r.at + r.len]).collect();
        assert_eq!(pieces, ["Kata", "Joko", "Widodo", "di Solo", "Bandung"]);
    }
}
