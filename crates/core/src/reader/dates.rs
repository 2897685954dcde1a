//! Publication dates as news pages print them, turned into ISO 8601 ([`parse`]), and back into
//! words for readers ([`display`]).
//!
//! Why a token scanner and not a list of formats: the same parts (a weekday, a day, a month name
//! in Indonesian, Malay or English, a year, a clock time with `:` or `.`, a zone such as "WIB")
//! arrive in every order and with every separator ("Jum'at, 24 Juli 2026 | 07:08 WIB",
//! "Kompas.com - 18/06/2025, 21:35 WIB", "July 24, 2026 3:05 PM EDT"), so the scanner finds a
//! date shape first, then a time next to it, then a zone right after the time. Month names come
//! from the language tables; clock and zone notation is not language, so it lives here.
//!
//! Invariants: an offset is printed only when the text names a zone (never invented); impossible
//! dates and times give `None`; what [`display`] prints, [`parse`] reads back as the same time.

use crate::lang::{Lang, TABLES};

/// Parses the first date in `text`: "YYYY-MM-DD" for a date alone, "YYYY-MM-DDTHH:MM:SS" with a
/// time, and a trailing "+HH:MM" when the text names the zone.
pub fn parse(text: &str) -> Option<String> {
    let tokens = tokenize(text);
    let (date, date_span) = find_date(&tokens)?;
    let Some((time, time_end)) = find_time(&tokens, date_span) else {
        return Some(format!(
            "{:04}-{:02}-{:02}",
            date.year, date.month, date.day
        ));
    };
    let mut out = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        date.year, date.month, date.day, time.hour, time.minute, time.second
    );
    if let Some(minutes) = find_zone(&tokens, time_end) {
        let sign = if minutes < 0 { '-' } else { '+' };
        let abs = minutes.unsigned_abs();
        out.push_str(&format!("{sign}{:02}:{:02}", abs / 60, abs % 60));
    }
    Some(out)
}

/// A time from [`parse`] as readers read it, in the words and conventions of `lang`'s table:
/// "18 Juni 2025, 07.30 WIB" (Indonesian: the zone's name, when the table has one),
/// "18 Jun 2025, 07.30 UTC+08:00" (Malay), "18 June 2025, 07:30 UTC+01:00" (English); "UTC" for
/// offset zero; a date alone is "18 Juni 2025" and a time without a zone has no zone. Without a
/// table language it is numbers only ("2025-06-18, 07:30 UTC+01:00"), since no words can be
/// chosen. Seconds are left out. Text of another shape comes back as it is.
pub fn display(iso: &str, lang: Option<Lang>) -> String {
    let Some(stamp) = Stamp::read(iso) else {
        return iso.to_string();
    };
    let table = lang.map(crate::lang::table);
    let mut out = match table {
        Some(t) => format!(
            "{} {} {}",
            stamp.day,
            t.month_names[usize::from(stamp.month - 1)],
            stamp.year
        ),
        None => format!("{}-{:02}-{:02}", stamp.year, stamp.month, stamp.day),
    };
    let Some((hour, minute)) = stamp.clock else {
        return out;
    };
    let sep = table.map_or(':', |t| t.clock_separator);
    out.push_str(&format!(", {hour:02}{sep}{minute:02}"));
    if let Some(offset) = stamp.offset {
        let named = table.and_then(|t| t.zone_names.iter().find(|z| z.0 == offset));
        match named {
            Some((_, name)) => out.push_str(&format!(" {name}")),
            None if offset == 0 => out.push_str(" UTC"),
            None => {
                let sign = if offset < 0 { '-' } else { '+' };
                let abs = offset.unsigned_abs();
                out.push_str(&format!(" UTC{sign}{:02}:{:02}", abs / 60, abs % 60));
            }
        }
    }
    out
}

