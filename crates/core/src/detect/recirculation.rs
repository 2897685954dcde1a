//! Inserted "read also" blocks: "Baca Juga: <a>…</a>" and the related-link lists that sites put
//! between the paragraphs of an article.
//!
//! Why these signals, in this order:
//! 1. **Markup markers** (a class or id containing `baca-juga`, `linksisip`, `picked-article`, …)
//!    are the most precise: the site itself names the block. They are trusted as long as the
//!    block holds no prose.
//! 2. **A lead-in phrase** from the language tables ("baca juga", "read also", …) is the one
//!    constant across sites and years. A phrase alone is weak evidence ("Baca juga aturan ini"
//!    is a sentence), so it counts only when it *ends* its text ("Baca Juga", "Baca juga:"), starts
//!    a line, and the block around it is almost only the phrase plus link text.
//! 3. When no element wraps exactly the lead-in and its links (sindonews writes
//!    `<strong>Baca Juga:</strong> <a>…</a>` between `<br>`s inside the article container), the
//!    lead-in element and the links that complete its line are reported one by one; the
//!    container is never reported.
//!
//! Every candidate then grows to the largest ancestor that adds nothing but links (detik's
//! `div.lihatjg` → `table.linksisip` → `div.noncontent`), stopping at any ancestor that holds
//! prose.

use super::stats::{self, Stats};
use crate::analysis::{Reason, Rule};
use crate::lang;
use crate::page::{NodeId, Page};
use crate::text;

/// Fragments of class or id values (lower case, `-`/`_` removed) that sites use for inserts,
/// found anywhere in the value: `baca-juga`, `bacajuga`, `baca_juga2`, `inner-link-baca-juga`,
/// `inject-baca-juga`, `baca-juga-collections` (kompas, liputan6, okezone, antaranews, jpnn,
/// detik 2015), `berita-terkait-*` (suara), `lihat-juga` (sindonews), `linksisip` (detik,
/// CNN Indonesia, CNBC), `kompasidRec__wrap` (kompas' recommendation widget in the body); the
/// Malay `artikel-berkaitan`/`berita-berkaitan`, and the English `also-read`/`read-also`,
/// `read-next`, `related-news`, `related-article(s)`, `related-stories`/`related-story`,
/// `related-posts` (WordPress
/// Jetpack's `jp-relatedposts`) and `related-links` (a bare `related` would take a
/// `related-media` figure holding the article's own photo).
const CLASS_MARKERS: &[&str] = &[
    "alsoread",
    "artikelberkaitan",
    "artikelterkait",
    "bacajuga",
    "beritaberkaitan",
    "beritaterkait",
    "kompasidrec",
    "lihatjuga",
    "linksisip",
    "readalso",
    "readnext",
    "relatedarticle",
    "relatedlinks",
    "relatednews",
    "relatedposts",
    "relatedstor",
];

/// Markers that count only at the start of the value, since they are common words or short:
/// `article-related`/`articleRelated` (kompas), `picked-article` (republika),
/// `recommended-article` (viva), `sisip_*` ("insert": detik's `sisip_video_ds` video insert,
/// CNBC Indonesia's `sisip_*` link boxes); Wikipedia's `badge-recommendedarticle` is not one.
const CLASS_PREFIXES: &[&str] = &[
    "articlerelated",
    "pickedarticle",
    "recommendedarticle",
    "sisip",
];

/// Blocks of links taken after a lead-in heading ("Berita Terkait" over a headline per `p`).
const HEADED_MAX_BLOCKS: usize = 8;

/// Bytes of a class or id searched for markers; real marker classes are short.
const MARKER_SCAN_BYTES: usize = 64;

/// Whole class tokens that mark an insert: tribunnews `p.baca`.
const CLASS_TOKENS: &[&str] = &["baca"];

