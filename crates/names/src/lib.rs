//! Named entities: the people, organisations and places an article is about.
//!
//! Why a crate of its own: the reader view highlights names in the browser, with no server to
//! ask, so the recogniser is plain Rust with its model embedded; but only the reader needs it,
//! so it is built into its own wasm module that a page load never fetches, and the core
//! (`bersih`) only places the mentions it is given.
//!
//! How: [`token`] splits text into words with their byte ranges; `features` describes each word
//! in its sentence (its form, shape, affixes, neighbours, cue words from [`cues`], gazetteer
//! hits, how name-like its letters are by `letters`); a linear-chain CRF's weights score each
//! BIO tag per word, and Viterbi decoding picks the best well-formed tag sequence; `recall` tags
//! the training sets' names the tagger left untagged; `document` then makes the whole text agree
//! with itself (a surname gets the type of the full name, titles and calendar words stay outside
//! names). The
//! two training sets mark names by different conventions, so some weights are learned per
//! [`Genre`] (news reports, reference prose) and a text is tagged in the genre its words
//! suggest.
//!
//! Entry points: [`mentions`] (byte ranges in a text, for highlighting), [`entities`] (distinct
//! names with counts), [`Tagger::tag_document`] (pre-tokenised sentences, for CoNLL files).
//! Training ([`train`], feature `train`) uses the same features and writes the file embedded here.
//!
//! Start-up: the model and the word tables ([`lexicon`]) are embedded in the form tagging reads
//! and read where they lie, so the first use checks a few headers (well under a millisecond)
//! instead of building tables from the word lists, which are build input only.
//!
//! ```
//! use bersih_names::{mentions, Kind};
//! let text = "Presiden Joko Widodo tiba di Surabaya pada Senin.";
//! let found: Vec<(&str, Kind)> = mentions(text, None)
//!     .iter()
//!     .map(|m| (&text[m.start..m.end], m.kind))
//!     .collect();
//! assert_eq!(found, [("Joko Widodo", Kind::Per), ("Surabaya", Kind::Loc)]);
//! ```

#[cfg(feature = "train")]
pub mod articles;
pub mod conll;
#[cfg(feature = "train")]
mod crf;
pub mod cues;
mod dateline;
mod decode;
mod document;
mod english;
mod features;
#[cfg(feature = "train")]
mod gazetteer;
mod genre;
mod letters;
pub mod lexicon;
mod model;
mod recall;
mod tables;
pub mod token;
#[cfg(feature = "train")]
pub mod train;

use std::borrow::Cow;
use std::sync::OnceLock;

use bersih::lang::Lang;
pub use bersih::mention::{group, Entity, Kind, Mention};
pub use genre::Genre;
pub use model::ModelError;

/// The model the build embeds, written by `cargo run --release --bin train-ner`.
const EMBEDDED_MODEL: &[u8] = include_bytes!("data/ner.model");

/// Number of BIO tags: `O` plus `B-`/`I-` for each [`Kind`].
pub(crate) const N_TAGS: usize = 7;

/// A BIO tag of one token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    /// Outside any entity.
    O,
    /// First token of an entity.
    B(Kind),
    /// Later token of an entity.
    I(Kind),
}

const TAGS: [Tag; N_TAGS] = [
    Tag::O,
    Tag::B(Kind::Per),
    Tag::I(Kind::Per),
    Tag::B(Kind::Org),
    Tag::I(Kind::Org),
    Tag::B(Kind::Loc),
    Tag::I(Kind::Loc),
];

