//! The PeerTube 6.x REST endpoints one instance answers (the ones a crawler uses), and the
//! per-instance router (which also wires hostile behaviours in).

// Handlers bail out early with a ready-made `Response`; boxing it would buy nothing here.
#![allow(clippy::result_large_err)]

use crate::content::{self, Origin, Video};
use crate::hostile::{self, HostileKind};
use crate::images;
use crate::render::Renderer;
use crate::request_log::{LogTarget, log_requests};
use crate::short_uuid;
use crate::sim::{Instance, Sim};
use crate::words::Lang;
use axum::Router;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Arc;

/// The state of one instance's handlers.
#[derive(Clone)]
pub struct Ctx {
    /// The federation.
    pub sim: Arc<Sim>,
    /// This instance.
    pub inst: Arc<Instance>,
}

type Params = Query<HashMap<String, String>>;

/// Builds the router of one instance (healthy, content-hostile or blanket-hostile).
pub fn router(sim: Arc<Sim>, inst: Arc<Instance>, target: LogTarget) -> Router {
    let kind = inst.hostile;
    let ctx = Ctx { sim, inst };
    let router = match kind {
        Some(k) if k.is_blanket() => Router::new().fallback(blanket).with_state(ctx),
        _ => Router::new()
            .route("/api/v1/config", get(config))
            .route("/api/v1/config/about", get(about))
            .route("/api/v1/videos", get(list_videos))
            .route("/api/v1/videos/{id}", get(video_details))
            .route("/api/v1/videos/{id}/description", get(video_description))
            .route("/api/v1/video-channels", get(list_channels))
            .route("/api/v1/video-channels/{name}", get(channel_details))
            .route("/api/v1/video-channels/{name}/videos", get(channel_videos))
            .route(
                "/api/v1/video-channels/{name}/video-playlists",
                get(channel_playlists),
            )
            .route("/api/v1/video-playlists", get(list_playlists))
            .route("/api/v1/video-playlists/{id}", get(playlist_details))
            .route("/api/v1/accounts/{name}", get(account_details))
            .route("/api/v1/accounts/{name}/videos", get(account_videos))
            .route("/.well-known/nodeinfo", get(nodeinfo_links))
            .route("/nodeinfo/2.0.json", get(nodeinfo))
            .route("/lazy-static/thumbnails/{file}", get(thumbnail))
            .route("/lazy-static/previews/{file}", get(thumbnail))
            .route("/lazy-static/avatars/{file}", get(avatar))
            .fallback(not_found)
            .with_state(ctx),
    };
    router.layer(axum::middleware::from_fn_with_state(target, log_requests))
}

