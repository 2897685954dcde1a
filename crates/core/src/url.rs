//! Just enough URL handling for a reader: resolving links and images against the page address,
//! and reading a query parameter.
//!
//! Why not the `url` crate: it pulls IDNA tables into the wasm build for a job that, here, is
//! string surgery on addresses the browser already parsed once. Resolution follows RFC 3986 §5.2
//! (merge paths, then remove dot segments) for the cases pages actually use; only `http(s)`
//! addresses come out, since nothing else can be shown or fetched by the reader.

use std::fmt::Write as _;

/// Resolves `href` against the absolute `http(s)` address `base`. `None` when `base` is not an
/// absolute `http(s)` address, when `href` leads to another scheme (`javascript:`, `mailto:`,
/// `data:`), which the reader must never follow, or when it names no host (`//`).
pub fn resolve(base: &str, href: &str) -> Option<String> {
    let base = without_tabs_and_newlines(base);
    let base = Parts::absolute(&base)?;
    let href = without_tabs_and_newlines(href);
    if scheme_of(&href).is_some() {
        return Parts::absolute(&href).map(|p| p.to_string());
    }
    let (rest, fragment) = split_off(&href, '#');
    let (path, query) = split_off(rest, '?');
    // Browsers read a backslash before the query as a slash in http(s) addresses.
    let path = path.replace('\\', "/");
    let mut res = Parts { fragment, ..base };
    if let Some(authority_and_path) = path.strip_prefix("//") {
        // Extra slashes before the host are skipped, as `Parts::absolute` and browsers do.
        let (authority, path) = split_authority(authority_and_path.trim_start_matches('/'));
        if !plausible_authority(authority) {
            return None;
        }
        res.authority = authority.to_ascii_lowercase();
        res.path = remove_dot_segments(path);
        res.query = query;
    } else if path.is_empty() {
        if query.is_some() {
            res.query = query;
        }
    } else {
        let merged = if path.starts_with('/') {
            path.to_string()
        } else {
            merge(&res.path, &path)
        };
        res.path = remove_dot_segments(&merged);
        res.query = query;
    }
    Some(res.to_string())
}

/// `s` trimmed and without tabs and newlines, which browsers drop from any address they parse
/// (base or reference alike), so an address with one resolves like the browser's and the result
/// resolves to itself again.
fn without_tabs_and_newlines(s: &str) -> String {
    s.trim()
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The value of the first `name=value` pair in the query of `url`, undecoded.
pub fn query_value<'a>(url: &'a str, name: &str) -> Option<&'a str> {
    let (rest, _) = split_off(url, '#');
    let (_, query) = split_off(rest, '?');
    query?.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then_some(value)
    })
}

/// The origin of an absolute `http(s)` address, `scheme://host[:port]` in lower case: two
/// addresses with the same origin are on the same site, which is all a reader may follow.
pub fn origin(url: &str) -> Option<String> {
    let parts = Parts::absolute(url.trim())?;
    Some(format!("{}://{}", parts.scheme, parts.authority))
}

/// `url` without its query and fragment: the address of "the same document".
pub fn document_part(url: &str) -> &str {
    let (rest, _) = split_off(url, '#');
    split_off(rest, '?').0
}

/// An absolute address split into the pieces resolution replaces.
struct Parts<'a> {
    scheme: String,
    authority: String,
    path: String,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

impl<'a> Parts<'a> {
    /// Splits an absolute `http(s)` address; `None` for anything else.
    fn absolute(url: &'a str) -> Option<Parts<'a>> {
        let scheme = scheme_of(url)?.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return None;
        }
        let after = url[scheme.len() + 1..].trim_start_matches(['/', '\\']);
        let (rest, fragment) = split_off(after, '#');
        let (rest, query) = split_off(rest, '?');
        let (authority, path) = split_authority(rest);
        if !plausible_authority(authority) {
            return None;
        }
        let path = if path.is_empty() {
            "/".to_string()
        } else {
            remove_dot_segments(path)
        };
        Some(Parts {
            scheme,
            authority: authority.to_ascii_lowercase(),
            path,
            query,
            fragment,
        })
    }
}

impl std::fmt::Display for Parts<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}://{}", self.scheme, self.authority)?;
        write_encoded(f, &self.path)?;
        if let Some(q) = self.query {
            f.write_str("?")?;
            write_encoded(f, q)?;
        }
        if let Some(frag) = self.fragment {
            f.write_str("#")?;
            write_encoded(f, frag)?;
        }
        Ok(())
    }
}

/// Writes `s` percent-encoding what browsers encode in a path, query or fragment (controls,
/// space, quotes, angle brackets, backquote, braces and every non-ASCII byte as UTF-8), so an
/// emitted address is one token that cannot break out of an attribute, a Markdown link or a
/// line; `%` is kept, so an encoded address comes out unchanged.
fn write_encoded(f: &mut std::fmt::Formatter<'_>, s: &str) -> std::fmt::Result {
    for c in s.chars() {
        let keep = c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '`' | '{' | '}');
        if keep {
            f.write_char(c)?;
        } else {
            for b in c.encode_utf8(&mut [0; 4]).bytes() {
                write!(f, "%{b:02X}")?;
            }
        }
    }
    Ok(())
}

/// Whether `authority` can be a host (and port) a browser would accept: no spaces, controls or
/// delimiters that would let the address end early.
fn plausible_authority(authority: &str) -> bool {
    !authority.is_empty()
        && !authority.chars().any(|c| {
            c.is_control()
                || c.is_whitespace()
                || matches!(c, '"' | '<' | '>' | '`' | '{' | '}' | '|' | '^')
        })
}

