//! Document-level repairs after tagging each sentence on its own.
//!
//! The tagger sees one sentence at a time, so it may call "Kabulov" a place three paragraphs
//! after it tagged "Zamir Kabulov" a person, or miss a bare surname altogether. A news article
//! names the same thing the same way throughout, so after tagging, the whole document votes:
//! - months and weekdays are cut from the edges of any entity ("Senin" is never a name), and
//!   articles from its front ("The [United Nations]");
//! - titles are cut from the front of a person ("Presiden [Joko Widodo]");
//! - a name seen as an entity gets its majority type everywhere, and the parts of a person's
//!   full name count as that person ("Kabulov" after "Zamir Kabulov");
//! - a capitalised word or word run left untagged that matches a known person gets tagged.
//!
//! Only persons are filled in: filling places and organisations too cost 2 points of F1 on the
//! idner-news-2k dev set, whose annotators often leave country names untagged.

use std::collections::HashMap;

use super::cues::{self, Class};
use super::{spans, Kind, Span, Tag};

/// One sentence under repair: its words, their cue classes, their tags.
pub(crate) struct Sentence<'a> {
    pub words: Vec<&'a str>,
    pub cues: Vec<Class>,
    pub tags: Vec<Tag>,
}

/// Shortest person-name part (in bytes) that is propagated on its own: shorter parts ("Hj", "Al",
/// "Di") are too often words or particles.
const MIN_NAME_PART_LEN: usize = 3;

/// Votes a full-span occurrence casts for its type, against the vote a person's name part casts.
/// A full name outweighs one stray tag of its surname as something else ("Zamir Kabulov" …
/// "Kabulov" tagged a place); a word tagged a place twice outweighs one full name it was part of.
const SPAN_VOTE: u32 = 2;
const PART_VOTE: u32 = 3;