/// The parts of a [`parse`] result: "YYYY-MM-DD", then optionally "THH:MM[:SS[.f]]" and a zone
/// ("Z", "±HH:MM").
struct Stamp {
    year: u32,
    month: u8,
    day: u32,
    clock: Option<(u32, u32)>,
    /// Minutes east of UTC.
    offset: Option<i32>,
}

impl Stamp {
    fn read(iso: &str) -> Option<Stamp> {
        let (date, time) = match iso.split_once('T') {
            Some((date, time)) => (date, Some(time)),
            None => (iso, None),
        };
        let [year, month, day] = digit_fields(date, '-', [4, 2, 2])?;
        let month = u8::try_from(month).ok()?;
        if !valid_date(Date {
            year,
            month: u32::from(month),
            day,
        }) {
            return None;
        }
        let mut stamp = Stamp {
            year,
            month,
            day,
            clock: None,
            offset: None,
        };
        let Some(time) = time else {
            return Some(stamp);
        };
        let zone_at = time.find(['Z', '+', '-']).unwrap_or(time.len());
        let (clock, zone) = time.split_at(zone_at);
        let hh_mm = clock.get(..5)?;
        let seconds = &clock[5..];
        let seconds_ok = seconds.is_empty()
            || (seconds.starts_with(':')
                && seconds[1..].chars().all(|c| c.is_ascii_digit() || c == '.'));
        let [hour, minute] = digit_fields(hh_mm, ':', [2, 2])?;
        if !seconds_ok || hour > 23 || minute > 59 {
            return None;
        }
        stamp.clock = Some((hour, minute));
        stamp.offset = match zone {
            "" => None,
            "Z" => Some(0),
            _ => {
                let sign = if zone.starts_with('-') { -1 } else { 1 };
                let [h, m] = digit_fields(&zone[1..], ':', [2, 2])?;
                let minutes = i32::try_from(h * 60 + m).ok()?;
                if m > 59 || minutes > MAX_OFFSET_MINUTES {
                    return None;
                }
                Some(sign * minutes)
            }
        };
        Some(stamp)
    }
}

/// `N` runs of ASCII digits of the given lengths joined by `sep`, as numbers.
fn digit_fields<const N: usize>(s: &str, sep: char, lens: [usize; N]) -> Option<[u32; N]> {
    let mut parts = s.split(sep);
    let mut out = [0; N];
    for (slot, len) in out.iter_mut().zip(lens) {
        let part = parts.next()?;
        if part.len() != len || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *slot = part.parse().ok()?;
    }
    parts.next().is_none().then_some(out)
}

/// Years a news date can plausibly carry; anything else is a number that happens to fit.
const YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;

/// Tokens a time may stand away from its date ("24 Juli 2026 | pukul 11.32", "2026-07-24T12:40").
const MAX_TIME_GAP: usize = 3;

/// Tokens before a date where a time printed first may start: the longest time with seconds,
/// fraction, "p.m." and a zone spans ten tokens ("3:05 PM EDT, Fri July 24, 2026").
const TIME_BEFORE_WINDOW: usize = 12;

/// Largest offset a real zone has (UTC+14, Kiribati), in minutes.
const MAX_OFFSET_MINUTES: i32 = 14 * 60;

/// Zone abbreviations news pages print, with their offset from UTC in minutes.
/// Indonesia's three zones, the universal ones, and the US/UK ones English wires use.
const ZONES: &[(&str, i32)] = &[
    ("bst", 60),
    ("cdt", -300),
    ("cest", 120),
    ("cet", 60),
    ("cst", -360),
    ("edt", -240),
    ("est", -300),
    ("gmt", 0),
    ("mdt", -360),
    ("mst", -420),
    ("pdt", -420),
    ("pst", -480),
    ("utc", 0),
    ("wib", 7 * 60),
    ("wit", 9 * 60),
    ("wita", 8 * 60),
    ("z", 0),
];

/// Twelve-hour clock markers, after the time.
const AM: &[&str] = &["am", "a.m"];
const PM: &[&str] = &["pm", "p.m"];

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// A run of ASCII digits.
    Num,
    /// A run of letters (with inner apostrophes, as in "Jum'at"), lower-cased.
    Word,
    /// Any other non-space character.
    Punct(char),
}

