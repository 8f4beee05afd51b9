//! The control API (served by the directory listener): inspect the truth of an instance, add,
//! edit and delete videos and channels, rename accounts, change avatars (keeping `updatedAt`, as
//! PeerTube does), switch instances down/up, read and clear the request log.

// Handlers bail out early with a ready-made `Response`; boxing it would buy nothing here.
#![allow(clippy::result_large_err)]

use crate::content::{self, Channel, InstanceContent, Origin};
use crate::render::Renderer;
use crate::short_uuid;
use crate::sim::{Instance, Sim};
use crate::words::Lang;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post};
use chrono::{Duration, Utc};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;
use serde_json::{Value, json};
use std::sync::Arc;

/// Builds the `/control/...` routes.
pub fn router(sim: Arc<Sim>) -> Router {
    Router::new()
        .route("/control", get(instances))
        .route("/control/instances", get(instances))
        .route("/control/requests", get(requests).delete(clear_requests))
        .route(
            "/control/instances/{host}/videos",
            get(truth_videos).post(add_video),
        )
        .route(
            "/control/instances/{host}/videos/{id}",
            patch(edit_video).delete(delete_video).get(truth_video),
        )
        .route(
            "/control/instances/{host}/channels",
            get(truth_channels).post(add_channel),
        )
        .route(
            "/control/instances/{host}/channels/{name}",
            patch(edit_channel).delete(delete_channel),
        )
        .route(
            "/control/instances/{host}/channels/{name}/avatar",
            post(change_channel_avatar),
        )
        .route(
            "/control/instances/{host}/accounts/{name}",
            patch(edit_account),
        )
        .route(
            "/control/instances/{host}/accounts/{name}/avatar",
            post(change_account_avatar),
        )
        .route("/control/instances/{host}/playlists", get(truth_playlists))
        .route("/control/instances/{host}/down", post(set_down))
        .route("/control/instances/{host}/up", post(set_up))
        .with_state(sim)
}

fn error(status: StatusCode, msg: &str) -> Response {
    (status, axum::Json(json!({"error": msg}))).into_response()
}

fn instance(sim: &Sim, host: &str) -> Result<Arc<Instance>, Response> {
    sim.find(host)
        .cloned()
        .ok_or_else(|| error(StatusCode::NOT_FOUND, &format!("no instance {host}")))
}

async fn instances(State(sim): State<Arc<Sim>>) -> Response {
    let mut info = serde_json::to_value(crate::sim::startup_info(&sim)).unwrap_or(Value::Null);
    if let Some(list) = info.get_mut("instances").and_then(Value::as_array_mut) {
        for (item, inst) in list.iter_mut().zip(&sim.instances) {
            if let Value::Object(m) = item {
                m.insert("down".into(), json!(inst.is_down()));
                m.insert("videos".into(), json!(inst.read().videos.len()));
            }
        }
    }
    axum::Json(info).into_response()
}

#[derive(Deserialize)]
struct LogQuery {
    host: Option<String>,
    since: Option<u64>,
}

async fn requests(State(sim): State<Arc<Sim>>, Query(q): Query<LogQuery>) -> Response {
    let entries = sim.log.snapshot(q.host.as_deref(), q.since);
    axum::Json(json!({"total": entries.len(), "data": entries})).into_response()
}

async fn clear_requests(State(sim): State<Arc<Sim>>) -> Response {
    sim.log.clear();
    StatusCode::NO_CONTENT.into_response()
}

/// Every video of the instance (local and remote) as full details, unaltered by hostility.
async fn truth_videos(State(sim): State<Arc<Sim>>, Path(host): Path<String>) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let c = inst.read();
    let r = Renderer {
        sim: &sim,
        inst: &inst,
        content: &c,
    };
    let data: Vec<Value> = c.videos.iter().map(|v| r.video_details(v)).collect();
    axum::Json(json!({"total": data.len(), "data": data})).into_response()
}

async fn truth_video(
    State(sim): State<Arc<Sim>>,
    Path((host, id)): Path<(String, String)>,
) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let c = inst.read();
    let Some(pos) = video_position(&c, &id) else {
        return error(StatusCode::NOT_FOUND, "no such video");
    };
    let r = Renderer {
        sim: &sim,
        inst: &inst,
        content: &c,
    };
    axum::Json(r.video_details(&c.videos[pos])).into_response()
}

