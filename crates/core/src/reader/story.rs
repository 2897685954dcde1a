//! A story read whole, page by page: which address to fetch next, what each fetched page adds,
//! and when to stop and why. The core never fetches; the extension asks [`Story::next`], fetches
//! that address and hands back the page ([`Story::add`]) or its failure ([`Story::failed`]).
//!
//! Why here and not in the extension: the stopping rules (a loop, a page repeating one already
//! merged, another story, the page limit, a "show all" page that holds no more than page 1) are
//! judgements on the analyses, and the same for every surface.
//!
//! Invariant: every address given out lies within the story's directory on the origin of the
//! page the story started from (a "next" link in a reader's comment to `/akun/keluar` is never
//! requested: a GET can log a person out), at most once; at most [`MAX_PAGES`] pages are merged;
//! a refused page never changes the article.

use std::collections::{BTreeMap, HashSet};

use serde::Serialize;

use super::merge::{merge, Refusal};
use super::metadata::pagination::{Model, MAX_PAGES};
use crate::analysis::Analysis;
use crate::url::{document_part, origin};

/// How much more text (words) a "show all" page must hold than page 1 to be taken for the whole
/// story: a site that ignores the switch serves page 1 again, with its pager and sidebar.
const SHOW_ALL_MIN_GAIN: f64 = 1.2;

/// Why a story stopped before its last page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stop {
    /// The fetch failed: an HTTP status (0 when there was none: network, redirect, type).
    Error,
    /// A page's next page is one already read.
    Loop,
    /// A page added nothing: the site served an earlier page again.
    Repeat,
    /// More than [`MAX_PAGES`] pages.
    Limit,
    /// A page held no article.
    NotArticle,
    /// A page was another story (another title or story address).
    OtherStory,
    /// The person closed the reader.
    Aborted,
}

/// Where a story is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// More pages to fetch ([`Story::next`]).
    Loading,
    /// Every page known is merged (or there was only one).
    Done,
    /// Stopped early; [`Progress::stop`] says why.
    Stopped,
}

/// What a surface shows about a story: how far it got and why it ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Loading, done or stopped.
    pub state: State,
    /// Pages in the article now (1 before any other arrives).
    pub merged: u32,
    /// Pages the story has, when the page says so or its pager lists them.
    pub count: Option<u32>,
    /// Why it stopped (with [`State::Stopped`]).
    pub stop: Option<Stop>,
    /// The HTTP status of a failed fetch, when there was one.
    pub status: Option<u16>,
    /// The number of the page the failure or refusal came from.
    pub at: Option<u32>,
    /// Whether the article came whole from a "show all" address.
    pub whole: bool,
}

/// The next address to fetch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fetch {
    /// The absolute address, on the story's origin.
    pub url: String,
    /// The page's number; 0 for a "show all" address.
    pub page: u32,
    /// Pages the story has, when known.
    pub count: Option<u32>,
}

/// A story being read whole.
#[derive(Clone, Debug)]
pub struct Story {
    /// The pages read, by number; the page the person is on among them.
    pages: BTreeMap<u32, Analysis>,
    /// The number of the page the person is on.
    current: u32,
    /// Pages' addresses by number, as the pages read so far list them.
    known: BTreeMap<u32, String>,
    /// Every address asked for or read, without fragment.
    seen: HashSet<String>,
    /// What every address must start with: the origin and directory of the story's address.
    scope: Option<String>,
    /// A "show all" address not yet tried.
    show_all: Option<String>,
    /// The stated count, when a page said it.
    count: Option<u32>,
    /// The most pages a page's pager listed.
    listed: u32,
    merged: Analysis,
    whole: bool,
    state: State,
    stop: Option<(Stop, Option<u16>, u32)>,
}

