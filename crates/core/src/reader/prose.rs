//! Whether extracted text reads as an article: prose, not form labels or a list of headlines.
//!
//! Why runs: a homepage or a news index has sentences too (teaser snippets), but each sits
//! alone under its linked headline; an article, however short, has prose paragraphs one after
//! another. So the blocks are read in order: a paragraph of sentence length with little link
//! text is prose, a heading or a block that is mostly a link ends the run, and anything else (a
//! dateline, a time stamp, an image, a form label) is passed over. Text with no prose paragraph
//! at all (a search widget's labels, a list of dated headlines) is no article either.

use super::render::{Block, Span};

/// A paragraph needs this many words to be prose: a sentence, not a label or a time stamp.
const PROSE_MIN_WORDS: usize = 8;

/// Text whose words average more characters than this is in a script written without spaces
/// (Chinese, Japanese, Thai), where a sentence may be one "word".
const MAX_SPACED_WORD_CHARS: usize = 15;

/// A run of prose this long (characters, about three sentences) is an article's, however it is
/// laid out; teaser snippets are one or two sentences (WordPress cuts excerpts at 55 words).
const ARTICLE_RUN_CHARS: usize = 400;

/// Snippets under linked headlines that make a page a list of headlines, when no run is long.
const MIN_TEASERS: usize = 3;

/// Why the blocks are not an article's text, if they are not.
pub(super) fn lacking(blocks: &[Block]) -> Option<String> {
    let m = measure(blocks);
    if m.longest_run == 0 {
        return Some("no paragraph of prose".into());
    }
    (m.longest_run < ARTICLE_RUN_CHARS && m.teasers >= MIN_TEASERS).then(|| {
        format!(
            "{} snippets under linked headlines and no longer run of prose",
            m.teasers
        )
    })
}

/// The runs of prose of a text.
struct Measure {
    /// Characters of the longest run (link text not counted).
    longest_run: usize,
    /// Runs that follow a block that is mostly a link: snippets under headlines.
    teasers: usize,
}

fn measure(blocks: &[Block]) -> Measure {
    let mut m = Measure {
        longest_run: 0,
        teasers: 0,
    };
    let mut run = 0;
    let mut after_link = false;
    for block in blocks {
        match role(block) {
            Role::Prose(chars) => {
                if run == 0 && after_link {
                    m.teasers += 1;
                }
                run += chars;
                m.longest_run = m.longest_run.max(run);
            }
            Role::Break { link } => {
                run = 0;
                after_link = link;
            }
            Role::Other => {}
        }
    }
    m
}

/// What a block does to a run.
enum Role {
    /// A paragraph of prose, with its characters outside links.
    Prose(usize),
    /// A heading, or a block mostly of link text (`link`: a headline, a "more" link).
    Break { link: bool },
    /// Passed over.
    Other,
}

fn role(block: &Block) -> Role {
    let (spans, heading) = match block {
        Block::Heading(_, s) => (s, true),
        Block::Para(s) | Block::Quote(s) | Block::Item { spans: s, .. } => (s, false),
        Block::Pre(t) => return Role::Prose(t.chars().count()),
        _ => return Role::Other,
    };
    let (mut words, mut chars, mut linked) = (0, 0, 0);
    let mut depth = 0;
    for span in spans {
        match span {
            Span::LinkStart(_) => depth += 1,
            Span::LinkEnd => depth -= 1,
            Span::Text(t) | Span::Mark(_, t) => {
                let n = t.chars().count();
                chars += n;
                words += crate::text::word_count(t);
                if depth > 0 {
                    linked += n;
                }
            }
            _ => {}
        }
    }
    let link = chars > 0 && linked * 2 >= chars;
    if heading || link {
        Role::Break { link }
    } else if words >= PROSE_MIN_WORDS || chars > words * MAX_SPACED_WORD_CHARS {
        Role::Prose(chars - linked)
    } else {
        Role::Other
    }
}
