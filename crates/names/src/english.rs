//! Repairs for English name shapes that the model, trained on Indonesian only, cannot learn.
//!
//! English capitalises nationality and faith words ("Sudanese officials", "Muslim voters"),
//! which Indonesian writes in lower case: an entity made only of such words is dropped.
//!
//! Indonesian names an institution head first with no linking word ("Kementerian Kesehatan",
//! "Universitas Oxford"); English often links head and name with "of" ("Ministry of Health",
//! "University of Oxford", "Province of Aceh"). The model sees a lower-case "of" and splits the
//! name. After tagging an English sentence, a capitalised run holding an institution or place
//! head, then "of", then a capitalised run, becomes one entity of the head's kind.

use super::cues::{self, Class};
use super::features::TokenInfo;
use super::{Kind, Tag};

/// The linking word, lower case.
const LINK: &str = "of";

/// Drops entities made only of nationality and faith words (see the module docs).
pub(crate) fn drop_demonyms(infos: &[TokenInfo], tags: &mut [Tag]) {
    for span in super::spans(tags) {
        if infos[span.start..span.end]
            .iter()
            .all(|i| i.cue & cues::DEMONYM != 0)
        {
            tags[span.start..span.end].fill(Tag::O);
        }
    }
}

/// Joins "<Head …> of <Name …>" runs into one entity (see the module docs).
pub(crate) fn join_of_names(words: &[&str], infos: &[TokenInfo], tags: &mut [Tag]) {
    let mut i = 1;
    while i + 1 < words.len() {
        let joins = words[i] == LINK && infos[i - 1].cap_run > 0 && infos[i + 1].cap_run > 0;
        let Some(kind) = joins.then(|| head_kind(infos[i - 1].run_heads)).flatten() else {
            i += 1;
            continue;
        };
        let start = run_start(infos, i - 1);
        let mut end = i + 1;
        while end < words.len() && infos[end].cap_run > 0 {
            end += 1;
        }
        for (k, t) in tags[start..end].iter_mut().enumerate() {
            *t = if k == 0 { Tag::B(kind) } else { Tag::I(kind) };
        }
        if let Some(Tag::I(k)) = tags.get(end).copied() {
            tags[end] = Tag::B(k);
        }
        i = end;
    }
}

/// The kind a run's head words make it: an organisation head wins over a place head.
fn head_kind(heads: Class) -> Option<Kind> {
    if heads & (cues::ORG_HEAD | cues::ORG_TAIL) != 0 {
        Some(Kind::Org)
    } else if heads & cues::PLACE_HEAD != 0 {
        Some(Kind::Loc)
    } else {
        None
    }
}

/// First token of the capitalised run that `i` is in.
fn run_start(infos: &[TokenInfo], mut i: usize) -> usize {
    while i > 0 && infos[i - 1].cap_run > 0 {
        i -= 1;
    }
    i
}