impl Story {
    /// A story starting from the analysis of the page at `url`, the page the person is on.
    pub fn new(first: Analysis, url: Option<&str>) -> Story {
        let pagination = first
            .article
            .as_ref()
            .map(|a| a.pagination.clone())
            .unwrap_or_default();
        let current = pagination.current.max(1);
        let mut known: BTreeMap<u32, String> =
            (1..).zip(pagination.pages.iter().cloned()).collect();
        if let Some(next) = &pagination.next {
            known.entry(current + 1).or_insert_with(|| next.clone());
        }
        // The page the person is on, by the address they opened and the one its pager gives.
        let mut seen: HashSet<String> = url.iter().copied().map(key).collect();
        seen.extend(known.get(&current).map(|u| key(u)));
        let fetching = first.article.is_some() && pagination.model != Model::OneDocument;
        let scope = pagination.story.as_deref().or(url).and_then(directory);
        let show_all = pagination
            .show_all
            .filter(|u| fetching && within(scope.as_deref(), u));
        let mut story = Story {
            pages: BTreeMap::from([(current, first.clone())]),
            current,
            known,
            seen,
            scope,
            show_all,
            count: pagination.count,
            listed: pagination.pages.len() as u32,
            merged: first,
            whole: false,
            state: State::Loading,
            stop: None,
        };
        if !fetching {
            story.known.clear();
        }
        story.settle();
        story
    }

    /// The article as merged so far (the first page's analysis until another arrives).
    pub fn analysis(&self) -> &Analysis {
        &self.merged
    }

    /// How far the story got.
    pub fn progress(&self) -> Progress {
        let (stop, status, at) = match self.stop {
            Some((stop, status, at)) => (Some(stop), status, Some(at)),
            None => (None, None, None),
        };
        let count = self.count.or((self.listed > 1).then_some(self.listed));
        // A "show all" page is taken only when it holds clearly more than one page.
        let merged = if self.whole {
            count.unwrap_or(2)
        } else {
            self.run().len() as u32
        };
        Progress {
            state: self.state,
            merged,
            count,
            stop,
            status,
            at,
            whole: self.whole,
        }
    }

    /// The address to fetch next, or `None` when the story is done or stopped.
    pub fn next(&self) -> Option<Fetch> {
        if self.state != State::Loading {
            return None;
        }
        if let Some(url) = &self.show_all {
            return Some(Fetch {
                url: url.clone(),
                page: 0,
                count: self.progress().count,
            });
        }
        let page = self.wanted()?;
        Some(Fetch {
            url: self.known.get(&page)?.clone(),
            page,
            count: self.progress().count,
        })
    }

    /// Adds the analysis of the page [`Story::next`] gave, fetched from `url`.
    pub fn add(&mut self, fetched: Analysis, url: &str) {
        let Some(fetch) = self.next().filter(|f| key(&f.url) == key(url)) else {
            return;
        };
        self.seen.insert(key(url));
        if fetch.page == 0 {
            self.show_all = None;
            self.try_whole(fetched);
            return self.settle();
        }
        if let Some(article) = &fetched.article {
            let later = (fetch.page + 1..).zip(
                article
                    .pagination
                    .pages
                    .iter()
                    .skip(fetch.page as usize)
                    .cloned(),
            );
            for (n, address) in later {
                self.known.entry(n).or_insert(address);
            }
            if let Some(next) = &article.pagination.next {
                self.known
                    .entry(fetch.page + 1)
                    .or_insert_with(|| next.clone());
            }
            self.count = self.count.or(article.pagination.count);
            self.listed = self.listed.max(article.pagination.pages.len() as u32);
        }
        let before = self.merged.article.as_ref().map_or(0, |a| a.text.len());
        self.pages.insert(fetch.page, fetched);
        match self.merge_run() {
            Ok(merged) => {
                let grew = merged.article.as_ref().map_or(0, |a| a.text.len()) > before;
                if grew {
                    self.merged = merged;
                } else {
                    self.pages.remove(&fetch.page);
                    return self.halt(Stop::Repeat, None, fetch.page);
                }
            }
            Err(refusal) => {
                self.pages.remove(&fetch.page);
                let stop = match refusal {
                    Refusal::NoArticle(_) => Stop::NotArticle,
                    Refusal::TooManyPages(_) => Stop::Limit,
                    _ => Stop::OtherStory,
                };
                return self.halt(stop, None, fetch.page);
            }
        }
        self.settle();
    }