async fn blanket(State(ctx): State<Ctx>, OriginalUri(uri): OriginalUri) -> Response {
    let pq = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    match ctx.inst.hostile {
        Some(kind) => hostile::blanket_response(kind, pq, &ctx.sim.decoy.host),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// An RFC 7807 problem, as PeerTube answers errors.
pub fn problem(status: StatusCode, detail: &str, param: Option<(&str, &str)>) -> Response {
    let mut body = json!({
        "type": "about:blank",
        "title": status.canonical_reason().unwrap_or("Error"),
        "status": status.as_u16(),
        "detail": detail,
        "docs": "https://docs.joinpeertube.org/api-rest-reference.html",
        "error": detail,
    });
    if let (Some((name, value)), Value::Object(m)) = (param, &mut body) {
        m.insert(
            "invalid-params".into(),
            json!({ name: {"location": "query", "msg": detail, "param": name, "value": value} }),
        );
    }
    (
        status,
        [(
            header::CONTENT_TYPE,
            "application/problem+json; charset=utf-8",
        )],
        body.to_string(),
    )
        .into_response()
}

fn send(ctx: &Ctx, mut doc: Value) -> Response {
    if let Some(kind) = ctx.inst.hostile {
        hostile::mutate(kind, &mut doc, &ctx.sim.decoy.host);
    }
    axum::Json(doc).into_response()
}

async fn not_found() -> Response {
    problem(StatusCode::NOT_FOUND, "Not found", None)
}

struct Page {
    start: usize,
    count: usize,
}

fn page(q: &HashMap<String, String>, default_count: usize) -> Result<Page, Response> {
    let parse = |name: &str, default: usize| -> Result<usize, Response> {
        match q.get(name) {
            None => Ok(default),
            Some(v) => v.parse::<usize>().map_err(|_| {
                problem(
                    StatusCode::BAD_REQUEST,
                    &format!("Should have a number {name}"),
                    Some((name, v)),
                )
            }),
        }
    };
    let start = parse("start", 0)?;
    let count = parse("count", default_count)?;
    if count > 100 {
        let v = q.get("count").map(String::as_str).unwrap_or("");
        return Err(problem(
            StatusCode::BAD_REQUEST,
            "Should have a number count (max: 100)",
            Some(("count", v)),
        ));
    }
    Ok(Page { start, count })
}

fn paginate(items: Vec<Value>, p: &Page) -> Value {
    let total = items.len();
    let data: Vec<Value> = items.into_iter().skip(p.start).take(p.count).collect();
    json!({"total": total, "data": data})
}

fn bool_param(q: &HashMap<String, String>, name: &str) -> Result<Option<bool>, Response> {
    match q.get(name).map(String::as_str) {
        None => Ok(None),
        Some("true") | Some("1") => Ok(Some(true)),
        Some("false") | Some("0") => Ok(Some(false)),
        Some(v) => Err(problem(
            StatusCode::BAD_REQUEST,
            &format!("Should have a valid {name} boolean"),
            Some((name, v)),
        )),
    }
}

const VIDEO_SORTS: [&str; 10] = [
    "name",
    "duration",
    "createdAt",
    "publishedAt",
    "originallyPublishedAt",
    "updatedAt",
    "views",
    "likes",
    "trending",
    "hot",
];

fn sort_videos(videos: &mut [&Video], sort: Option<&str>) -> Result<(), Response> {
    let sort = sort.unwrap_or("-publishedAt");
    let (desc, key) = match sort.strip_prefix('-') {
        Some(k) => (true, k),
        None => (false, sort),
    };
    if !VIDEO_SORTS.contains(&key) && key != "best" {
        return Err(problem(
            StatusCode::BAD_REQUEST,
            "Should have correct sortable column",
            Some(("sort", sort)),
        ));
    }
    videos.sort_by(|a, b| {
        let ord = match key {
            "name" => a.name.cmp(&b.name),
            "duration" => a.duration.cmp(&b.duration),
            "createdAt" => a.created_at.cmp(&b.created_at),
            "updatedAt" => a.updated_at.cmp(&b.updated_at),
            "originallyPublishedAt" => a
                .originally_published_at
                .unwrap_or(a.published_at)
                .cmp(&b.originally_published_at.unwrap_or(b.published_at)),
            "views" | "trending" | "hot" | "best" => a.views.cmp(&b.views),
            "likes" => a.likes.cmp(&b.likes),
            _ => a.published_at.cmp(&b.published_at),
        };
        let ord = ord.then(a.id.cmp(&b.id));
        if desc { ord.reverse() } else { ord }
    });
    Ok(())
}

/// Filters and sorts videos by the common list parameters; `keep` selects the candidates.
fn filtered_videos(
    ctx: &Ctx,
    q: &HashMap<String, String>,
    keep: &dyn Fn(&Video) -> bool,
) -> Result<Value, Response> {
    if let Some(v) = q.get("filter") {
        return Err(problem(
            StatusCode::BAD_REQUEST,
            "filter parameter is no longer supported, use isLocal instead",
            Some(("filter", v)),
        ));
    }
    let p = page(q, 15)?;
    let is_local = bool_param(q, "isLocal")?;
    let nsfw = match q.get("nsfw").map(String::as_str) {
        None => None,
        Some("both") => Some(None),
        Some("true") => Some(Some(true)),
        Some("false") => Some(Some(false)),
        Some(v) => {
            return Err(problem(
                StatusCode::BAD_REQUEST,
                "Should have a valid NSFW attribute",
                Some(("nsfw", v)),
            ));
        }
    };
    let c = ctx.inst.read();
    // Anonymous listing follows the instance policy when nsfw is not given.
    let nsfw = nsfw.unwrap_or(if c.is_nsfw { None } else { Some(false) });
    let mut videos: Vec<&Video> = c
        .videos
        .iter()
        .filter(|v| keep(v))
        .filter(|v| is_local.is_none_or(|l| v.origin.is_local() == l))
        .filter(|v| nsfw.is_none_or(|n| v.nsfw == n))
        .collect();
    sort_videos(&mut videos, q.get("sort").map(String::as_str))?;
    let r = Renderer {
        sim: &ctx.sim,
        inst: &ctx.inst,
        content: &c,
    };
    let total = videos.len();
    let data: Vec<Value> = videos
        .iter()
        .skip(p.start)
        .take(p.count)
        .map(|v| r.video_item(v))
        .collect();
    Ok(json!({"total": total, "data": data}))
}

async fn list_videos(State(ctx): State<Ctx>, Query(q): Params) -> Response {
    if ctx.inst.hostile == Some(HostileKind::Endless) {
        return endless_videos(&ctx, &q);
    }
    match filtered_videos(&ctx, &q, &|_| true) {
        Ok(doc) => send(&ctx, doc),
        Err(e) => e,
    }
}

/// `endless`: every page is full and the total always lies ahead.
fn endless_videos(ctx: &Ctx, q: &HashMap<String, String>) -> Response {
    let p = match page(q, 15) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let c = ctx.inst.read();
    let main = c
        .languages
        .first()
        .and_then(|l| Lang::from_code(l))
        .unwrap_or(Lang::En);
    let r = Renderer {
        sim: &ctx.sim,
        inst: &ctx.inst,
        content: &c,
    };
    let data: Vec<Value> = (p.start..p.start + p.count)
        .map(|pos| {
            let mut rng = content::instance_rng(ctx.sim.config.seed ^ 0xE4D1_E55E, pos as u64);
            let v = content::make_video(
                &mut rng,
                main,
                pos as u64 + 1_000_000,
                0,
                &c,
                content::reference_now(),
            );
            r.video_item(&v)
        })
        .collect();
    json!({"total": p.start + p.count + 1000, "data": data})
        .to_string()
        .into_response_json()
}

trait IntoJsonResponse {
    fn into_response_json(self) -> Response;
}

impl IntoJsonResponse for String {
    fn into_response_json(self) -> Response {
        (
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            self,
        )
            .into_response()
    }
}

fn find_video<'a>(c: &'a content::InstanceContent, id: &str) -> Option<&'a Video> {
    if let Ok(n) = id.parse::<u64>() {
        return c.videos.iter().find(|v| v.id == n);
    }
    let uuid = uuid::Uuid::parse_str(id)
        .ok()
        .or_else(|| short_uuid::decode(id))?;
    c.videos.iter().find(|v| v.uuid == uuid)
}

