//! Thumbnails of videos and playlists in both of PeerTube's shapes.
//!
//! PeerTube ≤ 8.0 gives one `thumbnailPath` (and, for videos, one
//! `previewPath`); PeerTube 8.1+ adds a `thumbnails` array of
//! `{width, height, aspectRatio, fileUrl}` (PeerTube's
//! `packages/models/src/videos/thumbnail/thumbnail.model.ts`) and marks the
//! single paths deprecated, and its 8.2 web client reads only the array.
//! sepiola answers clients of 6.3 through 8.x at once, so every document
//! carries both: the array (the instance's own, each `fileUrl` on the
//! origin and each size sane, else built from the legacy paths) and the
//! legacy fields (the instance's, else taken from the array).

use serde::{Deserialize, Serialize};

use crate::error::ModelError;
use crate::origin::{Origin, origin_url};

/// Most thumbnails kept per document (PeerTube generates two or three sizes).
pub const MAX_THUMBNAILS: usize = 8;
/// Largest side accepted, in pixels: anything larger is a lie.
pub const MAX_THUMBNAIL_SIDE: u32 = 8192;
/// The size PeerTube ≤ 8.0 gives its `thumbnailPath` image by default
/// (`THUMBNAILS_SIZE` in its `server/core/initializers/constants.ts`).
pub const LEGACY_THUMBNAIL_SIZE: (u32, u32) = (280, 157);
/// The size PeerTube ≤ 8.0 gives its `previewPath` image by default
/// (`PREVIEWS_SIZE`).
pub const LEGACY_PREVIEW_SIZE: (u32, u32) = (850, 480);
/// The aspect ratios PeerTube's `ThumbnailAspectRatio` type allows.
pub const ASPECT_RATIOS: [&str; 5] = ["16:9", "16:10", "4:3", "5:4", "1:1"];

/// One size of a video's or playlist's thumbnail, as PeerTube 8.1+ sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Thumbnail {
    /// Width in pixels (1 to [`MAX_THUMBNAIL_SIDE`]).
    #[serde(default)]
    pub width: u32,
    /// Height in pixels (1 to [`MAX_THUMBNAIL_SIDE`]).
    #[serde(default)]
    pub height: u32,
    /// One of [`ASPECT_RATIOS`], when the instance said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aspect_ratio: Option<String>,
    /// Absolute URL of the image on the document's own instance.
    #[serde(default)]
    pub file_url: String,
}

impl Thumbnail {
    /// Whether both sides are in 1..=[`MAX_THUMBNAIL_SIDE`].
    pub fn sane_size(&self) -> bool {
        (1..=MAX_THUMBNAIL_SIDE).contains(&self.width)
            && (1..=MAX_THUMBNAIL_SIDE).contains(&self.height)
    }
}

/// The legacy single-image fields of a document, filled by or used to
/// fill [`normalize_thumbnails`].
pub(crate) struct Legacy<'a> {
    /// The field's API name (for errors).
    pub field: &'static str,
    /// The relative path.
    pub path: &'a mut Option<String>,
    /// The absolute URL.
    pub url: &'a mut Option<String>,
    /// Its default size when the array is built from it.
    pub size: (u32, u32),
    /// Whether it takes the largest size of the array (a preview) rather
    /// than the smallest (a thumbnail).
    pub largest: bool,
}

