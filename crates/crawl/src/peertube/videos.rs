//! PeerTube videos as a listed kind: local public videos, newest first
//! (`/api/v1/videos?isLocal=true&nsfw=both&sort=-publishedAt`), capped at
//! `max_videos_per_host`; changed ones are completed from their details
//! (`/api/v1/videos/{uuid}`: tags, full description) before they are
//! written, and the channels of new ones are noted for quick passes.

use serde_json::Value;

use sepiola_model::{Document, Video};

use super::{Reject, RestPages, mapping};
use crate::error::{CrawlError, FetchError};
use crate::listing::{Enriched, HostCx, ListedKind};
use crate::settings::CrawlSettings;

/// Every local public video of the host, newest first.
pub const PAGES: RestPages = RestPages::new(
    "/api/v1/videos",
    &[
        ("sort", "-publishedAt"),
        ("isLocal", "true"),
        ("nsfw", "both"),
    ],
);

/// The video plug-in of the listing driver; remembers the channels of the
/// new videos it wrote.
#[derive(Debug, Default)]
pub struct Videos {
    new_channels: Vec<String>,
}

impl Videos {
    /// The channel names of the new videos, sorted and without repeats
    /// (a quick pass fetches those the index lacks).
    pub fn into_new_channels(mut self) -> Vec<String> {
        self.new_channels.sort();
        self.new_channels.dedup();
        self.new_channels
    }
}

impl ListedKind for Videos {
    type Doc = Video;
    const NAME: &'static str = "video";

    fn max_docs(settings: &CrawlSettings) -> u64 {
        settings.max_videos_per_host
    }

    fn parse(&self, item: &Value, host: &str) -> Result<Option<Video>, Reject> {
        mapping::video(item, host).map(Some)
    }

    /// Fetches the details (tags, full description) of changed videos, two
    /// at a time at most (the per-host limit of the client).
    async fn enrich(
        &mut self,
        cx: &mut HostCx,
        changed: Vec<Video>,
    ) -> Result<Vec<Enriched<Video>>, CrawlError> {
        let mut tasks = tokio::task::JoinSet::new();
        for (i, v) in changed.iter().enumerate() {
            let url = cx.url(&format!("/api/v1/videos/{}", v.uuid))?;
            let fetcher = cx.ctx.fetcher.clone();
            cx.summary.requests += 1;
            tasks.spawn(async move { (i, fetcher.get_json(&url).await) });
        }
        let mut answers: Vec<Option<Result<Value, FetchError>>> =
            (0..changed.len()).map(|_| None).collect();
        while let Some(joined) = tasks.join_next().await {
            let (i, r) = joined.map_err(|e| CrawlError::Task(e.to_string()))?;
            if let Some(slot) = answers.get_mut(i) {
                *slot = Some(r);
            }
        }
        let mut out = Vec::with_capacity(changed.len());
        for (listed, answer) in changed.into_iter().zip(answers) {
            let gone = |refused| Enriched::Gone {
                key: listed.key(),
                refused,
            };
            match answer {
                Some(Ok(body)) => match mapping::video(&body, &cx.host) {
                    Ok(d) if d.uuid == listed.uuid => out.push(Enriched::Ready(d)),
                    Ok(_) => out.push(Enriched::Refused(Reject::Malformed(
                        "detail of another video",
                    ))),
                    Err(r) => out.push(gone(Some(r))),
                },
                // Deleted between the listing and now.
                Some(Err(e)) if e.is_not_found() => out.push(gone(None)),
                Some(Err(FetchError::Json(m))) => {
                    tracing::debug!(host = %cx.host, error = %m, "video detail");
                    out.push(gone(Some(Reject::Malformed("detail is not JSON"))));
                }
                Some(Err(source)) => {
                    return Err(CrawlError::Fetch {
                        what: format!("/api/v1/videos/{}", listed.uuid),
                        source,
                    });
                }
                None => {}
            }
        }
        Ok(out)
    }

    fn noticed_new(&mut self, v: &Video) {
        self.new_channels.push(v.channel.name.clone());
    }
}
