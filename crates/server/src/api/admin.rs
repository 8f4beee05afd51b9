//! The operators' API under `/api/v1/admin/`. Off (404) unless
//! `admin.token` is set; every request must carry that token as a bearer
//! token, compared in constant time, or it is refused with 401 and changes
//! nothing (the token is checked before the body is even read). It runs a
//! one-off full pass on a running server, and takes and lifts moderation
//! decisions, lists and exports them, and lists and resolves reports.
//!
//! The comparison: both the given and the configured token are hashed with
//! SHA-256, and the two 32-byte digests are compared with `subtle`'s
//! constant-time byte equality over every byte, whatever differs first. So
//! neither where the first wrong byte is nor the given token's length (a
//! prefix of the right one, say) changes the work done.

use std::sync::Arc;

use axum::Json;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use sha2::{Digest, Sha256};
use subtle::{Choice, ConstantTimeEq};

use sepiola_moderation::{BlockRequest, LiftRequest, ModerationError, Outcome};

use crate::AppState;
use crate::extract::Params;
use crate::problem::ApiError;

/// `None` when the request carries the configured token, else the answer
/// to send (404 when the admin API is off, 401 without the token).
fn refusal(state: &AppState, headers: &HeaderMap) -> Option<Response> {
    let Some(token) = state.admin_token() else {
        return Some(
            ApiError::NotFound("the admin API is off (no admin.token)".into()).into_response(),
        );
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if tokens_match(given.as_bytes(), token.as_bytes()) {
        None
    } else {
        Some(
            (
                StatusCode::UNAUTHORIZED,
                [(header::WWW_AUTHENTICATE, "Bearer")],
                Json(json!({"status": 401, "detail": "a valid admin bearer token is required"})),
            )
                .into_response(),
        )
    }
}

/// Whether `given` is the configured token, in constant time: see the
/// module's note.
fn tokens_match(given: &[u8], token: &[u8]) -> bool {
    let (equal, _) = digests_equal(&Sha256::digest(given).into(), &Sha256::digest(token).into());
    equal && !token.is_empty()
}

/// Compares two digests byte by byte with no early exit; also returns how
/// many bytes it compared (always all of them; the test checks it).
fn digests_equal(a: &[u8; 32], b: &[u8; 32]) -> (bool, usize) {
    let mut same = Choice::from(1u8);
    let mut compared = 0;
    for (x, y) in a.iter().zip(b.iter()) {
        same &= x.ct_eq(y);
        compared += 1;
    }
    (bool::from(same), compared)
}

/// An admin request: extracting it is the token check, which answers 404
/// when the admin API is off and 401 without the token. Being taken from
/// the request's head, it runs before any body is read.
pub struct Admin;

impl FromRequestParts<Arc<AppState>> for Admin {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        match refusal(state, &parts.headers) {
            Some(r) => Err(r),
            None => Ok(Admin),
        }
    }
}

/// An admin request on a server that keeps moderation logs (409 without).
pub struct Moderator(Arc<crate::Moderation>);

impl FromRequestParts<Arc<AppState>> for Moderator {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        Admin::from_request_parts(parts, state).await?;
        moderation(state).map(Moderator)
    }
}

/// `POST /api/v1/admin/crawl` (`host` optional): a full pass of that listed
/// host, or of every listed host, as soon as each is free. 202 with the
/// hosts it applies to; 409 when no crawler runs in this process.
pub async fn crawl(_: Admin, State(state): State<Arc<AppState>>, Params(p): Params) -> Response {
    let host = crate::decode::Decoder::new(&p).host();
    let host = match host {
        Ok(h) => h,
        Err(e) => return e.into_response(),
    };
    let Some(control) = state.crawl_control() else {
        return (
            StatusCode::CONFLICT,
            Json(json!({"status": 409, "detail": "no crawler runs in this server"})),
        )
            .into_response();
    };
    let hosts = control.request_full_pass(host.as_deref());
    if host.is_some() && hosts.is_empty() {
        return ApiError::NotFound("that host is not on the instance list".into()).into_response();
    }
    (StatusCode::ACCEPTED, Json(json!({"fullPass": hosts}))).into_response()
}

