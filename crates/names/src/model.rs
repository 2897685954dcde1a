//! The model: quantised weights per hashed feature and tag, tag transitions, and the compact
//! file format the build embeds, read in place.
//!
//! Why this format: a weight is a 4-bit code into a table of 16 values (code 0 is 0.0), two
//! codes to a byte, so a row of seven tags takes 3.5 bytes and the trainer may space the values
//! unevenly (fine steps for the many small weights, coarse ones for the few large ones). Against
//! 256 levels, sixteen halve the file for 0.2–0.3 on dev; 256 levels cut to the same size by
//! dropping rows of small weights cost 1.7. Every bucket's row is stored, packed back to back,
//! so tagging reads a feature's row straight from the embedded bytes. The embedded model uses
//! nearly every bucket, so this is smaller than the bitmap of used buckets plus their rows it
//! replaced, and loading checks lengths instead of unpacking the rows into a table (1.5 ms at
//! first use). The genre table and the recalled names are looked up where they lie too
//! ([`Table`](super::tables::Table)).
//!
//! Layout (little-endian): `b"BNER"`, format `u32`, feature set `u32`, `bits: u8`,
//! `tags: u8`, two zero bytes, transitions `(tags + 1) × tags` `f32` (the last row is from the
//! sentence start), the 16 code values `f32`, then `2^bits` rows of `tags` codes each, all
//! packed low nibble first (row `k` starts at nibble `tags × k`), then the genre table (see
//! [`super::genre`]), a `Table` of word fingerprints `u32` to `i8` codes; last the recalled
//! names (see [`super::recall`]), a `Table` of sequence hashes `u64` to kinds `u8` (0 person,
//! 1 organisation, 2 place).

use std::borrow::Cow;
use std::ops::Range;

use super::features::FEATURE_SET;
use super::genre::GenreTable;
use super::recall::Recall;
use super::tables::{Reader, Value};
#[cfg(feature = "train")]
use super::Kind;
use super::N_TAGS;

const MAGIC: &[u8; 4] = b"BNER";
const FORMAT: u32 = 6;
/// Fewest and most hash bits a model may use.
const MIN_BITS: u8 = 10;
const MAX_BITS: u8 = 24;

/// Why a model file was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// Not a model file, or cut short.
    Malformed,
    /// Written by another version of the format or of the feature templates.
    Version,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ModelError::Malformed => "malformed model file",
            ModelError::Version => "model file from another format or feature set",
        })
    }
}

impl std::error::Error for ModelError {}

/// Transition scores: `trans[prev][cur]`, with `prev == N_TAGS` standing for the sentence start.
pub(crate) type Transitions = [[f32; N_TAGS]; N_TAGS + 1];

/// A model file, checked, with where its sections lie.
pub(crate) struct Model {
    bytes: Cow<'static, [u8]>,
    bits: u8,
    /// Weight value of each code; `levels[0] == 0.0`.
    levels: Levels,
    pub trans: Transitions,
    rows: Range<usize>,
    genre: Range<usize>,
    recall: Range<usize>,
}

/// Number of weight codes: a code is a nibble.
pub(crate) const CODES: usize = 16;

/// Weight value of each code.
pub(crate) type Levels = [f32; CODES];

/// The bucket of a feature hash in a table of `2^bits` rows.
#[inline]
pub(crate) fn bucket(hash: u64, bits: u8) -> usize {
    (hash >> (64 - u32::from(bits))) as usize
}

/// Bytes of `2^bits` packed rows (a whole number, `2^bits` being even).
fn rows_len(bits: u8) -> usize {
    (N_TAGS << bits) / 2
}

impl Model {
    /// Reads a model file in place: the embedded one is borrowed, another is owned.
    pub(crate) fn read(bytes: Cow<'static, [u8]>) -> Result<Model, ModelError> {
        let mut r = Reader::new(&bytes);
        if r.take(4) != Some(&MAGIC[..]) {
            return Err(ModelError::Malformed);
        }
        let [format, features] = r.value::<[u32; 2]>().ok_or(ModelError::Malformed)?;
        if format != FORMAT || features != FEATURE_SET {
            return Err(ModelError::Version);
        }
        let [bits, tags, _, _] = r.value::<[u8; 4]>().ok_or(ModelError::Malformed)?;
        if usize::from(tags) != N_TAGS {
            return Err(ModelError::Version);
        }
        if !(MIN_BITS..=MAX_BITS).contains(&bits) {
            return Err(ModelError::Malformed);
        }
        let trans: Transitions = r.value().ok_or(ModelError::Malformed)?;
        let levels: Levels = r.value().ok_or(ModelError::Malformed)?;
        if levels[0] != 0.0 {
            return Err(ModelError::Malformed);
        }
        let rows = section(&mut r, |r| r.take(rows_len(bits)))?;
        let genre = section(&mut r, GenreTable::read)?;
        let recall = section(&mut r, Recall::read)?;
        if !r.is_done() {
            return Err(ModelError::Malformed);
        }
        Ok(Model {
            bytes,
            bits,
            levels,
            trans,
            rows,
            genre,
            recall,
        })
    }

