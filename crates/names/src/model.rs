//! The model: quantised weights per hashed feature and tag, tag transitions, and the compact
//! file format the build embeds.
//!
//! Why this format: a weight is a 4-bit code into a table of 16 values (code 0 is 0.0), two
//! codes to a byte, so a row of seven tags takes 3.5 bytes and the trainer may space the values
//! unevenly (fine steps for the many small weights, coarse ones for the few large ones). Against
//! 256 levels, sixteen halve the file for 0.2–0.3 on dev; 256 levels cut to the same size by
//! dropping rows of small weights cost 1.7. A bitmap of the used buckets comes first and only
//! their rows are stored: the embedded model uses nearly every bucket, but a model trained on
//! one small set leaves most of them empty. Loading expands the rows once into a dense table, so
//! tagging reads a fixed-size row per feature with no lookups or branches.
//!
//! Layout (little-endian): `b"BNER"`, format `u32`, feature set `u32`, `bits: u8`,
//! `tags: u8`, two zero bytes, transitions `(tags + 1) × tags` `f32` (the last row is from the
//! sentence start), the 16 code values `f32`, the bucket bitmap (`2^bits / 8` bytes), `tags`
//! codes per used bucket packed low nibble first (the last byte padded with a zero nibble), then
//! the genre table (see [`super::genre`]): a count `u32` and that many word fingerprints `u32`,
//! in increasing order, each followed by its `i8` code; last the recalled names (see
//! [`super::recall`]): a count `u32` and that many sequence hashes `u64`, in increasing order,
//! each followed by its kind `u8` (0 person, 1 organisation, 2 place).

use super::features::FEATURE_SET;
use super::genre::GenreTable;
use super::recall::Recall;
use super::{Kind, N_TAGS};

const MAGIC: &[u8; 4] = b"BNER";
const FORMAT: u32 = 5;
/// Bytes per row in memory: the tags plus padding to a power of two.
const ROW: usize = 8;
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

/// A loaded model.
pub(crate) struct Model {
    bits: u8,
    rows: Vec<[u8; ROW]>,
    /// Weight value of each code; `levels[0] == 0.0`.
    levels: Levels,
    pub trans: Transitions,
    /// Word evidence for the genre of a text.
    pub genre: GenreTable,
    /// Training names recalled where the tagger left them untagged.
    pub recall: Recall,
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

impl Model {
    #[cfg_attr(not(feature = "train"), allow(dead_code))] // training only
    /// Builds a model from coded rows (`2^bits` of them, codes below [`CODES`]), code values,
    /// transitions, the genre table and the recalled names.
    pub(crate) fn new(
        bits: u8,
        rows: Vec<[u8; N_TAGS]>,
        levels: Levels,
        trans: Transitions,
        genre: GenreTable,
        recall: Recall,
    ) -> Model {
        debug_assert_eq!(rows.len(), 1 << bits);
        debug_assert!(rows.iter().flatten().all(|&c| usize::from(c) < CODES));
        let rows = rows
            .into_iter()
            .map(|r| {
                let mut row = [0; ROW];
                row[..N_TAGS].copy_from_slice(&r);
                row
            })
            .collect();
        Model {
            bits,
            rows,
            levels,
            trans,
            genre,
            recall,
        }
    }