#[derive(Debug, Clone)]
struct Token {
    kind: Kind,
    text: String,
    /// Whether whitespace precedes the token.
    spaced: bool,
}

impl Token {
    fn num(&self) -> Option<u32> {
        (self.kind == Kind::Num && self.text.len() <= 4).then(|| self.text.parse().ok())?
    }

    fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

#[derive(Debug, Clone, Copy)]
struct Date {
    year: u32,
    month: u32,
    day: u32,
}

#[derive(Debug, Clone, Copy)]
struct Time {
    hour: u32,
    minute: u32,
    second: u32,
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut spaced = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Punct(c)
        };
        let mut tok = Token {
            kind,
            text: c.to_lowercase().collect(),
            spaced,
        };
        spaced = false;
        while let Some(&next) = chars.peek() {
            let continues = match tok.kind {
                Kind::Num => next.is_ascii_digit(),
                Kind::Word => next.is_alphabetic() || (is_apostrophe(next) && word_follows(&chars)),
                Kind::Punct(_) => false,
            };
            if !continues {
                break;
            }
            tok.text.extend(
                next.to_lowercase()
                    .map(|c| if is_apostrophe(c) { '\'' } else { c }),
            );
            chars.next();
        }
        tokens.push(tok);
    }
    tokens
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Whether the character after the apostrophe under the cursor is a letter ("Jum'at").
fn word_follows(chars: &std::iter::Peekable<std::str::Chars<'_>>) -> bool {
    let mut ahead = chars.clone();
    ahead.next();
    ahead.next().is_some_and(char::is_alphabetic)
}

fn month_number(word: &str) -> Option<u32> {
    TABLES.iter().find_map(|t| {
        let i = t.months.binary_search_by(|m| m.0.cmp(word)).ok()?;
        Some(u32::from(t.months[i].1))
    })
}

/// The first date shape in the tokens and the token range it covers.
fn find_date(tokens: &[Token]) -> Option<(Date, std::ops::Range<usize>)> {
    (0..tokens.len()).find_map(|i| {
        let (date, len) = numeric_date(&tokens[i..])
            .or_else(|| day_month_year(&tokens[i..]))
            .or_else(|| month_day_year(&tokens[i..]))?;
        valid_date(date).then_some((date, i..i + len))
    })
}

/// "2026-07-24", "2026/07/24", "18/06/2025", "18-06-2025", "18.06.2025". Day-first unless the
/// day-first reading is impossible and the month-first one is not (a US "07/24/2026").
fn numeric_date(t: &[Token]) -> Option<(Date, usize)> {
    let [a, s1, b, s2, c, ..] = t else {
        return None;
    };
    let adjacent = !s1.spaced && !s2.spaced && !b.spaced && !c.spaced;
    if !adjacent || !matches!(s1.kind, Kind::Punct('-' | '/' | '.')) || s1.kind != s2.kind {
        return None;
    }
    let (a_num, b_num, c_num) = (a.num()?, b.num()?, c.num()?);
    if a.text.len() == 4 {
        return Some((
            Date {
                year: a_num,
                month: b_num,
                day: c_num,
            },
            5,
        ));
    }
    if c.text.len() != 4 || a.text.len() > 2 || b.text.len() > 2 {
        return None;
    }
    let (day, month) = if b_num > 12 && a_num <= 12 {
        (b_num, a_num)
    } else {
        (a_num, b_num)
    };
    Some((
        Date {
            year: c_num,
            month,
            day,
        },
        5,
    ))
}