    /// Word evidence for the genre of a text.
    pub(crate) fn genre(&self) -> GenreTable<'_> {
        GenreTable::read(&mut Reader::new(&self.bytes[self.genre.clone()]))
            .expect("checked when the model was read")
    }

    /// Training names recalled where the tagger left them untagged.
    pub(crate) fn recall(&self) -> Recall<'_> {
        Recall::read(&mut Reader::new(&self.bytes[self.recall.clone()]))
            .expect("checked when the model was read")
    }

    /// Adds the rows of `features` into `scores`.
    #[inline]
    pub(crate) fn emissions(&self, features: &[u64], scores: &mut [f32; N_TAGS]) {
        *scores = [0.0; N_TAGS];
        let rows = &self.bytes[self.rows.clone()];
        for &h in features {
            // `bucket` is below `2^bits`, the number of rows, by construction.
            let mut codes = row(rows, bucket(h, self.bits));
            for s in scores.iter_mut() {
                *s += self.levels[(codes & 0x0f) as usize];
                codes >>= 4;
            }
        }
    }
}

/// Where the section that `read` checks at the reader's position lies.
fn section<'a, T>(
    r: &mut Reader<'a>,
    read: impl FnOnce(&mut Reader<'a>) -> Option<T>,
) -> Result<Range<usize>, ModelError> {
    let start = r.pos();
    read(r).ok_or(ModelError::Malformed)?;
    Ok(start..r.pos())
}

/// The codes of row `k` of the packed rows, the first in the low nibble. Row `k` starts at
/// nibble `7k`: in the low nibble of byte `7k / 2` for even `k`, the high one for odd `k`; its
/// seven nibbles end within four bytes either way (the last row ends with the last byte).
#[inline]
fn row(rows: &[u8], k: usize) -> u32 {
    let at = k * N_TAGS / 2;
    u32::read(&rows[at..at + 4]) >> (4 * (k & 1))
}

/// Writes a model file from coded rows (`2^bits` of them, codes below [`CODES`]), code values,
/// transitions, the genre table and the recalled names.
#[cfg(feature = "train")]
pub(crate) fn write(
    bits: u8,
    rows: &[[u8; N_TAGS]],
    levels: &Levels,
    trans: &Transitions,
    genre: &[(u32, i8)],
    recall: &[(u64, Kind)],
) -> Vec<u8> {
    debug_assert_eq!(rows.len(), 1 << bits);
    debug_assert!(rows.iter().flatten().all(|&c| usize::from(c) < CODES));
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    [FORMAT, FEATURE_SET].write(&mut out);
    [bits, N_TAGS as u8, 0, 0].write(&mut out);
    trans.write(&mut out);
    levels.write(&mut out);
    let codes: Vec<u8> = rows.iter().flatten().copied().collect();
    out.extend(codes.chunks(2).map(|p| p[0] | p[1] << 4));
    super::tables::Table::write(genre, &mut out);
    super::recall::write(recall, &mut out);
    out
}

#[cfg(all(test, feature = "train"))]
mod tests {
    use super::*;

    fn codes(model: &Model, k: usize) -> [u8; N_TAGS] {
        let packed = row(&model.bytes[model.rows.clone()], k);
        std::array::from_fn(|t| (packed >> (4 * t) & 0x0f) as u8)
    }

    #[test]
    fn round_trips_and_refuses_damage() {
        let mut rows = vec![[0u8; N_TAGS]; 1 << MIN_BITS];
        rows[3] = [1, 2, 3, 0, 0, 0, 15];
        rows[900] = [0, 0, 0, 0, 0, 0, 9];
        rows[1023] = [15, 14, 13, 12, 11, 10, 9];
        let mut trans = [[0.0; N_TAGS]; N_TAGS + 1];
        trans[N_TAGS][2] = -5.5;
        let mut levels = [0.0; CODES];
        levels[15] = 0.25;
        let genre = [(7, -3), (9, 64)];
        let recall = [(5, Kind::Loc), (1 << 40, Kind::Per)];
        let bytes = write(MIN_BITS, &rows, &levels, &trans, &genre, &recall);
        let back = Model::read(bytes.clone().into()).unwrap();
        for k in [0, 3, 4, 900, 1022, 1023] {
            assert_eq!(codes(&back, k), rows[k], "row {k}");
        }
        assert_eq!(back.levels[15], 0.25);
        assert_eq!(back.trans[N_TAGS][2], -5.5);
        assert_eq!(back.genre().code(9), Some(64));
        assert_eq!(back.recall().kind(1 << 40), Some(Kind::Per));
        assert_eq!(back.recall().kind(6), None);
        let read = |b: &[u8]| Model::read(b.to_vec().into()).err();
        assert_eq!(read(&bytes[..bytes.len() - 1]), Some(ModelError::Malformed));
        let mut other = bytes.clone();
        other[8] ^= 1;
        assert_eq!(read(&other), Some(ModelError::Version));
    }
}
