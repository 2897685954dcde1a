//! The `bersih` command line: glue between files and the analysis core.
//!
//! Exit codes: 0 = article found, 2 = usage error or unreadable input, 3 = no article found
//! (JSON output is still printed, with `article_found: false`).

use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::Instant;

use serde::Serialize;

const EXIT_NO_ARTICLE: u8 = 3;
const EXIT_BAD_INPUT: u8 = 2;

const USAGE: &str = "usage:
  bersih extract FILE [--url URL] [--format json|text|markdown|html] [--no-names]
      Names (people, organisations, places) are recognised only for the formats that show
      them (json: `entities`; html: marks); --no-names skips them there too.
  bersih extract FILE1 FILE2 ... --merge [--url URL-of-page-1] [--format ...] [--no-names]
      Saved pages of one story, in order, merged into one article (nothing is fetched); the
      later pages are read at the addresses page 1 gives for them. Pages of another story,
      or without an article, are refused (exit 2).
  bersih ner FILE [--lang id|ms|en] [--document] [--genre news|reference|project]
      CoNLL tokens in, token<TAB>BIO tag out. Sentences between -DOCSTART- lines form one
      document, whose mentions are made to agree; without such lines each sentence stands
      alone, unless --document makes the whole file one document. The genre (news reports
      mark a country only where it is a place; reference prose marks every place; project is
      the convention of the English and Malay training sentences) is decided from the words of
      the whole file unless --genre names it (English and Malay always take project).
FILE may be - for standard input.";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Text,
    Markdown,
    Html,
}

struct ExtractArgs {
    /// The pages: one, or several with `merge`.
    files: Vec<String>,
    merge: bool,
    url: Option<String>,
    format: Format,
    names: bool,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("extract") => parse_extract(&args[1..]).and_then(|a| extract(&a)),
        Some("ner") => parse_ner(&args[1..]).and_then(|a| ner(&a)),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => Err(format!("unknown or missing command\n{USAGE}")),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(msg) => {
            eprintln!("bersih: {msg}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

fn parse_extract(args: &[String]) -> Result<ExtractArgs, String> {
    let mut files = Vec::new();
    let mut url = None;
    let mut format = Format::Json;
    let mut names = true;
    let mut merge = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--url" => url = Some(it.next().ok_or("--url needs a value")?.clone()),
            "--format" => {
                format = match it.next().map(String::as_str) {
                    Some("json") => Format::Json,
                    Some("text") => Format::Text,
                    Some("markdown" | "md") => Format::Markdown,
                    Some("html") => Format::Html,
                    other => {
                        return Err(format!(
                            "unknown format {other:?}; use json, text, markdown or html"
                        ))
                    }
                }
            }
            "--no-names" => names = false,
            "--merge" => merge = true,
            _ if a.starts_with("--") => return Err(format!("unknown option {a}\n{USAGE}")),
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        return Err(format!("missing FILE\n{USAGE}"));
    }
    if let Some(extra) = files.get(1).filter(|_| !merge) {
        return Err(format!("unexpected argument {extra}\n{USAGE}"));
    }
    Ok(ExtractArgs {
        files,
        merge,
        url,
        format,
        names,
    })
}

struct NerArgs {
    file: String,
    lang: bersih::lang::Lang,
    /// Read a file without `-DOCSTART-` lines as one document.
    document: bool,
    /// The convention to tag by, if not decided from the words.
    genre: Option<bersih_names::Genre>,
}

fn parse_ner(args: &[String]) -> Result<NerArgs, String> {
    let mut file = None;
    let mut lang = bersih::lang::Lang::Id;
    let mut document = false;
    let mut genre = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--lang" => {
                lang = match it.next().map(String::as_str) {
                    Some("id") => bersih::lang::Lang::Id,
                    Some("ms") => bersih::lang::Lang::Ms,
                    Some("en") => bersih::lang::Lang::En,
                    other => return Err(format!("unknown language {other:?}; use id, ms or en")),
                }
            }
            "--document" => document = true,
            "--genre" => {
                let name = it.next().map(String::as_str).unwrap_or_default();
                genre = Some(bersih_names::Genre::parse(name).ok_or_else(|| {
                    format!("unknown genre {name:?}; use news, reference or project")
                })?);
            }
            _ if a.starts_with("--") => return Err(format!("unknown option {a}\n{USAGE}")),
            _ if file.is_none() => file = Some(a.clone()),
            _ => return Err(format!("unexpected argument {a}\n{USAGE}")),
        }
    }
    let file = file.ok_or_else(|| format!("missing FILE\n{USAGE}"))?;
    Ok(NerArgs {
        file,
        lang,
        document,
        genre,
    })
}

