//! Cue words as data: the words around names that tell what kind of name follows.
//!
//! A cue is a lower-case word with a class. The tagger does not learn "Gubernur" and "Governor"
//! as separate words only: it also sees the class (a title before a person), so what it learned
//! from Indonesian training text carries over to English text, which it was never trained on.
//! Each table is sorted and duplicate-free (tested); a new cue is a one-line change, then
//! `train-ner --tables` to remake the word tables tagging reads ([`crate::lexicon`]).

use bersih::lang::Lang;

/// A cue class: one bit of [`classes`].
pub type Class = u16;

/// A title or role that stands before a person's name ("Presiden", "Menteri", "Dr").
pub const TITLE: Class = 1;
/// A reporting verb that stands next to a speaker's name ("kata", "ujar", "said").
pub const SPEECH: Class = 1 << 1;
/// A preposition that often stands before a place ("di", "ke", "dari", "in").
pub const PLACE_PREP: Class = 1 << 2;
/// A kind of place that opens a place name ("Kabupaten", "Kota", "Jalan").
pub const PLACE_HEAD: Class = 1 << 3;
/// A kind of organisation that opens an organisation name ("Partai", "Kementerian", "PT").
pub const ORG_HEAD: Class = 1 << 4;
/// A word that closes an organisation name ("Tbk", "Inc").
pub const ORG_TAIL: Class = 1 << 5;
/// A particle inside personal names ("bin", "van", "al").
pub const NAME_LINK: Class = 1 << 6;
/// A month or weekday name (from [`crate::lang`]): never an entity.
pub const CALENDAR: Class = 1 << 7;
/// An article ("The", "A"): cut from the front of any entity.
pub const ARTICLE: Class = 1 << 8;
/// A nationality, people or faith word ("Sudanese", "Malaysians", "Muslim"): in English it is
/// capitalised but names no person, organisation or place.
pub const DEMONYM: Class = 1 << 9;

/// Longest entry of [`ABBREVIATIONS`], in bytes.
pub const LONGEST_ABBREVIATION: usize = 5;

/// Words that keep a final period in running text, lower case, without the period.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "brig", "capt", "co", "col", "corp", "dr", "drs", "gen", "gov", "hj", "inc", "ir", "jend",
    "jl", "jln", "jr", "kh", "kol", "lt", "ltd", "mr", "mrs", "ms", "no", "prof", "rep", "sen",
    "sgt", "sr", "st", "tbk",
];

