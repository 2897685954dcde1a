//! Names recalled from the training sets: a capitalised word sequence that the training
//! sentences of a genre mark as a name at least half the time, and that the tagger left wholly
//! untagged in a text of that genre, is tagged as those sentences mark it.
//!
//! Why: NERGrit's sentences come from a few hundred encyclopedia-like articles, so the same
//! names recur across sentences. The tagger remembers single words, but context often
//! outvotes that memory ("Burdigalense", "Nao Oikawa" missed in a list). Filling only what it
//! left untagged keeps its borders and types; names it tagged are never changed. Measured on
//! the NERGrit dev split with a lexicon from train plus the other half of dev (two folds):
//! +1.7 and +1.2 typed F1 in reference prose. News text recalls only people and
//! organisations: idner-news-2k marks a place name only where it stands for a place ("di
//! Indonesia", not "rakyat Indonesia"), which no memory of names can tell; with places the same
//! rule cost 0.8 on its dev split, without them it gains 0.4.
//!
//! Stored in the model file as a table of the hashes of the lower-case word sequences, salted
//! with the genre, each with its kind, and looked up where they lie.

use super::features::{mix, seq_hash, TokenInfo};
use super::tables::{Reader, Table};
use super::{Genre, Kind, Tag};

/// Longest recalled name, in tokens.
pub(crate) const MAX_TOKENS: usize = 6;

/// Names by [`key`] with their kind (an index of [`Kind::ALL`]), read in place from the model
/// file.
pub(crate) struct Recall<'a> {
    names: Table<'a, u64, u8>,
}

/// The kinds of name recalled in a genre; the project's own sentences recall none.
#[cfg(feature = "train")]
fn kinds(genre: Genre) -> &'static [Kind] {
    match genre {
        Genre::Reference => &Kind::ALL,
        Genre::News => &[Kind::Per, Kind::Org],
        Genre::Project => &[],
    }
}

/// The key of a word sequence in a genre.
fn key(infos: &[TokenInfo], genre: Genre) -> u64 {
    mix(seq_hash(infos.iter().map(|i| i.lower)), genre.salt())
}

impl<'a> Recall<'a> {
    /// Reads the names at the reader's position in a model file.
    pub(crate) fn read(r: &mut Reader<'a>) -> Option<Recall<'a>> {
        Some(Recall {
            names: Table::read(r)?,
        })
    }

    /// The kind of the name of `key`, if it is recalled (a kind code past [`Kind::ALL`], which
    /// only a damaged file holds, reads as not recalled).
    pub(crate) fn kind(&self, key: u64) -> Option<Kind> {
        Kind::ALL.get(usize::from(self.names.get(key)?)).copied()
    }

    /// Tags, left to right, the longest name of `genre` starting at each capitalised token
    /// where every tag of the name is `O`.
    pub(crate) fn fill(&self, infos: &[TokenInfo], genre: Genre, tags: &mut [Tag]) {
        if self.names.is_empty() {
            return;
        }
        let mut a = 0;
        while a < infos.len() {
            let found = (tags[a] == Tag::O && infos[a].is_capitalised())
                .then(|| self.longest_at(&infos[a..], genre, &tags[a..]))
                .flatten();
            let Some((len, kind)) = found else {
                a += 1;
                continue;
            };
            tags[a] = Tag::B(kind);
            for t in &mut tags[a + 1..a + len] {
                *t = Tag::I(kind);
            }
            a += len;
        }
    }

    /// The longest recalled name at the start of `infos` over untagged tokens only.
    fn longest_at(&self, infos: &[TokenInfo], genre: Genre, tags: &[Tag]) -> Option<(usize, Kind)> {
        let untagged = tags
            .iter()
            .take(MAX_TOKENS)
            .take_while(|&&t| t == Tag::O)
            .count();
        let mut best = None;
        for len in 1..=untagged {
            if let Some(kind) = self.kind(key(&infos[..len], genre)) {
                best = Some((len, kind));
            }
        }
        best
    }
}

/// Learns the names of `sentences` (words, gold tags and the genre they are written in):
/// a word sequence is kept with its most frequent kind when that kind marks at least half
/// of the sequence's occurrences in its genre, untagged ones included, and is recalled there.
/// Returns them sorted by key (the order the model file's table is written in).
#[cfg(feature = "train")]
pub(crate) fn learn<'a>(
    sentences: impl Iterator<Item = (&'a [TokenInfo], &'a [Tag], Genre)> + Clone,
) -> Vec<(u64, Kind)> {
    use std::collections::HashMap;
    // Per key: occurrences as a person, organisation, place, and untagged.
    let mut counts: HashMap<u64, [u32; 4]> = HashMap::new();
    for (infos, tags, genre) in sentences.clone() {
        for s in super::spans(tags) {
            if s.end - s.start <= MAX_TOKENS && kinds(genre).contains(&s.kind) {
                counts
                    .entry(key(&infos[s.start..s.end], genre))
                    .or_default()[s.kind as usize] += 1;
            }
        }
    }
    for (infos, tags, genre) in sentences {
        for a in 0..infos.len() {
            let untagged = tags[a..]
                .iter()
                .take(MAX_TOKENS)
                .take_while(|&&t| t == Tag::O)
                .count();
            for len in 1..=untagged {
                if let Some(c) = counts.get_mut(&key(&infos[a..a + len], genre)) {
                    c[3] += 1;
                }
            }
        }
    }
    let mut names: Vec<(u64, Kind)> = counts
        .into_iter()
        .filter_map(|(key, c)| {
            let best = (0..3).max_by_key(|&k| (c[k], std::cmp::Reverse(k)))?;
            let total: u32 = c.iter().sum();
            (2 * c[best] >= total).then_some((key, Kind::ALL[best]))
        })
        .collect();
    names.sort_unstable_by_key(|e| e.0);
    names
}

