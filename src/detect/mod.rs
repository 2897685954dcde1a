//! Detectors of blocks to hide: inserted recirculation links and ads.
//!
//! Each detector returns the topmost node of every block it finds; [`detect`] merges them,
//! drops blocks nested in other blocks, and never returns a block that holds article prose.

pub mod ads;
pub mod boilerplate;
pub mod recirculation;

use crate::analysis::{Options, Removal};
use crate::page::Page;

/// Every block to hide on the page, in document order, none nested in another.
pub fn detect(page: &Page, opts: &Options) -> Vec<Removal> {
    let _ = (page, opts);
    Vec::new()
}
