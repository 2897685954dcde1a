//! Cleans the chosen article: drops blocks inside it that look like navigation, link lists,
//! forms, share bars or embeds rather than prose (Readability's "prep article" step).
//!
//! Blocks are judged innermost first (reverse document order), and each removal is taken out of
//! the ancestors' tallies, so an outer block is judged on what is left in it.

use crate::page::{NodeId, Page};
use crate::reader::extract::{class_weight, is_data_table, Count, Item, Pass, Shape, Tally};
use crate::reader::weights::*;

/// Elements removed from the article outright.
const ALWAYS_REMOVED: &[&str] = &[
    "aside", "button", "embed", "footer", "iframe", "input", "link", "object", "select", "textarea",
];

/// Class/id words of share bars and newsletter sign-ups: calls to act, not the story.
const SHARE: &[&str] = &["share", "sharedaddy", "newsletter"];

/// Class prefixes of what web video players (video.js, JW Player, MediaElement, Plyr) draw over
/// a video: control bars, menus, dialogs, whose labels ("Current Time 0:00", "Loaded: 0%",
/// "Mute") are the player's, not the article's.
const PLAYER_CHROME: &[&str] = &["jw-", "mejs-", "plyr__", "vjs-"];

/// Text a player's control piece holds at most (pieces go innermost first, so a whole control
/// bar is judged on what its labelled pieces leave).
const PLAYER_CHROME_MAX_CHARS: u32 = 200;

/// Most text a form's wrapper may hold and still be the form's widget (a rating's "Rating (12
/// voters)" and "Vote Photo"), and most words in each of its lines: labels, not a caption.
const FORM_WIDGET_MAX_CHARS: u32 = 60;
const FORM_WIDGET_LINE_WORDS: u32 = 4;

/// Nodes a form's wrapper is read through at most: a bigger one is no widget.
const FORM_WIDGET_MAX_NODES: usize = 2_000;

/// Whole-text labels of placeholder blocks (ads, loading spinners). Readability's lists.
const PLACEHOLDER_TEXTS: &[&str] = &[
    "ad",
    "advertisement",
    "advertising",
    "anuncio",
    "cargando",
    "chargement",
    "loading",
    "pub",
    "publicité",
    "werbung",
    "广告",
    "正在加载",
    "загрузка",
    "реклама",
];

/// Cleans the article in place: marks removed subtrees dead and keeps the tally in step.
/// `gathered`: the items are a top candidate and its siblings, not the whole `body` (taken when
/// no candidate wins).
pub fn clean(
    page: &Page,
    shape: &Shape,
    tally: &mut Tally,
    dead: &mut [bool],
    items: &mut Vec<Item>,
    pass: &Pass,
    gathered: bool,
) {
    let roots: Vec<NodeId> = items
        .iter()
        .filter_map(|it| match it {
            Item::Node(id) => Some(*id),
            Item::Run { .. } => None,
        })
        .collect();
    let mut data_table = vec![false; page.len()];
    for &root in &roots {
        for id in page.subtree(root).map(NodeId::new) {
            data_table[id.index()] = page.tag(id) == "table" && is_data_table(page, id);
        }
    }
    // What each node sits in, from its ancestors, in one forward pass (a walk up per node would
    // cost the page's depth each time).
    let mut inside = vec![Inside::default(); page.len()];
    for id in page.ids() {
        if let Some(p) = page.parent(id) {
            let (up, tag) = (inside[p.index()], page.tag(p));
            inside[id.index()] = Inside {
                kept: up.kept || tag == "code" || data_table[p.index()],
                figure: up.figure || tag == "figure",
            };
        }
    }
    // Form fields before each node, so whether a subtree holds one is a subtraction.
    let mut fields = Vec::with_capacity(page.len() + 1);
    fields.push(0u32);
    for id in page.ids() {
        let field = matches!(page.tag(id), "form" | "input" | "select" | "textarea");
        fields.push(fields[id.index()] + u32::from(field));
    }
    let mut ctx = Ctx {
        page,
        shape,
        tally,
        dead,
        pass,
        data_table,
        inside,
        fields,
    };
    for &root in &roots {
        ctx.sweep(root, true, |c, id| {
            c.conditionally_fishy(id, &["form", "fieldset"])
        });
        ctx.sweep(root, true, |c, id| {
            ALWAYS_REMOVED.contains(&c.page.tag(id)) && !c.is_video(id)
        });
        ctx.sweep(root, false, |c, id| c.is_form_widget(id));
        ctx.sweep(root, false, |c, id| c.is_share(id));
        ctx.sweep(root, false, |c, id| c.is_player_chrome(id));
        ctx.sweep(root, true, |c, id| {
            matches!(c.page.tag(id), "h1" | "h2") && class_weight(c.page, id, c.pass) < 0.0
        });
        ctx.sweep(root, true, |c, id| {
            c.conditionally_fishy(id, &["table", "ul", "div"])
        });
    }
    // Siblings of other tags are read as `div`s, so the `div` test applies to them too. The
    // children of a `body` taken whole are its content, not siblings: its headings and figures
    // stay, as Readability keeps a body it wraps.
    for &root in roots.iter().filter(|_| gathered) {
        if !ctx.dead[root.index()] && !matches!(page.tag(root), "div" | "article" | "section" | "p")
        {
            let fishy = ctx.is_fishy(root, "div");
            if fishy {
                ctx.kill(root, root);
            }
        }
    }
    items.retain(|it| match it {
        Item::Node(id) => !ctx.dead[id.index()],
        Item::Run { .. } => true,
    });
}

