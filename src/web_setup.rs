//! Builds the server's shared state with what the web page needs: the image
//! proxy (cache under the data directory) and the operator's logo.

use std::sync::Arc;

use anyhow::Context;

use sepiola_index::SearchIndex;
use sepiola_server::AppState;
use sepiola_server::web::ImageProxy;

use crate::config::Config;

/// The server state for `config`.
pub fn app_state(
    config: &Config,
    index: Arc<SearchIndex>,
    moderation: Arc<sepiola_server::Moderation>,
) -> anyhow::Result<AppState> {
    let cache = config.data_dir.join("images");
    let proxy = ImageProxy::new(config.images.clone(), &cache)
        .with_context(|| format!("preparing the image cache in {}", cache.display()))?;
    let mut state = AppState::new(index, config.instance.clone())
        .with_moderation(moderation)
        .with_limits(config.limits.clone())
        .with_image_proxy(proxy)
        .with_index_dir(config.data_dir.join("index"))
        .with_admin_token(config.admin.token.clone());
    if let Some(path) = &config.instance.logo_file {
        let content_type = match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("svg") => "image/svg+xml",
            Some("png") => "image/png",
            Some("jpg" | "jpeg") => "image/jpeg",
            Some("webp") => "image/webp",
            _ => anyhow::bail!(
                "the logo {} must be .svg, .png, .jpg or .webp",
                path.display()
            ),
        };
        let bytes =
            std::fs::read(path).with_context(|| format!("reading the logo {}", path.display()))?;
        state = state.with_logo(content_type, bytes.into());
    }
    Ok(state)
}
