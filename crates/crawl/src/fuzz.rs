//! What the mapping fuzzers share: hostile strings and JSON values, valid
//! answers with arbitrary values put anywhere, and the check that a
//! produced document passes its own `normalize` again unchanged.

use proptest::prelude::*;
use serde_json::{Map, Value};

use sepiola_model::Document;

/// Strings a hostile instance would send: anything, plus the shapes that
/// reach the interesting branches (URLs on and off the host, paths, dates,
/// markup, bidi and control characters, long runs).
pub fn hostile_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,40}",
        prop::sample::select(vec![
            "",
            " ",
            "javascript:alert(1)",
            "data:image/png;base64,AAAA",
            "http://127.0.0.1:4001/videos/watch/x",
            "https://127.0.0.1:4001/lazy-static/a.jpg",
            "http://127.0.0.1:4002/elsewhere",
            "//evil.example/x",
            "/lazy-static/thumbnails/x.jpg",
            "/../../etc/passwd",
            "/a?b#c",
            "127.0.0.1:4001",
            "evil.example",
            "2024-01-01T00:00:00.000Z",
            "9999-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z",
            "<script>alert(1)</script>&amp;&#x1F600;&#0;",
            "\u{202E}abc\u{0000}\u{0007}",
            "  a \n\t b  ",
            "9c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f",
            "kkGMgK9ZtnKfYAgnEtQxbv",
            "fr",
            "zz-ZZ-x",
        ])
        .prop_map(str::to_string),
        (1usize..3000).prop_map(|n| "é".repeat(n)),
    ]
}

/// Any JSON value, a few levels deep.
pub fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        hostile_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((hostile_string(), inner), 0..5)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Every place in `v` a value can be put: each existing node.
fn paths(v: &Value, here: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    out.push(here.clone());
    match v {
        Value::Object(o) => {
            for (k, child) in o {
                here.push(Value::String(k.clone()));
                paths(child, here, out);
                here.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                here.push(Value::from(i));
                paths(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn node_at<'a>(v: &'a mut Value, path: &[Value]) -> Option<&'a mut Value> {
    let mut cur = v;
    for seg in path {
        cur = match seg {
            Value::String(k) => cur.get_mut(k.as_str())?,
            Value::Number(n) => cur.get_mut(usize::try_from(n.as_u64()?).ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// `base` with each `(where, what)` applied: the node picked by `where` is
/// replaced by `what`.
pub fn mutated(base: Value, edits: &[(prop::sample::Index, Value)]) -> Value {
    let mut v = base;
    for (at, what) in edits {
        let mut all = Vec::new();
        paths(&v, &mut Vec::new(), &mut all);
        let path = at.get(&all).clone();
        if let Some(node) = node_at(&mut v, &path) {
            *node = what.clone();
        }
    }
    v
}

/// Whether a produced document passes `normalize` again unchanged.
pub fn idempotent<D: Document + PartialEq + std::fmt::Debug>(doc: &D) -> Result<(), TestCaseError> {
    let mut again = doc.clone();
    prop_assert!(
        again.normalize().is_ok(),
        "a produced document fails its own normalize: {doc:?}"
    );
    prop_assert_eq!(&again, doc);
    Ok(())
}

/// One to four edits: where, and what is put there.
pub fn edits() -> impl Strategy<Value = Vec<(prop::sample::Index, Value)>> {
    prop::collection::vec((any::<prop::sample::Index>(), arb_json()), 1..5)
}