struct Ctx<'a> {
    page: &'a Page,
    shape: &'a Shape,
    tally: &'a mut Tally,
    dead: &'a mut [bool],
    pass: &'a Pass,
    /// Per node: a table of figures (Readability's data-table test).
    data_table: Vec<bool>,
    /// Per node: what its ancestors are.
    inside: Vec<Inside>,
    /// Form elements and fields before each node in document order, and one past the last.
    fields: Vec<u32>,
}

/// What a node's ancestors make it.
#[derive(Clone, Copy, Default)]
struct Inside {
    /// Code or a table of figures: kept whole.
    kept: bool,
    figure: bool,
}

impl Ctx<'_> {
    /// Removes, innermost first, every live element under `root` (and `root` itself when
    /// `include_root`) that `remove` selects.
    fn sweep(&mut self, root: NodeId, include_root: bool, remove: impl Fn(&Self, NodeId) -> bool) {
        if self.dead[root.index()] {
            return;
        }
        let first = if include_root {
            root.index()
        } else {
            root.index() + 1
        };
        let end = self.page.skip(root).index();
        // Under a dead element within the root, as the sweep starts; what it kills is marked
        // dead subtree and all, and an ancestor is judged after its descendants.
        let start = root.index();
        let mut under_dead = vec![false; end - start];
        for i in start + 1..end {
            let parent = self.page.parent(NodeId::new(i)).map_or(0, NodeId::index);
            under_dead[i - start] =
                parent >= start && (self.dead[parent] || under_dead[parent - start]);
        }
        for i in (first..end).rev() {
            let id = NodeId::new(i);
            if self.dead[i] || !self.page.is_element(id) || under_dead[i - start] {
                continue;
            }
            if remove(self, id) {
                self.kill(id, root);
            }
        }
    }

    fn kill(&mut self, id: NodeId, root: NodeId) {
        self.tally.remove(self.page, self.shape, id, root);
        let range = self.page.subtree(id);
        self.dead[range].iter_mut().for_each(|d| *d = true);
    }

    fn conditionally_fishy(&self, id: NodeId, tags: &[&str]) -> bool {
        let tag = self.shape.tag(self.page, id);
        tags.contains(&tag) && self.is_fishy(id, tag)
    }

    fn is_share(&self, id: NodeId) -> bool {
        let s = format!(
            "{} {}",
            self.page.attr(id, "class").unwrap_or(""),
            self.page.attr(id, "id").unwrap_or("")
        )
        .to_ascii_lowercase();
        let word = |w: &str| {
            s.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|t| t == w)
        };
        SHARE.iter().any(|w| word(w)) && (self.tally.len[id.index()] as usize) < SHARE_MAX_CHARS
    }

    /// A form's wrapper holding, once the fields are gone, only a few short labels (a rating's
    /// "Rating ( voters)" and "Vote Photo", a search box's title), no sentence: a caption
    /// beside the widget keeps its wrapper.
    fn is_form_widget(&self, id: NodeId) -> bool {
        let range = self.page.subtree(id);
        if self.fields[range.end] == self.fields[range.start]
            || self.tally.len[id.index()] > FORM_WIDGET_MAX_CHARS
            || range.len() > FORM_WIDGET_MAX_NODES
        {
            return false;
        }
        let label = |n: NodeId| {
            self.page.text_stats(n).words <= FORM_WIDGET_LINE_WORDS
                && !self.page.text(n).trim_end().ends_with(['.', '!', '?'])
        };
        range
            .map(NodeId::new)
            .all(|n| !self.page.is_text(n) || self.dead[n.index()] || label(n))
    }

    /// A player's control piece: a player class, no video or audio in it, little text.
    fn is_player_chrome(&self, id: NodeId) -> bool {
        let chrome = self.page.classes(id).any(|c| {
            PLAYER_CHROME.iter().any(|p| {
                c.len() > p.len() && c.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
            })
        });
        chrome
            && !matches!(self.page.tag(id), "video" | "audio")
            && self.tally.count(id, Count::Media) == 0
            && self.tally.len[id.index()] <= PLAYER_CHROME_MAX_CHARS
    }

    fn is_video(&self, id: NodeId) -> bool {
        self.page
            .attrs(id)
            .any(|(_, v)| VIDEO_HOSTS.iter().any(|h| v.contains(h)))
    }

    /// Readability's "clean conditionally" test for one block read as `tag`.
    fn is_fishy(&self, id: NodeId, tag: &str) -> bool {
        if !self.pass.clean_conditionally {
            return false;
        }
        let page = self.page;
        let t = &*self.tally;
        let i = id.index();
        // Tables of figures, anything inside or holding one, and code stay.
        if self.data_table[i] || t.count(id, Count::DataTable) > 0 || self.inside[i].kept {
            return false;
        }
        let len = t.len[i] as f32;
        // A list without items is text indented by `<ul>` (an old idiom), read as a paragraph.
        let indent = matches!(tag, "ul" | "ol") && t.count(id, Count::Li) == 0;
        let is_list = !indent
            && (tag == "ul"
                || tag == "ol"
                || (len > 0.0 && t.count(id, Count::ListLen) as f32 / len > CLEAN_LIST_SHARE));
        let weight = class_weight(page, id, self.pass);
        if weight < 0.0 {
            return true;
        }
        if (t.commas[i] as usize) >= CLEAN_MIN_COMMAS {
            return false;
        }
        let p = i64::from(t.count(id, Count::P));
        let img = i64::from(t.count(id, Count::Img));
        let li = i64::from(t.count(id, Count::Li)) - CLEAN_LI_ALLOWANCE;
        let input = i64::from(t.count(id, Count::Input));
        let embeds = i64::from(t.count(id, Count::Embed));
        let heading_density = if len > 0.0 {
            t.count(id, Count::HeadingLen) as f32 / len
        } else {
            0.0
        };
        let textish_density = if len > 0.0 {
            t.count(id, Count::TextishLen) as f32 / len
        } else {
            0.0
        };
        let link_density = t.link_density(id);
        let content_len = t.len[i] as usize;
        let in_figure = self.inside[i].figure;
        if is_placeholder(page, id, content_len) {
            return true;
        }
        let fishy = (!in_figure && img > 1 && (p as f32 / img as f32) < 0.5)
            || (!is_list && li > p)
            || (input > p / 3)
            || (!is_list
                && !in_figure
                && heading_density < CLEAN_HEADING_SHARE
                && content_len < CLEAN_SHORT_CHARS
                && (img == 0 || img > 2)
                && link_density > 0.0)
            || (!is_list && weight < CLASS_WEIGHT && link_density > CLEAN_MAX_LINK_DENSITY)
            || (weight >= CLASS_WEIGHT && link_density > CLEAN_MAX_LINK_DENSITY_POSITIVE)
            || ((embeds == 1 && content_len < CLEAN_EMBED_CHARS) || embeds > 1)
            || (img == 0 && textish_density == 0.0 && !indent);
        if is_list && fishy {
            // Simple lists of images stay.
            let simple = page
                .element_children(id)
                .filter(|c| !self.dead[c.index()])
                .all(|c| {
                    page.element_children(c)
                        .filter(|g| !self.dead[g.index()])
                        .count()
                        <= 1
                });
            if simple && img == t.count(id, Count::Li) as i64 {
                return false;
            }
        }
        fishy
    }
}

/// Whether a short block's whole text is an ad or loading label.
fn is_placeholder(page: &Page, id: NodeId, len: usize) -> bool {
    if len > 20 {
        return false;
    }
    let text = crate::text::normalise(&page.text_content(id));
    PLACEHOLDER_TEXTS.contains(&text.as_str())
}