async fn video_details(State(ctx): State<Ctx>, Path(id): Path<String>) -> Response {
    let doc = {
        let c = ctx.inst.read();
        let Some(v) = find_video(&c, &id) else {
            return problem(StatusCode::NOT_FOUND, "Video not found", None);
        };
        Renderer {
            sim: &ctx.sim,
            inst: &ctx.inst,
            content: &c,
        }
        .video_details(v)
    };
    send(&ctx, doc)
}

async fn video_description(State(ctx): State<Ctx>, Path(id): Path<String>) -> Response {
    let doc = {
        let c = ctx.inst.read();
        let Some(v) = find_video(&c, &id) else {
            return problem(StatusCode::NOT_FOUND, "Video not found", None);
        };
        json!({"description": v.description})
    };
    send(&ctx, doc)
}

/// Finds a channel by `name` or `name@host`.
fn find_channel(ctx: &Ctx, c: &content::InstanceContent, handle: &str) -> Option<usize> {
    let (name, host) = match handle.split_once('@') {
        Some((n, h)) => (n, Some(h)),
        None => (handle, None),
    };
    c.channels.iter().position(|ch| {
        ch.as_ref().is_some_and(|ch| {
            ch.name == name
                && match host {
                    None => ch.origin.is_local(),
                    Some(h) => ctx.sim.origin_host(&ctx.inst, ch.origin) == h,
                }
        })
    })
}