/// The scheme of `s` if it starts with one (`[A-Za-z][A-Za-z0-9+.-]*:`).
fn scheme_of(s: &str) -> Option<&str> {
    let (scheme, _) = s.split_once(':')?;
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then_some(scheme)
}

/// Splits `s` at the first `sep`: the part before, and the part after if `sep` occurs.
fn split_off(s: &str, sep: char) -> (&str, Option<&str>) {
    match s.split_once(sep) {
        Some((head, tail)) => (head, Some(tail)),
        None => (s, None),
    }
}

/// Splits `host[:port]/path` after the `//` into the authority and the path.
fn split_authority(s: &str) -> (&str, &str) {
    let end = s.find(['/', '\\']).unwrap_or(s.len());
    (&s[..end], &s[end..])
}

/// RFC 3986 §5.2.3: the base path up to its last `/`, then the reference.
fn merge(base_path: &str, reference: &str) -> String {
    let dir = &base_path[..base_path.rfind('/').map_or(0, |i| i + 1)];
    format!("{dir}{reference}")
}

/// RFC 3986 §5.2.4: resolves `.` and `..` segments of an absolute path.
fn remove_dot_segments(path: &str) -> String {
    // Browsers read a backslash in an http(s) path as a slash, so `\..` is a segment too.
    let path = path.replace('\\', "/");
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." | ".." => {
                if *segment == ".." {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://Example.com/news/2026/story.html?page=1#top";

    fn check(href: &str, expect: Option<&str>) {
        assert_eq!(resolve(BASE, href).as_deref(), expect, "href {href:?}");
    }

    #[test]
    fn resolves_every_reference_shape() {
        check("http://other.org/a", Some("http://other.org/a"));
        check("HTTPS://Other.org", Some("https://other.org/"));
        check(
            "//cdn.example.com/img.jpg",
            Some("https://cdn.example.com/img.jpg"),
        );
        check("/root/x.jpg", Some("https://example.com/root/x.jpg"));
        check("img/x.jpg", Some("https://example.com/news/2026/img/x.jpg"));
        check("./x.jpg", Some("https://example.com/news/2026/x.jpg"));
        check("../x.jpg", Some("https://example.com/news/x.jpg"));
        check("../../../../x.jpg", Some("https://example.com/x.jpg"));
        check("a/./b/../c", Some("https://example.com/news/2026/a/c"));
        check("..", Some("https://example.com/news/"));
        check(
            "?page=2",
            Some("https://example.com/news/2026/story.html?page=2"),
        );
        check(
            "#comments",
            Some("https://example.com/news/2026/story.html?page=1#comments"),
        );
        check("", Some("https://example.com/news/2026/story.html?page=1"));
        check("  x.jpg\n", Some("https://example.com/news/2026/x.jpg"));
    }

    #[test]
    fn refuses_other_schemes_and_bases() {
        check("javascript:void(0)", None);
        check("mailto:redaksi@example.com", None);
        check("data:image/png;base64,AAAA", None);
        assert_eq!(resolve("file:///tmp/a.html", "b.html"), None);
        assert_eq!(resolve("not a url", "b.html"), None);
        assert_eq!(
            resolve("https://example.com", "b").as_deref(),
            Some("https://example.com/b")
        );
    }

    #[test]
    fn tabs_and_newlines_leave_the_base_too() {
        // Found by fuzzing: a tab kept from the base made the result resolve to another address.
        let once = resolve("https://exa\tmple.com/a\n/b", "c").unwrap();
        assert_eq!(once, "https://example.com/a/c");
        assert_eq!(resolve(&once, &once).as_deref(), Some(once.as_str()));
    }

    #[test]
    fn network_path_references_need_a_host() {
        // Found by fuzzing: "///cdn/x" gave "https:///cdn/x", an address without a host.
        check("///cdn.example.com/x", Some("https://cdn.example.com/x"));
        check("//", None);
        check("///?q", None);
    }

    #[test]
    fn emits_addresses_percent_encoded_as_browsers_do() {
        check(
            "foto lama/x y.jpg?q=a b#c d",
            Some("https://example.com/news/2026/foto%20lama/x%20y.jpg?q=a%20b#c%20d"),
        );
        check(
            "/a\"><img>`{}",
            Some("https://example.com/a%22%3E%3Cimg%3E%60%7B%7D"),
        );
        check(
            "/berita/pemilu-ü",
            Some("https://example.com/berita/pemilu-%C3%BC"),
        );
        check("/a%20b\\c", Some("https://example.com/a%20b/c"));
        check("\\a\\..\\b", Some("https://example.com/b"));
        check("\\\\other.example\\x", Some("https://other.example/x"));
        // Encoding is stable: an emitted address resolves to itself.
        let once = resolve(BASE, "x y/ü?z w").unwrap();
        assert_eq!(resolve(&once, &once).as_deref(), Some(once.as_str()));
    }

    #[test]
    fn refuses_hosts_no_browser_accepts() {
        check("//exa mple.com/x", None);
        check("http://a\"b.com/", None);
        check("https://<x>/", None);
        check("http://a\u{2001}b.com/", None);
    }

    #[test]
    fn reads_query_values_and_document_part() {
        let url = "https://x.id/a?id=3&page=2#p";
        assert_eq!(query_value(url, "page"), Some("2"));
        assert_eq!(query_value(url, "id"), Some("3"));
        assert_eq!(query_value(url, "p"), None);
        assert_eq!(query_value("https://x.id/a", "page"), None);
        assert_eq!(document_part(url), "https://x.id/a");
    }
}
