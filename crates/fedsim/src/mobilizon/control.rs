//! The control API of the Mobilizon instances (on the directory listener,
//! under `/control/mobilizon`): read the truth (every listed event and
//! group as a crawler should index it), add, edit, move, cancel and delete
//! events and groups, switch instances down and up.

// Handlers bail out early with a ready-made `Response`; boxing it would buy nothing here.
#![allow(clippy::result_large_err)]

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post};
use chrono::{DateTime, Utc};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::mobilizon::MobInstance;
use crate::mobilizon::content::{self, CATEGORIES, MobContent, STATUSES, Visibility};
use crate::mobilizon::places;
use crate::sim::Sim;

/// Builds the `/control/mobilizon/...` routes.
pub fn router(sim: Arc<Sim>) -> Router {
    Router::new()
        .route("/control/mobilizon", get(instances))
        .route(
            "/control/mobilizon/{host}/events",
            get(truth_events).post(add_event),
        )
        .route(
            "/control/mobilizon/{host}/events/{uuid}",
            patch(edit_event).delete(delete_event).get(truth_event),
        )
        .route(
            "/control/mobilizon/{host}/events/{uuid}/move",
            post(move_event),
        )
        .route(
            "/control/mobilizon/{host}/events/{uuid}/cancel",
            post(cancel_event),
        )
        .route(
            "/control/mobilizon/{host}/groups",
            get(truth_groups).post(add_group),
        )
        .route(
            "/control/mobilizon/{host}/groups/{name}",
            patch(edit_group).delete(delete_group),
        )
        .route(
            "/control/mobilizon/{host}/groups/{name}/move",
            post(move_group),
        )
        .route("/control/mobilizon/{host}/down", post(set_down))
        .route("/control/mobilizon/{host}/up", post(set_up))
        .with_state(sim)
}

fn error(status: StatusCode, msg: &str) -> Response {
    (status, axum::Json(json!({"error": msg}))).into_response()
}

fn instance(sim: &Sim, host: &str) -> Result<Arc<MobInstance>, Response> {
    sim.find_mobilizon(host).cloned().ok_or_else(|| {
        error(
            StatusCode::NOT_FOUND,
            &format!("no Mobilizon instance {host}"),
        )
    })
}

async fn instances(State(sim): State<Arc<Sim>>) -> Response {
    let list: Vec<Value> = sim
        .mobilizon
        .iter()
        .map(|i| {
            json!({"index": i.index, "host": i.host, "base_url": i.base_url,
                   "hostile": i.hostile.map(|k| k.name()), "down": *i.down.borrow()})
        })
        .collect();
    axum::Json(json!({"instances": list})).into_response()
}

fn truth_of_events(inst: &MobInstance, c: &MobContent) -> Vec<Value> {
    c.events
        .iter()
        .filter(|e| e.is_listed())
        .map(|e| content::event_truth(&inst.host, &inst.base_url, c, e))
        .collect()
}

async fn truth_events(State(sim): State<Arc<Sim>>, Path(host): Path<String>) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let c = inst.read();
    let data = truth_of_events(&inst, &c);
    axum::Json(json!({"total": data.len(), "now": crate::render::date(&Utc::now()), "data": data}))
        .into_response()
}

async fn truth_event(
    State(sim): State<Arc<Sim>>,
    Path((host, uuid)): Path<(String, String)>,
) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let c = inst.read();
    match c.events.iter().find(|e| e.uuid.to_string() == uuid) {
        Some(e) => {
            axum::Json(content::event_truth(&inst.host, &inst.base_url, &c, e)).into_response()
        }
        None => error(StatusCode::NOT_FOUND, "no such event"),
    }
}

async fn truth_groups(State(sim): State<Arc<Sim>>, Path(host): Path<String>) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let c = inst.read();
    let data: Vec<Value> = c
        .groups
        .iter()
        .filter(|g| g.visibility == Visibility::Public)
        .map(|g| content::group_truth(&inst.host, &inst.base_url, g))
        .collect();
    axum::Json(json!({"total": data.len(), "data": data})).into_response()
}

/// What an add or an edit may set (every field optional).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct EventEdit {
    title: Option<String>,
    description: Option<String>,
    begins_on: Option<DateTime<Utc>>,
    ends_on: Option<DateTime<Utc>>,
    category: Option<String>,
    status: Option<String>,
    online: Option<bool>,
    language: Option<String>,
    tags: Option<Vec<String>>,
}

