//! Issue 11, points 1, 2 and 4 (the crawl half): real `sepiola` processes
//! crawling fedsim's Mobilizon instances over GraphQL.
//!
//! 1. After one `crawl --once`, every event and group of the healthy
//!    instances matches fedsim's truth field by field; every `latlon` +
//!    `distance` answer lies within the distance and none inside it is
//!    missed (an independent haversine here); bbox, category, status,
//!    language, online, date filters and every sort agree with the truth.
//! 2. With `serve` and a 2 s quick interval, events added, moved,
//!    cancelled and deleted in fedsim show within the interval, and a past
//!    event expires once `past_events_days` have passed since it ended.
//! 3. Hostile Mobilizon instances: nothing unescaped or foreign reaches the
//!    API, no request leaves the list, the healthy instances are unaffected.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::harness::fedsim::{Fed, api_pages, crawl_once, mobilizon_toml};
use crate::harness::{Server, assert_meaningful, eventually};

/// The fields of an event sepiola must return as fedsim says.
const EVENT_FIELDS: [&str; 20] = [
    "host",
    "id",
    "uuid",
    "name",
    "description",
    "startTime",
    "endTime",
    "url",
    "banner",
    "category",
    "status",
    "language",
    "isOnline",
    "timeZone",
    "creator",
    "location",
    "participantCount",
    "tags",
    "createdAt",
    "updatedAt",
];

/// The fields of a group sepiola must return as fedsim says.
const GROUP_FIELDS: [&str; 11] = [
    "host",
    "id",
    "name",
    "displayName",
    "avatar",
    "description",
    "url",
    "memberCount",
    "location",
    "createdAt",
    "updatedAt",
];

fn ts(v: &Value) -> Option<DateTime<Utc>> {
    v.as_str()
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|d| d.with_timezone(&Utc))
}

/// Whether the crawler should keep a truth event: it ends (or starts,
/// without an end) after `now - days`.
fn kept(e: &Value, now: DateTime<Utc>, days: i64) -> bool {
    let cut = now - chrono::Duration::days(days);
    let start = ts(&e["startTime"]).unwrap();
    let end = ts(&e["endTime"]).unwrap_or(start);
    start >= cut || end >= cut
}

/// Great-circle distance in km (haversine, mean Earth radius).
fn haversine(a: (f64, f64), b: (f64, f64)) -> f64 {
    let r = 6_371.0;
    let (la1, la2) = (a.0.to_radians(), b.0.to_radians());
    let dla = la2 - la1;
    let dlo = (b.1 - a.1).to_radians();
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * r * h.sqrt().asin()
}

fn point(e: &Value) -> Option<(f64, f64)> {
    let p = &e["location"]["location"];
    Some((p["lat"].as_f64()?, p["lon"].as_f64()?))
}

fn uuids(docs: &[Value]) -> BTreeSet<String> {
    docs.iter()
        .map(|d| d["uuid"].as_str().unwrap().to_string())
        .collect()
}

/// Field-by-field equality of what sepiola serves and what fedsim says.
/// Search answers cut long descriptions (with an ellipsis): those must be
/// a prefix of the truth.
fn assert_same(got: &Value, want: &Value, fields: &[&str], what: &str) {
    for f in fields {
        if *f == "description"
            && let (Some(g), Some(w)) = (got[*f].as_str(), want[*f].as_str())
            && let Some(cut) = g.strip_suffix('…')
        {
            assert!(
                w.starts_with(cut.trim_end()) && w.len() > cut.len(),
                "{what}: description\n got  {g}\n want {w}"
            );
            continue;
        }
        assert_eq!(
            got[*f], want[*f],
            "{what}: field {f}\n got  {got}\n want {want}"
        );
    }
}

