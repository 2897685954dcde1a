//! Every weight, threshold and class-name hint of the article extractor, with its origin.
//!
//! Most values are Readability.js defaults (the algorithm behind Firefox Reader View): we keep
//! them so our output agrees with Reader View on its own test corpus, and add hints for the
//! markup of Indonesian news sites where they differ. A change here shows up as a fixture diff.

/// Paragraph-like units shorter than this (characters) add no score. Readability default.
pub const MIN_UNIT_CHARS: usize = 25;
/// One point per this many characters of a unit… Readability default.
pub const CHARS_PER_POINT: usize = 100;
/// …up to this many points. Readability default.
pub const MAX_LENGTH_POINTS: usize = 3;
/// How many ancestors a unit's score reaches. Readability default.
pub const SCORE_ANCESTORS: usize = 5;
/// Candidates kept for the final choice. Readability default.
pub const TOP_CANDIDATES: usize = 5;
/// Other top candidates scoring at least this share of the best one vote for a common ancestor.
pub const ALTERNATIVE_SHARE: f32 = 0.75;
/// Votes needed before the common ancestor replaces the best candidate. Readability default.
pub const MIN_ALTERNATIVE_VOTES: usize = 3;
/// A parent whose score falls below this share of the candidate's stops the climb.
pub const CLIMB_STOP_SHARE: f32 = 1.0 / 3.0;
/// Siblings join the article from this score…
pub const SIBLING_MIN_SCORE: f32 = 10.0;
/// …or from this share of the top candidate's score, whichever is higher.
pub const SIBLING_SHARE: f32 = 0.2;
/// Bonus share for a sibling with the same class as the top candidate.
pub const SAME_CLASS_BONUS: f32 = 0.2;
/// A sibling paragraph longer than this joins when its link density is low…
pub const SIBLING_LONG_P: usize = 80;
/// …below this.
pub const SIBLING_MAX_LINK_DENSITY: f32 = 0.25;
/// An article shorter than this (characters) triggers a retry with a looser pass.
pub const MIN_ARTICLE_CHARS: usize = 500;
/// Weight of a class or id hint, positive or negative. Readability default.
pub const CLASS_WEIGHT: f32 = 25.0;
/// Links to `#…` count this much toward link density (in-page anchors are rarely navigation).
pub const HASH_LINK_WEIGHT: f32 = 0.3;
/// A div holding one paragraph is replaced by it when its link density is below this.
pub const LIFT_MAX_LINK_DENSITY: f32 = 0.25;
/// Share-button blocks are removed when shorter than this many characters.
pub const SHARE_MAX_CHARS: usize = 500;
/// Bylines are short: a byline candidate is shorter than this many characters.
pub const BYLINE_MAX_CHARS: usize = 100;
/// A byline after the first is an author card ("Maya Collins Transport reporter") with at most
/// this many words and no closing stop; longer, or a sentence, it is a bio the story may keep.
pub const CREDIT_CARD_MAX_WORDS: usize = 6;
/// Headings this similar to the title duplicate it.
pub const TITLE_SIMILARITY: f32 = 0.75;
/// Words of a kicker over the headline ("FotoBisnis", "EXCLUSIVE", "Cek Fakta").
pub const KICKER_MAX_WORDS: usize = 3;

/// Conditional cleaning: a block with this many commas is prose and always kept.
pub const CLEAN_MIN_COMMAS: usize = 10;
/// Conditional cleaning: list items beyond this allowance count against a block.
pub const CLEAN_LI_ALLOWANCE: i64 = 100;
/// Conditional cleaning: link density allowed in a block without a positive class.
pub const CLEAN_MAX_LINK_DENSITY: f32 = 0.2;
/// Conditional cleaning: link density allowed in a block with a positive class.
pub const CLEAN_MAX_LINK_DENSITY_POSITIVE: f32 = 0.5;
/// Conditional cleaning: blocks shorter than this with links are suspicious.
pub const CLEAN_SHORT_CHARS: usize = 25;
/// Conditional cleaning: a single embed needs this much text around it.
pub const CLEAN_EMBED_CHARS: usize = 75;
/// Conditional cleaning: a block this share of which is list text counts as a list.
pub const CLEAN_LIST_SHARE: f32 = 0.9;
/// Conditional cleaning: heading text share below which a short linked block is suspicious.
pub const CLEAN_HEADING_SHARE: f32 = 0.9;
/// Conditional cleaning: data tables have more than this many cells…
pub const DATA_TABLE_CELLS: usize = 10;
/// …or at least this many rows…
pub const DATA_TABLE_ROWS: usize = 10;
/// …or more than this many columns.
pub const DATA_TABLE_COLUMNS: usize = 4;

/// Class/id substrings of blocks that are rarely the article (stripped in the first pass).
/// Readability's list, plus Indonesian recirculation and widget names, dialogs and feedback
/// boxes (a "make us your homepage" dialog's steps).
pub const UNLIKELY: &[&str] = &[
    "-ad-",
    "ad-break",
    "agegate",
    "ai2html",
    "banner",
    "baca-juga",
    "bacajuga",
    "berita-terkait",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "dialog",
    "disqus",
    "extra",
    "feedback",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "pager",
    "pagination",
    "popup",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "terpopuler",
    "yom-remote",
];

/// Class/id substrings that save a block from [`UNLIKELY`]. Readability's list; "mathjax" keeps
/// formulas, whose containers carry MathJax's context-menu class ("CtxtMenu").
pub const MAYBE_CANDIDATE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];

/// Class/id substrings that raise a block's weight. Readability's list plus Indonesian CMS names.
pub const POSITIVE: &[&str] = &[
    "article",
    "artikel",
    "blog",
    "body",
    "content",
    "entry",
    "h-entry",
    "hentry",
    "isi-berita",
    "konten",
    "main",
    "page",
    "pagination",
    "post",
    "story",
    "text",
];

/// Class/id substrings that lower a block's weight. Readability's list plus Indonesian names.
pub const NEGATIVE: &[&str] = &[
    "-ad-",
    "baca-juga",
    "bacajuga",
    "banner",
    "com-",
    "combx",
    "comment",
    "contact",
    "footer",
    "gdpr",
    "hidden",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shopping",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "tags",
    "terkait",
    "widget",
];

/// Class/id substrings of bylines. Readability's list plus journalists' titles, English and
/// Indonesian.
pub const BYLINE: &[&str] = &[
    "author",
    "byline",
    "dateline",
    "journalist",
    "jurnalis",
    "p-author",
    "penulis",
    "reporter",
    "wartawan",
    "writtenby",
];

/// Roles of navigation and chrome, stripped with the unlikely blocks.
pub const UNLIKELY_ROLES: &[&str] = &[
    "alert",
    "alertdialog",
    "complementary",
    "dialog",
    "menu",
    "menubar",
    "navigation",
];

/// Embeds from these hosts are videos worth keeping.
pub const VIDEO_HOSTS: &[&str] = &[
    "archive.org",
    "bilibili.com",
    "dailymotion.com",
    "live.bilibili.com",
    "player.vimeo.com",
    "player.twitch.tv",
    "v.qq.com",
    "vimeo.com",
    "youtube-nocookie.com",
    "youtube.com",
];
