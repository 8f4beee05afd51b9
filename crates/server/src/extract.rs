//! The one extractor of request parameters: the query string and, for
//! POST, the body (JSON or form, whatever the content type claims), merged
//! with the body winning. Every API route reads its parameters through it.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, Method, header};
use axum::response::{IntoResponse, Response};

use crate::location::Location;
use crate::params::RawParams;
use crate::problem::ApiError;

/// A request's parameters, merged from the query string and the body.
pub struct Params(pub RawParams);

impl<S: Send + Sync> FromRequest<S> for Params {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        let method = req.method().clone();
        let query = req.uri().query().map(str::to_owned);
        let headers = req.headers().clone();
        // Bytes enforces the body limit (413 past it).
        let body = Bytes::from_request(req, state)
            .await
            .map_err(IntoResponse::into_response)?;
        read_params(&method, query.as_deref(), &headers, &body)
            .map(Params)
            .map_err(IntoResponse::into_response)
    }
}

/// Reads the query string and, for POST, the body (JSON or form), merged
/// with the body winning.
pub fn read_params(
    method: &Method,
    query: Option<&str>,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<RawParams, ApiError> {
    let q = RawParams::from_urlencoded(query.unwrap_or("").as_bytes(), Location::Query)?;
    if *method != Method::POST || body.iter().all(u8::is_ascii_whitespace) {
        return Ok(q);
    }
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let is_json = ctype.starts_with("application/json")
        || (ctype.starts_with("application/")
            && ctype.split(';').next().unwrap_or("").ends_with("+json"));
    let is_form = ctype.starts_with("application/x-www-form-urlencoded");
    let b = if is_json {
        RawParams::from_json(body)?
    } else if is_form {
        RawParams::from_urlencoded(body, Location::Body)?
    } else if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        RawParams::from_json(body)?
    } else {
        RawParams::from_urlencoded(body, Location::Body)?
    };
    Ok(q.merge(b))
}
