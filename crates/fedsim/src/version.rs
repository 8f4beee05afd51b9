//! Which PeerTube release an instance imitates: the federation mixes
//! releases, as the real one does, so a crawler is tested against every
//! shape it meets.
//!
//! - `6.3`: legacy shapes only: `thumbnailPath`/`previewPath`, no NSFW
//!   flags, plain language labels, no `videosCount` on channels, avatars
//!   smallest first.
//! - `8.2`: `thumbnails` arrays on videos and playlists *without* the
//!   deprecated `thumbnailPath`/`previewPath` (as a PeerTube that has
//!   dropped them will send), `nsfwFlags` and `nsfwSummary`, language
//!   labels naming a region ("Spanish (Spain)"), `videosCount` on
//!   channels, avatars largest first.

use serde::Serialize;

/// A PeerTube release whose API shapes an instance serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PeerTubeVersion {
    /// PeerTube 6.3.0.
    #[serde(rename = "6.3.0")]
    V6_3,
    /// PeerTube 8.2.0.
    #[serde(rename = "8.2.0")]
    V8_2,
}

impl PeerTubeVersion {
    /// `serverVersion` in `/api/v1/config`, NodeInfo's software version.
    pub fn server_version(self) -> &'static str {
        match self {
            PeerTubeVersion::V6_3 => "6.3.0",
            PeerTubeVersion::V8_2 => "8.2.0",
        }
    }

    /// Whether videos and playlists carry the `thumbnails` array (8.1+)
    /// instead of the deprecated single paths.
    pub fn thumbnails_array(self) -> bool {
        self == PeerTubeVersion::V8_2
    }

    /// Whether videos carry `nsfwFlags` and `nsfwSummary` (7.0+).
    pub fn nsfw_flags(self) -> bool {
        self == PeerTubeVersion::V8_2
    }

    /// Whether language labels name a region and channels carry
    /// `videosCount` (what this simulation's 8.2 instances do).
    pub fn rich_labels(self) -> bool {
        self == PeerTubeVersion::V8_2
    }
}

/// Which releases the federation's instances run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VersionMix {
    /// About half each, chosen from the seed and the instance's index only.
    #[default]
    Mixed,
    /// Every instance runs this one.
    Only(PeerTubeVersion),
}

impl VersionMix {
    /// Parses `mixed`, `6.3` or `8.2` (also `6.3.0`, `8.2.0`).
    pub fn parse(s: &str) -> Option<VersionMix> {
        match s.trim() {
            "mixed" => Some(VersionMix::Mixed),
            "6.3" | "6.3.0" => Some(VersionMix::Only(PeerTubeVersion::V6_3)),
            "8.2" | "8.2.0" => Some(VersionMix::Only(PeerTubeVersion::V8_2)),
            _ => None,
        }
    }

    /// The release of instance `index` under `seed`: the same for equal
    /// seeds and indexes, whatever the number of instances or hostility.
    pub fn version_for(self, seed: u64, index: u64) -> PeerTubeVersion {
        match self {
            VersionMix::Only(v) => v,
            VersionMix::Mixed => {
                // splitmix64 of (seed, index): a stable coin per instance.
                let mut z = seed
                    .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                    .wrapping_add(index.wrapping_add(1).wrapping_mul(0xBF58_476D_1CE4_E5B9));
                z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                z ^= z >> 31;
                if z & 1 == 0 {
                    PeerTubeVersion::V6_3
                } else {
                    PeerTubeVersion::V8_2
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mix_is_deterministic_and_mixed() {
        let a: Vec<_> = (0..40)
            .map(|i| VersionMix::Mixed.version_for(7, i))
            .collect();
        let b: Vec<_> = (0..40)
            .map(|i| VersionMix::Mixed.version_for(7, i))
            .collect();
        assert_eq!(a, b);
        let new = a.iter().filter(|v| **v == PeerTubeVersion::V8_2).count();
        assert!((10..=30).contains(&new), "{new} of 40");
        assert_eq!(
            VersionMix::parse("6.3").unwrap().version_for(7, 3),
            PeerTubeVersion::V6_3
        );
        assert!(VersionMix::parse("9").is_none());
    }
}
