//! The article as people copy it: a header (title; credits and date; the page address) over the
//! article's plain text or Markdown. Composed here once, so the extension's copy and the
//! playground's give the same thing.
//!
//! The header's fields are the page's words, so the Markdown copy escapes them exactly as body
//! text is escaped (`render::escape_md`): a title holding `<img onerror=…>` or `[x](javascript:…)`
//! stays text. In both formats a field is one line, without control characters, so it cannot
//! forge another header line. The address is kept only when it is http(s), percent-encoded where
//! it could end its `<…>`.

use std::fmt::Write;

use super::render::escape_md;
use crate::analysis::Article;
use crate::text;

/// What the copy is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: the header's lines, a blank line, the article's text.
    Text,
    /// Markdown: `# title`, `*credits · date*`, `<address>`, a blank line, the article's Markdown.
    Markdown,
}

impl Article {
    /// The article as copied from the page at `url`. Plain text: the title, the credits line,
    /// the address, a blank line, the text. Markdown: `# title`, a blank line, `*credits line*`
    /// and `<address>` (a hard line break between them), a blank line, the Markdown. The
    /// credits line is the byline, source and site name, each once, then
    /// [`Article::published_text`], joined by " · ". Empty lines are left out, and so is an
    /// address that is not http(s).
    pub fn copy(&self, format: Format, url: Option<&str>) -> String {
        let mut credits: Vec<String> = Vec::new();
        let fields = [
            &self.byline,
            &self.source,
            &self.site_name,
            &self.published_text,
        ];
        for field in fields.into_iter().flatten().map(|f| one_line(f)) {
            let seen = credits
                .iter()
                .any(|c| text::normalise(c) == text::normalise(&field));
            if !field.is_empty() && !seen {
                credits.push(field);
            }
        }
        let credits = credits.join(" · ");
        let title = one_line(&self.title);
        let address = url.and_then(address);
        let (head, body) = match format {
            Format::Text => {
                let lines = [title, credits, address.unwrap_or_default()];
                (join_filled(&lines, "\n"), self.text.trim())
            }
            Format::Markdown => {
                let title = markdown_line("# ", &title, "");
                let credits = markdown_line("*", &credits, "*");
                let address = address.map(|a| format!("<{a}>")).unwrap_or_default();
                let about = join_filled(&[credits, address], "  \n");
                (join_filled(&[title, about], "\n\n"), self.markdown.trim())
            }
        };
        format!("{}\n", join_filled(&[head, body.to_string()], "\n\n"))
    }
}

/// A header field on one line: whitespace runs (line breaks included) become one space and
/// control characters are dropped.
fn one_line(field: &str) -> String {
    let clean: String = field
        .chars()
        .filter(|c| !c.is_control() || c.is_whitespace())
        .collect();
    text::collapse_whitespace(&clean)
}

/// `text` escaped for Markdown between `open` and `close`; empty when `text` is.
fn markdown_line(open: &str, text: &str, close: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let mut out = open.to_string();
    escape_md(text, &mut out);
    out.push_str(close);
    out
}

/// The non-empty parts, joined.
fn join_filled(parts: &[String], sep: &str) -> String {
    let filled: Vec<&str> = parts
        .iter()
        .map(String::as_str)
        .filter(|p| !p.is_empty())
        .collect();
    filled.join(sep)
}

