//! Who wrote, edited and supplied the article: byline, editor and source.
//!
//! Why labels first: Indonesian pages print credits as labelled lines ("Penulis: A | Editor: B",
//! "Rep: A / Red: B", "Pewarta: A", "Sumber: Antara"), often inside the article body, where they
//! must also be taken out of the text; one line may hold several labels. English pages mark the
//! byline element instead (`rel=author`, `itemprop=author`, a class such as `byline`). Declared
//! authors (JSON-LD, `<meta name=author>`) still win, since they are written for machines.

use super::head::{has_token, Head};
use super::jsonld::Article;
use super::{class_or_id_contains, is_block, lines, mentions_domain, Scope};
use crate::lang::{all, Table, TABLES};
use crate::page::{NodeId, Page};
use crate::text::{normalise, words};

/// Credits found on the page, and the nodes that print them.
#[derive(Debug, Default)]
pub(super) struct Credits {
    pub byline: Option<String>,
    pub editor: Option<String>,
    pub source: Option<String>,
    /// The visible byline element matching the byline, if any.
    pub byline_node: Option<NodeId>,
    /// Containers of labelled credit lines.
    pub lines: Vec<NodeId>,
}

/// Meta keys naming authors, best first (`content_author` is kompas', `jpnncom_news_author`
/// jpnn's).
const AUTHOR_KEYS: &[&str] = &[
    "dc:creator",
    "dcterm:creator",
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "content_author",
    "jpnncom_news_author",
];

/// Class or id fragments of byline elements: markup conventions, in English and Indonesian.
const BYLINE_HINTS: &[&str] = &[
    "author",
    "byline",
    "journalist",
    "jurnalis",
    "penulis",
    "reporter",
    "wartawan",
    "writer",
];

/// Class or id fragments of reader comments, whose authors are not the article's.
const COMMENT_HINTS: &[&str] = &["comment", "komentar"];

/// A byline is a few names: longer text is a bio or prose (Readability uses the same bound).
const NAME_MAX_CHARS: usize = 100;

/// Words of a byline printed without a colon ("By Ana Lee and Budi"): more is a sentence.
const MAX_NAME_WORDS: usize = 8;

/// Lower-case words allowed inside a name ("and", "dan", "van", "bin").
const MAX_PARTICLE_CHARS: usize = 3;

/// Nodes in a credit line's container: a line is a few elements; a bigger subtree is a section.
const LINE_MAX_NODES: usize = 40;

/// Nodes in a byline element: a name, a link, an avatar, a date.
const BYLINE_MAX_NODES: usize = 24;

/// Text after a byline that is not part of it: " - detikNews", " | 24 Juli 2026".
const CUT_MARKS: &[&str] = &["|", "\u{2022}", " - ", " \u{2013} ", " \u{2014} "];

/// What a label introduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Byline,
    Editor,
    Source,
}

/// The authors the page declares in JSON-LD or meta tags (a publisher's domain is no author).
pub(super) fn declared_byline(head: &Head, article: Option<&Article>) -> Option<String> {
    let declared = article
        .map(|a| a.authors.join(", "))
        .filter(|a| !a.is_empty());
    declared.or_else(|| {
        head.get(AUTHOR_KEYS)
            .filter(|a| !mentions_domain(a) && !names_publisher(a))
            .map(str::to_string)
    })
}

/// Words that mark a meta author as the publishing company, not a person ("Kompas Cyber Media",
/// "Tribun Network", "Tim Redaksi"): sites often put themselves in `<meta name=author>`.
const PUBLISHER_WORDS: &[&str] = &["group", "media", "network", "news", "redaksi", "tim"];

