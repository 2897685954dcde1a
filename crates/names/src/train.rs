//! Training: a linear-chain CRF over the same features and decoder as tagging, fitted by
//! AdaGrad on the log-likelihood ([`super::crf`]), then quantisation to the embedded format, and
//! the recipe of the embedded model ([`Recipe`]). Native only; `src/bin/train_ner.rs` is the
//! command around it.
//!
//! Why a CRF: on the same features and data it beat the averaged perceptron it replaced (mean
//! of six seeds: idner-news-2k dev 0.855 -> 0.858, NERGrit 0.735 -> 0.749, real English
//! articles 0.719 -> 0.738), in seconds. An L2 penalty keeps the weights of rare features near
//! zero ([`TrainOptions::l2`]); the weights that are left are coded in 4 bits (see `Codec`).

use super::conll::Labelled;
use super::crf::{self, Trans};
use super::features::{self, TokenInfo};
use super::genre::Genre;
use super::lexicon::Lexicon;
use super::model::{self, bucket, Levels, Transitions, CODES};
use super::recall;
use super::{Kind, Tag, Tagger, N_TAGS};
use bersih::lang::Lang;

/// A data set under `data/ner-id` of the shared folder.
pub struct SharedSet {
    pub name: &'static str,
    pub train: &'static str,
    pub dev: &'static str,
    /// The genre whose convention the set follows.
    pub genre: Genre,
    /// How many times each pass reads the set's sentences.
    pub repeat: usize,
}

/// The shared data sets. idner-news-2k is read twice a pass: its news convention (a country is
/// a place only as a location) is outweighed by every other set, which marks each country. With
/// the L2 penalty, reading it twice raised its dev score by 0.6 (mean of six seeds) and left
/// NERGrit's unchanged.
pub const SETS: [SharedSet; 2] = [
    SharedSet {
        name: "idner-news-2k",
        train: "idner-news-2k/train.txt",
        dev: "idner-news-2k/dev.txt",
        genre: Genre::News,
        repeat: 2,
    },
    SharedSet {
        name: "nergrit",
        train: "nergrit/train_preprocess.txt",
        dev: "nergrit/valid_preprocess.txt",
        genre: Genre::Reference,
        repeat: 1,
    },
];

/// Training sets written for this project, under `data/ner` of the repository as
/// `NAME.conll`: language, the genre whose weights learn their names, and, for Indonesian, the
/// genre their prose reads as in the genre table. Both recipes learn from them (the held-out
/// checks of English and Malay are the separate fixtures under `tests/fixtures/ner`). Most mark
/// every country as a place and learn in [`Genre::Project`], which moves no Indonesian
/// convention; the `idner-style` sets follow the news convention and learn in it.
pub const OWN_SETS: [(&str, Lang, Genre, Option<Genre>); 11] = [
    ("english-a", Lang::En, Genre::Project, None),
    ("english-b", Lang::En, Genre::Project, None),
    ("malay", Lang::Ms, Genre::Project, None),
    ("indonesian-a", Lang::Id, Genre::Project, Some(Genre::News)),
    ("indonesian-b", Lang::Id, Genre::Project, Some(Genre::News)),
    (
        "indonesian-c",
        Lang::Id,
        Genre::Reference,
        Some(Genre::Reference),
    ),
    ("indonesian-d", Lang::Id, Genre::Project, Some(Genre::News)),
    ("idner-style-a", Lang::Id, Genre::News, Some(Genre::News)),
    ("idner-style-b", Lang::Id, Genre::News, Some(Genre::News)),
    ("idner-style-c", Lang::Id, Genre::News, Some(Genre::News)),
    ("idner-style-d", Lang::Id, Genre::News, Some(Genre::News)),
];

/// A training sentence with the language and genre of its set.
#[derive(Clone, Debug)]
pub struct Example {
    /// Selects the cue table and English word mapping, as at tagging time.
    pub lang: Lang,
    /// The convention its set follows.
    pub genre: Genre,
    /// The genre its words stand for in the genre table (Indonesian sets only).
    pub reads_as: Option<Genre>,
    /// Words and gold tags.
    pub sentence: Labelled,
}

/// Which sentences a model learns from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recipe {
    /// Train and dev splits of every set: the embedded model, the most data there is.
    Embedded,
    /// Train splits only, so the dev splits measure it: the recipe the recorded scores describe.
    Dev,
}