/// The moderation logs, or the 409 saying this server has none.
#[allow(clippy::result_large_err)] // the handler's early answer, sent at once.
fn moderation(state: &AppState) -> Result<Arc<crate::Moderation>, Response> {
    state.moderation().cloned().ok_or_else(|| {
        (
            StatusCode::CONFLICT,
            Json(json!({"status": 409, "detail": "no moderation log in this server"})),
        )
            .into_response()
    })
}

/// A moderation error as an answer.
fn moderation_error(e: ModerationError) -> Response {
    match e {
        ModerationError::Invalid(m) => ApiError::bad_request(m).into_response(),
        ModerationError::NotFound(m) => ApiError::NotFound(m).into_response(),
        ModerationError::AlreadyBlocked(id) => (
            StatusCode::CONFLICT,
            Json(json!({"status": 409, "detail": format!("already blocked by decision {id}"), "decision": id})),
        )
            .into_response(),
        e => ApiError::Internal(e.to_string()).into_response(),
    }
}

/// Runs a write on the moderation logs off the async threads.
#[allow(clippy::result_large_err)] // the handler's early answer, sent at once.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ModerationError> + Send + 'static,
) -> Result<T, Response> {
    match tokio::task::spawn_blocking(f).await {
        Ok(r) => r.map_err(moderation_error),
        Err(e) => Err(ApiError::Internal(e.to_string()).into_response()),
    }
}

/// `GET /api/v1/admin/decisions`: every decision, private notes included.
pub async fn decisions(Moderator(m): Moderator) -> Response {
    Json(json!({"decisions": m.decisions.all()})).into_response()
}

/// `GET /api/v1/admin/decisions/export`: the log as JSON Lines, one
/// decision a line, as the file holds it.
pub async fn export(Moderator(m): Moderator) -> Response {
    let mut out = String::new();
    for d in m.decisions.all() {
        match serde_json::to_string(&d) {
            Ok(line) => {
                out.push_str(&line);
                out.push('\n');
            }
            Err(e) => return ApiError::Internal(e.to_string()).into_response(),
        }
    }
    ([(header::CONTENT_TYPE, "application/x-ndjson")], out).into_response()
}

/// `POST /api/v1/admin/decisions`: blocks a target. Fields (JSON or form):
/// `level` (`instance`, `account`, `channel`, or `video`, `playlist`,
/// `event`, `group`, `channel` as a document), `target` (`host`,
/// `name@host`, or `host/id`), `reason`, `text`, `note`, `expires`
/// (RFC 3339). 201 with the decision; in force at once.
pub async fn block(
    Moderator(m): Moderator,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let f = match super::moderation::body_fields(&headers, &body) {
        Ok(f) => f,
        Err(e) => return e.into_response(),
    };
    let expires = match f.get("expires").filter(|e| !e.is_empty()) {
        None => None,
        Some(e) => match sepiola_model::Timestamp::parse(e) {
            Some(t) => Some(t),
            None => {
                return ApiError::bad_request("expires must be an RFC 3339 date").into_response();
            }
        },
    };
    let req = match (
        super::moderation::target_field(&f),
        super::moderation::reason_field(&f),
    ) {
        (Ok(target), Ok(reason)) => BlockRequest {
            target,
            reason,
            text: f.get("text").cloned().unwrap_or_default(),
            note: f.get("note").cloned(),
            expires,
        },
        (Err(e), _) | (_, Err(e)) => return e.into_response(),
    };
    match blocking(move || m.decisions.block(req)).await {
        Ok(d) => {
            tracing::info!(id = d.id, target = %d.target, reason = %d.reason, "moderation: blocked");
            (StatusCode::CREATED, Json(d)).into_response()
        }
        Err(r) => r,
    }
}

