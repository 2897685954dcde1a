//! Reader extraction: the article body ([`extract`]), cleaned ([`clean`]), its metadata
//! ([`metadata`], [`dates`]), its renderings ([`render`], `plain`), its entity highlights
//! (`highlight`), the copy headed by its credits ([`copy`]), and the pages of one story merged
//! ([`merge`]).
//!
//! Invariant: the reader never decides what to hide on the page; it receives the detectors'
//! decisions and leaves those blocks out of the article.

mod clean;
pub mod copy;
pub mod dates;
mod edges;
pub mod extract;
mod highlight;
pub mod merge;
pub mod metadata;
mod plain;
mod prose;
pub mod render;
pub mod story;
mod tags;
pub mod weights;

use crate::analysis::{Article, Kind, Options, Reason, Removal, Rule};
use crate::detect::boilerplate;
use crate::lang::Lang;
use crate::page::{NodeId, Page};
use crate::text;
use extract::{Extraction, Hints, Item};
pub(crate) use highlight::highlight;

/// An article needs at least this many words; a page with fewer ("Test", a bare error line)
/// has none.
const MIN_ARTICLE_WORDS: usize = 10;
/// Most words of an error page ("Page not found", an apology, a search box): a story under such
/// a headline is longer.
const ERROR_PAGE_MAX_WORDS: usize = 120;
/// Text this share of which is link text is navigation, not an article.
const MAX_ARTICLE_LINK_SHARE: f64 = 0.5;
/// Text this share of which is U+FFFD (bytes the parser could not decode) is binary data, not
/// prose: a page in a misdeclared charset loses a few accented letters, a binary file a quarter
/// of its characters.
const MAX_UNDECODED_SHARE: f64 = 0.1;
/// Boilerplate lines are short; longer blocks are not even tested (bytes of source text).
const MAX_BOILERPLATE_BYTES: usize = 400;
/// A box headed by a boilerplate line is a few short points (bytes of source text); a longer
/// one is left alone but for its heading.
const MAX_HEADED_BOX_BYTES: usize = 1_200;
/// Silent reading speed used for the reading time, in words per minute (a common estimate for
/// news prose in Indonesian and English).
const WORDS_PER_MINUTE: usize = 200;
/// An excerpt taken from the first paragraph is cut to about this many characters.
const EXCERPT_CHARS: usize = 200;

/// Extracts the article of a page in `lang` (which words its date is displayed in), adding
/// in-article boilerplate to `removed`. `None` when the page has no article.
pub fn read(
    page: &Page,
    opts: &Options,
    lang: Option<Lang>,
    removed: &mut Vec<Removal>,
    notes: &mut Vec<String>,
) -> Option<Article> {
    let url = opts.url.as_deref();
    let declared = metadata::declared(page, url);
    let excluded: Vec<NodeId> = removed.iter().map(|r| r.node).collect();
    let hints = Hints {
        excluded: &excluded,
        title: declared.title(),
    };
    let Some(mut ex) = extract::extract(page, &hints) else {
        notes.push("no text found".into());
        return None;
    };
    if ex.pass > 0 {
        notes.push(format!("article found by looser pass {}", ex.pass));
    }
    let mut meta = metadata::read_with(page, Some(ex.container), &declared);
    for id in meta.consumed.iter().copied() {
        kill(&mut ex, page, id);
    }
    drop_boilerplate(page, &mut ex, removed);
    edges::drop_link_lists(page, &mut ex, removed);
    let rendered = render::render(page, &ex.items, &ex.dead, url);
    let words = text::word_count(&rendered.text);
    if let Some(why) = not_an_article(&rendered, words) {
        notes.push(format!("no article found: {why}"));
        return None;
    }
    let titles = [meta.title.as_deref(), declared.title()];
    if words <= ERROR_PAGE_MAX_WORDS && titles.into_iter().flatten().any(is_error_title) {
        notes.push("no article found: an error page".into());
        return None;
    }
    // Credits and dates printed outside the article's block: look page-wide, once, if needed.
    if meta.byline.is_none() || meta.published.is_none() {
        let wide = metadata::read_with(page, None, &declared);
        meta.byline = meta.byline.or(wide.byline);
        meta.published = meta.published.or(wide.published);
    }
    let excerpt = meta
        .description
        .or_else(|| first_paragraph(&rendered.blocks));
    if let Some(lead) = &mut meta.lead_image {
        metadata::image::mark_in_body(lead, &rendered.blocks);
    }
    Some(Article {
        title: meta
            .title
            .or_else(|| declared.title().map(str::to_string))
            .unwrap_or_default(),
        byline: meta.byline.or(ex.byline),
        editor: meta.editor,
        source: meta.source,
        site_name: meta.site_name,
        published_text: meta.published.as_deref().map(|p| dates::display(p, lang)),
        published: meta.published,
        lead_image: meta.lead_image,
        excerpt,
        reading_minutes: reading_minutes(words),
        pagination: meta.pagination,
        text: rendered.text,
        markdown: rendered.markdown,
        html: rendered.html,
        blocks: rendered.blocks,
    })
}