/// Words an insert may carry beyond its lead-in and link text: a "Video" tag, a date, a
/// conjunction between two links. Real prose around a link always exceeds it.
const INSERT_SLACK_WORDS: u32 = 2;

/// An insert without a link ("Simak juga Video: 'Judul'") is at most a lead-in plus a headline;
/// kept below the prose threshold of the stats module (20 words) so it can never be prose.
const TEXT_INSERT_MAX_WORDS: u32 = 18;

/// A related-link list after a "Berita terkait" heading: at least this share of its words are
/// link text (the rest are dates or sources).
const LIST_MIN_LINK_DENSITY: f32 = 0.8;

/// Only the start of a text node is compared with the phrase tables; lead-ins are short.
const LEAD_SCAN_CHARS: usize = 64;

/// Quotation marks that open a title right after a lead-in (detik's `Simak Video "…"`).
const OPENING_QUOTES: &[char] = &['"', '\u{201c}', '\u{201e}'];

/// A lead-in phrase found at the start of a text node.
#[derive(Clone, Copy)]
struct Lead {
    /// Words of the phrase.
    words: u32,
    /// Whether a title follows it after a colon or an opening quote ("Baca juga: …",
    /// `Simak Video "…"`); otherwise nothing but punctuation does.
    titled: bool,
}

/// Every candidate block with the reason it was found, in no particular order;
/// [`super::detect`] sorts and un-nests them.
pub(super) fn find(page: &Page, stats: &Stats, extra_phrases: &[String]) -> Vec<(NodeId, Reason)> {
    let finder = Finder::new(page, stats, &Phrases::new(extra_phrases));
    let mut found = Vec::new();
    let mut id = page.root();
    while id.index() < page.len() {
        let hit = match finder.leads[id.index()] {
            Some(lead) => {
                let why = Reason::new(Rule::LeadIn, lead_text(page.text(id), lead));
                Some((finder.lead_blocks(id, lead), why))
            }
            None => marker_name(page, id).map(|name| {
                let blocks: Vec<NodeId> = finder.marker_block(id).into_iter().collect();
                (blocks, Reason::new(Rule::MarkedBox, name))
            }),
        };
        let mut next = None;
        if let Some((blocks, why)) = hit {
            // Anything inside a found block would be dropped as nested: skip past it.
            next = blocks.iter().map(|&b| page.skip(b)).max();
            found.extend(blocks.into_iter().map(|b| (b, why.clone())));
        }
        id = next.map_or(NodeId::new(id.index() + 1), |n| {
            n.max(NodeId::new(id.index() + 1))
        });
    }
    found
}

/// The lead-ins looked for: the table phrases of every language plus the user's, normalised.
struct Phrases {
    all: Vec<String>,
    /// The phrases' first words, sorted: a text node whose first word is none of them has no
    /// lead-in, the one test most text nodes take.
    heads: Vec<String>,
}

impl Phrases {
    fn new(extra: &[String]) -> Phrases {
        let table = lang::all(|t| t.recirculation_leads).map(str::to_owned);
        let all: Vec<String> = table
            .chain(extra.iter().map(|p| text::normalise(p)))
            .filter(|p| !p.is_empty())
            .collect();
        let mut heads: Vec<String> = all.iter().map(|p| first_word(p).to_owned()).collect();
        heads.sort_unstable();
        heads.dedup();
        Phrases { all, heads }
    }

    /// Whether `word` (as written) opens some phrase.
    fn opens(&self, word: &str) -> bool {
        let lower = if word.is_ascii() {
            word.to_ascii_lowercase()
        } else {
            word.to_lowercase()
        };
        self.heads.binary_search(&lower).is_ok()
    }
}

/// The first run of letters and digits in `s`.
fn first_word(s: &str) -> &str {
    s.trim_start_matches(|c: char| !c.is_alphanumeric())
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
}

