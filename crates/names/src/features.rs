//! Features of a token in its sentence, hashed into a fixed number of buckets.
//!
//! Why hashing: the model must fit in well under a megabyte of wasm, and a table of feature
//! strings would weigh more than the weights. Each feature is a template number mixed with a hash
//! of its value (a word, a shape, a suffix, a cue class…), folded into `2^bits` buckets; colliding
//! features share a weight, which training sees and accounts for. The same code computes the
//! features for training and for tagging, and [`FEATURE_SET`] is written into the model, so a
//! model trained with other features is refused rather than silently wrong.
//!
//! A feature is either learned per tag or *tied*: training moves a tied feature's `B-X` and `I-X`
//! weights together, so what a word says about the kind of name it belongs to counts whether it
//! opens the name or continues it. "Obama" is mostly seen after "Barack", yet alone it is still a
//! person. The lowest bit of a hash marks a tied feature ([`is_tied`]); the bucket is taken from
//! the high bits, so tagging just sums rows and never looks at the mark.
//!
//! Per token, the expensive parts (the lower-case hash, shape, affixes, cue classes, gazetteer
//! hits) are computed once ([`TokenInfo`]); the features of a position then only mix numbers.
//! The word tables they look words up in are [`Lexicon`]'s.

use super::cues::{self, Class};
use super::genre::Genre;
use super::lexicon::Lexicon;
use bersih::lang::Lang;

/// Version of the feature templates below. Bump it whenever a template changes; the model
/// records it and refuses to load under another.
pub const FEATURE_SET: u32 = 13;

/// Longest gazetteer entry matched, in tokens.
pub(crate) const MAX_GAZETTEER_TOKENS: usize = 4;

/// Affix lengths (in characters) used as features.
const PREFIX_LENGTHS: [usize; 2] = [2, 3];
const SUFFIX_LENGTHS: [usize; 3] = [2, 3, 4];

/// Longest run of capitalised words told apart by length; longer runs share the last value.
const MAX_CAP_RUN: usize = 4;

/// Gazetteer bits of a token. The name bits come whole from [`Lexicon::names`], so only the
/// build step that writes that table names them.
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) const GAZ_GIVEN: u8 = 1;
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) const GAZ_FAMILY: u8 = 1 << 1;
pub(crate) const GAZ_PLACE_BEGIN: u8 = 1 << 2;
pub(crate) const GAZ_PLACE_INSIDE: u8 = 1 << 3;
pub(crate) const GAZ_PLACE_WHOLE: u8 = 1 << 4;
pub(crate) const GAZ_ORG_BEGIN: u8 = 1 << 5;
pub(crate) const GAZ_ORG_INSIDE: u8 = 1 << 6;
pub(crate) const GAZ_ORG_WHOLE: u8 = 1 << 7;

/// Which list a phrase is on (bits of [`Lexicon::phrases`]).
pub(crate) const LIST_PLACE_ID: u8 = 1;
pub(crate) const LIST_PLACE_EN: u8 = 1 << 1;
pub(crate) const LIST_ORG: u8 = 1 << 2;

/// Word shapes: the coarse look of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Shape {
    Lower = 1,
    Capitalised,
    AllCaps,
    Initial,
    Digits,
    Alnum,
    Punct,
    Mixed,
}

/// What is computed once per token.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TokenInfo {
    pub lower: u64,
    pub shape: Shape,
    /// Hash of the collapsed character-class pattern ("Xx-X" for "Jokowi-JK").
    pub pattern: u64,
    pub prefixes: [u64; PREFIX_LENGTHS.len()],
    pub suffixes: [u64; SUFFIX_LENGTHS.len()],
    pub cue: Class,
    pub gaz: u8,
    /// Frequency band of the lower-case word in everyday Indonesian (0 = not among the common).
    pub band: u8,
    /// Length of the run of capitalised tokens this one is in, and its place in the run (both
    /// capped at [`MAX_CAP_RUN`]); zero when the token is not capitalised.
    pub cap_run: u8,
    pub cap_pos: u8,
    /// The head-word cue classes found anywhere in that run: "Kementerian Kesehatan" and
    /// "Health Ministry" both hold an organisation head, whichever end it sits at.
    pub run_heads: Class,
    /// How name-like the letters of a capitalised word are (`LetterModel::levels`); zero
    /// for other tokens.
    pub letters: u8,
}

