//! The public side of moderation: `GET /api/v1/moderation` (the log of
//! decisions without private notes, blocks per reason per month, report
//! counts) and `POST /api/v1/reports` (a visitor's report, JSON or form).
//! A report keeps nothing about its sender: the address is used only by the
//! in-memory rate limit, and the user agent and cookies are never read.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use sepiola_moderation::{Filed, ModerationError, Reason, ReportRequest, Target};

use crate::AppState;
use crate::limits::ClientIp;
use crate::problem::ApiError;

/// Most fields a report body may carry.
const MAX_FIELDS: usize = 16;

/// `GET /api/v1/moderation`.
pub async fn public_log(State(state): State<Arc<AppState>>) -> Response {
    let Some(m) = state.moderation() else {
        return Json(json!({"decisions": [], "reasonsPerMonth": {}, "reports": {}}))
            .into_response();
    };
    Json(json!({
        "decisions": m.decisions.public(),
        "reasonsPerMonth": m.decisions.reasons_per_month(),
        "reports": m.reports.counts(),
        "reasons": Reason::ALL,
        "policy": "/policy",
    }))
    .into_response()
}

/// Files a report after the rate limit: what both the API and the web form
/// call. `Err` is the status to answer (429 over the rate, 503 when the log
/// cannot be written, 400 for a bad target, 404 without moderation).
pub(crate) async fn file_report(
    state: &Arc<AppState>,
    client: Option<IpAddr>,
    req: ReportRequest,
) -> Result<Filed, StatusCode> {
    let Some(m) = state.moderation().cloned() else {
        return Err(StatusCode::NOT_FOUND);
    };
    if !m.report_allowed(client) {
        return Err(StatusCode::TOO_MANY_REQUESTS);
    }
    match tokio::task::spawn_blocking(move || m.reports.file(req)).await {
        Ok(Ok(filed)) => Ok(filed),
        Ok(Err(ModerationError::Invalid(_))) => Err(StatusCode::BAD_REQUEST),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "storing a report failed");
            Err(StatusCode::SERVICE_UNAVAILABLE)
        }
        Err(e) => {
            tracing::error!(error = %e, "report task failed");
            Err(StatusCode::SERVICE_UNAVAILABLE)
        }
    }
}

/// The fields of a JSON object or a form body, as text (first value wins).
pub(crate) fn body_fields(
    headers: &HeaderMap,
    body: &[u8],
) -> Result<HashMap<String, String>, ApiError> {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let mut out = HashMap::new();
    if json {
        let v: Value = serde_json::from_slice(body)
            .map_err(|e| ApiError::bad_request(format!("the body is not JSON: {e}")))?;
        let Value::Object(map) = v else {
            return Err(ApiError::bad_request("the body must be a JSON object"));
        };
        for (k, v) in map.into_iter().take(MAX_FIELDS) {
            let text = match v {
                Value::String(s) => s,
                Value::Null => continue,
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                _ => return Err(ApiError::bad_request(format!("{k} must be a string"))),
            };
            out.insert(k, text);
        }
    } else {
        for (k, v) in url::form_urlencoded::parse(body).take(MAX_FIELDS) {
            out.entry(k.into_owned()).or_insert_with(|| v.into_owned());
        }
    }
    Ok(out)
}

/// The target named by `level` + `target` (`host`, `name@host`, or
/// `host/id` for a document kind).
pub(crate) fn target_field(f: &HashMap<String, String>) -> Result<Target, ApiError> {
    let level = f.get("level").map(String::as_str).unwrap_or_default();
    let what = f.get("target").map(String::as_str).unwrap_or_default();
    Target::parse(level, what).map_err(|e| ApiError::bad_request(e.to_string()))
}

/// The `reason` field.
pub(crate) fn reason_field(f: &HashMap<String, String>) -> Result<Reason, ApiError> {
    let r = f.get("reason").map(String::as_str).unwrap_or_default();
    Reason::parse(r).ok_or_else(|| {
        ApiError::bad_request(format!(
            "reason must be one of {}",
            Reason::ALL.map(|r| r.as_str()).join(", ")
        ))
    })
}

/// `POST /api/v1/reports`: `level`, `target`, `reason`, `text`, `contact`
/// (JSON object or form). 202 with the report's number, or `dropped: true`
/// when too many wait for review (the sender cannot tell more).
pub async fn report(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    client: Option<axum::Extension<ClientIp>>,
    body: axum::body::Bytes,
) -> Response {
    let f = match body_fields(&headers, &body) {
        Ok(f) => f,
        Err(e) => return e.into_response(),
    };
    let req = match (target_field(&f), reason_field(&f)) {
        (Ok(target), Ok(reason)) => ReportRequest {
            target,
            reason,
            text: f.get("text").cloned().unwrap_or_default(),
            contact: f.get("contact").cloned(),
        },
        (Err(e), _) | (_, Err(e)) => return e.into_response(),
    };
    match file_report(&state, client.map(|c| c.0.0), req).await {
        Ok(Filed::Stored(id, _)) => (
            StatusCode::ACCEPTED,
            Json(json!({"received": true, "id": id})),
        )
            .into_response(),
        Ok(Filed::Dropped) => (
            StatusCode::ACCEPTED,
            Json(json!({"received": true, "dropped": true})),
        )
            .into_response(),
        Err(StatusCode::TOO_MANY_REQUESTS) => ApiError::TooManyRequests {
            retry_after_secs: 60,
        }
        .into_response(),
        Err(StatusCode::NOT_FOUND) => {
            ApiError::NotFound("reports are off on this server".into()).into_response()
        }
        Err(StatusCode::BAD_REQUEST) => {
            ApiError::bad_request("that target cannot be reported").into_response()
        }
        Err(_) => ApiError::Busy {
            retry_after_secs: 5,
        }
        .into_response(),
    }
}
