//! The routes of one Mobilizon instance: `POST /api` (GraphQL),
//! `/.well-known/nodeinfo` (+ its 2.1 document) and `/media/{file}`, with
//! the resolvers of the queries a crawler sends.

// Handlers bail out early with a ready-made `Response`; boxing it would buy nothing here.
#![allow(clippy::result_large_err)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

use crate::hostile::{self as pt_hostile, HostileKind};
use crate::images;
use crate::mobilizon::content::{self, Event, MobContent, Visibility};
use crate::mobilizon::graphql::{self, Field, GqlError};
use crate::mobilizon::{MobInstance, hostile};
use crate::request_log::{LogTarget, log_requests};
use crate::sim::Sim;

/// The state of one instance's handlers.
#[derive(Clone)]
pub struct Ctx {
    /// The federation.
    pub sim: Arc<Sim>,
    /// This instance.
    pub inst: Arc<MobInstance>,
}

/// The Mobilizon release fedsim imitates.
pub const VERSION: &str = "5.1.2";

/// Builds the router of one Mobilizon instance.
pub fn router(sim: Arc<Sim>, inst: Arc<MobInstance>, target: LogTarget) -> Router {
    let blanket = inst
        .hostile
        .is_some_and(|k| k.is_blanket() && k != HostileKind::GraphqlErrors);
    let ctx = Ctx { sim, inst };
    let router = if blanket {
        Router::new().fallback(blanket_answer).with_state(ctx)
    } else {
        Router::new()
            .route("/api", post(api))
            .route("/.well-known/nodeinfo", get(nodeinfo_links))
            .route("/.well-known/nodeinfo/2.1", get(nodeinfo))
            .route("/media/{file}", get(media))
            .fallback(not_found)
            .with_state(ctx)
    };
    router.layer(axum::middleware::from_fn_with_state(target, log_requests))
}

async fn blanket_answer(State(ctx): State<Ctx>, OriginalUri(uri): OriginalUri) -> Response {
    let pq = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    match ctx.inst.hostile {
        Some(kind) => pt_hostile::blanket_response(kind, pq, &ctx.sim.decoy.host),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Not found").into_response()
}

fn json_response(status: StatusCode, v: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        v.to_string(),
    )
        .into_response()
}

/// Absinthe's answer to a document it refuses: errors only, HTTP 200.
fn errors_only(e: &GqlError) -> Response {
    json_response(
        StatusCode::OK,
        &json!({"errors": [{"message": e.0, "locations": [{"line": 1, "column": 1}]}]}),
    )
}

static ROTATION: AtomicU64 = AtomicU64::new(0);

async fn api(State(ctx): State<Ctx>, body: Bytes) -> Response {
    if ctx.inst.hostile == Some(HostileKind::GraphqlErrors) {
        let n = ROTATION.fetch_add(1, Ordering::Relaxed);
        return json_response(StatusCode::OK, &hostile::graphql_errors(n));
    }
    let req: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(_) => {
            return json_response(
                StatusCode::BAD_REQUEST,
                &json!({"errors": [{"message": "Could not parse the request body as JSON"}]}),
            );
        }
    };
    let Some(document) = req.get("query").and_then(Value::as_str) else {
        return json_response(
            StatusCode::BAD_REQUEST,
            &json!({"errors": [{"message": "No query document supplied"}]}),
        );
    };
    let variables = match req.get("variables") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(m)) => m.clone(),
        Some(_) => return errors_only(&GqlError("Variables must be an object".into())),
    };
    let fields = match graphql::parse_query(document, &variables) {
        Ok(f) => f,
        Err(e) => return errors_only(&e),
    };
    let mut data = Map::new();
    let mut errors = Vec::new();
    for f in &fields {
        match resolve(&ctx, f) {
            Ok(Resolved::Value(v)) => match graphql::project(&v, &f.selection, &f.name) {
                Ok(p) => {
                    data.insert(f.key.clone(), p);
                }
                Err(e) => return errors_only(&e),
            },
            Ok(Resolved::Error(message)) => {
                data.insert(f.key.clone(), Value::Null);
                errors.push(json!({"message": message, "path": [f.key],
                                   "locations": [{"line": 1, "column": 1}]}));
            }
            Err(e) => return errors_only(&e),
        }
    }
    let mut data = Value::Object(data);
    if let Some(kind) = ctx.inst.hostile {
        hostile::mutate(kind, &mut data, &ctx.sim.decoy.host);
    }
    let mut out = json!({"data": data});
    if !errors.is_empty() {
        out["errors"] = Value::Array(errors);
    }
    json_response(StatusCode::OK, &out)
}