fn names_publisher(author: &str) -> bool {
    words(author).any(|w| PUBLISHER_WORDS.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

pub(super) fn find(page: &Page, scope: &Scope, head: &Head, article: Option<&Article>) -> Credits {
    let labels = labels();
    let labelled = labelled_lines(page, scope, &labels);
    let element = byline_element(page, scope, &labels);
    let shown = [labelled.byline.clone(), element.clone()]
        .into_iter()
        .flatten()
        .min_by_key(|b| b.1);
    let byline = declared_byline(head, article).or_else(|| shown.as_ref().map(|s| s.0.clone()));
    let byline_node = element
        .filter(|e| byline.as_deref().is_some_and(|b| overlaps(b, &e.0)))
        .map(|e| e.1);
    let editors = article
        .map(|a| a.editors.join(", "))
        .filter(|e| !e.is_empty());
    Credits {
        byline,
        editor: editors.or(labelled.editor),
        source: labelled.source,
        byline_node,
        lines: labelled.nodes,
    }
}

/// Every credit label of every table, longest first so "reporting by" wins over "rep".
fn labels() -> Vec<(&'static str, Field)> {
    let field = |f: fn(&Table) -> &'static [&'static str], field| all(f).map(move |l| (l, field));
    let mut labels: Vec<_> = field(|t| t.byline_labels, Field::Byline)
        .chain(field(|t| t.editor_labels, Field::Editor))
        .chain(field(|t| t.source_labels, Field::Source))
        .collect();
    labels.sort_by_key(|l| std::cmp::Reverse(l.0.len()));
    labels
}

#[derive(Default)]
struct Labelled {
    byline: Option<(String, NodeId)>,
    editor: Option<String>,
    source: Option<String>,
    nodes: Vec<NodeId>,
}

/// Labelled credit lines in scope: the first value of each field, and every line's container.
fn labelled_lines(page: &Page, scope: &Scope, labels: &[(&str, Field)]) -> Labelled {
    let mut res = Labelled::default();
    let mut i = scope.start.index();
    while i < scope.end.index() {
        let id = NodeId::new(i);
        i += 1;
        if !page.is_text(id) || page.is_hidden(id) || !mentions_label(page.text(id), labels) {
            continue;
        }
        let Some(container) = line_container(page, id) else {
            continue;
        };
        let found: Vec<(Field, String)> = lines(page, container)
            .iter()
            .flat_map(|l| segments(l, labels))
            .collect();
        if found.is_empty() {
            continue;
        }
        for (field, value) in found {
            match field {
                Field::Byline if res.byline.is_none() => res.byline = Some((value, container)),
                Field::Editor if res.editor.is_none() => res.editor = Some(value),
                Field::Source if res.source.is_none() => res.source = Some(value),
                _ => {}
            }
        }
        res.nodes.push(container);
        i = i.max(page.skip(container).index());
    }
    res
}

/// The element that holds a text node's line: its nearest block ancestor, if that is small and
/// not a caption (captions credit the photo, not the article); in a bigger block, the inline
/// element around the text that is a line of its own between blocks (`<h1>…</h1><strong>Fotografer:
/// …</strong><div>`).
fn line_container(page: &Page, text: NodeId) -> Option<NodeId> {
    let block = page
        .ancestors(text)
        .find(|&a| is_block(page.tag(a)) || !page.is_element(a))?;
    if !page.is_element(block) || page.tag(block) == "figcaption" {
        return None;
    }
    if page.subtree(block).len() <= LINE_MAX_NODES {
        return Some(block);
    }
    let inline = page
        .ancestors(text)
        .take_while(|&a| a != block)
        .last()
        .filter(|&a| page.is_element(a) && page.subtree(a).len() <= LINE_MAX_NODES)?;
    let breaks = |n: Option<NodeId>| {
        n.is_none_or(|n| page.is_element(n) && (is_block(page.tag(n)) || page.tag(n) == "br"))
    };
    (breaks(page.prev_filled(inline)) && breaks(page.next_filled(inline))).then_some(inline)
}

/// Cheap test before the real parse: the first word of a label occurs as a word in the text.
/// Runs on every text node in scope, so it compares words in place (labels are ASCII).
fn mentions_label(text: &str, labels: &[(&str, Field)]) -> bool {
    // Without a colon only a label opening the text can count ("Oleh Ana", "By Ana").
    let words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    let scanned = if text.contains(':') { usize::MAX } else { 1 };
    words
        .take(scanned)
        .filter(|w| (2..=MAX_LABEL_WORD).contains(&w.len()))
        .any(|w| {
            labels.iter().any(|(label, _)| {
                let (l, w) = (label.as_bytes(), w.as_bytes());
                l.len() >= w.len()
                    && l[..w.len()].eq_ignore_ascii_case(w)
                    && l.get(w.len()).is_none_or(|&b| b == b' ')
            })
        })
}

/// Longest first word of any credit label ("reporting", "penyunting"), in bytes.
const MAX_LABEL_WORD: usize = 12;

/// Whether byte `i` of `s` starts or ends a word.
fn word_boundary(s: &str, i: usize) -> bool {
    let before = s[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let after = s[i..].chars().next().is_some_and(char::is_alphanumeric);
    before != after
}

/// The labelled values of one line: "Penulis: A | Editor: B" gives `[(Byline, A), (Editor, B)]`.
/// A label needs a colon, except before a name a byline label opening the line ("By Ana Lee") or
/// a label ending in "by" after another ("Reporting by Ana Lee; Editing by Bob Stone").
fn segments(line: &str, labels: &[(&str, Field)]) -> Vec<(Field, String)> {
    let starts = label_starts(line, labels);
    let mut out = Vec::new();
    for (n, &(start, value_start, field, colon)) in starts.iter().enumerate() {
        let value_end = starts.get(n + 1).map_or(line.len(), |next| next.0);
        let value = clean_value(&line[value_start..value_end]);
        let valid = !value.is_empty() && value.chars().count() <= NAME_MAX_CHARS;
        let label = line[start..value_start].trim_end().to_ascii_lowercase();
        let bare =
            line[..start].trim_start_matches(['(', '[']).is_empty() || label.ends_with(" by");
        if valid && (colon || (bare && looks_like_name(&value))) {
            out.push((field, value));
        }
    }
    out
}

/// `(label start, value start, field, has colon)` for each label occurrence that can open a
/// value: with a colon anywhere, or at the start of the line for byline labels.
fn label_starts(line: &str, labels: &[(&str, Field)]) -> Vec<(usize, usize, Field, bool)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < line.len() {
        // Mid-phrase labels only continue a credit line that an earlier label opened.
        let at_word = line.is_char_boundary(i)
            && word_boundary(line, i)
            && (after_separator(line, i) || !out.is_empty());
        let hit = at_word
            .then(|| labels.iter().find(|(l, _)| starts_with_label(line, i, l)))
            .flatten();
        let Some(&(label, field)) = hit else {
            i += 1;
            continue;
        };
        let after = i + label.len();
        let rest = line[after..].trim_start();
        let colon = rest.starts_with(':');
        let value_start = line.len() - rest.len() + usize::from(colon);
        // "… by" ends a label before a name as a colon does: "Reporting by A; Editing by B".
        let by = label.ends_with(" by") && !out.is_empty();
        // A line may open with a bracket: "(Reporting by A; Editing by B)".
        let opens = line[..i].trim_start_matches(['(', '[']).is_empty();
        if colon || by || (opens && field == Field::Byline) {
            out.push((i, value_start, field, colon));
        }
        i = after;
    }
    out
}

/// Whether a label at `i` can open a credit line: at the start of the line or after a separator
/// such as "|" or "/", not inside a phrase ("Pilihan Editor:" is tempo's recirculation).
fn after_separator(line: &str, i: usize) -> bool {
    line[..i]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

fn starts_with_label(line: &str, i: usize, label: &str) -> bool {
    let end = i + label.len();
    end <= line.len()
        && line.as_bytes()[i..end].eq_ignore_ascii_case(label.as_bytes())
        && line.is_char_boundary(end)
        && !line[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// A value cut before trailing matter (a separator, or a date: names hold no digits) and
/// trimmed of separators ("Ana Lee/ " and "Ana Lee Monday, March 9, 2017" give "Ana Lee").
fn clean_value(value: &str) -> String {
    let end = CUT_MARKS
        .iter()
        .filter_map(|m| value.find(m))
        .min()
        .unwrap_or(value.len());
    let value = cut_date(&value[..end]);
    let is_separator = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '|' | '/' | ',' | '-' | ':' | ';' | '\u{2013}' | '\u{2014}'
            )
    };
    let value = value.trim_matches(is_separator);
    // The bracket a credit line opened with closes after its last value.
    let value = match value.strip_suffix([')', ']']) {
        Some(v) if !v.contains(['(', '[']) => v.trim_end_matches(is_separator),
        _ => value,
    };
    value.to_string()
}

/// `value` up to its first word with a digit, without the month and weekday names before it;
/// empty when what precedes the date is a label.
fn cut_date(value: &str) -> &str {
    let word_starts = value.char_indices().filter(|&(i, c)| {
        !c.is_whitespace() && (i == 0 || value[..i].ends_with(char::is_whitespace))
    });
    let starts: Vec<usize> = word_starts.map(|(i, _)| i).collect();
    let word = |n: usize| {
        value[starts[n]..]
            .split(char::is_whitespace)
            .next()
            .unwrap_or("")
    };
    let Some(mut cut) = (0..starts.len()).find(|&n| word(n).contains(|c: char| c.is_ascii_digit()))
    else {
        return value;
    };
    while cut > 1 && is_calendar_word(word(cut - 1)) {
        cut -= 1;
    }
    let before = &value[..starts[cut]];
    // "Last Updated: January 7, 2025" is a labelled date, not a name before a date.
    if before.trim_end().ends_with(':') {
        ""
    } else {
        before
    }
}

/// A month or weekday name of any table, punctuation aside.
fn is_calendar_word(word: &str) -> bool {
    let word = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    all(|t| t.weekdays).any(|w| w == word)
        || TABLES.iter().any(|t| t.months.iter().any(|m| m.0 == word))
}

/// A few capitalised words, lower-case particles allowed between them.
fn looks_like_name(value: &str) -> bool {
    let ws: Vec<&str> = words(value).collect();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let particle = |w: &str| w.chars().count() <= MAX_PARTICLE_CHARS;
    ws.len() <= MAX_NAME_WORDS
        && ws.first().is_some_and(|w| capitalised(w))
        && ws.iter().all(|w| capitalised(w) || particle(w))
}

/// The first byline element in scope (`rel=author`, `itemprop=author`, a byline class or id) that
/// holds a short name, with its node. Comment sections are skipped.
fn byline_element(
    page: &Page,
    scope: &Scope,
    labels: &[(&str, Field)],
) -> Option<(String, NodeId)> {
    let mut i = scope.start.index();
    while i < scope.end.index() {
        let id = NodeId::new(i);
        i += 1;
        if !page.is_element(id) || page.is_hidden(id) {
            continue;
        }
        if class_or_id_contains(page, id, COMMENT_HINTS) {
            i = page.skip(id).index();
            continue;
        }
        let marked = page.attr(id, "rel").is_some_and(|r| has_token(r, "author"))
            || page
                .attr(id, "itemprop")
                .is_some_and(|r| has_token(r, "author"))
            || class_or_id_contains(page, id, BYLINE_HINTS);
        if !marked || page.subtree(id).len() > BYLINE_MAX_NODES || is_photo_credit(page, id) {
            continue;
        }
        if let Some(name) = lines(page, id)
            .first()
            .and_then(|l| byline_in_line(l, labels))
        {
            return Some((name, id));
        }
    }
    None
}

/// Class/id hints of photo boxes, whose "author" is the photographer.
const PHOTO_HINTS: &[&str] = &["caption", "foto", "image", "photo"];

/// Levels above a byline element searched for a photo box.
const PHOTO_CLIMB: usize = 3;

/// Whether a byline-like element credits a photo: it sits in a figure or a photo box
/// (kompas: `div.photo > span.author "KOMPAS.COM/MASRIADI"`).
fn is_photo_credit(page: &Page, id: NodeId) -> bool {
    page.ancestors(id).take(PHOTO_CLIMB).any(|a| {
        matches!(page.tag(a), "figure" | "figcaption") || class_or_id_contains(page, a, PHOTO_HINTS)
    })
}

/// The byline a byline element's first line gives: its labelled byline, or the whole line when
/// it carries no label at all (an "Editor: …" line in a byline box is not a byline).
fn byline_in_line(line: &str, labels: &[(&str, Field)]) -> Option<String> {
    if !label_starts(line, labels).is_empty() {
        return segments(line, labels)
            .into_iter()
            .find(|s| s.0 == Field::Byline)
            .map(|s| s.1);
    }
    let value = clean_value(line);
    let valid = !value.is_empty() && value.chars().count() <= NAME_MAX_CHARS;
    valid.then_some(value)
}

/// Whether two bylines name the same people, one containing the other.
fn overlaps(a: &str, b: &str) -> bool {
    let (a, b) = (normalise(a), normalise(b));
    a.contains(&b) || b.contains(&a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expect: &[(Field, &str)]) {
        let got = segments(line, &labels());
        let got: Vec<(Field, &str)> = got.iter().map(|(f, v)| (*f, v.as_str())).collect();
        assert_eq!(got, expect, "{line:?}");
    }

    #[test]
    fn labelled_lines_split_into_fields() {
        use Field::*;
        check(
            "Penulis: Ana Lee | Editor: Budi",
            &[(Byline, "Ana Lee"), (Editor, "Budi")],
        );
        check(
            "Penulis : Ana Lee Editor: Budi",
            &[(Byline, "Ana Lee"), (Editor, "Budi")],
        );
        check(
            "Rep: Contoh Reporter/ Red: Contoh Redaktur",
            &[(Byline, "Contoh Reporter"), (Editor, "Contoh Redaktur")],
        );
        check("Pewarta: Ana", &[(Byline, "Ana")]);
        check("Sumber : Antara", &[(Source, "Antara")]);
        check(
            "Reporter : Ana | Jumat, 19 Juni 2015 03:40",
            &[(Byline, "Ana")],
        );
        check("By Ana Lee and Budi", &[(Byline, "Ana Lee and Budi")]);
        check("Oleh Ana Lee", &[(Byline, "Ana Lee")]);
        check("Written by Ana Lee - Staff", &[(Byline, "Ana Lee")]);
        check(
            "By GILLIAN MOHNEY March 11, 2015 3:46 PM",
            &[(Byline, "GILLIAN MOHNEY")],
        );
        check("Oleh: Ana Lee Senin, 16 Juni 2025", &[(Byline, "Ana Lee")]);
        check(
            "Reporting by Ana Lee; Editing by Bob Stone",
            &[(Byline, "Ana Lee"), (Editor, "Bob Stone")],
        );
        check("Laporan: Ana Lestari", &[(Byline, "Ana Lestari")]);
        check(
            "(Reporting by Ana Lee; Editing by Bob Stone)",
            &[(Byline, "Ana Lee"), (Editor, "Bob Stone")],
        );
    }

    #[test]
    fn prose_is_not_a_credit_line() {
        check("Oleh karena itu, rapat ditunda.", &[]);
        check("By the way, this is prose.", &[]);
        check("Sumber daya alam melimpah.", &[]);
        check("Editor's note: corrected.", &[]);
        check("Rep. John Lewis spoke.", &[]);
        check("Kata sumber itu.", &[]);
        check("Pilihan Editor: Analisis Kebijakan Moneter", &[]);
        check("Laporan keuangan perusahaan dirilis Senin.", &[]);
        check("By the lake, edited by nobody, stood a house.", &[]);
    }
}
