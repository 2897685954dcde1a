//! Viterbi decoding over BIO tags: the best-scoring tag sequence in which every `I-X` follows a
//! `B-X` or an `I-X`, so every decoded sequence reads as well-formed spans.

use super::model::Transitions;
use super::{Tag, N_TAGS};

/// Stands for "this transition is not allowed".
const FORBIDDEN: f32 = f32::NEG_INFINITY;

/// Whether tag `cur` may follow tag `prev` (`prev == N_TAGS` is the sentence start).
pub(crate) fn allowed(prev: usize, cur: usize) -> bool {
    match Tag::from_index(cur) {
        Tag::I(kind) => prev < N_TAGS && Tag::from_index(prev).kind() == Some(kind),
        _ => true,
    }
}

/// The best tag sequence for per-token emission scores; writes tag indices into `out`.
pub(crate) fn viterbi(emissions: &[[f32; N_TAGS]], trans: &Transitions, out: &mut Vec<u8>) {
    out.clear();
    let n = emissions.len();
    if n == 0 {
        return;
    }
    let mut back = vec![[0u8; N_TAGS]; n];
    let mut score = [FORBIDDEN; N_TAGS];
    for (cur, s) in score.iter_mut().enumerate() {
        if allowed(N_TAGS, cur) {
            *s = trans[N_TAGS][cur] + emissions[0][cur];
        }
    }
    for i in 1..n {
        let mut next = [FORBIDDEN; N_TAGS];
        for cur in 0..N_TAGS {
            let mut best = FORBIDDEN;
            let mut arg = 0;
            for prev in 0..N_TAGS {
                if !allowed(prev, cur) {
                    continue;
                }
                let s = score[prev] + trans[prev][cur];
                if s > best {
                    best = s;
                    arg = prev;
                }
            }
            next[cur] = best + emissions[i][cur];
            back[i][cur] = arg as u8;
        }
        score = next;
    }
    let mut last = 0;
    for t in 1..N_TAGS {
        if score[t] > score[last] {
            last = t;
        }
    }
    out.resize(n, 0);
    out[n - 1] = last as u8;
    for i in (1..n).rev() {
        out[i - 1] = back[i][usize::from(out[i])];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Kind;

    #[test]
    fn never_starts_an_entity_with_inside() {
        // Emissions prefer I-PER everywhere; the best legal reading is B-PER I-PER.
        let mut e = [[0.0; N_TAGS]; 2];
        for row in &mut e {
            row[Tag::I(Kind::Per).index()] = 10.0;
            row[Tag::B(Kind::Per).index()] = 1.0;
        }
        let mut out = Vec::new();
        viterbi(&e, &[[0.0; N_TAGS]; N_TAGS + 1], &mut out);
        let tags: Vec<Tag> = out.iter().map(|&t| Tag::from_index(t.into())).collect();
        assert_eq!(tags, [Tag::B(Kind::Per), Tag::I(Kind::Per)]);
    }

    #[test]
    fn inside_must_continue_the_same_kind() {
        for prev in 0..=N_TAGS {
            for cur in 0..N_TAGS {
                let ok = allowed(prev, cur);
                if let Tag::I(k) = Tag::from_index(cur) {
                    let p = (prev < N_TAGS).then(|| Tag::from_index(prev));
                    assert_eq!(ok, p.is_some_and(|p| p.kind() == Some(k)));
                } else {
                    assert!(ok);
                }
            }
        }
    }
}