async fn truth_channels(State(sim): State<Arc<Sim>>, Path(host): Path<String>) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let c = inst.read();
    let r = Renderer {
        sim: &sim,
        inst: &inst,
        content: &c,
    };
    let data: Vec<Value> = (0..c.channels.len())
        .filter(|i| c.channels[*i].is_some())
        .map(|i| r.channel_full(i))
        .collect();
    axum::Json(json!({"total": data.len(), "data": data})).into_response()
}

async fn truth_playlists(State(sim): State<Arc<Sim>>, Path(host): Path<String>) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let c = inst.read();
    let r = Renderer {
        sim: &sim,
        inst: &inst,
        content: &c,
    };
    let data: Vec<Value> = c.playlists.iter().map(|p| r.playlist(p)).collect();
    axum::Json(json!({"total": data.len(), "data": data})).into_response()
}

fn video_position(c: &InstanceContent, id: &str) -> Option<usize> {
    if let Ok(n) = id.parse::<u64>() {
        return c.videos.iter().position(|v| v.id == n);
    }
    let uuid = uuid::Uuid::parse_str(id)
        .ok()
        .or_else(|| short_uuid::decode(id))?;
    c.videos.iter().position(|v| v.uuid == uuid)
}

fn local_channel(c: &InstanceContent, name: &str) -> Option<usize> {
    c.channels.iter().position(|ch| {
        ch.as_ref()
            .is_some_and(|ch| ch.name == name && ch.origin.is_local())
    })
}

/// Body of `POST …/videos` and `PATCH …/videos/{uuid}`: every field optional.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct VideoBody {
    name: Option<String>,
    description: Option<String>,
    tags: Option<Vec<String>>,
    channel: Option<String>,
    language: Option<String>,
    category: Option<u8>,
    licence: Option<u8>,
    nsfw: Option<bool>,
    nsfw_flags: Option<u8>,
    duration: Option<u64>,
    views: Option<u64>,
}

fn body_or_default<T: Default + for<'de> Deserialize<'de>>(body: &[u8]) -> Result<T, Response> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(body)
        .map_err(|e| error(StatusCode::BAD_REQUEST, &format!("invalid JSON body: {e}")))
}

fn next_rng(c: &mut InstanceContent) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(c.rng_state);
    c.rng_state = rng.random();
    rng
}

fn main_lang(c: &InstanceContent) -> Lang {
    c.languages
        .first()
        .and_then(|l| Lang::from_code(l))
        .unwrap_or(Lang::En)
}

fn apply_video(v: &mut content::Video, b: VideoBody) -> Result<(), Response> {
    if let Some(x) = b.name {
        v.name = x;
    }
    if let Some(x) = b.description {
        v.description = x;
    }
    if let Some(x) = b.tags {
        v.tags = x;
    }
    if let Some(l) = b.language {
        v.language = if l.is_empty() {
            None
        } else {
            Some(
                Lang::from_code(&l)
                    .ok_or_else(|| error(StatusCode::BAD_REQUEST, "unknown language"))?,
            )
        };
    }
    if let Some(x) = b.category {
        v.category = Some(x);
    }
    if let Some(x) = b.licence {
        v.licence = Some(x);
    }
    if let Some(x) = b.nsfw {
        v.nsfw = x;
    }
    if let Some(x) = b.nsfw_flags {
        v.nsfw_flags = x;
    }
    if let Some(x) = b.duration {
        v.duration = x;
    }
    if let Some(x) = b.views {
        v.views = x;
    }
    Ok(())
}

async fn add_video(
    State(sim): State<Arc<Sim>>,
    Path(host): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let b: VideoBody = match body_or_default(&body) {
        Ok(b) => b,
        Err(e) => return e,
    };
    let mut c = inst.write();
    let channel = match &b.channel {
        Some(name) => match local_channel(&c, name) {
            Some(i) => i,
            None => return error(StatusCode::NOT_FOUND, "no such local channel"),
        },
        None => match c
            .channels
            .iter()
            .position(|ch| ch.as_ref().is_some_and(|ch| ch.origin.is_local()))
        {
            Some(i) => i,
            None => return error(StatusCode::CONFLICT, "the instance has no local channel"),
        },
    };
    let mut rng = next_rng(&mut c);
    let id = c.next_ids.video;
    c.next_ids.video += 1;
    let now = Utc::now();
    let mut v = content::make_video(&mut rng, main_lang(&c), id, channel, &c, now);
    v.created_at = now;
    v.published_at = now;
    v.updated_at = now;
    v.originally_published_at = None;
    v.is_live = false;
    v.nsfw = false;
    v.nsfw_flags = 0;
    if v.duration == 0 {
        v.duration = 60;
    }
    if let Err(e) = apply_video(&mut v, b) {
        return e;
    }
    let out = json!({"id": v.id, "uuid": v.uuid.to_string(), "shortUUID": short_uuid::encode(&v.uuid), "name": v.name});
    c.videos.push(v);
    (StatusCode::CREATED, axum::Json(out)).into_response()
}

