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
        (
            status,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body.to_string(),
        )
            .into_response()
    }
}