/// What a recipe reads.
pub struct Sets {
    /// The sentences to learn from.
    pub train: Vec<Example>,
    /// The dev split of every set, by set name.
    pub devs: Vec<(&'static str, Vec<Labelled>)>,
}

/// The training sentences of `recipe` (optionally of one set only, by name) and the dev
/// splits of the shared sets: [`SETS`] from `shared` (the `data/ner-id` folder), [`OWN_SETS`]
/// from `own` (the repository's `data/ner`).
pub fn read_sets(
    shared: &std::path::Path,
    own: &std::path::Path,
    recipe: Recipe,
    only: Option<&str>,
) -> Result<Sets, String> {
    let read = |path: std::path::PathBuf| {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        super::conll::read_labelled(&text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let examples = |set: Vec<Labelled>, lang, genre, reads_as| {
        set.into_iter().map(move |sentence| Example {
            lang,
            genre,
            reads_as,
            sentence,
        })
    };
    let mut train = Vec::new();
    let mut devs = Vec::new();
    for set in &SETS {
        let dev = read(shared.join(set.dev))?;
        if only.is_none_or(|o| o == set.name) {
            let mut sentences = read(shared.join(set.train))?;
            if recipe == Recipe::Embedded {
                sentences.extend(dev.iter().cloned());
            }
            for _ in 0..set.repeat {
                train.extend(examples(
                    sentences.clone(),
                    Lang::Id,
                    set.genre,
                    Some(set.genre),
                ));
            }
        }
        devs.push((set.name, dev));
    }
    for (name, lang, genre, reads_as) in OWN_SETS {
        if only.is_none_or(|o| o == name) {
            let set = read(own.join(format!("{name}.conll")))?;
            train.extend(examples(set, lang, genre, reads_as));
        }
    }
    Ok(Sets { train, devs })
}

/// How to train.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// The model has `2^bits` feature buckets.
    pub bits: u8,
    /// Passes over the data.
    pub epochs: usize,
    /// AdaGrad's base step.
    pub rate: f64,
    /// Seed of the shuffle between passes.
    pub seed: u64,
    /// Power of the weight coding (1 = even steps, 0.5 = square-root steps: finer for small
    /// weights); see `Codec`.
    pub compand: f64,
    /// Strength of the L2 penalty. Its gradient is added to a weight each time the weight's
    /// feature fires, so the pull toward zero grows with the evidence, as the data term does.
    /// With 8-bit codes, 0.01 raised the mean dev scores of six seeds by 0.2 (idner-news-2k) and
    /// 0.5 (NERGrit).
    pub l2: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            bits: 17,
            epochs: 15,
            rate: 0.02,
            seed: 7,
            compand: 0.5,
            l2: 0.01,
        }
    }
}

/// Largest code magnitude: codes are signed nibbles, −7 to 7.
const QUANT_MAX: f64 = 7.0;

/// Marks a tied feature's bucket in [`Prepared::buckets`] (see [`features::is_tied`]).
const TIED: u32 = 1 << 31;

/// Feature buckets of every token of the training data, computed once.
struct Prepared {
    /// Buckets, all tokens concatenated, [`TIED`] set on those of tied features.
    buckets: Vec<u32>,
    /// For token `t` (global index), its buckets are `buckets[starts[t]..starts[t + 1]]`.
    starts: Vec<usize>,
    /// For each sentence, its global token range and gold tag indices.
    sentences: Vec<(std::ops::Range<usize>, Vec<u8>)>,
}

fn prepare(data: &[Example], opts: &TrainOptions) -> Prepared {
    let mut p = Prepared {
        buckets: Vec::new(),
        starts: vec![0],
        sentences: Vec::with_capacity(data.len()),
    };
    let lexicon = Lexicon::embedded();
    let mut infos: Vec<TokenInfo> = Vec::new();
    let mut feats = Vec::new();
    for Example {
        lang,
        genre,
        sentence: s,
        ..
    } in data
    {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        features::token_infos(&lexicon, &words, Some(*lang), &mut infos);
        let first = p.starts.len() - 1;
        for i in 0..words.len() {
            feats.clear();
            features::features(&infos, i, *genre, &mut feats);
            p.buckets.extend(feats.iter().map(|&h| {
                bucket(h, opts.bits) as u32 | if features::is_tied(h) { TIED } else { 0 }
            }));
            p.starts.push(p.buckets.len());
        }
        p.sentences
            .push((first..first + words.len(), well_formed(&s.tags)));
    }
    p
}

/// Gold tags as indices, with a stray `I-X` (not continuing an `X`) read as `B-X`, since the
/// decoder can only produce well-formed sequences.
fn well_formed(tags: &[Tag]) -> Vec<u8> {
    let mut prev = Tag::O;
    tags.iter()
        .map(|&t| {
            let t = match t {
                Tag::I(k) if prev.kind() != Some(k) => Tag::B(k),
                other => other,
            };
            prev = t;
            t.index() as u8
        })
        .collect()
}