async fn edit_video(
    State(sim): State<Arc<Sim>>,
    Path((host, id)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let b: VideoBody = match body_or_default(&body) {
        Ok(b) => b,
        Err(e) => return e,
    };
    let doc = {
        let mut c = inst.write();
        let Some(pos) = video_position(&c, &id) else {
            return error(StatusCode::NOT_FOUND, "no such video");
        };
        let v = &mut c.videos[pos];
        if let Err(e) = apply_video(v, b) {
            return e;
        }
        v.updated_at = Utc::now().max(v.updated_at + Duration::milliseconds(1));
        let r = Renderer {
            sim: &sim,
            inst: &inst,
            content: &c,
        };
        r.video_details(&c.videos[pos])
    };
    axum::Json(doc).into_response()
}

async fn delete_video(
    State(sim): State<Arc<Sim>>,
    Path((host, id)): Path<(String, String)>,
) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let mut c = inst.write();
    match video_position(&c, &id) {
        Some(pos) => {
            c.videos.remove(pos);
            StatusCode::NO_CONTENT.into_response()
        }
        None => error(StatusCode::NOT_FOUND, "no such video"),
    }
}

/// Body of `POST …/channels` and `PATCH …/channels/{name}`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct ChannelBody {
    name: Option<String>,
    display_name: Option<String>,
    description: Option<String>,
    support: Option<String>,
    account: Option<String>,
}

async fn add_channel(
    State(sim): State<Arc<Sim>>,
    Path(host): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let b: ChannelBody = match body_or_default(&body) {
        Ok(b) => b,
        Err(e) => return e,
    };
    let mut c = inst.write();
    let account = match &b.account {
        Some(name) => c
            .accounts
            .iter()
            .position(|a| &a.name == name && a.origin.is_local()),
        None => c.accounts.iter().position(|a| a.origin.is_local()),
    };
    let Some(account) = account else {
        return error(StatusCode::NOT_FOUND, "no such local account");
    };
    let mut rng = next_rng(&mut c);
    let id = c.next_ids.channel;
    c.next_ids.channel += 1;
    let name = b
        .name
        .unwrap_or_else(|| format!("channel_{id}_{}", rng.random_range(1000..10000)));
    if local_channel(&c, &name).is_some() {
        return error(StatusCode::CONFLICT, "a channel with that name exists");
    }
    let lang = main_lang(&c);
    let mut t = content::TextGen::new(&mut rng);
    let now = Utc::now();
    let ch = Channel {
        id,
        name: name.clone(),
        display_name: b.display_name.unwrap_or_else(|| t.title(lang)),
        description: b.description.unwrap_or_else(|| t.sentence(lang)),
        support: b.support.unwrap_or_default(),
        account,
        avatar: 0,
        avatar_version: 0,
        followers: 0,
        created_at: now,
        updated_at: now,
        origin: Origin::Local,
    };
    c.channels.push(Some(ch));
    (
        StatusCode::CREATED,
        axum::Json(json!({"id": id, "name": name})),
    )
        .into_response()
}