/// Indonesian (and Malay) cue words.
#[rustfmt::skip]
const ID: &[(&str, Class)] = &[
    ("aipda", TITLE), ("aiptu", TITLE), ("akbp", TITLE), ("al", NAME_LINK), ("aliansi", ORG_HEAD),
    ("anggota", TITLE), ("asal", PLACE_PREP), ("asosiasi", ORG_HEAD), ("badan", ORG_HEAD),
    ("bandara", PLACE_HEAD), ("bank", ORG_HEAD), ("bapak", TITLE), ("bin", NAME_LINK),
    ("binti", NAME_LINK), ("brigjen", TITLE), ("bu", TITLE), ("bupati", TITLE), ("calon", TITLE),
    ("camat", TITLE), ("capres", TITLE), ("cawapres", TITLE), ("cv", ORG_HEAD),
    ("daerah", PLACE_HEAD), ("danau", PLACE_HEAD), ("dari", PLACE_PREP), ("desa", PLACE_HEAD),
    ("dewan", ORG_HEAD), ("di", PLACE_PREP), ("dinas", ORG_HEAD), ("direktorat", ORG_HEAD),
    ("direktur", TITLE), ("dirut", TITLE), ("distrik", PLACE_HEAD), ("dr", TITLE), ("drs", TITLE),
    ("dusun", PLACE_HEAD), ("forum", ORG_HEAD), ("fraksi", ORG_HEAD), ("gabungan", ORG_HEAD),
    ("gedung", PLACE_HEAD), ("gubernur", TITLE), ("gunung", PLACE_HEAD), ("h", TITLE),
    ("himpunan", ORG_HEAD), ("hj", TITLE), ("ibu", TITLE), ("ikatan", ORG_HEAD), ("imbuh", SPEECH),
    ("imbuhnya", SPEECH), ("institut", ORG_HEAD), ("ir", TITLE), ("istana", PLACE_HEAD),
    ("jalan", PLACE_HEAD), ("jelas", SPEECH), ("jelasnya", SPEECH), ("jembatan", PLACE_HEAD),
    ("jenderal", TITLE), ("jl", PLACE_HEAD), ("jubir", TITLE), ("kabupaten", PLACE_HEAD),
    ("kades", TITLE), ("kampung", PLACE_HEAD), ("kapolda", TITLE), ("kapolres", TITLE),
    ("kapolri", TITLE), ("kapolsek", TITLE), ("kata", SPEECH), ("katanya", SPEECH),
    ("ke", PLACE_PREP), ("kecamatan", PLACE_HEAD), ("kejaksaan", ORG_HEAD), ("kelompok", ORG_HEAD),
    ("kelurahan", PLACE_HEAD), ("kementerian", ORG_HEAD), ("kementrian", ORG_HEAD),
    ("kepala", TITLE), ("ketua", TITLE), ("kh", TITLE), ("kiai", TITLE), ("klub", ORG_HEAD),
    ("kodam", ORG_HEAD), ("kodim", ORG_HEAD), ("kolonel", TITLE), ("kombes", TITLE),
    ("komisaris", TITLE), ("komisi", ORG_HEAD), ("kompol", TITLE), ("komunitas", ORG_HEAD),
    ("koperasi", ORG_HEAD), ("korem", ORG_HEAD), ("kota", PLACE_HEAD), ("lapangan", PLACE_HEAD),
    ("lembaga", ORG_HEAD), ("letjen", TITLE), ("lurah", TITLE), ("mahkamah", ORG_HEAD),
    ("majelis", ORG_HEAD), ("marsekal", TITLE), ("masjid", PLACE_HEAD), ("mayjen", TITLE),
    ("menko", TITLE), ("menteri", TITLE), ("menuju", PLACE_PREP), ("menurut", SPEECH),
    ("negara", PLACE_HEAD), ("paguyuban", ORG_HEAD), ("pak", TITLE), ("pangdam", TITLE),
    ("pangeran", TITLE), ("pantai", PLACE_HEAD), ("partai", ORG_HEAD), ("pasar", PLACE_HEAD),
    ("paus", TITLE), ("pelabuhan", PLACE_HEAD), ("pelatih", TITLE), ("pengadilan", ORG_HEAD),
    ("pengamat", TITLE), ("perdana", TITLE), ("persatuan", ORG_HEAD), ("persero", ORG_TAIL),
    ("perusahaan", ORG_HEAD), ("pesantren", ORG_HEAD), ("polda", ORG_HEAD), ("polres", ORG_HEAD),
    ("polsek", ORG_HEAD), ("presiden", TITLE), ("prof", TITLE), ("provinsi", PLACE_HEAD),
    ("pt", ORG_HEAD), ("pulau", PLACE_HEAD), ("raja", TITLE), ("ratu", TITLE), ("rs", ORG_HEAD),
    ("rsud", ORG_HEAD), ("rumah", ORG_HEAD), ("sang", TITLE), ("satgas", ORG_HEAD),
    ("sebut", SPEECH), ("sekjen", TITLE), ("sekolah", ORG_HEAD), ("sekretaris", TITLE),
    ("selat", PLACE_HEAD), ("serikat", ORG_HEAD), ("sma", ORG_HEAD), ("smp", ORG_HEAD),
    ("stadion", PLACE_HEAD), ("sungai", PLACE_HEAD), ("tambah", SPEECH), ("tambahnya", SPEECH),
    ("tbk", ORG_TAIL), ("tegas", SPEECH), ("tegasnya", SPEECH), ("teluk", PLACE_HEAD),
    ("terang", SPEECH), ("terdakwa", TITLE), ("terminal", PLACE_HEAD), ("tersangka", TITLE),
    ("tim", ORG_HEAD), ("tutur", SPEECH), ("tuturnya", SPEECH), ("ucap", SPEECH),
    ("ucapnya", SPEECH), ("ujar", SPEECH), ("ujarnya", SPEECH), ("ungkap", SPEECH),
    ("ungkapnya", SPEECH), ("universitas", ORG_HEAD), ("ustadz", TITLE), ("ustaz", TITLE),
    ("van", NAME_LINK), ("wakil", TITLE), ("walikota", TITLE), ("wapres", TITLE),
    ("wilayah", PLACE_HEAD), ("yayasan", ORG_HEAD),
];

/// English cue words, in the same classes.
/// Malay words the Indonesian table lacks. Indonesian and Malay text look up both tables: the
/// languages share their name shapes, and these words are rare in Indonesian.
#[rustfmt::skip]
const MS: &[(&str, Class)] = &[
    ("agensi", ORG_HEAD), ("bandar", PLACE_HEAD), ("canselor", TITLE), ("datin", TITLE),
    ("dato", TITLE), ("datuk", TITLE), ("encik", TITLE), ("hakim", TITLE), ("jabatan", ORG_HEAD),
    ("kolej", ORG_HEAD), ("majlis", ORG_HEAD), ("naib", TITLE), ("negeri", PLACE_HEAD),
    ("parti", ORG_HEAD), ("pengarah", TITLE), ("pengerusi", TITLE), ("pertubuhan", ORG_HEAD),
    ("seri", TITLE), ("setiausaha", TITLE), ("suruhanjaya", ORG_HEAD), ("syarikat", ORG_HEAD),
    ("timbalan", TITLE), ("tun", TITLE), ("tunku", TITLE), ("universiti", ORG_HEAD),
];

