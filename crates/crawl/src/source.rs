//! Where the list of instances comes from: a joinpeertube-style URL
//! (`{total, data: [{host}]}`, paged with `start`/`count`), a local file (one
//! host per line with `#` comments, or that JSON), an inline list; then the
//! operator's allow and deny lists. Also the moderation deny file.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;
use url::Url;

use sepiola_model::host::normalize_host;

use crate::client::Fetcher;
use crate::error::CrawlError;
use crate::settings::CrawlSettings;

/// Hosts asked for per page of a list URL.
pub const LIST_PAGE: u64 = 5_000;
/// Most pages of a list URL read (ends a list that never ends).
pub const MAX_LIST_PAGES: u64 = 40;
/// Most hosts taken from all sources together.
pub const MAX_HOSTS: usize = 100_000;

/// Normalises a list entry: lower-case host with optional port; a pasted
/// URL (`https://host/...`) is reduced to its host. None when not a host.
pub fn clean_host(entry: &str) -> Option<String> {
    let e = entry.trim();
    let e = e
        .strip_prefix("https://")
        .or_else(|| e.strip_prefix("http://"))
        .unwrap_or(e);
    let e = e.split('/').next().unwrap_or_default();
    normalize_host(e)
}

/// Parses the text of a hosts file: the joinpeertube JSON, or one host per
/// line with `#` comments. Returns the hosts and the number of refused lines.
pub fn parse_hosts_text(text: &str) -> (Vec<String>, usize) {
    let t = text.trim_start_matches('\u{feff}').trim();
    if t.starts_with('{') || t.starts_with('[') {
        return match serde_json::from_str::<Value>(t) {
            Ok(v) => {
                let (_, hosts, bad) = parse_hosts_json(&v);
                (hosts, bad)
            }
            Err(_) => (Vec::new(), 1),
        };
    }
    let mut hosts = Vec::new();
    let mut bad = 0;
    for line in t.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let one_word = !line.contains(char::is_whitespace);
        match clean_host(line).filter(|_| one_word) {
            Some(h) => hosts.push(h),
            None => bad += 1,
        }
    }
    (hosts, bad)
}

/// Reads `{total, data: [{host}]}` (or a bare array of such objects or of
/// strings): (total, hosts, refused entries).
pub fn parse_hosts_json(v: &Value) -> (Option<u64>, Vec<String>, usize) {
    let (total, data) = match v {
        Value::Object(o) => (
            o.get("total").and_then(Value::as_u64),
            o.get("data").and_then(Value::as_array),
        ),
        Value::Array(a) => (None, Some(a)),
        _ => (None, None),
    };
    let mut hosts = Vec::new();
    let mut bad = 0;
    for d in data.into_iter().flatten() {
        let h = d.get("host").and_then(Value::as_str).or(d.as_str());
        match h.and_then(clean_host) {
            Some(h) => hosts.push(h),
            None => bad += 1,
        }
    }
    (total, hosts, bad)
}

/// Parses the moderation deny file: one host per line, an optional reason
/// after whitespace or `#`. Returns (host, reason) pairs.
pub fn parse_deny_text(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (host, rest) = match line.find(|c: char| c.is_whitespace() || c == '#') {
            Some(i) => (&line[..i], &line[i..]),
            None => (line, ""),
        };
        let reason = rest
            .trim()
            .trim_start_matches('#')
            .trim()
            .chars()
            .take(500)
            .collect();
        if let Some(h) = clean_host(host) {
            out.push((h, reason));
        }
    }
    out
}

/// Reads the moderation deny file's hosts.
pub fn load_deny_file(path: &Path) -> std::io::Result<Vec<String>> {
    let text = std::fs::read_to_string(path)?;
    Ok(parse_deny_text(&text).into_iter().map(|(h, _)| h).collect())
}

/// Keeps each host once, only allowed ones if an allow list is set, and
/// never denied ones. Order: sorted.
pub fn filter_hosts(hosts: &[String], allow: &[String], deny: &[String]) -> Vec<String> {
    let allow: BTreeSet<String> = allow.iter().filter_map(|h| clean_host(h)).collect();
    let deny: BTreeSet<String> = deny.iter().filter_map(|h| clean_host(h)).collect();
    let set: BTreeSet<String> = hosts
        .iter()
        .filter(|h| allow.is_empty() || allow.contains(*h))
        .filter(|h| !deny.contains(*h))
        .cloned()
        .collect();
    set.into_iter().take(MAX_HOSTS).collect()
}