fn find_account(ctx: &Ctx, c: &content::InstanceContent, handle: &str) -> Option<usize> {
    let (name, host) = match handle.split_once('@') {
        Some((n, h)) => (n, Some(h)),
        None => (handle, None),
    };
    c.accounts.iter().position(|a| {
        a.name == name
            && match host {
                None => a.origin.is_local(),
                Some(h) => ctx.sim.origin_host(&ctx.inst, a.origin) == h,
            }
    })
}

async fn list_channels(State(ctx): State<Ctx>, Query(q): Params) -> Response {
    let p = match page(&q, 15) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let doc = {
        let c = ctx.inst.read();
        let r = Renderer {
            sim: &ctx.sim,
            inst: &ctx.inst,
            content: &c,
        };
        let mut idx: Vec<usize> = (0..c.channels.len())
            .filter(|i| c.channels[*i].is_some())
            .collect();
        let sort = q.get("sort").map(String::as_str).unwrap_or("-createdAt");
        let key = |i: &usize| c.channels[*i].as_ref().map(|ch| (ch.created_at, ch.id));
        match sort {
            "createdAt" => idx.sort_by_key(key),
            "-createdAt" => idx.sort_by_key(|i| std::cmp::Reverse(key(i))),
            "name" | "-name" => {
                idx.sort_by_key(|i| c.channels[*i].as_ref().map(|ch| ch.name.clone()));
                if sort.starts_with('-') {
                    idx.reverse();
                }
            }
            other => {
                return problem(
                    StatusCode::BAD_REQUEST,
                    "Should have correct sortable column",
                    Some(("sort", other)),
                );
            }
        }
        paginate(idx.into_iter().map(|i| r.channel_full(i)).collect(), &p)
    };
    send(&ctx, doc)
}

async fn channel_details(State(ctx): State<Ctx>, Path(name): Path<String>) -> Response {
    let doc = {
        let c = ctx.inst.read();
        let Some(i) = find_channel(&ctx, &c, &name) else {
            return problem(StatusCode::NOT_FOUND, "Video channel not found", None);
        };
        Renderer {
            sim: &ctx.sim,
            inst: &ctx.inst,
            content: &c,
        }
        .channel_full(i)
    };
    send(&ctx, doc)
}

async fn channel_videos(
    State(ctx): State<Ctx>,
    Path(name): Path<String>,
    Query(q): Params,
) -> Response {
    let Some(i) = find_channel(&ctx, &ctx.inst.read(), &name) else {
        return problem(StatusCode::NOT_FOUND, "Video channel not found", None);
    };
    match filtered_videos(&ctx, &q, &|v| v.channel == i) {
        Ok(doc) => send(&ctx, doc),
        Err(e) => e,
    }
}

async fn account_videos(
    State(ctx): State<Ctx>,
    Path(name): Path<String>,
    Query(q): Params,
) -> Response {
    let (account, channels) = {
        let c = ctx.inst.read();
        let Some(a) = find_account(&ctx, &c, &name) else {
            return problem(StatusCode::NOT_FOUND, "Account not found", None);
        };
        let chans: Vec<usize> = (0..c.channels.len())
            .filter(|i| c.channels[*i].as_ref().is_some_and(|ch| ch.account == a))
            .collect();
        (a, chans)
    };
    let _ = account;
    match filtered_videos(&ctx, &q, &|v| channels.contains(&v.channel)) {
        Ok(doc) => send(&ctx, doc),
        Err(e) => e,
    }
}

