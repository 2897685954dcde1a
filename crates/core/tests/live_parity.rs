//! The native adapter builds the page the live adapter is checked against: the outline of
//! `tests/fixtures/live/parity.html` parsed by html5ever must equal `parity.outline`, and
//! the browser tests (`tests/e2e/site/parity.html`) check that the extension's walk (`live.js`),
//! replayed by the wasm core, gives the same outline in Chromium and Firefox.
//! `UPDATE_EXPECT=1 cargo test --test live_parity` rewrites the expectation.

#[path = "../../../tests/common/mod.rs"]
mod common;

#[test]
fn native_outline_matches_the_recorded_one() {
    let dir = common::fixtures("live");
    let html = std::fs::read_to_string(dir.join("parity.html")).unwrap();
    let got = bersih::snapshot::outline(&bersih::html::parse(&html));
    let path = dir.join("parity.outline");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(got, want, "outline changed; UPDATE_EXPECT=1 rewrites it");
}

/// The extension's walk stops where the replay stops reading: its cap is the core's.
#[test]
fn the_walk_caps_ops_where_the_replay_does() {
    let js = std::fs::read_to_string(common::repo().join("extension/live.js")).unwrap();
    let stated = js
        .lines()
        .find_map(|l| l.trim().strip_prefix("const MAX_OPS = "))
        .and_then(|v| v.trim_end_matches(';').parse::<usize>().ok());
    assert_eq!(stated, Some(bersih::snapshot::MAX_OPS));
}
