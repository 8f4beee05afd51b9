//! Pages past the window the index serves ([`MAX_WINDOW`]): the exact total
//! and what exists of the window, never an error, whatever the order.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use sepiola_index::SearchIndex;
use sepiola_model::Record;
use sepiola_model::query::{MAX_WINDOW, Page, Sort, VideoQuery, VideoSort};
use serde_json::Value;

/// More videos than the window: copies of the fixture's first video.
fn index(n: usize) -> SearchIndex {
    let path = format!(
        "{}/../../tests/fixtures/relevance.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    let idx = SearchIndex::in_memory().unwrap();
    for i in 0..n {
        let mut v = first.clone();
        let uuid = format!("{:08x}-0000-4000-8000-{:012x}", i, i);
        let o = v.as_object_mut().unwrap();
        o.remove("shortUUID");
        o.insert("id".into(), Value::from(i + 1));
        o.insert("uuid".into(), Value::from(uuid.clone()));
        o.insert("views".into(), Value::from(i % 977));
        for f in ["thumbnailPath", "previewPath", "embedPath", "url"] {
            let old = o[f]
                .as_str()
                .unwrap()
                .replace(first["uuid"].as_str().unwrap(), &uuid);
            o.insert(f.into(), Value::from(old));
        }
        let mut r = Record::from_json(&v.to_string()).unwrap();
        r.normalize().unwrap();
        idx.upsert(&r).unwrap();
    }
    idx.commit().unwrap();
    idx
}

#[test]
fn deep_pages_count_everything_and_serve_the_window() {
    let n = MAX_WINDOW + 50;
    let idx = index(n);
    let sorts = [
        Sort::default(),
        Sort {
            field: VideoSort::Views,
            descending: true,
        },
        Sort {
            field: VideoSort::Name,
            descending: false,
        },
        Sort {
            field: VideoSort::Trending,
            descending: true,
        },
    ];
    for search in [None, Some("bunny".to_string())] {
        for sort in sorts {
            for (start, count, served) in [
                (0, 20, 20),
                (MAX_WINDOW - 10, 20, 10),
                (MAX_WINDOW, 20, 0),
                (50_000, 100, 0),
                (usize::MAX, 100, 0),
            ] {
                let q = VideoQuery {
                    search: search.clone(),
                    sort,
                    page: Page { start, count },
                    ..VideoQuery::default()
                };
                let h = idx.search(&q).unwrap();
                let how = format!("{search:?} {sort:?} start={start} count={count}");
                assert_eq!(h.total, n as u64, "{how}");
                assert_eq!(h.data.len(), served, "{how}");
            }
        }
    }
}
