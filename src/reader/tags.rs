//! Named tag sets of the extractor, as data: every rule asks these instead of comparing strings.

use crate::page::{NodeId, Page};
use crate::reader::extract::RawTally;

/// Elements that are never article content and are skipped with their subtrees.
const NON_CONTENT: &[&str] = &[
    "button", "canvas", "dialog", "embed", "head", "iframe", "input", "link", "meta", "nav",
    "noscript", "object", "script", "select", "style", "svg", "template", "textarea",
];

/// Inline ("phrasing") elements: runs of these inside a `div` read as a paragraph.
const PHRASING: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "font", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript",
    "object", "output", "progress", "q", "ruby", "s", "samp", "script", "select", "small", "span",
    "strike", "strong", "sub", "sup", "textarea", "time", "tt", "u", "var", "wbr",
];

/// Elements whose presence keeps a `div` from reading as a paragraph.
const DIV_TO_P_BLOCKS: &[&str] = &[
    "blockquote",
    "div",
    "dl",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
];

/// Elements scored as paragraphs.
const SCORED: &[&str] = &["h2", "h3", "h4", "h5", "h6", "p", "pre", "section", "td"];

/// Elements dropped when they hold no text.
const DROPPABLE_WHEN_EMPTY: &[&str] = &[
    "div", "h1", "h2", "h3", "h4", "h5", "h6", "header", "section",
];

/// Elements whose text counts as "textish" when judging a block.
const TEXTISH: &[&str] = &[
    "blockquote",
    "div",
    "dl",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "span",
    "table",
    "td",
    "ul",
];

/// Whether the element is never content.
pub fn is_non_content(tag: &str) -> bool {
    NON_CONTENT.contains(&tag)
}

/// Whether the tag is inline content.
pub fn is_phrasing_tag(tag: &str) -> bool {
    PHRASING.contains(&tag) || matches!(tag, "a" | "del" | "ins")
}

/// Whether a child node is inline content: text, an inline element, or a link/edit wrapping only
/// inline content.
pub fn is_phrasing(page: &Page, id: NodeId, raw: &RawTally) -> bool {
    if page.is_text(id) {
        return true;
    }
    let tag = page.tag(id);
    PHRASING.contains(&tag) || (matches!(tag, "a" | "del" | "ins") && !raw.has_block[id.index()])
}

/// Whether the tag keeps a `div` from reading as a paragraph.
pub fn is_div_to_p_block(tag: &str) -> bool {
    DIV_TO_P_BLOCKS.contains(&tag)
}

/// Whether the element is scored as a paragraph.
pub fn is_scored(tag: &str) -> bool {
    SCORED.contains(&tag)
}

/// Whether the element is dropped when empty.
pub fn is_droppable_when_empty(tag: &str) -> bool {
    DROPPABLE_WHEN_EMPTY.contains(&tag)
}

/// Whether the element's text counts as "textish".
pub fn is_textish(tag: &str) -> bool {
    TEXTISH.contains(&tag)
}

/// Whether the tag is a heading.
pub fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Whether the tag embeds foreign content.
pub fn is_embed(tag: &str) -> bool {
    matches!(tag, "embed" | "iframe" | "object")
}

/// Comma characters of the scripts Readability knows.
pub fn is_comma(c: char) -> bool {
    matches!(
        c,
        ',' | '\u{060C}'
            | '\u{FE50}'
            | '\u{FE10}'
            | '\u{FE11}'
            | '\u{2E41}'
            | '\u{2E34}'
            | '\u{2E32}'
            | '\u{FF0C}'
    )
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