fn known(list: &[&'static str], v: &str) -> Option<&'static str> {
    list.iter().copied().find(|x| *x == v)
}

/// A language code fedsim's word lists know.
fn language_code(v: &str) -> Option<&'static str> {
    crate::words::Lang::ALL
        .iter()
        .map(|l| l.code())
        .find(|c| *c == v)
}

fn apply(
    c: &mut MobContent,
    rng: &mut ChaCha8Rng,
    e: &mut content::Event,
    edit: EventEdit,
) -> Result<(), Response> {
    if let Some(t) = edit.title {
        e.title = t;
    }
    if let Some(d) = edit.description {
        e.description = d.split("\n\n").map(str::to_string).collect();
    }
    if let Some(b) = edit.begins_on {
        e.begins_on = b;
    }
    if edit.ends_on.is_some() {
        e.ends_on = edit.ends_on;
    }
    if let Some(cat) = edit.category {
        e.category = known(&CATEGORIES, &cat)
            .ok_or_else(|| error(StatusCode::BAD_REQUEST, "unknown category"))?;
    }
    if let Some(s) = edit.status {
        e.status =
            known(&STATUSES, &s).ok_or_else(|| error(StatusCode::BAD_REQUEST, "unknown status"))?;
    }
    if let Some(l) = edit.language {
        e.language = Some(
            language_code(&l).ok_or_else(|| error(StatusCode::BAD_REQUEST, "unknown language"))?,
        );
    }
    if let Some(t) = edit.tags {
        e.tags = t;
    }
    if let Some(online) = edit.online {
        e.online = online;
        if online {
            e.address = None;
            e.time_zone = c.city.time_zone.clone();
        } else if e.address.is_none() {
            let city = c.city.clone();
            let a = c.address_near(rng, &city);
            e.time_zone = a.time_zone.clone();
            e.address = Some(a);
        }
    }
    e.updated_at = Utc::now().max(e.inserted_at);
    Ok(())
}

fn control_rng(inst: &MobInstance, c: &MobContent) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(((inst.index as u64) << 32) ^ c.next_id ^ 0xC0_47_20_1E)
}

async fn add_event(
    State(sim): State<Arc<Sim>>,
    Path(host): Path<String>,
    body: Option<axum::Json<EventEdit>>,
) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let mut c = inst.write();
    let mut rng = control_rng(&inst, &c);
    let k = c.events.len();
    let mut e = c.make_event(&mut rng, k);
    e.visibility = Visibility::Public;
    e.draft = false;
    e.inserted_at = Utc::now();
    if let Err(r) = apply(
        &mut c,
        &mut rng,
        &mut e,
        body.map(|b| b.0).unwrap_or_default(),
    ) {
        return r;
    }
    let truth = content::event_truth(&inst.host, &inst.base_url, &c, &e);
    c.events.push(e);
    (StatusCode::CREATED, axum::Json(truth)).into_response()
}

fn with_event(
    sim: &Sim,
    host: &str,
    uuid: &str,
    f: impl FnOnce(&mut MobContent, &mut ChaCha8Rng, usize) -> Result<(), Response>,
) -> Response {
    let inst = match instance(sim, host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let mut c = inst.write();
    let Some(i) = c.events.iter().position(|e| e.uuid.to_string() == uuid) else {
        return error(StatusCode::NOT_FOUND, "no such event");
    };
    let mut rng = control_rng(&inst, &c);
    if let Err(r) = f(&mut c, &mut rng, i) {
        return r;
    }
    match c.events.get(i) {
        Some(e) => {
            axum::Json(content::event_truth(&inst.host, &inst.base_url, &c, e)).into_response()
        }
        None => StatusCode::NO_CONTENT.into_response(),
    }
}

async fn edit_event(
    State(sim): State<Arc<Sim>>,
    Path((host, uuid)): Path<(String, String)>,
    axum::Json(edit): axum::Json<EventEdit>,
) -> Response {
    with_event(&sim, &host, &uuid, |c, rng, i| {
        let mut e = c.events[i].clone();
        apply(c, rng, &mut e, edit)?;
        c.events[i] = e;
        Ok(())
    })
}

/// Where to move: a city of the gazetteer by name (else a random one).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MoveTo {
    city: Option<String>,
}

fn city_named(name: Option<&str>, rng: &mut ChaCha8Rng) -> Result<places::City, Response> {
    use rand::Rng;
    let all = places::cities();
    match name {
        Some(n) => all
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(n))
            .cloned()
            .ok_or_else(|| error(StatusCode::BAD_REQUEST, "no such city")),
        None => Ok(all[rng.random_range(0..all.len())].clone()),
    }
}

async fn move_event(
    State(sim): State<Arc<Sim>>,
    Path((host, uuid)): Path<(String, String)>,
    body: Option<axum::Json<MoveTo>>,
) -> Response {
    let to = body.map(|b| b.0).unwrap_or_default();
    with_event(&sim, &host, &uuid, |c, rng, i| {
        let city = city_named(to.city.as_deref(), rng)?;
        let a = c.address_near(rng, &city);
        let e = &mut c.events[i];
        e.time_zone = a.time_zone.clone();
        e.address = Some(a);
        e.online = false;
        e.updated_at = Utc::now().max(e.inserted_at);
        Ok(())
    })
}