/// "24 Juli 2026", "18 Jun 2025", "24th July, 2026".
fn day_month_year(t: &[Token]) -> Option<(Date, usize)> {
    let day_tok = t.first()?;
    let day = short_number(day_tok)?;
    let mut i = 1;
    i += usize::from(t.get(i).is_some_and(is_ordinal_suffix));
    let month = month_number(&t.get(i)?.text)?;
    i += 1;
    i += usize::from(t.get(i).is_some_and(|tok| tok.is_punct('.')));
    i += usize::from(t.get(i).is_some_and(|tok| tok.is_punct(',')));
    let year = year_number(t.get(i)?)?;
    Some((Date { year, month, day }, i + 1))
}

/// "July 24, 2026", "Jul. 24 2026", "July 24th, 2026".
fn month_day_year(t: &[Token]) -> Option<(Date, usize)> {
    let month = month_number(&t.first()?.text)?;
    let mut i = 1;
    i += usize::from(t.get(i).is_some_and(|tok| tok.is_punct('.')));
    let day = short_number(t.get(i)?)?;
    i += 1;
    i += usize::from(t.get(i).is_some_and(is_ordinal_suffix));
    i += usize::from(t.get(i).is_some_and(|tok| tok.is_punct(',')));
    let year = year_number(t.get(i)?)?;
    Some((Date { year, month, day }, i + 1))
}

/// One or two digits.
fn short_number(tok: &Token) -> Option<u32> {
    (tok.text.len() <= 2).then(|| tok.num())?
}

fn year_number(tok: &Token) -> Option<u32> {
    (tok.text.len() == 4).then(|| tok.num())?
}

/// Letters glued to a day number ("24th", "1st"): an ordinal suffix in any language.
fn is_ordinal_suffix(tok: &Token) -> bool {
    tok.kind == Kind::Word && !tok.spaced && tok.text.len() <= 2
}

fn valid_date(d: Date) -> bool {
    let leap = d.year % 4 == 0 && (d.year % 100 != 0 || d.year % 400 == 0);
    let days = match d.month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    YEARS.contains(&d.year) && (1..=days).contains(&d.day)
}

/// A clock time just after the date (or, failing that, just before it), and the index after it.
fn find_time(tokens: &[Token], date: std::ops::Range<usize>) -> Option<(Time, usize)> {
    let after =
        (date.end..tokens.len().min(date.end + MAX_TIME_GAP + 1)).find_map(|i| clock(tokens, i));
    after.or_else(|| {
        let from = date.start.saturating_sub(TIME_BEFORE_WINDOW);
        (from..date.start).find_map(|i| clock(tokens, i).filter(|(_, end)| *end <= date.start))
    })
}

/// "12:40", "11.32", "10:00:00", "05:40:00.000", "3:05 PM", at token `i`.
fn clock(tokens: &[Token], i: usize) -> Option<(Time, usize)> {
    let t = &tokens[i..];
    let [h, sep, m, ..] = t else { return None };
    let sep = match sep.kind {
        Kind::Punct(c @ (':' | '.')) if !sep.spaced && !m.spaced && m.text.len() == 2 => c,
        _ => return None,
    };
    let (mut hour, minute) = (short_number(h)?, m.num()?);
    let mut end = 3;
    let mut second = 0;
    if let [s2, s, ..] = &t[3..] {
        if s2.is_punct(sep) && s.kind == Kind::Num && s.text.len() == 2 && !s.spaced {
            second = s.num()?;
            end = 5;
            if let [dot, frac, ..] = &t[5..] {
                end += if dot.is_punct('.') && frac.kind == Kind::Num && !frac.spaced {
                    2
                } else {
                    0
                };
            }
        }
    }
    if let Some((is_pm, len)) = meridiem(&t[end..]) {
        if !(1..=12).contains(&hour) {
            return None;
        }
        hour = hour % 12 + if is_pm { 12 } else { 0 };
        end += len;
    }
    (hour < 24 && minute < 60 && second < 60).then_some((
        Time {
            hour,
            minute,
            second,
        },
        i + end,
    ))
}