/// `url` if it is an http(s) address, with whitespace, control characters and `<`, `>`
/// percent-encoded so that it stays one token in text and inside Markdown's `<…>`.
fn address(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    if !web || rest.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_whitespace() || c.is_control() || matches!(c, '<' | '>') {
            for b in c.encode_utf8(&mut [0; 4]).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "https://warta.example/berita/banjir-rob";

    /// Whether `md` holds `markup` with its first character not backslash-escaped (live).
    fn live(md: &str, markup: &str) -> bool {
        md.match_indices(markup).any(|(i, _)| {
            let backslashes = md[..i].chars().rev().take_while(|&c| c == '\\').count();
            backslashes % 2 == 0
        })
    }

    fn article(title: &str) -> Article {
        Article {
            title: title.into(),
            byline: Some("Sari Wulandari".into()),
            editor: Some("Budi".into()),
            source: Some("Antara".into()),
            site_name: Some("Warta Contoh".into()),
            published: Some("2026-03-14T10:20:00+07:00".into()),
            published_text: Some("14 Maret 2026, 10.20 WIB".into()),
            lead_image: None,
            excerpt: None,
            reading_minutes: 1,
            pagination: Default::default(),
            text: "Banjir rob merendam pesisir.\n\nWarga mengungsi.".into(),
            markdown: "**JAKARTA** – Banjir rob merendam pesisir.\n\nWarga mengungsi.".into(),
            html: String::new(),
            blocks: Vec::new(),
        }
    }

    #[test]
    fn both_formats_head_the_article_with_title_credits_date_and_address() {
        let a = article("Banjir Rob Rendam Jakarta");
        assert_eq!(
            a.copy(Format::Text, Some(URL)),
            "Banjir Rob Rendam Jakarta\n\
             Sari Wulandari · Antara · Warta Contoh · 14 Maret 2026, 10.20 WIB\n\
             https://warta.example/berita/banjir-rob\n\
             \n\
             Banjir rob merendam pesisir.\n\nWarga mengungsi.\n"
        );
        assert_eq!(
            a.copy(Format::Markdown, Some(URL)),
            "# Banjir Rob Rendam Jakarta\n\
             \n\
             *Sari Wulandari · Antara · Warta Contoh · 14 Maret 2026, 10.20 WIB*  \n\
             <https://warta.example/berita/banjir-rob>\n\
             \n\
             **JAKARTA** – Banjir rob merendam pesisir.\n\nWarga mengungsi.\n"
        );
    }

    #[test]
    fn credits_appear_once_and_empty_lines_are_left_out() {
        let mut a = article("Judul");
        a.source = Some("warta contoh".into());
        a.byline = Some("Warta  Contoh".into());
        a.published_text = None;
        assert_eq!(
            a.copy(Format::Text, None),
            "Judul\nWarta Contoh\n\nBanjir rob merendam pesisir.\n\nWarga mengungsi.\n"
        );
        assert!(a
            .copy(Format::Markdown, None)
            .starts_with("# Judul\n\n*Warta Contoh*\n\n**JAKARTA**"));
        a.byline = None;
        a.source = None;
        a.site_name = None;
        assert!(a
            .copy(Format::Markdown, None)
            .starts_with("# Judul\n\n**JAKARTA**"));
    }

    #[test]
    fn hostile_header_fields_stay_text_in_markdown() {
        for title in [
            "<img src=x onerror=alert(1)>",
            "[x](javascript:alert(1))",
            r"\[x](javascript:alert(1))",
        ] {
            let mut a = article(title);
            a.byline = Some("*Sari* _W_ `code`".into());
            a.site_name = Some("Warta](javascript:alert(1)) <b>".into());
            let md = a.copy(Format::Markdown, Some(URL));
            let head = md.split("\n\n**JAKARTA**").next().unwrap();
            for markup in ["<img", "<b>", "[x]", "](javascript:", "*Sari", "`code"] {
                assert!(!live(head, markup), "{markup} in {head}");
            }
            assert!(head.contains(r"\*Sari\* \_W\_ \`code\`"), "{head}");
            assert!(
                head.contains(r"Warta\](javascript:alert(1)) \<b\>"),
                "{head}"
            );
            let escaped = [
                r"# \<img src=x onerror=alert(1)\>",
                r"# \[x\](javascript:alert(1))",
                r"# \\\[x\](javascript:alert(1))",
            ];
            assert!(escaped.iter().any(|e| head.starts_with(e)), "{head}");
            // Plain text is not markup: the words stay as written.
            let text = a.copy(Format::Text, Some(URL));
            assert!(text.starts_with(&format!("{title}\n")));
            assert!(text.contains("*Sari* _W_ `code` · Antara · Warta](javascript:alert(1)) <b>"));
        }
    }

    #[test]
    fn header_fields_cannot_forge_lines_or_carry_control_characters() {
        let mut a = article("Judul\n\n# Palsu\r\n<https://evil.example>\u{1b}[31m\u{0}");
        a.byline = Some("Sari\u{7}\nWulandari".into());
        let text = a.copy(Format::Text, None);
        assert!(
            text.starts_with("Judul # Palsu <https://evil.example>[31m\nSari Wulandari · Antara")
        );
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
        let md = a.copy(Format::Markdown, None);
        assert!(md.starts_with(r"# Judul # Palsu \<https://evil.example\>\[31m"));
        assert!(md.contains("\n\n*Sari Wulandari · Antara"));
    }

    #[test]
    fn only_http_addresses_are_copied_and_they_stay_in_their_brackets() {
        let a = article("Judul");
        for bad in [
            "javascript:alert(1)",
            " data:text/html,<b>",
            "file:///etc/passwd",
            "https://",
        ] {
            for format in [Format::Text, Format::Markdown] {
                let copy = a.copy(format, Some(bad));
                assert!(!copy.contains(bad.trim()), "{copy}");
                assert_eq!(copy, a.copy(format, None));
            }
        }
        let md = a.copy(
            Format::Markdown,
            Some("HTTPS://x.example/a b><img src=x>\n"),
        );
        assert!(
            md.contains("\n<HTTPS://x.example/a%20b%3E%3Cimg%20src=x%3E>\n"),
            "{md}"
        );
    }

    #[test]
    fn a_page_title_with_markup_is_copied_inert() {
        let page = crate::html::parse(
            "<html lang=id><article><h1>&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1))</h1>\
             <p>Banjir rob merendam ribuan rumah di pesisir utara Jakarta sejak Senin pagi, dan warga \
             mengungsi ke masjid serta sekolah terdekat.</p>\
             <p>Petugas gabungan mendirikan dapur umum dan memompa air dari permukiman sepanjang \
             hari, kata kepala dinas setempat.</p></article>",
        );
        let opts = crate::Options {
            url: Some("javascript:alert(1)".into()),
            ..Default::default()
        };
        let analysis = crate::analyse(&page, &opts);
        let md = analysis
            .article
            .unwrap()
            .copy(Format::Markdown, opts.url.as_deref());
        assert!(
            md.starts_with(r"# \<img src=x onerror=alert(1)\> \[x\](javascript:alert(1))"),
            "{md}"
        );
        assert!(!live(&md, "](javascript:") && !live(&md, "<img"), "{md}");
        assert!(!md.contains("<javascript:"), "{md}");
    }
}
