//! What searches hand out: the stored answer JSON (sent by the API as it
//! is, given back whole by export) and browse orders across segments.
#![allow(clippy::unwrap_used)]

use sepiola_index::SearchIndex;
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
    let raw = idx.search_answers(&q).unwrap();
    let typed = idx.search(&q).unwrap();
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
        .search_answers(&ChannelQuery {
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

/// Browsing reads cached per-segment orders; across several segments with
/// replaced documents, every page must match the same index merged into one
/// segment.
#[test]
fn browsing_many_segments_matches_one_segment() {
    use sepiola_model::query::{Sort, VideoSort};
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    let records: Vec<Record> = text
        .lines()
        .map(|l| {
            let mut r = Record::from_json(l).unwrap();
            r.normalize().unwrap();
            r
        })
        .collect();
    let one = SearchIndex::in_memory().unwrap();
    for r in &records {
        one.upsert(r).unwrap();
    }
    one.merge_all(1).unwrap();
    let many = SearchIndex::in_memory().unwrap();
    for (i, chunk) in records.chunks(7).enumerate() {
        for r in chunk {
            many.upsert(r).unwrap();
        }
        // replace a few documents already committed: deletes in old segments
        if i > 0 {
            for r in records.iter().take(3) {
                many.upsert(r).unwrap();
            }
        }
        many.commit().unwrap();
    }
    let sorts = [
        VideoSort::PublishedAt,
        VideoSort::CreatedAt,
        VideoSort::Duration,
        VideoSort::Views,
        VideoSort::Likes,
        VideoSort::OriginallyPublishedAt,
        VideoSort::Match,
    ];
    for field in sorts {
        for descending in [false, true] {
            for start in [0, 3, 11, 25] {
                let q = VideoQuery {
                    sort: Sort { field, descending },
                    page: Page { start, count: 6 },
                    ..Default::default()
                };
                let a = one.search(&q).unwrap();
                let b = many.search(&q).unwrap();
                assert_eq!(a.total, b.total);
                let ids = |h: &sepiola_model::query::Hits<sepiola_model::Video>| {
                    h.data
                        .iter()
                        .map(|s| s.item.uuid.clone())
                        .collect::<Vec<_>>()
                };
                assert_eq!(
                    ids(&a),
                    ids(&b),
                    "{field:?} desc={descending} start={start}"
                );
                assert!(b.data.iter().all(|h| h.score == 0.0));
            }
        }
    }
}
