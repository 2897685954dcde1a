//! The word tables tagging looks words up in: cue classes, the Indonesian stand-ins of English
//! function words, gazetteer names and phrases, frequency bands and the letter models.
//!
//! Why a file of their own (`data/lexicon.bin`): the tables are made by the build step, from the
//! lists under `data/` (`gazetteer`) and the cue tables ([`crate::cues`]), in the form
//! tagging reads (see `tables`), so loading them is checking a few headers. Building
//! hash maps from about 360 KB of lists and learning the letter models at first use took about
//! 6 ms natively, and more in the wasm, which no longer carries the lists either. The file is
//! written by `cargo run --release --bin train-ner -- --tables` (`generate`); `tests/entities.rs`
//! checks that it is what the generator makes from the committed lists and code. Change a list,
//! a cue or a hash, regenerate it, then retrain the model.
//!
//! Layout (little-endian): `b"BLEX"`, format `u32`, then the fields of `Lexicon` in order,
//! each a `Table` but the last, the letter model (`LetterModel`).

use super::cues::Class;
use super::letters::LetterModel;
use super::tables::{Reader, Table};

const MAGIC: &[u8; 4] = b"BLEX";
const FORMAT: u32 = 1;

/// The tables the build embeds.
const EMBEDDED: &[u8] = include_bytes!("data/lexicon.bin");

/// Word tables, keyed by lower-case hashes ([`super::features::lower_hash`]) or hashes of
/// lower-case token sequences ([`super::features::seq_hash`]), read in place.
pub(crate) struct Lexicon<'a> {
    /// Cue classes by lower-case hash: from the Indonesian and Malay tables, and from the
    /// English ones.
    pub cues: Table<'a, u64, [Class; 2]>,
    /// English function words to the lower-case hash of their Indonesian counterpart.
    pub en_to_id: Table<'a, u64, u64>,
    /// Gazetteer bits (`GAZ_GIVEN`, `GAZ_FAMILY`) by sequence hash.
    pub names: Table<'a, u64, u8>,
    /// Place and organisation names by sequence hash, as `LIST_*` bits.
    pub phrases: Table<'a, u64, u8>,
    /// Frequency bands by lower-case hash: in Indonesian and in English.
    pub bands: Table<'a, u64, [u8; 2]>,
    /// Letter models of names, places and everyday words.
    pub letters: LetterModel<'a>,
}

impl Lexicon<'static> {
    /// The tables embedded in the build.
    pub(crate) fn embedded() -> Lexicon<'static> {
        Lexicon::read(EMBEDDED).expect("the embedded word tables match this build")
    }
}

impl<'a> Lexicon<'a> {
    /// Reads the tables in place, checking the header and the lengths.
    fn read(bytes: &'a [u8]) -> Option<Lexicon<'a>> {
        let mut r = Reader::new(bytes);
        if r.take(4)? != MAGIC || r.value::<u32>()? != FORMAT {
            return None;
        }
        let lexicon = Lexicon {
            cues: Table::read(&mut r)?,
            en_to_id: Table::read(&mut r)?,
            names: Table::read(&mut r)?,
            phrases: Table::read(&mut r)?,
            bands: Table::read(&mut r)?,
            letters: LetterModel::read(&mut r)?,
        };
        r.is_done().then_some(lexicon)
    }
}

/// The tables file made from the lists and cue tables: what `data/lexicon.bin` must hold.
#[cfg(feature = "train")]
pub fn generate() -> Vec<u8> {
    use super::tables::Value;
    let mut out = MAGIC.to_vec();
    FORMAT.write(&mut out);
    Table::write(&build::cues(), &mut out);
    Table::write(&build::en_to_id(), &mut out);
    Table::write(&build::names(), &mut out);
    Table::write(&build::phrases(), &mut out);
    Table::write(&build::bands(), &mut out);
    super::letters::write(build::letter_classes(), &mut out);
    out
}

/// The entries of the tables, from the lists and cue tables, in increasing order of keys (the
/// order decides the bytes).
#[cfg(feature = "train")]
mod build {
    use std::collections::BTreeMap;

    use super::super::cues::{self, Class};
    use super::super::features::{
        lower_hash, seq_hash, GAZ_FAMILY, GAZ_GIVEN, LIST_ORG, LIST_PLACE_EN, LIST_PLACE_ID,
        MAX_GAZETTEER_TOKENS,
    };
    use super::super::gazetteer::{self as g, entries};
    use bersih::lang::Lang;

