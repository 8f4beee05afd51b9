//! How hostile Mobilizon instances misbehave in their GraphQL answers
//! (the transport-level kinds — slow drip, timeouts, huge bodies,
//! redirects, server errors, invalid JSON — are shared with PeerTube
//! instances, see [`crate::hostile`]).

use serde_json::{Value, json};

use crate::hostile::{HostileKind, MARKUP_PAYLOADS, walk};

/// Text fields of Mobilizon objects.
const TEXT_KEYS: [&str; 9] = [
    "title",
    "description",
    "name",
    "summary",
    "street",
    "locality",
    "country",
    "postalCode",
    "slogan",
];

/// Rewrites the `data` of an answer according to a content kind.
pub fn mutate(kind: HostileKind, data: &mut Value, decoy_host: &str) {
    let mut n = 0u64;
    let mut big_done = false;
    match kind {
        HostileKind::Markup => walk(data, None, &mut |k, v| {
            let (Some(k), Value::String(text)) = (k, v) else {
                return;
            };
            if !TEXT_KEYS.contains(&k) {
                return;
            }
            n += 1;
            if !big_done && k == "description" {
                big_done = true;
                let mut big = String::with_capacity(1 << 20);
                while big.len() < (1 << 20) {
                    big.push_str("<b>A</b>\u{202E}");
                }
                *text = big;
                return;
            }
            let payload = MARKUP_PAYLOADS[(n as usize) % MARKUP_PAYLOADS.len()];
            *text = format!("{text} {payload} <img src=x onerror=alert({n})>");
        }),
        HostileKind::BadUrls => walk(data, None, &mut |k, v| {
            if k != Some("url") || !v.is_string() {
                return;
            }
            n += 1;
            *v = Value::from(match n % 4 {
                0 => "javascript:alert(document.domain)".to_string(),
                1 => format!("http://{decoy_host}/events/stolen"),
                2 => format!("//{decoy_host}/media/evil.jpg"),
                _ => "data:text/html,<script>alert(1)</script>".to_string(),
            });
        }),
        HostileKind::AbsurdNumbers => walk(data, None, &mut |k, v| {
            let Some(k) = k else { return };
            n += 1;
            match k {
                "participant" | "total" if v.is_number() => {
                    *v = if n.is_multiple_of(2) {
                        json!(-1)
                    } else {
                        json!(1e300)
                    }
                }
                "geom" => {
                    *v = Value::from(match n % 3 {
                        0 => "999;999",
                        1 => "NaN;1",
                        _ => "2.35;-91",
                    })
                }
                "id" => *v = Value::from("999999999999999999999999999"),
                "beginsOn" | "endsOn" | "insertedAt" | "updatedAt" => {
                    *v = Value::from(match n % 3 {
                        0 => "+99999-12-31T23:59:59Z",
                        1 => "not a date",
                        _ => "2024-13-45T99:99:99Z",
                    })
                }
                _ => {}
            }
        }),
        _ => {}
    }
}

/// The answers a `graphql-errors` instance rotates through (all HTTP 200).
pub fn graphql_errors(n: u64) -> Value {
    match n % 4 {
        0 => {
            json!({"errors": [{"message": "Internal server error", "locations": [{"line": 1, "column": 1}]}]})
        }
        1 => json!({"data": {"searchEvents": null, "searchGroups": null, "config": null},
                    "errors": [{"message": "<script>alert(1)</script> timeout", "path": ["searchEvents"]}]}),
        2 => json!({"data": null, "errors": "not a list"}),
        _ => {
            json!({"errors": [{"message": "Too many requests"}], "data": {"searchEvents": {"total": 5}}})
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mutations_reach_mobilizon_fields() {
        let doc = json!({"searchEvents": {"total": 1, "elements": [{"id": "3", "title": "t",
            "description": "<p>d</p>", "url": "http://127.0.0.1:1/events/x", "beginsOn": "2026-01-01T00:00:00Z",
            "participantStats": {"participant": 4}, "physicalAddress": {"geom": "2.3;48.8", "locality": "Paris"},
            "tags": [{"title": "jazz"}]}]}});
        let mut m = doc.clone();
        mutate(HostileKind::Markup, &mut m, "127.0.0.1:9");
        let e = &m["searchEvents"]["elements"][0];
        assert!(e["title"].as_str().unwrap().contains('<'));
        assert!(e["tags"][0]["title"].as_str().unwrap().contains('<'));
        assert!(e["description"].as_str().unwrap().len() >= 1 << 20);
        let mut a = doc.clone();
        mutate(HostileKind::AbsurdNumbers, &mut a, "127.0.0.1:9");
        assert_ne!(a, doc);
        let mut b = doc.clone();
        mutate(HostileKind::BadUrls, &mut b, "127.0.0.1:9");
        assert!(
            !b["searchEvents"]["elements"][0]["url"]
                .as_str()
                .unwrap()
                .starts_with("http://127.0.0.1:1/")
        );
    }
}
