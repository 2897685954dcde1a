//! Independent checkers for the fuzz targets' invariants. They read the core's output as a
//! consumer would and share no code with it, so a bug in the core's sanitiser cannot hide itself.

use std::time::Duration;

/// The page address the targets analyse under.
pub const PAGE_URL: &str = "https://example.com/news/2026/story.html?page=1";

/// Tags the reader's HTML may hold (`reader::render::to_html`, plus `mark` in highlights) and the
/// attributes each may carry.
const ALLOWED: &[(&str, &[&str])] = &[
    ("a", &["href", "rel"]),
    ("blockquote", &[]),
    ("br", &[]),
    ("code", &[]),
    ("em", &[]),
    ("figcaption", &[]),
    ("figure", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("hr", &[]),
    ("img", &["src", "alt", "loading"]),
    ("li", &[]),
    (
        "mark",
        &["data-entity", "data-entity-id", "data-entity-cont"],
    ),
    ("ol", &[]),
    ("p", &[]),
    ("pre", &[]),
    ("strong", &[]),
    ("table", &[]),
    ("td", &[]),
    ("tr", &[]),
    ("ul", &[]),
];

/// Elements without an end tag.
const VOID: &[&str] = &["br", "hr", "img"];

/// One tag of the reader's HTML.
pub struct Tag<'a> {
    pub name: &'a str,
    pub closing: bool,
    /// Attribute names and their values, entity references decoded.
    pub attrs: Vec<(&'a str, Option<String>)>,
}

/// Checks that `html` is the reader's sanitised HTML: allowed tags and attributes only, every
/// tag closed in order, text escaped, links http(s) or `mailto:` and images http(s). Without a
/// page address (`based == false`) the reader keeps relative addresses, which hold no `:`.
/// Returns the tags, for further checks, or what is wrong.
pub fn check_html(html: &str, based: bool) -> Result<Vec<Tag<'_>>, String> {
    let mut tags = Vec::new();
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find(['<', '>', '"', '\'', '&']) {
        let c = rest.as_bytes()[lt];
        if c == b'&' {
            let entity = &rest[lt..];
            if !["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|e| entity.starts_with(e))
            {
                return Err(format!("unescaped & at {:?}", snippet(entity)));
            }
            rest = &rest[lt + 1..];
            continue;
        }
        if c != b'<' {
            return Err(format!("unescaped {:?} in text", c as char));
        }
        let (tag, after) = read_tag(&rest[lt + 1..])?;
        let Some((_, allowed)) = ALLOWED.iter().find(|(n, _)| *n == tag.name) else {
            return Err(format!("tag <{}> not allowed", tag.name));
        };
        for (name, value) in &tag.attrs {
            if tag.closing || !allowed.contains(name) {
                return Err(format!("attribute {name} on <{}>", tag.name));
            }
            if let Some(v) = value {
                check_address(tag.name, name, v, based)?;
            }
        }
        if tag.closing {
            if open.pop() != Some(tag.name) {
                return Err(format!("</{}> closes nothing open: {:?}", tag.name, open));
            }
        } else if !VOID.contains(&tag.name) {
            open.push(tag.name);
        }
        tags.push(tag);
        rest = after;
    }
    if !open.is_empty() {
        return Err(format!("left open: {open:?}"));
    }
    Ok(tags)
}

/// Reads `name attr="value" …>` after a `<`; returns the tag and the text after the `>`.
fn read_tag(s: &str) -> Result<(Tag<'_>, &str), String> {
    let (closing, s) = match s.strip_prefix('/') {
        Some(s) => (true, s),
        None => (false, s),
    };
    let name_end = s
        .find(|c: char| !c.is_ascii_alphanumeric())
        .ok_or("tag runs to the end")?;
    let name = &s[..name_end];
    if name.is_empty() {
        return Err(format!("bare < at {:?}", snippet(s)));
    }
    let mut attrs = Vec::new();
    let mut s = &s[name_end..];
    loop {
        if let Some(after) = s.strip_prefix('>') {
            return Ok((
                Tag {
                    name,
                    closing,
                    attrs,
                },
                after,
            ));
        }
        s = s
            .strip_prefix(' ')
            .ok_or_else(|| format!("junk in <{name}>: {:?}", snippet(s)))?;
        let attr_end = s
            .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
            .ok_or("attribute runs to the end")?;
        let attr = &s[..attr_end];
        if attr.is_empty() {
            return Err(format!("empty attribute name in <{name}>"));
        }
        s = &s[attr_end..];
        let value = match s.strip_prefix("=\"") {
            Some(v) => {
                let end = v.find('"').ok_or("unterminated attribute value")?;
                let raw = &v[..end];
                if raw.contains(['<', '>', '\'']) {
                    return Err(format!("unescaped value {raw:?}"));
                }
                s = &v[end + 1..];
                Some(unescape(raw))
            }
            None => None,
        };
        attrs.push((attr, value));
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// An `href` is http(s) or `mailto:`, a `src` http(s); without a page address a relative
/// address (no `:`) is kept as written.
fn check_address(tag: &str, attr: &str, value: &str, based: bool) -> Result<(), String> {
    let lower = value.to_ascii_lowercase();
    let ok = match (tag, attr) {
        ("a", "href") => is_http(&lower) || lower.starts_with("mailto:"),
        ("img", "src") => is_http(&lower),
        _ => return Ok(()),
    };
    if ok || (!based && !value.contains(':')) {
        Ok(())
    } else {
        Err(format!("unsafe {attr} on <{tag}>: {value:?}"))
    }
}

/// Whether an address is an absolute http(s) one.
pub fn is_http(url: &str) -> bool {
    url.starts_with("http://") || url.starts_with("https://")
}

/// Checks an ISO 8601 stamp as `reader::dates::parse` prints it: "YYYY-MM-DD", optionally
/// "THH:MM:SS", optionally "±HH:MM"; a real calendar date, clock and zone offset.
pub fn check_iso(s: &str) -> Result<(), String> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Result<u32, String> {
        let part = b.get(r.clone()).ok_or_else(|| format!("{s:?} too short"))?;
        if !part.iter().all(u8::is_ascii_digit) {
            return Err(format!("{s:?}: not digits at {r:?}"));
        }
        Ok(part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let punct = |i: usize, c: u8| -> Result<(), String> {
        (b.get(i) == Some(&c))
            .then_some(())
            .ok_or_else(|| format!("{s:?}: expected {:?} at {i}", c as char))
    };
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    punct(4, b'-')?;
    punct(7, b'-')?;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&month) || day == 0 || day > days[month as usize - 1] {
        return Err(format!("{s:?}: no such date"));
    }
    match b.len() {
        10 => return Ok(()),
        19 | 25 => {}
        _ => return Err(format!("{s:?}: odd length")),
    }
    punct(10, b'T')?;
    punct(13, b':')?;
    punct(16, b':')?;
    let (hour, minute, second) = (digits(11..13)?, digits(14..16)?, digits(17..19)?);
    if hour > 23 || minute > 59 || second > 59 {
        return Err(format!("{s:?}: no such time"));
    }
    if b.len() == 25 {
        if b[19] != b'+' && b[19] != b'-' {
            return Err(format!("{s:?}: expected a sign at 19"));
        }
        punct(22, b':')?;
        let (h, m) = (digits(20..22)?, digits(23..25)?);
        if m > 59 || h * 60 + m > 14 * 60 {
            return Err(format!("{s:?}: no such offset"));
        }
    }
    Ok(())
}

/// The time a target may take on an input of `len` bytes: generous, so that only a blow-up
/// (quadratic or worse) trips it. `None` under debug assertions, where timing means nothing.
pub fn budget(len: usize) -> Option<Duration> {
    (!cfg!(debug_assertions))
        .then(|| Duration::from_millis(50) + Duration::from_micros(20) * len as u32)
}

fn snippet(s: &str) -> &str {
    let end = s.char_indices().nth(40).map_or(s.len(), |(i, _)| i);
    &s[..end]
}
