//! Videos and playlists are found by their uuid or by their shortUUID (the
//! index keeps the uuid only and turns a shortUUID into it), in the search
//! text and in the `uuids` filter.
#![allow(clippy::unwrap_used)]

use sepiola_index::SearchIndex;
use sepiola_model::Record;
use sepiola_model::query::VideoQuery;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/relevance.jsonl"
);

fn index() -> SearchIndex {
    let idx = SearchIndex::in_memory().unwrap();
    for line in std::fs::read_to_string(FIXTURE).unwrap().lines() {
        let mut r = Record::from_json(line).unwrap();
        r.normalize().unwrap();
        idx.upsert(&r).unwrap();
    }
    idx.commit().unwrap();
    idx
}

fn uuids_found(idx: &SearchIndex, q: VideoQuery) -> Vec<String> {
    idx.search_videos(&q)
        .unwrap()
        .data
        .into_iter()
        .map(|h| h.item.uuid)
        .collect()
}

#[test]
fn a_video_is_found_by_uuid_or_short_uuid() {
    let idx = index();
    let uuid = "9eb1f2b6-27ba-5424-a78c-ce58c5f473a5";
    let short = "kAA7MHEBBTSictzwv3Jghr";
    let no_dashes = uuid.replace('-', "");
    for search in [uuid, short, &uuid.to_uppercase(), &no_dashes] {
        let found = uuids_found(
            &idx,
            VideoQuery {
                search: Some(search.to_string()),
                ..Default::default()
            },
        );
        assert_eq!(found.first().map(String::as_str), Some(uuid), "{search}");
    }
    for ids in [vec![short.to_string()], vec![uuid.to_string()]] {
        let found = uuids_found(
            &idx,
            VideoQuery {
                uuids: ids.clone(),
                ..Default::default()
            },
        );
        assert_eq!(found, vec![uuid.to_string()], "{ids:?}");
    }
    // Two ids, one of each form; and a string that is neither finds nothing.
    let both = uuids_found(
        &idx,
        VideoQuery {
            uuids: vec![
                short.to_string(),
                "3f1af22b-8a22-5bf0-98d3-d234176a75ad".to_string(),
            ],
            ..Default::default()
        },
    );
    assert_eq!(both.len(), 2);
    let none = uuids_found(
        &idx,
        VideoQuery {
            uuids: vec!["not-an-id-0OIl".to_string()],
            ..Default::default()
        },
    );
    assert!(none.is_empty());
}
