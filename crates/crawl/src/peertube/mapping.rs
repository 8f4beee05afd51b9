//! PeerTube's wire shapes (its REST API,
//! <https://docs.joinpeertube.org/api-rest-reference.html>) turned into model
//! documents: listing pages, videos, channels, playlists.
//!
//! Everything here reads `serde_json::Value`s leniently: one bad item never
//! spoils its page, numbers out of range are clamped, text goes through the
//! model's `normalize()`. A document is refused when it is not public, when
//! its account, channel or owner is on another host than the instance (a
//! remote document: its own instance is the authority), or when the model
//! refuses it (foreign or script URLs, missing fields, bad dates).

use serde_json::Value;

use sepiola_model::Document;

pub use crate::reject::Reject;
use sepiola_model::host::normalize_host;

use crate::listing::ListPage;
use sepiola_model::{
    ActorImage, ActorSummary, Channel, Label, NumericLabel, Playlist, Thumbnail, Timestamp, Video,
};

/// Most items read from one page (we ask for 100).
pub const MAX_PAGE_ITEMS: usize = 100;
/// Most tags read from one video before cleaning.
const MAX_RAW_TAGS: usize = 64;
/// Most images read per actor.
const MAX_IMAGES: usize = 8;

/// Reads a PeerTube listing page, `{total, data: [...]}`; `data` must be
/// an array (at most [`MAX_PAGE_ITEMS`] are kept).
pub fn list_page(body: Value) -> Result<ListPage, Reject> {
    let Value::Object(mut o) = body else {
        return Err(Reject::Malformed("page is not an object"));
    };
    let total = o.get("total").and_then(Value::as_u64);
    let Some(Value::Array(mut data)) = o.remove("data") else {
        return Err(Reject::Malformed("data is not an array"));
    };
    data.truncate(MAX_PAGE_ITEMS);
    Ok(ListPage { total, items: data })
}

