//! `bersih extract … --merge`: saved pages of one story printed as one article in every format;
//! several files without `--merge`, or pages of another story, are refused.

#[path = "../../../tests/common/cli.rs"]
mod cli;
#[path = "../../../tests/common/mod.rs"]
mod common;

use cli::bersih;

fn paged(name: &str) -> String {
    common::fixtures("paged")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn extract(names: &[&str], extra: &[&str]) -> std::process::Output {
    let files: Vec<String> = names.iter().map(|n| paged(n)).collect();
    let mut args = vec!["extract"];
    args.extend(files.iter().map(String::as_str));
    args.extend(extra);
    bersih(&args, b"")
}

const TRIBUN: [&str; 3] = ["tribun-1.html", "tribun-2.html", "tribun-3.html"];

#[test]
fn merged_pages_in_every_format() {
    for format in ["text", "markdown", "html", "json"] {
        let out = extract(&TRIBUN, &["--merge", "--format", format, "--no-names"]);
        assert_eq!(out.status.code(), Some(0), "{format}");
        let mut s = String::from_utf8(out.stdout).unwrap();
        if format == "json" {
            let v: serde_json::Value = serde_json::from_str(&s).unwrap();
            s = v["text"].as_str().unwrap().to_string();
        }
        assert_eq!(
            s.matches("Pasar Induk Caringin").count(),
            1,
            "{format}: {s}"
        );
        assert!(s.contains("panen raya di Garut"), "{format}");
        assert!(
            !s.contains("Stok Beras Aman") && !s.contains("Halaman 2"),
            "{format}: {s}"
        );
    }
    let out = extract(&TRIBUN, &["--merge"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["pagination"]["model"], "query");
    assert_eq!(v["pagination"]["count"], 3);
    assert_eq!(
        v["next_page"],
        serde_json::Value::Null,
        "page 3 is the last"
    );
    assert_eq!(v["title"], "Harga Cabai Naik Jelang Idul Adha");
}

#[test]
fn one_page_reports_its_pagination() {
    let out = extract(&["tribun-1.html"], &[]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let story = "https://www.tribunnews.com/regional/2026/07/24/harga-cabai-naik-jelang-idul-adha";
    assert_eq!(v["next_page"], format!("{story}?page=2"));
    assert_eq!(v["pagination"]["show_all"], format!("{story}?page=all"));
    assert_eq!(v["pagination"]["pages"].as_array().unwrap().len(), 3);
}

#[test]
fn several_files_need_merge_and_one_story() {
    let out = extract(&TRIBUN[..2], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unexpected argument"));
    let out = extract(&["tribun-1.html", "detik-2.html"], &["--merge"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("page 2 is another story"));
}
