//! Chinese and Japanese words inside a title are found (titles have no
//! spaces between words): by any word of two characters or more, by a
//! single-character word, and with the word as typed ranked first.
#![allow(clippy::unwrap_used)]

use sepiola_index::SearchIndex;
use sepiola_model::query::VideoQuery;
use sepiola_model::{Record, Video};

fn video(n: u32, name: &str, lang: &str) -> String {
    format!(
        r#"{{"kind": "video", "host": "tube.example", "uuid": "00000000-0000-4000-8000-{n:012}",
        "name": "{name}", "language": {{"id": "{lang}"}}, "createdAt": "2024-01-01T00:00:00Z",
        "publishedAt": "2024-01-0{d}T00:00:00Z",
        "account": {{"name": "alice", "host": "tube.example"}},
        "channel": {{"name": "alice_channel", "host": "tube.example"}}}}"#,
        d = 1 + n % 9
    )
}

fn index() -> SearchIndex {
    let idx = SearchIndex::in_memory().unwrap();
    let titles = [
        ("東京タワーの夜景を撮影しました", "ja"),
        ("京都の紅葉と古いお寺", "ja"),
        ("黒い猫が寝ている", "ja"),
        ("我喜欢在周末看电影", "zh"),
        ("北京烤鸭的做法", "zh"),
        ("Tokyo tower at night", "en"),
    ];
    for (i, (t, l)) in titles.iter().enumerate() {
        let mut r = Record::from_json(&video(i as u32 + 1, t, l)).unwrap();
        r.normalize().unwrap();
        idx.upsert(&r).unwrap();
    }
    idx.commit().unwrap();
    idx
}

fn found(idx: &SearchIndex, q: &str) -> Vec<String> {
    let hits = idx
        .search(&VideoQuery {
            search: Some(q.into()),
            ..Default::default()
        })
        .unwrap();
    hits.data
        .into_iter()
        .map(|h: sepiola_model::query::Scored<Video>| h.item.name)
        .collect()
}

#[test]
fn a_word_inside_a_japanese_or_chinese_title_is_found_first() {
    let idx = index();
    for (q, title) in [
        ("タワー", "東京タワーの夜景を撮影しました"),
        ("夜景", "東京タワーの夜景を撮影しました"),
        ("東京", "東京タワーの夜景を撮影しました"),
        ("紅葉", "京都の紅葉と古いお寺"),
        ("電影", ""), // traditional form of 电影: not the same word
        ("电影", "我喜欢在周末看电影"),
        ("喜欢", "我喜欢在周末看电影"),
        ("烤鸭", "北京烤鸭的做法"),
        ("猫", "黒い猫が寝ている"),
    ] {
        let got = found(&idx, q);
        if title.is_empty() {
            assert!(got.is_empty(), "{q}: {got:?}");
        } else {
            assert_eq!(got.first().map(String::as_str), Some(title), "{q}: {got:?}");
        }
    }
    // "京都" shares a character with "東京" but only the Kyoto title has the word.
    assert_eq!(
        found(&idx, "京都").first().map(String::as_str),
        Some("京都の紅葉と古いお寺")
    );
    // A whole sentence, longer than any token limit, still finds its title.
    assert_eq!(
        found(&idx, "東京タワーの夜景を撮影しました")
            .first()
            .map(String::as_str),
        Some("東京タワーの夜景を撮影しました")
    );
    // Latin text is unchanged.
    assert_eq!(
        found(&idx, "tower"),
        vec!["Tokyo tower at night".to_string()]
    );
}
