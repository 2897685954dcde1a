//! Named-entity mentions as the reader marks them: the vocabulary the name recogniser
//! (`bersih-names`) produces and [`reader::highlight`](crate::reader) places on the article,
//! kept here so the core needs no recogniser to mark what one found.

use serde::Serialize;

/// The type of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Kind {
    /// A person.
    #[serde(rename = "PER")]
    Per,
    /// An organisation: party, ministry, company, club, university…
    #[serde(rename = "ORG")]
    Org,
    /// A place: country, region, city, street, mountain…
    #[serde(rename = "LOC")]
    Loc,
}

impl Kind {
    /// Every kind, in the order of their numbers (`kind as usize`).
    pub const ALL: [Kind; 3] = [Kind::Per, Kind::Org, Kind::Loc];

    /// The short label: `PER`, `ORG` or `LOC`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Org => "ORG",
            Kind::Loc => "LOC",
        }
    }

    /// Reads a label written by [`Kind::as_str`].
    pub fn parse(label: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == label)
    }
}

/// An entity mention in a text: the byte range `start..end` and its type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Type.
    pub kind: Kind,
}

/// A distinct entity of a text and how often it is mentioned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// The name as written (whitespace collapsed).
    pub text: String,
    /// Type.
    #[serde(rename = "type")]
    pub kind: Kind,
    /// Number of mentions.
    pub count: u32,
}

/// Groups named mentions into distinct entities (same type, same name), most mentioned first
/// (ties in order of first mention); also returns each mention's index in that list.
pub fn group(named: impl IntoIterator<Item = (Kind, String)>) -> (Vec<Entity>, Vec<u32>) {
    let mut list: Vec<Entity> = Vec::new();
    let mut index: std::collections::HashMap<(Kind, String), usize> = Default::default();
    let mut ids = Vec::new();
    for key in named {
        let id = *index.entry(key).or_insert_with_key(|(kind, name)| {
            list.push(Entity {
                text: name.clone(),
                kind: *kind,
                count: 0,
            });
            list.len() - 1
        });
        list[id].count += 1;
        ids.push(id);
    }
    // A stable sort keeps first-mention order among equal counts; the ids follow their entity.
    let mut order: Vec<usize> = (0..list.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(list[i].count));
    let mut rank = vec![0u32; list.len()];
    for (r, &i) in (0..).zip(&order) {
        rank[i] = r;
    }
    let ranked = order.iter().map(|&i| list[i].clone()).collect();
    (ranked, ids.into_iter().map(|id| rank[id]).collect())
}