/// The CoNLL line that starts a document.
const DOCSTART: &str = "-DOCSTART-";

/// Tags a CoNLL file (token in the first column) and prints `token<TAB>tag` lines with the same
/// sentence breaks; see the usage for what makes a document.
fn ner(args: &NerArgs) -> Result<u8, String> {
    let bytes = read_input(&args.file)?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8", args.file))?;
    let sentences: Vec<Vec<&str>> = bersih_names::conll::sentences(&text)
        .into_iter()
        .map(|rows| rows.into_iter().map(|cols| cols[0]).collect())
        .collect();
    let is_mark = |s: &Vec<&str>| s.first() == Some(&DOCSTART);
    let marked = sentences.iter().any(is_mark);
    let tagger = bersih_names::Tagger::embedded();
    // The genre is one for the whole input, even when its sentences are tagged alone.
    let lang = Some(args.lang);
    let opts = bersih_names::TagOptions {
        lang,
        document: true,
        genre: Some(
            args.genre
                .unwrap_or_else(|| tagger.genre_of(&sentences, lang)),
        ),
    };
    // A document runs up to the next `-DOCSTART-` line (tagged O); unmarked sentences are
    // one-sentence documents unless the whole file is one (`--document`).
    let mut tags = Vec::with_capacity(sentences.len());
    let mut start = 0;
    while start < sentences.len() {
        if is_mark(&sentences[start]) {
            tags.push(vec![bersih_names::Tag::O; sentences[start].len()]);
            start += 1;
            continue;
        }
        let end = if marked || args.document {
            (start..sentences.len())
                .find(|&i| is_mark(&sentences[i]))
                .unwrap_or(sentences.len())
        } else {
            start + 1
        };
        tags.extend(tagger.tag_document(&sentences[start..end], &opts));
        start = end;
    }
    let mut out = String::with_capacity(text.len());
    for (words, tags) in sentences.iter().zip(&tags) {
        for (w, t) in words.iter().zip(tags) {
            out.push_str(w);
            out.push('\t');
            out.push_str(t.as_str());
            out.push('\n');
        }
        out.push('\n');
    }
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(0)
}

fn read_input(file: &str) -> Result<Vec<u8>, String> {
    if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(buf);
    }
    std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))
}