impl TokenInfo {
    pub fn is_capitalised(&self) -> bool {
        matches!(
            self.shape,
            Shape::Capitalised | Shape::AllCaps | Shape::Initial | Shape::Mixed
        )
    }
}

/// FNV-1a over the lower-case form of `word` (ASCII fast path).
pub(crate) fn lower_hash(word: &str) -> u64 {
    let mut h = FNV_OFFSET;
    if word.is_ascii() {
        for &b in word.as_bytes() {
            h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
        }
        return h;
    }
    let mut buf = [0u8; 4];
    for c in word.chars().flat_map(char::to_lowercase) {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }
    h
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Whether training ties the `B-X` and `I-X` weights of feature `hash` (see the module doc).
#[cfg_attr(not(feature = "train"), allow(dead_code))] // training only
pub(crate) fn is_tied(hash: u64) -> bool {
    hash & 1 == 1
}

/// Mixes two hashes into one (order matters).
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^ (x >> 31)
}

/// Hash of a sequence of lower-case word hashes.
pub(crate) fn seq_hash(tokens: impl Iterator<Item = u64>) -> u64 {
    tokens.fold(FNV_OFFSET, mix)
}

fn shape_of(word: &str) -> Shape {
    let mut upper = 0;
    let mut lower = 0;
    let mut digit = 0;
    let mut other = 0;
    let mut first_upper = false;
    for (i, c) in word.chars().enumerate() {
        if c.is_uppercase() {
            upper += 1;
            first_upper |= i == 0;
        } else if c.is_lowercase() {
            lower += 1;
        } else if c.is_numeric() {
            digit += 1;
        } else {
            other += 1;
        }
    }
    let letters = upper + lower;
    match () {
        _ if letters == 0 && digit == 0 => Shape::Punct,
        _ if letters == 0 => Shape::Digits,
        _ if digit > 0 => Shape::Alnum,
        _ if upper == 0 => Shape::Lower,
        _ if upper == 1 && first_upper && lower == 0 => Shape::Initial,
        _ if lower == 0 => Shape::AllCaps,
        _ if upper == 1 && first_upper => Shape::Capitalised,
        _ if first_upper && other > 0 => Shape::Capitalised,
        _ => Shape::Mixed,
    }
}

/// Collapsed character-class pattern hash: runs of one class count once ("Xx-X").
fn pattern_hash(word: &str) -> u64 {
    let mut h = FNV_OFFSET;
    let mut last = 0u8;
    for c in word.chars() {
        let class = match c {
            _ if c.is_uppercase() => b'X',
            _ if c.is_lowercase() => b'x',
            _ if c.is_numeric() => b'd',
            _ if c.is_ascii() => c as u8,
            _ => b'?',
        };
        if class != last {
            h = (h ^ u64::from(class)).wrapping_mul(FNV_PRIME);
            last = class;
        }
    }
    h
}

/// Hashes of the lower-case first `n` characters, for each `n` in `lens`; a word shorter than
/// `n` gets a hash of its whole form marked as short.
fn affix_hashes<const N: usize>(word: &str, lens: [usize; N], from_end: bool) -> [u64; N] {
    let mut res = [0; N];
    let n_chars = word.chars().count();
    for (slot, &len) in res.iter_mut().zip(lens.iter()) {
        if n_chars <= len {
            *slot = mix(lower_hash(word), 0x5107);
            continue;
        }
        let part = if from_end {
            let cut = word.char_indices().nth(n_chars - len).map_or(0, |p| p.0);
            &word[cut..]
        } else {
            let cut = word.char_indices().nth(len).map_or(word.len(), |p| p.0);
            &word[..cut]
        };
        *slot = mix(
            lower_hash(part),
            len as u64 + if from_end { 100 } else { 0 },
        );
    }
    res
}