/// The lead-in at the start of a text node, if any. Inside a link it counts only when it opens
/// the link and a title follows it there ("<a>READ MORE: …</a>"): a bare "Read more" link is a
/// button, not an insert.
fn lead_of(page: &Page, stats: &Stats, phrases: &Phrases, id: NodeId) -> Option<Lead> {
    if !page.is_text(id) {
        return None;
    }
    let raw = page.text(id).trim_start();
    let first = first_word(raw);
    if first.is_empty() || !phrases.opens(first) {
        return None;
    }
    let head = match raw.char_indices().nth(LEAD_SCAN_CHARS) {
        Some((cut, _)) => &raw[..cut],
        None => raw,
    };
    let norm = text::normalise(head);
    let start = norm.trim_start_matches(|c: char| !c.is_alphanumeric());
    let lead = phrases
        .all
        .iter()
        .filter_map(|p| match_lead(start, p))
        .max_by_key(|lead| lead.words)?;
    if stats.in_link(id) {
        let link = page.ancestors(id).find(|&a| page.tag(a) == "a")?;
        let opens = stats.first_text(link) == Some(id) && stats.words(link) > lead.words;
        return (lead.titled && opens).then_some(lead);
    }
    Some(lead)
}

/// Whether `s` starts with `phrase` followed by nothing but punctuation, or by a title after a
/// colon or an opening quote. A phrase ending in a colon ("more:") needs that colon: bare, its
/// words are a menu or a heading.
fn match_lead(s: &str, phrase: &str) -> Option<Lead> {
    let (words, needs_colon) = match phrase.strip_suffix(':') {
        Some(words) => (words, true),
        None => (phrase, false),
    };
    let rest = s.strip_prefix(words)?;
    let after = rest.trim_start();
    let colon = after.starts_with(':');
    let quoted = !needs_colon && after.starts_with(OPENING_QUOTES);
    let bare = !needs_colon && !rest.chars().any(char::is_alphanumeric);
    (colon || quoted || bare).then(|| Lead {
        words: text::stats(words).words,
        titled: colon || quoted,
    })
}

/// The lead-in as written at the start of `text`: its words, and the colon after them.
fn lead_text(text: &str, lead: Lead) -> &str {
    let text = text.trim_start();
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let alnum = c.is_alphanumeric();
        if in_word && !alnum {
            words += 1;
            if words == lead.words {
                let rest = &text[i..];
                let colon = rest
                    .find(':')
                    .filter(|&k| lead.titled && rest[..k].trim().is_empty())
                    .map_or(0, |k| k + 1);
                return &text[..i + colon];
            }
        }
        in_word = alnum;
    }
    text
}

/// The class or id that marks `id` as a recirculation box, if one does.
fn marker_name(page: &Page, id: NodeId) -> Option<&str> {
    if !page.is_element(id) {
        return None;
    }
    let has_marker = |v: &str| {
        // Markers are matched lower-cased with `-` and `_` squashed out, in a stack buffer:
        // this runs on every class of every element.
        let mut buf = [0u8; MARKER_SCAN_BYTES];
        let mut len = 0;
        for b in v.bytes().filter(|b| !matches!(b, b'-' | b'_')) {
            if len == buf.len() {
                break;
            }
            buf[len] = b.to_ascii_lowercase();
            len += 1;
        }
        let squashed = &buf[..len];
        CLASS_MARKERS
            .iter()
            .any(|m| squashed.windows(m.len()).any(|w| w == m.as_bytes()))
            || CLASS_PREFIXES
                .iter()
                .any(|m| squashed.starts_with(m.as_bytes()))
    };
    page.classes(id)
        .find(|c| has_marker(c) || CLASS_TOKENS.contains(c))
        .or_else(|| page.attr(id, "id").filter(|v| has_marker(v)))
}

struct Finder<'a> {
    page: &'a Page,
    stats: &'a Stats,
    /// The lead-in of each text node that starts with one.
    leads: Vec<Option<Lead>>,
    /// The previous sibling of each node that is not blank (see [`Finder::is_blank`]).
    prev: Vec<Option<NodeId>>,
}

