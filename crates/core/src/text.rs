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

/// What the analysis needs to know about a piece of text, gathered in one pass over it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextStats {
    /// Characters with each whitespace run counted as one (the length of the collapsed text,
    /// give or take the run at each end).
    pub chars: u32,
    /// Words holding at least one letter or digit.
    pub words: u32,
    /// Comma characters (see [`is_comma`]).
    pub commas: u32,
    /// Whether the text is only whitespace.
    pub blank: bool,
}

/// Measures `s` in one pass.
pub fn stats(s: &str) -> TextStats {
    let mut st = TextStats {
        blank: true,
        ..TextStats::default()
    };
    let mut in_space = false;
    let mut counted = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_space {
                st.chars += 1;
            }
            in_space = true;
            counted = false;
            continue;
        }
        st.chars += 1;
        st.blank = false;
        in_space = false;
        if !counted && c.is_alphanumeric() {
            st.words += 1;
            counted = true;
        }
        if is_comma(c) {
            st.commas += 1;
        }
    }
    st
}

/// Comma characters of the scripts news is written in (Latin, Arabic, CJK and their variants).
pub fn is_comma(c: char) -> bool {
    matches!(
        c,
        ',' | '\u{060C}'
            | '\u{FE50}'
            | '\u{FE10}'
            | '\u{FE11}'
            | '\u{2E41}'
            | '\u{2E34}'
            | '\u{2E32}'
            | '\u{FF0C}'
    )
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

    #[test]
    fn stats_in_one_pass() {
        let st = stats("  Baca, juga -  ok\u{a0}");
        assert_eq!(
            st,
            TextStats {
                chars: 17,
                words: 3,
                commas: 1,
                blank: false
            }
        );
        assert!(stats(" \n\u{a0}").blank);
    }
}
