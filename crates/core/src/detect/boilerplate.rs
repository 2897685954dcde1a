//! In-article lines that are not prose: channel promos, share prompts, desk initials, embed
//! placeholders and ad captions, which the extractor leaves out of the clean article text.
//!
//! Why per line and text only: these lines sit inside the article container as ordinary `<p>`s
//! or `<br>`-separated text (GK's scraped bodies keep them as lines), so markup says nothing about
//! them; their wording does. The wording lives in the `boilerplate_leads` tables. An entry may
//! hold " … " to mean "then, later in the line": `follow … whatsapp channel` matches
//! "Follow Berita Okezone di WhatsApp Channel". Two shapes that are not phrases (desk initials
//! "(tim/tim)", a lone "(abd)", and "[Gambas:Video 20detik]") are small hand-written matchers.
//!
//! Invariant: a long line is never boilerplate (see [`MAX_WORDS`]).

use super::ads;
use crate::lang;
use crate::text;

/// Lines longer than this are prose whatever they start with: the longest promo seen (kompas'
/// "Simak breaking news … WhatsApp Channel …" with its link) is about 35 words.
const MAX_WORDS: usize = 45;

/// Separator inside a table entry between parts that must appear in order.
const GAP: &str = " … ";

/// Letters in one part of desk initials ("lau" in "(lau/pta)"); detik and CNN use 2–4.
const INITIALS_LEN: std::ops::RangeInclusive<usize> = 2..=4;

/// Opening of detik's video embed placeholder, "[Gambas:Video 20detik]".
const EMBED_PLACEHOLDER: &str = "[gambas:";

/// Whether one in-article paragraph or line is boilerplate rather than article prose.
pub fn is_boilerplate(line: &str) -> bool {
    let norm = text::normalise(line);
    if norm.is_empty() || text::word_count(&norm) > MAX_WORDS {
        return false;
    }
    // Desk initials may run on into the promo after them ("(con/con) Add as a preferred source
    // on Google"), the two inline siblings of one line.
    if let Some(rest) = after_desk_initials(&norm) {
        return rest.is_empty() || is_promo(rest);
    }
    if is_desk_initial(line.trim()) {
        return true;
    }
    is_embed_placeholder(&norm) || is_counter(&norm) || is_promo(&norm)
}

/// "2192 shares", "1.2k views", "12 komentar", "comments (12)": a count (digits with `,` or `.`,
/// an optional `k`/`rb`/`m` multiplier) and one of the tables' counter words, or the word with
/// the count after it in parentheses, nothing else but separators at the ends ("| 1.229 views"
/// is what a dateline leaves once its date is taken).
fn is_counter(s: &str) -> bool {
    let s = s.trim_matches(|c: char| c.is_whitespace() || COUNTER_SEPARATORS.contains(&c));
    let counted = |count: &str, word: &str| {
        is_count(count) && lang::all(|t| t.counter_words).any(|w| w == word)
    };
    if let Some((word, count)) = s.strip_suffix(')').and_then(|s| s.rsplit_once(" (")) {
        return counted(count, word);
    }
    s.split_once(' ')
        .is_some_and(|(count, word)| counted(count, word))
}

/// Marks that set a counter off from what stood beside it on its line.
const COUNTER_SEPARATORS: &[char] = &['|', '/', '\u{b7}', '\u{2022}', '-', '\u{2013}', '\u{2014}'];

/// "2192", "1.2k", "3,5rb".
fn is_count(count: &str) -> bool {
    let digits = count.trim_end_matches(['k', 'm']).trim_end_matches("rb");
    digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// An ad label or a line opened by one of the tables' boilerplate leads.
fn is_promo(norm: &str) -> bool {
    ads::is_label(norm)
        || lang::all(|t| t.boilerplate_leads).any(|lead| starts_with_lead(norm, lead))
}

/// What follows desk initials that open the line, if they do.
fn after_desk_initials(s: &str) -> Option<&str> {
    let end = s.find(')')? + 1;
    is_desk_initials(&s[..end]).then(|| s[end..].trim_start())
}

/// "(tim/tim)", "(lau/pta)": two or more groups of 2–4 letters between slashes, in parentheses.
fn is_desk_initials(s: &str) -> bool {
    initials_groups(s).is_some_and(|n| n >= 2)
}

/// "(abd)", "(tst)": one group of initials, when it is the whole line (sindonews, okezone), in
/// lower case as written: "(AS)" is an abbreviation.
fn is_desk_initial(s: &str) -> bool {
    initials_groups(s) == Some(1)
}

/// How many groups of 2–4 lower-case letters, between slashes, `s` holds in parentheses; `None`
/// when it is anything else.
fn initials_groups(s: &str) -> Option<usize> {
    let inner = s.strip_prefix('(')?.strip_suffix(')')?;
    inner
        .split('/')
        .map(|part| {
            INITIALS_LEN.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_lowercase())
        })
        .try_fold(0, |n, ok| ok.then_some(n + 1))
}

fn is_embed_placeholder(s: &str) -> bool {
    s.starts_with(EMBED_PLACEHOLDER) && s.ends_with(']')
}

