//! A live document's own serialisation → [`Located`], read as a tag stream, without an HTML
//! parser.
//!
//! A page load sends the body's `outerHTML` (`extension/live.js` `markup`). That text is what
//! the browser's HTML serialiser writes for its DOM, a regular shape: every element has its start
//! tag and, unless void, its end tag; attribute values are double-quoted with `&` and `"`
//! escaped; text escapes `&`, `<` and `>`; the children of raw-text elements (script, style,
//! noscript, …) are written as they are. Read as a stream of tags, it gives back the live tree
//! exactly, where a parser's tree construction would build the tree the markup *means* (a
//! script-made `<p>` inside a `<p>` comes apart, a `<table>` moves stray text out), and it keeps
//! html5ever out of the page-load wasm.
//!
//! Input that is not such a serialisation still reads, in one linear pass with bounded steps:
//! unquoted values, stray end tags (ignored unless they close one of the few innermost
//! elements), an unclosed comment or raw text (runs to the end). A tree that differs from the
//! live one fails the adapter's checks, and the page is walked instead.

use std::borrow::Cow;

use crate::snapshot::{Located, Locating};

/// Reads a live document's serialisation (its body's `outerHTML` under an empty head), numbering
/// nodes as a walk of the live tree would and remembering where each live node is.
pub fn parse_located(html: &str) -> Located {
    let mut reader = Reader {
        html,
        at: 0,
        tree: Locating::new(),
        open: Vec::new(),
        inert: 0,
        foreign: 0,
        attrs: Vec::new(),
    };
    reader.run();
    reader.tree.finish()
}

