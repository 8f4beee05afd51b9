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
