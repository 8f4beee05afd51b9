//! `GET /api/v1/instances`: every host on the instance list with its crawl
//! health, last passes and number of indexed documents. The crawler provides
//! the statuses through [`InstanceReport`]; the server only counts documents.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;

use sepiola_model::instance::{InstanceStatus, InstancesResponse};

use crate::{ApiError, AppState};

/// Something that knows the crawl status of each listed host (the crawler).
pub trait InstanceReport: Send + Sync {
    /// Every host on the list, sorted by host.
    fn instances(&self) -> Vec<InstanceStatus>;
}

/// Something that can run a pass now (the crawler), for operators.
pub trait CrawlControl: Send + Sync {
    /// Asks for a full pass of `host` (every listed host with `None`) as
    /// soon as it is free; returns the listed hosts it applies to.
    fn request_full_pass(&self, host: Option<&str>) -> Vec<String>;
}

/// The handler.
pub async fn list(State(state): State<Arc<AppState>>) -> Result<Json<InstancesResponse>, ApiError> {
    let mut data = state
        .instance_report()
        .map(|r| r.instances())
        .unwrap_or_default();
    let counts = state.host_counts()?;
    for s in &mut data {
        s.documents = counts.get(&s.host).copied().unwrap_or(0);
    }
    Ok(Json(InstancesResponse {
        total: data.len() as u64,
        data,
    }))
}
