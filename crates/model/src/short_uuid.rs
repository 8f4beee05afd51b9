//! PeerTube's `shortUUID`: the uuid's 128-bit value in the flickr base58
//! alphabet, left-padded to 22 characters (what the npm `short-uuid` package
//! PeerTube uses produces). The index keeps only the uuid and turns a
//! shortUUID asked for into it.

const FLICKR: &[u8; 58] = b"123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
const LEN: usize = 22;

/// Encodes a uuid's 128-bit value as a shortUUID.
pub fn encode(uuid: u128) -> String {
    let mut n = uuid;
    let mut out = Vec::with_capacity(LEN);
    while n > 0 {
        out.push(FLICKR[(n % 58) as usize]);
        n /= 58;
    }
    while out.len() < LEN {
        out.push(FLICKR[0]);
    }
    out.reverse();
    out.into_iter().map(char::from).collect()
}

/// Decodes a shortUUID into the uuid's 128-bit value; `None` if it is not one.
pub fn decode(short: &str) -> Option<u128> {
    if short.is_empty() || short.len() > LEN {
        return None;
    }
    let mut n: u128 = 0;
    for b in short.bytes() {
        let digit = FLICKR.iter().position(|c| *c == b)? as u128;
        n = n.checked_mul(58)?.checked_add(digit)?;
    }
    Some(n)
}

/// The uuid a shortUUID stands for, in the lowercase hyphenated form the
/// index stores; `None` if it is not one.
pub fn to_uuid(short: &str) -> Option<String> {
    crate::ids::normalize_uuid(&format!("{:032x}", decode(short)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_matches_peertube() {
        // A pair observed on a real PeerTube instance (uuid ↔ shortUUID).
        let u = 0x9c9de5e8_0a1e_484a_b099_e80766180a6d_u128;
        assert_eq!(encode(u), "kkGMgK9ZtnKfYAgnEtQxbv");
        assert_eq!(decode("kkGMgK9ZtnKfYAgnEtQxbv"), Some(u));
        assert_eq!(
            to_uuid("kkGMgK9ZtnKfYAgnEtQxbv").as_deref(),
            Some("9c9de5e8-0a1e-484a-b099-e80766180a6d")
        );
        assert_eq!(encode(0).len(), 22);
        assert_eq!(decode(&encode(0)), Some(0));
        assert_eq!(decode(&encode(u128::MAX)), Some(u128::MAX));
        // Not in the alphabet, too long, empty, overflowing.
        assert_eq!(decode("0OIl"), None);
        assert_eq!(decode("kkGMgK9ZtnKfYAgnEtQxbvX"), None);
        assert_eq!(to_uuid(""), None);
        assert_eq!(decode("ZZZZZZZZZZZZZZZZZZZZZZ"), None);
    }
}
