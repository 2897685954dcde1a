//! The training objective: the log-likelihood of a sentence's gold tags under a linear-chain
//! CRF, and its gradient by forward-backward. Native only; tagging decodes the same scores with
//! Viterbi ([`super::decode`]).
//!
//! Sequences the decoder can never produce (an `I-X` not continuing an `X`) get no probability
//! mass here either, so training and decoding agree on what a sentence may be tagged.

use super::decode::allowed;
use super::N_TAGS;

/// Transition scores as learned: `trans[prev][cur]`, `prev == N_TAGS` for the sentence start.
pub(crate) type Trans = [[f64; N_TAGS]; N_TAGS + 1];

/// `log(sum(exp(xs)))`, −∞ for an empty or all −∞ input.
fn log_sum_exp(xs: impl Iterator<Item = f64> + Clone) -> f64 {
    let max = xs.clone().fold(f64::NEG_INFINITY, f64::max);
    if max == f64::NEG_INFINITY {
        return max;
    }
    max + xs.map(|x| (x - max).exp()).sum::<f64>().ln()
}

/// Buffers reused across sentences.
#[derive(Default)]
pub(crate) struct Scratch {
    alpha: Vec<[f64; N_TAGS]>,
    beta: Vec<[f64; N_TAGS]>,
}

/// Negative log-likelihood of `gold` given per-token `emissions` and `trans`, and its gradient:
/// `emit_grad[i][t]` for the emission of tag `t` at token `i`, `trans_grad` for the transitions
/// (both expected counts minus gold counts). `gold` must be well formed and as long as
/// `emissions`.
pub(crate) fn gradient(
    emissions: &[[f64; N_TAGS]],
    trans: &Trans,
    gold: &[u8],
    sc: &mut Scratch,
    emit_grad: &mut Vec<[f64; N_TAGS]>,
    trans_grad: &mut Trans,
) -> f64 {
    let n = emissions.len();
    emit_grad.clear();
    *trans_grad = [[0.0; N_TAGS]; N_TAGS + 1];
    if n == 0 {
        return 0.0;
    }
    let edge = |prev: usize, cur: usize| {
        if allowed(prev, cur) {
            trans[prev][cur]
        } else {
            f64::NEG_INFINITY
        }
    };
    // alpha[i][t]: log-sum of the scores of all prefixes ending in tag t at token i.
    sc.alpha.clear();
    sc.alpha
        .push(std::array::from_fn(|t| edge(N_TAGS, t) + emissions[0][t]));
    for e in &emissions[1..] {
        let prev = *sc.alpha.last().expect("pushed above");
        sc.alpha.push(std::array::from_fn(|t| {
            log_sum_exp((0..N_TAGS).map(|q| prev[q] + edge(q, t))) + e[t]
        }));
    }
    // beta[i][t]: log-sum of the scores of all suffixes after tag t at token i.
    sc.beta.clear();
    sc.beta.resize(n, [0.0; N_TAGS]);
    for i in (0..n - 1).rev() {
        let next = sc.beta[i + 1];
        sc.beta[i] = std::array::from_fn(|q| {
            log_sum_exp((0..N_TAGS).map(|t| edge(q, t) + emissions[i + 1][t] + next[t]))
        });
    }
    let log_z = log_sum_exp(sc.alpha[n - 1].iter().copied());

    for i in 0..n {
        emit_grad.push(std::array::from_fn(|t| {
            (sc.alpha[i][t] + sc.beta[i][t] - log_z).exp()
        }));
    }
    for t in 0..N_TAGS {
        trans_grad[N_TAGS][t] = emit_grad[0][t];
    }
    for (i, e) in emissions.iter().enumerate().skip(1) {
        let (before, after) = (sc.alpha[i - 1], sc.beta[i]);
        for (q, row) in trans_grad.iter_mut().enumerate().take(N_TAGS) {
            for (t, g) in row.iter_mut().enumerate() {
                *g += (before[q] + edge(q, t) + e[t] + after[t] - log_z).exp();
            }
        }
    }
    let mut gold_score = 0.0;
    let mut prev = N_TAGS;
    for (i, &g) in gold.iter().enumerate() {
        let g = usize::from(g);
        emit_grad[i][g] -= 1.0;
        trans_grad[prev][g] -= 1.0;
        gold_score += trans[prev][g] + emissions[i][g];
        prev = g;
    }
    log_z - gold_score
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The analytic gradient matches finite differences of the loss.
    #[test]
    fn gradient_matches_finite_differences() {
        let mut seed = 12345u64;
        let mut rand = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as f64 / f64::from(1u32 << 31)) - 0.5
        };
        let emissions: Vec<[f64; N_TAGS]> =
            (0..4).map(|_| std::array::from_fn(|_| rand())).collect();
        let trans: Trans = std::array::from_fn(|_| std::array::from_fn(|_| rand()));
        // O B-PER I-PER B-LOC
        let gold = [0u8, 1, 2, 5];
        let mut sc = Scratch::default();
        let (mut eg, mut tg) = (Vec::new(), [[0.0; N_TAGS]; N_TAGS + 1]);
        let loss = gradient(&emissions, &trans, &gold, &mut sc, &mut eg, &mut tg);
        assert!(loss > 0.0);
        let h = 1e-6;
        let (mut eg2, mut tg2) = (Vec::new(), [[0.0; N_TAGS]; N_TAGS + 1]);
        for i in 0..emissions.len() {
            for t in 0..N_TAGS {
                let mut e = emissions.clone();
                e[i][t] += h;
                let up = gradient(&e, &trans, &gold, &mut sc, &mut eg2, &mut tg2);
                assert!(
                    ((up - loss) / h - eg[i][t]).abs() < 1e-4,
                    "emission {i} {t}"
                );
            }
        }
        for q in 0..=N_TAGS {
            for t in 0..N_TAGS {
                if !allowed(q, t) {
                    assert!(tg[q][t].abs() < 1e-12);
                    continue;
                }
                let mut tr = trans;
                tr[q][t] += h;
                let up = gradient(&emissions, &tr, &gold, &mut sc, &mut eg2, &mut tg2);
                assert!(
                    ((up - loss) / h - tg[q][t]).abs() < 1e-4,
                    "transition {q} {t}"
                );
            }
        }
        // Each token's tag marginals sum to one: the gradient row sums to 1 - 1 = 0.
        for row in &eg {
            assert!(row.iter().sum::<f64>().abs() < 1e-9);
        }
    }
}