/// Elements the serialiser writes with no end tag and no children.
fn is_void(tag: &str) -> bool {
    matches!(
        tag,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements whose text the serialiser writes unescaped, so it runs to the element's end tag.
/// `noscript` is one when scripting is on, as it is on every page an extension reads.
fn is_raw(tag: &str) -> bool {
    matches!(
        tag,
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "plaintext" | "noscript"
    )
}

/// How far below the innermost open element an end tag may close: a serialisation closes the
/// innermost one, so a farther match is malformed input, and a bound keeps stray end tags from
/// costing a scan of a deep stack each.
const CLOSE_REACH: usize = 8;

struct Reader<'a> {
    html: &'a str,
    at: usize,
    tree: Locating,
    /// Tag names of the open elements the tree was given.
    open: Vec<&'a str>,
    /// Nesting of `template` elements whose contents are being skipped: a template's contents
    /// are not in the document (`querySelectorAll` never counts them), but they are serialised.
    inert: usize,
    /// Open `svg` and `math` elements: their attributes' namespace prefixes (`xlink:href`) are
    /// dropped, as a parser gives them.
    foreign: usize,
    attrs: Vec<(&'a str, Cow<'a, str>)>,
}

impl<'a> Reader<'a> {
    fn rest(&self) -> &'a [u8] {
        &self.html.as_bytes()[self.at..]
    }

    /// Moves past the next `needle`, or to the end; returns where the needle began.
    fn skip_past(&mut self, needle: &str) -> usize {
        match self.html[self.at..].find(needle) {
            Some(i) => {
                let start = self.at + i;
                self.at = start + needle.len();
                start
            }
            None => {
                self.at = self.html.len();
                self.html.len()
            }
        }
    }

    fn run(&mut self) {
        while self.at < self.html.len() {
            let start = self.at;
            let lt = self.rest().iter().position(|&b| b == b'<');
            let end = lt.map_or(self.html.len(), |i| start + i);
            if end > start {
                self.text(&self.html[start..end]);
            }
            self.at = end;
            if lt.is_none() {
                break;
            }
            match self.rest().get(1) {
                Some(b'/') => self.end_tag(),
                Some(b'!') if self.rest().starts_with(b"<!--") => {
                    self.at += 4;
                    self.skip_past("-->");
                }
                Some(b'!' | b'?') => {
                    self.skip_past(">");
                }
                Some(b) if b.is_ascii_alphabetic() => self.start_tag(),
                _ => {
                    // A `<` that starts no tag is text (a serialisation never writes one).
                    self.at += 1;
                    self.text("<");
                }
            }
        }
        while self.open.pop().is_some() {
            self.tree.close();
        }
    }

    fn text(&mut self, raw: &str) {
        if self.inert == 0 {
            self.tree.text(&decode(raw));
        }
    }

    /// A name at the cursor: up to whitespace, `/`, `>` (and `=` for an attribute).
    fn name(&mut self, attribute: bool) -> &'a str {
        let start = self.at;
        let len = self
            .rest()
            .iter()
            .position(|&b| {
                b.is_ascii_whitespace() || b == b'/' || b == b'>' || (attribute && b == b'=')
            })
            .unwrap_or(self.rest().len());
        self.at += len;
        &self.html[start..self.at]
    }

    fn skip_space(&mut self) {
        let n = self
            .rest()
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        self.at += n;
    }

    fn start_tag(&mut self) {
        self.at += 1;
        let tag = self.name(false);
        self.attrs.clear();
        loop {
            self.skip_space();
            match self.rest().first() {
                None => break,
                Some(b'>') => {
                    self.at += 1;
                    break;
                }
                Some(b'/') => self.at += 1,
                Some(_) => {
                    let name = self.name(true);
                    let value = self.value();
                    self.attrs.push((name, value));
                }
            }
        }
        let raw = is_raw(tag);
        if self.inert > 0 {
            self.inert += usize::from(tag.eq_ignore_ascii_case("template"));
            if raw {
                self.raw_text(tag);
            }
            return;
        }
        let foreign = self.foreign > 0 || matches!(tag, "svg" | "math");
        self.tree.open(
            tag,
            self.attrs.iter().map(|(name, value)| {
                let name = if foreign { local_name(name) } else { name };
                (name, value.as_ref())
            }),
        );
        if is_void(tag) {
            self.tree.close();
            return;
        }
        self.open.push(tag);
        self.foreign += usize::from(matches!(tag, "svg" | "math"));
        if tag == "template" {
            self.inert = 1;
        } else if raw {
            let text = self.raw_text(tag);
            if !text.is_empty() {
                self.tree.text(text);
            }
        }
    }

    /// An attribute's value after its name (empty when there is no `=`).
    fn value(&mut self) -> Cow<'a, str> {
        self.skip_space();
        if self.rest().first() != Some(&b'=') {
            return Cow::Borrowed("");
        }
        self.at += 1;
        self.skip_space();
        let quote = match self.rest().first() {
            Some(&q @ (b'"' | b'\'')) => q,
            _ => {
                let start = self.at;
                let len = self
                    .rest()
                    .iter()
                    .position(|&b| b.is_ascii_whitespace() || b == b'>')
                    .unwrap_or(self.rest().len());
                self.at += len;
                return decode(&self.html[start..self.at]);
            }
        };
        self.at += 1;
        let start = self.at;
        let end = self.skip_past(if quote == b'"' { "\"" } else { "'" });
        decode(&self.html[start..end])
    }

    /// Moves past a raw-text element's text, to the start of its end tag, and returns the text.
    fn raw_text(&mut self, tag: &str) -> &'a str {
        let start = self.at;
        let bytes = self.html.as_bytes();
        let mut from = start;
        let end = loop {
            let Some(i) = self.html[from..].find("</") else {
                break self.html.len();
            };
            let at = from + i;
            let name_end = at + 2 + tag.len();
            let closes = bytes
                .get(at + 2..name_end)
                .is_some_and(|name| name.eq_ignore_ascii_case(tag.as_bytes()))
                && bytes
                    .get(name_end)
                    .is_none_or(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>');
            if closes {
                break at;
            }
            from = at + 2;
        };
        self.at = end;
        &self.html[start..end]
    }

    fn end_tag(&mut self) {
        self.at += 2;
        let tag = self.name(false);
        self.skip_past(">");
        if self.inert > 0 {
            if tag.eq_ignore_ascii_case("template") {
                self.inert -= 1;
                if self.inert == 0 {
                    self.close_to("template");
                }
            }
            return;
        }
        self.close_to(tag);
    }

    /// Closes the elements down to the innermost open `tag`, if it is within reach.
    fn close_to(&mut self, tag: &str) {
        let reach = self.open.len().saturating_sub(CLOSE_REACH);
        let Some(at) = self.open[reach..]
            .iter()
            .rposition(|open| open.eq_ignore_ascii_case(tag))
        else {
            return;
        };
        for closed in self.open.drain(reach + at..).rev() {
            self.foreign -= usize::from(matches!(closed, "svg" | "math"));
            self.tree.close();
        }
    }
}

/// An attribute's name without the namespace prefix a parser drops in svg and math
/// (`xlink:href` → `href`, `xmlns:xlink` → `xlink`).
fn local_name(name: &str) -> &str {
    ["xlink:", "xml:", "xmlns:"]
        .iter()
        .find_map(|prefix| name.strip_prefix(prefix))
        .unwrap_or(name)
}

/// Text or an attribute value with its character references decoded: the ones a serialiser
/// writes (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&nbsp;`), `&apos;` and numeric ones. Anything
/// else is left as written.
fn decode(raw: &str) -> Cow<'_, str> {
    if !raw.contains('&') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference at the start of `s` (which starts with `&`) stands for, and the