impl Tag {
    /// The CoNLL label: `O`, `B-PER`, `I-LOC`…
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::O => "O",
            Tag::B(Kind::Per) => "B-PER",
            Tag::I(Kind::Per) => "I-PER",
            Tag::B(Kind::Org) => "B-ORG",
            Tag::I(Kind::Org) => "I-ORG",
            Tag::B(Kind::Loc) => "B-LOC",
            Tag::I(Kind::Loc) => "I-LOC",
        }
    }

    /// Reads a CoNLL label, accepting the NERGrit names (`PERSON`, `ORGANISATION`, `PLACE`) and
    /// the usual variants as well as `PER`, `ORG`, `LOC`. Other types read as `O`.
    pub fn parse(label: &str) -> Option<Tag> {
        if label == "O" {
            return Some(Tag::O);
        }
        let (prefix, name) = label.split_once('-')?;
        let kind = match name {
            "PER" | "PERSON" => Kind::Per,
            "ORG" | "ORGANISATION" | "ORGANIZATION" => Kind::Org,
            "LOC" | "PLACE" | "LOCATION" | "GPE" => Kind::Loc,
            _ => return Some(Tag::O),
        };
        match prefix {
            "B" => Some(Tag::B(kind)),
            "I" => Some(Tag::I(kind)),
            _ => None,
        }
    }

    /// The entity type, unless `O`.
    pub fn kind(self) -> Option<Kind> {
        match self {
            Tag::O => None,
            Tag::B(k) | Tag::I(k) => Some(k),
        }
    }

    // Used by training and tests, which wasm builds leave out.
    #[cfg_attr(not(feature = "train"), allow(dead_code))]
    pub(crate) fn index(self) -> usize {
        match self {
            Tag::O => 0,
            Tag::B(k) => 1 + 2 * k as usize,
            Tag::I(k) => 2 + 2 * k as usize,
        }
    }

    pub(crate) fn from_index(i: usize) -> Tag {
        TAGS[i]
    }
}

/// An entity as a token range `start..end` of its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Type.
    pub kind: Kind,
}

/// The entities of a tag sequence. An `I-X` that does not continue an `X` opens a new entity,
/// as the CoNLL scorer reads it.
pub fn spans(tags: &[Tag]) -> Vec<Span> {
    let mut res: Vec<Span> = Vec::new();
    let mut open: Option<Span> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let continues = matches!((tag, open), (Tag::I(k), Some(s)) if s.kind == k);
        if continues {
            if let Some(s) = open.as_mut() {
                s.end = i + 1;
            }
            continue;
        }
        res.extend(open.take());
        if let Some(kind) = tag.kind() {
            open = Some(Span {
                start: i,
                end: i + 1,
                kind,
            });
        }
    }
    res.extend(open);
    res
}

/// How to tag.
#[derive(Clone, Copy, Debug)]
pub struct TagOptions {
    /// Language of the text; `None` uses the cue words of every language.
    pub lang: Option<Lang>,
    /// Make the document agree with itself after tagging (see the module docs).
    pub document: bool,
    /// The convention to tag by; `None` decides it from the document (see [`Tagger::genre_of`]).
    pub genre: Option<Genre>,
}

impl Default for TagOptions {
    fn default() -> Self {
        TagOptions {
            lang: None,
            document: true,
            genre: None,
        }
    }
}

/// A loaded model with the word tables, ready to tag.
pub struct Tagger {
    model: model::Model,
    lexicon: lexicon::Lexicon<'static>,
}

impl Tagger {
    /// The model embedded in the build, loaded once.
    pub fn embedded() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(Tagger::load_embedded)
    }

    /// Loads the embedded model and word tables afresh: what the first call of
    /// [`Tagger::embedded`] pays. Both are read in place, so this checks their headers and
    /// lengths; nothing is built or copied.
    pub fn load_embedded() -> Tagger {
        Tagger::read(Cow::Borrowed(EMBEDDED_MODEL)).expect("the embedded model matches this build")
    }

    /// A model read from a model file (a copy of the bytes; the embedded one is read in place).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Tagger::read(Cow::Owned(bytes.to_vec()))
    }

    fn read(model: Cow<'static, [u8]>) -> Result<Tagger, ModelError> {
        Ok(Tagger {
            model: model::Model::read(model)?,
            lexicon: lexicon::Lexicon::embedded(),
        })
    }

    /// The genre of a text given as sentences of words: how its names are marked (see
    /// [`Genre`]). Decide it over as much text as there is: a whole file, a whole article.
    pub fn genre_of<S: AsRef<str>>(&self, sentences: &[Vec<S>], lang: Option<Lang>) -> Genre {
        let words = sentences.iter().flatten().map(AsRef::as_ref);
        self.model.genre().decide(words, lang)
    }

    /// Tags the sentences of one document.
    pub fn tag_document<S: AsRef<str>>(
        &self,
        sentences: &[Vec<S>],
        opts: &TagOptions,
    ) -> Vec<Vec<Tag>> {
        let genre = opts
            .genre
            .unwrap_or_else(|| self.genre_of(sentences, opts.lang));
        let mut scratch = Scratch::default();
        let mut doc: Vec<document::Sentence<'_>> = sentences
            .iter()
            .map(|s| {
                let words: Vec<&str> = s.iter().map(AsRef::as_ref).collect();
                let tags = self.tag_sentence(&words, opts.lang, genre, &mut scratch);
                document::Sentence {
                    cues: scratch.infos.iter().map(|i| i.cue).collect(),
                    tags,
                    words,
                }
            })
            .collect();
        if opts.document {
            document::repair(&mut doc);
        }
        doc.into_iter().map(|s| s.tags).collect()
    }

    fn tag_sentence(
        &self,
        words: &[&str],
        lang: Option<Lang>,
        genre: Genre,
        sc: &mut Scratch,
    ) -> Vec<Tag> {
        features::token_infos(&self.lexicon, words, lang, &mut sc.infos);
        sc.emissions.clear();
        for i in 0..words.len() {
            sc.features.clear();
            features::features(&sc.infos, i, genre, &mut sc.features);
            let mut row = [0.0; N_TAGS];
            self.model.emissions(&sc.features, &mut row);
            sc.emissions.push(row);
        }
        decode::viterbi(&sc.emissions, &self.model.trans, &mut sc.best);
        let mut tags: Vec<Tag> = sc.best.iter().map(|&t| Tag::from_index(t.into())).collect();
        self.model.recall().fill(&sc.infos, genre, &mut tags);
        dateline::tag_dateline(words, &sc.infos, &mut tags);
        if lang == Some(Lang::En) {
            english::drop_demonyms(&sc.infos, &mut tags);
            english::join_of_names(words, &sc.infos, &mut tags);
        }
        tags
    }
}