async fn channel_playlists(
    State(ctx): State<Ctx>,
    Path(name): Path<String>,
    Query(q): Params,
) -> Response {
    let p = match page(&q, 15) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let doc = {
        let c = ctx.inst.read();
        let Some(i) = find_channel(&ctx, &c, &name) else {
            return problem(StatusCode::NOT_FOUND, "Video channel not found", None);
        };
        let r = Renderer {
            sim: &ctx.sim,
            inst: &ctx.inst,
            content: &c,
        };
        paginate(
            c.playlists
                .iter()
                .filter(|pl| pl.channel == i)
                .map(|pl| r.playlist(pl))
                .collect(),
            &p,
        )
    };
    send(&ctx, doc)
}

async fn list_playlists(State(ctx): State<Ctx>, Query(q): Params) -> Response {
    let p = match page(&q, 15) {
        Ok(p) => p,
        Err(e) => return e,
    };
    let kind = match q.get("playlistType").map(String::as_str) {
        None => None,
        Some("1") => Some(1u8),
        Some("2") => Some(2u8),
        Some(v) => {
            return problem(
                StatusCode::BAD_REQUEST,
                "Should have a valid playlist type",
                Some(("playlistType", v)),
            );
        }
    };
    let doc = {
        let c = ctx.inst.read();
        let r = Renderer {
            sim: &ctx.sim,
            inst: &ctx.inst,
            content: &c,
        };
        let items = c
            .playlists
            .iter()
            .filter(|pl| kind.is_none_or(|k| pl.kind == k) && pl.privacy == 1)
            .map(|pl| r.playlist(pl))
            .collect();
        paginate(items, &p)
    };
    send(&ctx, doc)
}

async fn playlist_details(State(ctx): State<Ctx>, Path(id): Path<String>) -> Response {
    let doc = {
        let c = ctx.inst.read();
        let uuid = uuid::Uuid::parse_str(&id)
            .ok()
            .or_else(|| short_uuid::decode(&id));
        let n = id.parse::<u64>().ok();
        let Some(pl) = c
            .playlists
            .iter()
            .find(|pl| Some(pl.id) == n || Some(pl.uuid) == uuid)
        else {
            return problem(StatusCode::NOT_FOUND, "Video playlist not found", None);
        };
        Renderer {
            sim: &ctx.sim,
            inst: &ctx.inst,
            content: &c,
        }
        .playlist(pl)
    };
    send(&ctx, doc)
}

async fn account_details(State(ctx): State<Ctx>, Path(name): Path<String>) -> Response {
    let doc = {
        let c = ctx.inst.read();
        let Some(i) = find_account(&ctx, &c, &name) else {
            return problem(StatusCode::NOT_FOUND, "Account not found", None);
        };
        Renderer {
            sim: &ctx.sim,
            inst: &ctx.inst,
            content: &c,
        }
        .account_full(i)
    };
    send(&ctx, doc)
}

async fn config(State(ctx): State<Ctx>) -> Response {
    let doc = {
        let c = ctx.inst.read();
        let mut categories: Vec<u8> = c.videos.iter().filter_map(|v| v.category).collect();
        categories.sort_unstable();
        categories.dedup();
        categories.truncate(5);
        json!({
            "instance": {
                "name": c.name,
                "shortDescription": c.short_description,
                "isNSFW": c.is_nsfw,
                "defaultNSFWPolicy": if c.is_nsfw { "display" } else { "do_not_list" },
                "defaultClientRoute": "/videos/trending",
                "languages": c.languages,
                "categories": categories,
                "customizations": {"javascript": "", "css": ""},
            },
            "serverVersion": ctx.inst.version.server_version(),
            "serverCommit": null,
            "search": {
                "remoteUri": {"users": true, "anonymous": false},
                "searchIndex": {"enabled": false, "url": "", "disableLocalSearch": false, "isDefaultSearch": false},
            },
            "signup": {"allowed": false, "allowedForCurrentIP": false, "requiresEmailVerification": false},
            "federation": {"enabled": true},
            "followings": {"instance": {"autoFollowIndex": {"indexUrl": "https://instances.joinpeertube.org/api/v1/instances/hosts"}}},
            "video": {"image": {"extensions": [".png", ".jpg", ".jpeg", ".webp"]}},
        })
    };
    send(&ctx, doc)
}