    /// Reads a model file.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(4)? != MAGIC {
            return Err(ModelError::Malformed);
        }
        if r.u32()? != FORMAT || r.u32()? != FEATURE_SET {
            return Err(ModelError::Version);
        }
        let head = r.take(4)?;
        let (bits, tags) = (head[0], head[1]);
        if usize::from(tags) != N_TAGS {
            return Err(ModelError::Version);
        }
        if !(MIN_BITS..=MAX_BITS).contains(&bits) {
            return Err(ModelError::Malformed);
        }
        let mut trans = [[0.0; N_TAGS]; N_TAGS + 1];
        for row in &mut trans {
            for x in row.iter_mut() {
                *x = f32::from_bits(r.u32()?);
            }
        }
        let mut levels = [0.0; CODES];
        for x in levels.iter_mut() {
            *x = f32::from_bits(r.u32()?);
        }
        if levels[0] != 0.0 {
            return Err(ModelError::Malformed);
        }
        let n_rows = 1usize << bits;
        let bitmap = r.take(n_rows / 8)?;
        let used: Vec<usize> = (0..n_rows)
            .filter(|&k| bitmap[k / 8] & (1 << (k % 8)) != 0)
            .collect();
        let packed = r.take((used.len() * N_TAGS).div_ceil(2))?;
        let mut codes = packed.iter().flat_map(|&b| [b & 0x0f, b >> 4]);
        let mut rows = vec![[0u8; ROW]; n_rows];
        for &k in &used {
            for x in &mut rows[k][..N_TAGS] {
                *x = codes.next().ok_or(ModelError::Malformed)?;
            }
        }
        if codes.any(|pad| pad != 0) {
            return Err(ModelError::Malformed);
        }
        let n_words = r.u32()? as usize;
        let mut words = Vec::with_capacity(n_words.min(bytes.len() / 5));
        for _ in 0..n_words {
            let f = r.u32()?;
            let code = r.take(1)?[0] as i8;
            if words.last().is_some_and(|&(last, _)| last >= f) {
                return Err(ModelError::Malformed);
            }
            words.push((f, code));
        }
        let n_names = r.u32()? as usize;
        let mut names = Vec::with_capacity(n_names.min(bytes.len() / 9));
        for _ in 0..n_names {
            let key = u64::from(r.u32()?) | u64::from(r.u32()?) << 32;
            let kind = *Kind::ALL
                .get(usize::from(r.take(1)?[0]))
                .ok_or(ModelError::Malformed)?;
            if names.last().is_some_and(|&(last, _)| last >= key) {
                return Err(ModelError::Malformed);
            }
            names.push((key, kind));
        }
        if r.pos != bytes.len() {
            return Err(ModelError::Malformed);
        }
        Ok(Model {
            bits,
            rows,
            levels,
            trans,
            genre: GenreTable { words },
            recall: Recall { names },
        })
    }

    #[cfg_attr(not(feature = "train"), allow(dead_code))] // training only
    /// Writes the model file.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&FEATURE_SET.to_le_bytes());
        out.extend_from_slice(&[self.bits, N_TAGS as u8, 0, 0]);
        for row in &self.trans {
            for x in row {
                out.extend_from_slice(&x.to_bits().to_le_bytes());
            }
        }
        for x in &self.levels {
            out.extend_from_slice(&x.to_bits().to_le_bytes());
        }
        let mut bitmap = vec![0u8; self.rows.len() / 8];
        for (k, row) in self.rows.iter().enumerate() {
            if row.iter().any(|&x| x != 0) {
                bitmap[k / 8] |= 1 << (k % 8);
            }
        }
        out.extend_from_slice(&bitmap);
        let codes: Vec<u8> = self
            .rows
            .iter()
            .filter(|r| r.iter().any(|&x| x != 0))
            .flat_map(|r| r[..N_TAGS].iter().copied())
            .collect();
        out.extend(
            codes
                .chunks(2)
                .map(|p| p[0] | p.get(1).map_or(0, |&hi| hi << 4)),
        );
        out.extend_from_slice(&(self.genre.words.len() as u32).to_le_bytes());
        for &(f, code) in &self.genre.words {
            out.extend_from_slice(&f.to_le_bytes());
            out.push(code as u8);
        }
        out.extend_from_slice(&(self.recall.names.len() as u32).to_le_bytes());
        for &(key, kind) in &self.recall.names {
            out.extend_from_slice(&key.to_le_bytes());
            out.push(kind as u8);
        }
        out
    }

    /// Adds the rows of `features` into `scores`.
    #[inline]
    pub(crate) fn emissions(&self, features: &[u64], scores: &mut [f32; N_TAGS]) {
        *scores = [0.0; N_TAGS];
        for &h in features {
            // `bucket` is below `2^bits == rows.len()` by construction.
            let row = &self.rows[bucket(h, self.bits)];
            for (s, &code) in scores.iter_mut().zip(row) {
                // Codes are nibbles; the mask lets the compiler drop the bounds check.
                *s += self.levels[usize::from(code & 0x0f)];
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Malformed)?;
        let s = self.bytes.get(self.pos..end).ok_or(ModelError::Malformed)?;
        self.pos = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_damage() {
        let mut rows = vec![[0u8; N_TAGS]; 1 << MIN_BITS];
        rows[3] = [1, 2, 3, 0, 0, 0, 15];
        rows[900] = [0, 0, 0, 0, 0, 0, 9];
        let mut trans = [[0.0; N_TAGS]; N_TAGS + 1];
        trans[N_TAGS][2] = -5.5;
        let mut levels = [0.0; CODES];
        levels[15] = 0.25;
        let genre = GenreTable {
            words: vec![(7, -3), (9, 64)],
        };
        let recall = Recall {
            names: vec![(5, Kind::Loc), (1 << 40, Kind::Per)],
        };
        let bytes =
            Model::new(MIN_BITS, rows, levels, trans, genre.clone(), recall.clone()).to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.rows[3][..N_TAGS], [1, 2, 3, 0, 0, 0, 15]);
        assert_eq!(back.rows[900][..N_TAGS], [0, 0, 0, 0, 0, 0, 9]);
        assert_eq!(back.levels[15], 0.25);
        assert_eq!(back.trans[N_TAGS][2], -5.5);
        assert_eq!(back.genre, genre);
        assert_eq!(back.recall, recall);
        assert_eq!(back.to_bytes(), bytes);
        assert_eq!(
            Model::from_bytes(&bytes[..bytes.len() - 1]).err(),
            Some(ModelError::Malformed)
        );
        let mut other = bytes.clone();
        other[8] ^= 1;
        assert_eq!(Model::from_bytes(&other).err(), Some(ModelError::Version));
    }
}