    /// Records that fetching [`Story::next`]'s address failed, with its HTTP status if any (0
    /// for none). A failed "show all" address only sends the story to its separate pages.
    pub fn failed(&mut self, url: &str, status: u16) {
        let Some(fetch) = self.next().filter(|f| key(&f.url) == key(url)) else {
            return;
        };
        self.seen.insert(key(url));
        if fetch.page == 0 {
            self.show_all = None;
            return self.settle();
        }
        self.halt(Stop::Error, (status != 0).then_some(status), fetch.page);
    }

    /// The person closed the reader: nothing more is fetched.
    pub fn abort(&mut self) {
        if self.state == State::Loading {
            let at = self.wanted().unwrap_or(self.current);
            self.halt(Stop::Aborted, None, at);
        }
    }

    /// Takes a "show all" page as the story when it is the same story with clearly more text.
    fn try_whole(&mut self, all: Analysis) {
        let words = |a: &Analysis| {
            a.article
                .as_ref()
                .map_or(0, |a| crate::text::word_count(&a.text))
        };
        if (words(&all) as f64) < words(&self.merged) as f64 * SHOW_ALL_MIN_GAIN {
            return;
        }
        let first = self.pages[&self.current].clone();
        if merge(&[first, all.clone()]).is_err() {
            return;
        }
        if let Ok(merged) = merge(&[all]) {
            self.merged = merged;
            self.whole = true;
            self.state = State::Done;
        }
    }

    /// The next page number to read: the lowest one not read, once the pages before it are.
    fn wanted(&self) -> Option<u32> {
        (1..=MAX_PAGES + 1).find(|n| !self.pages.contains_key(n))
    }

    /// Moves to done or stopped when nothing more can be fetched.
    fn settle(&mut self) {
        if self.state != State::Loading {
            return;
        }
        if self.show_all.is_some() {
            return;
        }
        let Some(page) = self.wanted() else {
            return self.halt(Stop::Limit, None, MAX_PAGES + 1);
        };
        if self.count.is_some_and(|c| page > c) {
            self.state = State::Done;
            return;
        }
        let Some(url) = self.known.get(&page) else {
            self.state = State::Done;
            return;
        };
        if page > MAX_PAGES {
            return self.halt(Stop::Limit, None, page);
        }
        if self.seen.contains(&key(url)) {
            return self.halt(Stop::Loop, None, page);
        }
        if !within(self.scope.as_deref(), url) {
            // Pagination never lists another origin; another directory is not the story's.
            self.state = State::Done;
        }
    }

    fn halt(&mut self, stop: Stop, status: Option<u16>, at: u32) {
        self.state = State::Stopped;
        self.stop = Some((stop, status, at));
    }

    /// The pages read in an unbroken run of numbers through the current page.
    fn run(&self) -> Vec<&Analysis> {
        let mut first = self.current;
        while first > 1 && self.pages.contains_key(&(first - 1)) {
            first -= 1;
        }
        (first..)
            .map_while(|n| self.pages.get(&n))
            .collect::<Vec<_>>()
    }

    fn merge_run(&self) -> Result<Analysis, Refusal> {
        let pages: Vec<Analysis> = self.run().into_iter().cloned().collect();
        merge(&pages)
    }
}

/// The origin and directory of an absolute address: `https://host/a/b?x` gives `https://host/a/`.
fn directory(url: &str) -> Option<String> {
    let origin = origin(url)?;
    let path = document_part(url).get(origin.len()..).unwrap_or("");
    let dir = path.rfind('/').map_or("/", |i| &path[..=i]);
    Some(format!("{origin}{dir}"))
}

/// Whether `url` lies within `scope` (anything does without one: a page of unknown address).
fn within(scope: Option<&str>, url: &str) -> bool {
    scope.is_none_or(|s| url.starts_with(s))
}

/// An address as compared for loops: without its fragment.
fn key(url: &str) -> String {
    url.split('#').next().unwrap_or(url).to_string()
}