/// "PM", "p.m.", "am" after a time: whether it is afternoon, and the tokens it spans.
fn meridiem(t: &[Token]) -> Option<(bool, usize)> {
    let first = t.first().filter(|tok| tok.kind == Kind::Word)?;
    let dotted = match t {
        [a, dot, b, ..] if dot.is_punct('.') && b.kind == Kind::Word => {
            format!("{}.{}", a.text, b.text)
        }
        _ => String::new(),
    };
    let len_dotted = 3 + usize::from(t.get(3).is_some_and(|tok| tok.is_punct('.')));
    let found = [(first.text.as_str(), 1), (dotted.as_str(), len_dotted)]
        .into_iter()
        .find_map(|(text, len)| {
            let pm = PM.contains(&text);
            (pm || AM.contains(&text)).then_some((pm, len))
        });
    found
}

/// The zone right after the time, as minutes east of UTC: "WIB", "GMT+7", "UTC+07:00",
/// "+0700", "-04:00", "Z".
fn find_zone(tokens: &[Token], i: usize) -> Option<i32> {
    let t = tokens.get(i..)?;
    let first = t.first()?;
    if first.kind == Kind::Word {
        let base = ZONES.iter().find(|z| z.0 == first.text)?.1;
        let minutes = numeric_offset(&t[1..]).map_or(base, |(offset, _)| base + offset);
        // "WIT+08:00" adds up to no zone on Earth: name none rather than an impossible one.
        return (minutes.abs() <= MAX_OFFSET_MINUTES).then_some(minutes);
    }
    numeric_offset(t).map(|(offset, _)| offset)
}

/// "+7", "+07", "+0700", "+07:00", "-04:00" at the start of `t`.
fn numeric_offset(t: &[Token]) -> Option<(i32, usize)> {
    let [sign, digits, rest @ ..] = t else {
        return None;
    };
    let sign = match sign.kind {
        Kind::Punct('+') => 1,
        Kind::Punct('-' | '\u{2212}') => -1,
        _ => return None,
    };
    if digits.kind != Kind::Num || digits.spaced {
        return None;
    }
    let (hours, mut minutes, mut len) = match digits.text.len() {
        1 | 2 => (digits.num()?, 0, 2),
        4 => (digits.num()? / 100, digits.num()? % 100, 2),
        _ => return None,
    };
    if let [colon, m, ..] = rest {
        if digits.text.len() <= 2 && colon.is_punct(':') && m.text.len() == 2 && m.kind == Kind::Num
        {
            minutes = m.num()?;
            len = 4;
        }
    }
    let total = i32::try_from(hours * 60 + minutes).ok()?;
    (minutes < 60 && total <= MAX_OFFSET_MINUTES).then_some((sign * total, len))
}

#[cfg(test)]
mod tests {
    use super::{display, parse};
    use crate::lang::{Lang, TABLES};

    fn check(text: &str, expect: Option<&str>) {
        assert_eq!(parse(text).as_deref(), expect, "{text:?}");
    }

    #[test]
    fn indonesian_site_formats() {
        check(
            "Rabu, 18 Jun 2025 07:30 WIB",
            Some("2025-06-18T07:30:00+07:00"),
        );
        check(
            "Kompas.com - 18/06/2025, 21:35 WIB",
            Some("2025-06-18T21:35:00+07:00"),
        );
        check(
            "Diperbarui 18 Jun 2025, 14:05 WIB",
            Some("2025-06-18T14:05:00+07:00"),
        );
        check(
            "Jumat, 24 Juli 2026 12:40 WIB",
            Some("2026-07-24T12:40:00+07:00"),
        );
        check(
            "Jum'at, 24 Juli 2026 | 07:08 WIB",
            Some("2026-07-24T07:08:00+07:00"),
        );
        check(
            "Jum\u{2019}at, 24 Juli 2026 15:18 WIB",
            Some("2026-07-24T15:18:00+07:00"),
        );
        check(
            ", Jurnalis-Jum'at, 24 Juli 2026 |15:18 WIB",
            Some("2026-07-24T15:18:00+07:00"),
        );
        check(
            "Jum'at, 24 Juli 2026 - 13:39 WIB",
            Some("2026-07-24T13:39:00+07:00"),
        );
        check(
            "24 Juli 2026 | 11.32 WIB",
            Some("2026-07-24T11:32:00+07:00"),
        );
        check(
            "Rabu 18  Jun\u{a0}2025   22:02 WIB",
            Some("2025-06-18T22:02:00+07:00"),
        );
        check(
            "Senin, 16 Juni 2025 - 10:00:00 WIB",
            Some("2025-06-16T10:00:00+07:00"),
        );
        check("24 Juli 2026 10:15 WIB", Some("2026-07-24T10:15:00+07:00"));
        check("24 Jul 2026, 16:36 WIB", Some("2026-07-24T16:36:00+07:00"));
        check(
            "Tayang: Jumat, 24 Juli 2026 12:40 WIB",
            Some("2026-07-24T12:40:00+07:00"),
        );
        check(
            "Reporter : Ana | Jumat, 19 Juni 2015 03:40",
            Some("2015-06-19T03:40:00"),
        );
    }

