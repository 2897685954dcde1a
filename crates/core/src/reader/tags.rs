//! Named tag sets of the extractor, as data: every rule asks these instead of comparing strings.
//!
//! The sets are `matches!` patterns rather than slices: every node of every pass asks them, and
//! a pattern of constant strings compiles to inline comparisons instead of a `memcmp` per entry.

use crate::page::{NodeId, Page};
use crate::reader::extract::RawTally;

/// Whether the element is never article content; it is skipped with its subtree.
pub fn is_non_content(tag: &str) -> bool {
    matches!(
        tag,
        "button"
            | "canvas"
            | "dialog"
            | "embed"
            | "head"
            | "iframe"
            | "input"
            | "link"
            | "meta"
            | "nav"
            | "noscript"
            | "object"
            | "script"
            | "select"
            | "style"
            | "svg"
            | "template"
            | "textarea"
    )
}

/// Whether the tag is inline ("phrasing") content: runs of it inside a `div` read as a
/// paragraph. Links and edits count when they wrap only inline content (see [`is_phrasing`]).
pub fn is_phrasing_tag(tag: &str) -> bool {
    is_always_phrasing(tag) || matches!(tag, "a" | "del" | "ins")
}

fn is_always_phrasing(tag: &str) -> bool {
    matches!(
        tag,
        "abbr"
            | "audio"
            | "b"
            | "bdo"
            | "br"
            | "button"
            | "cite"
            | "code"
            | "data"
            | "datalist"
            | "dfn"
            | "em"
            | "embed"
            | "font"
            | "i"
            | "img"
            | "input"
            | "kbd"
            | "label"
            | "mark"
            | "math"
            | "meter"
            | "noscript"
            | "object"
            | "output"
            | "progress"
            | "q"
            | "ruby"
            | "s"
            | "samp"
            | "script"
            | "select"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "textarea"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "wbr"
    )
}

/// Whether a child node is inline content: text, an inline element, or a link/edit wrapping only
/// inline content.
pub fn is_phrasing(page: &Page, id: NodeId, raw: &RawTally) -> bool {
    if page.is_text(id) {
        return true;
    }
    let tag = page.tag(id);
    is_always_phrasing(tag) || (matches!(tag, "a" | "del" | "ins") && !raw.has_block[id.index()])
}

/// Whether the element keeps a `div` from reading as a paragraph.
pub fn is_div_to_p_block(tag: &str) -> bool {
    matches!(
        tag,
        "blockquote" | "div" | "dl" | "img" | "ol" | "p" | "pre" | "table" | "ul"
    )
}

/// Whether the element is scored as a paragraph.
pub fn is_scored(tag: &str) -> bool {
    matches!(
        tag,
        "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "pre" | "section" | "td"
    )
}

/// Whether the element is dropped when it holds no text.
pub fn is_droppable_when_empty(tag: &str) -> bool {
    matches!(tag, "div" | "header" | "section") || is_heading(tag)
}

/// Whether the element's text counts as "textish" when judging a block. Readability's set, plus
/// `figcaption`: a caption's wrapper (often a `div` of its own beside the image's) is text.
pub fn is_textish(tag: &str) -> bool {
    matches!(tag, "figcaption" | "li" | "span" | "td") || is_div_to_p_block(tag)
}

/// Whether the tag is a heading.
pub fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Whether the tag embeds foreign content.
pub fn is_embed(tag: &str) -> bool {
    matches!(tag, "embed" | "iframe" | "object")
}

/// Starting score of a candidate by tag: containers up, lists and headings down.
/// Readability's priors.
pub fn prior(tag: &str) -> f32 {
    match tag {
        "div" => 5.0,
        "blockquote" | "pre" | "td" => 3.0,
        "address" | "dd" | "dl" | "dt" | "form" | "li" | "ol" | "ul" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_agree_with_readability() {
        assert!(is_phrasing_tag("span") && is_phrasing_tag("a") && !is_phrasing_tag("div"));
        assert!(is_textish("td") && is_textish("p") && !is_textish("a"));
        assert!(is_droppable_when_empty("h3") && !is_droppable_when_empty("p"));
        assert!(is_non_content("script") && !is_non_content("form"));
    }
}
