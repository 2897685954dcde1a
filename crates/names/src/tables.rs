//! Lookup tables read in place from the bytes the build embeds.
//!
//! Why: the recogniser's word tables and the model's genre table and recalled names are written
//! by the build step in their final form (`train-ner --tables`, `train-ner`) and read where they
//! lie, so loading is a few header checks. Building hash maps from the word lists and learning
//! the letter models at first use took about 6 ms natively, more in the wasm, on every page that
//! showed names.
//!
//! One shape, [`Table`], for keys that are already uniform hashes: a perfect hash laid out by
//! the build. The keys are split into buckets of about four by their high bits, and the build
//! searches, bucket by bucket, a 16-bit *pilot* that sends every key of the bucket to a slot of
//! its own (the "hash and displace" idea behind PTHash). A lookup reads the bucket's pilot from a
//! small array and compares the one record of its slot: a few instructions and one scattered
//! read, as cheap as the hash maps it replaces (tagging makes about five lookups per token).
//! Sorted keys cut into buckets by a directory made tagging take 30% longer, with a tag byte per
//! key to skip most keys 20%; a binary search reads a dozen scattered keys a lookup.
//!
//! The bytes carry no alignment, so every number is read with `from_le_bytes` (little-endian).
//! One [`Value`] implementation per type both reads and writes it, so the layout is defined once.

use std::marker::PhantomData;

/// A fixed-width little-endian value in a table.
pub(crate) trait Value: Sized {
    /// Bytes per value.
    const WIDTH: usize;
    /// Reads a value from exactly [`Value::WIDTH`] bytes.
    fn read(bytes: &[u8]) -> Self;
    /// Appends the value's bytes.
    #[cfg(feature = "train")]
    fn write(&self, out: &mut Vec<u8>);
}

macro_rules! number_value {
    ($($t:ty),*) => {$(
        impl Value for $t {
            const WIDTH: usize = std::mem::size_of::<$t>();
            #[inline]
            fn read(bytes: &[u8]) -> Self {
                <$t>::from_le_bytes(bytes.try_into().expect("a value is read from its width"))
            }
            #[cfg(feature = "train")]
            fn write(&self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
        }
    )*};
}

number_value!(u8, i8, u16, u32, u64, f32);

impl<T: Value, const N: usize> Value for [T; N] {
    const WIDTH: usize = N * T::WIDTH;
    #[inline]
    fn read(bytes: &[u8]) -> Self {
        std::array::from_fn(|i| T::read(&bytes[i * T::WIDTH..(i + 1) * T::WIDTH]))
    }
    #[cfg(feature = "train")]
    fn write(&self, out: &mut Vec<u8>) {
        for x in self {
            x.write(out);
        }
    }
}

/// A cursor over bytes being checked and cut into sections.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }

    /// How many bytes have been read.
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    /// Whether every byte has been read.
    pub(crate) fn is_done(&self) -> bool {
        self.pos == self.bytes.len()
    }

    /// The next `n` bytes, or `None` when fewer are left.
    pub(crate) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }

    pub(crate) fn value<V: Value>(&mut self) -> Option<V> {
        self.take(V::WIDTH).map(V::read)
    }

    /// `n` values of `width` bytes each.
    fn array(&mut self, n: usize, width: usize) -> Option<&'a [u8]> {
        self.take(n.checked_mul(width)?)
    }
}

/// A table key: a hash whose bits are all equally spread.
pub(crate) trait Key: Value + Copy + Eq {
    /// The key moved to the top of 64 bits, where the bucket and slot are taken from.
    fn wide(self) -> u64;
}

impl Key for u32 {
    fn wide(self) -> u64 {
        u64::from(self) << 32
    }
}

impl Key for u64 {
    fn wide(self) -> u64 {
        self
    }
}

/// `x × n / 2^64`: a number below `n` from all the bits of `x`, without a division.
fn below(x: u64, n: usize) -> usize {
    ((u128::from(x) * n as u128) >> 64) as usize
}

/// The bucket of a key: from its high 32 bits.
fn bucket(wide: u64, buckets: usize) -> usize {
    below(wide >> 32 << 32, buckets)
}

/// The slot a pilot sends a key to: a different spread of all its bits for each pilot.
fn slot(wide: u64, pilot: u16, slots: usize) -> usize {
    let h = (wide ^ u64::from(pilot).wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .wrapping_mul(0xbf58_476d_1ce4_e5b9);
    below(h ^ (h >> 31), slots)
}

/// A map from hash keys `K` to values `V`, read in place.
///
/// Layout: buckets `u32`, slots `u32`, key width `u8`, value width `u8`, two zero bytes; a pilot
/// `u16` per bucket; a record per slot, a key and its value. A slot no key took holds a copy of
/// a record of the table, whose key has its own slot and so is never looked up there.
pub(crate) struct Table<'a, K, V> {
    pilots: &'a [u8],
    records: &'a [u8],
    types: PhantomData<(K, V)>,
}

impl<'a, K: Key, V: Value> Table<'a, K, V> {
    const RECORD: usize = K::WIDTH + V::WIDTH;