    #[test]
    fn regional_zones_and_abbreviations() {
        check(
            "Sabtu, 1 Agu 2026 09:00 WITA",
            Some("2026-08-01T09:00:00+08:00"),
        );
        check("1 Ags 2026 09:00 WIT", Some("2026-08-01T09:00:00+09:00"));
        check(
            "Minggu, 5 Okt 2025 pukul 08.15 WIB",
            Some("2025-10-05T08:15:00+07:00"),
        );
        check("Ahad, 7 Des 2025", Some("2025-12-07"));
        check("Isnin, 3 Mac 2025 10:00", Some("2025-03-03T10:00:00"));
        check(
            "12 Sept 2024 17:00 GMT+7",
            Some("2024-09-12T17:00:00+07:00"),
        );
        check(
            "12 Mei 2024 17:00 UTC+07:00",
            Some("2024-05-12T17:00:00+07:00"),
        );
        check("12 Nov 2024 17:00 +0700", Some("2024-11-12T17:00:00+07:00"));
    }

    #[test]
    fn english_formats() {
        check(
            "July 24, 2026 3:05 PM EDT",
            Some("2026-07-24T15:05:00-04:00"),
        );
        check(
            "Friday, July 24, 2026 12:05 a.m.",
            Some("2026-07-24T00:05:00"),
        );
        check(
            "Updated 3:05 PM EDT, Fri July 24, 2026",
            Some("2026-07-24T15:05:00-04:00"),
        );
        check("24th July 2026", Some("2026-07-24"));
        check("Sept. 3, 2019", Some("2019-09-03"));
        check("Posted on 07/24/2026", Some("2026-07-24"));
        check(
            "5 April 2018 at 06:00 GMT",
            Some("2018-04-05T06:00:00+00:00"),
        );
    }

    #[test]
    fn iso_strings_are_normalised() {
        check("2026-07-24", Some("2026-07-24"));
        check("2026-07-24 12:40:00", Some("2026-07-24T12:40:00"));
        check("2026-07-24T12:40+07:00", Some("2026-07-24T12:40:00+07:00"));
        check("2026-07-24T05:40:00Z", Some("2026-07-24T05:40:00+00:00"));
        check(
            "2026-07-24T05:40:00.000Z",
            Some("2026-07-24T05:40:00+00:00"),
        );
        check(
            "2026-07-24T12:40:00+0700",
            Some("2026-07-24T12:40:00+07:00"),
        );
        check("2018-04-05T06:00", Some("2018-04-05T06:00:00"));
        check(
            "2019-03-01T10:00:00-05:00",
            Some("2019-03-01T10:00:00-05:00"),
        );
    }

    #[test]
    fn rejects_impossible_or_missing_dates() {
        check("31 Juni 2025", None);
        check("29 Feb 2025", None);
        check("29 Feb 2024", Some("2024-02-29"));
        check("2026-13-01", None);
        check("24 Juli 2026 25:10 WIB", Some("2026-07-24"));
        check("Juli 2026", None);
        check("Paragraf kedua berisi 12 kutipan", None);
        check("", None);
    }

