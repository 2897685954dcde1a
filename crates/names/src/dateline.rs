//! Datelines: news text opens with the place it was filed from, in capitals, then the outlet
//! or a colon ("JAKARTA, KOMPAS.com –", "PUTRAJAYA:", "LHOKSEUMAWE, KOMPAS.com -"). The model
//! reads a word in capitals as an acronym, so an organisation; a sentence that opens with a
//! capitals run naming a known place, followed by one of those marks, is tagged a place.

use super::features::{TokenInfo, GAZ_PLACE_BEGIN, GAZ_PLACE_INSIDE, GAZ_PLACE_WHOLE};
use super::{Kind, Tag};

/// Marks that end a dateline.
const ENDS: [&str; 5] = [",", ":", "-", "–", "—"];

/// Tags an opening dateline as a place (see the module docs).
pub(crate) fn tag_dateline(words: &[&str], infos: &[TokenInfo], tags: &mut [Tag]) {
    let place = GAZ_PLACE_BEGIN | GAZ_PLACE_INSIDE | GAZ_PLACE_WHOLE;
    let end = words
        .iter()
        .position(|w| !is_capitals(w))
        .unwrap_or(words.len());
    let known = end > 0 && infos[..end].iter().all(|i| i.gaz & place != 0);
    if !known || !words.get(end).is_some_and(|w| ENDS.contains(w)) {
        return;
    }
    for (k, t) in tags[..end].iter_mut().enumerate() {
        *t = if k == 0 {
            Tag::B(Kind::Loc)
        } else {
            Tag::I(Kind::Loc)
        };
    }
    if let Some(Tag::I(k)) = tags.get(end).copied() {
        tags[end] = Tag::B(k);
    }
}

/// A word of letters in capitals, two or more of them.
fn is_capitals(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| c.is_alphabetic() && c.is_uppercase())
}
