//! What the operator configures that the HTTP side needs.

use serde::{Deserialize, Serialize};

/// Branding and public facts of this search instance.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InstanceSettings {
    /// Name shown on pages, in OpenSearch and in `/api/v1/config`.
    pub name: String,
    /// One sentence on what this instance indexes.
    pub description: String,
    /// Image file (SVG, PNG, JPEG or WebP) shown instead of the name.
    pub logo_file: Option<std::path::PathBuf>,
    /// Link to the legal notice.
    pub legal_notices_url: Option<String>,
    /// Public list of the instances this index crawls (for people).
    pub indexed_instances_url: Option<String>,
    /// Absolute public URL of this sepiola (for OpenSearch and links).
    pub public_url: Option<String>,
    /// Extra CSS appended to every page.
    pub custom_css: Option<String>,
    /// A notice at the top of every page (maintenance, or `sepiola demo`'s).
    pub banner: Option<String>,
}

/// The description when the operator sets none: pages show it translated
/// (`site-tagline`), the API and OpenSearch as is.
pub const DEFAULT_DESCRIPTION: &str =
    "Search videos, channels and playlists across PeerTube instances.";

impl Default for InstanceSettings {
    fn default() -> Self {
        InstanceSettings {
            name: "sepiola".into(),
            description: DEFAULT_DESCRIPTION.into(),
            logo_file: None,
            legal_notices_url: None,
            indexed_instances_url: None,
            public_url: None,
            custom_css: None,
            banner: None,
        }
    }
}

/// Limits of the image proxy that serves thumbnails and avatars, so the
/// page never makes a request to another origin.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ImageProxySettings {
    /// Largest image fetched, in bytes.
    pub max_image_bytes: u64,
    /// Time allowed to fetch one image, in milliseconds.
    pub fetch_timeout_ms: u64,
    /// Size of the on-disk cache, in megabytes.
    pub cache_mb: u64,
    /// Whether images may come from private and loopback addresses
    /// (only for tests and the fedsim demo).
    pub allow_private_addresses: bool,
}

impl Default for ImageProxySettings {
    fn default() -> Self {
        ImageProxySettings {
            max_image_bytes: 2 * 1024 * 1024,
            fetch_timeout_ms: 5_000,
            cache_mb: 512,
            allow_private_addresses: false,
        }
    }
}

/// The operators' HTTP API under `/api/v1/admin/`: off unless a token is set.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AdminSettings {
    /// The bearer token every admin request must carry (`Authorization:
    /// Bearer …`); without one the admin API answers 404.
    pub token: Option<String>,
}

/// What the moderation pages and the report form need from the operator.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ModerationSettings {
    /// The name decisions taken through this server are signed with.
    pub operator: String,
    /// The indexing policy, in Markdown, per language code (`en`, `fr`);
    /// a language without one shows English's (or the first given).
    pub policy: std::collections::BTreeMap<String, String>,
    /// Reports waiting for review kept at most; past it new ones are
    /// dropped and counted.
    pub max_pending_reports: usize,
    /// Reports one client address may send per minute (held in memory only).
    pub reports_per_minute: u32,
}

impl Default for ModerationSettings {
    fn default() -> Self {
        ModerationSettings {
            operator: "operator".into(),
            policy: std::collections::BTreeMap::new(),
            max_pending_reports: 1_000,
            reports_per_minute: 5,
        }
    }
}
