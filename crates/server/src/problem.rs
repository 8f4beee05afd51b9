//! Errors as answers: RFC 7807 `application/problem+json` bodies, shaped
//! like PeerTube's own (`invalid-params`, and the deprecated `error`).

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::location::Location;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// The request is malformed; names the parameter when there is one.
    #[error("{detail}")]
    BadRequest {
        /// What is wrong, for people.
        detail: String,
        /// The offending parameter and where it was.
        param: Option<(String, Location)>,
    },
    /// No such route or object.
    #[error("{0}")]
    NotFound(String),
    /// The route exists but not with this method.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// A failure on our side (the index); details go to the log only.
    #[error("internal error")]
    Internal(String),
    /// Too many requests in flight: try again shortly (503).
    #[error("the server is busy, try again in {retry_after_secs} s")]
    Busy {
        /// Sent as `Retry-After`.
        retry_after_secs: u64,
    },
    /// This client asked too often (429).
    #[error("too many requests, try again in {retry_after_secs} s")]
    TooManyRequests {
        /// Sent as `Retry-After`.
        retry_after_secs: u64,
    },
}

impl ApiError {
    /// A bad parameter.
    pub fn invalid(name: &str, loc: Location, msg: impl std::fmt::Display) -> ApiError {
        let name: String = name.chars().take(64).collect();
        ApiError::BadRequest {
            detail: format!("parameter `{name}` {msg}"),
            param: Some((name, loc)),
        }
    }

    /// A bad request not tied to one parameter.
    pub fn bad_request(detail: impl Into<String>) -> ApiError {
        ApiError::BadRequest {
            detail: detail.into(),
            param: None,
        }
    }

    /// A body that cannot be read.
    pub fn bad_body(detail: impl Into<String>) -> ApiError {
        ApiError::BadRequest {
            detail: detail.into(),
            param: Some(("body".into(), Location::Body)),
        }
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
        }
    }

    /// Seconds the client should wait, for the answers that say so.
    fn retry_after(&self) -> Option<u64> {
        match self {
            ApiError::Busy { retry_after_secs }
            | ApiError::TooManyRequests { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        }
    }
}

impl From<sepiola_index::IndexError> for ApiError {
    fn from(e: sepiola_index::IndexError) -> Self {
        ApiError::Internal(e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if let ApiError::Internal(msg) = &self {
            tracing::error!(%msg, "request failed");
        }
        let detail = self.to_string();
        let mut body = json!({
            "type": "about:blank",
            "title": status.canonical_reason().unwrap_or("Error"),
            "status": status.as_u16(),
            "detail": detail,
            "error": detail,
        });
        if let ApiError::BadRequest {
            param: Some((name, loc)),
            detail,
        } = &self
        {
            body["invalid-params"] = json!({
                name.as_str(): { "param": name, "location": loc.as_str(), "msg": detail }
            });
        }
        let mut response = (
            status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body.to_string(),
        )
            .into_response();
        if let Some(secs) = self.retry_after() {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(secs));
        }
        response
    }
}