    /// Reads a table at the reader's position. Only lengths are checked (a few comparisons):
    /// a damaged table can answer wrongly but never reads out of bounds.
    pub(crate) fn read(r: &mut Reader<'a>) -> Option<Table<'a, K, V>> {
        let [buckets, slots] = r.value::<[u32; 2]>()?.map(|n| n as usize);
        let [key_width, value_width, 0, 0] = r.value::<[u8; 4]>()? else {
            return None;
        };
        let widths = (usize::from(key_width), usize::from(value_width));
        if widths != (K::WIDTH, V::WIDTH) || (slots == 0) != (buckets == 0) {
            return None;
        }
        Some(Table {
            pilots: r.array(buckets, 2)?,
            records: r.array(slots, Self::RECORD)?,
            types: PhantomData,
        })
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The value of `key`, if it is in the table.
    #[inline]
    pub(crate) fn get(&self, key: K) -> Option<V> {
        let wide = key.wide();
        let b = bucket(wide, self.pilots.len() / 2);
        let pilot = u16::read(self.pilots.get(2 * b..2 * b + 2)?);
        let s = slot(wide, pilot, self.records.len() / Self::RECORD);
        let record = &self.records[s * Self::RECORD..(s + 1) * Self::RECORD];
        (K::read(&record[..K::WIDTH]) == key).then(|| V::read(&record[K::WIDTH..]))
    }
}

#[cfg(feature = "train")]
impl<K: Key, V: Value> Table<'_, K, V> {
    /// Writes the table of `entries` (distinct keys, in any order; the same entries in the same
    /// order make the same bytes).
    pub(crate) fn write(entries: &[(K, V)], out: &mut Vec<u8>) {
        let mut keys: Vec<u64> = entries.iter().map(|e| e.0.wide()).collect();
        keys.sort_unstable();
        assert!(
            keys.windows(2).all(|w| w[0] != w[1]),
            "table keys are distinct"
        );
        // Buckets of about four keys, and a slot in a hundred left free, keep every pilot small.
        let buckets = entries.len().div_ceil(4);
        let mut slots = entries.len() + entries.len() / 100;
        let pilots = loop {
            match pilots(entries, buckets, slots) {
                Some(pilots) => break pilots,
                None => slots += 1 + slots / 100,
            }
        };
        let mut taken: Vec<Option<&(K, V)>> = vec![None; slots];
        for e in entries {
            let wide = e.0.wide();
            taken[slot(wide, pilots[bucket(wide, buckets)], slots)] = Some(e);
        }
        [buckets, slots]
            .map(|n| u32::try_from(n).expect("under 2^32"))
            .write(out);
        [K::WIDTH as u8, V::WIDTH as u8, 0, 0].write(out);
        pilots.iter().for_each(|p| p.write(out));
        for (k, v) in taken.iter().map(|e| e.unwrap_or(&entries[0])) {
            k.write(out);
            v.write(out);
        }
    }
}

/// A pilot for each bucket that sends every key to a slot of its own, if one under `2^16` is
/// found for each: the largest buckets first, while most slots are free.
#[cfg(feature = "train")]
fn pilots<K: Key, V>(entries: &[(K, V)], buckets: usize, slots: usize) -> Option<Vec<u16>> {
    let mut members: Vec<Vec<u64>> = vec![Vec::new(); buckets];
    for (k, _) in entries {
        members[bucket(k.wide(), buckets)].push(k.wide());
    }
    let mut order: Vec<usize> = (0..buckets).collect();
    order.sort_by_key(|&b| std::cmp::Reverse(members[b].len()));
    let mut free = vec![true; slots];
    let mut pilots = vec![0u16; buckets];
    let mut chosen = Vec::new();
    for b in order {
        pilots[b] = (0..=u16::MAX).find(|&p| {
            chosen.clear();
            chosen.extend(members[b].iter().map(|&w| slot(w, p, slots)));
            chosen.sort_unstable();
            chosen.windows(2).all(|w| w[0] != w[1]) && chosen.iter().all(|&s| free[s])
        })?;
        chosen.iter().for_each(|&s| free[s] = false);
    }
    Some(pilots)
}

#[cfg(all(test, feature = "train"))]
mod tests {
    use super::*;

    /// Keys spread like hashes, from a fixed xorshift sequence.
    fn keys(n: usize) -> Vec<u64> {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x
            })
            .collect()
    }

    /// Writes `entries` and a byte after them.
    fn write<K: Key, V: Value>(entries: &[(K, V)]) -> Vec<u8> {
        let mut bytes = Vec::new();
        Table::write(entries, &mut bytes);
        bytes.push(9);
        bytes
    }

    #[test]
    fn tables_find_every_key_and_nothing_else() {
        for n in [0, 1, 7, 1000] {
            let all = keys(2 * n);
            let entries: Vec<(u64, [u16; 2])> = all[..n]
                .iter()
                .map(|&k| (k, [k as u16, (k >> 48) as u16]))
                .collect();
            let bytes = write(&entries);
            let mut r = Reader::new(&bytes);
            let table: Table<'_, u64, [u16; 2]> = Table::read(&mut r).unwrap();
            assert_eq!(r.take(1), Some(&[9u8][..]));
            assert_eq!(table.is_empty(), n == 0);
            for &(k, v) in &entries {
                assert_eq!(table.get(k), Some(v));
            }
            for &k in &all[n..] {
                assert_eq!(table.get(k), None);
            }
            // In the bucket of a present key, another key.
            if let Some(&(k, _)) = entries.first() {
                assert_eq!(table.get(k ^ 1), None);
            }
            let wrong_width = Table::<u64, u64>::read(&mut Reader::new(&bytes));
            assert!(wrong_width.is_none());
            let cut = &bytes[..bytes.len() - 2];
            assert!(Table::<u64, [u16; 2]>::read(&mut Reader::new(cut)).is_none());
        }
    }

    #[test]
    fn narrow_keys_are_found() {
        let entries: Vec<(u32, i8)> = keys(300).iter().map(|&k| (k as u32, k as i8)).collect();
        let bytes = write(&entries);
        let table: Table<'_, u32, i8> = Table::read(&mut Reader::new(&bytes)).unwrap();
        for (k, v) in entries {
            assert_eq!(table.get(k), Some(v));
        }
    }
}
