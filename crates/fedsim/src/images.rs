//! Tiny real images (JPEG thumbnails, PNG avatars) embedded in the binary and served by instances.

/// JPEG thumbnails (64×36).
pub const THUMBNAILS: [&[u8]; 4] = [
    include_bytes!("../data/img/thumb0.jpg"),
    include_bytes!("../data/img/thumb1.jpg"),
    include_bytes!("../data/img/thumb2.jpg"),
    include_bytes!("../data/img/thumb3.jpg"),
];

/// PNG avatars (48×48).
pub const AVATARS: [&[u8]; 4] = [
    include_bytes!("../data/img/avatar0.png"),
    include_bytes!("../data/img/avatar1.png"),
    include_bytes!("../data/img/avatar2.png"),
    include_bytes!("../data/img/avatar3.png"),
];

/// Picks a thumbnail for a file name, stably.
pub fn thumbnail_for(name: &str) -> &'static [u8] {
    let h = name.bytes().fold(0usize, |acc, b| {
        acc.wrapping_mul(31).wrapping_add(usize::from(b))
    });
    THUMBNAILS[h % THUMBNAILS.len()]
}

/// Picks the avatar named `<kind><id>-<variant>-<width>.png`; `None` if the name is not one.
pub fn avatar_for(name: &str) -> Option<&'static [u8]> {
    let stem = name.strip_suffix(".png")?;
    let variant: usize = stem.split('-').nth(1)?.parse().ok()?;
    AVATARS.get(variant).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_real() {
        for t in THUMBNAILS {
            assert_eq!(&t[..3], &[0xFF, 0xD8, 0xFF]);
        }
        for a in AVATARS {
            assert_eq!(&a[..8], b"\x89PNG\r\n\x1a\n");
        }
        assert!(avatar_for("account3-2-48.png").is_some());
        assert!(avatar_for("x.png").is_none());
    }
}