fn str_of(v: &Value, k: &str) -> String {
    v.get(k)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn opt_str(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(Value::as_str).map(str::to_string)
}

/// A non-negative count, clamped: negatives, NaN-like and absurd values
/// become 0, fractions are truncated.
pub(crate) fn count(v: &Value, k: &str) -> u64 {
    const MAX: u64 = 1 << 53;
    match v.get(k) {
        Some(Value::Number(n)) => match (n.as_u64(), n.as_f64()) {
            (Some(u), _) if u <= MAX => u,
            (None, Some(f)) if f.is_finite() && f >= 0.0 && f <= MAX as f64 => f as u64,
            _ => 0,
        },
        _ => 0,
    }
}

fn id_of(v: &Value) -> i64 {
    v.get("id")
        .and_then(Value::as_i64)
        .filter(|i| *i >= 0)
        .unwrap_or(0)
}

fn required_time(v: &Value, k: &'static str) -> Result<Timestamp, Reject> {
    v.get(k)
        .and_then(Value::as_str)
        .and_then(Timestamp::parse)
        .filter(sane_time)
        .ok_or(Reject::Malformed(k))
}

fn opt_time(v: &Value, k: &str) -> Option<Timestamp> {
    v.get(k)
        .and_then(Value::as_str)
        .and_then(Timestamp::parse)
        .filter(sane_time)
}

/// Dates before PeerTube existed or far in the future are lies.
fn sane_time(t: &Timestamp) -> bool {
    let year = chrono::Datelike::year(&t.0);
    (2000..=2200).contains(&year)
}

fn numeric_label(v: &Value, k: &str) -> NumericLabel {
    let o = v.get(k);
    NumericLabel {
        id: o
            .and_then(|o| o.get("id"))
            .and_then(Value::as_u64)
            .and_then(|i| u32::try_from(i).ok()),
        label: String::new(),
    }
}

/// The language as the instance sent it: the model normalises the code and
/// keeps the label (or gives its own when there is none).
fn language_label(v: &Value) -> Label {
    let o = v.get("language");
    Label {
        id: o
            .and_then(|o| o.get("id"))
            .and_then(Value::as_str)
            .map(str::to_string),
        label: o
            .and_then(|o| o.get("label"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
    }
}

/// PeerTube 8.1+'s `thumbnails` array, read leniently: entries that are
/// not objects, or whose sizes are not integers, are skipped; the model
/// checks every URL against the origin and drops absurd sizes.
fn thumbnails(v: &Value) -> Vec<Thumbnail> {
    let side = |t: &Value, k: &str| {
        t.get(k)
            .and_then(Value::as_u64)
            .and_then(|w| u32::try_from(w).ok())
    };
    v.get("thumbnails")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .take(MAX_IMAGES)
                .filter_map(|t| {
                    Some(Thumbnail {
                        width: side(t, "width")?,
                        height: side(t, "height")?,
                        aspect_ratio: opt_str(t, "aspectRatio"),
                        file_url: t
                            .get("fileUrl")
                            .or_else(|| t.get("path"))
                            .and_then(Value::as_str)?
                            .to_string(),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A count the instance may leave out (older PeerTube): `None` when absent.
fn opt_count(v: &Value, k: &str) -> Option<u64> {
    v.get(k).filter(|x| !x.is_null()).map(|_| count(v, k))
}

fn image(v: &Value) -> Option<ActorImage> {
    if !v.is_object() {
        return None;
    }
    Some(ActorImage {
        width: v
            .get("width")
            .and_then(Value::as_u64)
            .and_then(|w| u32::try_from(w).ok()),
        height: v
            .get("height")
            .and_then(Value::as_u64)
            .and_then(|w| u32::try_from(w).ok()),
        path: str_of(v, "path"),
        file_url: opt_str(v, "fileUrl"),
        url: None,
        created_at: opt_time(v, "createdAt"),
        updated_at: opt_time(v, "updatedAt"),
    })
}

fn images(v: &Value, k: &str) -> Vec<ActorImage> {
    v.get(k)
        .and_then(Value::as_array)
        .map(|a| a.iter().take(MAX_IMAGES).filter_map(image).collect())
        .unwrap_or_default()
}

/// An account or channel summary, which must live on `host`.
fn actor_on(v: Option<&Value>, host: &str, what: &'static str) -> Result<ActorSummary, Reject> {
    let v = v.filter(|v| v.is_object()).ok_or(Reject::Malformed(what))?;
    let actor_host = normalize_host(&str_of(v, "host")).ok_or(Reject::Malformed(what))?;
    if actor_host != host {
        return Err(Reject::Remote(format!("{what} on {actor_host}")));
    }
    Ok(ActorSummary {
        id: id_of(v),
        name: str_of(v, "name"),
        display_name: str_of(v, "displayName"),
        url: str_of(v, "url"),
        host: actor_host,
        avatars: images(v, "avatars"),
        avatar: v.get("avatar").and_then(image),
        description: None,
        followers_count: None,
        following_count: None,
        created_at: None,
        updated_at: None,
    })
}

fn check_public(v: &Value) -> Result<(), Reject> {
    match v.get("privacy").and_then(|p| p.get("id")) {
        None | Some(Value::Null) => Ok(()),
        Some(id) if id.as_u64() == Some(1) => Ok(()),
        Some(_) => Err(Reject::NotPublic),
    }
}

/// A video from a list item or a detail answer of instance `host`,
/// normalised. List items have no tags; details do.
pub fn video(v: &Value, host: &str) -> Result<Video, Reject> {
    if !v.is_object() {
        return Err(Reject::Malformed("video is not an object"));
    }
    check_public(v)?;
    if v.get("isLocal").and_then(Value::as_bool) == Some(false) {
        return Err(Reject::Remote("isLocal is false".into()));
    }
    let account = actor_on(v.get("account"), host, "account")?;
    let channel = actor_on(v.get("channel"), host, "channel")?;
    let tags = v
        .get("tags")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .take(MAX_RAW_TAGS)
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let description = opt_str(v, "description").or_else(|| opt_str(v, "truncatedDescription"));
    let aspect_ratio = v
        .get("aspectRatio")
        .and_then(Value::as_f64)
        .filter(|r| r.is_finite() && *r > 0.0 && *r < 100.0)
        .map(|r| r as f32);
    let mut out = Video {
        host: host.to_string(),
        id: id_of(v),
        uuid: str_of(v, "uuid"),
        short_uuid: str_of(v, "shortUUID"),
        name: str_of(v, "name"),
        description,
        truncated_description: None,
        duration: count(v, "duration"),
        tags,
        category: numeric_label(v, "category"),
        licence: numeric_label(v, "licence"),
        language: language_label(v),
        privacy: NumericLabel {
            id: Some(1),
            label: String::new(),
        },
        created_at: required_time(v, "createdAt")?,
        updated_at: opt_time(v, "updatedAt"),
        published_at: required_time(v, "publishedAt")?,
        originally_published_at: opt_time(v, "originallyPublishedAt"),
        thumbnail_path: opt_str(v, "thumbnailPath"),
        preview_path: opt_str(v, "previewPath"),
        embed_path: str_of(v, "embedPath"),
        thumbnail_url: None,
        preview_url: None,
        embed_url: String::new(),
        url: str_of(v, "url"),
        is_local: false,
        views: count(v, "views"),
        viewers: count(v, "viewers"),
        likes: count(v, "likes"),
        dislikes: count(v, "dislikes"),
        comments: v.get("comments").map(|_| count(v, "comments")),
        is_live: v.get("isLive").and_then(Value::as_bool).unwrap_or(false),
        nsfw: v.get("nsfw").and_then(Value::as_bool).unwrap_or(false),
        nsfw_flags: sepiola_model::nsfw::sanitize(v.get("nsfwFlags")),
        nsfw_summary: opt_str(v, "nsfwSummary"),
        thumbnails: thumbnails(v),
        downloads: opt_count(v, "downloads"),
        aspect_ratio,
        account,
        channel,
    };
    out.normalize()?;
    if out.host != host || out.account.host != host || out.channel.host != host {
        return Err(Reject::Remote("host changed while normalising".into()));
    }
    Ok(out)
}

/// A channel of instance `host` (from `/api/v1/video-channels`), normalised.
pub fn channel(v: &Value, host: &str) -> Result<Channel, Reject> {
    if !v.is_object() {
        return Err(Reject::Malformed("channel is not an object"));
    }
    let channel_host = normalize_host(&str_of(v, "host")).ok_or(Reject::Malformed("host"))?;
    if channel_host != host {
        return Err(Reject::Remote(format!("channel on {channel_host}")));
    }
    let mut owner = actor_on(v.get("ownerAccount"), host, "ownerAccount")?;
    if let Some(o) = v.get("ownerAccount") {
        owner.description = opt_str(o, "description");
        owner.followers_count = Some(count(o, "followersCount"));
        owner.following_count = Some(count(o, "followingCount"));
        owner.created_at = opt_time(o, "createdAt");
        owner.updated_at = opt_time(o, "updatedAt");
    }
    let mut out = Channel {
        id: id_of(v),
        name: str_of(v, "name"),
        host: channel_host,
        url: str_of(v, "url"),
        display_name: str_of(v, "displayName"),
        description: opt_str(v, "description"),
        support: opt_str(v, "support"),
        followers_count: count(v, "followersCount"),
        following_count: count(v, "followingCount"),
        videos_count: opt_count(v, "videosCount"),
        host_redundancy_allowed: v.get("hostRedundancyAllowed").and_then(Value::as_bool),
        created_at: required_time(v, "createdAt")?,
        updated_at: opt_time(v, "updatedAt"),
        is_local: false,
        avatars: images(v, "avatars"),
        avatar: v.get("avatar").and_then(image),
        banners: images(v, "banners"),
        owner_account: owner,
    };
    out.normalize()?;
    if out.host != host || out.owner_account.host != host {
        return Err(Reject::Remote("host changed while normalising".into()));
    }
    Ok(out)
}

/// A playlist of instance `host` (from `/api/v1/video-playlists`), normalised.
/// Only public, regular playlists are kept.
pub fn playlist(v: &Value, host: &str) -> Result<Playlist, Reject> {
    if !v.is_object() {
        return Err(Reject::Malformed("playlist is not an object"));
    }
    check_public(v)?;
    match v.get("type").and_then(|t| t.get("id")) {
        None | Some(Value::Null) => {}
        Some(id) if id.as_u64() == Some(1) => {}
        Some(_) => return Err(Reject::NotPublic),
    }
    let owner = actor_on(v.get("ownerAccount"), host, "ownerAccount")?;
    let video_channel = match v.get("videoChannel") {
        None | Some(Value::Null) => None,
        Some(c) => Some(actor_on(Some(c), host, "videoChannel")?),
    };
    let mut out = Playlist {
        host: host.to_string(),
        id: id_of(v),
        uuid: str_of(v, "uuid"),
        short_uuid: str_of(v, "shortUUID"),
        display_name: str_of(v, "displayName"),
        description: opt_str(v, "description"),
        privacy: NumericLabel {
            id: Some(1),
            label: String::new(),
        },
        videos_length: count(v, "videosLength"),
        kind: NumericLabel {
            id: Some(1),
            label: String::new(),
        },
        thumbnail_path: opt_str(v, "thumbnailPath"),
        thumbnail_url: None,
        thumbnails: thumbnails(v),
        embed_path: str_of(v, "embedPath"),
        embed_url: String::new(),
        url: str_of(v, "url"),
        created_at: required_time(v, "createdAt")?,
        updated_at: opt_time(v, "updatedAt"),
        is_local: false,
        owner_account: owner,
        video_channel,
        video_channel_position: opt_count(v, "videoChannelPosition"),
    };
    out.normalize()?;
    if out.host != host || out.owner_account.host != host {
        return Err(Reject::Remote("host changed while normalising".into()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const HOST: &str = "127.0.0.1:4001";

    fn actor(host: &str) -> Value {
        json!({"id": 3, "name": "alice", "displayName": "Alice", "host": host,
               "url": format!("http://{host}/a/alice"),
               "avatars": [{"width": 48, "path": "/lazy-static/avatars/a.png", "fileUrl": format!("http://{host}/lazy-static/avatars/a.png")}]})
    }

    fn item() -> Value {
        json!({
            "id": 12, "uuid": "9c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f", "shortUUID": "kkGMgK9ZtnKfYAgnEtQxbv",
            "name": "Hello", "truncatedDescription": "short", "description": "short",
            "duration": 61, "views": 5, "likes": 1, "dislikes": 0, "isLive": false, "nsfw": false, "isLocal": true,
            "createdAt": "2024-01-01T00:00:00.000Z", "publishedAt": "2024-01-02T00:00:00.000Z",
            "updatedAt": "2024-01-03T00:00:00.000Z", "originallyPublishedAt": null,
            "category": {"id": 15, "label": "Science & Technology"}, "licence": {"id": 1, "label": "Attribution"},
            "language": {"id": "fr", "label": "French"}, "privacy": {"id": 1, "label": "Public"},
            "thumbnailPath": "/lazy-static/thumbnails/x.jpg", "previewPath": "/lazy-static/previews/x.jpg",
            "embedPath": "/videos/embed/9c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f",
            "url": format!("http://{HOST}/videos/watch/9c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f"),
            "account": actor(HOST), "channel": actor(HOST)
        })
    }

    #[test]
    fn list_items_map_to_videos() {
        let v = video(&item(), HOST).unwrap();
        assert_eq!(v.host, HOST);
        assert_eq!(v.name, "Hello");
        assert!(v.tags.is_empty());
        assert_eq!(v.category.label, "Science & Technology");
        assert_eq!(v.language.id.as_deref(), Some("fr"));
        assert_eq!(v.duration, 61);
        assert_eq!(
            v.thumbnail_url.as_deref(),
            Some("http://127.0.0.1:4001/lazy-static/thumbnails/x.jpg")
        );
        assert_eq!(
            v.updated_at().millis(),
            Timestamp::parse("2024-01-03T00:00:00Z").unwrap().millis()
        );
        let mut d = item();
        d["tags"] = json!(["rust", 7, "<b>peertube</b>"]);
        let v = video(&d, HOST).unwrap();
        assert_eq!(v.tags.len(), 2);
    }

    #[test]
    fn remote_and_private_videos_are_refused() {
        let mut d = item();
        d["account"] = actor("127.0.0.1:4002");
        assert!(matches!(video(&d, HOST), Err(Reject::Remote(_))));
        let mut d = item();
        d["channel"]["host"] = json!("127.0.0.1:4002");
        assert!(matches!(video(&d, HOST), Err(Reject::Remote(_))));
        let mut d = item();
        d["privacy"] = json!({"id": 2, "label": "Unlisted"});
        assert_eq!(video(&d, HOST), Err(Reject::NotPublic));
        let mut d = item();
        d["isLocal"] = json!(false);
        assert!(video(&d, HOST).is_err());
    }

    #[test]
    fn hostile_values_are_refused_or_clamped() {
        for (k, bad) in [
            ("url", json!("javascript:alert(1)")),
            ("url", json!("http://127.0.0.1:9999/videos/watch/x")),
            ("thumbnailPath", json!("//127.0.0.1:9999/x.jpg")),
            ("embedPath", json!("javascript:alert(1)")),
            ("uuid", json!("<script>")),
            ("createdAt", json!("+99999-12-31T23:59:59.999Z")),
            ("publishedAt", json!("2024-13-45T99:99:99Z")),
            ("publishedAt", json!("not a date")),
            ("name", json!(42)),
        ] {
            let mut d = item();
            d[k] = bad.clone();
            assert!(video(&d, HOST).is_err(), "{k}={bad} accepted");
        }
        let mut d = item();
        d["account"]["avatars"][0]["path"] = json!("javascript:alert(1)");
        assert!(video(&d, HOST).is_err());
        let mut d = item();
        d["id"] = json!(18446744073709551615u64);
        d["duration"] = json!(-3600);
        d["views"] = json!(1e300);
        d["likes"] = json!(i64::MIN);
        let v = video(&d, HOST).unwrap();
        assert_eq!((v.id, v.duration, v.views, v.likes), (0, 0, 0, 0));
        let mut d = item();
        d["name"] = json!("<script>alert(1)</script>\u{202E}Hi\u{0}");
        d["description"] = json!("x".repeat(1 << 20));
        let v = video(&d, HOST).unwrap();
        assert!(!v.name.contains('\u{202E}') && !v.name.contains('\u{0}'));
        assert!(
            v.description.unwrap().chars().count() <= sepiola_model::limits::MAX_DESCRIPTION_CHARS
        );
        assert!(video(&json!("nope"), HOST).is_err());
    }

    /// An 8.x-style item: the `thumbnails` array and no legacy paths,
    /// NSFW flags, a region in the language label.
    fn item_8x() -> Value {
        let mut d = item();
        let o = d.as_object_mut().unwrap();
        o.remove("thumbnailPath");
        o.remove("previewPath");
        o.insert("thumbnails".into(), json!([
            {"width": 1280, "height": 720, "aspectRatio": "16:9", "fileUrl": format!("http://{HOST}/lazy-static/thumbnails/big.jpg")},
            {"width": 560, "height": 315, "aspectRatio": "16:9", "fileUrl": format!("http://{HOST}/lazy-static/thumbnails/small.jpg")}
        ]));
        o.insert("nsfw".into(), json!(true));
        o.insert("nsfwFlags".into(), json!(1));
        o.insert("nsfwSummary".into(), json!("Blood \u{202E}and fights"));
        o.insert(
            "language".into(),
            json!({"id": "es", "label": "Spanish (Spain)"}),
        );
        o.insert("downloads".into(), json!(12));
        d
    }

    #[test]
    fn both_thumbnail_shapes_give_both_shapes() {
        // 6.3: legacy paths only, the array is built from them.
        let v = video(&item(), HOST).unwrap();
        let urls: Vec<&str> = v.thumbnails.iter().map(|t| t.file_url.as_str()).collect();
        assert_eq!(
            urls,
            vec![
                "http://127.0.0.1:4001/lazy-static/thumbnails/x.jpg",
                "http://127.0.0.1:4001/lazy-static/previews/x.jpg"
            ]
        );
        assert_eq!(
            (v.nsfw_flags, v.nsfw_summary.as_deref(), v.downloads),
            (0, None, None)
        );
        assert_eq!(v.language.label, "French");
        // 8.x: the array only, the legacy fields are taken from it.
        let v = video(&item_8x(), HOST).unwrap();
        assert_eq!(v.thumbnails.len(), 2);
        assert_eq!(v.thumbnails[0].width, 560);
        assert_eq!(
            v.thumbnail_path.as_deref(),
            Some("/lazy-static/thumbnails/small.jpg")
        );
        assert_eq!(
            v.preview_url.as_deref(),
            Some("http://127.0.0.1:4001/lazy-static/thumbnails/big.jpg")
        );
        assert_eq!(v.nsfw_flags, sepiola_model::nsfw::VIOLENT);
        assert_eq!(v.nsfw_summary.as_deref(), Some("Blood and fights"));
        assert_eq!(v.language.id.as_deref(), Some("es"));
        assert_eq!(v.language.label, "Spanish (Spain)");
        assert_eq!(v.downloads, Some(12));
        // Both: the instance's array wins, its legacy paths are kept.
        let mut d = item_8x();
        d["thumbnailPath"] = json!("/lazy-static/thumbnails/x.jpg");
        let v = video(&d, HOST).unwrap();
        assert_eq!(
            v.thumbnail_path.as_deref(),
            Some("/lazy-static/thumbnails/x.jpg")
        );
        assert_eq!(v.thumbnails.len(), 2);
    }

    #[test]
    fn hostile_thumbnails_and_flags() {
        for bad in [
            json!("http://127.0.0.1:9999/x.jpg"),
            json!("//127.0.0.1:9999/x.jpg"),
            json!("javascript:alert(1)"),
        ] {
            let mut d = item_8x();
            d["thumbnails"][0]["fileUrl"] = bad.clone();
            assert!(video(&d, HOST).is_err(), "{bad} accepted");
        }
        let mut d = item_8x();
        d["thumbnails"][0]["width"] = json!(1e300);
        d["thumbnails"][1]["height"] = json!(4_000_000);
        d["thumbnails"].as_array_mut().unwrap().push(json!("nope"));
        let v = video(&d, HOST).unwrap();
        assert!(v.thumbnails.is_empty(), "{:?}", v.thumbnails);
        assert!(v.thumbnail_path.is_none());
        for (flags, want) in [
            (json!(-1), 0),
            (json!(7), 3),
            (json!(1.5), 0),
            (json!("1"), 0),
        ] {
            let mut d = item_8x();
            d["nsfwFlags"] = flags.clone();
            assert_eq!(video(&d, HOST).unwrap().nsfw_flags, want, "{flags}");
        }
        let mut d = item_8x();
        d["language"]["label"] = json!("");
        assert_eq!(video(&d, HOST).unwrap().language.label, "Spanish");
    }

    #[test]
    fn pages_are_read_leniently() {
        let p = list_page(json!({"total": 3, "data": [1, 2, 3]})).unwrap();
        assert_eq!((p.total, p.items.len()), (Some(3), 3));
        let p = list_page(json!({"total": "many", "data": []})).unwrap();
        assert_eq!(p.total, None);
        assert!(list_page(json!({"total": 1, "data": {"a": 1}})).is_err());
        assert!(list_page(json!([1])).is_err());
        let big: Vec<Value> = (0..500).map(|i| json!(i)).collect();
        assert_eq!(
            list_page(json!({"data": big})).unwrap().items.len(),
            MAX_PAGE_ITEMS
        );
    }

    fn channel_json(host: &str) -> Value {
        json!({"id": 4, "name": "alice_channel", "host": host, "displayName": "Alice's",
               "url": format!("http://{host}/video-channels/alice_channel"),
               "description": "d", "support": null, "followersCount": 3, "followingCount": 0,
               "createdAt": "2023-01-01T00:00:00.000Z", "updatedAt": "2023-02-01T00:00:00.000Z",
               "avatars": [], "banners": [], "ownerAccount": actor(host)})
    }

    #[test]
    fn channels_must_be_local() {
        let c = channel(&channel_json(HOST), HOST).unwrap();
        assert_eq!(c.key().as_str(), format!("{HOST} alice_channel"));
        assert_eq!((c.videos_count, c.host_redundancy_allowed), (None, None));
        let mut j = channel_json(HOST);
        j["videosCount"] = json!(17);
        j["hostRedundancyAllowed"] = json!(true);
        let c = channel(&j, HOST).unwrap();
        assert_eq!(
            (c.videos_count, c.host_redundancy_allowed),
            (Some(17), Some(true))
        );
        assert!(matches!(
            channel(&channel_json("127.0.0.1:4002"), HOST),
            Err(Reject::Remote(_))
        ));
        let mut c = channel_json(HOST);
        c["ownerAccount"]["host"] = json!("evil.example");
        assert!(channel(&c, HOST).is_err());
    }

    #[test]
    fn playlists_must_be_public_regular_and_local() {
        let p = json!({"id": 5, "uuid": "1c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f", "shortUUID": "abc",
            "displayName": "Mix", "privacy": {"id": 1, "label": "Public"}, "videosLength": 4,
            "type": {"id": 1, "label": "Regular"}, "url": format!("http://{HOST}/w/p/abc"),
            "createdAt": "2023-01-01T00:00:00.000Z", "ownerAccount": actor(HOST), "videoChannel": actor(HOST)});
        let out = playlist(&p, HOST).unwrap();
        assert_eq!(out.videos_length, 4);
        assert!(out.thumbnails.is_empty() && out.video_channel_position.is_none());
        let mut q = p.clone();
        q["thumbnailPath"] = json!("/lazy-static/thumbnails/p.jpg");
        let out = playlist(&q, HOST).unwrap();
        assert_eq!(
            out.thumbnails[0].file_url,
            "http://127.0.0.1:4001/lazy-static/thumbnails/p.jpg"
        );
        let mut q = p.clone();
        q["thumbnails"] = json!([{"width": 560, "height": 315, "fileUrl": format!("http://{HOST}/lazy-static/thumbnails/q.jpg")}]);
        q["videoChannelPosition"] = json!(3);
        let out = playlist(&q, HOST).unwrap();
        assert_eq!(
            out.thumbnail_path.as_deref(),
            Some("/lazy-static/thumbnails/q.jpg")
        );
        assert_eq!(out.video_channel_position, Some(3));
        q["thumbnails"][0]["fileUrl"] = json!("http://evil.example/q.jpg");
        assert!(playlist(&q, HOST).is_err());
        let mut q = p.clone();
        q["privacy"] = json!({"id": 3, "label": "Private"});
        assert_eq!(playlist(&q, HOST), Err(Reject::NotPublic));
        let mut q = p.clone();
        q["type"] = json!({"id": 2, "label": "Watch later"});
        assert_eq!(playlist(&q, HOST), Err(Reject::NotPublic));
        let mut q = p;
        q["ownerAccount"]["host"] = json!("127.0.0.1:4002");
        assert!(matches!(playlist(&q, HOST), Err(Reject::Remote(_))));
    }
}
