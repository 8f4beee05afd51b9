//! PeerTube's `shortUUID` of a [`Uuid`] (the encoding lives in `sepiola-model`).

use uuid::Uuid;

/// Encodes a uuid as PeerTube's shortUUID.
pub fn encode(uuid: &Uuid) -> String {
    sepiola_model::short_uuid::encode(uuid.as_u128())
}

/// Decodes a shortUUID back into a uuid; `None` if it is not one.
pub fn decode(short: &str) -> Option<Uuid> {
    sepiola_model::short_uuid::decode(short).map(Uuid::from_u128)
}