/// CRF weights, with AdaGrad's running sums of squared gradients.
struct Weights {
    emit: Vec<f64>,
    emit_g2: Vec<f64>,
    trans: Trans,
    trans_g2: Trans,
}

/// Keeps AdaGrad's first steps finite.
const G2_FLOOR: f64 = 1e-8;

impl Weights {
    fn new(bits: u8) -> Weights {
        let n = (1usize << bits) * N_TAGS;
        Weights {
            emit: vec![0.0; n],
            emit_g2: vec![G2_FLOOR; n],
            trans: [[0.0; N_TAGS]; N_TAGS + 1],
            trans_g2: [[G2_FLOOR; N_TAGS]; N_TAGS + 1],
        }
    }

    /// One AdaGrad step on a weight and its sum of squares.
    fn step(w: &mut f64, g2: &mut f64, g: f64, rate: f64) {
        if g != 0.0 {
            *g2 += g * g;
            *w -= rate * g / g2.sqrt();
        }
    }

    /// The model file: the weights coded to nibbles, with the genre table and the recalled names.
    fn model_file(
        &self,
        opts: &TrainOptions,
        genre: &[(u32, i8)],
        recall: &[(u64, Kind)],
    ) -> Vec<u8> {
        let codec = Codec::fit(&self.emit, opts.compand);
        let rows: Vec<[u8; N_TAGS]> = self
            .emit
            .chunks_exact(N_TAGS)
            .map(|c| {
                let mut row = [0u8; N_TAGS];
                for (x, &w) in row.iter_mut().zip(c) {
                    *x = codec.encode(w);
                }
                row
            })
            .collect();
        let trans: Transitions = self.trans.map(|row| row.map(|x| x as f32));
        model::write(opts.bits, &rows, &codec.levels(), &trans, genre, recall)
    }
}

/// Codes for weights: a signed power law, `q = round(7 · sign(w) · (|w| / max)^p)` stored as the
/// two's-complement nibble of `q`, so small weights keep finer steps and the largest stays exact.
struct Codec {
    max: f64,
    power: f64,
}

impl Codec {
    fn fit(weights: &[f64], power: f64) -> Codec {
        let max = weights.iter().fold(0.0f64, |m, w| m.max(w.abs()));
        Codec {
            max: if max > 0.0 { max } else { 1.0 },
            power,
        }
    }

    fn encode(&self, w: f64) -> u8 {
        let q = (w.abs() / self.max).powf(self.power) * QUANT_MAX;
        (q.round().min(QUANT_MAX).copysign(w) as i8 as u8) & 0x0f
    }

    fn levels(&self) -> Levels {
        let mut levels = [0.0; CODES];
        for (code, x) in levels.iter_mut().enumerate() {
            // Sign-extends the nibble.
            let q = f64::from(((code as u8) << 4) as i8 >> 4);
            *x = ((q.abs() / QUANT_MAX).powf(1.0 / self.power) * self.max).copysign(q) as f32;
        }
        levels[0] = 0.0;
        levels
    }
}

/// The gradient of a tied feature: each kind's `B-` and `I-` entries both get their sum, so the
/// two weights move together.
fn tie_kinds(mut g: [f64; N_TAGS]) -> [f64; N_TAGS] {
    for kind in Kind::ALL {
        let (b, i) = (Tag::B(kind).index(), Tag::I(kind).index());
        let sum = g[b] + g[i];
        g[b] = sum;
        g[i] = sum;
    }
    g
}

/// A small deterministic generator for the shuffle (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    }
}

/// The names of the Indonesian sets' sentences, by the genre they are written in (see
/// [`recall`]).
fn learn_recall(data: &[Example]) -> Vec<(u64, Kind)> {
    let lexicon = Lexicon::embedded();
    let sets: Vec<(Vec<TokenInfo>, &[Tag], Genre)> = data
        .iter()
        .filter_map(|e| {
            let genre = e.reads_as?;
            let words: Vec<&str> = e.sentence.words.iter().map(String::as_str).collect();
            let mut infos = Vec::new();
            features::token_infos(&lexicon, &words, Some(e.lang), &mut infos);
            Some((infos, e.sentence.tags.as_slice(), genre))
        })
        .collect();
    recall::learn(sets.iter().map(|(i, t, g)| (i.as_slice(), *t, *g)))
}

