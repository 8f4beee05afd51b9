//! PeerTube's `shortUUID`: the uuid's 128-bit value in the flickr base58 alphabet, left-padded to
//! 22 characters (what the npm `short-uuid` package PeerTube uses produces).

use uuid::Uuid;

const FLICKR: &[u8; 58] = b"123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
const LEN: usize = 22;

/// Encodes a uuid as PeerTube's shortUUID.
pub fn encode(uuid: &Uuid) -> String {
    let mut n = uuid.as_u128();
    let mut out = Vec::with_capacity(LEN);
    while n > 0 {
        out.push(FLICKR[(n % 58) as usize]);
        n /= 58;
    }
    while out.len() < LEN {
        out.push(FLICKR[0]);
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// Decodes a shortUUID back into a uuid; `None` if it is not one.
pub fn decode(short: &str) -> Option<Uuid> {
    if short.is_empty() || short.len() > LEN {
        return None;
    }
    let mut n: u128 = 0;
    for b in short.bytes() {
        let digit = FLICKR.iter().position(|c| *c == b)? as u128;
        n = n.checked_mul(58)?.checked_add(digit)?;
    }
    Some(Uuid::from_u128(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_matches_peertube() {
        // A pair observed on a real PeerTube instance (uuid ↔ shortUUID).
        let u = Uuid::parse_str("9c9de5e8-0a1e-484a-b099-e80766180a6d").unwrap();
        assert_eq!(encode(&u), "kkGMgK9ZtnKfYAgnEtQxbv");
        assert_eq!(decode("kkGMgK9ZtnKfYAgnEtQxbv"), Some(u));
        let zero = Uuid::from_u128(0);
        assert_eq!(encode(&zero).len(), 22);
        assert_eq!(decode(&encode(&zero)), Some(zero));
        assert_eq!(decode("0OIl"), None);
    }
}
