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

fn index_of(titles: &[(&str, &str)]) -> SearchIndex {
    let idx = SearchIndex::in_memory().unwrap();
    for (i, (t, l)) in titles.iter().enumerate() {
        let mut r = Record::from_json(&video(i as u32 + 1, t, l)).unwrap();
        r.normalize().unwrap();
        idx.upsert(&r).unwrap();
    }
    idx.commit().unwrap();
    idx
}

#[test]
fn a_person_s_name_inside_a_title_is_found_and_ranked_first() {
    let idx = index_of(&[
        ("佐藤さんの料理教室", "ja"),
        ("翔太くんの夏休み", "ja"),
        ("佐藤翔太のゲーム実況", "ja"),
        ("王伟教你做饭", "zh"),
        ("伟大的长城", "zh"),
        ("王老师的数学课", "zh"),
    ]);
    // The full name: its title first, though both halves appear elsewhere.
    let got = found(&idx, "佐藤翔太");
    assert_eq!(
        got.first().map(String::as_str),
        Some("佐藤翔太のゲーム実況"),
        "{got:?}"
    );
    let got = found(&idx, "王伟");
    assert_eq!(
        got.first().map(String::as_str),
        Some("王伟教你做饭"),
        "{got:?}"
    );
    // The family name alone finds every title holding it, and no other.
    let mut got = found(&idx, "佐藤");
    got.sort();
    assert_eq!(got, vec!["佐藤さんの料理教室", "佐藤翔太のゲーム実況"]);
}

#[test]
fn mixed_cjk_and_latin_titles_are_found_by_either_part_and_by_both() {
    let idx = index_of(&[
        ("Linux入門講座", "ja"),
        ("Linux tips and tricks", "en"),
        ("料理入門ガイド", "ja"),
        ("PeerTubeの使い方", "ja"),
        ("用Python学习编程", "zh"),
        ("编程语言的历史", "zh"),
    ]);
    assert_eq!(
        found(&idx, "peertube"),
        vec!["PeerTubeの使い方".to_string()]
    );
    let mut got = found(&idx, "入門");
    got.sort();
    assert_eq!(got, vec!["Linux入門講座", "料理入門ガイド"]);
    // Both parts: the title holding both ranks first.
    let got = found(&idx, "Linux 入門");
    assert_eq!(
        got.first().map(String::as_str),
        Some("Linux入門講座"),
        "{got:?}"
    );
    assert_eq!(got.len(), 3, "{got:?}");
    let got = found(&idx, "python 编程");
    assert_eq!(
        got.first().map(String::as_str),
        Some("用Python学习编程"),
        "{got:?}"
    );
    // A typo of the Latin part still finds it; a Latin typo never matches CJK text.
    assert_eq!(
        found(&idx, "peertbue").first().map(String::as_str),
        Some("PeerTubeの使い方")
    );
}