/// `POST /api/v1/admin/decisions/{id}/lift` (`text`, `note`): lifts a
/// block, itself a decision. 201 with it.
pub async fn lift(
    Moderator(m): Moderator,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let Ok(id) = id.parse::<u64>() else {
        return ApiError::NotFound("no such decision".into()).into_response();
    };
    let f = match super::moderation::body_fields(&headers, &body) {
        Ok(f) => f,
        Err(e) => return e.into_response(),
    };
    let req = LiftRequest {
        text: f.get("text").cloned().unwrap_or_default(),
        note: f.get("note").cloned(),
    };
    match blocking(move || m.decisions.lift(id, req)).await {
        Ok(d) => {
            tracing::info!(id = d.id, lifts = id, "moderation: lifted");
            (StatusCode::CREATED, Json(d)).into_response()
        }
        Err(r) => r,
    }
}

/// `GET /api/v1/admin/reports` (`all=true` for reviewed ones too).
pub async fn reports(Moderator(m): Moderator, Params(p): Params) -> Response {
    let all = crate::decode::Decoder::new(&p)
        .boolean("all")
        .ok()
        .flatten()
        .unwrap_or(false);
    Json(json!({"reports": m.reports.list(!all), "counts": m.reports.counts()})).into_response()
}

/// `POST /api/v1/admin/reports/{id}/resolve` (`outcome`: `acted`,
/// `dismissed` or `abusive`; `decision`: the decision taken, if any).
pub async fn resolve(
    Moderator(m): Moderator,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> Response {
    let Ok(id) = id.parse::<u64>() else {
        return ApiError::NotFound("no such report".into()).into_response();
    };
    let f = match super::moderation::body_fields(&headers, &body) {
        Ok(f) => f,
        Err(e) => return e.into_response(),
    };
    let Some(outcome) = f.get("outcome").and_then(|o| Outcome::parse(o)) else {
        return ApiError::bad_request("outcome must be acted, dismissed or abusive")
            .into_response();
    };
    let decision = match f.get("decision").filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => match d.parse::<u64>() {
            Ok(d) => Some(d),
            Err(_) => return ApiError::bad_request("decision must be a number").into_response(),
        },
    };
    match blocking(move || m.reports.review(id, outcome, decision)).await {
        Ok(r) => Json(r).into_response(),
        Err(r) => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_whole_token_matches() {
        let token = b"s3cret-admin-token";
        assert!(tokens_match(token, token));
        assert!(!tokens_match(b"", token));
        assert!(!tokens_match(b"s3cret-admin-toke", token));
        assert!(!tokens_match(b"s3cret-admin-token-and-more", token));
        assert!(!tokens_match(b"x3cret-admin-token", token));
        assert!(!tokens_match(b"", b""));
    }

    #[test]
    fn the_comparison_looks_at_every_byte() {
        let right: [u8; 32] = Sha256::digest(b"token").into();
        let mut first_wrong = right;
        first_wrong[0] ^= 1;
        let mut last_wrong = right;
        last_wrong[31] ^= 1;
        let prefix: [u8; 32] = Sha256::digest(b"toke").into();
        for (other, equal) in [
            (right, true),
            (first_wrong, false),
            (last_wrong, false),
            (prefix, false),
        ] {
            assert_eq!(digests_equal(&other, &right), (equal, 32));
        }
    }

    #[test]
    fn timing_does_not_depend_on_where_it_differs() {
        // On top of the structural check: comparing digests that differ in
        // their first byte takes as long as comparing equal ones (an early
        // exit would make it about 32 times faster). Runs are interleaved
        // and the fastest of each kept, so the machine's noise cancels; the
        // band is wide (3x) because the machine is shared.
        let right: [u8; 32] = Sha256::digest(b"token").into();
        let mut first_wrong = right;
        first_wrong[0] ^= 0xff;
        let time = |other: &[u8; 32]| {
            let t = std::time::Instant::now();
            for _ in 0..5_000 {
                std::hint::black_box(digests_equal(
                    std::hint::black_box(other),
                    std::hint::black_box(&right),
                ));
            }
            t.elapsed().as_nanos()
        };
        let (mut equal, mut wrong) = (u128::MAX, u128::MAX);
        for _ in 0..40 {
            equal = equal.min(time(&right));
            wrong = wrong.min(time(&first_wrong));
        }
        let ratio = equal as f64 / wrong.max(1) as f64;
        assert!(
            (1.0 / 3.0..3.0).contains(&ratio),
            "equal {equal} ns, first byte wrong {wrong} ns"
        );
    }
}