async fn cancel_event(
    State(sim): State<Arc<Sim>>,
    Path((host, uuid)): Path<(String, String)>,
) -> Response {
    with_event(&sim, &host, &uuid, |c, _, i| {
        let e = &mut c.events[i];
        e.status = "CANCELLED";
        e.updated_at = Utc::now().max(e.inserted_at);
        Ok(())
    })
}

async fn delete_event(
    State(sim): State<Arc<Sim>>,
    Path((host, uuid)): Path<(String, String)>,
) -> Response {
    with_event(&sim, &host, &uuid, |c, _, i| {
        c.events.remove(i);
        // Gone: answered with no body.
        Err(StatusCode::NO_CONTENT.into_response())
    })
}

/// What a group add or edit may set.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GroupEdit {
    name: Option<String>,
    summary: Option<String>,
    members: Option<u64>,
}

fn group_response(inst: &MobInstance, g: &content::Group, status: StatusCode) -> Response {
    (
        status,
        axum::Json(content::group_truth(&inst.host, &inst.base_url, g)),
    )
        .into_response()
}

async fn add_group(
    State(sim): State<Arc<Sim>>,
    Path(host): Path<String>,
    body: Option<axum::Json<GroupEdit>>,
) -> Response {
    let inst = match instance(&sim, &host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let mut c = inst.write();
    let mut rng = control_rng(&inst, &c);
    let mut g = c.make_group(&mut rng);
    g.visibility = Visibility::Public;
    let edit = body.map(|b| b.0).unwrap_or_default();
    edit_group_fields(&mut g, edit);
    let r = group_response(&inst, &g, StatusCode::CREATED);
    c.groups.push(g);
    r
}

fn edit_group_fields(g: &mut content::Group, edit: GroupEdit) {
    if let Some(n) = edit.name {
        g.name = n;
    }
    if let Some(s) = edit.summary {
        g.summary = s.split("\n\n").map(str::to_string).collect();
    }
    if let Some(m) = edit.members {
        g.members = m;
    }
    g.updated_at = Utc::now().max(g.inserted_at);
}

fn with_group(
    sim: &Sim,
    host: &str,
    name: &str,
    f: impl FnOnce(&mut MobContent, &mut ChaCha8Rng, usize) -> Result<(), Response>,
) -> Response {
    let inst = match instance(sim, host) {
        Ok(i) => i,
        Err(e) => return e,
    };
    let mut c = inst.write();
    let Some(i) = c.groups.iter().position(|g| g.username == name) else {
        return error(StatusCode::NOT_FOUND, "no such group");
    };
    let mut rng = control_rng(&inst, &c);
    if let Err(r) = f(&mut c, &mut rng, i) {
        return r;
    }
    match c.groups.get(i) {
        Some(g) => group_response(&inst, g, StatusCode::OK),
        None => StatusCode::NO_CONTENT.into_response(),
    }
}

async fn edit_group(
    State(sim): State<Arc<Sim>>,
    Path((host, name)): Path<(String, String)>,
    axum::Json(edit): axum::Json<GroupEdit>,
) -> Response {
    with_group(&sim, &host, &name, |c, _, i| {
        edit_group_fields(&mut c.groups[i], edit);
        Ok(())
    })
}

async fn move_group(
    State(sim): State<Arc<Sim>>,
    Path((host, name)): Path<(String, String)>,
    body: Option<axum::Json<MoveTo>>,
) -> Response {
    let to = body.map(|b| b.0).unwrap_or_default();
    with_group(&sim, &host, &name, |c, rng, i| {
        let city = city_named(to.city.as_deref(), rng)?;
        let a = c.address_near(rng, &city);
        let g = &mut c.groups[i];
        g.address = Some(a);
        g.updated_at = Utc::now().max(g.inserted_at);
        Ok(())
    })
}

async fn delete_group(
    State(sim): State<Arc<Sim>>,
    Path((host, name)): Path<(String, String)>,
) -> Response {
    with_group(&sim, &host, &name, |c, _, i| {
        c.groups.remove(i);
        // Events of the group stay, no longer attributed to it.
        for e in &mut c.events {
            e.group = match e.group {
                Some(g) if g == i => None,
                Some(g) if g > i => Some(g - 1),
                other => other,
            };
        }
        Err(StatusCode::NO_CONTENT.into_response())
    })
}

async fn set_down(State(sim): State<Arc<Sim>>, Path(host): Path<String>) -> Response {
    switch(&sim, &host, true)
}

async fn set_up(State(sim): State<Arc<Sim>>, Path(host): Path<String>) -> Response {
    switch(&sim, &host, false)
}

fn switch(sim: &Sim, host: &str, down: bool) -> Response {
    match instance(sim, host) {
        Ok(i) => {
            i.down.send_replace(down);
            axum::Json(json!({"host": i.host, "down": down})).into_response()
        }
        Err(e) => e,
    }
}