/// Computes the per-token information of a sentence.
pub(crate) fn token_infos(
    lex: &Lexicon<'_>,
    tokens: &[&str],
    lang: Option<Lang>,
    out: &mut Vec<TokenInfo>,
) {
    let english = lang == Some(Lang::En);
    out.clear();
    for w in tokens {
        let word_hash = lower_hash(w);
        let mut lower = word_hash;
        let cue = lex.cues.get(lower).map_or(0, |c| match lang {
            Some(Lang::En) => c[1],
            Some(Lang::Id | Lang::Ms) => c[0],
            None => c[0] | c[1],
        });
        // A period-final abbreviation ("Dr.") looks up as the bare word.
        let cue = if cue == 0 && w.len() > 1 && w.ends_with('.') {
            lex.cues
                .get(lower_hash(&w[..w.len() - 1]))
                .map_or(0, |c| c[0] | c[1])
        } else {
            cue
        };
        if english {
            lower = lex.en_to_id.get(lower).unwrap_or(lower);
        }
        let shape = shape_of(w);
        out.push(TokenInfo {
            lower,
            shape,
            pattern: pattern_hash(w),
            prefixes: affix_hashes(w, PREFIX_LENGTHS, false),
            suffixes: affix_hashes(w, SUFFIX_LENGTHS, true),
            cue,
            gaz: lex.names.get(seq_hash(std::iter::once(lower))).unwrap_or(0),
            band: lex
                .bands
                .get(word_hash)
                .map_or(0, |b| b[usize::from(english)]),
            cap_run: 0,
            cap_pos: 0,
            run_heads: 0,
            letters: if shape == Shape::Capitalised {
                lex.letters.levels(w)
            } else {
                0
            },
        });
    }
    let places = match lang {
        Some(Lang::En) => LIST_PLACE_EN,
        Some(Lang::Id | Lang::Ms) => LIST_PLACE_ID,
        None => LIST_PLACE_ID | LIST_PLACE_EN,
    };
    let place_marks = [GAZ_PLACE_BEGIN, GAZ_PLACE_INSIDE, GAZ_PLACE_WHOLE];
    mark_phrases(lex, places, place_marks, out);
    mark_phrases(
        lex,
        LIST_ORG,
        [GAZ_ORG_BEGIN, GAZ_ORG_INSIDE, GAZ_ORG_WHOLE],
        out,
    );
    mark_cap_runs(out);
}

/// Marks the longest match of a `want` list starting at each capitalised token, left to right,
/// with `marks` (begin, inside, whole).
fn mark_phrases(lex: &Lexicon<'_>, want: u8, marks: [u8; 3], infos: &mut [TokenInfo]) {
    let mut i = 0;
    while i < infos.len() {
        let mut best = 0;
        let mut h = FNV_OFFSET;
        for (n, info) in infos[i..].iter().take(MAX_GAZETTEER_TOKENS).enumerate() {
            if !info.is_capitalised() {
                break;
            }
            h = mix(h, info.lower);
            if lex.phrases.get(h).is_some_and(|b| b & want != 0) {
                best = n + 1;
            }
        }
        if best == 0 {
            i += 1;
            continue;
        }
        for (k, info) in infos[i..i + best].iter_mut().enumerate() {
            info.gaz |= match (k, best) {
                (_, 1) => marks[2],
                (0, _) => marks[0],
                _ => marks[1],
            };
        }
        i += best;
    }
}

/// Cue classes that name what a capitalised run is.
const RUN_HEADS: Class = cues::ORG_HEAD | cues::ORG_TAIL | cues::PLACE_HEAD;

fn mark_cap_runs(infos: &mut [TokenInfo]) {
    let mut i = 0;
    while i < infos.len() {
        if !infos[i].is_capitalised() {
            i += 1;
            continue;
        }
        let start = i;
        while i < infos.len() && infos[i].is_capitalised() {
            i += 1;
        }
        let len = (i - start).min(MAX_CAP_RUN) as u8;
        let heads = infos[start..i]
            .iter()
            .fold(0, |c, info| c | (info.cue & RUN_HEADS));
        for (k, info) in infos[start..i].iter_mut().enumerate() {
            info.cap_run = len;
            info.cap_pos = k.min(MAX_CAP_RUN - 1) as u8 + 1;
            info.run_heads = heads;
        }
    }
}

