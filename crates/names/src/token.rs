//! Tokeniser for news prose: words, numbers and punctuation with their byte ranges, and the
//! sentence breaks between them.
//!
//! The tagger was trained on CoNLL files whose tokens split punctuation off words but keep
//! hyphenated words ("Jokowi-JK", "undang-undang"), decimal and thousand marks ("2.000", "1,5"),
//! dates ("24/8") and abbreviations ("Dr.", "U.S.") whole. This tokeniser reproduces that split on
//! running text and keeps byte offsets, so a tagged token maps straight back to the text.

use super::cues;

/// A token: the byte range `start..end` of its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
}

/// Joiners that stay inside a token when a letter or digit stands on both sides of them.
fn is_inner_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | ',' | '/' | '&' | '@' | '_')
}

/// Splits `text` into tokens and groups them into sentences. Returns the tokens and, for each
/// sentence, the index range of its tokens.
pub fn tokenise(text: &str) -> (Vec<Token>, Vec<std::ops::Range<usize>>) {
    let tokens = split_tokens(text);
    let sentences = split_sentences(text, &tokens);
    (tokens, sentences)
}

/// Tokens of `text`, without sentence breaks.
pub fn split_tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            // An English possessive is one token ("Sudan" "’s"), as in the English fixtures.
            let end = start + c.len_utf8() + possessive_len(c, &text[start + c.len_utf8()..]);
            if end > start + c.len_utf8() {
                chars.next();
            }
            out.push(Token { start, end });
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(pos, next)) = chars.peek() {
            if next.is_alphanumeric() {
                end = pos + next.len_utf8();
                chars.next();
                continue;
            }
            if is_inner_joiner(next) {
                let rest = &text[pos + next.len_utf8()..];
                let after = rest.chars().next();
                if after.is_some_and(char::is_alphanumeric)
                    && joiner_fits(next, &text[start..pos])
                    && possessive_len(next, rest) == 0
                {
                    chars.next();
                    end = pos + next.len_utf8();
                    continue;
                }
            }
            break;
        }
        // A final period stays on an abbreviation: "Dr.", "H.", "U.S.".
        if text[end..].starts_with('.') && is_abbreviation(&text[start..end]) {
            chars.next();
            end += 1;
        }
        out.push(Token { start, end });
    }
    out
}

/// Length of the "s" of a possessive when `apostrophe` and `rest` start one ("’s" then no more
/// letters), else 0.
fn possessive_len(apostrophe: char, rest: &str) -> usize {
    let mut after = rest.chars();
    let possessive = matches!(apostrophe, '\'' | '’')
        && matches!(after.next(), Some('s' | 'S'))
        && !after.next().is_some_and(char::is_alphanumeric);
    usize::from(possessive)
}

/// Whether `joiner` may continue the word `so_far`. Commas and slashes join only numbers
/// ("1,5", "24/8"); the other joiners join anything.
fn joiner_fits(joiner: char, so_far: &str) -> bool {
    match joiner {
        ',' | '/' => so_far.chars().last().is_some_and(|c| c.is_ascii_digit()),
        _ => true,
    }
}

/// A word that keeps its final period: a capital initial ("H", "M"), a listed abbreviation
/// ("Dr", "Jl", "Prof"), or a word that already holds a period ("U.S").
fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if word.contains('.') || (first.is_uppercase() && chars.next().is_none()) {
        return true;
    }
    word.len() <= cues::LONGEST_ABBREVIATION && cues::is_abbreviation(&word.to_lowercase())
}

/// Groups tokens into sentences: a break follows `.`, `!`, `?` (and closing quotes after
/// them) when the next token starts with a capital, a digit or a quote, and a line break with an
/// empty line always breaks.
fn split_sentences(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut begin = 0;
    for i in 0..tokens.len() {
        let Some(next) = tokens.get(i + 1) else {
            break;
        };
        let cur = &text[tokens[i].start..tokens[i].end];
        let gap = &text[tokens[i].end..next.start];
        let paragraph = gap.matches('\n').count() >= 2;
        let ends = matches!(cur, "." | "!" | "?" | "…")
            || (matches!(cur, "\"" | "”" | "’" | ")")
                && i > begin
                && matches!(
                    &text[tokens[i - 1].start..tokens[i - 1].end],
                    "." | "!" | "?"
                ));
        let next_opens = text[next.start..]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'(".contains(c));
        if paragraph || (ends && next_opens && !gap.is_empty()) {
            out.push(begin..i + 1);
            begin = i + 1;
        }
    }
    if begin < tokens.len() {
        out.push(begin..tokens.len());
    }
    out
}

/// The words of each sentence of `text`, as slices of it.
pub fn sentence_words<'a>(
    text: &'a str,
    tokens: &[Token],
    sentences: &[std::ops::Range<usize>],
) -> Vec<Vec<&'a str>> {
    sentences
        .iter()
        .map(|r| {
            tokens[r.clone()]
                .iter()
                .map(|t| &text[t.start..t.end])
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, want: &[&[&str]]) {
        let (tokens, sentences) = tokenise(text);
        assert_eq!(sentence_words(text, &tokens, &sentences), want);
    }

    #[test]
    fn splits_punctuation_keeps_joined_words() {
        check(
            "Presiden Jokowi-JK, kata Dr. Ani (UI), membeli 2.000 ton pada 24/8.",
            &[&[
                "Presiden",
                "Jokowi-JK",
                ",",
                "kata",
                "Dr.",
                "Ani",
                "(",
                "UI",
                ")",
                ",",
                "membeli",
                "2.000",
                "ton",
                "pada",
                "24/8",
                ".",
            ]],
        );
    }

    #[test]
    fn possessives_are_their_own_token() {
        check(
            "Sudan’s army met O'Brien's men on Jum'at at Qur'an school",
            &[&[
                "Sudan", "’s", "army", "met", "O'Brien", "'s", "men", "on", "Jum'at", "at",
                "Qur'an", "school",
            ]],
        );
    }

    #[test]
    fn breaks_sentences_but_not_after_abbreviations() {
        check(
            "Ia tiba di Jl. Sudirman. \"Kami siap,\" ujarnya. Hari ini\n\nParagraf baru",
            &[
                &["Ia", "tiba", "di", "Jl.", "Sudirman", "."],
                &["\"", "Kami", "siap", ",", "\"", "ujarnya", "."],
                &["Hari", "ini"],
                &["Paragraf", "baru"],
            ],
        );
    }

    #[test]
    fn offsets_cover_multibyte_text() {
        let text = "Café “Ibu” — Bandung.";
        let (tokens, _) = tokenise(text);
        let words: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, ["Café", "“", "Ibu", "”", "—", "Bandung", "."]);
    }
}
