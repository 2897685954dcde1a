//! Small text helpers shared by every module: whitespace folding, word counts, normalisation
//! for phrase matching.

/// Collapses runs of whitespace (including non-breaking spaces) into one space and trims.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in words(s) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whitespace-separated words, treating U+00A0 and other Unicode spaces as separators.
pub fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(char::is_whitespace).filter(|w| !w.is_empty())
}

/// Number of whitespace-separated words.
pub fn word_count(s: &str) -> usize {
    words(s).count()
}

/// Form used to compare text with the phrase tables: lower case, whitespace collapsed.
pub fn normalise(s: &str) -> String {
    collapse_whitespace(s).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_nbsp_and_newlines() {
        assert_eq!(
            collapse_whitespace(" Baca\u{a0}\n Juga:  x "),
            "Baca Juga: x"
        );
        assert_eq!(normalise("BACA  JUGA"), "baca juga");
        assert_eq!(word_count("a  b\tc"), 3);
    }
}
