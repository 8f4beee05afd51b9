//! Simulated Mobilizon instances: each on its own port, answering the
//! GraphQL queries a crawler sends to `POST /api` (`searchEvents` and
//! `searchGroups` with `searchTarget: SELF`, `event(uuid)`, `config`), with
//! Mobilizon's argument defaults (`page` 1, `limit` 10, `beginsOn` now) and
//! Absinthe-shaped errors (HTTP 200, `{"errors": [{"message": …}]}`), plus
//! `/.well-known/nodeinfo` and the media files the objects point to.
//!
//! [`places`] holds the real cities, [`content`] what an instance hosts,
//! [`graphql`] the little GraphQL reader, [`api`] the routes and
//! resolvers, [`hostile`] the misbehaviours, [`control`] the control API.

pub mod api;
pub mod content;
pub mod control;
pub mod graphql;
pub mod hostile;
pub mod places;

use std::sync::{OnceLock, RwLock, RwLockReadGuard, RwLockWriteGuard};

use chrono::{DateTime, Utc};
use tokio::sync::watch;

use crate::hostile::HostileKind;
use content::{MobContent, MobParams};

/// One simulated Mobilizon instance.
pub struct MobInstance {
    /// Position among the Mobilizon instances.
    pub index: usize,
    /// `127.0.0.1:PORT`.
    pub host: String,
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    /// How it misbehaves, if it does.
    pub hostile: Option<HostileKind>,
    /// Events it was generated with (hidden ones included).
    pub events_at_start: usize,
    /// How its content is generated.
    params: MobParams,
    /// For `uuid-clash`: the instance whose event uuids it reuses.
    clash_with: Option<MobParams>,
    content: OnceLock<RwLock<MobContent>>,
    /// Up/down switch.
    pub down: watch::Sender<bool>,
}

impl MobInstance {
    /// An instance at `host` generated from `params`.
    pub fn new(
        host: String,
        params: MobParams,
        hostile: Option<HostileKind>,
        clash_with: Option<MobParams>,
    ) -> MobInstance {
        MobInstance {
            index: params.index as usize,
            base_url: format!("http://{host}"),
            host,
            hostile,
            events_at_start: params.events,
            params,
            clash_with,
            content: OnceLock::new(),
            down: watch::channel(false).0,
        }
    }

    fn cell(&self) -> &RwLock<MobContent> {
        self.content.get_or_init(|| {
            let mut c = content::generate(self.params);
            if let Some(victim) = self.clash_with {
                let stolen: Vec<uuid::Uuid> = content::generate(victim)
                    .events
                    .iter()
                    .map(|e| e.uuid)
                    .collect();
                if !stolen.is_empty() {
                    for (k, e) in c.events.iter_mut().enumerate() {
                        e.uuid = stolen[k % stolen.len()];
                    }
                }
            }
            RwLock::new(c)
        })
    }

    /// Generates the content now if it was not yet.
    pub fn warm(&self) {
        let _ = self.cell();
    }

    /// Reads the content.
    pub fn read(&self) -> RwLockReadGuard<'_, MobContent> {
        self.cell().read().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes the content.
    pub fn write(&self) -> RwLockWriteGuard<'_, MobContent> {
        self.cell().write().unwrap_or_else(|e| e.into_inner())
    }

    /// The time its content calls "now".
    pub fn now(&self) -> DateTime<Utc> {
        self.params.now
    }
}
