//! Gazetteers: lists of given names, family names, places, organisations and everyday words, as
//! data files under `data/` (the generated ones by `scripts/gazetteers.py`).
//!
//! Build input only (feature `train`): `train-ner --tables` makes the word tables tagging reads
//! from them ([`super::lexicon`]), so neither the lists nor building from them are in the wasm.
//!
//! Each file starts with `#` lines naming its sources and their licences (also in NOTICE); the
//! rest is one name per line. The lists only feed features: a listed word is more likely a name,
//! and the weights learned from the training data decide how much more. Nothing is tagged just
//! because it is listed.

/// Given names of Indonesia and the countries news names most.
pub(crate) const GIVEN_NAMES: &str = include_str!("data/given-names.txt");
/// Family names of the same locales.
pub(crate) const FAMILY_NAMES: &str = include_str!("data/family-names.txt");
/// Place names in Indonesian: countries, provinces, cities, regions.
pub(crate) const PLACES_ID: &str = include_str!("data/places-id.txt");
/// Place names in English: countries and a few cities and regions.
pub(crate) const PLACES_EN: &str = include_str!("data/places-en.txt");
/// Organisation names in Indonesian, Malay and English news.
pub(crate) const ORGS: &str = include_str!("data/orgs.txt");
/// Everyday Indonesian words, most frequent first.
pub(crate) const COMMON_ID: &str = include_str!("data/common-id.txt");
/// Everyday English words, most frequent first.
pub(crate) const COMMON_EN: &str = include_str!("data/common-en.txt");
/// Place names in any language: the world's larger cities and Indonesia's regencies.
pub(crate) const PLACES_WORLD: &str = include_str!("data/places-world.txt");

/// The names of a list, without comments and blank lines.
pub(crate) fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_case_insensitively_and_unique() {
        for list in [
            GIVEN_NAMES,
            FAMILY_NAMES,
            PLACES_ID,
            PLACES_EN,
            PLACES_WORLD,
            ORGS,
        ] {
            let names: Vec<String> = entries(list).map(str::to_lowercase).collect();
            assert!(names.len() > 100);
            for w in names.windows(2) {
                assert!(w[0] < w[1], "not sorted or duplicated: {w:?}");
            }
        }
    }
}
