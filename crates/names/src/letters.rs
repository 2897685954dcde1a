//! How much a word looks like a person's name or a place name, by its letters alone.
//!
//! Why: most names a reader meets are on no list and were never in the training data
//! ("Oikawa", "Bhosle", "Wakatobi"), yet their letters give them away. Character trigram models
//! of the name gazetteers, the place gazetteers and the everyday-word lists score a word under
//! each; how far the name and place scores sit above the everyday one, coarsened to a few
//! levels, is a feature of capitalised words. The models are learned from the lists when the
//! lexicon is first used, so they add nothing to the wasm.

use super::features::{mix, HashedMap};

/// The classes a word is scored under, in the order [`LetterModel::learn`] takes them.
const PERSON: usize = 0;
const PLACE: usize = 1;
const EVERYDAY: usize = 2;
const CLASSES: usize = 3;

/// Add-k smoothing of the trigram counts.
const SMOOTHING: f32 = 0.5;

/// Levels per nat of mean log-ratio, and the largest level either way: seven levels in all.
/// Half a nat per level did as well as a third or two thirds.
const LEVELS_PER_NAT: f32 = 2.0;
const MAX_LEVEL: f32 = 3.0;

/// Character trigram log-probabilities per class.
pub(crate) struct LetterModel {
    logp: HashedMap<[f32; CLASSES]>,
    unseen: [f32; CLASSES],
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

impl LetterModel {
    /// Learns from the words of each class: person names, place names, everyday words.
    pub(crate) fn learn(classes: [Vec<&str>; CLASSES]) -> LetterModel {
        let mut counts: HashedMap<[u32; CLASSES]> = HashedMap::default();
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
        let logp = |n: u32, class: usize| {
            ((n as f32 + SMOOTHING) / (totals[class] as f32 + SMOOTHING * distinct)).ln()
        };
        LetterModel {
            logp: counts
                .into_iter()
                .map(|(t, n)| (t, std::array::from_fn(|class| logp(n[class], class))))
                .collect(),
            unseen: std::array::from_fn(|class| logp(0, class)),
        }
    }

    /// The levels of `word` as one number from 1 to 49: how far its mean trigram
    /// log-probability as a person's name and as a place name sit above that as an everyday
    /// word, each in seven steps.
    pub(crate) fn levels(&self, word: &str) -> u8 {
        let mut sum = [0.0f32; CLASSES];
        let mut n = 0.0;
        trigrams(word, |t| {
            let logp = self.logp.get(&t).unwrap_or(&self.unseen);
            for (s, x) in sum.iter_mut().zip(logp) {
                *s += x;
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

    #[test]
    fn names_look_like_names() {
        let model = LetterModel::learn([
            vec!["Hiroshi", "Takeshi", "Yoshiko", "Haruki", "Akiko"],
            vec!["Bandung", "Lembang", "Cibubur", "Kuningan"],
            vec!["makan", "minum", "rumah", "jalan", "pergi"],
        ]);
        let person = |w| (model.levels(w) - 1) / 7;
        let place = |w| (model.levels(w) - 1) % 7;
        assert!(person("Toshiko") > person("makanan"));
        assert!(place("Cibadung") > place("makanan"));
        assert!(person("Toshiko") > place("Toshiko"));
    }
}