/// What a root field resolved to: a value, or a resolver error (the field
/// is then null and the message listed in `errors`).
enum Resolved {
    Value(Value),
    Error(String),
}

fn resolve(ctx: &Ctx, f: &Field) -> Result<Resolved, GqlError> {
    match f.name.as_str() {
        "searchEvents" => search_events(ctx, f),
        "searchGroups" => search_groups(ctx, f),
        "event" => event(ctx, f),
        "config" => {
            graphql::check_args(f, &[])?;
            let c = ctx.inst.read();
            Ok(Resolved::Value(json!({
                "__typename": "Config",
                "name": c.name,
                "description": c.description,
                "slogan": Value::Null,
                "version": VERSION,
                "registrationsOpen": false,
                "languages": [c.lang.code()],
                "timezones": [c.city.time_zone],
            })))
        }
        other => Err(GqlError(format!(
            "Cannot query field \"{other}\" on type \"RootQueryType\"."
        ))),
    }
}

fn datetime_arg(f: &Field, name: &str) -> Result<Option<DateTime<Utc>>, GqlError> {
    match graphql::str_arg(f, name)? {
        None => Ok(None),
        Some(s) => DateTime::parse_from_rfc3339(s)
            .map(|d| Some(d.with_timezone(&Utc)))
            .map_err(|_| graphql::invalid(name, &format!("\"{s}\""))),
    }
}

/// `page` and `limit` with Mobilizon's defaults (1 and 10). Mobilizon
/// pages with `LIMIT limit OFFSET (page - 1) * limit` and no upper bound
/// (`Mobilizon.Storage.Page.paginate`); a page below 1 or a negative limit
/// makes that SQL invalid, answered here as a resolver error.
fn window(f: &Field) -> Result<Result<(usize, usize), String>, GqlError> {
    let page = graphql::int_arg(f, "page", 1)?;
    let limit = graphql::int_arg(f, "limit", 10)?;
    if page < 1 || limit < 0 {
        return Ok(Err(format!(
            "page must be at least 1 and limit at least 0 (got page {page}, limit {limit})"
        )));
    }
    let limit = limit as usize;
    Ok(Ok(((page as usize - 1).saturating_mul(limit), limit)))
}

fn search_target(f: &Field) -> Result<Result<(), String>, GqlError> {
    match graphql::str_arg(f, "searchTarget")? {
        None | Some("INTERNAL") | Some("SELF") => Ok(Ok(())),
        Some("GLOBAL") => Ok(Err(
            "this instance has no global search provider configured".into(),
        )),
        Some(other) => Err(graphql::invalid("searchTarget", &other)),
    }
}

fn matches_term(term: &str, fields: &[&str]) -> bool {
    let t = term.trim().to_lowercase();
    t.is_empty() || fields.iter().any(|f| f.to_lowercase().contains(&t))
}

