//! The stored answer JSON: what the API sends as it is, and what export
//! gives back.
#![allow(clippy::unwrap_used)]

use sepiola_index::{AnswerJson, SearchIndex};
use sepiola_model::Record;
use sepiola_model::query::{ChannelQuery, Page, VideoQuery};
use serde_json::Value;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/relevance.jsonl"
);

/// The fixture with one video and one channel given a 600-character description.
fn index_with_long_descriptions() -> (SearchIndex, String) {
    let long: String = "Longue description, très détaillée. ".repeat(17);
    assert!(long.chars().count() > 600);
    let idx = SearchIndex::in_memory().unwrap();
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let (mut video_done, mut channel_done) = (false, false);
    for line in text.lines() {
        let mut v: Value = serde_json::from_str(line).unwrap();
        let kind = v["kind"].as_str().unwrap().to_string();
        if (kind == "video" && !video_done) || (kind == "channel" && !channel_done) {
            v["description"] = Value::from(long.clone());
            video_done |= kind == "video";
            channel_done |= kind == "channel";
        }
        let mut r = Record::from_json(&v.to_string()).unwrap();
        r.normalize().unwrap();
        idx.upsert(&r).unwrap();
    }
    idx.commit().unwrap();
    (idx, long)
}

#[test]
fn answers_carry_the_cut_description_and_parse_like_the_typed_results() {
    let (idx, long) = index_with_long_descriptions();
    let q = VideoQuery {
        page: Page {
            start: 0,
            count: 100,
        },
        ..Default::default()
    };
    let raw = idx.search_videos_as::<AnswerJson>(&q).unwrap();
    let typed = idx.search_videos(&q).unwrap();
    assert_eq!(raw.total, typed.total);
    assert_eq!(raw.data.len(), typed.data.len());
    let mut saw_long = false;
    for (r, t) in raw.data.iter().zip(&typed.data) {
        assert_eq!(r.score, t.score);
        let v: Value = serde_json::from_str(&r.item.0).unwrap();
        assert_eq!(v, serde_json::to_value(&t.item).unwrap());
        if let Some(d) = v["description"].as_str()
            && d.starts_with("Longue description")
        {
            saw_long = true;
            assert_eq!(d.chars().count(), 250, "{d}");
            assert!(d.ends_with('…'));
            assert_eq!(v["truncatedDescription"], v["description"]);
            assert!(long.starts_with(d.trim_end_matches('…')));
        }
    }
    assert!(saw_long);
    let channels = idx
        .search_channels_as::<AnswerJson>(&ChannelQuery {
            page: Page {
                start: 0,
                count: 100,
            },
            ..Default::default()
        })
        .unwrap();
    assert!(channels.data.iter().any(|h| {
        let v: Value = serde_json::from_str(&h.item.0).unwrap();
        v["description"]
            .as_str()
            .is_some_and(|d| d.starts_with("Longue") && d.chars().count() == 250)
    }));
}

#[test]
fn export_gives_back_the_whole_description() {
    let (idx, long) = index_with_long_descriptions();
    let mut out = Vec::new();
    let n = idx.export(&mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count() as u64, n);
    let mut whole = 0;
    for line in text.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        if let Some(d) = v["description"].as_str()
            && d.starts_with("Longue description")
        {
            assert_eq!(d, long.trim_end());
            whole += 1;
        }
        // every exported line imports again
        let mut r = Record::from_json(line).unwrap();
        r.normalize().unwrap();
    }
    assert_eq!(whole, 2, "the video and the channel");
}
