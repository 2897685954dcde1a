//! Detectors of blocks to hide: inserted recirculation links and ads; plus the per-line
//! boilerplate test the extractor uses.
//!
//! Each detector proposes the topmost node of every block it finds, using the shared aggregates
//! of [`stats`]; [`detect`] merges the proposals, keeps only the outermost of nested blocks and
//! attaches the visible text. Neither detector ever proposes a block that holds article prose.

mod ads;
pub mod boilerplate;
mod recirculation;
mod stats;

use crate::analysis::{Kind, Options, Reason, Removal};
use crate::page::{NodeId, Page};
use crate::text;

/// Every block to hide on the page, in document order, none nested in another.
pub fn detect(page: &Page, opts: &Options) -> Vec<Removal> {
    let stats = stats::Stats::new(page);
    let recirculation = recirculation::find(page, &stats, &opts.extra_phrases);
    let ads = ads::find(page, &stats);
    let mut found: Vec<(NodeId, Kind, Reason)> = recirculation
        .into_iter()
        .map(|(id, why)| (id, Kind::Recirculation, why))
        .chain(ads.into_iter().map(|(id, why)| (id, Kind::Ad, why)))
        .collect();
    // Stable: when both detectors propose the same node, recirculation (listed first) is kept.
    found.sort_by_key(|f| f.0);
    let mut res: Vec<Removal> = Vec::with_capacity(found.len());
    for (node, kind, reason) in found {
        if res.last().is_some_and(|top| page.contains(top.node, node)) {
            continue;
        }
        res.push(Removal {
            node,
            kind,
            text: visible_text(page, node),
            reason,
        });
    }
    res
}

/// The text a reader sees in the block, whitespace collapsed: text of hidden descendants is
/// left out (all of it counts when the block itself is hidden).
fn visible_text(page: &Page, id: NodeId) -> String {
    let shown = |t: NodeId| page.is_text(t) && (!page.is_hidden(t) || page.is_hidden(id));
    let mut raw = String::new();
    for t in page.subtree(id).map(NodeId::new) {
        if shown(t) {
            raw.push_str(page.text(t));
        } else if page.is_element(t) && crate::tags::starts_line(page.tag(t)) {
            // Blocks are separate lines: "ADVERTISEMENT" and the ad text below it are two words.
            raw.push(' ');
        }
    }
    text::collapse_whitespace(&raw)
}