    #[test]
    fn indonesian_display_names_the_three_zones() {
        let id = Some(Lang::Id);
        assert_eq!(
            display("2025-06-18T07:30:00+07:00", id),
            "18 Juni 2025, 07.30 WIB"
        );
        assert_eq!(
            display("2026-08-01T09:05:00+08:00", id),
            "1 Agustus 2026, 09.05 WITA"
        );
        assert_eq!(
            display("2025-12-07T21:00:00+09:00", id),
            "7 Desember 2025, 21.00 WIT"
        );
        assert_eq!(
            display("2025-03-03T10:00:00+01:00", id),
            "3 Maret 2025, 10.00 UTC+01:00"
        );
        assert_eq!(display("2025-03-03T10:00:00", id), "3 Maret 2025, 10.00");
    }

    #[test]
    fn english_and_malay_display() {
        let en = Some(Lang::En);
        assert_eq!(
            display("2025-06-18T07:30:00+01:00", en),
            "18 June 2025, 07:30 UTC+01:00"
        );
        assert_eq!(
            display("2026-07-24T15:05:00-04:00", en),
            "24 July 2026, 15:05 UTC-04:00"
        );
        assert_eq!(
            display("2018-04-05T06:00:00+00:00", en),
            "5 April 2018, 06:00 UTC"
        );
        assert_eq!(
            display("2018-04-05T06:00:00.250Z", en),
            "5 April 2018, 06:00 UTC"
        );
        assert_eq!(
            display("2025-03-03T10:00:00+08:00", Some(Lang::Ms)),
            "3 Mac 2025, 10.00 UTC+08:00"
        );
        assert_eq!(display("2025-08-31", Some(Lang::Ms)), "31 Ogos 2025");
    }

    #[test]
    fn date_alone_other_languages_and_other_text() {
        assert_eq!(display("2025-06-18", Some(Lang::Id)), "18 Juni 2025");
        assert_eq!(display("2025-06-18", Some(Lang::En)), "18 June 2025");
        assert_eq!(
            display("2025-06-18T07:30:00+05:30", None),
            "2025-06-18, 07:30 UTC+05:30"
        );
        assert_eq!(display("2025-06-18", None), "2025-06-18");
        for odd in [
            "",
            "kemarin sore",
            "2025-13-01",
            "2025-02-30",
            "2025-06-18T25:00:00",
            "2025-06-18T07:30:00+07",
            "2025-06-18T07:30:00+25:00",
            "18/06/2025",
            "2025-06-18T07:3",
        ] {
            assert_eq!(display(odd, Some(Lang::Id)), odd, "{odd:?}");
        }
    }

    #[test]
    fn what_is_displayed_parses_back() {
        for iso in [
            "2025-06-18",
            "2025-01-02T00:05:00",
            "2025-05-18T07:30:00+07:00",
            "2025-09-18T23:59:00+08:00",
            "2025-11-18T12:00:00+09:00",
            "2025-06-18T07:30:00+00:00",
            "2025-06-18T07:30:00-04:00",
            "2025-06-18T07:30:00+05:30",
        ] {
            assert_eq!(parse(&display(iso, None)).as_deref(), Some(iso), "{iso}");
            for t in TABLES {
                let shown = display(iso, Some(t.lang));
                assert_eq!(parse(&shown).as_deref(), Some(iso), "{shown}");
            }
        }
    }

    #[test]
    fn a_zone_plus_an_offset_beyond_any_zone_names_none() {
        // Found by fuzzing: WIT (+09:00) plus +08:00 gave "+17:00", which `display` refused.
        check("18/09/2025, 21:35 WIT+08:00", Some("2025-09-18T21:35:00"));
        check(
            "18/09/2025, 21:35 WIB-02:00",
            Some("2025-09-18T21:35:00+05:00"),
        );
    }
}
