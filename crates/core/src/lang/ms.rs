//! Malay phrase tables.

use super::{Lang, Table};

#[rustfmt::skip]
pub(super) const TABLE: Table = Table {
    lang: Lang::Ms,
    recirculation_leads: &[
        "artikel berkaitan",
        "baca",
        "baca artikel berkaitan",
        "baca berita berkaitan",
        "baca juga",
        "baca lagi",
        "berita berkaitan",
        "berkaitan:",
        "lihat juga",
        "tonton juga",
        "tonton:",
    ],
    ad_labels: &[
        "iklan",
        "kandungan tajaan",
        "tajaan",
    ],
    // An entry may hold " … ": the parts after it must follow later in the line, in order.
    boilerplate_leads: &[
        "ikuti kami di",
        "ikuti … saluran telegram",
        "muat turun aplikasi",
        "sertai … saluran telegram",
        "sertai … saluran whatsapp",
    ],
    list_headings: &[
        "artikel berkaitan",
        "artikel lain",
        "berita berkaitan",
        "berita lain",
        "berita popular",
        "berita terkini",
        "paling popular",
        "pilihan editor",
        "popular",
        "tag",
        "terkini",
        "topik",
        "topik berkaitan",
    ],
    months: &[("apr", 4), ("april", 4), ("dis", 12), ("disember", 12), ("feb", 2), ("februari", 2), ("jan", 1), ("januari", 1), ("jul", 7), ("julai", 7), ("jun", 6), ("mac", 3), ("mei", 5), ("nov", 11), ("november", 11), ("ogo", 8), ("ogos", 8), ("okt", 10), ("oktober", 10), ("sep", 9), ("september", 9)],
    month_names: ["Januari", "Februari", "Mac", "April", "Mei", "Jun", "Julai", "Ogos", "September", "Oktober", "November", "Disember"],
    clock_separator: '.',
    zone_names: &[],
    weekdays: &["ahad", "isnin", "jumaat", "khamis", "rabu", "sabtu", "selasa"],
    byline_labels: &["oleh", "pemberita", "penulis", "wartawan"],
    editor_labels: &["editor", "pengarang", "penyunting"],
    source_labels: &["sumber"],
    next_page_links: &["halaman seterusnya", "seterusnya"],
    previous_page_links: &["halaman sebelumnya", "sebelumnya"],
    page_labels: &["halaman", "muka surat"],
    show_all_links: &["lihat semua halaman", "papar semua"],
    counter_words: &["komen", "perkongsian", "tontonan"],
    stopwords: &["ada", "akan", "antara", "atau", "bagi", "bahawa", "banyak", "beliau", "belum", "boleh", "bukan", "dalam", "dan", "dari", "daripada", "dengan", "di", "dia", "hanya", "ia", "iaitu", "ialah", "ini", "itu", "juga", "kami", "kata", "ke", "kepada", "kerana", "kita", "lagi", "lebih", "mahu", "manakala", "menerusi", "mereka", "namun", "oleh", "pada", "para", "sahaja", "saya", "sebagai", "sebelum", "secara", "sehingga", "selepas", "seperti", "serta", "sudah", "telah", "tetapi", "tidak", "untuk", "yang"],
};