/// Buffers reused across the sentences of a document.
#[derive(Default)]
struct Scratch {
    infos: Vec<features::TokenInfo>,
    features: Vec<u64>,
    emissions: Vec<[f32; N_TAGS]>,
    best: Vec<u8>,
}

/// The entity mentions of a text, in order, as byte ranges of `text` (embedded model).
pub fn mentions(text: &str, lang: Option<Lang>) -> Vec<Mention> {
    Tagger::embedded().mentions(text, lang)
}

/// The distinct entities of a text with their mention counts, most mentioned first (ties in
/// order of first mention; embedded model).
pub fn entities(text: &str, lang: Option<Lang>) -> Vec<Entity> {
    Tagger::embedded().entities(text, lang)
}

impl Tagger {
    /// The entity mentions of a text, in order, as byte ranges of `text`; the whole text is
    /// one document.
    pub fn mentions(&self, text: &str, lang: Option<Lang>) -> Vec<Mention> {
        let (tokens, sentences) = token::tokenise(text);
        let words = token::sentence_words(text, &tokens, &sentences);
        let opts = TagOptions {
            lang,
            ..TagOptions::default()
        };
        let tags = self.tag_document(&words, &opts);
        let mut res = Vec::new();
        for (range, tags) in sentences.iter().zip(&tags) {
            let toks = &tokens[range.clone()];
            res.extend(spans(tags).into_iter().map(|s| Mention {
                start: toks[s.start].start,
                end: toks[s.end - 1].end,
                kind: s.kind,
            }));
        }
        res
    }

    /// The distinct entities of a text with their mention counts, most mentioned first (ties
    /// in order of first mention).
    pub fn entities(&self, text: &str, lang: Option<Lang>) -> Vec<Entity> {
        let named = self.mentions(text, lang).into_iter().map(|m| {
            let name = bersih::text::collapse_whitespace(&text[m.start..m.end]);
            (m.kind, name)
        });
        group(named).0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_through_labels_and_indices() {
        for (i, tag) in TAGS.iter().enumerate() {
            assert_eq!(tag.index(), i);
            assert_eq!(Tag::parse(tag.as_str()), Some(*tag));
        }
        assert_eq!(Tag::parse("B-PERSON"), Some(Tag::B(Kind::Per)));
        assert_eq!(Tag::parse("I-PLACE"), Some(Tag::I(Kind::Loc)));
        assert_eq!(Tag::parse("B-DATE"), Some(Tag::O));
        assert_eq!(Tag::parse("X-PER"), None);
    }

    #[test]
    fn spans_read_stray_inside_as_a_start() {
        use Kind::*;
        let tags = [Tag::I(Per), Tag::I(Per), Tag::O, Tag::B(Loc), Tag::I(Org)];
        let got: Vec<(usize, usize, Kind)> = spans(&tags)
            .iter()
            .map(|s| (s.start, s.end, s.kind))
            .collect();
        assert_eq!(got, [(0, 2, Per), (3, 4, Loc), (4, 5, Org)]);
    }
}