/// Fetches every page of a joinpeertube-style hosts URL.
pub async fn fetch_list_url(fetcher: &Fetcher, list: &str) -> Result<Vec<String>, CrawlError> {
    let err = |reason: String| CrawlError::List {
        location: list.to_string(),
        reason,
    };
    let base = Url::parse(list).map_err(|e| err(e.to_string()))?;
    let mut hosts = Vec::new();
    let mut start = 0u64;
    for _ in 0..MAX_LIST_PAGES {
        let mut url = base.clone();
        {
            let kept: Vec<(String, String)> = base
                .query_pairs()
                .filter(|(k, _)| k != "start" && k != "count")
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
            let mut q = url.query_pairs_mut();
            q.clear();
            for (k, v) in &kept {
                q.append_pair(k, v);
            }
            q.append_pair("start", &start.to_string());
            q.append_pair("count", &LIST_PAGE.to_string());
        }
        let body = fetcher
            .get_json(&url)
            .await
            .map_err(|e| err(e.to_string()))?;
        let (total, page, _) = parse_hosts_json(&body);
        let n = page.len() as u64;
        hosts.extend(page);
        start += n;
        let done = n == 0 || n < LIST_PAGE || total.is_some_and(|t| start >= t);
        if done || hosts.len() >= MAX_HOSTS {
            break;
        }
    }
    Ok(hosts)
}

/// Every PeerTube host to crawl now: the list (URL or file) plus the inline
/// hosts, through the allow and deny lists (`extra_deny`: moderation).
pub async fn load_hosts(
    settings: &CrawlSettings,
    fetcher: &Fetcher,
    extra_deny: &[String],
) -> Result<Vec<String>, CrawlError> {
    load_from(
        settings,
        &settings.hosts,
        settings.list(),
        fetcher,
        extra_deny,
    )
    .await
}

/// Every Mobilizon host to crawl now: `mobilizon_list` (an
/// instances.joinmobilizon.org-style URL, read like the PeerTube list, or
/// a file) plus `mobilizon_hosts`, through the same allow and deny lists.
pub async fn load_mobilizon_hosts(
    settings: &CrawlSettings,
    fetcher: &Fetcher,
    extra_deny: &[String],
) -> Result<Vec<String>, CrawlError> {
    load_from(
        settings,
        &settings.mobilizon_hosts,
        settings.mobilizon_list(),
        fetcher,
        extra_deny,
    )
    .await
}

async fn load_from(
    settings: &CrawlSettings,
    inline: &[String],
    list: Option<&str>,
    fetcher: &Fetcher,
    extra_deny: &[String],
) -> Result<Vec<String>, CrawlError> {
    let mut hosts: Vec<String> = inline.iter().filter_map(|h| clean_host(h)).collect();
    if let Some(list) = list {
        if list.starts_with("http://") || list.starts_with("https://") {
            hosts.extend(fetch_list_url(fetcher, list).await?);
        } else if !list.is_empty() {
            let text = tokio::fs::read_to_string(list)
                .await
                .map_err(|e| CrawlError::List {
                    location: list.to_string(),
                    reason: e.to_string(),
                })?;
            let (found, bad) = parse_hosts_text(&text);
            if bad > 0 {
                tracing::warn!(list, bad, "lines of the instance list are not hosts");
            }
            hosts.extend(found);
        }
    }
    let mut deny = settings.deny_hosts.clone();
    deny.extend_from_slice(extra_deny);
    Ok(filter_hosts(&hosts, &settings.allow_hosts, &deny))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn host_lines_and_comments() {
        let (h, bad) = parse_hosts_text(
            "# my list\nvideo.example.org\n  Tube.Example:8443  # big one\n\nhttps://x.example/about\nnot a host!\n",
        );
        assert_eq!(
            h,
            vec!["video.example.org", "tube.example:8443", "x.example"]
        );
        assert_eq!(bad, 1);
    }

    #[test]
    fn joinpeertube_json_in_a_file_or_body() {
        let text = r#"{"total":3,"data":[{"host":"a.example"},{"host":"javascript:x"},{"host":"B.example"}]}"#;
        let (h, bad) = parse_hosts_text(text);
        assert_eq!(h, vec!["a.example", "b.example"]);
        assert_eq!(bad, 1);
        let (total, h, _) = parse_hosts_json(&json!(["c.example", {"host": "d.example"}]));
        assert_eq!(total, None);
        assert_eq!(h, vec!["c.example", "d.example"]);
        assert_eq!(parse_hosts_json(&json!("x")).1.len(), 0);
    }

    #[test]
    fn allow_intersects_and_deny_removes() {
        let hosts: Vec<String> = ["b.example", "a.example", "c.example", "a.example"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            filter_hosts(&hosts, &[], &[]),
            vec!["a.example", "b.example", "c.example"]
        );
        assert_eq!(
            filter_hosts(&hosts, &["A.example".into(), "z.example".into()], &[]),
            vec!["a.example"]
        );
        assert_eq!(
            filter_hosts(&hosts, &[], &["b.example".into()]),
            vec!["a.example", "c.example"]
        );
    }

    #[test]
    fn deny_file_with_reasons() {
        let d =
            parse_deny_text("# denied\nbad.example spam and scams\nworse.example#illegal\n\nok\n");
        assert_eq!(
            d,
            vec![
                ("bad.example".to_string(), "spam and scams".to_string()),
                ("worse.example".to_string(), "illegal".to_string()),
                ("ok".to_string(), String::new()),
            ]
        );
    }
}