/// reference's length with its `;`.
fn reference(s: &str) -> Option<(char, usize)> {
    // The longest reference read is `&#x10FFFF;`.
    let semi = s.bytes().take(11).position(|b| b == b';')?;
    let body = &s[1..semi];
    let c = match body {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let digits = body.strip_prefix('#')?;
            let code = match digits.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => digits.parse().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')?
        }
    };
    Some((c, semi + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::Page;
    use crate::snapshot::outline;

    fn page(html: &str) -> Page {
        parse_located(html).traced.page
    }

    #[test]
    fn reads_the_tree_the_tags_say() {
        // A script-made <div> inside a <p>: a parser would close the <p>; the DOM has it inside.
        let p = page("<html><head></head><body><p>a<div>b</div>c</p></body></html>");
        let div = p.find_tag("div").unwrap();
        assert_eq!(p.tag(p.parent(div).unwrap()), "p");
        assert_eq!(p.text_content(p.find_tag("p").unwrap()), "abc");
    }

    #[test]
    fn decodes_what_the_serialiser_escapes() {
        let p = page(
            "<body><a href=\"/x?a=1&amp;b=&quot;2&quot;\" title='it&apos;s'>AT&amp;T &lt;b&gt;\
             &nbsp;&#233;&#xE9;&copy &bogus;</a></body>",
        );
        let a = p.find_tag("a").unwrap();
        assert_eq!(p.attr(a, "href"), Some("/x?a=1&b=\"2\""));
        assert_eq!(p.attr(a, "title"), Some("it's"));
        assert_eq!(p.text_content(a), "AT&T <b>\u{a0}éé&copy &bogus;");
    }

    #[test]
    fn raw_text_void_and_template() {
        let p = page(
            "<body><script type=\"application/ld+json\">{\"a\":\"<b>&amp;</b>\"}</script>\
             <noscript><img src=\"x\"></noscript><br><img src=\"y\"><p>after</p>\
             <template><p>inert<template></template></p><script>\"</template>\"</script></template>\
             <span>last</span></body>",
        );
        let script = p.find_tag("script").unwrap();
        assert_eq!(p.text_content(script), "{\"a\":\"<b>&amp;</b>\"}");
        let tags: Vec<&str> = p
            .ids()
            .filter(|&id| p.is_element(id))
            .map(|id| p.tag(id))
            .collect();
        assert_eq!(
            tags,
            ["body", "script", "noscript", "br", "img", "p", "template", "span"]
        );
        let located = parse_located("<body><template><p>x</p></template><i>y</i></body>");
        assert_eq!(located.elements, 3);
    }

    #[test]
    fn foreign_attributes_lose_their_prefix() {
        let p = page("<body><svg><a xlink:href=\"/s\"></a></svg><a xml:lang=\"en\"></a></body>");
        let links: Vec<_> = p.ids().filter(|&id| p.tag(id) == "a").collect();
        assert_eq!(p.attr(links[0], "href"), Some("/s"));
        assert_eq!(p.attr(links[1], "lang"), None);
    }

    #[test]
    fn malformed_input_reads_in_bounds() {
        for (html, text) in [
            ("", ""),
            ("<", "<"),
            ("</", ""),
            ("<!--", ""),
            ("<div class=\"unterminated", ""),
            ("<script>never closed", ""),
            ("text only &", "text only &"),
            ("</p></div><b>x</i></b>", "x"),
            ("<a href=x>y", "y"),
            ("<<>>&#99999999;&#x;", "<<>>&#99999999;&#x;"),
        ] {
            let p = page(&format!("<body>{html}"));
            assert_eq!(p.text_content(p.root()), text, "{html:?}");
        }
        // A stray end tag never closes an element far below the innermost one.
        let deep = "<section>".to_string() + &"<div>".repeat(20) + "</section>x";
        let p = page(&deep);
        let x = p.ids().find(|&id| p.text(id) == "x").unwrap();
        assert_eq!(p.depth(x), 22, "x stays in the innermost div");
        // Deep nesting: no recursion.
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        let p = page(&html);
        assert!(p.ids().any(|id| p.text(id) == "deep"));
    }

    #[test]
    #[cfg(feature = "html")]
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
        let native: Vec<_> = crate::detect::detect(&crate::html::parse(html), &options)
            .into_iter()
            .filter(|r| r.kind != crate::Kind::Boilerplate)
            .map(|r| r.text)
            .collect();
        let texts: Vec<_> = decisions.iter().map(|d| d.text.clone()).collect();
        assert_eq!(texts, native);
        assert_eq!(decisions.len(), 4, "{decisions:?}");
        assert!(decisions.iter().any(|d| d.text_node));
        // Element positions count every element in document order, as querySelectorAll does.
        let page = crate::html::parse(html);
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
    fn outline_of_a_serialised_page_is_the_parsed_one() {
        let html = "<html lang=\"id\"><head></head><body><article><h1>Judul</h1>\
            <p>Satu, dua.<!-- c -->Tiga</p><div hidden=\"\"><p>x</p></div>\
            <table><tbody><tr><td>sel</td></tr></tbody></table></article></body></html>";
        let got = outline(&page(html));
        assert!(got.contains("td"), "{got}");
        assert!(got.contains("[hidden]"), "{got}");
        assert!(got.contains("\"Satu, dua.Tiga\""), "{got}");
    }
}
