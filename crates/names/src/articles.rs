//! Scores on real articles: the distinct people, organisations and places a tagger finds in the
//! article text of real news pages, against a hand-made answer key
//! (`tests/fixtures/ner/articles.tsv`, pages under `../shared/corpora`). Native only.
//!
//! Why besides the CoNLL dev sets: those are sentences of two annotation projects, read one by
//! one; a reader sees whole articles of other years, sites and languages, and the entity list
//! the extension shows. So this scores that list: a name counts once per page, with its type,
//! exactly as written.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::conll::Score;
use super::{Kind, Tagger};

/// The answer key of one page.
pub struct Page {
    /// Path under the corpora folder.
    pub path: String,
    /// Distinct names with their types.
    pub names: BTreeSet<(Kind, String)>,
}

/// Reads the answer key: `PAGE<TAB>TYPE<TAB>NAME` lines, `#` comments; pages in file order.
pub fn read_key(text: &str) -> Result<Vec<Page>, String> {
    let mut pages: Vec<Page> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || format!("line {}: want PAGE<TAB>PER|ORG|LOC<TAB>NAME", n + 1);
        let mut cols = line.split('\t');
        let (Some(path), Some(kind), Some(name), None) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            return Err(bad());
        };
        let kind = Kind::parse(kind).ok_or_else(bad)?;
        if pages.last().is_none_or(|p| p.path != path) {
            pages.push(Page {
                path: path.to_string(),
                names: BTreeSet::new(),
            });
        }
        let page = pages.last_mut().expect("pushed above");
        page.names.insert((kind, name.to_string()));
    }
    Ok(pages)
}

/// Scores of `tagger` over the pages of the key, summed by page language (code as the
/// analysis names it: "id", "en", …), in order of the codes.
pub fn evaluate(
    tagger: &Tagger,
    key: &[Page],
    corpora: &Path,
) -> Result<Vec<(String, Score)>, String> {
    let mut by_lang: BTreeMap<String, Score> = BTreeMap::new();
    for page in key {
        let path = corpora.join(&page.path);
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let analysis = bersih::analyse(&bersih::html::parse_bytes(&bytes), &Default::default());
        let article = analysis
            .article
            .as_ref()
            .ok_or_else(|| format!("{}: no article found", page.path))?;
        let lang = bersih::lang::Lang::from_code(&analysis.lang);
        let found: BTreeSet<(Kind, String)> = tagger
            .entities(&article.text, lang)
            .into_iter()
            .map(|e| (e.kind, e.text))
            .collect();
        let score = by_lang.entry(analysis.lang.clone()).or_default();
        for (kind, _) in &page.names {
            score.by_kind[*kind as usize].gold += 1;
        }
        for name in &found {
            let c = &mut score.by_kind[name.0 as usize];
            c.predicted += 1;
            c.correct += usize::from(page.names.contains(name));
        }
    }
    Ok(by_lang.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_key_by_page() {
        let key = "# comment\na.html\tPER\tJoko Widodo\na.html\tLOC\tBali\nb.html\tORG\tKPK\n";
        let pages = read_key(key).unwrap();
        assert_eq!(pages.len(), 2);
        assert!(pages[0].names.contains(&(Kind::Loc, "Bali".to_string())));
        assert!(read_key("a.html\tPERSON\tJoko\n").is_err());
        assert!(read_key("a.html\tPER\n").is_err());
    }
}