/// Trains on `data` and returns the model file. After each pass, `each_epoch` gets the pass
/// number (from 1) and a tagger with the weights so far, e.g. to score a dev set.
pub fn train(
    data: &[Example],
    opts: &TrainOptions,
    mut each_epoch: impl FnMut(usize, &Tagger),
) -> Vec<u8> {
    let prepared = prepare(data, opts);
    // Only Indonesian text decides its genre by its words (see `GenreTable::decide`).
    let words_of = |want: Genre| {
        data.iter()
            .filter(move |e| e.reads_as == Some(want))
            .flat_map(|e| e.sentence.words.iter().map(String::as_str))
    };
    let genre = super::genre::learn(words_of(Genre::News), words_of(Genre::Reference));
    let recall = learn_recall(data);
    let mut w = Weights::new(opts.bits);
    let mut order: Vec<usize> = (0..prepared.sentences.len()).collect();
    let mut rng = Rng(opts.seed.max(1));
    let mut scratch = crf::Scratch::default();
    let mut emissions: Vec<[f64; N_TAGS]> = Vec::new();
    let mut emit_grad = Vec::new();
    let mut trans_grad: Trans = [[0.0; N_TAGS]; N_TAGS + 1];
    for epoch in 1..=opts.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &s in &order {
            let (range, gold) = &prepared.sentences[s];
            let rows = |t: usize| &prepared.buckets[prepared.starts[t]..prepared.starts[t + 1]];
            emissions.clear();
            for t in range.clone() {
                let mut e = [0.0; N_TAGS];
                for &b in rows(t) {
                    let base = (b & !TIED) as usize * N_TAGS;
                    for (x, &v) in e.iter_mut().zip(&w.emit[base..base + N_TAGS]) {
                        *x += v;
                    }
                }
                emissions.push(e);
            }
            crf::gradient(
                &emissions,
                &w.trans,
                gold,
                &mut scratch,
                &mut emit_grad,
                &mut trans_grad,
            );
            for (t, g) in range.clone().zip(&emit_grad) {
                for &b in rows(t) {
                    let base = (b & !TIED) as usize * N_TAGS;
                    let g = if b & TIED == 0 { *g } else { tie_kinds(*g) };
                    for (k, &g) in g.iter().enumerate() {
                        let penalty = opts.l2 * w.emit[base + k];
                        Weights::step(
                            &mut w.emit[base + k],
                            &mut w.emit_g2[base + k],
                            g + penalty,
                            opts.rate,
                        );
                    }
                }
            }
            for (p, g_row) in trans_grad.iter().enumerate() {
                for (c, &g) in g_row.iter().enumerate() {
                    Weights::step(&mut w.trans[p][c], &mut w.trans_g2[p][c], g, opts.rate);
                }
            }
        }
        let tagger = Tagger::from_bytes(&w.model_file(opts, &genre, &recall));
        each_epoch(epoch, &tagger.expect("a model just written reads back"));
    }
    w.model_file(opts, &genre, &recall)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conll::read_labelled;
    use crate::TagOptions;

    #[test]
    fn learns_a_tiny_pattern() {
        let text =
            "kata O\nBudi B-PER\n\nkata O\nAni B-PER\n\ndi O\nBandung B-LOC\n\ndi O\nMedan B-LOC\n";
        let data: Vec<Example> = read_labelled(text)
            .unwrap()
            .into_iter()
            .enumerate()
            .map(|(i, sentence)| {
                let genre = if i % 2 == 0 {
                    Genre::News
                } else {
                    Genre::Reference
                };
                Example {
                    lang: Lang::Id,
                    genre,
                    reads_as: Some(genre),
                    sentence,
                }
            })
            .collect();
        let opts = TrainOptions {
            bits: 12,
            epochs: 5,
            ..Default::default()
        };
        let bytes = train(&data, &opts, |_, _| {});
        let tagger = Tagger::from_bytes(&bytes).unwrap();
        let got = tagger.tag_document(
            &[vec!["kata", "Budi"], vec!["di", "Medan"]],
            &TagOptions::default(),
        );
        assert_eq!(got[0][1], Tag::B(crate::Kind::Per));
        assert_eq!(got[1][1], Tag::B(crate::Kind::Loc));
    }

    #[test]
    fn tied_gradients_move_b_and_i_together() {
        let g = tie_kinds([0.5, 1.0, -0.25, 0.0, 2.0, 0.125, 0.125]);
        assert_eq!(g, [0.5, 0.75, 0.75, 2.0, 2.0, 0.25, 0.25]);
    }
}