impl<'a> Finder<'a> {
    fn new(page: &'a Page, stats: &'a Stats, phrases: &Phrases) -> Finder<'a> {
        let leads = page
            .ids()
            .map(|id| lead_of(page, stats, phrases, id))
            .collect();
        let mut finder = Finder {
            page,
            stats,
            leads,
            prev: vec![None; page.len()],
        };
        for parent in page.ids() {
            let mut last = None;
            for child in page.children(parent) {
                finder.prev[child.index()] = last;
                if !finder.is_blank(child) {
                    last = Some(child);
                }
            }
        }
        finder
    }

    /// A marked element, grown to its wrapper, unless it holds prose.
    fn marker_block(&self, id: NodeId) -> Option<NodeId> {
        (!self.stats.holds_prose(id)).then(|| self.grow(id))
    }

    /// The block(s) of the insert introduced by the lead-in text node `text`, or none.
    fn lead_blocks(&self, text: NodeId, lead: Lead) -> Vec<NodeId> {
        let Some(parent) = self.page.parent(text) else {
            return Vec::new();
        };
        let block = self.grow(parent);
        if (self.is_insert(block) || self.is_text_insert(block))
            && self.starts_line(block)
            && self.ends_line(block)
        {
            return vec![block];
        }
        // An insert element appended to a paragraph after its last sentence ("… kata dia.
        // <strong>Baca juga: <a>…</a></strong>"): a new sentence, a colon, links, and the end.
        if lead.titled
            && self.page.is_element(block)
            && self.is_insert(block)
            && self.starts_sentence(block)
            && self
                .page
                .next_sibling(block)
                .is_none_or(|n| self.is_blank(n))
        {
            return vec![block];
        }
        // The lead-in stands alone: its own element, or the bare text inside a container.
        let Some(head) = [block, text]
            .into_iter()
            .find(|&h| self.is_heading(h, text, lead))
        else {
            return Vec::new();
        };
        if !self.starts_line(head) {
            return Vec::new();
        }
        let mut res: Vec<NodeId> = Vec::new();
        if let Some(links) = self.line_links(head) {
            res.extend(links);
        } else if let Some(list) = self.link_list_after(head) {
            // The headed list may be a run of blocks of links, one headline each.
            res.push(list);
            let mut last = list;
            while res.len() < HEADED_MAX_BLOCKS {
                let Some(next) = self.link_list_after(last) else {
                    break;
                };
                res.push(next);
                last = next;
            }
        } else {
            return res;
        }
        // A bare lead-in text node is reported too: the live adapter wraps it to hide it.
        res.insert(0, head);
        res
    }

    /// The largest ancestor-or-self of `id` that adds nothing but links, or that is itself an
    /// insert, and holds no prose.
    fn grow(&self, mut id: NodeId) -> NodeId {
        while let Some(parent) = self.page.parent(id) {
            let same_text = self.stats.plain_words(parent) == self.stats.plain_words(id);
            let absorbs = self.page.is_element(parent)
                && !stats::is_frame(self.page.tag(parent))
                && !self.stats.holds_prose(parent)
                && (same_text || self.is_insert(parent) || self.is_text_insert(parent));
            if !absorbs {
                break;
            }
            id = parent;
        }
        id
    }

    /// A lead-in first, then links, and almost nothing else.
    fn is_insert(&self, id: NodeId) -> bool {
        let Some(lead) = self.first_lead(id) else {
            return false;
        };
        self.stats.link_words(id) > 0
            && self.stats.plain_words(id) <= lead.words + INSERT_SLACK_WORDS
    }

    /// "Lead-in: headline" with no link, and short.
    fn is_text_insert(&self, id: NodeId) -> bool {
        let Some(lead) = self.first_lead(id) else {
            return false;
        };
        let words = self.stats.words(id);
        lead.titled
            && self.stats.link_words(id) == 0
            && words > lead.words
            && words <= TEXT_INSERT_MAX_WORDS
    }

    /// An element holding only the lead-in (a heading "Berita Terkait", a `<strong>Baca Juga:`).
    fn is_heading(&self, id: NodeId, text: NodeId, lead: Lead) -> bool {
        self.stats.first_text(id) == Some(text)
            && self.stats.link_words(id) == 0
            && self.stats.plain_words(id) <= lead.words + INSERT_SLACK_WORDS
    }

    fn first_lead(&self, id: NodeId) -> Option<Lead> {
        self.leads[self.stats.first_text(id)?.index()]
    }

    /// Whether `id` begins a line: a block, or preceded by a line break or a block, or first in an
    /// inline parent that begins a line.
    fn starts_line(&self, mut id: NodeId) -> bool {
        loop {
            if self.is_block(id) {
                return true;
            }
            if let Some(prev) = self.prev[id.index()] {
                return self.breaks_line(prev);
            }
            match self.page.parent(id) {
                Some(parent) => id = parent,
                None => return true,
            }
        }
    }

    /// Whether the line ends after `id`: a block, or followed by a line break or a block, or last
    /// in an inline parent that ends its line ("<a>Read more: …</a> is the question …" does not).
    fn ends_line(&self, mut id: NodeId) -> bool {
        loop {
            if self.is_block(id) {
                return true;
            }
            if let Some(next) = self.next_filled(id) {
                return self.breaks_line(next);
            }
            match self.page.parent(id) {
                Some(parent) => id = parent,
                None => return true,
            }
        }
    }

    /// The next sibling of `id` that is not blank.
    fn next_filled(&self, id: NodeId) -> Option<NodeId> {
        let mut next = self.page.next_sibling(id);
        while let Some(n) = next.filter(|&n| self.is_blank(n)) {
            next = self.page.next_sibling(n);
        }
        next
    }

    /// Whether `id` follows the end of a sentence in its parent's text.
    fn starts_sentence(&self, id: NodeId) -> bool {
        let Some(prev) = self.prev[id.index()] else {
            return false;
        };
        let ends = |s: &str| {
            s.trim_end()
                .ends_with(['.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}', ')'])
        };
        self.page.is_text(prev) && ends(self.page.text(prev))
    }

    /// The links that complete the line after `head`, separated only by punctuation, if the
    /// line then ends.
    fn line_links(&self, head: NodeId) -> Option<Vec<NodeId>> {
        let mut links = Vec::new();
        let mut next = self.page.next_sibling(head);
        while let Some(id) = next {
            if self.page.tag(id) == "a" && self.stats.link_words(id) > 0 {
                links.push(id);
            } else if !self.is_blank(id) {
                break;
            }
            next = self.page.next_sibling(id);
        }
        let line_ends = next.is_none_or(|id| self.breaks_line(id));
        (!links.is_empty() && line_ends).then_some(links)
    }

    /// A list made almost only of links right after `head` (blank nodes skipped).
    fn link_list_after(&self, head: NodeId) -> Option<NodeId> {
        let list = self.next_filled(head)?;
        let words = self.stats.words(list) as f32;
        let links = self.stats.link_words(list) as f32;
        (self.is_block(list) && links > 0.0 && links >= LIST_MIN_LINK_DENSITY * words)
            .then_some(list)
    }

    /// Whitespace or punctuation text, or an element without words or media (a script).
    fn is_blank(&self, id: NodeId) -> bool {
        self.page.tag(id) != "br" && self.stats.words(id) == 0 && self.stats.media(id) == 0
    }

    fn breaks_line(&self, id: NodeId) -> bool {
        self.page.tag(id) == "br" || self.is_block(id)
    }

    fn is_block(&self, id: NodeId) -> bool {
        stats::is_block(self.page.tag(id))
    }
}
