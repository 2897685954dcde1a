//! Indonesian phrase tables.

use super::{Lang, Table};

#[rustfmt::skip]
pub(super) const TABLE: Table = Table {
    lang: Lang::Id,
    recirculation_leads: &[
        "artikel terkait",
        "baca juga",
        "baca selengkapnya",
        "berita terkait",
        "lihat juga",
        "lihat juga video",
        "pilihan editor",
        "simak juga",
        "simak juga video",
    ],
    ad_labels: &[
        "advertorial",
        "iklan",
        "konten bersponsor",
        "pariwara",
    ],
    // An entry may hold " … ": the parts after it must follow later in the line, in order.
    boilerplate_leads: &[
        "baca berita dengan sedikit iklan",
        "copyright ©",
        "dapatkan update berita",
        "download sekarang",
        "follow … google news",
        "follow … whatsapp channel",
        "ikuti … google news",
        "ikuti … whatsapp channel",
        "informasi pemasangan iklan",
        "jangan sampai ketinggalan berita",
        "lihat artikel asli",
        "redaksi: … [at]",
        "ringkasan berita",
        "saksikan video",
        "scroll ke bawah untuk melanjutkan membaca",
        "simak berita terbaru",
        "simak breaking news",
        "simak … google news",
        "simak … whatsapp channel",
        "telusuri berita … lainnya",
    ],
    months: &[("ags", 8), ("agt", 8), ("agu", 8), ("agustus", 8), ("apr", 4), ("april", 4), ("des", 12), ("desember", 12), ("feb", 2), ("februari", 2), ("jan", 1), ("januari", 1), ("jul", 7), ("juli", 7), ("jun", 6), ("juni", 6), ("mar", 3), ("maret", 3), ("mei", 5), ("nop", 11), ("nopember", 11), ("nov", 11), ("november", 11), ("okt", 10), ("oktober", 10), ("sep", 9), ("sept", 9), ("september", 9)],
    month_names: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
    clock_separator: '.',
    zone_names: &[(7 * 60, "WIB"), (8 * 60, "WITA"), (9 * 60, "WIT")],
    weekdays: &["ahad", "jum'at", "jumat", "kamis", "minggu", "rabu", "sabtu", "selasa", "senin"],
    byline_labels: &["kontributor", "oleh", "penulis", "pewarta", "rep", "reporter", "wartawan"],
    editor_labels: &["editor", "penyunting", "red", "redaktur"],
    source_labels: &["sumber"],
    next_page_links: &["berikutnya", "halaman berikutnya", "halaman selanjutnya", "selanjutnya"],
    stopwords: &["ada", "adalah", "agar", "akan", "antara", "atau", "bagi", "bahwa", "banyak", "belum", "bisa", "bukan", "dalam", "dan", "dari", "dengan", "di", "dia", "hanya", "ia", "ini", "itu", "juga", "kami", "karena", "kata", "ke", "kepada", "kita", "lagi", "lebih", "mereka", "namun", "oleh", "pada", "para", "saat", "saya", "sebagai", "sebelum", "secara", "sehingga", "seperti", "serta", "setelah", "sudah", "telah", "tersebut", "tetapi", "tidak", "ujar", "untuk", "yang"],
};