async fn about(State(ctx): State<Ctx>) -> Response {
    let doc = {
        let c = ctx.inst.read();
        json!({
            "instance": {
                "name": c.name,
                "shortDescription": c.short_description,
                "description": c.short_description,
                "terms": "",
                "languages": c.languages,
                "categories": [],
                "avatars": [],
                "banners": [],
            }
        })
    };
    send(&ctx, doc)
}

async fn nodeinfo_links(State(ctx): State<Ctx>) -> Response {
    axum::Json(json!({"links": [{
        "rel": "http://nodeinfo.diaspora.software/ns/schema/2.0",
        "href": format!("{}/nodeinfo/2.0.json", ctx.inst.base_url),
    }]}))
    .into_response()
}

async fn nodeinfo(State(ctx): State<Ctx>) -> Response {
    let c = ctx.inst.read();
    let local = c
        .videos
        .iter()
        .filter(|v| v.origin == Origin::Local)
        .count();
    let users = c.accounts.iter().filter(|a| a.origin.is_local()).count();
    axum::Json(json!({
        "version": "2.0",
        "software": {"name": "peertube", "version": ctx.inst.version.server_version()},
        "protocols": ["activitypub"],
        "services": {"inbound": [], "outbound": ["atom1.0", "rss2.0"]},
        "openRegistrations": false,
        "usage": {"users": {"total": users}, "localPosts": local},
        "metadata": {"nodeName": c.name, "nodeDescription": c.short_description},
    }))
    .into_response()
}

async fn thumbnail(Path(file): Path<String>) -> Response {
    if !file.ends_with(".jpg") {
        return StatusCode::NOT_FOUND.into_response();
    }
    (
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            (header::CACHE_CONTROL, "public, max-age=7200"),
        ],
        images::thumbnail_for(&file),
    )
        .into_response()
}

/// An avatar file; 404 for the old files of a local actor whose avatar was
/// changed (PeerTube deletes them), as for names that are not avatars.
async fn avatar(State(ctx): State<Ctx>, Path(file): Path<String>) -> Response {
    if is_replaced_avatar(&ctx.inst.read(), &file) {
        return StatusCode::NOT_FOUND.into_response();
    }
    match images::avatar_for(&file) {
        Some(bytes) => (
            [
                (header::CONTENT_TYPE, "image/png"),
                (header::CACHE_CONTROL, "public, max-age=7200"),
            ],
            bytes,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Whether `file` names an avatar of a local account or channel of this
/// instance other than its current one (an older variant or version).
fn is_replaced_avatar(c: &crate::content::InstanceContent, file: &str) -> bool {
    let Some(stem) = file.strip_suffix(".png") else {
        return false;
    };
    let mut parts = stem.split('-');
    let (Some(actor), Some(variant), Some(width)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let version = parts.next();
    let (Ok(variant), Ok(width)) = (variant.parse::<usize>(), width.parse::<u32>()) else {
        return false;
    };
    let current = |kind: &str, id: u64, cur: usize, ver: u32| {
        crate::render::avatar_file(kind, id, cur, ver, width)
            == crate::render::avatar_file(
                kind,
                id,
                variant,
                version
                    .and_then(|v| v.strip_prefix('v'))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0),
                width,
            )
    };
    if let Some(id) = actor
        .strip_prefix("account")
        .and_then(|i| i.parse::<u64>().ok())
    {
        return c
            .accounts
            .iter()
            .find(|a| a.id == id && a.origin.is_local())
            .is_some_and(|a| !current("account", id, a.avatar, a.avatar_version));
    }
    if let Some(id) = actor
        .strip_prefix("channel")
        .and_then(|i| i.parse::<u64>().ok())
    {
        return c
            .channels
            .iter()
            .flatten()
            .find(|ch| ch.id == id && ch.origin.is_local())
            .is_some_and(|ch| !current("channel", id, ch.avatar, ch.avatar_version));
    }
    false
}
