//! Document identifiers: UUIDs in their canonical form and PeerTube's
//! base58 short UUIDs, checked before anything is indexed under them.

use serde::{Deserialize, Deserializer};

use crate::error::ModelError;
use crate::text;

/// Checks a document's UUID and cleans its short UUID (base58).
pub(crate) fn normalize_ids(uuid: &mut String, short: &mut String) -> Result<(), ModelError> {
    *uuid = normalize_uuid(uuid).ok_or(ModelError::Invalid {
        field: "uuid",
        reason: "not a uuid".into(),
    })?;
    *short = text::clean_line(short, 64);
    if !short.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(ModelError::Invalid {
            field: "shortUUID",
            reason: "not base58".into(),
        });
    }
    Ok(())
}

/// Lower-cases a UUID and checks its form (hex digits and dashes).
/// Any placement of the dashes is accepted; the result is always the
/// canonical `8-4-4-4-12` form, so a uuid written without dashes finds the
/// same document.
pub fn normalize_uuid(s: &str) -> Option<String> {
    let s = s.trim().to_ascii_lowercase();
    let ok = (32..=36).contains(&s.len())
        && s.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
        && s.chars().filter(|c| c.is_ascii_hexdigit()).count() == 32;
    if !ok {
        return None;
    }
    let h: String = s.chars().filter(char::is_ascii_hexdigit).collect();
    Some(format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    ))
}

/// Mobilizon ids are strings in GraphQL and numbers in some dumps: accept
/// both, keep a string.
pub fn id_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match v {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_checked() {
        assert!(normalize_uuid("9C9DE5E8-0A1B-4A7E-8B0F-1A2B3C4D5E6F").is_some());
        assert!(normalize_uuid("not-a-uuid").is_none());
        let canonical = Some("9c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f".to_string());
        assert_eq!(
            normalize_uuid("9C9DE5E80A1B4A7E8B0F1A2B3C4D5E6F"),
            canonical
        );
        assert_eq!(
            normalize_uuid(" 9c9de5e8-0a1b-4a7e-8b0f-1a2b3c4d5e6f "),
            canonical
        );
        assert!(normalize_uuid("<script>").is_none());
    }
}