/// The truth of every healthy instance: (kept events, groups).
async fn truth(fed: &Fed, hosts: &[String], days: i64) -> (Vec<Value>, Vec<Value>) {
    let now = Utc::now();
    let mut events = Vec::new();
    let mut groups = Vec::new();
    for h in hosts {
        events.extend(
            fed.mobilizon_events(h)
                .await
                .into_iter()
                .filter(|e| kept(e, now, days)),
        );
        groups.extend(fed.mobilizon_groups(h).await);
    }
    (events, groups)
}

/// Checks an event query returns exactly the truth events `pred` keeps.
async fn check_events(base: &str, query: &str, all: &[Value], pred: impl Fn(&Value) -> bool) {
    let expected: Vec<Value> = all.iter().filter(|e| pred(e)).cloned().collect();
    assert_meaningful(&uuids(&expected), &uuids(all), query);
    let got = api_pages(base, &format!("/api/v1/search/events?{query}")).await;
    assert_eq!(uuids(&got), uuids(&expected), "{query}");
    assert_eq!(got.len(), expected.len(), "{query}: duplicates");
}

/// Checks a sort: every document, ordered by `key` (ties in any order).
async fn check_sort(base: &str, endpoint: &str, sort: &str, key: &str, all: &[Value], id: &str) {
    let got = api_pages(base, &format!("/api/v1/search/{endpoint}?sort={sort}")).await;
    let ids = |d: &[Value]| -> BTreeSet<String> {
        d.iter()
            .map(|x| x[id].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&got), ids(all), "sort={sort}: every document");
    let descending = sort.starts_with('-');
    for w in got.windows(2) {
        let (a, b) = (&w[0][key], &w[1][key]);
        let ord = match (a.as_f64(), b.as_f64()) {
            (Some(x), Some(y)) => x.partial_cmp(&y).unwrap(),
            _ => ts(a).cmp(&ts(b)),
        };
        let ok = if descending {
            ord != std::cmp::Ordering::Less
        } else {
            ord != std::cmp::Ordering::Greater
        };
        assert!(ok, "sort={sort}: {a} then {b}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_crawl_indexes_every_event_and_group_as_fedsim_says() {
    let _heavy = crate::harness::heavy().await;
    let fed = Fed::start_mobilizon(4, &[], 70.0, 21).await;
    let hosts = fed.healthy_mobilizon();
    let dir = tempfile::tempdir().unwrap();
    let toml = mobilizon_toml(&fed.mobilizon_list_url(), "");
    let (out, _) = crawl_once(dir.path(), "mob.toml", &toml).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (events, groups) = truth(&fed, &hosts, 90).await;
    assert!(
        events.len() > 100,
        "{} events: too few to prove much",
        events.len()
    );
    // Served with the same crawl settings, so /api/v1/instances has the
    // crawler's report (its passes are not due again yet).
    let server = Server::start(dir, &toml);
    let base = server.base.clone();

    // Every event and group, field by field.
    let got = api_pages(&base, "/api/v1/search/events?sort=startTime").await;
    assert_eq!(
        uuids(&got),
        uuids(&events),
        "the events of the healthy instances"
    );
    let by_uuid: BTreeMap<&str, &Value> = got
        .iter()
        .map(|e| (e["uuid"].as_str().unwrap(), e))
        .collect();
    for want in &events {
        let got = by_uuid[want["uuid"].as_str().unwrap()];
        assert_same(got, want, &EVENT_FIELDS, "event");
    }
    // Past events beyond the retention are not served; past ones within are.
    let now = Utc::now();
    assert!(events.iter().any(|e| ts(&e["startTime"]).unwrap() < now));
    for h in &hosts {
        let all = fed.mobilizon_events(h).await;
        assert!(
            all.iter().any(|e| !kept(e, now, 90)) || all.len() < 20,
            "{h}: no event old enough to expire"
        );
    }
    let got_groups = api_pages(&base, "/api/v1/search/groups?sort=-createdAt").await;
    let key = |g: &Value| {
        format!(
            "{}@{}",
            g["name"].as_str().unwrap(),
            g["host"].as_str().unwrap()
        )
    };
    let want_groups: BTreeMap<String, &Value> = groups.iter().map(|g| (key(g), g)).collect();
    let got_by: BTreeMap<String, &Value> = got_groups.iter().map(|g| (key(g), g)).collect();
    assert_eq!(
        got_by.keys().collect::<Vec<_>>(),
        want_groups.keys().collect::<Vec<_>>(),
        "the groups"
    );
    for (k, want) in &want_groups {
        assert_same(got_by[k], want, &GROUP_FIELDS, "group");
    }

    // Radius: none outside, none inside missed (independent haversine);
    // points within 0.1% of the edge are not judged.
    let centres: Vec<(f64, f64)> = events
        .iter()
        .filter_map(point)
        .step_by(37)
        .take(5)
        .collect();
    assert!(centres.len() >= 3);
    for c in &centres {
        for d in [2.0, 15.0, 80.0, 600.0] {
            let q = format!("latlon={}:{}&distance={d}_km", c.0, c.1);
            let got = api_pages(&base, &format!("/api/v1/search/events?{q}")).await;
            let slack = d * 1e-3 + 0.005;
            for e in &got {
                let p = point(e).unwrap_or_else(|| panic!("{q}: {} has no point", e["uuid"]));
                assert!(haversine(*c, p) <= d + slack, "{q}: {p:?} outside");
            }
            let found = uuids(&got);
            for e in &events {
                if let Some(p) = point(e)
                    && haversine(*c, p) < d - slack
                {
                    assert!(
                        found.contains(e["uuid"].as_str().unwrap()),
                        "{q}: {p:?} missed"
                    );
                }
            }
        }
    }
    // A box around the first centre.
    let c = centres[0];
    let (n, s, w, e) = (c.0 + 0.5, c.0 - 0.5, c.1 - 0.7, c.1 + 0.7);
    check_events(&base, &format!("bbox={n},{w}:{s},{e}"), &events, |x| {
        point(x).is_some_and(|(la, lo)| la <= n && la >= s && lo >= w && lo <= e)
    })
    .await;
    // Category, status, language, online, dates.
    check_events(
        &base,
        "categoryOneOf[]=MUSIC&categoryOneOf[]=SPORTS",
        &events,
        |x| x["category"] == "MUSIC" || x["category"] == "SPORTS",
    )
    .await;
    check_events(&base, "statusOneOf[]=CANCELLED", &events, |x| {
        x["status"] == "CANCELLED"
    })
    .await;
    check_events(&base, "statusOneOf[]=TENTATIVE", &events, |x| {
        x["status"] == "TENTATIVE"
    })
    .await;
    let lang = events
        .iter()
        .find_map(|e| e["language"].as_str())
        .unwrap()
        .to_string();
    check_events(&base, &format!("languageOneOf[]={lang}"), &events, |x| {
        x["language"] == json!(lang)
    })
    .await;
    check_events(&base, "isOnline=true", &events, |x| x["isOnline"] == true).await;
    check_events(&base, "type=IN_PERSON", &events, |x| x["isOnline"] == false).await;
    let (from, to) = (now, now + chrono::Duration::days(60));
    let q = format!(
        "startDateMin={}&startDateMax={}",
        from.format("%Y-%m-%dT%H:%M:%SZ"),
        to.format("%Y-%m-%dT%H:%M:%SZ")
    );
    check_events(&base, &q, &events, |x| {
        let s = ts(&x["startTime"]).unwrap();
        s >= from.with_nanosecond_zero() && s <= to.with_nanosecond_zero()
    })
    .await;
    // Every sort.
    for (sort, key) in [
        ("startTime", "startTime"),
        ("-startTime", "startTime"),
        ("createdAt", "createdAt"),
        ("-createdAt", "createdAt"),
        ("participantCount", "participantCount"),
        ("-participantCount", "participantCount"),
    ] {
        check_sort(&base, "events", sort, key, &events, "uuid").await;
    }
    for (sort, key) in [("-memberCount", "memberCount"), ("createdAt", "createdAt")] {
        check_sort(&base, "groups", sort, key, &groups, "url").await;
    }
    // Without text or sort: upcoming (and ongoing) first, soonest first.
    let browse = api_pages(&base, "/api/v1/search/events").await;
    let first_past = browse
        .iter()
        .position(|e| ts(&e["endTime"]).or(ts(&e["startTime"])).unwrap() < now);
    if let Some(i) = first_past {
        assert!(
            browse[i..]
                .iter()
                .all(|e| ts(&e["startTime"]).unwrap() < now),
            "an upcoming event after the past ones"
        );
    }

    // /api/v1/instances shows each Mobilizon host with its software and health.
    let (_, inst) = server.get("/api/v1/instances").await;
    for h in &hosts {
        let row = inst["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["host"] == json!(h))
            .unwrap_or_else(|| panic!("{h} not in {inst}"));
        assert_eq!(row["software"], "mobilizon", "{row}");
        assert_eq!(row["health"], "ok", "{row}");
        assert!(
            row["name"].as_str().unwrap().starts_with("Mobilizon "),
            "{row}"
        );
        assert!(row["documents"].as_u64().unwrap() > 0, "{row}");
    }
    let page = reqwest::get(format!("{base}/instances"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Mobilizon"),
        "the instances page shows the software"
    );
}

trait NanoZero {
    fn with_nanosecond_zero(self) -> Self;
}

impl NanoZero for DateTime<Utc> {
    fn with_nanosecond_zero(self) -> Self {
        DateTime::from_timestamp(self.timestamp(), 0).unwrap()
    }
}

async fn event_by_uuid(base: &str, uuid: &str) -> Option<Value> {
    // Events of one organiser-free search: all pages, then by uuid.
    api_pages(base, "/api/v1/search/events?sort=createdAt")
        .await
        .into_iter()
        .find(|e| e["uuid"] == json!(uuid))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_keeps_events_fresh_and_expires_past_ones() {
    let _heavy = crate::harness::heavy().await;
    let fed = Fed::start_mobilizon(2, &[], 40.0, 5).await;
    let hosts = fed.healthy_mobilizon();
    let a = hosts[0].clone();
    let days = 30;
    let dir = tempfile::tempdir().unwrap();
    let deny = dir.path().join("deny.txt");
    std::fs::write(&deny, "# nobody denied yet\n").unwrap();
    let toml = mobilizon_toml(
        &fed.mobilizon_list_url(),
        &format!(
            "quick_interval_secs = 2\nfull_interval_secs = 3600\npast_events_days = {days}\n\
             [moderation]\ndeny_file = \"{}\"\n",
            deny.display()
        ),
    );
    let server = Server::start_logging(dir, &toml);
    let base = server.base.clone();
    let (events, _) = truth(&fed, &hosts, days).await;
    eventually("the first crawl", Duration::from_secs(40), || {
        let (base, want) = (base.clone(), uuids(&events));
        async move { uuids(&api_pages(&base, "/api/v1/search/events").await) == want }
    })
    .await;
    // Events that ended more than `past_events_days` ago are not served.
    let all_a = fed.mobilizon_events(&a).await;
    let now = Utc::now();
    assert!(
        all_a.iter().any(|e| !kept(e, now, days)),
        "nothing old enough on {a}"
    );

    // Add, move, cancel, delete.
    let (s, added) = fed
        .send(
            "POST",
            &format!("/mobilizon/{a}/events"),
            json!({"title": "Freshly planned zeppelin picnic", "beginsOn": (now + chrono::Duration::days(3)).to_rfc3339(), "online": false}),
        )
        .await;
    assert_eq!(s, 201, "{added}");
    let upcoming: Vec<&Value> = all_a
        .iter()
        .filter(|e| {
            ts(&e["startTime"]).unwrap() > now
                && e["status"] != "CANCELLED"
                && !e["location"].is_null()
        })
        .collect();
    let (moved, cancelled, deleted) = (
        upcoming[0]["uuid"].as_str().unwrap().to_string(),
        upcoming[1]["uuid"].as_str().unwrap().to_string(),
        upcoming[2]["uuid"].as_str().unwrap().to_string(),
    );
    let (s, moved_truth) = fed
        .send(
            "POST",
            &format!("/mobilizon/{a}/events/{moved}/move"),
            json!({"city": "Helsinki"}),
        )
        .await;
    assert_eq!(s, 200, "{moved_truth}");
    let (s, _) = fed
        .send(
            "POST",
            &format!("/mobilizon/{a}/events/{cancelled}/cancel"),
            json!({}),
        )
        .await;
    assert_eq!(s, 200);
    let (s, _) = fed
        .send(
            "DELETE",
            &format!("/mobilizon/{a}/events/{deleted}"),
            json!({}),
        )
        .await;
    assert_eq!(s, 204);
    // An event that ends 6 s before the retention cut-off passes it.
    let expiring = upcoming[3]["uuid"].as_str().unwrap().to_string();
    let end = Utc::now() - chrono::Duration::days(days) + chrono::Duration::seconds(6);
    let (s, _) = fed
        .send(
            "PATCH",
            &format!("/mobilizon/{a}/events/{expiring}"),
            json!({"beginsOn": (end - chrono::Duration::hours(2)).to_rfc3339(), "endsOn": end.to_rfc3339()}),
        )
        .await;
    assert_eq!(s, 200);

    let new_uuid = added["uuid"].as_str().unwrap().to_string();
    let took = eventually("add, move, cancel, delete", Duration::from_secs(15), || {
        let base = base.clone();
        let (new_uuid, moved, cancelled, deleted) = (
            new_uuid.clone(),
            moved.clone(),
            cancelled.clone(),
            deleted.clone(),
        );
        let moved_point = moved_truth["location"]["location"].clone();
        async move {
            let all = api_pages(&base, "/api/v1/search/events?sort=createdAt").await;
            let find = |u: &str| all.iter().find(|e| e["uuid"] == json!(u));
            find(&new_uuid).is_some_and(|e| e["name"] == "Freshly planned zeppelin picnic")
                && find(&moved).is_some_and(|e| {
                    e["location"]["location"] == moved_point
                        && e["location"]["address"]["addressLocality"] == "Helsinki"
                })
                && find(&cancelled).is_some_and(|e| e["status"] == "CANCELLED")
                && find(&deleted).is_none()
        }
    })
    .await;
    eprintln!("changes visible after {took:?}");
    // The moved event is found near its new place, not its old one.
    let p = moved_truth["location"]["location"].clone();
    let near = api_pages(
        &base,
        &format!(
            "/api/v1/search/events?latlon={}:{}&distance=1_km",
            p["lat"], p["lon"]
        ),
    )
    .await;
    assert!(
        near.iter().any(|e| e["uuid"] == json!(moved)),
        "moved event near its new place"
    );
    eventually("the past event expires", Duration::from_secs(20), || {
        let (base, expiring) = (base.clone(), expiring.clone());
        async move { event_by_uuid(&base, &expiring).await.is_none() }
    })
    .await;

    // A Mobilizon host written into the deny file disappears from the
    // answers and from the crawler's list (which purges its documents);
    // the other stays.
    let b = hosts[1].clone();
    let count = |all: &[Value], h: &str| all.iter().filter(|e| e["host"] == json!(h)).count();
    let before = api_pages(&base, "/api/v1/search/events").await;
    assert!(count(&before, &b) > 0 && count(&before, &a) > 0);
    std::fs::write(&deny, format!("{b} spam\n")).unwrap();
    eventually("the denied host is purged", Duration::from_secs(20), || {
        let (base, a, b) = (base.clone(), a.clone(), b.clone());
        async move {
            let events = api_pages(&base, "/api/v1/search/events").await;
            let groups = api_pages(&base, "/api/v1/search/groups").await;
            let inst: Value = crate::harness::fedsim::client()
                .get(format!("{base}/api/v1/instances"))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let listed = inst["data"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["host"] == json!(b));
            count(&events, &b) == 0 && count(&groups, &b) == 0 && count(&events, &a) > 0 && !listed
        }
    })
    .await;
}

const HOSTILE: &[&str] = &[
    "graphql-errors",
    "markup",
    "bad-urls",
    "absurd-numbers",
    "endless",
    "redirect-decoy",
    "redirect-private",
    "server-error",
    "invalid-json",
    "huge-chunked",
    "length-lie",
    "slow-drip",
    "timeout",
    "uuid-clash",
];

fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_mobilizon_instances_change_nothing_for_the_healthy_ones() {
    let _heavy = crate::harness::heavy().await;
    // The uuid-clash instance reuses the uuids of the first healthy one.
    let fed = Fed::start_mobilizon(HOSTILE.len() + 2, HOSTILE, 30.0, 9).await;
    let healthy = fed.healthy_mobilizon();
    let listed: BTreeSet<String> = fed.mobilizon_hosts().into_iter().map(|(h, _)| h).collect();
    let dir = tempfile::tempdir().unwrap();
    // First owner wins: the healthy instances are crawled first (the
    // uuid-clash one denied), then everything, the clash one included.
    let clash_host = fed
        .mobilizon_hosts()
        .into_iter()
        .find(|(_, k)| k.as_deref() == Some("uuid-clash"))
        .unwrap()
        .0;
    let first = mobilizon_toml(
        &fed.mobilizon_list_url(),
        &format!("host_pass_timeout_secs = 20\ndeny_hosts = [\"{clash_host}\"]\n"),
    );
    let (out, _) = crawl_once(dir.path(), "first.toml", &first).await;
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let toml = mobilizon_toml(&fed.mobilizon_list_url(), "host_pass_timeout_secs = 20\n");
    let (out, took) = crawl_once(dir.path(), "mob.toml", &toml).await;
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    // Some hosts failed (the hostile ones), some passed: exit status 2.
    assert_eq!(
        out.status.code(),
        Some(2),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("hostile crawl ({took:?}):\n{stdout}");
    // Hostile hosts cost their timeouts, in parallel with the rest.
    assert!(
        took < Duration::from_secs(60),
        "hostile instances cost {took:?}"
    );
    for h in &healthy {
        assert!(
            !stdout.contains(&format!("failed: {h}")),
            "{h} failed: {stdout}"
        );
    }
    let (events, groups) = truth(&fed, &healthy, 90).await;
    let server = Server::start(dir, &toml);
    let base = server.base.clone();
    let got = api_pages(&base, "/api/v1/search/events?sort=startTime").await;

    // The healthy instances: exactly their events, as fedsim says.
    let healthy_set: BTreeSet<&str> = healthy.iter().map(String::as_str).collect();
    let from_healthy: Vec<Value> = got
        .iter()
        .filter(|e| healthy_set.contains(e["host"].as_str().unwrap()))
        .cloned()
        .collect();
    assert_eq!(uuids(&from_healthy), uuids(&events));
    let by_uuid: BTreeMap<String, &Value> = from_healthy
        .iter()
        .map(|e| (e["uuid"].as_str().unwrap().to_string(), e))
        .collect();
    for want in &events {
        assert_same(
            by_uuid[want["uuid"].as_str().unwrap()],
            want,
            &EVENT_FIELDS,
            "healthy event",
        );
    }
    let got_groups = api_pages(&base, "/api/v1/search/groups").await;
    let healthy_groups = got_groups
        .iter()
        .filter(|g| healthy_set.contains(g["host"].as_str().unwrap()))
        .count();
    assert_eq!(healthy_groups, groups.len());

    // Nothing from a hostile one is foreign, active or out of range.
    let mut from_hostile = 0;
    for d in got.iter().chain(got_groups.iter()) {
        let host = d["host"].as_str().unwrap();
        assert!(listed.contains(host), "{host} is on no list");
        let origin = format!("http://{host}/");
        for k in ["url", "banner", "avatar"] {
            if let Some(u) = d[k].as_str() {
                assert!(u.starts_with(&origin), "{k} {u} not on {host}");
            }
        }
        if let Some(u) = d["creator"]["avatar"].as_str() {
            assert!(u.starts_with(&origin), "creator avatar {u} not on {host}");
        }
        if let Some(desc) = d["description"].as_str() {
            assert!(
                !desc.contains("<script") && !desc.contains("<img") && !desc.contains("<b>"),
                "markup in a description: {desc:.200}"
            );
        }
        if let Some((lat, lon)) = point(d) {
            assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon));
        }
        for k in ["participantCount", "memberCount"] {
            if let Some(n) = d[k].as_f64() {
                assert!((0.0..1e15).contains(&n), "{k} {n}");
            }
        }
        let mut all = Vec::new();
        strings(d, &mut all);
        for s in all {
            assert!(
                !s.chars().any(|c| (c.is_control() && c != '\n' && c != '\t')
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c)),
                "control or bidi character in {s:?}"
            );
            assert!(
                !s.starts_with("javascript:") && !s.starts_with("data:"),
                "{s}"
            );
        }
        if !healthy_set.contains(host) {
            from_hostile += 1;
        }
    }
    assert!(
        from_hostile > 0,
        "the content-hostile instances were read at all"
    );
    // The uuid-clash instance could not take the healthy instance's uuids.
    let stolen = uuids(&fed.mobilizon_events(&clash_host).await);
    assert!(
        stolen.iter().any(|u| uuids(&events).contains(u)),
        "the uuid-clash instance shares no uuid: the check proves nothing"
    );
    let clash: Vec<&Value> = got
        .iter()
        .filter(|e| e["host"] == json!(clash_host))
        .collect();
    for e in clash {
        assert!(
            !uuids(&events).contains(e["uuid"].as_str().unwrap()),
            "a stolen uuid"
        );
    }
    // The endless one was cut by max_pages (5 pages of 100).
    let endless = fed
        .mobilizon_hosts()
        .into_iter()
        .find(|(_, k)| k.as_deref() == Some("endless"))
        .unwrap()
        .0;
    assert!(got.iter().filter(|e| e["host"] == json!(endless)).count() <= 500);

    // No request left the list: never the decoy, only listed hosts.
    let requests = fed.all_requests().await;
    assert!(!requests.is_empty());
    for r in &requests {
        assert_ne!(r["role"], "decoy", "the decoy was contacted: {r}");
        if r["role"] == "mobilizon" || r["role"] == "instance" {
            assert!(listed.contains(r["host"].as_str().unwrap()), "{r}");
        }
    }
    // /api/v1/instances: the GraphQL-error instance is failing, the healthy ones are ok.
    let (_, inst) = server.get("/api/v1/instances").await;
    let row = |h: &str| -> Value {
        inst["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["host"] == json!(h))
            .cloned()
            .unwrap_or_else(|| panic!("{h} not in {inst}"))
    };
    for h in &healthy {
        assert_eq!(row(h)["health"], "ok");
    }
    for kind in [
        "graphql-errors",
        "server-error",
        "invalid-json",
        "redirect-decoy",
        "timeout",
    ] {
        let h = fed
            .mobilizon_hosts()
            .into_iter()
            .find(|(_, k)| k.as_deref() == Some(kind))
            .unwrap()
            .0;
        let r = row(&h);
        assert_eq!(r["health"], "failing", "{kind}: {r}");
        assert_eq!(r["software"], "mobilizon");
    }
}