/// Checks and completes both shapes: the legacy fields must already have
/// gone through `fill_image` (on the origin). Entries of the array with
/// absurd sizes are dropped; an entry whose URL leaves the origin refuses
/// the document, as a foreign `thumbnailPath` does.
pub(crate) fn normalize_thumbnails(
    origin: &Origin,
    thumbnails: &mut Vec<Thumbnail>,
    legacy: &mut [Legacy<'_>],
) -> Result<(), ModelError> {
    thumbnails.truncate(MAX_THUMBNAILS);
    let mut kept = Vec::with_capacity(thumbnails.len());
    for mut t in thumbnails.drain(..) {
        let url = origin_url(origin, "thumbnails", Some(&t.file_url))?;
        let Some(url) = url else { continue };
        if !t.sane_size() {
            continue;
        }
        t.file_url = url;
        t.aspect_ratio = t
            .aspect_ratio
            .filter(|a| ASPECT_RATIOS.contains(&a.as_str()));
        kept.push(t);
    }
    kept.sort_by_key(|t| (t.width, t.height));
    kept.dedup_by(|a, b| a.file_url == b.file_url);
    *thumbnails = kept;

    if thumbnails.is_empty() {
        for l in legacy.iter() {
            if let Some(u) = l.url.as_deref() {
                thumbnails.push(Thumbnail {
                    width: l.size.0,
                    height: l.size.1,
                    aspect_ratio: None,
                    file_url: u.to_string(),
                });
            }
        }
        thumbnails.sort_by_key(|t| (t.width, t.height));
        thumbnails.dedup_by(|a, b| a.file_url == b.file_url);
        // Then the missing legacy field is filled from the array built
        // here, as it would be on the next normalize (idempotence).
    }
    for l in legacy.iter_mut() {
        if l.path.is_some() {
            continue;
        }
        let pick = if l.largest {
            thumbnails.last()
        } else {
            thumbnails.first()
        };
        if let Some(t) = pick {
            *l.path = Some(origin.path_of(l.field, &t.file_url)?);
            *l.url = Some(t.file_url.clone());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::origin::fill_image;

    /// The array, the legacy path and the legacy URL after normalising.
    type Both = (Vec<Thumbnail>, Option<String>, Option<String>);

    fn run(thumbs: Vec<Thumbnail>, path: Option<&str>) -> Result<Both, ModelError> {
        let o = Origin::for_host("tube.example", "");
        let mut t = thumbs;
        let mut p = path.map(str::to_string);
        let mut u = None;
        fill_image(&o, "thumbnailPath", &mut p, &mut u)?;
        normalize_thumbnails(
            &o,
            &mut t,
            &mut [Legacy {
                field: "thumbnailPath",
                path: &mut p,
                url: &mut u,
                size: LEGACY_THUMBNAIL_SIZE,
                largest: false,
            }],
        )?;
        Ok((t, p, u))
    }

    fn thumb(w: u32, h: u32, url: &str) -> Thumbnail {
        Thumbnail {
            width: w,
            height: h,
            aspect_ratio: Some("16:9".into()),
            file_url: url.into(),
        }
    }

    #[test]
    fn the_array_is_built_from_the_legacy_path() {
        let (t, p, u) = run(vec![], Some("/lazy-static/thumbnails/a.jpg")).unwrap();
        assert_eq!(t.len(), 1);
        assert_eq!(
            t[0].file_url,
            "https://tube.example/lazy-static/thumbnails/a.jpg"
        );
        assert_eq!((t[0].width, t[0].height), LEGACY_THUMBNAIL_SIZE);
        assert_eq!(p.as_deref(), Some("/lazy-static/thumbnails/a.jpg"));
        assert_eq!(u.as_deref(), Some(t[0].file_url.as_str()));
        let (t, p, u) = run(vec![], None).unwrap();
        assert!(t.is_empty() && p.is_none() && u.is_none());
    }

    #[test]
    fn the_legacy_fields_are_filled_from_the_array() {
        let (t, p, u) = run(
            vec![
                thumb(
                    1280,
                    720,
                    "https://tube.example/lazy-static/thumbnails/b.jpg",
                ),
                thumb(560, 315, "/lazy-static/thumbnails/a.jpg"),
            ],
            None,
        )
        .unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].width, 560, "smallest first");
        assert!(
            t.iter()
                .all(|t| t.file_url.starts_with("https://tube.example/"))
        );
        assert_eq!(p.as_deref(), Some("/lazy-static/thumbnails/a.jpg"));
        assert_eq!(
            u.as_deref(),
            Some("https://tube.example/lazy-static/thumbnails/a.jpg")
        );
    }

    #[test]
    fn hostile_arrays_are_refused_or_trimmed() {
        for bad in [
            "https://evil.example/x.jpg",
            "//evil.example/x.jpg",
            "javascript:alert(1)",
            "data:image/png;base64,AAAA",
        ] {
            assert!(run(vec![thumb(560, 315, bad)], None).is_err(), "{bad}");
        }
        let (t, _, _) = run(
            vec![
                thumb(0, 315, "/a.jpg"),
                thumb(560, 4_000_000_000, "/b.jpg"),
                thumb(560, 315, "/c.jpg"),
                Thumbnail {
                    aspect_ratio: Some("<script>".into()),
                    ..thumb(600, 400, "/d.jpg")
                },
            ],
            None,
        )
        .unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t[1].aspect_ratio, None);
        let many: Vec<Thumbnail> = (1..100)
            .map(|i| thumb(i, i, &format!("/{i}.jpg")))
            .collect();
        assert_eq!(run(many, None).unwrap().0.len(), MAX_THUMBNAILS);
    }
}