    pub(super) fn cues() -> Vec<(u64, [Class; 2])> {
        let mut map: BTreeMap<u64, [Class; 2]> = BTreeMap::new();
        for (side, lang) in [(0, Lang::Id), (1, Lang::En)] {
            for (w, c) in cues::entries(Some(lang)) {
                map.entry(lower_hash(w)).or_default()[side] |= c;
            }
        }
        map.into_iter().collect()
    }

    pub(super) fn en_to_id() -> Vec<(u64, u64)> {
        let map: BTreeMap<u64, u64> = cues::EN_TO_ID
            .iter()
            .map(|(en, id)| (lower_hash(en), lower_hash(id)))
            .collect();
        map.into_iter().collect()
    }

    pub(super) fn names() -> Vec<(u64, u8)> {
        let mut map: BTreeMap<u64, u8> = BTreeMap::new();
        for (list, bit) in [(g::GIVEN_NAMES, GAZ_GIVEN), (g::FAMILY_NAMES, GAZ_FAMILY)] {
            for name in entries(list) {
                *map.entry(entry_hash(name)).or_default() |= bit;
            }
        }
        map.into_iter().collect()
    }

    pub(super) fn phrases() -> Vec<(u64, u8)> {
        let mut map: BTreeMap<u64, u8> = BTreeMap::new();
        for (list, bits) in [
            (g::PLACES_ID, LIST_PLACE_ID),
            (g::PLACES_EN, LIST_PLACE_EN),
            (g::PLACES_WORLD, LIST_PLACE_ID | LIST_PLACE_EN),
            (g::ORGS, LIST_ORG),
        ] {
            for name in entries(list) {
                if name.split_whitespace().count() <= MAX_GAZETTEER_TOKENS {
                    *map.entry(entry_hash(name)).or_default() |= bits;
                }
            }
        }
        map.into_iter().collect()
    }

    /// Frequency bands of the everyday words; a word listed twice keeps its first rank.
    pub(super) fn bands() -> Vec<(u64, [u8; 2])> {
        let mut map: BTreeMap<u64, [u8; 2]> = BTreeMap::new();
        for (side, list) in [g::COMMON_ID, g::COMMON_EN].into_iter().enumerate() {
            for (rank, w) in entries(list).enumerate() {
                let band = &mut map.entry(lower_hash(w)).or_default()[side];
                if *band == 0 {
                    *band = band_of(rank);
                }
            }
        }
        map.into_iter().collect()
    }

    /// The words the letter models learn from: person names, place names, everyday words.
    pub(super) fn letter_classes() -> [Vec<&'static str>; 3] {
        let words = |lists: &[&'static str]| -> Vec<&'static str> {
            lists
                .iter()
                .flat_map(|list| entries(list))
                .flat_map(str::split_whitespace)
                .collect()
        };
        [
            words(&[g::GIVEN_NAMES, g::FAMILY_NAMES]),
            words(&[g::PLACES_ID, g::PLACES_EN, g::PLACES_WORLD]),
            words(&[g::COMMON_ID, g::COMMON_EN]),
        ]
    }

    /// Band of a frequency rank: the most common words get band 1.
    fn band_of(rank: usize) -> u8 {
        match rank {
            0..100 => 1,
            100..1000 => 2,
            1000..3000 => 3,
            _ => 4,
        }
    }

    fn entry_hash(name: &str) -> u64 {
        seq_hash(name.split_whitespace().map(lower_hash))
    }
}

#[cfg(all(test, feature = "train"))]
mod tests {
    use super::*;
    use crate::tables::Value;

    /// The file reads back whole, and every entry of every map is found with its value.
    #[test]
    fn tables_hold_exactly_the_maps() {
        let bytes = generate();
        let lex = Lexicon::read(&bytes).unwrap();
        fn same<V: Value + PartialEq + Copy + std::fmt::Debug>(
            table: &Table<'_, u64, V>,
            entries: &[(u64, V)],
        ) {
            for &(k, v) in entries {
                assert_eq!(table.get(k), Some(v));
            }
        }
        same(&lex.cues, &build::cues());
        same(&lex.en_to_id, &build::en_to_id());
        same(&lex.names, &build::names());
        same(&lex.phrases, &build::phrases());
        same(&lex.bands, &build::bands());
    }
}