/// Template numbers. Each feature is `mix(template, value)`.
mod t {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const WORD_PREV: u64 = 3;
    pub const WORD_NEXT: u64 = 4;
    pub const WORD_PREV2: u64 = 5;
    pub const WORD_NEXT2: u64 = 6;
    pub const BIGRAM_PREV: u64 = 7;
    pub const BIGRAM_NEXT: u64 = 8;
    pub const SHAPE: u64 = 9;
    pub const SHAPE_PREV: u64 = 10;
    pub const SHAPE_NEXT: u64 = 11;
    pub const SHAPES_PREV: u64 = 12;
    pub const SHAPES_NEXT: u64 = 13;
    pub const SHAPE_FIRST: u64 = 14;
    pub const PATTERN: u64 = 15;
    pub const PREFIX: u64 = 16;
    pub const SUFFIX: u64 = 20;
    pub const CUE: u64 = 30;
    pub const CUE_PREV: u64 = 31;
    pub const CUE_PREV2: u64 = 32;
    pub const CUE_NEXT: u64 = 33;
    pub const CUE_NEXT2: u64 = 34;
    pub const CUE_PREV_SHAPE: u64 = 35;
    pub const GAZ: u64 = 40;
    pub const GAZ_PREV: u64 = 41;
    pub const GAZ_NEXT: u64 = 42;
    pub const WORD_SHAPE: u64 = 43;
    pub const WORD_KIND: u64 = 53;
    pub const CAP_RUN: u64 = 44;
    pub const WORD_PREV_SHAPE: u64 = 45;
    pub const CUE_CAP_RUN_START: u64 = 46;
    pub const SUFFIX_SHAPE: u64 = 47;
    pub const RUN_HEADS: u64 = 52;
    pub const BAND: u64 = 48;
    pub const BAND_NEXT: u64 = 49;
    pub const BAND_PREV: u64 = 50;
    pub const LETTERS: u64 = 54;
}

/// Value standing for "outside the sentence" in neighbour templates.
const EDGE: u64 = 0xed9e;