/// Writes names as [`learn`] returns them into a model file.
#[cfg(feature = "train")]
pub(crate) fn write(names: &[(u64, Kind)], out: &mut Vec<u8>) {
    let coded: Vec<(u64, u8)> = names.iter().map(|&(k, kind)| (k, kind as u8)).collect();
    Table::write(&coded, out);
}

#[cfg(all(test, feature = "train"))]
mod tests {
    use super::*;
    use crate::features::token_infos;
    use crate::lexicon::Lexicon;
    use bersih::lang::Lang;

    fn infos(text: &str) -> Vec<TokenInfo> {
        let words: Vec<&str> = text.split(' ').collect();
        let mut out = Vec::new();
        token_infos(&Lexicon::embedded(), &words, Some(Lang::Id), &mut out);
        out
    }

    #[test]
    fn recalls_names_marked_more_often_than_not_into_untagged_words_only() {
        use Kind::{Loc, Per};
        use Tag::{B, I, O};
        let train = [
            (
                "lagu Nao Oikawa di Bali",
                vec![O, B(Per), I(Per), O, B(Loc)],
            ),
            ("ke Bali", vec![O, B(Loc)]),
            ("pantai Bali Utara", vec![O, O, O]),
            ("Bintang Besar", vec![O, O]),
            ("oleh Bintang", vec![O, B(Per)]),
            ("di Bintang", vec![O, O]),
        ];
        let train_infos: Vec<Vec<TokenInfo>> = train.iter().map(|(t, _)| infos(t)).collect();
        let names = learn(
            train_infos
                .iter()
                .zip(&train)
                .map(|(i, (_, tags))| (i.as_slice(), tags.as_slice(), Genre::Reference)),
        );
        let mut bytes = Vec::new();
        write(&names, &mut bytes);
        let recall = Recall::read(&mut Reader::new(&bytes)).unwrap();
        let fill = |text: &str, genre: Genre, mut tags: Vec<Tag>| {
            recall.fill(&infos(text), genre, &mut tags);
            tags
        };
        // "Bali" is a place 2 times in 3; "Bintang" a person 1 time in 3.
        assert_eq!(
            fill(
                "nao oikawa , Nao Oikawa Bintang",
                Genre::Reference,
                vec![O; 6]
            ),
            [O, O, O, B(Per), I(Per), O]
        );
        assert_eq!(
            fill("di Bali : Bali", Genre::Reference, vec![O, B(Per), O, O]),
            [O, B(Per), O, B(Loc)],
            "a tagged word keeps its tag"
        );
        assert_eq!(
            fill("Nao Oikawa", Genre::Reference, vec![O, B(Per)]),
            [O, B(Per)],
            "a name is recalled only over untagged words"
        );
        assert_eq!(
            fill("Nao Oikawa", Genre::News, vec![O, O]),
            [O, O],
            "names are recalled in the genre they were learned in"
        );
    }
}