#[rustfmt::skip]
const EN: &[(&str, Class)] = &[
    ("a", ARTICLE), ("according", SPEECH), ("added", SPEECH), ("agency", ORG_HEAD),
    ("airlines", ORG_TAIL), ("an", ARTICLE), ("association", ORG_HEAD), ("at", PLACE_PREP),
    ("bank", ORG_HEAD), ("bay", PLACE_HEAD), ("bin", NAME_LINK), ("capt", TITLE),
    ("captain", TITLE), ("chairman", TITLE), ("chancellor", TITLE), ("chief", TITLE),
    ("city", PLACE_HEAD), ("co", ORG_TAIL), ("coach", TITLE), ("col", TITLE),
    ("commission", ORG_HEAD), ("committee", ORG_HEAD), ("corp", ORG_TAIL),
    ("corporation", ORG_TAIL), ("council", ORG_HEAD), ("county", PLACE_HEAD),
    ("court", ORG_HEAD), ("de", NAME_LINK), ("department", ORG_HEAD), ("director", TITLE),
    ("district", PLACE_HEAD), ("dr", TITLE), ("explained", SPEECH), ("federation", ORG_HEAD),
    ("foundation", ORG_HEAD), ("from", PLACE_PREP), ("gen", TITLE), ("general", TITLE),
    ("gov", TITLE), ("governor", TITLE), ("group", ORG_TAIL), ("in", PLACE_PREP),
    ("inc", ORG_TAIL), ("institute", ORG_HEAD), ("island", PLACE_HEAD), ("judge", TITLE),
    ("king", TITLE), ("lake", PLACE_HEAD), ("lt", TITLE), ("ltd", ORG_TAIL), ("mayor", TITLE),
    ("minister", TITLE), ("ministry", ORG_HEAD), ("mount", PLACE_HEAD), ("mr", TITLE),
    ("mrs", TITLE), ("ms", TITLE), ("party", ORG_TAIL), ("plc", ORG_TAIL), ("police", ORG_HEAD),
    ("pope", TITLE), ("president", TITLE), ("prime", TITLE), ("prince", TITLE), ("prof", TITLE),
    ("professor", TITLE), ("province", PLACE_HEAD), ("queen", TITLE), ("regency", PLACE_HEAD),
    ("regent", TITLE), ("river", PLACE_HEAD), ("said", SPEECH), ("says", SPEECH),
    ("secretary", TITLE), ("sen", TITLE), ("senator", TITLE), ("sir", TITLE),
    ("spokesman", TITLE), ("spokesperson", TITLE), ("spokeswoman", TITLE), ("st", PLACE_HEAD),
    ("state", PLACE_HEAD), ("street", PLACE_HEAD), ("tbk", ORG_TAIL), ("the", ARTICLE),
    ("to", PLACE_PREP), ("told", SPEECH), ("union", ORG_TAIL), ("university", ORG_HEAD),
    ("van", NAME_LINK), ("village", PLACE_HEAD), ("von", NAME_LINK), ("wrote", SPEECH),
];

/// English function words with the Indonesian word that plays their part. For English text the
/// word features see the Indonesian word, so what the model learned around "dan", "di" or
/// "kata" applies to "and", "in" or "said" (it was never trained on English).
/// English nationality, people and faith words ([`DEMONYM`]).
#[rustfmt::skip]
const DEMONYMS_EN: &[&str] = &[
    "afghan", "afghans", "african", "africans", "albanian", "algerian", "american", "americans",
    "arab", "arabs", "argentine", "argentinian", "armenian", "asian", "asians", "australian",
    "australians", "austrian", "azerbaijani", "balinese", "bangladeshi", "belgian", "bolivian",
    "bosnian", "brazilian", "british", "bruneian", "buddhist", "buddhists", "bulgarian", "burmese",
    "cambodian", "cameroonian", "canadian", "canadians", "catholic", "catholics", "chilean",
    "chinese", "christian", "christians", "colombian", "congolese", "croatian", "cuban", "cypriot",
    "czech", "danish", "dutch", "egyptian", "egyptians", "emirati", "english", "eritrean",
    "estonian", "ethiopian", "european", "europeans", "filipino", "filipinos", "finnish", "french",
    "georgian", "german", "germans", "ghanaian", "greek", "haitian", "hindu", "hindus", "hungarian",
    "icelandic", "indian", "indians", "indonesian", "indonesians", "iranian", "iranians", "iraqi",
    "iraqis", "irish", "israeli", "israelis", "italian", "ivorian", "jamaican", "japanese",
    "javanese", "jewish", "jordanian", "kazakh", "kenyan", "korean", "koreans", "kosovar",
    "kuwaiti", "kyrgyz", "lao", "laotian", "latvian", "lebanese", "libyan", "lithuanian", "malay",
    "malays", "malaysian", "malaysians", "maldivian", "malian", "maltese", "maori", "mexican",
    "mexicans", "moldovan", "mongolian", "moroccan", "mozambican", "muslim", "muslims", "māori",
    "namibian", "nepalese", "nepali", "nigerian", "norwegian", "pakistani", "pakistanis",
    "palestinian", "palestinians", "panamanian", "papuan", "paraguayan", "persian", "peruvian",
    "polish", "portuguese", "protestant", "qatari", "rohingya", "romanian", "russian", "russians",
    "rwandan", "saudi", "saudis", "scottish", "senegalese", "serbian", "shia", "shiite",
    "singaporean", "singaporeans", "slovak", "slovenian", "somali", "spanish", "sudanese",
    "sundanese", "sunni", "swedish", "swiss", "syrian", "syrians", "taiwanese", "tajik",
    "tanzanian", "thai", "tibetan", "timorese", "tunisian", "turkish", "turkmen", "ugandan",
    "ukrainian", "ukrainians", "uruguayan", "uzbek", "venezuelan", "vietnamese", "welsh", "yemeni",
    "zambian", "zimbabwean",
];

