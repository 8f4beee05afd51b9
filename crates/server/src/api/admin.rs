//! The operators' API under `/api/v1/admin/`. Off (404) unless
//! `admin.token` is set; every request must carry that token as a bearer
//! token, compared in constant time, or it is refused with 401 and changes
//! nothing. Today it runs a one-off full pass on a running server.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use subtle::ConstantTimeEq;

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
    if bool::from(given.as_bytes().ct_eq(token.as_bytes())) && !token.is_empty() {
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

/// `POST /api/v1/admin/crawl` (`host` optional): a full pass of that listed
/// host, or of every listed host, as soon as each is free. 202 with the
/// hosts it applies to; 409 when no crawler runs in this process.
pub async fn crawl(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Params(p): Params,
) -> Response {
    if let Some(r) = refusal(&state, &headers) {
        return r;
    }
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