fn search_events(ctx: &Ctx, f: &Field) -> Result<Resolved, GqlError> {
    graphql::check_args(
        f,
        &[
            "term",
            "tags",
            "location",
            "radius",
            "page",
            "limit",
            "beginsOn",
            "endsOn",
            "type",
            "categoryOneOf",
            "statusOneOf",
            "languageOneOf",
            "searchTarget",
            "sortBy",
            "longEvents",
            "boostLanguages",
            "bbox",
            "zoom",
        ],
    )?;
    for unsupported in ["tags", "location", "bbox"] {
        if f.args.get(unsupported).is_some_and(|v| !v.is_null()) {
            return Ok(Resolved::Error(format!(
                "fedsim does not implement the {unsupported} filter"
            )));
        }
    }
    if let Err(m) = search_target(f)? {
        return Ok(Resolved::Error(m));
    }
    let (offset, limit) = match window(f)? {
        Ok(w) => w,
        Err(m) => return Ok(Resolved::Error(m)),
    };
    let begins_on = datetime_arg(f, "beginsOn")?.unwrap_or_else(Utc::now);
    let ends_on = datetime_arg(f, "endsOn")?;
    let term = graphql::str_arg(f, "term")?.unwrap_or("").to_string();
    let online = match graphql::str_arg(f, "type")? {
        None => None,
        Some("ONLINE") => Some(true),
        Some("IN_PERSON") => Some(false),
        Some(other) => return Err(graphql::invalid("type", &other)),
    };
    let categories = graphql::list_arg(f, "categoryOneOf")?;
    let statuses = graphql::list_arg(f, "statusOneOf")?;
    let languages = graphql::list_arg(f, "languageOneOf")?;
    let sort = graphql::str_arg(f, "sortBy")?
        .unwrap_or("MATCH_DESC")
        .to_string();
    let c = ctx.inst.read();
    let mut hits: Vec<&Event> = c
        .events
        .iter()
        .filter(|e| e.is_listed())
        // Mobilizon keeps events that start after `beginsOn` or end after it.
        .filter(|e| e.begins_on >= begins_on || e.ends_on.is_some_and(|x| x > begins_on))
        .filter(|e| ends_on.is_none_or(|x| e.begins_on <= x))
        .filter(|e| online.is_none_or(|o| e.online == o))
        .filter(|e| categories.is_empty() || categories.iter().any(|x| x == e.category))
        .filter(|e| statuses.is_empty() || statuses.iter().any(|x| x == e.status))
        .filter(|e| {
            languages.is_empty() || languages.iter().any(|x| Some(x.as_str()) == e.language)
        })
        .filter(|e| matches_term(&term, &[&e.title]))
        .collect();
    match sort.as_str() {
        "MATCH_DESC" | "START_TIME_ASC" => hits.sort_by_key(|e| (e.begins_on, e.id)),
        "START_TIME_DESC" => hits.sort_by_key(|e| std::cmp::Reverse((e.begins_on, e.id))),
        "CREATED_AT_ASC" => hits.sort_by_key(|e| (e.inserted_at, e.id)),
        "CREATED_AT_DESC" => hits.sort_by_key(|e| std::cmp::Reverse((e.inserted_at, e.id))),
        "PARTICIPANT_COUNT_DESC" => hits.sort_by_key(|e| (std::cmp::Reverse(e.participants), e.id)),
        other => return Err(graphql::invalid("sortBy", &other)),
    }
    let base = &ctx.inst.base_url;
    if ctx.inst.hostile == Some(HostileKind::Endless) {
        return Ok(Resolved::Value(endless_page(base, &c, offset, limit)));
    }
    let total = hits.len();
    let elements: Vec<Value> = hits
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|e| content::event_object(base, &c, e))
        .collect();
    Ok(Resolved::Value(
        json!({"__typename": "Events", "total": total, "elements": elements}),
    ))
}

/// A page of a listing that never ends: always full, new uuids on every
/// page, the total always one page further.
fn endless_page(base: &str, c: &MobContent, offset: usize, limit: usize) -> Value {
    let listed: Vec<&Event> = c.events.iter().filter(|e| e.is_listed()).collect();
    let limit = limit.min(500);
    let elements: Vec<Value> = (0..limit)
        .filter_map(|i| {
            let src = listed.get((offset + i) % listed.len().max(1))?;
            let mut e = (*src).clone();
            let n = (offset + i) as u128;
            e.uuid = uuid::Uuid::from_u128(0x5eed_0000_0000_4000_8000_0000_0000_0000 | n);
            e.id = 1_000_000 + n as u64;
            Some(content::event_object(base, c, &e))
        })
        .collect();
    json!({"__typename": "Events", "total": offset + 2 * limit.max(1), "elements": elements})
}