#[rustfmt::skip]
pub const EN_TO_ID: &[(&str, &str)] = &[
    ("after", "setelah"), ("and", "dan"), ("as", "sebagai"), ("at", "di"), ("before", "sebelum"),
    ("by", "oleh"), ("for", "untuk"), ("from", "dari"), ("in", "di"), ("into", "ke"),
    ("on", "pada"), ("or", "atau"), ("said", "kata"), ("says", "kata"), ("that", "bahwa"),
    ("to", "ke"), ("told", "kata"), ("when", "saat"), ("which", "yang"), ("who", "yang"),
    ("with", "dengan"),
];

/// Whether `lower` (lower case, no period) is a listed abbreviation.
pub fn is_abbreviation(lower: &str) -> bool {
    ABBREVIATIONS.binary_search(&lower).is_ok()
}

/// Every cue word for `lang` (all tables when unknown) with its classes, including the month
/// and weekday names of every language table as [`CALENDAR`]. A word may come more than once;
/// its classes are the union.
pub fn entries(lang: Option<Lang>) -> impl Iterator<Item = (&'static str, Class)> {
    let (id, ms, en): (&[_], &[_], &[_]) = match lang {
        Some(Lang::En) => (&[], &[], EN),
        Some(Lang::Id | Lang::Ms) => (ID, MS, &[]),
        None => (ID, MS, EN),
    };
    let demonyms = if en.is_empty() { &[][..] } else { DEMONYMS_EN };
    id.iter()
        .chain(ms)
        .chain(en)
        .copied()
        .chain(demonyms.iter().map(|&w| (w, DEMONYM)))
        .chain(calendar())
}

/// Month and weekday names of every language table. A month counts only in its full form (the
/// longest name with its number), since abbreviations such as "Mar" or "Jan" are also words
/// and names.
fn calendar() -> impl Iterator<Item = (&'static str, Class)> {
    bersih::lang::TABLES.iter().flat_map(|t| {
        let full_months = t.months.iter().filter(|m| {
            t.months
                .iter()
                .all(|other| other.1 != m.1 || other.0.len() <= m.0.len())
        });
        t.weekdays
            .iter()
            .copied()
            .chain(full_months.map(|m| m.0))
            .map(|w| (w, CALENDAR))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted<T>(items: &[T], key: impl Fn(&T) -> &str) {
        for w in items.windows(2) {
            assert!(key(&w[0]) < key(&w[1]), "not sorted: {:?}", key(&w[1]));
        }
        for e in items {
            assert_eq!(key(e), key(e).to_lowercase());
        }
    }

    #[test]
    fn tables_are_sorted_and_lower_case() {
        sorted(ABBREVIATIONS, |s| s);
        sorted(ID, |e| e.0);
        sorted(MS, |e| e.0);
        sorted(EN, |e| e.0);
        sorted(DEMONYMS_EN, |s| s);
        sorted(EN_TO_ID, |e| e.0);
        assert!(ABBREVIATIONS
            .iter()
            .all(|a| a.len() <= LONGEST_ABBREVIATION));
    }

    #[test]
    fn calendar_words_are_full_names() {
        let words: Vec<&str> = calendar().map(|e| e.0).collect();
        for w in [
            "selasa",
            "agustus",
            "mei",
            "november",
            "monday",
            "september",
        ] {
            assert!(words.contains(&w), "{w}");
        }
        for w in ["agt", "jan", "mar", "sept"] {
            assert!(!words.contains(&w), "{w}");
        }
    }
}