async fn edit_channel(
    State(sim): State<Arc<Sim>>,
    Path((host, name)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let b: ChannelBody = match body_or_default(&body) {
        Ok(b) => b,
        Err(e) => return e,
    };
    let mut c = inst.write();
    let Some(pos) = local_channel(&c, &name) else {
        return error(StatusCode::NOT_FOUND, "no such local channel");
    };
    if let Some(ch) = c.channels[pos].as_mut() {
        if let Some(x) = b.display_name {
            ch.display_name = x;
        }
        if let Some(x) = b.description {
            ch.description = x;
        }
        if let Some(x) = b.support {
            ch.support = x;
        }
        ch.updated_at = Utc::now().max(ch.updated_at + Duration::milliseconds(1));
    }
    let r = Renderer {
        sim: &sim,
        inst: &inst,
        content: &c,
    };
    axum::Json(r.channel_full(pos)).into_response()
}

/// The next avatar of an actor: the next image variant, one more version
/// (new paths; the old files 404). Deterministic, and `updatedAt` is kept.
fn next_avatar(avatar: &mut usize, version: &mut u32) {
    *avatar = (*avatar + 1) % content::IMAGE_VARIANTS;
    *version += 1;
}

/// Gives a local channel a new avatar without touching its `updatedAt`
/// (PeerTube stores avatars apart and does not bump the channel).
async fn change_channel_avatar(
    State(sim): State<Arc<Sim>>,
    Path((host, name)): Path<(String, String)>,
) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let mut c = inst.write();
    let Some(pos) = local_channel(&c, &name) else {
        return error(StatusCode::NOT_FOUND, "no such local channel");
    };
    if let Some(ch) = c.channels[pos].as_mut() {
        next_avatar(&mut ch.avatar, &mut ch.avatar_version);
    }
    let r = Renderer {
        sim: &sim,
        inst: &inst,
        content: &c,
    };
    axum::Json(r.channel_full(pos)).into_response()
}

fn local_account(c: &InstanceContent, name: &str) -> Option<usize> {
    c.accounts
        .iter()
        .position(|a| a.name == name && a.origin.is_local())
}

/// Body of `PATCH …/accounts/{name}`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct AccountBody {
    display_name: Option<String>,
    description: Option<String>,
}

/// Renames a local account (display name, description): the account's
/// `updatedAt` is bumped, its channels' and videos' are not.
async fn edit_account(
    State(sim): State<Arc<Sim>>,
    Path((host, name)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let b: AccountBody = match body_or_default(&body) {
        Ok(b) => b,
        Err(e) => return e,
    };
    let mut c = inst.write();
    let Some(pos) = local_account(&c, &name) else {
        return error(StatusCode::NOT_FOUND, "no such local account");
    };
    if let Some(a) = c.accounts.get_mut(pos) {
        if let Some(x) = b.display_name {
            a.display_name = x;
        }
        if let Some(x) = b.description {
            a.description = x;
        }
        a.updated_at = Utc::now().max(a.updated_at + Duration::milliseconds(1));
    }
    let r = Renderer {
        sim: &sim,
        inst: &inst,
        content: &c,
    };
    axum::Json(r.account_full(pos)).into_response()
}

/// Gives a local account a new avatar without touching any `updatedAt`.
async fn change_account_avatar(
    State(sim): State<Arc<Sim>>,
    Path((host, name)): Path<(String, String)>,
) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let mut c = inst.write();
    let Some(pos) = local_account(&c, &name) else {
        return error(StatusCode::NOT_FOUND, "no such local account");
    };
    if let Some(a) = c.accounts.get_mut(pos) {
        next_avatar(&mut a.avatar, &mut a.avatar_version);
    }
    let r = Renderer {
        sim: &sim,
        inst: &inst,
        content: &c,
    };
    axum::Json(r.account_full(pos)).into_response()
}

/// Deletes a channel with its videos and playlists.
async fn delete_channel(
    State(sim): State<Arc<Sim>>,
    Path((host, name)): Path<(String, String)>,
) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let mut c = inst.write();
    let Some(pos) = local_channel(&c, &name) else {
        return error(StatusCode::NOT_FOUND, "no such local channel");
    };
    c.channels[pos] = None;
    c.videos.retain(|v| v.channel != pos);
    c.playlists.retain(|p| p.channel != pos);
    StatusCode::NO_CONTENT.into_response()
}

async fn set_down(State(sim): State<Arc<Sim>>, Path(host): Path<String>) -> Response {
    switch(&sim, &host, true)
}

async fn set_up(State(sim): State<Arc<Sim>>, Path(host): Path<String>) -> Response {
    switch(&sim, &host, false)
}

fn switch(sim: &Sim, host: &str, down: bool) -> Response {
    match instance(sim, host) {
        Ok(inst) => {
            inst.down.send_replace(down);
            axum::Json(json!({"host": inst.host, "down": down})).into_response()
        }
        Err(e) => e,
    }
}
