//! Tag sets shared by more than one module, as data. Sets that only one module asks about live
//! in that module (`reader::tags`, `detect::ads`).
//!
//! Sets are `matches!` patterns rather than slices: they run on every node, and a pattern of
//! constant strings compiles to inline comparisons instead of a `memcmp` per entry.

/// Whether the element starts a new line of text: block-level elements, plus `br` and `hr`.
pub fn starts_line(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "br"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "html"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "paragraph"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_starting_tags() {
        assert!(starts_line("div") && starts_line("td") && starts_line("br"));
        assert!(!starts_line("span") && !starts_line("a") && !starts_line("b"));
    }
}