/// Whether `line` starts with the entry's first part (as whole words) and holds its other parts
/// later, in order.
fn starts_with_lead(line: &str, entry: &str) -> bool {
    let mut parts = entry.split(GAP);
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = line.strip_prefix(first) else {
        return false;
    };
    // Whole words: "follow" does not open "follow-up".
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '-') {
        return false;
    }
    for part in parts {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::is_boilerplate;

    /// Each line with the expected answer.
    const CASES: &[(&str, bool)] = &[
        ("(tim/tim)", true),
        (" (lau/pta) ", true),
        ("(rdp/imk/dnu)", true),
        ("(AS)", false),
        ("(abd)", true),
        ("(a)", false),
        ("(abd) kata dia", false),
        ("(ekonomi)", false),
        ("2192 Shares", true),
        ("2 responses", true),
        ("1.2K views", true),
        ("12 komentar", true),
        ("1.234 kali dibaca", true),
        ("2,500 shares of the company", false),
        ("Shares", false),
        ("Artikel ini telah tayang di Kompas.com dengan judul \"Jalan Rusak Diperbaiki\", Klik untuk baca: https://www.kompas.com/read/2026/1.", true),
        ("Artikel ini tayang di TribunJatim.com", true),
        ("Artikel ini ditulis berdasarkan wawancara dengan tiga warga.", false),
        ("Klik di sini untuk membaca laporan lengkapnya.", true),
        ("This article originally appeared on The Example Post.", true),
        ("This story was originally published by the Example Herald.", true),
        ("This article was written with reporting from our Jakarta bureau.", false),
        ("Copyright 2026 The Associated Press. All rights reserved.", true),
        ("© 2026 Example Media Group. All rights reserved.", true),
        ("Copyright lawyers said the ruling would be appealed.", false),
        ("Have a news tip? Email us at tips@example.com.", true),
        ("Click here to read more about the floods", true),
        ("Continue reading the main story", true),
        ("Listen to this article 5 min", true),
        ("Sign up for The Morning newsletter from the Example Times", true),
        ("Residents can sign up for the council's newsletter at the town hall.", false),
        ("Story continues below", true),
        ("Advertisement - Scroll to continue", true),
        ("Dengarkan artikel ini", true),
        ("Gulir ke bawah untuk membaca", true),
        ("Lanjutkan membaca artikel di bawah", true),
        ("Lanjutkan pembangunan tanggul, kata warga.", false),
        ("Temukan berita menarik lainnya di Instagram kami", true),
        ("Sertai Channel Telegram Contoh Harian! untuk berita terkini.", true),
        ("Sertai program gotong-royong di kampung masing-masing, kata beliau.", false),
        ("| 1.229 Views", true),
        ("1.229 Views |", true),
        ("Credits (2)", true),
        ("Komentar (3)", true),
        ("Komentar (tiga)", false),
        ("(2) Credits", false),
        ("Views of the river (2)", false),
        ("(con/con) Add as a preferred source on Google", true),
        ("(ant/ant) Presiden meminta warga tetap tenang.", false),
        ("[Gambas:Video 20detik]", true),
        ("ADVERTISEMENT", true),
        ("SCROLL TO CONTINUE WITH CONTENT", true),
        ("Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu akses berita Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/0029VaFPbedBPzjZrk13HO3D. Pastikan kamu sudah install aplikasi WhatsApp ya.", true),
        ("Ikuti Whatsapp Channel Republika", true),
        ("Follow Berita Okezone di Google News", true),
        ("Follow WhatsApp Channel Okezone untuk update berita terbaru setiap hari", true),
        ("Simak berita terbaru Tribunnews.com di Google News", true),
        ("Lihat Artikel Asli", true),
        ("Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com.", true),
        ("Download sekarang!", true),
        ("Scroll ke bawah untuk melanjutkan membaca", true),
        ("Saksikan Video Pilihan di Bawah Ini:", true),
        ("Ringkasan Berita:", true),
        ("Baca 10 detik", true),
        ("Terangi negeri dengan literasi bersama Kompas.com", true),
        ("Dalam segala situasi, warga diminta tetap tenang dan mengikuti arahan petugas.", false),
        ("COPYRIGHT © ANTARA 2015", true),
        ("Redaksi: redaksi[at]detikinet.com Informasi pemasangan iklan hubungi : sales[at]detik.com", true),
        ("Jangan sampai ketinggalan berita terkini, langganan newsletter kami sekarang!", true),
        ("Redaksi: Ana Lee", false),
        ("Sign up for our newsletter", true),
        ("Follow us on Twitter and Instagram.", true),
        ("Share this article", true),
        ("Click here to subscribe.", true),
        ("Jakarta - Presiden meminta warga mengikuti aturan yang berlaku.", false),
        ("Follow-up tests showed no change in the patient's condition.", false),
        ("Follow-up calls on WhatsApp reached every patient within a week.", false),
        ("Cek Berita dan Artikel yang lain di Google News", true),
        ("Jangan Lewatkan Video Terbaru:", true),
        ("Jangan lewatkan kesempatan ini, kata panitia kepada warga.", false),
        ("Sertai saluran Telegram kami untuk berita terkini.", true),
        ("Ikuti saluran Telegram Harian Metro untuk berita terkini.", true),
        ("Ikuti perkembangan kes itu di mahkamah minggu depan.", false),
        ("Follow FMT on WhatsApp, Google News and Telegram", true),
        ("Follow The Star on Google News", true),
        ("Join ST's Telegram channel and get the latest breaking news delivered to you.", true),
        ("Join the queue early, officials told voters.", false),
        ("Simak juga penjelasan menteri soal subsidi yang akan dipangkas tahun depan.", false),
        ("Google News kini tersedia di Indonesia.", false),
        ("Ringkasan berita ini disusun oleh redaksi berdasarkan keterangan saksi, polisi dan pihak keluarga korban yang ditemui di lokasi kejadian pada Senin malam, ketika hujan deras mengguyur kawasan itu sejak sore hari dan membuat jalan utama tergenang hingga tengah malam sehingga lalu lintas lumpuh total dan warga terpaksa mengungsi ke masjid terdekat.", false),
    ];

    #[test]
    fn classifies_lines() {
        for &(line, expected) in CASES {
            assert_eq!(is_boilerplate(line), expected, "{line:?}");
        }
    }
}