/// Pushes the feature hashes of position `i` onto `out`: the shared ones, and for the word and
/// gazetteer templates also a copy marked with the text's genre (see [`super::genre`]).
pub(crate) fn features(infos: &[TokenInfo], i: usize, genre: Genre, out: &mut Vec<u64>) {
    let cur = &infos[i];
    let prev = i.checked_sub(1).and_then(|j| infos.get(j));
    let prev2 = i.checked_sub(2).and_then(|j| infos.get(j));
    let next = infos.get(i + 1);
    let next2 = infos.get(i + 2);
    let word = |x: Option<&TokenInfo>| x.map_or(EDGE, |x| x.lower);
    let shape = |x: Option<&TokenInfo>| x.map_or(EDGE, |x| x.shape as u64);
    let cue = |x: Option<&TokenInfo>| x.map_or(0, |x| u64::from(x.cue));
    let gaz = |x: Option<&TokenInfo>| x.map_or(0, |x| u64::from(x.gaz));
    let shape0 = cur.shape as u64;
    let salt = genre.salt();
    // Learned per kind, whether the token opens the name or continues it.
    out.extend([
        mix(t::WORD_KIND, cur.lower) | 1,
        mix(t::WORD_SHAPE, mix(cur.lower, shape0)) | 1,
    ]);
    let mut both = |template: u64, value: u64| {
        let f = mix(template, value) & !1;
        out.extend([f, mix(f, salt) & !1]);
    };
    both(t::WORD, cur.lower);
    both(t::WORD_PREV, word(prev));
    both(t::WORD_NEXT, word(next));
    if cur.gaz != 0 {
        both(t::GAZ, mix(gaz(Some(cur)), shape0));
    }
    if gaz(prev) != 0 {
        both(t::GAZ_PREV, gaz(prev));
    }
    if gaz(next) != 0 {
        both(t::GAZ_NEXT, gaz(next));
    }
    let mut push = |template: u64, value: u64| out.push(mix(template, value) & !1);
    push(t::BIAS, 0);
    push(t::WORD_PREV2, word(prev2));
    push(t::WORD_NEXT2, word(next2));
    push(t::BIGRAM_PREV, mix(word(prev), cur.lower));
    push(t::BIGRAM_NEXT, mix(cur.lower, word(next)));
    push(t::WORD_PREV_SHAPE, mix(word(prev), shape0));
    push(t::SHAPE, shape0);
    push(t::SHAPE_PREV, shape(prev));
    push(t::SHAPE_NEXT, shape(next));
    push(t::SHAPES_PREV, mix(shape(prev), shape0));
    push(t::SHAPES_NEXT, mix(shape0, shape(next)));
    push(t::SHAPE_FIRST, mix(shape0, u64::from(i == 0)));
    push(t::PATTERN, cur.pattern);
    for (k, &p) in cur.prefixes.iter().enumerate() {
        push(t::PREFIX + k as u64, p);
    }
    for (k, &s) in cur.suffixes.iter().enumerate() {
        push(t::SUFFIX + k as u64, s);
    }
    push(t::SUFFIX_SHAPE, mix(cur.suffixes[1], shape0));
    let band = |x: Option<&TokenInfo>| x.map_or(9, |x| u64::from(x.band));
    push(
        t::BAND,
        mix(band(Some(cur)), shape0 << 1 | u64::from(i == 0)),
    );
    push(t::BAND_PREV, mix(band(prev), shape0));
    push(t::BAND_NEXT, mix(band(next), shape0));
    if cur.letters != 0 {
        push(t::LETTERS, u64::from(cur.letters) << 1 | u64::from(i == 0));
    }
    if cur.cue != 0 {
        push(t::CUE, cue(Some(cur)));
    }
    if cue(prev) != 0 {
        push(t::CUE_PREV, cue(prev));
        push(t::CUE_PREV_SHAPE, mix(cue(prev), shape0));
    }
    if cue(prev2) != 0 {
        push(t::CUE_PREV2, cue(prev2));
    }
    if cue(next) != 0 {
        push(t::CUE_NEXT, cue(next));
    }
    if cue(next2) != 0 {
        push(t::CUE_NEXT2, cue(next2));
    }
    if cur.cap_run > 0 {
        push(
            t::CAP_RUN,
            u64::from(cur.cap_run) << 8 | u64::from(cur.cap_pos),
        );
        if cur.run_heads != 0 {
            push(
                t::RUN_HEADS,
                u64::from(cur.run_heads) << 8 | u64::from(cur.cap_pos.min(2)),
            );
        }
        // The cue word just before the run this token is in ("Gubernur [Ridwan Kamil]").
        let run_start = i + 1 - usize::from(cur.cap_pos);
        if let Some(before) = run_start.checked_sub(1).and_then(|j| infos.get(j)) {
            if before.cue != 0 {
                push(
                    t::CUE_CAP_RUN_START,
                    u64::from(before.cue) << 8 | u64::from(cur.cap_pos),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let cases = [
            ("jakarta", Shape::Lower),
            ("Jakarta", Shape::Capitalised),
            ("KPK", Shape::AllCaps),
            ("H", Shape::Initial),
            ("2014", Shape::Digits),
            ("24/8", Shape::Digits),
            ("B2B", Shape::Alnum),
            (",", Shape::Punct),
            ("Jokowi-JK", Shape::Capitalised),
            ("iPhone", Shape::Mixed),
        ];
        for (w, want) in cases {
            assert_eq!(shape_of(w), want, "{w}");
        }
    }

    /// The tied features say what the word is, wherever it stands: "Obama" after "Barack"
    /// and "Obama" opening a sentence share them, and nothing else is tied.
    #[test]
    fn tied_features_carry_the_word_alone() {
        let tied = |words: &[&str], i: usize| {
            let mut infos = Vec::new();
            token_infos(&Lexicon::embedded(), words, Some(Lang::Id), &mut infos);
            let mut out = Vec::new();
            features(&infos, i, Genre::News, &mut out);
            out.into_iter()
                .filter(|&h| is_tied(h))
                .collect::<Vec<u64>>()
        };
        let inside = tied(&["kata", "Barack", "Obama", "kemarin"], 2);
        assert_eq!(inside.len(), 2);
        assert_eq!(inside, tied(&["Obama", "tiba"], 0));
        assert_ne!(inside, tied(&["Biden", "tiba"], 0));
    }

    #[test]
    fn places_and_cues_are_marked() {
        let words = [
            "Gubernur", "Ridwan", "tiba", "di", "Korea", "Selatan", "pada", "Senin",
        ];
        let mut infos = Vec::new();
        token_infos(&Lexicon::embedded(), &words, Some(Lang::Id), &mut infos);
        assert_eq!(infos[0].cue, cues::TITLE);
        assert_eq!(infos[3].cue, cues::PLACE_PREP);
        assert_eq!(infos[4].gaz & GAZ_PLACE_BEGIN, GAZ_PLACE_BEGIN);
        assert_eq!(infos[5].gaz & GAZ_PLACE_INSIDE, GAZ_PLACE_INSIDE);
        assert_eq!(infos[7].cue, cues::CALENDAR);
        assert_eq!((infos[0].cap_run, infos[1].cap_pos), (2, 2));
    }
}