fn search_groups(ctx: &Ctx, f: &Field) -> Result<Resolved, GqlError> {
    graphql::check_args(
        f,
        &[
            "term",
            "location",
            "radius",
            "page",
            "limit",
            "searchTarget",
            "sortBy",
            "languageOneOf",
            "boostLanguages",
            "bbox",
            "zoom",
        ],
    )?;
    for unsupported in ["location", "bbox"] {
        if f.args.get(unsupported).is_some_and(|v| !v.is_null()) {
            return Ok(Resolved::Error(format!(
                "fedsim does not implement the {unsupported} filter"
            )));
        }
    }
    if let Err(m) = search_target(f)? {
        return Ok(Resolved::Error(m));
    }
    let (offset, limit) = match window(f)? {
        Ok(w) => w,
        Err(m) => return Ok(Resolved::Error(m)),
    };
    let term = graphql::str_arg(f, "term")?.unwrap_or("").to_string();
    let sort = graphql::str_arg(f, "sortBy")?
        .unwrap_or("MATCH_DESC")
        .to_string();
    let c = ctx.inst.read();
    let mut hits: Vec<&content::Group> = c
        .groups
        .iter()
        .filter(|g| g.visibility == Visibility::Public)
        .filter(|g| matches_term(&term, &[&g.name, &g.username]))
        .collect();
    match sort.as_str() {
        "MATCH_DESC" => hits.sort_by_key(|g| g.id),
        "MEMBER_COUNT_DESC" => hits.sort_by_key(|g| (std::cmp::Reverse(g.members), g.id)),
        "CREATED_AT_DESC" => hits.sort_by_key(|g| std::cmp::Reverse((g.inserted_at, g.id))),
        "CREATED_AT_ASC" => hits.sort_by_key(|g| (g.inserted_at, g.id)),
        other => return Err(graphql::invalid("sortBy", &other)),
    }
    let base = &ctx.inst.base_url;
    let total = hits.len();
    let elements: Vec<Value> = hits
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|g| content::group_object(base, g))
        .collect();
    Ok(Resolved::Value(
        json!({"__typename": "Groups", "total": total, "elements": elements}),
    ))
}

fn event(ctx: &Ctx, f: &Field) -> Result<Resolved, GqlError> {
    graphql::check_args(f, &["uuid"])?;
    let Some(uuid) = graphql::str_arg(f, "uuid")? else {
        return Err(GqlError(
            "In argument \"uuid\": Expected type \"UUID!\", found null.".into(),
        ));
    };
    let c = ctx.inst.read();
    // Unlisted events are reachable by their link; private ones and drafts are not.
    let found = c
        .events
        .iter()
        .find(|e| e.uuid.to_string() == uuid && !e.draft && e.visibility != Visibility::Private);
    Ok(match found {
        Some(e) => Resolved::Value(content::event_object(&ctx.inst.base_url, &c, e)),
        None => Resolved::Error(format!("Event with UUID {uuid} not found")),
    })
}

async fn nodeinfo_links(State(ctx): State<Ctx>) -> Response {
    axum::Json(json!({"links": [{
        "rel": "http://nodeinfo.diaspora.software/ns/schema/2.1",
        "href": format!("{}/.well-known/nodeinfo/2.1", ctx.inst.base_url),
    }]}))
    .into_response()
}

async fn nodeinfo(State(ctx): State<Ctx>) -> Response {
    let c = ctx.inst.read();
    let local_posts = c.events.iter().filter(|e| e.is_listed()).count();
    axum::Json(json!({
        "version": "2.1",
        "software": {"name": "mobilizon", "version": VERSION,
                     "repository": "https://framagit.org/framasoft/mobilizon"},
        "protocols": ["activitypub"],
        "services": {"inbound": [], "outbound": ["atom1.0"]},
        "openRegistrations": false,
        "usage": {"users": {"total": c.people.len()}, "localPosts": local_posts},
        "metadata": {"nodeName": c.name, "nodeDescription": c.description},
    }))
    .into_response()
}

async fn media(Path(file): Path<String>) -> Response {
    let (kind, body): (&str, &'static [u8]) = if file.ends_with(".jpg") {
        ("image/jpeg", images::thumbnail_for(&file))
    } else if let Some(stem) = file.strip_suffix(".png") {
        let variant = stem
            .rsplit('-')
            .next()
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(0);
        (
            "image/png",
            images::AVATARS[variant % images::AVATARS.len()],
        )
    } else {
        return StatusCode::NOT_FOUND.into_response();
    };
    (
        [
            (header::CONTENT_TYPE, kind),
            (header::CACHE_CONTROL, "public, max-age=7200"),
        ],
        body,
    )
        .into_response()
}
