//! PeerTube's NSFW flags (PeerTube 7+): bit flags saying why a sensitive
//! video is sensitive, and the rule its video lists and searches apply to
//! `nsfw`, `nsfwFlagsIncluded` and `nsfwFlagsExcluded`.
//!
//! The flags are PeerTube's `NSFWFlag` (`packages/models/src/videos/
//! nsfw-flag.enum.ts`); the rule is its `VideosIdListQueryBuilder`
//! (`server/core/models/video/sql/video/videos-id-list-query-builder.ts`,
//! `whereNSFW`, `whereSFW`, `whereNSFWFlagsExcluded`). `docs/ranking.md`
//! states it for people.

/// The video shows violence.
pub const VIOLENT: u32 = 1 << 0;
/// The video shows explicit sex.
pub const EXPLICIT_SEX: u32 = 1 << 1;
/// Every flag PeerTube defines; other bits are dropped where flags are read.
pub const KNOWN: u32 = VIOLENT | EXPLICIT_SEX;

/// The flags an instance sent, kept to the bits PeerTube defines: a
/// negative, fractional or huge value is no flag at all.
pub fn sanitize(raw: Option<&serde_json::Value>) -> u32 {
    raw.and_then(serde_json::Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .map_or(0, |v| v & KNOWN)
}

/// Whether a video with `nsfw` and `flags` passes a search's `nsfw`
/// (`Some(true)` only sensitive, `Some(false)` only not, `None` both),
/// `included` and `excluded` flags, exactly as PeerTube lists it:
///
/// - `nsfw=true`: sensitive, and no flag of `excluded` (`included` unused);
/// - `nsfw=false`: not sensitive, or any flag of `included` (`excluded` unused);
/// - `nsfw` both or absent: no flag of `excluded` (`included` unused).
///
/// A zero `included` or `excluded` is no condition. The index builds the
/// same rule as query clauses; this function is its reference.
pub fn passes(nsfw: bool, flags: u32, want: Option<bool>, included: u32, excluded: u32) -> bool {
    match want {
        Some(true) => nsfw && (excluded == 0 || flags & excluded == 0),
        Some(false) => !nsfw || (included != 0 && flags & included != 0),
        None => excluded == 0 || flags & excluded == 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn flags_out_of_range_are_no_flags() {
        assert_eq!(sanitize(Some(&json!(3))), 3);
        assert_eq!(sanitize(Some(&json!(1 | 4 | 1024))), 1);
        for bad in [
            json!(-1),
            json!(1.5),
            json!(1e300),
            json!("1"),
            json!(u64::MAX),
        ] {
            assert_eq!(sanitize(Some(&bad)), 0, "{bad}");
        }
        assert_eq!(sanitize(None), 0);
    }

    #[test]
    fn the_rule_is_peertubes() {
        // A violent sensitive video.
        assert!(!passes(true, VIOLENT, None, 0, VIOLENT));
        assert!(passes(true, VIOLENT, None, 0, EXPLICIT_SEX));
        assert!(passes(true, VIOLENT, Some(true), 0, 0));
        assert!(!passes(
            true,
            VIOLENT,
            Some(true),
            0,
            VIOLENT | EXPLICIT_SEX
        ));
        assert!(!passes(true, VIOLENT, Some(false), 0, 0));
        assert!(passes(true, VIOLENT, Some(false), VIOLENT, 0));
        assert!(!passes(true, VIOLENT, Some(false), EXPLICIT_SEX, 0));
        // Excluded does not apply to nsfw=false, included not to the others.
        assert!(passes(false, 0, Some(false), 0, VIOLENT));
        assert!(passes(true, 0, None, VIOLENT, 0));
        // A sensitive video without flags is hidden by no flag.
        assert!(passes(true, 0, None, 0, KNOWN));
    }
}
