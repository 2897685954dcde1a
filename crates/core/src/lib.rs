//! Bersih: the analysis core of a news-page cleaner.
//!
//! A page comes in as a [`Page`], a flat preorder snapshot built from HTML by [`html::parse`]
//! (natively) or from the live DOM (in the browser). [`analyse`] decides which blocks are inserted
//! recirculation links ("Baca Juga: …") or ads, extracts the article, and returns an [`Analysis`].
//! Nothing here touches a DOM or performs I/O, so every rule is tested natively.
//!
//! ```
//! let page = bersih::html::parse(
//!     "<article><h1>Judul</h1><p>Paragraf pertama yang cukup panjang untuk dibaca, dengan koma, \
//!      dan titik.</p><p><strong>Baca Juga:</strong> <a href=/x>Berita lain</a></p></article>",
//! );
//! let analysis = bersih::analyse(&page, &bersih::Options::default());
//! assert!(analysis.removed.iter().any(|r| r.kind == bersih::Kind::Recirculation));
//! ```

pub mod analysis;
pub mod detect;
#[cfg(feature = "html")]
pub mod html;
pub mod lang;
pub mod markup;
pub mod mention;
pub mod page;
pub mod reader;
pub mod snapshot;
pub mod tags;
pub mod text;
pub mod url;

pub use analysis::{
    analyse, Analysis, Article, Highlights, Kind, LeadImage, Options, Reason, Removal, Rule,
};
pub use page::{NodeId, Page, PageBuilder};
pub use reader::merge::{merge, Refusal};
pub use reader::metadata::pagination::{Model as PageModel, Pagination};
pub use reader::story::{Fetch, Progress, Story};
