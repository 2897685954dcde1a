//! CoNLL-style files and the entity-level score.
//!
//! A file holds one token per line with whitespace-separated columns (the token first, the tag
//! last when labelled) and a blank line between sentences; CRLF and LF both work. The score is
//! the one the data sets are judged by: an entity counts when its sentence, first token, last
//! token and type all match, micro-averaged over PER, ORG and LOC.

use super::{spans, Kind, Tag, TagOptions, Tagger};
use bersih::lang::Lang;

/// The sentences of a CoNLL text, each a list of rows, each row its columns.
pub fn sentences(text: &str) -> Vec<Vec<Vec<&str>>> {
    let mut res = Vec::new();
    let mut cur: Vec<Vec<&str>> = Vec::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            if !cur.is_empty() {
                res.push(std::mem::take(&mut cur));
            }
            continue;
        }
        cur.push(cols);
    }
    if !cur.is_empty() {
        res.push(cur);
    }
    res
}

/// A labelled sentence.
#[derive(Clone, Debug)]
pub struct Labelled {
    /// Tokens.
    pub words: Vec<String>,
    /// Gold tags.
    pub tags: Vec<Tag>,
}

/// Reads a labelled CoNLL text (tag in the last column). Fails on a row with one column or an
/// unreadable tag, naming the sentence.
pub fn read_labelled(text: &str) -> Result<Vec<Labelled>, String> {
    sentences(text)
        .into_iter()
        .enumerate()
        .map(|(n, rows)| {
            let mut words = Vec::with_capacity(rows.len());
            let mut tags = Vec::with_capacity(rows.len());
            for row in rows {
                let (Some(word), Some(label)) = (row.first(), row.last()) else {
                    continue;
                };
                let tag = (row.len() > 1)
                    .then(|| Tag::parse(label))
                    .flatten()
                    .ok_or_else(|| format!("sentence {}: bad row {row:?}", n + 1))?;
                words.push((*word).to_string());
                tags.push(tag);
            }
            Ok(Labelled { words, tags })
        })
        .collect()
}

/// Entity counts for one type: true positives, predicted, gold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted entities that match a gold entity exactly.
    pub correct: usize,
    /// Predicted entities.
    pub predicted: usize,
    /// Gold entities.
    pub gold: usize,
}

impl Counts {
    /// Share of the predicted entities that are right (0 when nothing is predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    /// Share of the gold entities found (0 when there are none).
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// Harmonic mean of precision and recall (0 when nothing matches).
    pub fn f1(&self) -> f64 {
        if self.correct == 0 {
            return 0.0;
        }
        let (p, r) = (self.precision(), self.recall());
        2.0 * p * r / (p + r)
    }

    fn add(&mut self, other: Counts) {
        self.correct += other.correct;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Counts per type (PER, ORG, LOC, in [`Kind`] order).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    /// One entry per type.
    pub by_kind: [Counts; 3],
}

impl Score {
    /// Counts of one type.
    pub fn kind(&self, kind: Kind) -> Counts {
        self.by_kind[kind as usize]
    }

    /// Counts over all types.
    pub fn micro(&self) -> Counts {
        let mut res = Counts::default();
        for c in self.by_kind {
            res.add(c);
        }
        res
    }
}

/// Scores predicted tags against gold tags, sentence by sentence.
pub fn score(gold: &[Vec<Tag>], predicted: &[Vec<Tag>]) -> Score {
    let mut res = Score::default();
    for (g, p) in gold.iter().zip(predicted) {
        let gs = spans(g);
        let ps = spans(p);
        for s in &gs {
            res.by_kind[s.kind as usize].gold += 1;
        }
        for s in &ps {
            let c = &mut res.by_kind[s.kind as usize];
            c.predicted += 1;
            c.correct += usize::from(gs.contains(s));
        }
    }
    res
}

/// How a labelled set is read for scoring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Each sentence its own document, as `bersih ner` reads a file without `-DOCSTART-`.
    Sentences,
    /// The whole set one document.
    OneDocument,
}

/// Tags a labelled set with `tagger` (repairs on, within each document of `reading`; the genre
/// decided once over the whole set, as `bersih ner` decides it over a file) and scores it
/// against its own tags.
pub fn evaluate(tagger: &Tagger, set: &[Labelled], lang: Lang, reading: Reading) -> Score {
    let words: Vec<Vec<&str>> = set
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let opts = TagOptions {
        lang: Some(lang),
        document: true,
        genre: Some(tagger.genre_of(&words, Some(lang))),
    };
    let pred: Vec<Vec<Tag>> = match reading {
        Reading::OneDocument => tagger.tag_document(&words, &opts),
        Reading::Sentences => words
            .chunks(1)
            .flat_map(|s| tagger.tag_document(s, &opts))
            .collect(),
    };
    let gold: Vec<Vec<Tag>> = set.iter().map(|s| s.tags.clone()).collect();
    score(&gold, &pred)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_layouts_and_scores_exact_spans() {
        let idner = "Kata PROPN O\r\nJoko PROPN B-PER\r\nWidodo PROPN I-PER\r\n\r\ndi ADP O\r\nBali PROPN B-LOC\r\n";
        let grit = "Kata\tO\nJoko\tB-PERSON\nWidodo\tO\n\ndi\tO\nBali\tB-PLACE\n";
        let gold: Vec<Vec<Tag>> = read_labelled(idner)
            .unwrap()
            .into_iter()
            .map(|s| s.tags)
            .collect();
        let pred: Vec<Vec<Tag>> = read_labelled(grit)
            .unwrap()
            .into_iter()
            .map(|s| s.tags)
            .collect();
        let s = score(&gold, &pred);
        assert_eq!(
            s.kind(Kind::Per),
            Counts {
                correct: 0,
                predicted: 1,
                gold: 1
            }
        );
        assert_eq!(
            s.kind(Kind::Loc),
            Counts {
                correct: 1,
                predicted: 1,
                gold: 1
            }
        );
        assert!((s.micro().f1() - 0.5).abs() < 1e-9);
        assert!(read_labelled("kata\n").is_err());
    }
}
