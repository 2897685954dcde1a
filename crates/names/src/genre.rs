//! Genre: whether a text reads like a news report or like reference prose, because the two
//! Indonesian training sets mark names by different conventions and the tagger learns both.
//!
//! Why it matters: idner-news-2k (news) marks a country as a place only where it is one ("di
//! Indonesia") and leaves it unmarked as a modifier or an actor ("rakyat Indonesia", "Israel
//! menyerang"); NERGrit (reference prose) marks every place name. A single set of weights can
//! only split the difference. So a few feature templates (word identity, neighbouring words,
//! gazetteer hits) are learned once more per genre, on top of the shared weights (the feature
//! augmentation of Daumé III, 2007), and tagging uses the shared weights plus those of the
//! text's genre. The project's English and Malay sentences get a genre of their own, so they
//! teach the shared weights without moving the Indonesian genres'.
//!
//! The genre of a text is decided once for the whole text (a document, a CoNLL file) by naive
//! Bayes over its words, trained on the same sentences: reporting verbs ("ujar", "kata"),
//! "persen" and politics point to news; "desa", "lagu", "album", "lahir" to reference prose. A
//! single sentence is right about 19 times in 20, five sentences almost always.

use super::features::lower_hash;
use super::tables::{Reader, Table};
use bersih::lang::Lang;

/// The convention a text is tagged by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Genre {
    /// News reports (idner-news-2k): a country is a place only where it is one.
    News,
    /// Reference prose (NERGrit): every place name is a place.
    Reference,
    /// Most of the project's own sentences (`data/ner`: English, Malay, Indonesian): every
    /// place name is a place, as in reference prose, but learned apart so that they do not pull
    /// on the two Indonesian sets' conventions. English and Malay text is tagged in it.
    Project,
}

impl Genre {
    /// Name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Genre::News => "news",
            Genre::Reference => "reference",
            Genre::Project => "project",
        }
    }

    /// Reads a name written by [`Genre::as_str`].
    pub fn parse(name: &str) -> Option<Genre> {
        [Genre::News, Genre::Reference, Genre::Project]
            .into_iter()
            .find(|g| g.as_str() == name)
    }

    /// Salt mixed into the features learned per genre.
    pub(crate) fn salt(self) -> u64 {
        match self {
            Genre::News => 0x6e65_7773,
            Genre::Reference => 0x7265_6665,
            Genre::Project => 0x6f77_6e21,
        }
    }
}

/// Fixed-point scale of the stored log-ratios (a code of 32 is a ratio of e).
const SCALE: f64 = 32.0;

/// Mean log-ratio per word below which a text is reference prose. Chosen with a table learned
/// from the two data sets alone: five-sentence samples of the news dev set averaged about +0.5,
/// of the reference dev set about -0.45, and news articles of other years and topics (the
/// corpus pages) 0 to +0.3 with one at -0.23; so the line sits well on the reference side.
const NEWS_FLOOR: f64 = -0.2;

/// Naive Bayes log-ratios, news over reference, in `1 / SCALE` units, by word fingerprint
/// (the high half of its lower-case hash), read in place from the model file. Only words seen
/// often enough in training are listed, so an unknown word counts as neutral.
pub(crate) struct GenreTable<'a> {
    words: Table<'a, u32, i8>,
}

/// The fingerprint of a word of letters only: punctuation and numbers say more about how a
/// data set was tokenised than about its genre.
fn fingerprint(word: &str) -> Option<u32> {
    if word.is_empty() || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    Some((lower_hash(word) >> 32) as u32)
}

impl<'a> GenreTable<'a> {
    /// Reads the table at the reader's position in a model file.
    pub(crate) fn read(r: &mut Reader<'a>) -> Option<GenreTable<'a>> {
        Some(GenreTable {
            words: Table::read(r)?,
        })
    }

    /// The code of a word fingerprint, if the word is listed.
    pub(crate) fn code(&self, fingerprint: u32) -> Option<i8> {
        self.words.get(fingerprint)
    }

    /// The genre of a text given as its words. English and Malay text take the project's
    /// convention, the one their training sentences follow; for Indonesian (or an unknown
    /// language) the words decide between news and reference.
    pub(crate) fn decide<'w>(
        &self,
        words: impl IntoIterator<Item = &'w str>,
        lang: Option<Lang>,
    ) -> Genre {
        if matches!(lang, Some(Lang::En | Lang::Ms)) {
            return Genre::Project;
        }
        let (mut sum, mut n) = (0i64, 0u32);
        for f in words.into_iter().filter_map(fingerprint) {
            n += 1;
            sum += i64::from(self.code(f).unwrap_or(0));
        }
        if n == 0 || sum as f64 / SCALE / f64::from(n) >= NEWS_FLOOR {
            Genre::News
        } else {
            Genre::Reference
        }
    }
}

/// Learns the table from words of news and of reference sentences: the fingerprints with their
/// codes, in increasing order (the order the model file's table is written in).
#[cfg(feature = "train")]
pub(crate) fn learn<'a>(
    news: impl IntoIterator<Item = &'a str>,
    reference: impl IntoIterator<Item = &'a str>,
) -> Vec<(u32, i8)> {
    /// Largest log-ratio one word may contribute, so a few topic words cannot outvote the rest.
    const CLIP: f64 = 2.0;
    /// Words seen fewer times than this in training get no weight.
    const MIN_COUNT: u32 = 3;
    let mut counts: std::collections::BTreeMap<u32, [u32; 2]> = Default::default();
    for f in news.into_iter().filter_map(fingerprint) {
        counts.entry(f).or_default()[0] += 1;
    }
    for f in reference.into_iter().filter_map(fingerprint) {
        counts.entry(f).or_default()[1] += 1;
    }
    counts.retain(|_, c| c[0] + c[1] >= MIN_COUNT);
    let vocab = counts.len().max(1) as f64;
    let news_total: f64 = counts.values().map(|c| f64::from(c[0])).sum();
    let ref_total: f64 = counts.values().map(|c| f64::from(c[1])).sum();
    counts
        .into_iter()
        .map(|(f, c)| {
            // Add-one smoothing over the kept vocabulary.
            let p_news = (f64::from(c[0]) + 1.0) / (news_total + vocab);
            let p_ref = (f64::from(c[1]) + 1.0) / (ref_total + vocab);
            let code = ((p_news / p_ref).ln().clamp(-CLIP, CLIP) * SCALE).round();
            (f, code as i8)
        })
        .collect()
}

#[cfg(all(test, feature = "train"))]
mod tests {
    use super::*;

    #[test]
    fn words_decide_and_other_languages_take_reference() {
        let news = "kata dia persen ujar kata persen ujarnya dia kata persen ujar ujar";
        let reference = "desa lagu album lahir desa lagu album lahir desa lagu album dia";
        let mut bytes = Vec::new();
        Table::write(&learn(news.split(' '), reference.split(' ')), &mut bytes);
        let table = GenreTable::read(&mut Reader::new(&bytes)).unwrap();
        let decide = |text: &str, lang| table.decide(text.split(' '), lang);
        assert_eq!(
            decide("menurut dia , kata Budi", Some(Lang::Id)),
            Genre::News
        );
        assert_eq!(decide("lagu ini dari album lahir", None), Genre::Reference);
        assert_eq!(decide("sesuatu yang baru", Some(Lang::Id)), Genre::News);
        assert_eq!(decide("kata dia", Some(Lang::En)), Genre::Project);
        assert_eq!(Genre::parse(Genre::News.as_str()), Some(Genre::News));
    }
}