/// Applies every repair, in order.
pub(crate) fn repair(doc: &mut [Sentence<'_>]) {
    for s in doc.iter_mut() {
        split_at_possessives(s);
        trim(s);
    }
    let votes = collect_votes(doc);
    for s in doc.iter_mut() {
        relabel(s, &votes);
        fill(s, &votes);
    }
}

/// Ends an entity at an English possessive: "New Zealand ’s Northland" names two things, and
/// the part after the possessive starts an entity of the same type.
fn split_at_possessives(s: &mut Sentence<'_>) {
    for span in spans(&s.tags) {
        for k in span.start + 1..span.end {
            if matches!(s.words[k], "'s" | "’s" | "'S" | "’S") {
                s.tags[k] = Tag::O;
                if let Some(Tag::I(kind)) = s.tags.get(k + 1).copied() {
                    s.tags[k + 1] = Tag::B(kind);
                }
            }
        }
    }
}

/// Cuts calendar words and bare punctuation from both edges of every entity, articles from its
/// front, titles from the front of persons and degrees from their end ("dr. Wismandari Wisnu
/// SpPD-KEMD"). A closing bracket stays when the entity opened it ("Badan Pengawas Obat dan
/// Makanan (BPOM)").
fn trim(s: &mut Sentence<'_>) {
    for span in spans(&s.tags) {
        let mut start = span.start;
        let mut end = span.end;
        while start < end
            && (s.cues[start] & (cues::CALENDAR | cues::ARTICLE) != 0
                || is_bare_punctuation(s.words[start])
                || (span.kind == Kind::Per && s.cues[start] & cues::TITLE != 0))
        {
            start += 1;
        }
        while end > start
            && (s.cues[end - 1] & cues::CALENDAR != 0
                || (is_bare_punctuation(s.words[end - 1])
                    && !(s.words[end - 1] == ")" && s.words[start..end].contains(&"(")))
                || (span.kind == Kind::Per && end - start > 1 && is_degree(s.words[end - 1])))
        {
            end -= 1;
        }
        if (start, end) != (span.start, span.end) {
            set_span(&mut s.tags, span.start, span.end, None);
            if start < end {
                set_span(&mut s.tags, start, end, Some(span.kind));
            }
        }
    }
}

/// An academic or medical degree as Indonesian news writes it after a name: dotted
/// abbreviations ("S.H.", "M.Si", "Sp.A", "Ph.D") and specialist codes ("SpPD", "SpOG",
/// "SpPD-KEMD"). Only a name's last word is tested, so initials, which come first ("B.J.
/// Habibie"), stay; a single initial ("George W. Bush") has no inner dot.
fn is_degree(word: &str) -> bool {
    let parts: Vec<&str> = word.trim_end_matches('.').split('.').collect();
    let dotted = parts.len() > 1
        && parts.iter().all(|p| {
            let mut c = p.chars();
            c.next().is_some_and(char::is_uppercase) && p.len() <= 4 && c.all(char::is_lowercase)
        });
    let code = word.strip_prefix("Sp").is_some_and(|rest| {
        let (main, sub) = rest.split_once('-').unwrap_or((rest, "A"));
        (1..=4).contains(&main.len())
            && main.chars().all(|c| c.is_ascii_uppercase())
            && !sub.is_empty()
            && sub.chars().all(|c| c.is_ascii_uppercase())
    });
    dotted || code
}

fn is_bare_punctuation(word: &str) -> bool {
    !word.chars().any(char::is_alphanumeric)
}

/// Writes one span's tags (or `O` when `kind` is `None`).
fn set_span(tags: &mut [Tag], start: usize, end: usize, kind: Option<Kind>) {
    for (k, t) in tags[start..end].iter_mut().enumerate() {
        *t = match kind {
            None => Tag::O,
            Some(kind) if k == 0 => Tag::B(kind),
            Some(kind) => Tag::I(kind),
        };
    }
    // A following `I-` now has nothing to continue: it opens its own span.
    if let Some(Tag::I(k)) = tags.get(end).copied() {
        if kind != Some(k) {
            tags[end] = Tag::B(k);
        }
    }
}

/// Vote counts per name text, by type (PER, ORG, LOC).
type Votes = HashMap<String, [u32; 3]>;

fn span_text(s: &Sentence<'_>, span: &Span) -> String {
    s.words[span.start..span.end].join(" ")
}

fn collect_votes(doc: &[Sentence<'_>]) -> Votes {
    let mut votes = Votes::new();
    for s in doc {
        for span in spans(&s.tags) {
            votes.entry(span_text(s, &span)).or_default()[span.kind as usize] += SPAN_VOTE;
            if span.kind != Kind::Per || span.end - span.start < 2 {
                continue;
            }
            for k in span.start..span.end {
                if is_name_part(s, k) {
                    votes.entry(s.words[k].to_string()).or_default()[0] += PART_VOTE;
                }
            }
        }
    }
    votes
}

fn is_name_part(s: &Sentence<'_>, k: usize) -> bool {
    let w = s.words[k];
    w.len() >= MIN_NAME_PART_LEN
        && s.cues[k] == 0
        && w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().all(char::is_alphabetic)
}

/// The type with the most votes, if one has strictly more than every other.
fn majority(v: &[u32; 3]) -> Option<Kind> {
    let best = (0..3).max_by_key(|&k| v[k])?;
    let unique = (0..3).all(|k| k == best || v[k] < v[best]);
    (v[best] > 0 && unique).then_some(Kind::ALL[best])
}

/// Gives each entity the majority type of its text.
fn relabel(s: &mut Sentence<'_>, votes: &Votes) {
    for span in spans(&s.tags) {
        let Some(v) = votes.get(&span_text(s, &span)) else {
            continue;
        };
        if let Some(kind) = majority(v) {
            if kind != span.kind {
                set_span(&mut s.tags, span.start, span.end, Some(kind));
            }
        }
    }
}

/// Tags capitalised runs left outside entities when they match a known name whole.
fn fill(s: &mut Sentence<'_>, votes: &Votes) {
    let mut i = 0;
    while i < s.words.len() {
        if s.tags[i] != Tag::O || !starts_upper(s.words[i]) || s.cues[i] != 0 {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < s.words.len()
            && s.tags[end] == Tag::O
            && starts_upper(s.words[end])
            && s.cues[end] == 0
        {
            end += 1;
        }
        let text = s.words[i..end].join(" ");
        if let Some(Kind::Per) = votes.get(&text).and_then(majority) {
            set_span(&mut s.tags, i, end, Some(Kind::Per));
        }
        i = end;
    }
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{token_infos, TokenInfo};
    use crate::lexicon::Lexicon;

    fn check(sentences: &[(&str, &str)], want: &[&str]) {
        let mut infos: Vec<TokenInfo> = Vec::new();
        let mut doc: Vec<Sentence<'_>> = sentences
            .iter()
            .map(|(words, tags)| {
                let words: Vec<&str> = words.split(' ').collect();
                token_infos(&Lexicon::embedded(), &words, None, &mut infos);
                Sentence {
                    cues: infos.iter().map(|i| i.cue).collect(),
                    tags: tags.split(' ').map(|t| Tag::parse(t).unwrap()).collect(),
                    words,
                }
            })
            .collect();
        repair(&mut doc);
        let got: Vec<String> = doc
            .iter()
            .map(|s| {
                s.tags
                    .iter()
                    .map(|t| t.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn titles_and_calendar_words_leave_entities() {
        check(
            &[(
                "kata Presiden Joko Widodo , Senin",
                "O B-PER I-PER I-PER O B-LOC",
            )],
            &["O O B-PER I-PER O O"],
        );
        check(&[("pada Selasa Jakarta", "O B-LOC I-LOC")], &["O O B-LOC"]);
    }

    #[test]
    fn bare_punctuation_leaves_entities_but_a_closed_bracket_stays() {
        check(&[("- Budi ,", "B-ORG I-ORG I-ORG")], &["O B-ORG O"]);
        check(
            &[("Badan Pengawas ( BPOM )", "B-ORG I-ORG I-ORG I-ORG I-ORG")],
            &["B-ORG I-ORG I-ORG I-ORG I-ORG"],
        );
    }

    #[test]
    fn degrees_leave_the_end_of_persons() {
        check(
            &[("dr. Wismandari Wisnu SpPD-KEMD", "O B-PER I-PER I-PER")],
            &["O B-PER I-PER O"],
        );
        check(
            &[("Budi Santoso S.H. M.Si", "B-PER I-PER I-PER I-PER")],
            &["B-PER I-PER O O"],
        );
        // Initials are part of a name.
        check(&[("B.J. Habibie", "B-PER I-PER")], &["B-PER I-PER"]);
        check(
            &[("George W. Bush", "B-PER I-PER I-PER")],
            &["B-PER I-PER I-PER"],
        );
        assert!(is_degree("Sp.A") && is_degree("Ph.D") && is_degree("SpOG"));
        assert!(!is_degree("Spanyol") && !is_degree("SPBU") && !is_degree("H."));
    }

    #[test]
    fn a_possessive_ends_an_entity() {
        check(
            &[("New Zealand ’s Northland", "B-LOC I-LOC I-LOC I-LOC")],
            &["B-LOC I-LOC O B-LOC"],
        );
    }

    #[test]
    fn surname_takes_the_type_of_the_full_name() {
        check(
            &[
                ("Zamir Kabulov tiba", "B-PER I-PER O"),
                ("Menurut Kabulov , Kabulov setuju", "O B-LOC O O O"),
            ],
            &["B-PER I-PER O", "O B-PER O B-PER O"],
        );
    }
}
