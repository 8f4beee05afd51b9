//! `nsfw`, `nsfwFlagsIncluded` and `nsfwFlagsExcluded` at the index level:
//! over the committed fixture's videos, with sensitivity and flags spread
//! over them here, every combination of the three parameters finds exactly
//! what PeerTube's rule (`sepiola_model::nsfw::passes`, from its
//! `VideosIdListQueryBuilder`) says.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use sepiola_index::SearchIndex;
use sepiola_model::Record;
use sepiola_model::nsfw::{self, EXPLICIT_SEX, VIOLENT};
use sepiola_model::query::{Page, States, VideoQuery};

fn fixture() -> Vec<Record> {
    let path = format!(
        "{}/../../tests/fixtures/relevance.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut out = Vec::new();
    for (i, line) in std::fs::read_to_string(path).unwrap().lines().enumerate() {
        let mut r = Record::from_json(line).unwrap();
        if let Record::Video(v) = &mut r {
            // A third sensitive, flags in rotation (some flags on videos
            // that are not sensitive too: the rule must not assume).
            v.nsfw = v.nsfw || i % 3 == 0;
            v.nsfw_flags = match i % 5 {
                0 => 0,
                1 => VIOLENT,
                2 => EXPLICIT_SEX,
                3 => VIOLENT | EXPLICIT_SEX,
                _ => 0,
            };
        }
        r.normalize().unwrap();
        out.push(r);
    }
    out
}

#[test]
fn every_combination_follows_peertubes_rule() {
    let records = fixture();
    let idx = SearchIndex::in_memory().unwrap();
    for r in &records {
        idx.upsert(r).unwrap();
    }
    idx.commit().unwrap();
    let videos: Vec<_> = records
        .iter()
        .filter_map(|r| match r {
            Record::Video(v) => Some(v),
            _ => None,
        })
        .collect();
    let whole: BTreeSet<String> = videos.iter().map(|v| v.uuid.clone()).collect();
    let mut meaningful = 0;
    for want in [None, Some(true), Some(false)] {
        for included in 0..=3u32 {
            for excluded in 0..=3u32 {
                let q = VideoQuery {
                    nsfw: want,
                    nsfw_flags_included: included,
                    nsfw_flags_excluded: excluded,
                    page: Page {
                        start: 0,
                        count: 100,
                    },
                    ..Default::default()
                };
                let h = idx.search(&q).unwrap();
                let found: BTreeSet<String> = h.data.into_iter().map(|d| d.item.uuid).collect();
                let expected: BTreeSet<String> = videos
                    .iter()
                    .filter(|v| nsfw::passes(v.nsfw, v.nsfw_flags, want, included, excluded))
                    .map(|v| v.uuid.clone())
                    .collect();
                let what = format!("nsfw={want:?} included={included} excluded={excluded}");
                assert_eq!(found, expected, "{what}");
                assert_eq!(h.total, expected.len() as u64, "{what}");
                if !expected.is_empty() && expected != whole {
                    meaningful += 1;
                }
            }
        }
    }
    assert!(
        meaningful >= 30,
        "only {meaningful} combinations prove something"
    );
    // The case: nsfwFlagsExcluded=1 hides every violent video.
    let q = VideoQuery {
        nsfw_flags_excluded: VIOLENT,
        page: Page {
            start: 0,
            count: 100,
        },
        ..Default::default()
    };
    let h = idx.search(&q).unwrap();
    assert!(h.total > 0 && h.total < whole.len() as u64);
    assert!(h.data.iter().all(|d| d.item.nsfw_flags & VIOLENT == 0));
}

#[test]
fn state_one_of_without_published_matches_nothing() {
    let idx = SearchIndex::in_memory().unwrap();
    for r in &fixture() {
        idx.upsert(r).unwrap();
    }
    idx.commit().unwrap();
    let count = |states: Vec<u32>| {
        idx.search(&VideoQuery {
            states: States(states),
            ..Default::default()
        })
        .unwrap()
        .total
    };
    let all = count(vec![]);
    assert!(all > 0);
    assert_eq!(count(vec![1]), all);
    assert_eq!(count(vec![4, 1]), all);
    assert_eq!(count(vec![2, 4]), 0);
}