/// Reading time of `words` words in whole minutes, at least 1.
fn reading_minutes(words: usize) -> u32 {
    words.div_ceil(WORDS_PER_MINUTE).max(1) as u32
}

/// Why the extracted text is not an article, if it is not: too short, undecodable, mostly
/// links, or no prose (form labels, a list of headlines; see [`prose`]).
fn not_an_article(rendered: &render::Rendered, words: usize) -> Option<String> {
    if words < MIN_ARTICLE_WORDS {
        return Some(format!("{words} words of text"));
    }
    let chars = rendered.text.chars().count().max(1) as f64;
    let undecoded = rendered.text.chars().filter(|&c| c == '\u{fffd}').count() as f64 / chars;
    if undecoded > MAX_UNDECODED_SHARE {
        return Some(format!(
            "{:.0}% of the text is undecodable bytes",
            undecoded * 100.0
        ));
    }
    let link_chars: usize = rendered.blocks.iter().map(render::link_chars).sum();
    let share = link_chars as f64 / chars;
    if share > MAX_ARTICLE_LINK_SHARE {
        return Some(format!("{:.0}% of the text is links", share * 100.0));
    }
    prose::lacking(&rendered.blocks)
}

/// Whether a headline is an error page's ("404 Not Found", "Halaman tidak ditemukan"): it holds
/// one of the tables' error phrases as whole words.
fn is_error_title(title: &str) -> bool {
    let title = text::normalise(title);
    crate::lang::all(|t| t.error_titles).any(|phrase| {
        title.match_indices(phrase).any(|(at, _)| {
            let before = title[..at].chars().next_back();
            let after = title[at + phrase.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Leaves out paragraphs that are not prose (share prompts, channel promos, desk initials) and
/// reports them. Paragraphs are leaf blocks inside the article and loose inline runs.
fn drop_boilerplate(page: &Page, ex: &mut Extraction, removed: &mut Vec<Removal>) {
    let mut found = Vec::new();
    for &item in &ex.items {
        if let Item::Node(root) = item {
            for id in page.subtree(root).map(NodeId::new) {
                if !ex.dead[id.index()]
                    && is_leaf_block(page, id)
                    && page.text_len(id) <= MAX_BOILERPLATE_BYTES
                {
                    found.push(Item::Node(id));
                }
            }
        }
    }
    found.extend(ex.runs.iter().copied().filter(|r| match *r {
        Item::Run {
            container, first, ..
        } => (ex.items.contains(r) || is_live(page, ex, container)) && !ex.dead[first.index()],
        Item::Node(_) => false,
    }));
    for item in found {
        let (node, range) = match item {
            Item::Node(id) => (id, page.subtree(id)),
            Item::Run { first, end, .. } => (first, first.index()..end.index()),
        };
        if ex.dead[node.index()] {
            continue;
        }
        // What is left of the line: a dateline whose date the metadata took leaves its counter.
        let mut t = live_text(page, ex, range.clone());
        if t.is_empty() || !boilerplate::is_boilerplate(&t) {
            continue;
        }
        let (node, range) = match headed_box(page, ex, item) {
            Some(boxed) => {
                t = text::collapse_whitespace(&page.text_content(boxed));
                (boxed, page.subtree(boxed))
            }
            None => (node, range),
        };
        ex.dead[range].iter_mut().for_each(|d| *d = true);
        ex.items.retain(|&it| it != item);
        removed.push(Removal {
            node,
            kind: Kind::Boilerplate,
            text: t,
            reason: Reason::new(Rule::Boilerplate, ""),
        });
    }
}

/// The box a boilerplate line heads, when the line is its first child and the rest is lists:
/// suara's "Baca 10 detik" summary, a "Ringkasan Berita:" label over its points. The points
/// restate the article (or link away), so they go with their label.
fn headed_box(page: &Page, ex: &Extraction, item: Item) -> Option<NodeId> {
    let Item::Node(line) = item else {
        return None;
    };
    let parent = page.parent(line)?;
    let mut children = page
        .children(parent)
        .filter(|&c| !(page.is_text(c) && page.text(c).trim().is_empty()));
    let heads = children.next() == Some(line);
    let mut lists = 0;
    for c in children {
        if !matches!(page.tag(c), "ul" | "ol") {
            return None;
        }
        lists += 1;
    }
    (heads
        && lists > 0
        && is_live(page, ex, parent)
        && page.text_len(parent) <= MAX_HEADED_BOX_BYTES)
        .then_some(parent)
}

/// Whether a node is part of the article: inside one of its items and not left out. The items
/// are siblings' subtrees and runs in document order, so only the last one starting at or
/// before `id` can hold it: a binary search, not a scan of the items per node.
fn is_live(page: &Page, ex: &Extraction, id: NodeId) -> bool {
    let start = |it: &Item| match *it {
        Item::Node(root) => root,
        Item::Run { first, .. } => first,
    };
    let after = ex.items.partition_point(|it| start(it) <= id);
    !ex.dead[id.index()]
        && after > 0
        && match ex.items[after - 1] {
            Item::Node(root) => page.contains(root, id),
            Item::Run { first, end, .. } => first <= id && id < end,
        }
}

/// The text of the ids `range` that the article keeps, whitespace collapsed.
fn live_text(page: &Page, ex: &Extraction, range: std::ops::Range<usize>) -> String {
    let text: String = range
        .filter(|&i| !ex.dead[i] && page.is_text(NodeId::new(i)))
        .map(|i| page.text(NodeId::new(i)))
        .collect();
    text::collapse_whitespace(&text)
}

/// Paragraph-level elements judged one by one for boilerplate.
fn is_leaf_block(page: &Page, id: NodeId) -> bool {
    matches!(
        page.tag(id),
        "p" | "li" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "figcaption"
    ) || (page.tag(id) == "div"
        && page
            .element_children(id)
            .all(|c| !matches!(page.tag(c), "div" | "p")))
}

fn kill(ex: &mut Extraction, page: &Page, id: NodeId) {
    let range = page.subtree(id);
    ex.dead[range].iter_mut().for_each(|d| *d = true);
}

fn first_paragraph(blocks: &[render::Block]) -> Option<String> {
    blocks
        .iter()
        .filter(|b| matches!(b, render::Block::Para(_)))
        .map(|b| plain::to_text(std::slice::from_ref(b)))
        .find(|t| !t.is_empty())
        .map(|t| cut(&t, EXCERPT_CHARS))
}

/// Cuts text at a word boundary near `max` characters.
fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max).collect();
    if let Some(sp) = out.rfind(' ') {
        out.truncate(sp);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::is_error_title;

    #[test]
    fn error_titles_are_whole_phrases() {
        for t in [
            "404 Not Found",
            "Page not found – Example",
            "Oops! That page can’t be found.",
            "Halaman Tidak Ditemukan",
            "Error 404",
        ] {
            assert!(is_error_title(t), "{t:?}");
        }
        for t in [
            "Flight 4040 lands safely",
            "Found: the page of a lost diary",
            "Halaman depan koran",
        ] {
            assert!(!is_error_title(t), "{t:?}");
        }
    }
}