fn extract(args: &ExtractArgs) -> Result<u8, String> {
    let start = Instant::now();
    let mut nodes = 0;
    let mut analyses = Vec::with_capacity(args.files.len());
    // Later pages are read at the addresses page 1 gives for them, so their links resolve.
    let mut addresses = Vec::new();
    for (i, file) in args.files.iter().enumerate() {
        let page = bersih::html::parse_bytes(&read_input(file)?);
        nodes += page.len();
        let url = match i {
            0 => args.url.clone(),
            _ => addresses.get(i).cloned(),
        };
        let analysis = bersih::analyse(
            &page,
            &bersih::Options {
                url,
                ..Default::default()
            },
        );
        if i == 0 {
            addresses = analysis
                .article
                .as_ref()
                .map(|a| a.pagination.pages.clone())
                .unwrap_or_default();
        }
        analyses.push(analysis);
    }
    let source = args.files.join(", ");
    let mut analysis = if args.merge {
        bersih::merge(&analyses).map_err(|e| format!("cannot merge {source}: {e}"))?
    } else {
        analyses.pop().expect("one file at least")
    };
    // Only the formats that show names pay for recognising them.
    let shows_names = matches!(args.format, Format::Json | Format::Html);
    let mut entities = Vec::new();
    if let Some(h) = (args.names && shows_names)
        .then(|| analysis.highlights(bersih_names::mentions))
        .flatten()
    {
        entities = h.entities;
        if let Some(a) = &mut analysis.article {
            a.html = h.html;
        }
    }
    let micros = start.elapsed().as_micros() as u64;
    let found = analysis.article.is_some();
    let out = match args.format {
        Format::Json => {
            let report = Report::new(&analysis, &entities, args.url.as_deref(), nodes, micros);
            let mut s = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
            s.push('\n');
            s
        }
        _ => match &analysis.article {
            None => {
                eprintln!("bersih: no article found in {source}");
                return Ok(EXIT_NO_ARTICLE);
            }
            Some(a) => {
                let body = match args.format {
                    Format::Text => &a.text,
                    Format::Markdown => &a.markdown,
                    _ => &a.html,
                };
                let mut s = body.clone();
                if !s.ends_with('\n') {
                    s.push('\n');
                }
                s
            }
        },
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = stdout.write_all(out.as_bytes());
    if !found {
        eprintln!("bersih: no article found in {source}");
        return Ok(EXIT_NO_ARTICLE);
    }
    Ok(0)
}

/// The JSON contract of `bersih extract`: exactly these keys.
#[derive(Serialize)]
struct Report<'a> {
    article_found: bool,
    url: Option<&'a str>,
    lang: &'a str,
    title: Option<&'a str>,
    byline: Option<&'a str>,
    editor: Option<&'a str>,
    source: Option<&'a str>,
    site_name: Option<&'a str>,
    published: Option<&'a str>,
    lead_image: Option<&'a bersih::LeadImage>,
    excerpt: Option<&'a str>,
    reading_minutes: u32,
    next_page: Option<&'a str>,
    pagination: Option<&'a bersih::Pagination>,
    text: &'a str,
    markdown: &'a str,
    html: &'a str,
    removed: Vec<RemovedItem<'a>>,
    entities: &'a [bersih::mention::Entity],
    stats: Stats,
}

#[derive(Serialize)]
struct RemovedItem<'a> {
    kind: bersih::Kind,
    text: &'a str,
    reason: &'a bersih::Reason,
}

#[derive(Serialize)]
struct Stats {
    nodes: usize,
    micros: u64,
}

impl<'a> Report<'a> {
    fn new(
        a: &'a bersih::Analysis,
        entities: &'a [bersih::mention::Entity],
        url: Option<&'a str>,
        nodes: usize,
        micros: u64,
    ) -> Self {
        let art = a.article.as_ref();
        Report {
            article_found: art.is_some(),
            url,
            lang: &a.lang,
            title: art.map(|x| x.title.as_str()).filter(|t| !t.is_empty()),
            byline: art.and_then(|x| x.byline.as_deref()),
            editor: art.and_then(|x| x.editor.as_deref()),
            source: art.and_then(|x| x.source.as_deref()),
            site_name: art.and_then(|x| x.site_name.as_deref()),
            published: art.and_then(|x| x.published.as_deref()),
            lead_image: art.and_then(|x| x.lead_image.as_ref()),
            excerpt: art.and_then(|x| x.excerpt.as_deref()),
            reading_minutes: art.map_or(0, |x| x.reading_minutes),
            next_page: art.and_then(|x| x.pagination.next.as_deref()),
            pagination: art.map(|x| &x.pagination),
            text: art.map_or("", |x| x.text.as_str()),
            markdown: art.map_or("", |x| x.markdown.as_str()),
            html: art.map_or("", |x| x.html.as_str()),
            removed: a
                .removed
                .iter()
                .map(|r| RemovedItem {
                    kind: r.kind,
                    text: &r.text,
                    reason: &r.reason,
                })
                .collect(),
            entities,
            stats: Stats { nodes, micros },
        }
    }
}
