//! How much a word looks like a person's name or a place name, by its letters alone.
//!
//! Why: most names a reader meets are on no list and were never in the training data
//! ("Oikawa", "Bhosle", "Wakatobi"), yet their letters give them away. Character trigram models
//! of the name gazetteers, the place gazetteers and the everyday-word lists score a word under
//! each; how far the name and place scores sit above the everyday one, coarsened to a few
//! levels, is a feature of capitalised words. The models are learned from the lists by the build
//! step (`train-ner --tables`, see [`super::lexicon`]) and read in place, log-probabilities and
//! all: learning them when names were first tagged was half of the recogniser's start-up (about
//! 5 ms natively), and the wasm now reads the very numbers the native build computed instead of
//! taking logarithms of its own.

use super::features::mix;
use super::tables::{Reader, Table, Value};

/// The classes a word is scored under, in the order `write` takes them.
const PERSON: usize = 0;
const PLACE: usize = 1;
const EVERYDAY: usize = 2;
const CLASSES: usize = 3;

/// Add-k smoothing of the trigram counts.
#[cfg(feature = "train")]
const SMOOTHING: f32 = 0.5;

/// Levels per nat of mean log-ratio, and the largest level either way: seven levels in all.
/// Half a nat per level did as well as a third or two thirds.
const LEVELS_PER_NAT: f32 = 2.0;
const MAX_LEVEL: f32 = 3.0;

/// Character trigram log-probabilities per class.
///
/// A trigram's log-probability in a class depends only on how often the class's words hold it,
/// so the model stores the counts of each trigram and, per class, the log-probability of each
/// count: 6 bytes a trigram instead of 12, the wasm 70 KB smaller.
///
/// Layout: for each class, a length `u32` and the log-probability `f32` of each count from 0
/// (a trigram no word of the class has); then a [`Table`] of the counts `u16`, one per class, of
/// every trigram of the lists by trigram hash.
pub(crate) struct LetterModel<'a> {
    logp_of_count: [&'a [u8]; CLASSES],
    counts: Table<'a, u64, [u16; CLASSES]>,
}

/// Calls `each` with a hash of every lower-case trigram of `word` padded with edge marks:
/// "^ok", "ok$" for "OK".
fn trigrams(word: &str, mut each: impl FnMut(u64)) {
    // Most words are ASCII: lower-casing bytes is much cheaper than `char::to_lowercase`.
    if word.is_ascii() {
        let letters = word.bytes().map(|b| char::from(b.to_ascii_lowercase()));
        windows(letters, &mut each);
    } else {
        windows(word.chars().flat_map(char::to_lowercase), &mut each);
    }
}

/// The trigram hashes of already lower-cased `letters` between the edge marks.
fn windows(letters: impl Iterator<Item = char>, each: &mut impl FnMut(u64)) {
    let mut before = [0u64; 2];
    for (n, c) in std::iter::once('^').chain(letters).chain(['$']).enumerate() {
        let c = u64::from(c);
        if n >= 2 {
            each(mix(mix(before[0], before[1]), c));
        }
        before = [before[1], c];
    }
}

impl<'a> LetterModel<'a> {
    /// Reads the model at the reader's position.
    pub(crate) fn read(r: &mut Reader<'a>) -> Option<LetterModel<'a>> {
        let mut logp_of_count = [&[][..]; CLASSES];
        for logp in &mut logp_of_count {
            let n = r.value::<u32>()? as usize;
            *logp = r.take(n.checked_mul(4)?).filter(|l| !l.is_empty())?;
        }
        Some(LetterModel {
            logp_of_count,
            counts: Table::read(r)?,
        })
    }

    /// The log-probability of a trigram seen `count` times in `class` (a count past the end,
    /// which only a damaged table holds, reads as unseen).
    fn logp(&self, class: usize, count: u16) -> f32 {
        let bytes = self.logp_of_count[class];
        let at = 4 * usize::from(count);
        f32::read(bytes.get(at..at + 4).unwrap_or(&bytes[..4]))
    }

    /// The levels of `word` as one number from 1 to 49: how far its mean trigram
    /// log-probability as a person's name and as a place name sit above that as an everyday
    /// word, each in seven steps.
    pub(crate) fn levels(&self, word: &str) -> u8 {
        let mut sum = [0.0f32; CLASSES];
        let mut n = 0.0;
        trigrams(word, |t| {
            let counts = self.counts.get(t).unwrap_or([0; CLASSES]);
            for (class, s) in sum.iter_mut().enumerate() {
                *s += self.logp(class, counts[class]);
            }
            n += 1.0;
        });
        let level = |class: usize| {
            let ratio = (sum[class] - sum[EVERYDAY]) / n;
            ((ratio * LEVELS_PER_NAT)
                .round()
                .clamp(-MAX_LEVEL, MAX_LEVEL)
                + MAX_LEVEL) as u8
        };
        let steps = 2 * MAX_LEVEL as u8 + 1;
        1 + level(PERSON) * steps + level(PLACE)
    }
}

/// Learns the model from the words of each class (person names, place names, everyday words)
/// and writes it.
#[cfg(feature = "train")]
pub(crate) fn write(classes: [Vec<&str>; CLASSES], out: &mut Vec<u8>) {
    use std::collections::BTreeMap;
    let mut counts: BTreeMap<u64, [u32; CLASSES]> = BTreeMap::new();
    let mut totals = [0u32; CLASSES];
    for (class, words) in classes.iter().enumerate() {
        for w in words {
            trigrams(w, |t| {
                counts.entry(t).or_default()[class] += 1;
                totals[class] += 1;
            });
        }
    }
    let distinct = counts.len() as f32;
    for (class, total) in totals.into_iter().enumerate() {
        let most = counts.values().map(|n| n[class]).max().unwrap_or(0);
        (most + 1).write(out);
        for n in 0..=most {
            ((n as f32 + SMOOTHING) / (total as f32 + SMOOTHING * distinct))
                .ln()
                .write(out);
        }
    }
    let narrow = |n: u32| u16::try_from(n).expect("a trigram count under 2^16");
    let counts: Vec<(u64, [u16; CLASSES])> = counts
        .into_iter()
        .map(|(t, n)| (t, n.map(narrow)))
        .collect();
    Table::write(&counts, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigrams_are_padded_and_ignore_case() {
        let mut a = Vec::new();
        trigrams("OK", |t| a.push(t));
        assert_eq!(a.len(), 2);
        let mut b = Vec::new();
        trigrams("ok", |t| b.push(t));
        assert_eq!(a, b);
        let (mut c, mut d) = (Vec::new(), Vec::new());
        trigrams("ÉCOLE", |t| c.push(t));
        trigrams("école", |t| d.push(t));
        assert_eq!((c.len(), c), (5, d));
    }

    #[cfg(feature = "train")]
    #[test]
    fn names_look_like_names() {
        let mut bytes = Vec::new();
        write(
            [
                vec!["Hiroshi", "Takeshi", "Yoshiko", "Haruki", "Akiko"],
                vec!["Bandung", "Lembang", "Cibubur", "Kuningan"],
                vec!["makan", "minum", "rumah", "jalan", "pergi"],
            ],
            &mut bytes,
        );
        let mut r = Reader::new(&bytes);
        let model = LetterModel::read(&mut r).unwrap();
        assert!(r.is_done());
        let person = |w| (model.levels(w) - 1) / 7;
        let place = |w| (model.levels(w) - 1) % 7;
        assert!(person("Toshiko") > person("makanan"));
        assert!(place("Cibadung") > place("makanan"));
        assert!(person("Toshiko") > place("Toshiko"));
    }
}
