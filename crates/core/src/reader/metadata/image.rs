//! The lead image and its caption.
//!
//! Why the declared image first: `og:image` is the picture the publisher chose to represent the
//! article, while the first `<img>` of a body may be an icon or an ad. The caption is read from
//! the page's own copy of that image (its `<figcaption>`, else its `alt`), matched by file name,
//! because the declared and the shown copies are often different renditions of one file.

use super::head::Head;
use super::jsonld::Article;
use super::lines;
use crate::analysis::LeadImage;
use crate::page::{NodeId, Page};
use crate::reader::render::Block;

/// Meta keys of the lead image, best first.
const IMAGE_KEYS: &[&str] = &[
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
];

/// Attributes holding an image address, lazy-loading ones first (their `src` is a placeholder).
const SRC_ATTRS: &[&str] = &["data-src", "data-original", "data-lazy-src", "src"];

/// Images declared smaller than this (pixels, either side) are icons, avatars or trackers.
const MIN_IMAGE_PX: u32 = 100;

/// Levels between an `<img>` and the `<figure>` holding its caption (`figure > a > picture > img`).
const FIGURE_CLIMB: usize = 3;

/// The article's lead image. Its address is always an absolute http(s) one (resolved against
/// the page, `url::resolve` refusing every other scheme): a `javascript:` or `data:` image, or a
/// relative one on a page of unknown address, gives none, so no caller has to filter.
pub(super) fn find(
    page: &Page,
    body: Option<NodeId>,
    head: &Head,
    article: Option<&Article>,
) -> Option<LeadImage> {
    let declared = head
        .get(IMAGE_KEYS)
        .map(str::to_string)
        .or_else(|| article?.image.clone());
    let Some(declared) = declared else {
        let img = first_image(page, body?)?;
        let src = head.resolve(image_src(page, img)?)?;
        return Some(LeadImage {
            src,
            caption: caption(page, img),
            in_body: false,
        });
    };
    let src = head.resolve(&declared)?;
    let shown = matching_image(page, &src);
    let caption = shown
        .and_then(|img| caption(page, img))
        .or_else(|| article?.image_caption.clone());
    Some(LeadImage {
        src,
        caption,
        in_body: false,
    })
}

/// Marks `lead` as shown in the body when an image of `blocks` is the same file.
pub(in crate::reader) fn mark_in_body(lead: &mut LeadImage, blocks: &[Block]) {
    let name = file_name(&lead.src);
    lead.in_body = name.is_some()
        && blocks.iter().any(|b| match b {
            Block::Image { src, .. } => file_name(src) == name,
            _ => false,
        });
}

fn image_src(page: &Page, img: NodeId) -> Option<&str> {
    SRC_ATTRS
        .iter()
        .filter_map(|a| page.attr(img, a))
        .map(str::trim)
        .find(|s| !s.is_empty() && !s.starts_with("data:"))
}

/// The first `<img>` of the body that is not declared tiny.
fn first_image(page: &Page, body: NodeId) -> Option<NodeId> {
    let declared_px = |img, attr| {
        page.attr(img, attr)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
    };
    page.descendants(body).find(|&id| {
        let tiny = ["width", "height"]
            .iter()
            .any(|a| declared_px(id, a).is_some_and(|px| px < MIN_IMAGE_PX));
        page.tag(id) == "img" && !page.is_hidden(id) && !tiny && image_src(page, id).is_some()
    })
}

/// The page's `<img>` showing the same file as `src`.
fn matching_image(page: &Page, src: &str) -> Option<NodeId> {
    let name = file_name(src)?;
    page.ids().filter(|&id| page.tag(id) == "img").find(|&id| {
        SRC_ATTRS
            .iter()
            .filter_map(|a| page.attr(id, a))
            .any(|s| file_name(s) == Some(name))
    })
}

/// The last path segment of an address, without query or fragment.
fn file_name(src: &str) -> Option<&str> {
    let name = crate::url::document_part(src).rsplit('/').next()?;
    (!name.is_empty()).then_some(name)
}

/// The figure caption around `img`, else its `alt` text.
fn caption(page: &Page, img: NodeId) -> Option<String> {
    let figure = page
        .ancestors(img)
        .take(FIGURE_CLIMB)
        .find(|&a| page.tag(a) == "figure");
    let figcaption =
        figure.and_then(|f| page.descendants(f).find(|&d| page.tag(d) == "figcaption"));
    let from_figure = figcaption
        .map(|c| lines(page, c).join(" "))
        .filter(|c| !c.is_empty());
    from_figure.or_else(|| {
        let alt = crate::text::collapse_whitespace(page.attr(img, "alt")?);
        (!alt.is_empty()).then_some(alt)
    })
}
